"""Issue 10's numbered store bugs, each through the real command (``python -m tui ...``).

Document identity, unknown fields, file mode and owner, listings that write nothing, and an
empty ``--db``.  Every test here failed before its fix.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cli_failures import one_line_failure

from tui.engine import load_path
from tui.store.session import ReadingSession

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ("# Port budget\n\nThe port authority met on Tuesday.\n\n"
           "“Businesses will suffer if the ferry stops,” the harbour master said.\n\n"
           "The vote is next week.\n")


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=60, env={**os.environ, **(env or {})})


def ok(out: subprocess.CompletedProcess) -> str:
    assert out.returncode == 0, out.stderr
    return out.stdout


def listed(f: Path, db: Path) -> list[dict]:
    rows: list[dict] = json.loads(ok(cli("annotations", str(f), "--json", "--db", str(db))))["annotations"]
    return rows


@pytest.fixture
def article(tmp_path) -> Path:
    f = tmp_path / "a.md"
    f.write_text(ARTICLE, encoding="utf-8")
    return f


# 1. document identity -----------------------------------------------------------------------
def test_a_copy_starts_empty_and_the_original_keeps_its_annotation_when_the_copy_is_edited(article, tmp_path):
    db = tmp_path / "r.json"
    ok(cli("annotate", str(article), "--exact", "Businesses will suffer", "--note", "mine", "--db", str(db)))
    copy = tmp_path / "b.md"
    shutil.copy(article, copy)
    assert listed(copy, db) == []  # a copy is another document
    with copy.open("a", encoding="utf-8") as fh:
        fh.write("\nA line added to the copy.\n")
    assert listed(copy, db) == []
    assert [r["note"] for r in listed(article, db)] == ["mine"]
    ok(cli("annotate", str(copy), "--exact", "The vote", "--note", "copy's", "--db", str(db)))
    assert [r["note"] for r in listed(article, db)] == ["mine"]
    assert [r["note"] for r in listed(copy, db)] == ["copy's"]


def test_a_path_keeps_its_annotations_when_edited_and_a_moved_file_takes_them_along(article, tmp_path):
    db = tmp_path / "r.json"
    ok(cli("annotate", str(article), "--exact", "The vote is next week", "--db", str(db)))
    moved = tmp_path / "moved.md"
    article.rename(moved)
    [row] = listed(moved, db)
    assert row["text"] == "The vote is next week"
    ok(cli("annotate", str(moved), "--exact", "port authority", "--db", str(db)))  # now known by its new path
    moved.write_text("# Port budget\n\nA new first paragraph.\n\n" + ARTICLE.split("\n\n", 1)[1], encoding="utf-8")
    rows = listed(moved, db)
    assert [(r["status"], r["text"]) for r in rows] == [("anchored", "port authority"),
                                                        ("anchored", "The vote is next week")]


# 3. unknown fields --------------------------------------------------------------------------
EXTRA_SELECTOR = {"type": "FragmentSelector", "value": "para=3", "conformsTo": "http://example.org/frag"}


def _add_unknown_fields(db: Path) -> None:
    data = json.loads(db.read_text(encoding="utf-8"))
    for rec in data["annotations"].values():
        rec["motivation"] = "commenting"
        rec["target"]["source"] = "urn:example:port-budget"
        for sel in rec["target"]["selector"]:
            sel["refinedBy"] = {"type": "TextPositionSelector", "start": 0, "end": 3}
        rec["target"]["selector"].append(EXTRA_SELECTOR)
    db.write_text(json.dumps(data), encoding="utf-8")


def _assert_unknown_fields_kept(db: Path) -> None:
    [rec] = json.loads(db.read_text(encoding="utf-8"))["annotations"].values()
    assert rec["motivation"] == "commenting" and rec["target"]["source"] == "urn:example:port-budget"
    sels = rec["target"]["selector"]
    assert EXTRA_SELECTOR in sels
    assert all(s.get("refinedBy") for s in sels if s["type"] != "FragmentSelector")


def test_re_anchoring_after_an_edit_keeps_fields_and_selectors_it_does_not_know(article, tmp_path):
    db = tmp_path / "r.json"
    ok(cli("annotate", str(article), "--exact", "The vote is next week", "--db", str(db)))
    _add_unknown_fields(db)
    article.write_text(ARTICLE.replace("on Tuesday", "on Tuesday evening"), encoding="utf-8")
    ok(cli("annotate", str(article), "--exact", "port authority", "--db", str(db)))  # registers: re-anchors
    data = json.loads(db.read_text(encoding="utf-8"))
    [old] = [r for r in data["annotations"].values() if r.get("motivation")]
    position = next(s for s in old["target"]["selector"] if s["type"] == "TextPositionSelector")
    assert position["start"] == load_path(article).text.index("The vote is next week")  # re-anchored
    assert old["motivation"] == "commenting" and EXTRA_SELECTOR in old["target"]["selector"]
    assert all(s.get("refinedBy") for s in old["target"]["selector"] if s["type"] != "FragmentSelector")


def test_delete_and_undo_keep_fields_and_selectors_they_do_not_know(article, tmp_path):
    db = tmp_path / "r.json"
    ok(cli("annotate", str(article), "--exact", "The vote is next week", "--db", str(db)))
    _add_unknown_fields(db)
    session = ReadingSession(load_path(article), db_path=db)  # what the reader's d and u call
    session.load()
    [p] = session.placements
    session.delete(p.annotation.id)
    assert session.undo() == "delete"
    _assert_unknown_fields_kept(db)
    session.edit(p.annotation.id, note="changed")
    assert session.undo() == "edit"
    _assert_unknown_fields_kept(db)
    assert [r["note"] for r in listed(article, db)] == [""]


# 4. file mode and owner ---------------------------------------------------------------------
def test_a_read_only_database_is_refused_for_writing_and_listed_fine(article, tmp_path):
    db = tmp_path / "r.json"
    ok(cli("annotate", str(article), "--exact", "The vote", "--db", str(db)))
    db.chmod(0o444)
    before = db.read_bytes()
    one_line_failure(cli("annotate", str(article), "--exact", "port authority", "--db", str(db)), "read-only")
    one_line_failure(cli(str(article), "--db", str(db)), "read-only")  # the reader too, before Textual
    assert db.read_bytes() == before and stat.S_IMODE(db.stat().st_mode) == 0o444
    assert [r["text"] for r in listed(article, db)] == ["The vote"]


def test_saving_keeps_a_shared_databases_mode(article, tmp_path):
    db = tmp_path / "r.json"
    ok(cli("annotate", str(article), "--exact", "The vote", "--db", str(db)))
    db.chmod(0o660)
    ok(cli("annotate", str(article), "--exact", "port authority", "--db", str(db)))
    assert stat.S_IMODE(db.stat().st_mode) == 0o660
    db.chmod(0o644)
    ok(cli("annotate", str(article), "--exact", "harbour master", "--db", str(db)))
    assert stat.S_IMODE(db.stat().st_mode) == 0o644


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_a_save_as_root_leaves_the_owner_in_charge_of_their_database(article, tmp_path):
    db = tmp_path / "r.json"
    ok(cli("annotate", str(article), "--exact", "The vote", "--db", str(db)))
    os.chown(db, 4321, 4321)  # the user's file; this test runs as root, like `sudo quotelens`
    ok(cli("annotate", str(article), "--exact", "port authority", "--db", str(db)))
    assert (db.stat().st_uid, db.stat().st_gid) == (4321, 4321)


# 5. a listing writes nothing ----------------------------------------------------------------
def test_listing_an_edited_document_writes_nothing(article, tmp_path):
    db = tmp_path / "r.json"
    ok(cli("annotate", str(article), "--exact", "The vote is next week", "--db", str(db)))
    article.write_text(ARTICLE.replace("Tuesday", "Wednesday"), encoding="utf-8")
    before = (db.read_bytes(), db.stat().st_mtime_ns)
    [row] = listed(article, db)
    ok(cli("quotes", str(article), "--corrected", "--db", str(db)))
    assert row["status"] == "anchored"
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before


def test_listing_with_no_database_creates_neither_file_nor_folder(article, tmp_path):
    db = tmp_path / "not" / "yet" / "r.json"
    assert listed(article, db) == []
    assert not (tmp_path / "not").exists()


# 6. --db "" ---------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["annotate", "{f}", "--exact", "The vote"], ["annotations", "{f}"],
                                     ["quotes", "{f}", "--corrected"], ["{f}"]])
def test_an_empty_db_is_an_error_not_the_real_database(article, tmp_path, command):
    home = tmp_path / "home"
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "QUOTELENS_DB": str(home / "env.json")}
    out = cli(*[a.format(f=article) for a in command], "--db", "", env=env)
    one_line_failure(out, "--db")
    assert not home.exists()


# 2. re-anchoring finds the new span's real boundaries ---------------------------------------
@pytest.mark.parametrize("before, after, expected", [
    ("Businesses will suffer", "Businesses will surely suffer", "Businesses will surely suffer"),
    ("Businesses will suffer if the ferry stops", "Businesses will suffer badly if the ferry ever stops",
     "Businesses will suffer badly if the ferry ever stops"),
    ("The vote is next week", "The vote is late next week", "The vote is late next week"),
    ("Businesses will suffer", "Businesses would suffer", "Businesses would suffer"),
])
def test_a_reworded_passage_is_re_anchored_on_whole_words(article, tmp_path, before, after, expected):
    db = tmp_path / "r.json"
    ok(cli("annotate", str(article), "--exact", before, "--db", str(db)))
    article.write_text(ARTICLE.replace(before, after), encoding="utf-8")
    [row] = listed(article, db)
    assert (row["status"], row["text"]) == ("moved", expected)
