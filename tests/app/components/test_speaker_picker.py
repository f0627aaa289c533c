from __future__ import annotations

from textual.widgets import OptionList

from tui.app.components.rename_speaker import RenameSpeaker
from tui.app.components.speaker_picker import SpeakerPicker, filter_names

NAMES = ["Jane Doe", "John Smith", "Mayor Ana Ruiz", "Janet Ng"]


def shown(app) -> list[str]:
    options = app.screen.query_one("#picker-options", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def test_filter_names_matches_words_anywhere_prefix_first():
    assert filter_names(NAMES, "jan") == ["Jane Doe", "Janet Ng"]
    assert filter_names(NAMES, "ruiz ana") == ["Mayor Ana Ruiz"]
    assert filter_names(NAMES, "smith") == ["John Smith"]
    assert filter_names(NAMES, "  ") == NAMES
    # A word starting with the query ranks above a match inside a word.
    assert filter_names(NAMES, "an") == ["Mayor Ana Ruiz", "Jane Doe", "Janet Ng"]


async def test_typing_filters_and_enter_picks_highlighted(host_cls):
    app = host_cls()
    async with app.run_test() as pilot:
        app.open(SpeakerPicker(NAMES, "John Smith"))
        await pilot.pause()
        assert shown(app)[:4] == ["Jane Doe", "John Smith  (current)", "Mayor Ana Ruiz", "Janet Ng"]
        await pilot.press(*"jan")
        await pilot.pause()
        assert shown(app) == ["Jane Doe", "Janet Ng", "+ new speaker: jan"]
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.results == ["Janet Ng"]


async def test_typed_name_that_matches_nobody_becomes_a_new_name(host_cls):
    app = host_cls()
    async with app.run_test() as pilot:
        app.open(SpeakerPicker(NAMES, None))
        await pilot.pause()
        await pilot.press(*"  Dr  Okafor ")
        await pilot.pause()
        assert shown(app) == ["+ new speaker: Dr Okafor"]
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == ["Dr Okafor"]


async def test_picker_without_new_names_refuses_unknown_text_and_escape_cancels(host_cls):
    app = host_cls()
    async with app.run_test() as pilot:
        app.open(SpeakerPicker(NAMES, None, allow_new=False))
        await pilot.pause()
        await pilot.press(*"zzz", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerPicker)  # nothing to pick: still open
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_rename_returns_tidied_name_and_none_when_unchanged(host_cls):
    app = host_cls()
    async with app.run_test() as pilot:
        app.open(RenameSpeaker("Jane Doe"))
        await pilot.pause()
        await pilot.press("end")  # the name starts selected; typing would replace it
        await pilot.press(*"  Jr. ", "enter")
        await pilot.pause()
        app.open(RenameSpeaker("Ann"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.open(RenameSpeaker("Ann"))
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == ["Jane Doe Jr.", None, None]


async def test_enter_straight_away_keeps_the_current_speaker(host_cls):
    app = host_cls()
    async with app.run_test() as pilot:
        app.open(SpeakerPicker(NAMES, "Mayor Ana Ruiz"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == ["Mayor Ana Ruiz"]


async def test_typed_name_differing_only_in_case_picks_the_existing_speaker(host_cls):
    app = host_cls()
    async with app.run_test() as pilot:
        app.open(SpeakerPicker(NAMES, None))
        await pilot.pause()
        await pilot.press(*"jane doe")
        await pilot.pause()
        assert shown(app) == ["Jane Doe"]  # no "+ new speaker" duplicate
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == ["Jane Doe"]
