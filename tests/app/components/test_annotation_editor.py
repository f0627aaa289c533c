from __future__ import annotations

from textual.widgets import Input

from tui.app.components.annotation_draft import AnnotationDraft
from tui.app.components.annotation_editor import AnnotationEditor


async def test_editor_returns_note_deduped_tags_and_colour(host_cls):
    app = host_cls()
    async with app.run_test() as pilot:
        app.open(AnnotationEditor("“We will win,” she said.", known_tags=("climate",)))
        await pilot.pause()
        await pilot.press(*"key claim")
        await pilot.press("tab")
        await pilot.press(*" law , Law,, energy ,law ")
        await pilot.press("tab")  # to the colour row
        await pilot.press("2")
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [AnnotationDraft(note="key claim", tags=("law", "energy"), color="green")]


async def test_escape_cancels_with_none(host_cls):
    app = host_cls()
    async with app.run_test() as pilot:
        app.open(AnnotationEditor("x", note="old", tags=("a",), color="blue"))
        await pilot.pause()
        await pilot.press(*"typed")
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_digit_in_note_is_text_not_a_colour(host_cls):
    app = host_cls()
    async with app.run_test() as pilot:
        app.open(AnnotationEditor("x", color="blue"))
        await pilot.pause()
        await pilot.press("2", "0", "2", "6")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [AnnotationDraft(note="2026", tags=(), color="blue")]


async def test_tag_completion_offers_known_tag(host_cls):
    app = host_cls()
    async with app.run_test() as pilot:
        app.open(AnnotationEditor("x", known_tags=("economy", "climate", "election")))
        await pilot.pause()
        await pilot.press("tab")
        await pilot.press(*"economy, cli")
        await pilot.pause()
        tags = app.screen.query_one("#annotation-tags", Input)
        assert tags._suggestion == "economy, climate"
        await pilot.press("right")  # accept the completion
        await pilot.press("enter")
        await pilot.pause()
    assert app.results[0].tags == ("economy", "climate")
