"""Themes: quote text stays readable (WCAG 4.5:1 on the article's background) in every theme the
app offers, and the speaker colours stay apart in a 256-colour terminal in the dark and light
themes the reader ships with (ctrl+t switches between them)."""

from __future__ import annotations

import itertools

from rich.color import Color, ColorSystem

from tui.app import palette
from tui.app.app import QuotelensApp
from tui.app.components.speaker_list import SpeakerList

SHIPPED = ("textual-dark", "textual-light")


def in_256_colours(colour: str) -> str:
    """What a 256-colour terminal shows for ``colour`` (Rich's own downgrade, as the app's output)."""
    return Color.parse(colour).downgrade(ColorSystem.EIGHT_BIT).get_truecolor().hex


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_every_theme_keeps_quote_text_at_4_5_to_1_on_the_article(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert len(app.available_themes) >= 2
        for theme in sorted(app.available_themes):
            app.theme = theme
            await settle(pilot)
            background = app.text_background()
            colours = [app.speaker_look(rank)[0] for rank in range(len(palette.SPEAKER_COLORS))]
            for colour in [*colours, app.unattributed_colour()]:
                ratio = palette.contrast_ratio(colour, background)
                assert ratio >= palette.MIN_TEXT_CONTRAST, (theme, colour, background, round(ratio, 2))
            # and the speakers pane shows the colours the article draws with
            rows = [r for r in app.query_one(SpeakerList).rows if r.is_speaker]
            assert rows and all(r.color in colours for r in rows), theme


async def test_shipped_themes_keep_speakers_apart_in_256_colours(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        for theme in SHIPPED:
            app.theme = theme
            await settle(pilot)
            colours = [app.speaker_look(rank)[0] for rank in range(len(palette.SPEAKER_COLORS))]
            shown = [in_256_colours(c) for c in [*colours, app.unattributed_colour()]]
            assert len(set(shown)) == len(shown), theme
            for a, b in itertools.combinations(shown, 2):
                assert palette.delta_e(a, b) >= 12, (theme, a, b)


def test_orange_and_yellow_are_different_256_colour_entries():
    """The two first speakers' colours used to land on 178 and 221, hard to tell apart."""
    orange, yellow = (Color.parse(c).downgrade(ColorSystem.EIGHT_BIT) for c in palette.SPEAKER_COLORS[0:4:3])
    assert palette.delta_e(orange.get_truecolor().hex, yellow.get_truecolor().hex) >= 12


def test_light_palette_is_readable_on_white_and_distinct():
    for colour in palette.LIGHT_SPEAKER_COLORS:
        assert palette.contrast_ratio(colour, palette.LIGHT_BACKGROUND) >= palette.MIN_TEXT_CONTRAST, colour
        assert in_256_colours(colour).upper() == colour  # exact cube colours: the same in 256 colours
    for a, b in itertools.combinations(palette.LIGHT_SPEAKER_COLORS, 2):
        assert palette.delta_e(a, b) >= 12, (a, b)


def test_readable_moves_lightness_until_the_contrast_is_met():
    assert palette.readable("#FFFF00", "#FFFFFF") != "#FFFF00"
    assert palette.contrast_ratio(palette.readable("#FFFF00", "#FFFFFF"), "#FFFFFF") >= 4.5
    assert palette.contrast_ratio(palette.readable("#202060", "#121212"), "#121212") >= 4.5
    assert palette.readable("#E69F00", "#121212") == "#E69F00"  # already fine: unchanged
