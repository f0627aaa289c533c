"""What the reader looks like (pinned to one Textual release: see conftest.py)."""

from __future__ import annotations

from textual.widgets import Input

from tui.app.app import QuotelensApp

SIZE = (140, 40)


async def _settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen_on_the_sample(snap_compare, sample, db):
    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()

    assert snap_compare(QuotelensApp(sample, db_path=db), terminal_size=SIZE, run_before=run_before)


def test_annotation_editor_over_the_reader(snap_compare, sample, db):
    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "a")
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.press(*"a note")
        await pilot.pause()

    assert snap_compare(QuotelensApp(sample, db_path=db), terminal_size=SIZE, run_before=run_before)
