"""The engine's speed-ups must not change what it finds: each fast form of a pattern is checked
against the plain one it replaces, on invented words and text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.engine.cues import alternatives

_WORDS = st.lists(st.text(alphabet="abst ", min_size=1, max_size=6).map(str.strip).filter(bool),
                  min_size=1, max_size=12, unique=True)


@settings(max_examples=300, deadline=None)
@given(words=_WORDS, text=st.text(alphabet="abst ,.", max_size=40), tail=st.sampled_from([r"\b", r"\s+t", r"", r"s?\."]))
def test_grouped_alternation_matches_like_the_plain_one(words, text, tail):
    """"sa(?:id|ys)|…" finds the same words at the same places as "said|says|…" (longest first),
    whatever follows the word in the pattern."""
    plain = re.compile(rf"(?P<v>{'|'.join(sorted((re.escape(w) for w in words), key=len, reverse=True))}){tail}")
    grouped = re.compile(rf"(?P<v>{alternatives(words)}){tail}")
    assert [m.span("v") for m in grouped.finditer(text)] == [m.span("v") for m in plain.finditer(text)]


def test_speech_verbs_are_found_by_the_grouped_pattern():
    """A cue after a quotation is still found with the verbs grouped by their first letters."""
    from tui.engine.cues import cue_after

    text = "“We sail at dawn,” the harbour master went on quietly."
    cue = cue_after(text, text.index("”") + 1, len(text))
    assert cue is not None and (cue.np, cue.verb) == ("the harbour master", "went on")


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_plain_ascii_is_cleaned_like_any_other_text(text):
    """An ASCII article (cleaned by a fast path) loses the same control characters, and keeps the
    same words, as the same article with one accented letter (cleaned by the general one)."""
    from tui.engine.sanitize import sanitize

    clean, removed = sanitize(text)
    clean_accented, removed_accented = sanitize(text + "é")
    assert (clean + "é", removed) == (clean_accented, removed_accented)


_SENTENCE_WORDS = st.lists(st.sampled_from(["Ann", "quickly", "has", "had", "also", "then", "not", "never", "x-rarely",
                                            "boat", "fly", "the", ",", "(D-Vt.)", " ", "  ", "\n", "\t"]),
                           max_size=20).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(words=_SENTENCE_WORDS)
def test_adverbs_ending_a_phrase_are_found_from_its_last_words(words):
    """"The harbour master has repeatedly warned": the adverbs before the verb are the same ones
    whether looked for from the last three words or from every offset of the phrase."""
    from tui.engine.cues import _ADV_END, _adverbs_at_end

    m, plain = _adverbs_at_end(words + " "), _ADV_END.search(words + " ")
    assert (m.span() if m else None) == (plain.span() if plain else None)
