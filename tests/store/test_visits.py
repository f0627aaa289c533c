"""The library of documents read: visits, listing, forgetting with undo, speakers across documents,
and what changed since the last visit."""

from __future__ import annotations

import json

import pytest

from tui.engine import analyze, load_path
from tui.store import CorruptDatabase, Library
from tui.store.changes import changes, compare_quotes
from tui.store.corrections import apply_corrections
from tui.store.visits import (
    SeenQuote,
    entries,
    find_entry,
    forget,
    library_speakers,
    read_data,
    record_visit,
    sort_entries,
    undo_forget,
)

BRIDGE = ("# Council backs the new bridge\n\n"
          "“We have waited ten years for this bridge,” Mayor Ada Brook said.\n\n"
          "“It is too expensive,” said Councillor Ben Hale.\n\n"
          "“The money is already set aside,” Brook added.\n")
SCHOOL = ("# Schools close for the storm\n\n"
          "“Stay home if you can,” Principal Cara Diaz said.\n\n"
          "“The bridge is closed too,” Mayor Ada Brook said.\n")


def _open(path, text):
    path.write_text(text, encoding="utf-8")
    return load_path(path)


def _visit(lib, doc):
    analysis = apply_corrections(analyze(doc), lib.corrections(doc))
    record_visit(lib, doc, analysis)
    return analysis


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path / "db.json") as lib:
        yield lib


def test_two_documents_read_are_two_entries_with_their_counts(lib, tmp_path):
    bridge = _open(tmp_path / "bridge.md", BRIDGE)
    school = _open(tmp_path / "school.md", SCHOOL)
    _visit(lib, bridge)
    _visit(lib, school)
    s = bridge.text.index("Ada Brook")
    lib.add(bridge, s, s + 9, note="the mayor")
    items = entries(read_data(lib.path))
    assert {e.title: (e.quotes, e.annotations) for e in items} == {
        "Council backs the new bridge": (3, 1), "Schools close for the storm": (2, 0)}
    assert {e.path for e in items} == {str(tmp_path / "bridge.md"), str(tmp_path / "school.md")}
    assert all(e.read.endswith("Z") for e in items)


def test_an_edited_file_is_one_entry_its_latest_version(lib, tmp_path):
    f = tmp_path / "bridge.md"
    _visit(lib, _open(f, BRIDGE))
    _visit(lib, _open(f, BRIDGE + "\n“One more thing,” Ben Hale said.\n"))
    [entry] = entries(read_data(lib.path))
    assert entry.quotes == 4


def test_sort_and_filter(lib, tmp_path):
    _visit(lib, _open(tmp_path / "bridge.md", BRIDGE))
    _visit(lib, _open(tmp_path / "school.md", SCHOOL))
    items = entries(read_data(lib.path))
    assert items[0].title == "Schools close for the storm"  # read last, listed first
    assert [e.title for e in sort_entries(items, "title")] == ["Council backs the new bridge",
                                                                "Schools close for the storm"]
    assert [e.quotes for e in sort_entries(items, "quotes")] == [3, 2]
    assert [e.quotes for e in sort_entries(items, "quotes", reverse=True)] == [2, 3]
    assert [e.title for e in items if e.matches("STORM schools")] == ["Schools close for the storm"]
    assert [e.title for e in items if e.matches("bridge.md")] == ["Council backs the new bridge"]


def test_forget_removes_every_record_and_undo_brings_them_back(lib, tmp_path):
    bridge = _open(tmp_path / "bridge.md", BRIDGE)
    _visit(lib, bridge)
    _visit(lib, _open(tmp_path / "school.md", SCHOOL))
    s = bridge.text.index("Ada Brook")
    ann = lib.add(bridge, s, s + 9, note="the mayor", tags=["people"])
    lib.rename_speaker(bridge, "Councillor Ben Hale", "Benjamin Hale")
    lib.set_reading_position(bridge, 40)
    entry = find_entry(entries(read_data(lib.path)), str(tmp_path / "bridge.md"))
    assert forget(lib, entry) >= 5
    assert [e.title for e in entries(read_data(lib.path))] == ["Schools close for the storm"]
    data = read_data(lib.path)
    assert not any(r["doc_id"] == entry.doc_id for t in ("annotations", "corrections", "positions", "visits")
                   for r in data.get(t, {}).values())
    assert undo_forget(lib) == str(tmp_path / "bridge.md")
    assert len(entries(read_data(lib.path))) == 2
    [p] = lib.placements(bridge)
    assert (p.annotation.id, p.annotation.note, p.status) == (ann.id, "the mayor", "anchored")
    assert lib.reading_position(bridge) == 40
    assert any(s.name == "Benjamin Hale" for s in apply_corrections(analyze(bridge), lib.corrections(bridge)).speakers)
    assert undo_forget(lib) is None


def test_find_entry_by_id_prefix_title_or_path(lib, tmp_path):
    bridge = _open(tmp_path / "bridge.md", BRIDGE)
    _visit(lib, bridge)
    items = entries(read_data(lib.path))
    [e] = items
    assert find_entry(items, e.doc_id[:8]) == e
    assert find_entry(items, "council backs the new bridge") == e
    assert "no document" in find_entry(items, "nothing like it")


def test_speakers_across_the_library_join_full_names_and_the_readers_merges(lib, tmp_path):
    bridge = _open(tmp_path / "bridge.md", BRIDGE)
    school = _open(tmp_path / "school.md", SCHOOL)
    _visit(lib, bridge)
    lib.rename_speaker(school, "Principal Cara Diaz", "Dr Cara Diaz")
    _visit(lib, school)
    speakers = {s.name: s for s in library_speakers(read_data(lib.path))}
    brook = speakers["Ada Brook"]
    assert len(brook.quotes) == 3 and brook.documents == 2
    assert [q.entry.title for q in brook.quotes].count("Schools close for the storm") == 1
    assert "Dr Cara Diaz" in speakers and "Principal Cara Diaz" in speakers["Dr Cara Diaz"].aliases


def test_a_shared_surname_alone_does_not_join_two_people(lib, tmp_path):
    _visit(lib, _open(tmp_path / "a.md", "# A\n\n“Yes,” said Tom Brook.\n\n“No,” Brook said.\n"))
    _visit(lib, _open(tmp_path / "b.md", "# B\n\n“Maybe,” said Ada Brook.\n\n“Later,” Brook said.\n"))
    names = {s.name for s in library_speakers(read_data(lib.path))}
    assert {"Tom Brook", "Ada Brook"} <= names


def test_changes_since_the_last_visit(lib, tmp_path):
    f = tmp_path / "bridge.md"
    first = _open(f, BRIDGE)
    _visit(lib, first)
    s = first.text.index("It is too expensive")
    lib.add(first, s, s + len("It is too expensive"), note="cost")
    m = first.text.index("Mayor Ada Brook said")
    lib.add(first, m, m + len("Mayor Ada Brook"), note="who")
    edited = (BRIDGE.replace("It is too expensive", "It is far too expensive")
              .replace("“The money is already set aside,” Brook added.", "")
              + "\n“Work starts in May,” Brook said.\n")
    now = _open(f, edited)
    found = changes(read_data(lib.path), now, analyze(now))
    assert found.text_changed and found.anything
    assert [x.text for x in found.new] == ["Work starts in May,"]
    assert [x.text for x in found.gone] == ["The money is already set aside,"]
    assert [(a.text, b.text) for a, b in found.reworded] == [("It is too expensive,", "It is far too expensive,")]
    assert sorted(p.status for p in found.placements) == ["anchored", "moved"]
    assert "text changed" in found.summary() and "1 new" in found.summary()


def test_changes_of_an_unchanged_document_and_of_a_new_one(lib, tmp_path):
    doc = _open(tmp_path / "bridge.md", BRIDGE)
    assert changes(read_data(lib.path), doc, analyze(doc)).visit is None
    _visit(lib, doc)
    found = changes(read_data(lib.path), doc, analyze(doc))
    assert not found.text_changed and not found.anything
    assert (found.new, found.gone, found.reworded) == ((), (), ())


def test_reading_changes_writes_nothing(lib, tmp_path):
    doc = _open(tmp_path / "bridge.md", BRIDGE)
    _visit(lib, doc)
    before = lib.path.read_bytes()
    changed = _open(tmp_path / "bridge.md", BRIDGE + "\nMore.\n")
    changes(read_data(lib.path), changed, analyze(changed))
    assert lib.path.read_bytes() == before


def test_compare_quotes_pairs_the_same_words_by_position():
    then = (SeenQuote(0, 5, "A", "Yes."), SeenQuote(50, 55, "A", "Yes."))
    now = (SeenQuote(52, 57, "A", "Yes."),)
    new, gone, reworded = compare_quotes(then, now)
    assert (new, reworded) == ((), ()) and gone == (then[0],)


def test_a_damaged_visit_record_is_refused_and_the_file_kept(lib, tmp_path):
    _visit(lib, _open(tmp_path / "bridge.md", BRIDGE))
    data = json.loads(lib.path.read_text())
    next(iter(data["visits"].values()))["quotes"] = [[1, "two", None, "x"]]
    lib.path.write_text(json.dumps(data))
    before = lib.path.read_bytes()
    with pytest.raises(CorruptDatabase, match="visits"):
        read_data(lib.path)
    with pytest.raises(CorruptDatabase):
        Library.open(lib.path)
    assert lib.path.read_bytes() == before


def test_a_damaged_forgotten_record_is_refused(lib, tmp_path):
    doc = _open(tmp_path / "bridge.md", BRIDGE)
    _visit(lib, doc)
    forget(lib, entries(read_data(lib.path))[0])
    data = json.loads(lib.path.read_text())
    next(iter(data["forgotten"].values()))["records"]["annotations"] = [{"id": 3}]
    lib.path.write_text(json.dumps(data))
    with pytest.raises(CorruptDatabase, match="forgotten"):
        read_data(lib.path)
