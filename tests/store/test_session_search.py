"""ReadingSession.search and .evidence: what the reader's / and i read, without a screen."""

from __future__ import annotations

from tui.engine import load_text
from tui.store.session import ReadingSession

TEXT = ("“We will open the bridge on Friday,” said Ann Lee, the engineer.\n\n"
        "The bridge has been closed since spring. “It was overdue,” she added.\n\n"
        "Traffic on the ring road has doubled.")


def session(tmp_path) -> ReadingSession:
    s = ReadingSession(load_text(TEXT, name="bridge"), db_path=tmp_path / "db.json")
    s.load()
    return s


def test_search_finds_text_in_document_order(tmp_path):
    s = session(tmp_path)
    result = s.search("bridge")
    assert [TEXT[a:b] for a, b in result.hits] == ["bridge", "bridge"]
    assert result.hits == sorted(result.hits) and result.in_annotations == 0


def test_search_finds_annotations_by_note_and_tag(tmp_path):
    s = session(tmp_path)
    start = TEXT.index("Traffic")
    s.annotate(start, start + len("Traffic on the ring road"), note="check the council's counts", tags=("roads",))
    s.refresh()
    by_note = s.search("council's")
    assert by_note.hits == [(start, start + len("Traffic on the ring road"))] and by_note.in_annotations == 1
    assert s.search("roads").in_annotations == 1
    assert s.search("Roads").hits == []  # a capital: exact case, and the tag is "roads"


def test_evidence_records_the_rules_tried_for_each_quotation(tmp_path):
    s = session(tmp_path)
    analysis = s.analyze()
    record = s.evidence()
    first = analysis.quotes[0]
    trace = record[(first.start, first.end)]
    assert trace.steps and trace.final.speaker is not None
    assert analysis.speaker_of(first).name == "Ann Lee"
