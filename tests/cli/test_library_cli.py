"""``quotelens library``, ``quotelens speakers`` and ``quotelens changes``, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_failures import one_line_failure
from library_articles import BRIDGE, SCHOOL

from tui.engine import analyze, load_path
from tui.store import Library
from tui.store.visits import record_visit

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "QUOTELENS_DB"}
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120, check=False)


def ok(*args: str) -> str:
    out = run(*args)
    assert out.returncode == 0, out.stderr
    return out.stdout


def read(db: Path, *files: Path) -> None:
    """What opening each file in the reader records."""
    with Library.open(db) as lib:
        for f in files:
            doc = load_path(f)
            record_visit(lib, doc, analyze(doc))


@pytest.fixture
def two(tmp_path):
    bridge, school = tmp_path / "bridge.md", tmp_path / "school.md"
    bridge.write_text(BRIDGE, encoding="utf-8")
    school.write_text(SCHOOL, encoding="utf-8")
    db = tmp_path / "db.json"
    read(db, bridge, school)
    ok("annotate", str(bridge), "--exact", "It is too expensive", "--note", "cost", "--db", str(db))
    return bridge, school, db


def test_library_lists_the_documents_read(two):
    bridge, school, db = two
    docs = json.loads(ok("library", "--json", "--db", str(db)))["documents"]
    assert [(d["title"], d["quotes"], d["annotations"], d["path"]) for d in docs] == [
        ("Council backs the new bridge", 2, 1, str(bridge)),  # annotated last: read last
        ("Schools close for the storm", 2, 0, str(school))]
    table = ok("library", "--db", str(db))
    assert "Council backs the new bridge" in table and "Schools close for the storm" in table


def test_library_sorts_and_filters(two):
    _, _, db = two
    def titles(*a: str) -> list[str]:
        return [d["title"] for d in json.loads(ok("library", "--json", *a, "--db", str(db)))["documents"]]

    assert titles("--sort", "title", "--reverse") == ["Schools close for the storm", "Council backs the new bridge"]
    assert titles("--filter", "storm") == ["Schools close for the storm"]
    assert titles("--filter", "nothing-like-it") == []


def test_forget_and_undo_from_the_command_line(two):
    bridge, _, db = two
    out = ok("library", "--forget", str(bridge), "--db", str(db))
    assert "forgot Council backs the new bridge" in out and "--undo" in out
    assert [d["title"] for d in json.loads(ok("library", "--json", "--db", str(db)))["documents"]] == [
        "Schools close for the storm"]
    assert json.loads(ok("annotations", str(bridge), "--json", "--db", str(db)))["annotations"] == []
    assert "brought back" in ok("library", "--undo", "--db", str(db))
    [ann] = json.loads(ok("annotations", str(bridge), "--json", "--db", str(db)))["annotations"]
    assert ann["note"] == "cost"
    one_line_failure(run("library", "--undo", "--db", str(db)), "nothing to undo")
    one_line_failure(run("library", "--forget", "no such document", "--db", str(db)), "no document")


def test_library_on_a_missing_database_is_empty_and_creates_nothing(tmp_path):
    db = tmp_path / "none.json"
    assert "empty" in ok("library", "--db", str(db))
    assert not db.exists()


def test_library_of_a_corrupt_database_is_one_line_and_the_file_kept(tmp_path):
    db = tmp_path / "db.json"
    db.write_text('{"_quotelens": {"1": {"schema": 2}}, "visits": {"1": {"doc_id": 5}}}', encoding="utf-8")
    before = db.read_bytes()
    one_line_failure(run("library", "--db", str(db)), "damaged")
    one_line_failure(run("library", "--forget", "x", "--db", str(db)), "damaged")
    one_line_failure(run("speakers", "--db", str(db)), "damaged")
    assert db.read_bytes() == before


def test_library_of_a_thousand_documents(tmp_path):
    """Correctness at the size of the speed bar (its timing is benchmarks/library_list.py)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from library_list import make_database
    finally:
        sys.path.pop(0)
    db = tmp_path / "big.json"
    make_database(db, 1000)
    docs = json.loads(ok("library", "--json", "--sort", "quotes", "--db", str(db)))["documents"]
    assert len(docs) == 1000 and len({d["id"] for d in docs}) == 1000
    assert [d["quotes"] for d in docs] == sorted((d["quotes"] for d in docs), reverse=True)
    assert len(ok("library", "--db", str(db)).splitlines()) == 1001


def test_speakers_across_the_library(two):
    _, _, db = two
    listing = ok("speakers", "--db", str(db))
    assert listing.splitlines()[0].startswith("Ada Brook") and "2 quotations in 2 documents" in listing
    data = json.loads(ok("speakers", "Ada Brook", "--json", "--db", str(db)))
    [brook] = data["speakers"]
    assert {q["title"] for q in brook["quotes"]} == {"Council backs the new bridge", "Schools close for the storm"}
    one_line_failure(run("speakers", "Nobody Here", "--db", str(db)), "nobody called")


def test_changes_since_the_last_visit(two):
    bridge, _, db = two
    bridge.write_text(BRIDGE.replace("It is too expensive", "It is far too expensive")
                      + "\n“Work starts in May,” Ada Brook said.\n", encoding="utf-8")
    before = db.read_bytes()
    report = ok("changes", str(bridge), "--db", str(db))
    assert report.splitlines()[0].startswith("Since you last read it")
    assert "text changed" in report and "1 new" in report and "1 reworded" in report
    assert "annotation moved" in report
    data = json.loads(ok("changes", str(bridge), "--json", "--db", str(db)))
    assert data["text_changed"] and [q["text"] for q in data["quotes"]["new"]] == ["Work starts in May,"]
    assert [a["status"] for a in data["annotations"]] == ["moved"]
    assert db.read_bytes() == before  # a read command


def test_changes_of_a_document_never_read(tmp_path):
    f = tmp_path / "a.md"
    f.write_text(BRIDGE, encoding="utf-8")
    assert "Not read in quotelens before" in ok("changes", str(f), "--db", str(tmp_path / "db.json"))


def test_changes_of_a_missing_file_is_one_line(tmp_path):
    one_line_failure(run("changes", str(tmp_path / "gone.md"), "--db", str(tmp_path / "db.json")), "no such file")
