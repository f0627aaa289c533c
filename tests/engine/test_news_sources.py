"""News conventions of who a quotation is credited to, and what counts as a quotation: each test
is one rule about English, on invented sentences."""

from __future__ import annotations

from tui.engine import analyze, load_text


def found(text: str) -> list[tuple[str, str | None]]:
    doc = load_text(text, fmt="text")
    a = analyze(doc)
    return [(doc.text[q.start:q.end], a.speaker_of(q).name if a.speaker_of(q) else None) for q in a.quotes]


def test_words_reported_according_to_an_outlet_are_the_outlets():
    text = ("Ferry vote\n\nHarbour master Ana Costa spoke on Monday.\n\n"
            "“We will not sign,” Costa said, according to the Harbour Gazette. “Not this year.”\n\n"
            "According to Lumen Radio, Costa called the lease “a bad bet.”\n")
    assert found(text) == [("We will not sign,", "Harbour Gazette"), ("Not this year.", "Harbour Gazette"),
                           ("a bad bet.", "Lumen Radio")]


def test_according_to_in_another_sentence_or_to_a_description_changes_nothing():
    text = ("Ferry vote\n\nHarbour master Ana Costa spoke on Monday. The vote was close, according to "
            "the Harbour Gazette.\n\n“We will not sign,” Costa said, according to an aide.\n\n"
            "“It was close,” Costa said. According to Lumen Radio, the talks go on.\n")
    assert [n for _, n in found(text)] == ["Ana Costa", "Ana Costa"]
