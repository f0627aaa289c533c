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


def _reader_at(size, *keys):
    def test(snap_compare, sample, db):
        async def run_before(pilot) -> None:
            await _settle(pilot)
            await pilot.press(*keys)
            await _settle(pilot)
            for field in pilot.app.query(Input):
                field.cursor_blink = False

        assert snap_compare(QuotelensApp(sample, db_path=db), terminal_size=size, run_before=run_before)

    return test


# Any terminal size: the side panes collapse at 80x24, sit beside the article at 120x40, and the
# text keeps a readable measure, centred, at 200x60.  The status line describes the quotation.
test_small_terminal_80x24 = _reader_at((80, 24), "right_square_bracket", "right_square_bracket")
test_medium_terminal_120x40 = _reader_at((120, 40), "right_square_bracket", "right_square_bracket")
test_wide_terminal_200x60 = _reader_at((200, 60), "right_square_bracket", "right_square_bracket")
test_speakers_overlay_80x24 = _reader_at((80, 24), "f2")
test_search_80x24 = _reader_at((80, 24), "slash", *"ferry", "enter", "n")
test_focus_120x40 = _reader_at((120, 40), "right_square_bracket", "right_square_bracket", "f")
test_light_theme_120x40 = _reader_at((120, 40), "ctrl+t", "right_square_bracket", "right_square_bracket")


def test_annotations_overlay_80x24_rows_wrap(snap_compare, sample, db):
    """At 80 columns the annotations open over the article; each row's passage and note wrap."""
    from tui.store import Library

    lib = Library.open(db)
    start = sample.text.index("Fishermen stood")
    end = sample.text.index("Ada Lee", start) + len("Ada Lee")
    lib.add(sample, start, end, note="Who organised the banner? Ask the school before Friday's follow-up piece.",
            tags=("follow-up", "crowd"), color="green")
    lib.close()

    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("f3")
        await _settle(pilot)

    assert snap_compare(QuotelensApp(sample, db_path=db), terminal_size=(80, 24), run_before=run_before)
