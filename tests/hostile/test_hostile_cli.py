"""``quotes``, ``annotate`` and ``annotations`` on hostile files, run as a user runs them.

Whatever the file, a command either works or says why on one line of stderr with exit
status 2; never a traceback, and never a terminal escape on stdout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "hostile"


def run(*args: str | bytes | Path, db: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "QUOTELENS_DB"}
    env["QUOTELENS_DB"] = str(db)
    # as in a UTF-8 terminal (the C locale would let Python write undecodable bytes back out)
    env["PYTHONIOENCODING"] = "utf-8:strict"
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, cwd=ROOT, env=env,
                          timeout=120)


def check_sound(out: subprocess.CompletedProcess) -> None:
    """The promises every run keeps, whatever it was given."""
    stderr = out.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in out.stderr, stderr
    assert b"\x1b" not in out.stdout and b"\xc2\x9b" not in out.stdout  # ESC, 8-bit CSI
    assert b"\xe2\x80\xae" not in out.stdout  # U+202E, the right-to-left override
    if out.returncode != 0:
        assert out.returncode == 2, stderr
        assert out.stderr.count(b"\n") == 1 and out.stderr.startswith(b"quotelens: "), stderr
        assert b"\x1b" not in out.stderr
        assert out.stdout == b""


def all_commands(path: str | bytes | Path, exact: str = "the") -> list[tuple]:
    return [("quotes", path), ("quotes", path, "--json"), ("annotate", path, "--exact", exact, "--note", "n"),
            ("annotations", path), ("annotations", path, "--json")]


def _expect_error(tmp_path: Path, path, needle: str) -> None:
    for args in all_commands(path):
        out = run(*args, db=tmp_path / "q.json")
        check_sound(out)
        assert out.returncode == 2 and needle in out.stderr.decode("utf-8", "replace"), (args, out.stderr)


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    results = {args[0] + " ".join(map(str, args[2:])): run(*args, db=tmp_path / "q.json")
               for args in all_commands(empty)}
    for out in results.values():
        check_sound(out)
    assert results["quotes"].returncode == 0 and b"0 quotations" in results["quotes"].stdout
    assert results["annotations"].returncode == 0
    assert results["annotate--exact the --note n"].returncode == 2  # nothing to annotate


def test_binary_file(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    _expect_error(tmp_path, binary, "binary")


def test_directory(tmp_path):
    _expect_error(tmp_path, tmp_path, "folder")


def test_device_is_refused_not_read_forever(tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("needs /dev/zero")
    _expect_error(tmp_path, "/dev/zero", "not a file")


def test_missing_file_with_a_newline_and_escape_in_its_name(tmp_path):
    _expect_error(tmp_path, str(tmp_path / "no\nsuch\x1b[2Jfile.txt"), "no such file")


def test_unreadable_file(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("“Secret,” she said.", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        _expect_error(tmp_path, locked, "permission denied")
    finally:
        locked.chmod(0o600)


@pytest.mark.parametrize("name", ["with spaces and “quotes”.txt", "ünïcödé — 日本語 😀.md", "-dash first.txt"])
def test_path_with_spaces_and_unicode(tmp_path, name):
    article = tmp_path / name
    article.write_text("# The harbour\n\n“We will rebuild,” Mayor Brandt said.\n", encoding="utf-8")
    path = str(article) if not name.startswith("-") else "./" + name
    for args in all_commands(path, exact="rebuild"):
        out = subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, cwd=tmp_path,
                             env={**os.environ, "QUOTELENS_DB": str(tmp_path / "q.json"),
                                  "PYTHONPATH": str(ROOT)}, timeout=120)
        check_sound(out)
        assert out.returncode == 0, (args, out.stderr)
    listed = run("annotations", article, db=tmp_path / "q.json")
    assert b"rebuild" in listed.stdout and b"1 annotation" in listed.stdout


def test_invalid_utf8_and_escape_sequences_in_the_file(tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_bytes((FIXTURES / "escape_sequences.txt").read_bytes() + b"\n\nCaf\xe9 \xff\xfe owner said.\n")
    results = [run(*args, db=tmp_path / "q.json") for args in all_commands(article, exact="rebuild")]
    for out in results:
        check_sound(out)
        assert out.returncode == 0, out.stderr
    table = results[0].stdout.decode("utf-8")
    assert "We will rebuild" in table and "Brandt" in table
    # markup is kept verbatim, as text: it can be annotated and listed as it reads
    marked = run("annotate", article, "--exact", "[bold]Officials[/bold] said", db=tmp_path / "q.json")
    check_sound(marked)
    assert marked.returncode == 0, marked.stderr
    listed = run("annotations", article, "--json", db=tmp_path / "q.json")
    assert "[bold]Officials[/bold] said" in listed.stdout.decode("utf-8")


def test_hostile_file_names_never_reach_the_terminal(tmp_path):
    """A title falls back to the file name: a name holding ESC or a newline must not be printed raw."""
    for name in ("\x1b[31mred\x1b]0;pwned\x07.txt", "two\nlines.txt"):
        article = tmp_path / name
        article.write_text("Chapter 1\n\n“Hello,” Ann said.\n", encoding="utf-8")
        for args in all_commands(article, exact="Hello"):
            out = run(*args, db=tmp_path / "q.json")
            check_sound(out)
            assert out.returncode == 0, out.stderr


def test_undecodable_bytes_in_the_file_name_and_the_note(tmp_path):
    """Bytes that are not UTF-8 arrive in sys.argv as lone surrogates; saving them crashed."""
    folder = os.fsencode(tmp_path)
    article = folder + b"/caf\xe9 report.txt"
    with open(article, "wb") as fh:
        fh.write("“We will rebuild,” Brandt said.\n".encode())
    db = tmp_path / "q.json"
    for args in all_commands(article, exact="rebuild"):
        check_sound(out := run(*args, db=db))
        assert out.returncode == 0, out.stderr
    out = run("annotate", article, "--exact", "Brandt", "--note", b"caf\xe9 \xff", "--tag", b"\xfe", db=db)
    check_sound(out)
    assert out.returncode == 0, out.stderr
    listed = run("annotations", article, "--json", db=db)
    check_sound(listed)
    assert listed.stdout.decode("utf-8").count("\"status\": \"anchored\"") == 2


@pytest.mark.parametrize("damage", [b"\x00\x01\x02", b"{\"annotations\": ", b"[1, 2]", b"null",
                                    b"{\"_quotelens\": {\"1\": {\"schema\": 2}}, \"positions\": {\"1\": "
                                    b"{\"doc_id\": \"x\", \"offset\": \"7\"}}}"],
                         ids=["binary", "truncated", "list", "null", "offset-a-string"])
def test_a_corrupt_database_is_one_line_and_left_alone(tmp_path, damage):
    article = tmp_path / "a.txt"
    article.write_text("“We will rebuild,” Brandt said.\n", encoding="utf-8")
    db = tmp_path / "q.json"
    db.write_bytes(damage)
    for args in (("annotate", article, "--exact", "rebuild"), ("annotations", article)):
        out = run(*args, db=db)
        check_sound(out)
        assert out.returncode == 2
        assert b"not a quotelens database" in out.stderr or b"damaged" in out.stderr
        assert db.read_bytes() == damage


def test_a_database_path_with_escapes_is_reported_on_one_clean_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("“We will rebuild,” Brandt said.\n", encoding="utf-8")
    folder = tmp_path / "db\x1b]0;pwned\x07\nfolder"
    folder.mkdir()
    for args in (("annotate", article, "--exact", "rebuild", "--db", folder), ("annotations", article, "--db", folder)):
        out = run(*args, db=tmp_path / "unused.json")
        check_sound(out)
        assert out.returncode == 2 and b"is a folder" in out.stderr and b"\x07" not in out.stderr


def test_hostile_text_planted_in_the_database_is_not_printed_raw(tmp_path):
    """A database edited by hand (or by another tool) can hold any string in a note or a tag."""
    import json

    article = tmp_path / "a.txt"
    article.write_text("“We will rebuild,” Brandt said.\n", encoding="utf-8")
    db = tmp_path / "q.json"
    assert run("annotate", article, "--exact", "rebuild", "--note", "plain", "--tag", "t", db=db).returncode == 0
    data = json.loads(db.read_text(encoding="utf-8"))
    [record] = data["annotations"].values()
    record["note"] = "\u202eevil \x1b]0;pwned\x07 \x9b2J"
    record["tags"] = ["\u2066iso\u2069", "\x1b[31m"]
    record["target"]["selector"][0]["exact"] = "\u202erebuild"
    db.write_text(json.dumps(record and data), encoding="utf-8")
    for args in (("annotations", article), ("annotations", article, "--json")):
        out = run(*args, db=db)
        check_sound(out)
        assert out.returncode == 0 and b"evil" in out.stdout
        if "--json" in args:
            listed = json.loads(out.stdout)["annotations"][0]
            assert listed["note"] == record["note"] and listed["tags"] == record["tags"]  # escaped, not lost


@pytest.mark.parametrize("data, status", [(b"", 0), (bytes(range(256)) * 8, 2), (b"\x00" * 100, 2),
                                          ((FIXTURES / "escape_sequences.txt").read_bytes(), 0),
                                          ("“Hi,” Ann said.".encode("utf-16-le"), 0)],
                         ids=["empty", "binary", "nuls", "escapes", "utf16-no-bom"])
def test_quotes_from_standard_input(tmp_path, data: bytes, status: int):
    env = {**os.environ, "QUOTELENS_DB": str(tmp_path / "q.json"), "PYTHONIOENCODING": "utf-8:strict"}
    out = subprocess.run([sys.executable, "-m", "tui", "quotes", "-"], input=data, capture_output=True, cwd=ROOT,
                         env=env, timeout=120)
    check_sound(out)
    assert out.returncode == status, out.stderr
