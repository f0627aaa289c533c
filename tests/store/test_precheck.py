"""The reader's pre-check: it refuses what Library.open refuses, touches nothing, and finds the
saved reading position without TinyDB."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from tui.engine import load_text
from tui.store import CorruptDatabase, Library, NewerDatabase, StoreError, document_id, schema
from tui.store.precheck import precheck

ROOT = Path(__file__).resolve().parents[2]
TEXT = "A headline\n\n“Prices will fall,” the minister said on Monday. Nobody believed her.\n\nMore text here.\n"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_missing_or_empty_database_has_no_position(tmp_path):
    db = tmp_path / "new" / "folder" / "q.json"
    assert precheck(db, TEXT).position is None
    assert not db.exists()  # nothing written: the Library creates the file later
    db.write_bytes(b"")
    assert precheck(db, TEXT).position is None
    assert db.read_bytes() == b""


def test_finds_the_position_the_library_saved_and_clamps_it(tmp_path):
    db = tmp_path / "q.json"
    doc = load_text(TEXT)
    other = load_text("Another article\n\nWith its own words.\n")
    with Library.open(db) as lib:
        lib.set_reading_position(other, 5)
        lib.set_reading_position(doc, 40)
    before = _sha(db)
    found = precheck(db, doc.text)
    assert found.position == 40 == Library.open(db).reading_position(doc)
    assert found.path == db
    assert precheck(db, "A text nobody has read\n").position is None
    assert _sha(db) == before  # read only
    # an offset past the end (hand-edited file) is clamped to the text, as the Library does
    data = json.loads(db.read_bytes())
    for r in data["positions"].values():
        r["offset"] = 10_000
    db.write_bytes(orjson.dumps(data))
    assert precheck(db, doc.text).position == len(doc.text)


def test_one_document_id_for_a_document_and_its_text():
    doc = load_text(TEXT)
    assert document_id(doc.text) == document_id(doc)
    lone = "surrogate \udc80 survives"
    assert document_id(lone) == hashlib.sha256(lone.encode("utf-8", "surrogatepass")).hexdigest()


def test_an_edited_file_keeps_the_position_of_its_old_text(tmp_path):
    article = tmp_path / "a.txt"
    db = tmp_path / "q.json"
    old = load_text(TEXT, source=str(article))
    with Library.open(db) as lib:
        lib.register(old)
        lib.set_reading_position(old, 60)
    edited_text = TEXT.replace("Monday", "Tuesday")
    assert precheck(db, edited_text, str(article)).position == 60
    assert precheck(db, edited_text, None).position is None  # no path: nothing ties it to the old text
    # and that is where the Library puts it once it registers the edited text
    edited = load_text(edited_text, source=str(article))
    with Library.open(db) as lib:
        lib.register(edited)
        assert lib.reading_position(edited) == 60


@pytest.mark.parametrize("body, error, words", [
    (b'{"annotations": {"1": {"exact": ', CorruptDatabase, "not valid JSON"),
    (b"[1, 2, 3]", CorruptDatabase, "unexpected JSON shape"),
    (b"null", CorruptDatabase, "unexpected JSON shape"),  # JSON null is not an empty database
    (json.dumps({"_quotelens": {"1": {"schema": 99}}}).encode(), NewerDatabase, "newer"),
    (json.dumps({"_quotelens": {"1": {"schema": 2}}, "annotations": {"1": {"id": 5}}}).encode(),
     CorruptDatabase, "damaged"),
    (json.dumps({"_quotelens": {"1": {"schema": 1}}, "annotations": {"1": {"id": "x"}}}).encode(),
     CorruptDatabase, "upgrade"),
])
def test_refuses_what_library_open_refuses_and_leaves_the_file(tmp_path, body, error, words):
    db = tmp_path / "q.json"
    db.write_bytes(body)
    with pytest.raises(error, match=words) as caught:
        precheck(db, TEXT)
    with pytest.raises(error):
        Library.open(db)
    assert str(db) in str(caught.value) and "\n" not in str(caught.value)
    assert db.read_bytes() == body
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q.json", "q.json.lock"]  # no backup, no temp file


def test_a_symbolic_link_loop_as_the_database_is_refused_in_one_line(tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to("loop")  # ln -s loop loop
    with pytest.raises(StoreError) as caught:
        precheck(loop, TEXT)
    with pytest.raises(StoreError):
        Library.open(loop)
    assert str(loop) in str(caught.value) and "\n" not in str(caught.value)
    assert loop.is_symlink()  # left as it was


@pytest.mark.parametrize("make", ["loop", "null"])
def test_the_reader_refuses_a_bad_database_before_textual_starts(tmp_path, make):
    """``quotelens --db X FILE``: one line about the database and status 2, never a traceback,
    and before the terminal is even looked at (here there is none)."""
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "db.json"
    if make == "loop":
        db.symlink_to("db.json")
    else:
        db.write_bytes(b"null")
    code = ("import sys\nfrom tui.commands.read import main\nstatus = main(sys.argv[1:])\n"
            "assert 'textual' not in sys.modules\nsys.exit(status)")
    out = subprocess.run([sys.executable, "-c", code, "--db", str(db), str(article)], capture_output=True,
                         text=True, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=60)
    assert out.returncode == 2, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"quotelens: {db}"), out.stderr
    if make == "null":
        assert db.read_bytes() == b"null"


def test_a_folder_in_place_of_the_database(tmp_path):
    (tmp_path / "q.json").mkdir()
    with pytest.raises(CorruptDatabase, match="folder"):
        precheck(tmp_path / "q.json", TEXT)


def test_a_device_or_pipe_in_place_of_the_database_is_refused(tmp_path):
    import os

    with pytest.raises(StoreError, match="not a regular file"):
        precheck("/dev/null", TEXT)  # only read: Library.open would replace it with a file
    fifo = tmp_path / "q.json"
    os.mkfifo(fifo)
    with pytest.raises(StoreError, match="not a regular file"):  # reading it would wait forever
        precheck(fifo, TEXT)


def test_an_old_database_is_read_as_upgraded_but_not_rewritten(tmp_path):
    doc = load_text(TEXT)
    v1 = {schema.META: {"1": {"schema": 1}},
          "positions": {"1": {"doc_id": document_id(doc), "offset": 12, "updated": ""}}}
    db = tmp_path / "q.json"
    db.write_bytes(orjson.dumps(v1))
    before = db.read_bytes()
    assert precheck(db, doc.text).position == 12
    assert db.read_bytes() == before
    assert not (tmp_path / "q.json.v1.bak").exists()  # the Library upgrades it (and keeps a copy) later


def test_precheck_needs_no_tinydb_filelock_or_rapidfuzz(tmp_path):
    db = tmp_path / "q.json"
    db.write_bytes(json.dumps({"_quotelens": {"1": {"schema": 2}},
                               "positions": {"1": {"doc_id": "x", "offset": 3}}}).encode())
    code = ("import sys, json\nfrom tui.store.precheck import precheck\n"
            f"precheck({str(db)!r}, 'some text')\nprint(json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    top = {m.split(".")[0] for m in json.loads(out.stdout.strip().splitlines()[-1])}
    assert "orjson" in top
    assert not top & {"tinydb", "filelock", "rapidfuzz", "textual"}
