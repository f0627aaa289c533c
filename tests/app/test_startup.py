"""Start-up: the reader paints before the store is loaded, yet loses nothing a returning reader expects.

* ``import tui.commands.read, tui.app.app`` pulls in neither TinyDB, filelock nor rapidfuzz
  (the Library opens after the first paint), nor the engine's attribution rules and word lists
  (the analysis runs after the first paint).
* The saved reading position is on the very first frame: the top of the article never flashes.
* A corrupt or newer database still fails before Textual starts (see also test_reader_cli.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.app.app import QuotelensApp
from tui.app.widgets.article_view import ArticleView
from tui.store import Library

ROOT = Path(__file__).resolve().parents[2]
SIZE = (100, 20)


def test_startup_imports_leave_the_store_libraries_out():
    code = ("import sys, json\nimport tui.commands.read, tui.app.app\n"
            "print(json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    mods = set(json.loads(out.stdout.strip().splitlines()[-1]))
    top = {m.split(".")[0] for m in mods}
    assert "textual" in top  # the probe really imported the app
    assert not top & {"tinydb", "filelock", "rapidfuzz"}
    assert not top & {"trafilatura", "ebooklib", "lxml"}  # the web page and book parsers load for their formats
    rules = {f"tui.engine.{m}" for m in ("attribution", "cues", "mentions", "lexicon", "marks", "dialogue")}
    assert not mods & rules


def saved_position(db: Path, doc, words: str) -> int:
    """Store a reading position at the paragraph holding ``words``, as a previous session would."""
    at = doc.text.index(words)
    offset = next(b.start for b in doc.blocks if b.start <= at < b.end)  # a paragraph starts a row
    with Library.open(db) as lib:
        lib.set_reading_position(doc, offset)
        return lib.reading_position(doc)


def record_article_rows(monkeypatch) -> list[tuple[int, str]]:
    """Every article row drawn, in order: (y on screen, its text)."""
    drawn: list[tuple[int, str]] = []
    original = ArticleView.render_line

    def render_line(self, y):
        strip = original(self, y)
        drawn.append((y, strip.text))
        return strip

    monkeypatch.setattr(ArticleView, "render_line", render_line)
    return drawn


def row_at(view: ArticleView, offset: int) -> str:
    return view.row_text(view.lines.row_of(offset))


@pytest.mark.parametrize("how", ["given by read.py", "looked up by the app"])
async def test_saved_position_is_on_the_very_first_frame(sample, db, monkeypatch, how):
    position = saved_position(db, sample, "Fishermen stood along")
    drawn = record_article_rows(monkeypatch)
    kwargs = {"position": position} if how == "given by read.py" else {}
    app = QuotelensApp(sample, db_path=db, **kwargs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.article
        assert view.top_offset == position
        expected_top_row = row_at(view, position).strip()
    assert drawn, "the article was never drawn"
    first_top = next(text for y, text in drawn if y == 0)
    assert expected_top_row and expected_top_row in first_top
    headline = sample.title
    assert not any(headline in text for _, text in drawn), "the top of the article flashed before the position"


async def test_without_a_saved_position_the_article_opens_at_the_top(sample, db, monkeypatch):
    drawn = record_article_rows(monkeypatch)
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.article.top_offset == 0
    first_top = next(text for y, text in drawn if y == 0)
    assert sample.title in first_top


PROBE = '''
import gc, io, json, sys
from tui.app.app import QuotelensApp
from tui.commands import read

seen = {}

def run(self, *args, **kwargs):  # instead of starting Textual: what the app was given, and what is loaded
    seen.update(position=self._initial_position, db=str(self._db_path), lib_open=self.lib is not None,
                gc_paused=not gc.isenabled(), modules=sorted({m.split(".")[0] for m in sys.modules}))

class Terminal(io.StringIO):
    def isatty(self):
        return True

QuotelensApp.run = run
sys.stdin, sys.stdout = Terminal(), Terminal()
status = read.main(sys.argv[1:])
seen.update(status=status, gc_after=gc.isenabled())
sys.__stdout__.write(json.dumps(seen))
'''


def test_read_hands_the_saved_position_to_the_app_without_loading_the_store(sample, db):
    position = saved_position(db, sample, "Fishermen stood along")
    out = subprocess.run([sys.executable, "-c", PROBE, "sample", "--db", str(db)], capture_output=True,
                         text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout)
    assert seen["status"] == 0
    assert seen["position"] == position and seen["db"] == str(db)
    assert not seen["lib_open"]  # the Library opens after the first paint
    assert not set(seen["modules"]) & {"tinydb", "filelock", "rapidfuzz"}
    assert seen["gc_paused"] and seen["gc_after"]  # paused for start-up, never left off


def test_read_leaves_the_collector_on_when_it_refuses(tmp_path):
    import gc

    from tui.commands import read

    db = tmp_path / "db.json"
    db.write_bytes(b"{not json")
    assert gc.isenabled()
    assert read.main(["sample", "--db", str(db)]) == 2
    assert gc.isenabled()
    assert db.read_bytes() == b"{not json"


async def test_the_collector_resumes_after_the_first_paint_and_frozen_objects_are_released(sample, db):
    import gc

    gc.disable()  # as read.py leaves it
    try:
        app = QuotelensApp(sample, db_path=db)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert gc.isenabled()
            assert app.analysis is not None and gc.get_freeze_count() > 0
        assert gc.get_freeze_count() == 0  # a finished app leaves nothing pinned
    finally:
        gc.enable()
        gc.unfreeze()


class Node:
    """An object that can be made part of a reference cycle (and weakly referenced)."""

    me: object = None


async def test_garbage_the_reader_froze_is_still_reclaimed_every_few_minutes(sample, db):
    # the reader moves what survives out of the collector's full passes every two seconds; a
    # cycle that dies after that must not stay in memory for the rest of the session
    import gc
    import weakref

    from tui.app.app import RECLAIM_EVERY

    app = QuotelensApp(sample, db_path=db)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            node = Node()
            node.me = node  # a cycle: only the collector frees it
            ref = weakref.ref(node)
            app._freeze_survivors()  # alive now: frozen
            del node
            gc.collect()
            assert ref() is not None  # out of the full collections' reach, as meant
            for _ in range(RECLAIM_EVERY):  # five minutes of two-second ticks
                app._freeze_survivors()
            assert ref() is None
    finally:
        gc.unfreeze()


async def test_a_database_spoiled_after_the_check_stops_the_app_with_the_reason(sample, db):
    app = QuotelensApp(sample, db_path=db, position=None)  # checked: no database yet
    db.write_bytes(b'{"annotations": [')  # another program writes junk before the first paint
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert app.return_code == 2
    assert app.store_error and str(db) in app.store_error and "not valid JSON" in app.store_error
    assert db.read_bytes() == b'{"annotations": ['
    app.save_final_position()  # what read.py does next: nothing to save, nothing raised
    assert db.read_bytes() == b'{"annotations": ['


async def test_the_database_is_parsed_once_and_the_library_opened_off_the_ui_thread(sample, db, monkeypatch):
    """What read.py does: the pre-check parses the file before Textual starts (it needs the
    reading position for the first frame); the Library takes that parse over, in a worker."""
    import threading

    import tui.store.database_file as database_file
    import tui.store.storage as storage
    from tui.store.precheck import precheck

    position = saved_position(db, sample, "Fishermen stood along")
    with Library.open(db) as lib:
        start = sample.text.index("Fishermen stood")
        lib.add(sample, start, start + 15, note="a note")
    parsed: list[str] = []
    real_read = database_file.read_database

    def counting_read(path, validate=None):
        parsed.append(threading.current_thread().name)
        return real_read(path, validate)

    monkeypatch.setattr(database_file, "read_database", counting_read)
    monkeypatch.setattr(storage, "read_database", counting_read)
    opened: list[bool] = []
    real_open = Library.open.__func__

    def recording_open(cls, *args, **kwargs):
        opened.append(threading.current_thread() is threading.main_thread())
        return real_open(cls, *args, **kwargs)

    monkeypatch.setattr(Library, "open", classmethod(recording_open))
    check = precheck(db, sample.text, sample.source)
    assert check.position == position and len(parsed) == 1
    app = QuotelensApp(sample, db_path=check.path, position=check.position, loaded=check.loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [p.annotation.note for p in app.placements] == ["a note"]
        assert app.article.top_offset == position
    assert opened == [False]  # opened once, not on the UI thread
    assert len(parsed) == 1  # the pre-check's parse was the only one
