"""The database file: round trip, atomic saves, corrupt and newer files refused untouched, migrations."""

from __future__ import annotations

import hashlib
import json
import os

import orjson
import pytest

from tui.engine import load_text
from tui.store import CorruptDatabase, Library, NewerDatabase, StoreError, default_db_path, schema

TEXT = "A headline\n\n“Prices will fall,” the minister said on Monday. Nobody believed her.\n"


def _doc(source: str | None = None):
    return load_text(TEXT, source=source)


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_round_trip_through_a_fresh_library(tmp_path):
    db = tmp_path / "deep" / "folder" / "quotelens.json"
    doc = _doc()
    lib = Library.open(db)
    a = lib.add(doc, 8, 27, note="a claim", tags=["economy", "claims"], color="yellow")
    lib.set_reading_position(doc, 30)
    again = Library.open(db)
    [p] = again.placements(doc)
    assert p.annotation == a and p.status == "anchored"
    assert again.reading_position(doc) == 30
    assert again.all_tags() == ["claims", "economy"]
    raw = json.loads(db.read_text(encoding="utf-8"))
    assert raw[schema.META]["1"]["schema"] == schema.SCHEMA_VERSION
    sel = raw["annotations"]["1"]["target"]["selector"]
    assert {s["type"] for s in sel} == {"TextQuoteSelector", "TextPositionSelector"}
    assert not [p for p in db.parent.iterdir() if p.name.endswith(".tmp")]


def test_zero_byte_file_is_a_new_database(tmp_path):
    db = tmp_path / "q.json"
    db.write_bytes(b"")
    lib = Library.open(db)
    assert lib.placements(_doc()) == []
    assert json.loads(db.read_bytes())[schema.META]


def test_failed_replace_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    db = tmp_path / "q.json"
    lib = Library.open(db)
    doc = _doc()
    kept = lib.add(doc, 0, 10)
    before = db.read_bytes()

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(StoreError, match="No space left"):
        lib.add(doc, 12, 20, note="lost")
    monkeypatch.undo()
    assert db.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    # the library forgot the unsaved change: it neither shows it nor writes it later
    lib.add(doc, 30, 40)
    notes = sorted(p.annotation.note for p in Library.open(db).placements(doc))
    assert notes == ["", ""] and kept.id in {p.annotation.id for p in lib.placements(doc)}


def test_failed_serialisation_leaves_the_old_file(tmp_path, monkeypatch):
    db = tmp_path / "q.json"
    lib = Library.open(db)
    lib.add(_doc(), 0, 10)
    before = db.read_bytes()
    import tui.store.storage as storage

    def broken(_):
        raise TypeError("cannot serialise")

    monkeypatch.setattr(storage.orjson, "dumps", broken)
    with pytest.raises(TypeError):
        lib.add(_doc(), 12, 20)
    monkeypatch.undo()
    assert db.read_bytes() == before
    assert len(Library.open(db).placements(_doc())) == 1


CORRUPT = {
    "bad json": b'{"annotations": {"1": {"id": ',
    "binary junk": bytes(range(256)) * 4,
    "text garbage": b"hello, this is not json\n",
    "whitespace only": b"   \n\n  ",
    "a list": b"[1, 2, 3]",
    "table not a dict": b'{"_quotelens": {"1": {"schema": 2}}, "annotations": [1]}',
    "foreign tinydb": b'{"_default": {"1": {"name": "not ours"}}}',
    "damaged version": b'{"_quotelens": {"1": {"schema": "two"}}}',
    "damaged record": b'{"_quotelens": {"1": {"schema": 2}}, "annotations": {"1": {"id": 5}}}',
    "utf-16 bom": "{}".encode("utf-16"),
}


@pytest.mark.parametrize("kind", sorted(CORRUPT))
def test_corrupt_database_is_refused_and_left_byte_for_byte(tmp_path, kind):
    db = tmp_path / "q.json"
    db.write_bytes(CORRUPT[kind])
    before = _sha(db)
    with pytest.raises(CorruptDatabase) as err:
        Library.open(db)
    assert str(db) in str(err.value) and "\n" not in str(err.value)
    assert _sha(db) == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["q.json"]


def test_database_corrupted_while_open_is_not_overwritten(tmp_path):
    db = tmp_path / "q.json"
    lib = Library.open(db)
    lib.add(_doc(), 0, 10)
    db.write_bytes(b"\x00\x01garbage")
    before = _sha(db)
    with pytest.raises(CorruptDatabase):
        lib.add(_doc(), 12, 20)
    with pytest.raises(CorruptDatabase):
        lib.placements(_doc())
    assert _sha(db) == before


def test_newer_database_is_refused_and_untouched(tmp_path):
    db = tmp_path / "q.json"
    db.write_bytes(orjson.dumps({schema.META: {"1": {"schema": schema.SCHEMA_VERSION + 1}},
                                 "annotations": {"1": {"shape": "from the future"}}}))
    before = _sha(db)
    with pytest.raises(NewerDatabase, match="newer quotelens"):
        Library.open(db)
    assert _sha(db) == before


def test_version_1_database_is_migrated_and_a_copy_kept(tmp_path):
    doc = _doc()
    from tui.store import document_id

    v1 = {schema.META: {"1": {"schema": 1}},
          "documents": {"1": {"doc_id": document_id(doc), "path": None, "title": "A headline"}},
          "annotations": {"1": {"id": "abc", "doc_id": document_id(doc), "exact": doc.text[8:27],
                                "prefix": doc.text[:8], "suffix": doc.text[27:59], "start": 8, "end": 27,
                                "note": "old note", "tags": ["legacy"], "color": "blue",
                                "created": "2024-01-01T00:00:00.000Z"}}}
    db = tmp_path / "q.json"
    db.write_bytes(orjson.dumps(v1))
    original = db.read_bytes()
    lib = Library.open(db)
    [p] = lib.placements(doc)
    assert (p.status, p.start, p.end) == ("anchored", 8, 27)
    assert (p.annotation.id, p.annotation.note, p.annotation.tags, p.annotation.color) == \
        ("abc", "old note", ("legacy",), "blue")
    assert json.loads(db.read_bytes())[schema.META]["1"]["schema"] == schema.SCHEMA_VERSION
    assert (tmp_path / "q.json.v1.bak").read_bytes() == original


def test_broken_version_1_database_is_refused_untouched(tmp_path):
    db = tmp_path / "q.json"
    db.write_bytes(orjson.dumps({schema.META: {"1": {"schema": 1}}, "annotations": {"1": {"id": "x"}}}))
    before = _sha(db)
    with pytest.raises(CorruptDatabase, match="upgrade"):
        Library.open(db)
    assert _sha(db) == before
    assert not (tmp_path / "q.json.v1.bak").exists()


def test_folder_in_place_of_the_file(tmp_path):
    (tmp_path / "q.json").mkdir()
    with pytest.raises(CorruptDatabase, match="folder"):
        Library.open(tmp_path / "q.json")


def test_default_path_prefers_flag_then_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("QUOTELENS_DB", str(tmp_path / "env.json"))
    assert default_db_path(str(tmp_path / "flag.json")) == tmp_path / "flag.json"
    assert default_db_path(None) == tmp_path / "env.json"
    monkeypatch.delenv("QUOTELENS_DB")
    p = default_db_path(None)
    assert p.name == "quotelens.json" and "quotelens" in p.parent.name


def test_a_second_library_sees_the_first_ones_writes(tmp_path):
    db = tmp_path / "q.json"
    one, two = Library.open(db), Library.open(db)
    doc = _doc()
    a = one.add(doc, 0, 10)
    b = two.add(doc, 12, 20)  # must re-read the file, not overwrite one's annotation
    c = one.add(doc, 30, 40)
    ids = {p.annotation.id for p in Library.open(db).placements(doc)}
    assert ids == {a.id, b.id, c.id}
    two.delete(a.id)
    assert {p.annotation.id for p in one.placements(doc)} == {b.id, c.id}


def test_a_symlinked_database_stays_a_symlink(tmp_path):
    real = tmp_path / "synced" / "real.json"
    real.parent.mkdir()
    link = tmp_path / "q.json"
    link.symlink_to(real)
    lib = Library.open(link)
    a = lib.add(_doc(), 0, 10)
    assert link.is_symlink()
    assert a.id in real.read_text(encoding="utf-8")


def test_tinydb_table_operations_work_on_the_atomic_storage(tmp_path):
    from tinydb import Query

    from tui.store.library import _DB
    from tui.store.storage import AtomicJSONStorage

    db = _DB(tmp_path / "t.json", storage=AtomicJSONStorage)
    t = db.table("things", cache_size=0)
    assert t.insert_multiple([{"n": i} for i in range(5)]) == [1, 2, 3, 4, 5]
    t.update({"big": True}, Query().n >= 3)
    t.remove(doc_ids=[1])
    assert t.insert({"n": 9}) == 6
    assert sorted(d["n"] for d in t.search(Query().big == True)) == [3, 4]  # noqa: E712
    other = _DB(tmp_path / "t.json", storage=AtomicJSONStorage).table("things", cache_size=0)
    assert sorted(d.doc_id for d in other.all()) == [2, 3, 4, 5, 6]
    t.truncate()
    assert len(other) == 0


def test_two_handles_on_one_file_never_reuse_a_record_id(tmp_path):
    """TinyDB remembers its next record id; the library takes it from the file as it is now."""
    db = tmp_path / "q.json"
    one, two = Library.open(db), Library.open(db)
    doc = _doc()
    made = [lib.add(doc, i, i + 5, note=str(i)) for i, lib in zip(range(0, 40, 7), [one, two] * 3)]
    two.delete(made[2].id)
    made.append(one.add(doc, 1, 4, note="last"))
    stored = json.loads(db.read_text(encoding="utf-8"))["annotations"]
    assert sorted(r["note"] for r in stored.values()) == sorted(a.note for a in made if a is not made[2])
    assert {p.annotation.id for p in Library.open(db).placements(doc)} == {a.id for a in made} - {made[2].id}


def test_database_deleted_while_open_is_recreated_as_a_quotelens_database(tmp_path):
    db = tmp_path / "q.json"
    lib = Library.open(db)
    lib.add(_doc(), 0, 10)
    db.unlink()
    a = lib.add(_doc(), 12, 20)
    [p] = Library.open(db).placements(_doc())
    assert p.annotation.id == a.id
