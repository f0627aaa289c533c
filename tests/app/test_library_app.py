"""The library side of the reader, driven with Pilot: the Library screen, share of voice, exports,
copying a quotation with its citation, and what changed since the last visit."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import subprocess
import sys

import pytest
from library_articles import BRIDGE, SCHOOL

from tui.app.app import QuotelensApp
from tui.app.components.export_menu import ExportMenu
from tui.app.components.library_screen import LibraryScreen
from tui.app.components.share_bars import ShareBars, bar_text
from tui.app.components.share_screen import ShareScreen
from tui.app.components.speakers_screen import SpeakersScreen
from tui.app.library_commands import LibraryCommands
from tui.engine import load_path
from tui.store.visits import entries, read_data

SIZE = (140, 40)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def files(tmp_path):
    bridge, school = tmp_path / "bridge.md", tmp_path / "school.md"
    bridge.write_text(BRIDGE, encoding="utf-8")
    school.write_text(SCHOOL, encoding="utf-8")
    return bridge, school


async def read_once(path, db) -> QuotelensApp:
    app = QuotelensApp(load_path(path), db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
    return app


async def test_the_library_lists_two_documents_after_opening_two(files, db, root):
    bridge, school = files
    await read_once(bridge, db)
    await read_once(school, db)
    items = entries(read_data(db))
    assert {(e.title, e.quotes) for e in items} == {("Council backs the new bridge", 2),
                                                     ("Schools close for the storm", 2)}
    out = await asyncio.to_thread(subprocess.run, [sys.executable, "-m", "tui", "library", "--json", "--db", str(db)],
                                  cwd=root, capture_output=True, text=True, check=True)
    assert [d["title"] for d in json.loads(out.stdout)["documents"]] == ["Schools close for the storm",
                                                                        "Council backs the new bridge"]


async def test_library_screen_sorts_filters_forgets_undoes_and_opens(files, db):
    bridge, school = files
    await read_once(bridge, db)
    app = QuotelensApp(load_path(school), db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert [e.title for e in screen.shown] == ["Schools close for the storm", "Council backs the new bridge"]
        await pilot.press("s")  # by title
        assert screen.sort == "title"
        assert [e.title for e in screen.shown] == ["Council backs the new bridge", "Schools close for the storm"]
        await pilot.press("slash")
        await pilot.press(*"storm")
        assert [e.title for e in screen.shown] == ["Schools close for the storm"]
        await pilot.press("escape")  # clears the filter
        assert len(screen.shown) == 2 and app.screen is screen
        # the document being read cannot be forgotten from under the reader
        await pilot.press("down")  # the school article is second by title
        await pilot.press("d")
        await settle(pilot)
        assert len(screen.entries) == 2
        await pilot.press("up", "d")  # the bridge article
        await settle(pilot)
        assert [e.title for e in screen.entries] == ["Schools close for the storm"]
        assert [e.title for e in entries(read_data(db))] == ["Schools close for the storm"]
        await pilot.press("u")
        await settle(pilot)
        assert len(screen.entries) == 2 and len(entries(read_data(db))) == 2
        assert screen.selected.title == "Schools close for the storm"  # the cursor stays on its row
        await pilot.press("up", "enter")
        await settle(pilot)
    assert app.next_document == str(bridge)  # read.py opens it in a fresh reader


async def test_y_copies_the_current_quotation_with_its_citation(files, db):
    bridge, _ = files
    app = QuotelensApp(load_path(bridge), db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "y")
        assert app.clipboard == (f"“It is too expensive,” — Councillor Ben Hale, Council backs the new bridge, "
                                 f"{bridge}")


async def test_y_without_a_quotation_says_so(tmp_path, db):
    f = tmp_path / "plain.md"
    f.write_text("# Plain\n\nNothing is quoted here at all.\n", encoding="utf-8")
    app = QuotelensApp(load_path(f), db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("y")
        assert app.clipboard == ""
        assert any("quotation first" in str(n.message) for n in app._notifications)


async def test_share_of_voice_pane_draws_a_bar_per_speaker(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("V")
        await settle(pilot)
        assert isinstance(app.screen, ShareScreen)
        bars = app.screen.query_one(ShareBars)
        lines = [bars.render_line(y).text for y in range(len(bars.bars))]
        assert lines[0].startswith("Ruth Okafor") and "29%" in lines[0] and "6 quotes, 73 words" in lines[0]
        assert lines[0].count("█") > lines[-1].count("█")  # the bars are as long as the shares
        assert any("Tom Brennan" in line for line in lines)
        await pilot.press("escape")
        assert not isinstance(app.screen, ShareScreen)


def test_bars_are_drawn_in_eighths():
    assert bar_text(1.0, 10) == "█" * 10
    assert bar_text(0.5, 10) == "█" * 5
    assert bar_text(0.05, 10) == "▌"
    assert bar_text(0.001, 10) == "▏"  # a speaker quoted at all is never invisible
    assert bar_text(0.0, 10) == ""


async def test_export_menu_writes_the_csv_into_the_current_folder(files, db, tmp_path, monkeypatch):
    bridge, _ = files
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    app = QuotelensApp(load_path(bridge), db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        assert isinstance(app.screen, ExportMenu)
        await pilot.press("down", "enter")  # CSV of quotations
        await settle(pilot)
        await pilot.press("x", "enter")  # Markdown
        await settle(pilot)
        await pilot.press("x", "down", "enter")  # CSV again: a new name, never over the first
        await settle(pilot)
    rows = list(csv.DictReader(io.StringIO((out / "bridge.quotes.csv").read_text(encoding="utf-8"))))
    assert [r["speaker"] for r in rows] == ["Ada Brook", "Councillor Ben Hale"]
    assert (out / "bridge-2.quotes.csv").read_text(encoding="utf-8") == (out / "bridge.quotes.csv").read_text(
        encoding="utf-8")
    assert (out / "bridge.quotes.md").read_text(encoding="utf-8").startswith("# Council backs the new bridge")


async def test_the_palette_commands_run_the_exports(files, db, tmp_path, monkeypatch):
    bridge, _ = files
    monkeypatch.chdir(tmp_path)
    app = QuotelensApp(load_path(bridge), db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        provider = LibraryCommands(app.screen)
        hits = [hit async for hit in provider.search("w3c")]
        assert [str(h.match_display) for h in hits] == ["Export: W3C Web Annotations (JSON-LD)"]
        hits[0].command()
        await settle(pilot)
    data = json.loads((tmp_path / "bridge.annotations.jsonld").read_text(encoding="utf-8"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"


async def test_reopening_an_edited_document_reports_what_changed(files, db):
    bridge, _ = files
    app = QuotelensApp(load_path(bridge), db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "a")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("q")
    assert app.last_changes.visit is None  # the first visit: nothing to compare with
    assert not any("What changed" in str(n.title) for n in app._notifications)
    bridge.write_text(BRIDGE.replace("It is too expensive", "It is far too expensive")
                      + "\n“Work starts in May,” Ada Brook said.\n", encoding="utf-8")
    app = QuotelensApp(load_path(bridge), db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        found = app.last_changes
        assert found.text_changed and [q.text for q in found.new] == ["Work starts in May,"]
        assert [(a.text, b.text) for a, b in found.reworded] == [("It is too expensive,", "It is far too expensive,")]
        assert [p.status for p in found.placements] == ["moved"]
        [note] = [n for n in app._notifications if "What changed" in str(n.title)]
        assert "1 new" in str(note.message) and "annotation moved" in str(note.message)


async def test_speakers_across_the_library_jump_into_the_article(files, db):
    bridge, school = files
    await read_once(bridge, db)
    app = QuotelensApp(load_path(school), db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SpeakersScreen)
        assert screen.rows[0].quote.speaker == "Ada Brook" and len(screen.rows) == 4
        await pilot.press("slash", *"brook", "enter")
        brook = [(r.entry.title, r.quote.text) for r in screen.rows]
        assert brook == [("Council backs the new bridge", "We have waited ten years for this bridge,"),
                         ("Schools close for the storm", "The bridge is closed too,")]  # by date: read first, first
        here = next(i for i, r in enumerate(screen.rows) if r.entry.title == "Schools close for the storm")
        for _ in range(here):
            await pilot.press("down")
        await pilot.press("enter")  # a quotation in the article on screen: the cursor goes there
        await settle(pilot)
        assert not isinstance(app.screen, SpeakersScreen)
        assert app.article.cursor == app.doc.text.index("The bridge is closed too")
        await pilot.press("P")
        await settle(pilot)
        there = next(i for i, r in enumerate(app.screen.rows) if r.entry.title == "Council backs the new bridge")
        for _ in range(there):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
    doc = load_path(bridge)
    assert app.next_document == str(bridge)
    assert app.next_position == doc.text.index("We have waited ten years")


async def test_a_rename_in_the_reader_reaches_the_library_speakers(files, db):
    from tui.app.components.rename_speaker import RenameSpeaker
    from tui.store.visits import library_speakers

    bridge, _ = files
    app = QuotelensApp(load_path(bridge), db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")  # the speakers pane
        speakers = app.query_one("#speakers")
        speakers.focus()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RenameSpeaker)
        app.screen.query_one("Input").value = "Mayor Ada Brook-Lane"
        await pilot.press("enter")
        await settle(pilot)
    names = {s.name for s in library_speakers(read_data(db))}
    assert "Mayor Ada Brook-Lane" in names and "Ada Brook" not in names
