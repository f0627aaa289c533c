from __future__ import annotations

import itertools

import pytest

from tui.app import palette
from tui.app.palette import (
    BACKGROUND,
    HIGHLIGHTS,
    MIN_DIM_CONTRAST,
    MIN_HIGHLIGHT_CONTRAST,
    SPEAKER_COLORS,
    UNATTRIBUTED,
    contrast_ok,
    contrast_ratio,
    delta_e,
    dim,
    parse_hex,
    speaker_color,
)

# (the yellow a touch greener than Okabe–Ito's #F0E442, so 256-colour terminals tell it from the orange)
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0EE42"]


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ok("#FFFFFF", "#000000") and not contrast_ok("#777777", "#FFFFFF")


def test_delta_e_matches_ciede2000_on_reference_colours():
    assert delta_e("#FF0000", "#FF0000") == 0
    # Widely published CIEDE2000 distances between sRGB primaries.
    assert delta_e("#000000", "#FFFFFF") == pytest.approx(100.0, abs=0.1)
    assert delta_e("#FF0000", "#00FF00") == pytest.approx(86.6, abs=0.2)
    assert delta_e("#0000FF", "#FFFF00") == pytest.approx(103.4, abs=0.2)


def test_delta_e_on_sharma_test_data(monkeypatch):
    # Sharma, Wu & Dalal (2005), the CIEDE2000 test set: pairs 1, 7 and 17, given in Lab.
    lab = {"1a": (50, 2.6772, -79.7751), "1b": (50, 0, -82.7485),
           "7a": (50, 0, 0), "7b": (50, -1, 2),
           "17a": (50, 2.5, 0), "17b": (73, 25, -18)}
    monkeypatch.setattr(palette, "_lab", lab.__getitem__)
    assert palette.delta_e("1a", "1b") == pytest.approx(2.0425, abs=1e-4)
    assert palette.delta_e("7a", "7b") == pytest.approx(2.3669, abs=1e-4)
    assert palette.delta_e("17a", "17b") == pytest.approx(27.1492, abs=1e-4)


def test_speaker_colours_start_with_okabe_ito_and_cycle():
    assert [speaker_color(i) for i in range(4)] == OKABE_ITO
    n = len(SPEAKER_COLORS)
    assert n >= 8
    assert speaker_color(n) == speaker_color(0)
    assert speaker_color(n + 3) == speaker_color(3)


def test_speaker_colours_are_distinct_from_each_other_and_from_unattributed():
    colours = [*SPEAKER_COLORS, UNATTRIBUTED]
    assert len({c.upper() for c in colours}) == len(colours)
    for a, b in itertools.combinations(colours, 2):
        assert delta_e(a, b) >= 12, (a, b)


def test_speaker_colours_readable_on_background_and_every_highlight():
    assert len(HIGHLIGHTS) == 5
    for colour in [*SPEAKER_COLORS, UNATTRIBUTED]:
        assert contrast_ok(colour, BACKGROUND), colour
        for name, highlight in HIGHLIGHTS.items():
            assert contrast_ok(colour, highlight, MIN_HIGHLIGHT_CONTRAST), (colour, name)


def test_highlights_in_key_order_dark_and_distinct():
    assert list(HIGHLIGHTS) == ["yellow", "green", "blue", "pink", "orange"]
    for a, b in itertools.combinations(HIGHLIGHTS.values(), 2):
        assert delta_e(a, b) >= 10, (a, b)
    for highlight in HIGHLIGHTS.values():
        # A highlight must show against the background yet stay dark under light text.
        assert delta_e(highlight, BACKGROUND) >= 10
        assert contrast_ratio(highlight, BACKGROUND) < 2


def test_dim_is_darker_still_readable_and_distinguishable():
    for colour in SPEAKER_COLORS:
        shade = dim(colour)
        assert shade != colour
        assert contrast_ratio(shade, BACKGROUND) < contrast_ratio(colour, BACKGROUND)
        assert contrast_ok(shade, BACKGROUND, MIN_DIM_CONTRAST), colour
        assert delta_e(shade, colour) >= 10, colour
    # A colour already too dark to dim is left as it is rather than pushed into the background.
    assert dim("#333333") == "#333333"
    assert dim("#abc") == dim("#AABBCC")


def test_bad_colours_raise_value_error():
    with pytest.raises(ValueError):
        dim("yellow")
    with pytest.raises(ValueError):
        parse_hex("#12345")
    assert parse_hex("#fff") == (255, 255, 255)


def test_speaker_looks_stay_distinct_past_the_tenth_speaker():
    from tui.app.palette import SPEAKER_COLORS, speaker_look, speaker_swatch

    looks = [speaker_look(rank) for rank in range(4 * len(SPEAKER_COLORS))]
    assert len(set(looks)) == len(looks)
    assert all(style == "" for _, style in looks[:10]) and looks[10] == (SPEAKER_COLORS[0], "italic")
    assert len({speaker_swatch(style) for _, style in looks}) == 4


def test_the_app_draws_exactly_the_colours_the_store_accepts_in_key_order():
    from tui.store import HIGHLIGHT_NAMES

    assert tuple(HIGHLIGHTS) == HIGHLIGHT_NAMES  # key n in the reader stores HIGHLIGHT_NAMES[n - 1]
