"""``quotelens quotes FILE --corrected``: what a script sees is what the reader corrected."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tui.engine import load_path
from tui.store.session import ReadingSession

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ("Council Meets\n\n"
           "“We will keep the library open,” said Mayor Ruth Calder.\n\n"
           "“The roof needs work first,” Owen Pike said.\n")


def quotes(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", "quotes", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)


def speakers_of(out: subprocess.CompletedProcess) -> dict[str, str | None]:
    assert out.returncode == 0, out.stderr
    return {q["text"]: q["speaker"] for q in json.loads(out.stdout)["quotes"]}


def test_corrected_applies_the_readers_reassignment_and_rename(tmp_path):
    f = tmp_path / "council.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "db.json"
    doc = load_path(f)
    session = ReadingSession(doc, db_path=db)
    session.load()
    analysis = session.analyze()
    roof = next(q for q in analysis.quotes if "roof" in doc.text[q.start:q.end])
    session.reassign(roof.start, roof.end, "Ruth Calder")
    session.rename("Ruth Calder", "Mayor Calder")
    saved = db.read_bytes()

    plain = speakers_of(quotes(str(f), "--json"))
    assert plain["The roof needs work first,"] == "Owen Pike"
    fixed = speakers_of(quotes(str(f), "--json", "--corrected", "--db", str(db)))
    assert fixed == {"We will keep the library open,": "Mayor Calder", "The roof needs work first,": "Mayor Calder"}
    assert db.read_bytes() == saved  # a script's read writes nothing


def test_corrected_with_a_corrupt_database_is_one_line_and_status_2(tmp_path):
    f = tmp_path / "council.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "db.json"
    db.write_bytes(b"{nope")
    out = quotes(str(f), "--corrected", "--db", str(db))
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and str(db) in out.stderr
    assert db.read_bytes() == b"{nope"
