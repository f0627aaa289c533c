"""``quotelens annotate`` and ``quotelens annotations``, run as a user runs them."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ("Port strike enters second week\n\n"
           "Dock workers stayed out on Monday. “We will stay out until the offer improves,” union\n"
           "leader Ana Costa said. The port authority said the offer was final.\n\n"
           "Shipping lines diverted vessels. The port authority said talks would resume.\n")


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k != "QUOTELENS_DB"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, cwd=ROOT,
                          env=full_env, timeout=60)


@pytest.fixture
def article(tmp_path) -> Path:
    f = tmp_path / "strike.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    return f


def _one_line_error(out: subprocess.CompletedProcess, *needles: str) -> None:
    assert out.returncode == 2, out.stderr
    assert out.stdout == ""
    assert out.stderr.count("\n") == 1 and out.stderr.startswith("quotelens: ")
    assert "Traceback" not in out.stderr
    for n in needles:
        assert n in out.stderr


def test_annotate_prints_the_id_and_annotations_lists_it(article, tmp_path):
    db = tmp_path / "db.json"
    out = run("annotate", str(article), "--exact", "The port authority said", "--occurrence", "2",
              "--note", "second mention", "--tag", "port", "--tag", "talks", "--color", "blue", "--db", str(db))
    assert out.returncode == 0, out.stderr
    ann_id = out.stdout.strip()
    assert re.fullmatch(r"[0-9a-f]{32}", ann_id)
    listed = run("annotations", str(article), "--json", "--db", str(db))
    assert listed.returncode == 0, listed.stderr
    data = json.loads(listed.stdout)
    [row] = data["annotations"]
    assert (row["id"], row["status"], row["note"], row["tags"], row["color"]) == \
        (ann_id, "anchored", "second mention", ["port", "talks"], "blue")
    assert row["text"] == "The port authority said"
    second = ARTICLE.index("The port authority said", ARTICLE.index("The port authority said") + 1)
    assert row["start"] > second - 5  # the second occurrence, not the first
    table = run("annotations", str(article), "--db", str(db)).stdout
    assert "1 annotation (1 anchored)" in table and ann_id[:8] in table and "second mention" in table


def test_exact_text_across_a_line_break(article, tmp_path):
    db = tmp_path / "db.json"
    out = run("annotate", str(article), "--exact", "until the offer improves,” union leader Ana Costa",
              "--db", str(db))
    assert out.returncode == 0, out.stderr
    [row] = json.loads(run("annotations", str(article), "--json", "--db", str(db)).stdout)["annotations"]
    assert row["text"].endswith("Ana Costa") and row["text"].startswith("until the offer")


def test_environment_variable_chooses_the_database(article, tmp_path):
    db = tmp_path / "from-env" / "q.json"
    out = run("annotate", str(article), "--exact", "Dock workers", env={"QUOTELENS_DB": str(db)})
    assert out.returncode == 0, out.stderr
    assert db.exists()
    listed = json.loads(run("annotations", str(article), "--json", env={"QUOTELENS_DB": str(db)}).stdout)
    assert [r["id"] for r in listed["annotations"]] == [out.stdout.strip()]


def test_statuses_after_the_article_is_edited(article, tmp_path):
    db = tmp_path / "db.json"
    for exact in ("Dock workers stayed out on Monday", "Shipping lines diverted vessels"):
        assert run("annotate", str(article), "--exact", exact, "--db", str(db)).returncode == 0
    article.write_text(ARTICLE.replace("Dock workers stayed out on Monday", "Dock workers stayed away on Monday")
                       .replace("Shipping lines diverted vessels. ", ""), encoding="utf-8")
    rows = json.loads(run("annotations", str(article), "--json", "--db", str(db)).stdout)["annotations"]
    assert [r["status"] for r in rows] == ["moved", "orphan"]
    assert rows[0]["text"] == "Dock workers stayed away on Monday"
    assert rows[1]["start"] is None and rows[1]["exact"] == "Shipping lines diverted vessels"
    table = run("annotations", str(article), "--db", str(db)).stdout
    assert "1 moved, 1 orphan" in table and "orphan" in table


@pytest.mark.parametrize("args,needle", [
    (("--exact", "not in the article"), "text not found"),
    (("--exact", "The port authority said", "--occurrence", "3"), "occurs 2 times"),
    (("--exact", "The port authority said", "--occurrence", "0"), "out of range"),
    (("--exact", "Dock", "--color", "red"), "unknown colour"),
    (("--exact", "   "), "needs some text"),
])
def test_bad_requests_are_one_line_and_status_2(article, tmp_path, args, needle):
    db = tmp_path / "db.json"
    _one_line_error(run("annotate", str(article), *args, "--db", str(db)), needle)
    assert not db.exists()


def test_missing_file_like_quotes(tmp_path):
    for cmd in (("annotate", str(tmp_path / "nope.txt"), "--exact", "x"), ("annotations", str(tmp_path / "nope.txt"))):
        _one_line_error(run(*cmd, "--db", str(tmp_path / "db.json")), "no such file")


@pytest.mark.parametrize("junk", [b"{not json", b"\x89PNG\r\n\x1a\n\x00\x00", b"[]",
                                  b'{"_quotelens": {"1": {"schema": 999}}}'])
def test_corrupt_or_newer_database_exit_2_and_file_unchanged(article, tmp_path, junk):
    db = tmp_path / "db.json"
    db.write_bytes(junk)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    _one_line_error(run("annotate", str(article), "--exact", "Dock workers", "--db", str(db)), str(db))
    _one_line_error(run("annotations", str(article), "--db", str(db)), str(db))
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_hostile_note_is_listed_on_one_line(article, tmp_path):
    db = tmp_path / "db.json"
    note = "[bold red]x[/]\x1b[2J\x07 line\nnext"
    assert run("annotate", str(article), "--exact", "Dock workers", "--note", note, "--db", str(db)).returncode == 0
    table = run("annotations", str(article), "--db", str(db)).stdout
    assert "\x1b" not in table and "\x07" not in table
    assert "note: [bold red]x[/][2J line next" in table


def test_the_commands_never_import_textual(article, tmp_path):
    code = ("import sys\nfrom tui.cli import main\n"
            f"main(['annotate', {str(article)!r}, '--exact', 'Dock', '--db', {str(tmp_path / 'd.json')!r}])\n"
            f"main(['annotations', {str(article)!r}, '--db', {str(tmp_path / 'd.json')!r}])\n"
            "print('textual' in sys.modules, 'rich' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "False False"


def test_database_path_that_is_a_folder(article, tmp_path):
    (tmp_path / "dbdir").mkdir()
    _one_line_error(run("annotate", str(article), "--exact", "Dock", "--db", str(tmp_path / "dbdir")), "folder")
    _one_line_error(run("annotations", str(article), "--db", str(tmp_path / "dbdir")), "folder")


def test_version_1_database_is_upgraded_by_the_cli(article, tmp_path):
    db = tmp_path / "old.json"
    db.write_text(json.dumps({"_quotelens": {"1": {"schema": 1}}}), encoding="utf-8")
    out = run("annotate", str(article), "--exact", "Dock workers", "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "old.json.v1.bak").exists()
    assert json.loads(db.read_text(encoding="utf-8"))["_quotelens"]["1"]["schema"] == 2


def test_tags_differing_only_in_case_are_stored_once(article, tmp_path):
    db = tmp_path / "db.json"
    out = run("annotate", str(article), "--exact", "Dock workers", "--tag", "Climate", "--tag", "climate",
              "--tag", " CLIMATE ", "--tag", "port", "--db", str(db))
    assert out.returncode == 0, out.stderr
    [row] = json.loads(run("annotations", str(article), "--json", "--db", str(db)).stdout)["annotations"]
    assert row["tags"] == ["Climate", "port"]


def test_annotations_shows_joined_emoji_and_words_as_the_article_has_them(tmp_path):
    family, persian = "\U0001f469\u200d\U0001f469\u200d\U0001f467", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0645"
    article = tmp_path / "family.txt"
    article.write_text(f"Families\n\n“We stay together,” the {family} family said.\n", encoding="utf-8")
    db = tmp_path / "db.json"
    assert run("annotate", str(article), "--exact", family, "--note", f"{persian} \x1b]0;x\x07",
               "--db", str(db)).returncode == 0
    table = run("annotations", str(article), "--db", str(db)).stdout
    assert family in table and f"note: {persian}" in table and "\x1b" not in table
    listed = run("annotations", str(article), "--json", "--db", str(db)).stdout
    assert family in listed and persian in listed  # written as text, not as escapes
    [row] = json.loads(listed)["annotations"]
    assert (row["text"], row["note"]) == (family, f"{persian} ]0;x")
