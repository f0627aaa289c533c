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


async def test_escape_without_changes_cancels_at_once(host_cls):
    app = host_cls()
    async with app.run_test() as pilot:
        app.open(AnnotationEditor("x", note="old", tags=("a",), color="blue"))
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_escape_after_typing_warns_once_then_discards(host_cls):
    app = host_cls()
    async with app.run_test(size=(100, 40)) as pilot:
        app.open(AnnotationEditor("x", note="old", tags=("a",), color="blue"))
        await pilot.pause()
        await pilot.press(*" typed")
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == []  # the typed note is still there
        hint = app.screen.query_one("#annotation-hint")
        assert "Esc again discards" in str(hint.render()) and hint.has_class("-warning")
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_typing_after_the_warning_needs_a_new_warning(host_cls):
    app = host_cls()
    async with app.run_test() as pilot:
        app.open(AnnotationEditor("x"))
        await pilot.pause()
        await pilot.press(*"first", "escape", *" second", "escape")
        await pilot.pause()
        assert app.results == []
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [AnnotationDraft(note="first second", tags=(), color=None)]


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


async def test_editing_appends_to_the_existing_note_and_tags(host_cls):
    app = host_cls()
    async with app.run_test() as pilot:
        app.open(AnnotationEditor("x", note="first thought", tags=("a",), known_tags=("alpha", "beta")))
        await pilot.pause()
        await pilot.press(*"; second", "tab", *", be", "right", "enter")
        await pilot.pause()
    assert app.results == [AnnotationDraft("first thought; second", ("a", "beta"), None)]


async def test_multiline_note_keeps_its_line_breaks(host_cls):
    app = host_cls()
    async with app.run_test() as pilot:
        app.open(AnnotationEditor("x", note="line one\nline two"))
        await pilot.pause()
        await pilot.press("enter", *"three")  # Enter is a new line here, not save
        await pilot.pause()
        assert isinstance(app.screen, AnnotationEditor)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [AnnotationDraft("line one\nline two\nthree", (), None)]


async def test_colour_chosen_by_click_and_cleared_with_zero(host_cls):
    app = host_cls()
    async with app.run_test(size=(100, 40)) as pilot:
        app.open(AnnotationEditor("x", color="yellow"))
        await pilot.pause()
        row = app.screen.query_one("#annotation-color")
        x = row.render().plain.index("pink")
        await pilot.click(row, offset=(x + row.styles.padding.left, 0))
        await pilot.pause()
        assert row.value == "pink"
        assert app.focused is row  # a click focuses the row; 0 then means no colour
        await pilot.press("0")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [AnnotationDraft("", (), None)]


async def test_colour_keys_cycle_with_arrows_on_the_colour_row(host_cls):
    app = host_cls()
    async with app.run_test() as pilot:
        app.open(AnnotationEditor("x", known_tags=()))
        await pilot.pause()
        await pilot.press("tab", "tab", "right", "right", "left", "5", "left", "enter")
        await pilot.pause()
    assert app.results == [AnnotationDraft("", (), "pink")]
