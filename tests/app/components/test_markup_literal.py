"""Names, notes, tags and excerpts are untrusted text: they show literally and never run actions."""

from __future__ import annotations

from tui.app.components.annotation_editor import AnnotationEditor
from tui.app.components.annotation_list import AnnotationList, AnnotationRow
from tui.app.components.help_screen import HelpScreen
from tui.app.components.rename_speaker import RenameSpeaker
from tui.app.components.speaker_list import SpeakerList, SpeakerRow
from tui.app.components.speaker_picker import SpeakerPicker

NAME = "[bold]x[/bold]"
NOTE = "[@click=app.quit]"
TAG = "a [/bold] b"
EXCERPT = "He [sic] said [red]no[/red]"


def quit_guard(app) -> list[str]:
    """Replace the app's quit action with a recorder, so an injected action would show up."""
    fired: list[str] = []
    app.action_quit = lambda: fired.append("quit")  # type: ignore[method-assign]
    return fired


async def click_text(pilot, screen_text, needle: str) -> None:
    lines = screen_text(pilot.app).splitlines()
    y = next(i for i, line in enumerate(lines) if needle in line)
    x = lines[y].index(needle) + 2
    await pilot.click(offset=(x, y))
    await pilot.pause()


async def test_speaker_list_shows_markup_names_literally(host_cls, screen_text):
    speakers = SpeakerList()
    app = host_cls(speakers)
    async with app.run_test(size=(60, 10)) as pilot:
        speakers.set_rows([SpeakerRow(1, NAME, 2, "#E69F00"), SpeakerRow(2, NOTE, 1, "#56B4E9")])
        await pilot.pause()
        fired = quit_guard(app)
        text = screen_text(app)
        assert NAME in text and NOTE in text
        await click_text(pilot, screen_text, NOTE)
    assert fired == []


async def test_annotation_list_shows_note_tag_and_speaker_literally(host_cls, screen_text):
    annotations = AnnotationList()
    app = host_cls(annotations)
    row = AnnotationRow("1", 5, EXCERPT, NOTE, (TAG,), "blue", NAME, "anchored")
    orphan = AnnotationRow("2", None, NOTE, NAME, (), None, None, "orphan")
    async with app.run_test(size=(80, 20)) as pilot:
        annotations.set_rows([row, orphan])
        await pilot.pause()
        fired = quit_guard(app)
        text = screen_text(app)
        for literal in (EXCERPT, NOTE, "#" + TAG, "— " + NAME):
            assert literal in text, literal
        await click_text(pilot, screen_text, NOTE)
        await pilot.press("slash", *"[b]", "enter")  # a filter is text too
        await pilot.pause()
        assert "Filter: [b]" in screen_text(app)
    assert fired == []


async def test_editor_shows_excerpt_and_values_literally(host_cls, screen_text):
    app = host_cls()
    async with app.run_test(size=(90, 30)) as pilot:
        app.open(AnnotationEditor(EXCERPT, note=NOTE, tags=(TAG,), known_tags=(NAME,)))
        await pilot.pause()
        fired = quit_guard(app)
        text = screen_text(app)
        assert EXCERPT in text and NOTE in text and TAG in text
        await click_text(pilot, screen_text, EXCERPT)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert fired == []
    assert app.results[0].note == NOTE and app.results[0].tags == (TAG,)


async def test_picker_rename_and_help_show_names_literally(host_cls, screen_text):
    app = host_cls()
    async with app.run_test(size=(90, 30)) as pilot:
        fired = quit_guard(app)
        app.open(SpeakerPicker([NAME, NOTE], NAME, title="Merge " + NOTE + " into…"))
        await pilot.pause()
        text = screen_text(app)
        assert NAME + "  (current)" in text and "Merge " + NOTE + " into…" in text
        await click_text(pilot, screen_text, NOTE + " into")
        await pilot.press("escape")
        app.open(RenameSpeaker(NAME))
        await pilot.pause()
        assert "Now: " + NAME in screen_text(app)
        await pilot.press("escape")
        app.open(HelpScreen([(NAME, [(NOTE, TAG)])]))
        await pilot.pause()
        text = screen_text(app)
        assert NAME in text and NOTE in text and TAG in text
        await click_text(pilot, screen_text, NOTE)
    assert fired == []


ESCAPES = "Ann\x1b]0;pwned\x07 \x1b[2J\u202eevil\x9b"


def no_control_characters(text: str) -> bool:
    return not any(ch in text for ch in "\x1b\x07\x9b\u202e")


async def test_control_characters_never_reach_the_terminal(host_cls, screen_text):
    speakers = SpeakerList()
    annotations = AnnotationList()
    app = host_cls(speakers, annotations)
    async with app.run_test(size=(100, 30)) as pilot:
        speakers.set_rows([SpeakerRow(1, ESCAPES, 1, "not a colour")])
        annotations.set_rows([AnnotationRow("1", 0, ESCAPES, ESCAPES, (ESCAPES,), None, ESCAPES, "anchored")])
        await pilot.pause()
        text = screen_text(app)
        assert "Ann]0;pwned [2Jevil" in text and no_control_characters(text)
        for screen in (AnnotationEditor(ESCAPES, note=ESCAPES, tags=(ESCAPES,)), SpeakerPicker([ESCAPES], ESCAPES),
                       RenameSpeaker(ESCAPES), HelpScreen([(ESCAPES, [(ESCAPES, ESCAPES)])])):
            app.open(screen)
            await pilot.pause()
            text = screen_text(app)
            assert "Ann]0;pwned" in text and no_control_characters(text), type(screen).__name__
            await pilot.press("escape")
            await pilot.pause()
