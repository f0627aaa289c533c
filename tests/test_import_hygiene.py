"""Layering: the engine imports neither the store nor Textual nor TinyDB nor the fetcher (tui.sources); the
store never imports Textual; tui.sources (fetching URLs, keeping pages) imports the engine only;
``quotelens quotes`` never loads Textual; the heavy parsers load only for their formats."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def _top(mods: set[str]) -> set[str]:
    return {m.split(".")[0] for m in mods}


def test_engine_imports_no_textual_tinydb_or_store():
    mods = _modules_after("import tui.engine as e; e.analyze(e.load_text('T\\n\\n\"Hi,\" Ann said.'))")
    assert not _top(mods) & {"textual", "tinydb", "rich"}
    assert not any(m.startswith(("tui.store", "tui.app", "tui.sources")) for m in mods)


def test_engine_reads_web_pages_and_books_without_the_network_or_the_store():
    code = ("import tui.engine as e, pathlib\n"
            "p = pathlib.Path('tests/fixtures/pages').glob('*.html')\n"
            "e.analyze(e.load_path(next(iter(sorted(p)))))\n")
    mods = _modules_after(code)
    assert "trafilatura" in _top(mods)  # the probe really read a web page
    assert not _top(mods) & {"textual", "tinydb", "rich"}
    assert not any(m.startswith(("tui.store", "tui.app", "tui.sources")) for m in mods)
    assert "urllib.request" not in mods or "trafilatura" in _top(mods)  # only trafilatura's own imports


def test_sources_import_the_engine_only():
    mods = _modules_after("import tui.sources")
    assert not _top(mods) & {"textual", "tinydb", "rich", "trafilatura", "ebooklib"}
    assert not any(m.startswith(("tui.store", "tui.app")) for m in mods)


def test_plain_text_and_markdown_never_load_the_web_page_or_book_parsers():
    mods = _modules_after("import tui.engine as e\ne.load_text(chr(10).join(['# T', '', '| a | b |', '|---|---|', "
                          "'| 1 | 2 |']), fmt='markdown')\ne.load_text('Title', fmt='text')")
    assert "markdown_it" in _top(mods)
    assert not _top(mods) & {"trafilatura", "ebooklib", "lxml", "readability"}


def test_quotes_command_never_imports_textual(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Title\n\n“We will win,” Jane Doe said.\n", encoding="utf-8")
    code = ("import sys, io, contextlib\nfrom tui.cli import main\nbuf = io.StringIO()\n"
            f"with contextlib.redirect_stdout(buf): main(['quotes', {str(f)!r}, '--json'])\n")
    mods = _modules_after(code)
    assert "textual" not in _top(mods)


def test_quotes_json_contract(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Title\n\n“We will win,” Jane Doe said.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "tui", "quotes", str(f), "--json"], capture_output=True,
                         text=True, cwd=ROOT, check=True)
    data = json.loads(out.stdout)
    q = data["quotes"][0]
    assert {"text", "speaker", "start", "end", "cue"} <= set(q)
    assert q["text"] == "We will win,"
    assert data["speakers"][0]["name"] == "Jane Doe"
    assert {"id", "name", "aliases", "quotes"} <= set(data["speakers"][0])


def test_missing_file_is_one_line_and_status_2(tmp_path):
    out = subprocess.run([sys.executable, "-m", "tui", "quotes", str(tmp_path / "nope.txt")],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "no such file" in out.stderr
    assert "Traceback" not in out.stderr


def test_output_cut_short_by_a_closed_pipe_is_not_a_traceback(tmp_path):
    f = tmp_path / "long.txt"
    f.write_text("Title\n\n" + "\n\n".join(f"“Line {i} of it,” Jane Doe said." for i in range(3000)),
                 encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "tui", "quotes", str(f)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    assert proc.wait() == 0
    assert "Traceback" not in err and "BrokenPipe" not in err



def test_every_listed_speaker_has_a_quotation():
    # the sample names a group ("Fishermen stood ...") that the engine weighs as a speaker, then drops
    sample = ROOT / "tui" / "data" / "sample.md"
    out = subprocess.run([sys.executable, "-m", "tui", "quotes", str(sample), "--json"], capture_output=True,
                         text=True, cwd=ROOT, check=True)
    data = json.loads(out.stdout)
    quoted = {q["speaker_id"] for q in data["quotes"]}
    assert data["speakers"] and all(s["quotes"] >= 1 and s["id"] in quoted for s in data["speakers"])


def test_exports_and_library_commands_never_import_textual(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Title\n\n“We will win,” Jane Doe said.\n", encoding="utf-8")
    db = tmp_path / "db.json"
    code = ("import sys, io, contextlib\nfrom tui.cli import main\nbuf = io.StringIO()\n"
            "with contextlib.redirect_stdout(buf):\n"
            f"    for fmt in ('md', 'csv', 'w3c'): main(['export', {str(f)!r}, '--format', fmt, '--db', {str(db)!r}])\n"
            f"    main(['library', '--db', {str(db)!r}])\n"
            f"    main(['changes', {str(f)!r}, '--db', {str(db)!r}])\n"
            f"    main(['speakers', '--db', {str(db)!r}])\n")
    mods = _modules_after(code)
    assert "textual" not in _top(mods)
    assert "tui.export.w3c" in mods and not any(m.startswith("tui.app") for m in mods)


def test_the_reading_session_is_headless(tmp_path):
    """The session the reader and the CLI share lives in the store: no Textual, no Rich, no app."""
    code = ("import os\nfrom tui.engine import load_text\nfrom tui.store.session import ReadingSession\n"
            f"s = ReadingSession(load_text('T\\n\\n\u201cHi,\u201d Ann said.'), db_path={str(tmp_path / 'q.json')!r})\n"
            "s.load(); s.analyze(); s.annotate(3, 5); s.refresh()\n")
    mods = _modules_after(code)
    assert not _top(mods) & {"textual", "rich"}
    assert not any(m.startswith("tui.app") for m in mods)
