"""The Library API the app builds on: add, edit, delete/undo, tags, positions, hostile input."""

from __future__ import annotations

import pytest

from tui.engine import load_text
from tui.store import HIGHLIGHT_NAMES, InvalidAnnotation, Library, UnknownAnnotation

TEXT = ("Storm closes schools\n\n“Stay home if you can,” the mayor said on Tuesday. "
        "Schools will reopen on Thursday, officials said. [bold red]Not markup[/] and a tab\there.\n")


@pytest.fixture
def lib(tmp_path):
    return Library.open(tmp_path / "db.json")


@pytest.fixture
def doc():
    return load_text(TEXT)


def _span(doc, words):
    i = doc.text.index(words)
    return i, i + len(words)


def test_add_stores_selectors_and_metadata(lib, doc):
    s, e = _span(doc, "Schools will reopen")
    a = lib.add(doc, s, e, note="good news", tags=["schools", " weather  report ", "schools"], color="green")
    assert a.exact == "Schools will reopen"
    assert doc.text.endswith(a.suffix, 0, e + len(a.suffix)) and len(a.suffix) == 32 and len(a.prefix) == 32
    assert doc.text[s - 32:s] == a.prefix
    assert a.tags == ("schools", "weather report")
    assert a.created == a.updated and a.created.endswith("Z")
    assert len(a.id) == 32


def test_update_changes_only_what_is_given(lib, doc):
    a = lib.add(doc, 0, 5, note="n", tags=["t"], color="pink")
    b = lib.update(a.id, note="changed")
    assert (b.note, b.tags, b.color) == ("changed", ("t",), "pink")
    c = lib.update(a.id, tags=[], color="")
    assert (c.note, c.tags, c.color) == ("changed", (), None)
    assert lib.get(a.id) == c and c.updated >= a.updated


def test_delete_then_restore_brings_back_the_same_annotation(lib, doc):
    a = lib.add(doc, 0, 5, note="keep me")
    gone = lib.delete(a.id)
    assert gone == a and lib.placements(doc) == []
    lib.restore(gone)
    [p] = lib.placements(doc)
    assert p.annotation == a


def test_restore_undoes_an_edit(lib, doc):
    a = lib.add(doc, 0, 5, note="before", tags=["x"])
    lib.update(a.id, note="after", tags=["y"], color="blue")
    lib.restore(a)
    assert lib.get(a.id) == a
    assert len(lib.placements(doc)) == 1


def test_unknown_ids_are_reported(lib):
    with pytest.raises(UnknownAnnotation):
        lib.update("nope", note="x")
    with pytest.raises(UnknownAnnotation):
        lib.delete("nope")


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 5), (9, 3), (0, 10**6), ("0", 3), (True, 3)])
def test_bad_ranges_are_refused(lib, doc, start, end):
    with pytest.raises(InvalidAnnotation):
        lib.add(doc, start, end)
    assert lib.placements(doc) == []


def test_bad_colour_and_blank_passage_are_refused(lib, doc):
    with pytest.raises(InvalidAnnotation, match="yellow"):
        lib.add(doc, 0, 5, color="red")
    s = doc.text.index("\n\n")
    with pytest.raises(InvalidAnnotation):
        lib.add(doc, s, s + 2)
    assert HIGHLIGHT_NAMES == ("yellow", "green", "blue", "pink", "orange")


def test_control_characters_are_removed_from_notes_and_tags_but_markup_is_kept(lib, doc):
    a = lib.add(doc, 0, 5, note="line1\nline2\x1b[31m\x07 [b]bold[/b]", tags=["a\x00b", "\u202etag"])
    assert a.note == "line1\nline2[31m [b]bold[/b]"
    assert a.tags == ("a b", "tag")
    s, e = _span(doc, "[bold red]Not markup[/]")
    b = lib.add(doc, s, e)
    assert lib.get(b.id).exact == "[bold red]Not markup[/]"


def test_notes_and_tags_keep_what_an_article_keeps(lib):
    """The store removes what the engine removes from articles, no more: a family emoji (joined by
    zero-width joiners) and a Persian word (with a zero-width non-joiner) are written as typed."""
    family, persian = "\U0001f469\u200d\U0001f469\u200d\U0001f467", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0645"
    doc = load_text(f"A headline\n\nThe {family} family said {persian} today.\n")
    start = doc.text.index(family)
    a = lib.add(doc, start, start + len(family), note=f"{family} \u2066{persian}\u2069 \x1b[2J",
                tags=[family, f"\x00{persian}"])
    assert a.note == f"{family} {persian} [2J"
    assert a.tags == (family, persian)
    assert lib.get(a.id) == a and a.exact == family


def test_all_tags_most_used_first_across_documents(lib, doc, tmp_path):
    other = load_text("Other story\n\nSomething else happened today in the town.\n")
    lib.add(doc, 0, 5, tags=["weather"])
    lib.add(doc, 6, 10, tags=["weather", "schools"])
    lib.add(other, 0, 5, tags=["town", "weather", "Schools"])
    lib.add(other, 6, 10, tags=["town"])
    assert lib.all_tags() == ["weather", "town", "Schools", "schools"]


def test_annotations_belong_to_their_document(lib, doc):
    other = load_text("Other story\n\nSomething else happened today in the town.\n")
    lib.add(doc, 0, 5)
    assert lib.placements(other) == []


def test_reading_position_is_per_document_and_clamped(lib, doc):
    assert lib.reading_position(doc) is None
    lib.set_reading_position(doc, 40)
    assert lib.reading_position(doc) == 40
    lib.set_reading_position(doc, 10**9)
    assert lib.reading_position(doc) == len(doc.text)
    lib.set_reading_position(doc, -5)
    assert lib.reading_position(doc) == 0
    with pytest.raises(InvalidAnnotation):
        lib.set_reading_position(doc, 1.5)


def test_same_text_from_stdin_shares_annotations(lib, doc):
    a = lib.add(doc, 0, 5)
    piped = load_text(TEXT, source="-")
    assert [p.annotation.id for p in lib.placements(piped)] == [a.id]


def test_placements_are_in_document_order(lib, doc):
    late = lib.add(doc, *_span(doc, "officials said"))
    early = lib.add(doc, *_span(doc, "Stay home"))
    mid = lib.add(doc, *_span(doc, "the mayor"))
    assert [p.annotation.id for p in lib.placements(doc)] == [early.id, mid.id, late.id]


def test_threads_sharing_one_library_lose_nothing(lib, doc):
    import threading

    errors = []

    def work(n):
        try:
            for i in range(25):
                a = lib.add(doc, 0, 5, note=f"{n}-{i}")
                lib.update(a.id, tags=[f"t{n}"])
                lib.placements(doc)
        except Exception as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    ps = Library.open(lib.path).placements(doc)
    assert len(ps) == 100 and {p.annotation.tags for p in ps} == {("t0",), ("t1",), ("t2",), ("t3",)}


def test_database_under_a_file_is_a_clear_error(tmp_path):
    from tui.store import StoreError

    (tmp_path / "plain").write_text("x")
    with pytest.raises(StoreError, match="cannot create"):
        Library.open(tmp_path / "plain" / "q.json")


def test_transaction_groups_writes_into_one_save(lib, doc):
    before = lib.path.stat().st_ino
    with lib.transaction():
        a = lib.add(doc, 0, 5)
        lib.update(a.id, note="n")
        lib.set_reading_position(doc, 9)
        assert lib.path.stat().st_ino == before  # nothing written yet
    assert lib.path.stat().st_ino != before
    fresh = Library.open(lib.path)
    assert fresh.get(a.id).note == "n" and fresh.reading_position(doc) == 9


def test_edits_find_the_right_annotation_after_another_process_rewrote_the_file(lib, doc):
    # the library remembers where each annotation sits, to save a scan per edit: another
    # writer that deletes and adds must not make it edit, delete or overwrite the wrong one
    first, second = lib.add(doc, *_span(doc, "Stay home")), lib.add(doc, *_span(doc, "Schools will"))
    lib.update(first.id, note="mine")
    other = Library.open(lib.path)
    other.delete(first.id)
    third = other.add(doc, *_span(doc, "officials said"), note="theirs")
    lib.update(second.id, note="edited")
    with pytest.raises(UnknownAnnotation):
        lib.update(first.id, note="gone")
    fourth = lib.add(doc, *_span(doc, "Thursday"))
    fresh = Library.open(lib.path)
    assert {p.annotation.id: p.annotation.note for p in fresh.placements(doc)} == {
        second.id: "edited", third.id: "theirs", fourth.id: ""}
    lib.delete(third.id)
    assert [p.annotation.id for p in Library.open(lib.path).placements(doc)] == [second.id, fourth.id]
