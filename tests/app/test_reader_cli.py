"""``quotelens [FILE|-]`` as a user runs it: bad input fails fast and clearly; the real terminal works."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "app"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "tui", *args], input=stdin, capture_output=True, cwd=ROOT,
                          env=env, timeout=60)


def assert_one_line_failure(out: subprocess.CompletedProcess, *words: str) -> None:
    err = out.stderr.decode()
    assert out.returncode == 2, err
    assert err.count("\n") == 1 and err.startswith("quotelens: "), err
    assert "Traceback" not in err
    for word in words:
        assert word in err
    assert out.stdout == b""  # Textual never started


def test_missing_file(tmp_path):
    assert_one_line_failure(run_cli(str(tmp_path / "nope.md"), "--db", str(tmp_path / "db.json")), "no such file")


def test_binary_file(tmp_path):
    f = tmp_path / "photo.jpg"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (bytes(range(256)) + bytes(64)) * 40)
    assert_one_line_failure(run_cli(str(f), "--db", str(tmp_path / "db.json")), str(f))


def test_folder_instead_of_file(tmp_path):
    assert_one_line_failure(run_cli(str(tmp_path), "--db", str(tmp_path / "db.json")), "folder")


def test_corrupt_database_is_left_untouched(tmp_path):
    db = tmp_path / "db.json"
    db.write_bytes(b'{"annotations": {"1": {"exact": ')
    assert_one_line_failure(run_cli("--db", str(db)), str(db))
    assert db.read_bytes() == b'{"annotations": {"1": {"exact": '


def test_newer_database_is_refused(tmp_path):
    db = tmp_path / "db.json"
    body = json.dumps({"_quotelens": {"1": {"schema": 99}}}).encode()
    db.write_bytes(body)
    assert_one_line_failure(run_cli("--db", str(db)), "newer")
    assert db.read_bytes() == body


def test_a_pipe_in_place_of_the_database_is_refused(tmp_path):
    db = tmp_path / "db.json"
    os.mkfifo(db)  # (not /dev/null: a regression would replace it with a file)
    assert_one_line_failure(run_cli("--db", str(db)), str(db), "not a regular file")


def test_without_a_terminal_the_reader_says_so(tmp_path):
    out = run_cli(str(FIXTURES / "pipe_article.txt"), "--db", str(tmp_path / "db.json"))
    assert_one_line_failure(out, "terminal")


def test_version_prints_the_version():
    import tui

    out = run_cli("--version")
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode().strip() == f"quotelens {tui.__version__}"


def test_empty_stdin(tmp_path):
    out = run_cli("-", "--db", str(tmp_path / "db.json"), stdin=b"")
    # an empty article is not an error worth a traceback: either a clear message or no terminal to read keys
    assert out.returncode == 2 and "Traceback" not in out.stderr.decode()


# ---------------------------------------------------------------- a real terminal (tmux)
needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


# a tmux server of this test run's own: other tmux users (another test run, a benchmark) never
# share its sessions or shut it down under us
TMUX = ("tmux", "-L", f"quotelens-test-{os.getpid()}")


class Tmux:
    def __init__(self, name: str, command: str, size: tuple[int, int] = (120, 36)) -> None:
        self.name = name
        # COLUMNS/LINES (set by pytest) would override the real terminal size
        shell = f"unset COLUMNS LINES; {command}; echo QUOTELENS-EXIT=$?; sleep 60"
        argv = [*TMUX, "new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]),
                "-e", f"PYTHONPATH={ROOT}", "sh", "-c", shell]
        if subprocess.run(argv, cwd=ROOT).returncode != 0:
            # a tmux server that is shutting down (its last session just closed) refuses once
            time.sleep(0.5)
            subprocess.run(argv, check=True, cwd=ROOT)
        # a tmux server started elsewhere may impose its own default size
        subprocess.run([*TMUX, "resize-window", "-t", name, "-x", str(size[0]), "-y", str(size[1])],
                       capture_output=True)

    def screen(self, joined: bool = False) -> str:
        """The pane's text; ``joined``: lines the terminal wrapped are given back whole (``-J``),
        so what a test looks for does not depend on how long a temporary path happened to be."""
        flags = ["-p", "-J"] if joined else ["-p"]
        return subprocess.run([*TMUX, "capture-pane", *flags, "-t", self.name], capture_output=True,
                              text=True).stdout

    def wait_for(self, text: str, within: float = 30.0) -> str:
        deadline = time.monotonic() + within
        while True:
            screen = self.screen()
            if text in screen or time.monotonic() > deadline:
                return screen
            time.sleep(0.2)

    def wait_until_gone(self, text: str, within: float = 30.0) -> str:
        deadline = time.monotonic() + within
        while True:
            screen = self.screen()
            if text not in screen or time.monotonic() > deadline:
                return screen
            time.sleep(0.1)

    def keys(self, *keys: str) -> None:
        subprocess.run([*TMUX, "send-keys", "-t", self.name, *keys], check=True)

    def close(self) -> None:
        subprocess.run([*TMUX, "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def tmux(request):
    sessions = []

    def start(command: str, size: tuple[int, int] = (120, 36)) -> Tmux:
        t = Tmux(f"quotelens-test-{os.getpid()}-{len(sessions)}", command, size)
        sessions.append(t)
        return t

    yield start
    for t in sessions:
        t.close()


@needs_tmux
def test_sample_in_a_real_terminal_shows_the_title_and_quits_cleanly(tmux, tmp_path):
    db = tmp_path / "db.json"
    t = tmux(f"{shlex.quote(sys.executable)} -m tui sample --db {shlex.quote(str(db))}")
    screen = t.wait_for("staff writer")
    assert "Harbour Town Votes to Keep Its Ferry, for Now" in screen
    assert "Speakers" in screen and "Annotations" in screen
    t.keys("q")
    assert "QUOTELENS-EXIT=0" in t.wait_for("QUOTELENS-EXIT=")
    assert "Traceback" not in t.screen()


@needs_tmux
def test_article_from_stdin_in_a_real_terminal(tmux, tmp_path):
    db = tmp_path / "db.json"
    article = FIXTURES / "pipe_article.txt"
    t = tmux(f"cat {shlex.quote(str(article))} | {shlex.quote(sys.executable)} -m tui - --db {shlex.quote(str(db))}")
    screen = t.wait_for("The lamp")
    assert "Piped Article About Lighthouses" in screen
    t.keys("j", "q")  # keys come from the terminal, not the pipe
    assert "QUOTELENS-EXIT=0" in t.wait_for("QUOTELENS-EXIT=")


@needs_tmux
def test_closing_the_terminal_keeps_the_reading_position(tmux, tmp_path):
    from tui.commands.read import load_sample
    from tui.store import Library

    db = tmp_path / "db.json"
    t = tmux(f"{shlex.quote(sys.executable)} -m tui sample --db {shlex.quote(str(db))}")
    t.wait_for("staff writer")
    t.keys("PageDown", "PageDown")
    assert "staff writer" not in t.wait_until_gone("staff writer")  # scrolled on
    t.close()  # the terminal goes away: SIGHUP
    doc = load_sample()
    deadline = time.monotonic() + 15
    position = None
    while time.monotonic() < deadline and not position:
        time.sleep(0.3)
        lib = Library.open(db)
        position = lib.reading_position(doc)
        lib.close()
    assert position and position > doc.text.index("Marlow Quay")


@needs_tmux
def test_corrupt_database_in_a_real_terminal_fails_before_textual_starts(tmux, tmp_path):
    db = tmp_path / "db.json"
    db.write_bytes(b'{"annotations": {"1": ')
    t = tmux(f"{shlex.quote(sys.executable)} -m tui sample --db {shlex.quote(str(db))}")
    t.wait_for("QUOTELENS-EXIT=")
    screen = t.screen(joined=True)
    assert "QUOTELENS-EXIT=2" in screen
    lines = [line for line in screen.splitlines() if line.strip()]
    # one message (however many rows a long temporary path wrapped it onto), then the exit status
    assert len(lines) == 2, screen
    assert lines[0].startswith("quotelens: ") and str(db) in lines[0] and "not valid JSON" in lines[0]
    assert lines[-1] == "QUOTELENS-EXIT=2"
    assert "Speakers" not in screen and "Harbour Town" not in screen
    assert db.read_bytes() == b'{"annotations": {"1": '


@needs_tmux
def test_a_returning_reader_opens_at_their_place_in_a_real_terminal(tmux, tmp_path):
    from tui.commands.read import load_sample
    from tui.store import Library

    doc = load_sample()
    db = tmp_path / "db.json"
    at = doc.text.index("Fishermen stood along")
    with Library.open(db) as lib:
        lib.set_reading_position(doc, next(b.start for b in doc.blocks if b.start <= at < b.end))
    t = tmux(f"{shlex.quote(sys.executable)} -m tui sample --db {shlex.quote(str(db))}")
    screen = t.wait_for("Fishermen")
    assert "Fishermen" in screen and "Speakers" in screen
    assert "staff writer" not in screen  # the byline above the saved paragraph is scrolled away
    t.keys("q")
    assert "QUOTELENS-EXIT=0" in t.wait_for("QUOTELENS-EXIT=")


@needs_tmux
def test_search_in_a_real_terminal_shows_match_1_of_n(tmux, tmp_path):
    import re

    from tui.commands.read import load_sample

    db = tmp_path / "db.json"
    t = tmux(f"{shlex.quote(sys.executable)} -m tui sample --db {shlex.quote(str(db))}")
    t.wait_for("staff writer")
    time.sleep(1)  # the panes and the analysis arrive after the first paint
    t.keys("/", "f", "e", "r", "r", "y", "Enter")  # one burst, as typed fast or pasted
    count = len(re.findall("ferry", load_sample().text, re.IGNORECASE))
    assert count > 1
    screen = t.wait_for(f"match 1 of {count}", within=10)
    assert f"match 1 of {count}" in screen
    t.keys("n")
    assert f"match 2 of {count}" in t.wait_for(f"match 2 of {count}", within=10)


@needs_tmux
def test_at_80x24_the_side_panes_collapse_and_the_article_is_60_columns_wide(tmux, tmp_path):
    db = tmp_path / "db.json"
    t = tmux(f"{shlex.quote(sys.executable)} -m tui sample --db {shlex.quote(str(db))}", size=(80, 24))
    screen = t.wait_for("staff writer")
    time.sleep(1)
    screen = t.screen()
    assert "Speakers" not in screen and "Annotations" not in screen
    top = next(line for line in screen.splitlines() if "Article" in line)
    assert len(top.rstrip()) >= 62  # the article's border: 60 columns of text inside it
    longest = max(len(line.strip("│ ").rstrip()) for line in screen.splitlines() if line.startswith("│"))
    assert longest >= 60  # wrapped text uses the width
    t.keys("F2")  # the speakers open over the article
    assert "Speakers" in t.wait_for("Speakers", within=10)


@needs_tmux
def test_a_url_in_a_real_terminal_shows_the_page_and_then_opens_offline(tmux, tmp_path, page_server):
    # the page is parsed in a forked child while the reader imports Textual (see read.py)
    pages, db = tmp_path / "pages", tmp_path / "db.json"
    command = (f"QUOTELENS_PAGES={shlex.quote(str(pages))} {shlex.quote(sys.executable)} -m tui "
               f"{page_server.url('/sample.html')} --db {shlex.quote(str(db))}")
    t = tmux(command)
    screen = t.wait_for("Island Gazette")
    assert "Harbour Town Votes to Keep Its Ferry, for Now · Island Gazette" in screen
    assert "We are not asking for a new ferry" in t.wait_for("We are not asking")
    assert "Subscribe now" not in screen and "cookies" not in screen
    t.keys("q")
    assert "QUOTELENS-EXIT=0" in t.wait_for("QUOTELENS-EXIT=")
    page_server.shutdown()  # offline now: the kept copy opens
    again = tmux(command)
    assert "We are not asking for a new ferry" in again.wait_for("We are not asking")
    again.keys("q")
    assert "QUOTELENS-EXIT=0" in again.wait_for("QUOTELENS-EXIT=")


@needs_tmux
def test_a_saved_page_that_fails_to_load_is_one_line_before_the_screen_changes(tmux, tmp_path):
    f = tmp_path / "empty.html"
    f.write_text("<!DOCTYPE html><html><body><nav>Menu</nav></body></html>", encoding="utf-8")
    out = run_cli(str(f), "--db", str(tmp_path / "db.json"))
    assert_one_line_failure(out, str(f), "no article text")
