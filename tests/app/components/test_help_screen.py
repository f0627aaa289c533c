from __future__ import annotations

import pytest

from tui.app.components.annotation_list import AnnotationList
from tui.app.components.help_screen import HelpScreen, describe_bindings, key_label
from tui.app.components.speaker_list import SpeakerList

SECTIONS = [
    ("Reading", [("j / k", "Scroll down / up"), ("Tab", "Next pane")]),
    ("Annotations", [("a", "Annotate the selection"), ("1–5", "Highlight colour")]),
]


def test_key_labels_read_like_keys():
    assert key_label("escape,q,question_mark") == "Esc, q, ?"
    assert key_label("ctrl+s") == "Ctrl+S"
    assert key_label("slash,f") == "/, f"


def test_component_bindings_are_exposed_for_help():
    speaker_rows = dict((desc, key) for key, desc in describe_bindings(SpeakerList.BINDINGS))
    assert speaker_rows["Rename"] == "r" and speaker_rows["Merge into…"] == "m"
    annotation_rows = dict((desc, key) for key, desc in describe_bindings(AnnotationList.BINDINGS))
    assert annotation_rows["Filter"] == "/, f"
    assert {"Edit", "Delete", "Undo"} <= set(annotation_rows)


async def test_help_lists_sections_and_keys(host_cls, screen_text):
    app = host_cls()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open(HelpScreen(SECTIONS))
        await pilot.pause()
        text = screen_text(app)
    for title, rows in SECTIONS:
        assert title in text
        for key, description in rows:
            assert key in text and description in text


@pytest.mark.parametrize("key", ["escape", "q", "question_mark"])
async def test_help_closes_on_escape_q_and_question_mark(host_cls, key):
    app = host_cls()
    async with app.run_test() as pilot:
        app.open(HelpScreen(SECTIONS))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
    assert app.results == [None]


async def test_help_scrolls_when_longer_than_the_screen(host_cls, screen_text):
    many = [(f"Section {i}", [(f"k{i}", f"does thing {i}")]) for i in range(40)]
    app = host_cls()
    async with app.run_test(size=(80, 20)) as pilot:
        app.open(HelpScreen(many))
        await pilot.pause()
        assert "does thing 39" not in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        assert "does thing 39" in screen_text(app)
