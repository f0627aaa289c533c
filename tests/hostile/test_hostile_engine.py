"""Any text through analyze(): quotations and speakers that keep the model's contract.

Written against the contract of :class:`tui.engine.model.Quote`/``Analysis`` only, so it
holds for whichever quotation finder and attribution the branch carries."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui.engine import analyze, load_text

from .invariants import WORD, examples, hostile_text

QUOTE_BITS = ["“", "”", "\"", "‘", "’", "'", "«", "»", "„", "‹", "›", "—", ": ", ", ", ". ", "\n\n", "\n", " ",
              "said", "says", "told", "according to", "added", "he", "she", "they", "Mr.", "Dr.", "Ms.",
              "Ana Costa", "Smith", "The minister", "Q:", "A:", "MR. SMITH:", "- ", "> ", "# ", "[bold]", "\x1b["]

quotey_text = st.lists(st.one_of(WORD, st.sampled_from(QUOTE_BITS)), max_size=120).map(" ".join)


def check_analysis(text: str, fmt: str | None) -> None:
    doc = load_text(text, fmt=fmt)
    analysis = analyze(doc)
    n = len(doc.text)
    ids = {s.id for s in analysis.speakers}
    assert len(ids) == len(analysis.speakers), "speaker ids are unique"
    for s in analysis.speakers:
        assert isinstance(s.name, str) and s.name.strip()
    for q in analysis.quotes:
        assert 0 <= q.mark_start <= q.start <= q.end <= q.mark_end <= n, q
        assert q.speaker is None or q.speaker in ids, q
        assert 0.0 <= q.confidence <= 1.0, q
        assert analysis.speaker_of(q) is None or analysis.speaker_of(q).id == q.speaker


@settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=quotey_text, fmt=st.sampled_from([None, "text", "markdown"]))
@example(text="“", fmt="text")
@example(text="“”", fmt="text")
@example(text="\"\"\"\"", fmt="text")
@example(text="“Yes,” “No,” she said. “Maybe", fmt="text")
@example(text="Q: Why?\n\nA: “Because,” Smith said.", fmt="text")
def test_any_quotey_text_gives_quotes_within_the_text(text: str, fmt: str | None) -> None:
    check_analysis(text, fmt)


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text, fmt=st.sampled_from([None, "text", "markdown"]))
def test_any_hostile_text_gives_quotes_within_the_text(text: str, fmt: str | None) -> None:
    check_analysis(text, fmt)
