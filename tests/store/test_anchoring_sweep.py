"""Every sentence of a repetitive news article, annotated and then edited in several ways:
each annotation must land on its own sentence (never on a look-alike) or become an orphan."""

from __future__ import annotations

import random
import re

import pytest

from tui.store.anchoring import anchor, make_selector

ARTICLE = """\
City approves new budget after long debate

The city council approved the budget on Thursday, officials said. The vote was seven to two, officials said.
“This budget protects our schools,” Mayor Ruth Tan said at a news conference. “It also fixes the roads,” she said.
Council member Ivo Petrov voted against it. “The budget ignores the north side,” Petrov said.
The police budget rises by four percent, officials said. The fire budget rises by two percent, officials said.
Libraries will open on Sundays again, a spokesperson said. Parks will get new lights, a spokesperson said.
“We listened to residents,” Tan said. “We did not listen to residents,” Petrov said.
The budget takes effect in July. A review is planned for December, officials said.
"""

SENTENCES = [m.span() for m in re.finditer(r"“?[A-Z][^.!?“”]*(?:[,.!?]”[^.!?“”]*)?[.!?]", ARTICLE.split("\n\n", 1)[1])]
OFFSET = len(ARTICLE.split("\n\n", 1)[0]) + 2
SPANS = [(s + OFFSET, e + OFFSET) for s, e in SENTENCES]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(a[1] - a[0], b[1] - b[0])


def test_the_fixture_has_many_look_alike_sentences():
    assert len(SPANS) == 14
    assert ARTICLE.count("officials said") >= 5


@pytest.mark.parametrize("i", range(14))
def test_inserted_paragraph_and_edits_elsewhere(i):
    s, e = SPANS[i]
    sel = make_selector(ARTICLE, s, e)
    # a paragraph added at the top and a word changed in another sentence
    other = SPANS[(i + 3) % len(SPANS)]
    edited = ARTICLE[:other[0]] + ARTICLE[other[0]:other[1]].replace("the", "a", 1) + ARTICLE[other[1]:]
    edited = edited.replace("\n\n", "\n\nEditor's note: this story was updated.\n\n", 1)
    shift = len("Editor's note: this story was updated.\n\n")
    delta = len(edited) - len(ARTICLE) - shift
    new = (s + shift + (delta if other[0] < s else 0), e + shift + (delta if other[0] < s else 0))
    a = anchor(edited, sel)
    assert a.status == "anchored", ARTICLE[s:e]
    assert (a.start, a.end) == new and edited[a.start:a.end] == ARTICLE[s:e]


@pytest.mark.parametrize("i", range(14))
def test_word_changed_inside_the_sentence(i):
    s, e = SPANS[i]
    sel = make_selector(ARTICLE, s, e)
    rng = random.Random(i)
    words = list(re.finditer(r"[A-Za-z]{4,}", ARTICLE[s:e]))
    w = rng.choice(words)
    edited = ARTICLE[:s + w.start()] + w.group()[::-1].upper() + ARTICLE[s + w.end():]
    a = anchor(edited, sel)
    assert a.status == "moved", ARTICLE[s:e]
    assert _overlap((a.start, a.end), (s, e)) > 0.85


@pytest.mark.parametrize("i", range(14))
def test_deleted_sentence_never_lands_on_a_look_alike(i):
    s, e = SPANS[i]
    sel = make_selector(ARTICLE, s, e)
    edited = ARTICLE[:s] + ARTICLE[e:].lstrip(" ")
    a = anchor(edited, sel)
    assert a.status == "orphan", (ARTICLE[s:e], None if a.start is None else edited[a.start:a.end])


@pytest.mark.parametrize("phrase", ["officials said", "a spokesperson said", "budget"])
def test_short_phrase_whose_sentence_was_deleted_is_an_orphan(phrase):
    i = next(k for k, (s, e) in enumerate(SPANS) if phrase in ARTICLE[s:e] and k > 2)
    s, e = SPANS[i]
    p = ARTICLE.index(phrase, s)
    sel = make_selector(ARTICLE, p, p + len(phrase))
    edited = ARTICLE[:s] + ARTICLE[e:].lstrip(" ")
    a = anchor(edited, sel)
    assert a.status == "orphan", edited[a.start - 20:a.end + 20]
