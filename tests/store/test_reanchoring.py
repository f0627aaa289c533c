"""Annotations find their passage again after the article is edited, or become orphans (never lost)."""

from __future__ import annotations

import pytest

from tui.engine import load_path
from tui.store import Library
from tui.store.anchoring import Selector, anchor, make_selector

ARTICLE = """\
Council delays vote on city budget

The city council delayed its vote on the annual budget on Monday after a heated session.

“We need more time to look at the numbers,” council leader Maria Lopez said. She added that the
transport plan alone would cost the city forty million dollars over five years.

Opponents were not convinced. “This is a delaying tactic and the residents deserve better,” said
Tom Reyes, who chairs the finance committee.

The mayor's office declined to comment. A new vote is expected next week, officials said.
"""

TARGET = "the transport plan alone would cost the city forty million dollars over five years"


def _open(tmp_path, text: str):
    f = tmp_path / "budget.txt"
    f.write_text(text, encoding="utf-8")
    return f, load_path(f)


@pytest.fixture
def annotated(tmp_path):
    f, doc = _open(tmp_path, ARTICLE)
    lib = Library.open(tmp_path / "db.json")
    canon = " ".join(TARGET.split())
    start = " ".join(doc.text.split()).find(canon)
    assert start != -1 or TARGET in doc.text
    i = doc.text.find(TARGET) if TARGET in doc.text else None
    if i is None:  # the loader may have re-wrapped lines; find the words with any white space between
        import re

        m = re.search(r"\s+".join(map(re.escape, TARGET.split())), doc.text)
        i, j = m.start(), m.end()
    else:
        j = i + len(TARGET)
    ann = lib.add(doc, i, j, note="check the figure", tags=["money"])
    return f, lib, ann


def _reopen(f, text: str):
    f.write_text(text, encoding="utf-8")
    return load_path(f)


def test_unchanged_document_is_anchored_in_place(annotated):
    f, lib, ann = annotated
    [p] = lib.placements(load_path(f))
    assert (p.status, p.start, p.end) == ("anchored", ann.start, ann.end)


def test_paragraph_inserted_before_keeps_the_words_at_new_offsets(annotated):
    f, lib, ann = annotated
    edited = ARTICLE.replace("The city council delayed",
                             "Update: this story was corrected on Tuesday.\n\nThe city council delayed")
    doc = _reopen(f, edited)
    [p] = lib.placements(doc)
    assert p.status == "anchored"
    assert p.start > ann.start
    assert doc.text[p.start:p.end] == ann.exact


def test_typo_fixed_inside_the_passage_is_placed_as_moved(annotated):
    f, lib, ann = annotated
    doc = _reopen(f, ARTICLE.replace("forty million dollars", "fourty million dolars"))
    [p] = lib.placements(doc)
    assert p.status == "moved"
    assert "fourty million dolars over five years" in doc.text[p.start:p.end]
    assert doc.text[p.start:p.end].startswith("the transport plan")


def test_reworded_sentence_is_still_placed_as_moved(annotated):
    f, lib, ann = annotated
    edited = ARTICLE.replace("the\ntransport plan alone would cost the city forty million dollars over five years",
                             "the\nnew transport plan by itself could cost the city about forty million dollars "
                             "within five years")
    assert edited != ARTICLE
    doc = _reopen(f, edited)
    [p] = lib.placements(doc)
    assert p.status == "moved"
    placed = doc.text[p.start:p.end]
    assert placed.startswith("the new transport plan") and placed.endswith("within five years")
    assert "She added" not in placed and "Opponents" not in placed


def test_deleted_sentence_becomes_an_orphan_and_is_kept(annotated):
    f, lib, ann = annotated
    edited = ARTICLE.replace(" She added that the\ntransport plan alone would cost the city forty million dollars "
                             "over five years.", "")
    assert "transport plan" not in edited
    doc = _reopen(f, edited)
    [p] = lib.placements(doc)
    assert (p.status, p.start, p.end) == ("orphan", None, None)
    assert p.annotation.note == "check the figure"
    # still there on the next look, and listed after the placed ones
    lib.add(doc, 0, 7)
    ps = lib.placements(doc)
    assert [q.status for q in ps] == ["anchored", "orphan"]


def test_an_edited_file_keeps_its_annotations_and_registering_saves_where_they_are_now(annotated, tmp_path):
    f, lib, ann = annotated
    doc = _reopen(f, ARTICLE.replace("Monday", "Monday evening"))
    [p] = lib.placements(doc)
    assert p.status == "anchored" and p.annotation.id == ann.id
    assert p.start == ann.start + len(" evening")
    assert lib.get(ann.id).start == ann.start  # a look writes nothing
    lib.register(doc)  # the reader opens the edited file: the stored offsets follow the text
    again = Library.open(tmp_path / "db.json")
    [q] = again.placements(doc)
    assert q.annotation.doc_id == ann.doc_id and q.status == "anchored"
    assert q.annotation.start == p.start and q.annotation.note == "check the figure"


def test_exact_duplicates_choose_the_one_with_matching_context():
    text = "alpha said yes. beta said yes. gamma said yes."
    sel = make_selector(text, text.index("beta said yes") + 5, text.index("beta said yes") + 13)
    edited = "intro. " + text
    a = anchor(edited, sel)
    assert a.status == "anchored" and edited[a.start - 5:a.end] == "beta said yes"


def test_unrelated_text_does_not_capture_an_orphan():
    sel = Selector("The quick brown fox jumps over the lazy dog", "Once upon a time ", " and ran away.", 17, 60)
    assert anchor("Markets rose sharply on Friday as investors cheered the news.", sel).status == "orphan"
    assert anchor("", sel).status == "orphan"


LONG = ("Residents packed the hall for three hours. " * 3 + "Several speakers asked why the library budget was cut "
        "while the stadium renovation went ahead, and the chair promised a written answer by the end of the month. "
        "Others praised the new bus routes, which they said had cut commuting times in half for the northern "
        "districts. The meeting ended shortly before midnight. ")


def test_long_passage_edited_in_the_middle_keeps_its_bounds():
    text = "Intro paragraph.\n\n" + LONG + "\n\nClosing words of the article."
    start = text.index("Several speakers")
    end = text.index("shortly before midnight.") + len("shortly before midnight.")
    sel = make_selector(text, start, end)
    edited = ("A new first paragraph was added.\n\n" + text).replace("written answer", "detailed written reply")
    a = anchor(edited, sel)
    assert a.status == "moved"
    assert edited[a.start:a.end].startswith("Several speakers")
    assert edited[a.start:a.end].endswith("shortly before midnight.")


def test_long_passage_removed_is_an_orphan():
    text = "Intro paragraph.\n\n" + LONG + "\n\nClosing words of the article."
    start = text.index("Several speakers")
    sel = make_selector(text, start, start + 300)
    edited = text.replace(LONG, "The council meeting was short.")
    assert anchor(edited, sel).status == "orphan"


def test_quotes_with_pattern_characters_markup_and_emoji():
    text = "Intro.\n\nShe wrote [bold]“a+b (c)?”[/bold] 🎉 on the wall, said officials. Nothing else."
    s = text.index("[bold]")
    sel = make_selector(text, s, s + len("[bold]“a+b (c)?”[/bold] 🎉"))
    edited = "Another intro line.\n\n" + text
    a = anchor(edited, sel)
    assert a.status == "anchored" and edited[a.start:a.end] == sel.exact
    edited2 = edited.replace("(c)?", "(d)?")
    b = anchor(edited2, sel)
    assert b.status == "moved" and edited2[b.start:b.end].startswith("[bold]")
