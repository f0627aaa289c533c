"""Colours for speakers, low-confidence attributions and annotation highlights.

Speaker colours start with the Okabe–Ito set (black left out), then add Paul Tol's muted
and bright sets, skipping any colour too close (CIEDE2000 < 12) to one already taken or to
the neutral ``UNATTRIBUTED`` grey.  Colours too dark for a dark terminal were lightened
(HLS lightness only, so the hue is kept) until they reach 4.5:1 against ``BACKGROUND``
and 3.5:1 over every annotation highlight.  The tests re-check all of this.
"""

from __future__ import annotations

import colorsys
import math
import re
from functools import lru_cache

BACKGROUND = "#121212"  # the dark theme's background the colours were chosen against

SPEAKER_COLORS: tuple[str, ...] = (
    # Okabe–Ito
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0EE42",  # yellow (#F0E442 a touch greener: in 256 colours it is 227, not the orange's neighbour 221)
    "#008FE0",  # blue (#0072B2 lightened)
    "#DF6300",  # vermillion (#D55E00 lightened)
    "#CC79A7",  # reddish purple
    # Paul Tol muted
    "#8A7ADE",  # indigo (#332288 lightened)
    "#999933",  # olive
    # Paul Tol bright
    "#EE6677",  # red
)

UNATTRIBUTED = "#8A8A8A"  # neutral grey: quotes nobody could be matched to

# For light themes (the article on white): colours of the xterm 256-colour cube, so a 256-colour
# terminal shows exactly these, each at least 4.5:1 on white and CIEDE2000 >= 12 from the others.
LIGHT_BACKGROUND = "#FFFFFF"
LIGHT_SPEAKER_COLORS: tuple[str, ...] = (
    "#AF5F00",  # orange (130)
    "#005FAF",  # blue (25)
    "#008700",  # green (28)
    "#AF00AF",  # magenta (127)
    "#AF0000",  # red (124)
    "#5F5F00",  # olive (58)
    "#005F5F",  # teal (23)
    "#5F00AF",  # violet (55)
    "#5F5F87",  # slate (60)
    "#875F5F",  # rose brown (95)
)

# Annotation highlight backgrounds, in key order 1–5.  Dark and muted so that every speaker
# colour (and UNATTRIBUTED) stays readable on top of them.
HIGHLIGHTS: dict[str, str] = {
    "yellow": "#3A3415",
    "green": "#173A24",
    "blue": "#1A2E4A",
    "pink": "#45213A",
    "orange": "#48290F",
}

MIN_TEXT_CONTRAST = 4.5  # WCAG AA, speaker colours on BACKGROUND
MIN_HIGHLIGHT_CONTRAST = 3.5  # speaker colours over a highlight
MIN_DIM_CONTRAST = 3.0  # a dimmed colour on BACKGROUND
DIM_AMOUNT = 0.25  # how far dim() moves a colour towards BACKGROUND

_HEX = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")


def parse_hex(color: str) -> tuple[int, int, int]:
    """``"#rrggbb"`` or ``"#rgb"`` (the ``#`` optional) as an (r, g, b) triple of 0–255."""
    match = _HEX.fullmatch(color.strip()) if isinstance(color, str) else None
    if match is None:
        raise ValueError(f"not a hex colour: {color!r}")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def to_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02X}" for c in rgb)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    r, g, b = (_linear(c) for c in parse_hex(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours, 1.0 (none) to 21.0 (black on white)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def contrast_ok(foreground: str, background: str, minimum: float = MIN_TEXT_CONTRAST) -> bool:
    """Whether text in ``foreground`` is readable on ``background``."""
    return contrast_ratio(foreground, background) >= minimum


def _lab(color: str) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in parse_hex(color))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: str, b: str) -> float:
    """CIEDE2000 colour difference: about 2 is just noticeable, above 10 clearly different."""
    l1, a1, b1 = _lab(a)
    l2, a2, b2 = _lab(b)
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    dh = 0.0
    if c1p * c2p:
        dh = h2p - h1p
        dh = dh - 360 if dh > 180 else dh + 360 if dh < -180 else dh
    d_big_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_mean, cp_mean = (l1 + l2) / 2, (c1p + c2p) / 2
    if not c1p * c2p:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    else:
        h_mean = (h1p + h2p + (360 if h1p + h2p < 360 else -360)) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_mean - 30)) + 0.24 * math.cos(math.radians(2 * h_mean))
         + 0.32 * math.cos(math.radians(3 * h_mean + 6)) - 0.2 * math.cos(math.radians(4 * h_mean - 63)))
    d_theta = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((dl / s_l) ** 2 + (dc / s_c) ** 2 + (d_big_h / s_h) ** 2
                     + r_t * (dc / s_c) * (d_big_h / s_h))


def mix(a: str, b: str, amount: float) -> str:
    """``a`` moved ``amount`` (0..1) of the way towards ``b`` in sRGB."""
    ra, rb = parse_hex(a), parse_hex(b)
    return to_hex(tuple(x + (y - x) * amount for x, y in zip(ra, rb)))  # type: ignore[arg-type]


def speaker_color(index: int) -> str:
    """The colour of the speaker at ``index`` (0-based); the palette cycles beyond its end."""
    return SPEAKER_COLORS[int(index) % len(SPEAKER_COLORS)]


# Past the tenth speaker the colours come round again, each time with a text style, so every
# (colour, style) pair stays distinct.  Italic comes first: the current quotation is underlined.
SPEAKER_TEXT_STYLES: tuple[str, ...] = ("", "italic", "underline", "italic underline")
# The pane's swatch for each text style (a block of colour cannot show italic or underline).
SPEAKER_SWATCHES: tuple[str, ...] = ("██", "▓▓", "▒▒", "░░")


def speaker_look(rank: int, light: bool = False) -> tuple[str, str]:
    """(colour, text style) of the speaker ranked ``rank`` (0 = the most quotations), from the
    dark or the ``light`` themes' palette."""
    rank = int(rank)
    colours = LIGHT_SPEAKER_COLORS if light else SPEAKER_COLORS
    tier = rank // len(colours) % len(SPEAKER_TEXT_STYLES)
    return colours[rank % len(colours)], SPEAKER_TEXT_STYLES[tier]


def speaker_swatch(style: str) -> str:
    """The speakers pane's swatch for a speaker drawn with text ``style``."""
    return SPEAKER_SWATCHES[SPEAKER_TEXT_STYLES.index(style)] if style in SPEAKER_TEXT_STYLES else "██"


@lru_cache(maxsize=512)
def readable(color: str, background: str, minimum: float = MIN_TEXT_CONTRAST) -> str:
    """``color`` with its HLS lightness moved (away from ``background``'s) until text in it has
    ``minimum`` contrast on ``background``; the hue and saturation are kept.  Unchanged if it
    already reads."""
    if contrast_ok(color, background, minimum):
        return to_hex(parse_hex(color))
    r, g, b = (c / 255 for c in parse_hex(color))
    h, lightness, s = colorsys.rgb_to_hls(r, g, b)
    step = 0.01 if relative_luminance(background) < 0.18 else -0.01
    shade = color
    while 0.0 <= lightness <= 1.0:
        lightness += step
        shade = to_hex(tuple(c * 255 for c in colorsys.hls_to_rgb(h, min(max(lightness, 0.0), 1.0), s)))  # type: ignore[arg-type]
        if contrast_ok(shade, background, minimum):
            return shade
    return shade


def dim(hex_color: str, background: str = BACKGROUND) -> str:
    """A dimmer shade of ``hex_color`` for low-confidence attributions.

    Moves the colour a quarter of the way towards BACKGROUND, less if that would make it
    unreadable (contrast under 3:1), so it keeps its hue and remains legible.
    """
    parse_hex(hex_color)  # reject garbage early with a clear ValueError
    amount = DIM_AMOUNT
    while amount > 0:
        shade = mix(hex_color, background, amount)
        if contrast_ok(shade, background, MIN_DIM_CONTRAST):
            return shade
        amount -= 0.05
    return to_hex(parse_hex(hex_color))


def highlight_for_key(key: int) -> str:
    """The highlight name bound to number key ``key`` (1–5)."""
    return list(HIGHLIGHTS)[key - 1]


# Bright marks for each highlight, for small swatches in lists (the backgrounds above are too
# dark to see as a one-cell mark on the app's background).
HIGHLIGHT_MARKS: dict[str, str] = {
    "yellow": "#F0E442",
    "green": "#4CC38A",
    "blue": "#56B4E9",
    "pink": "#E48BC0",
    "orange": "#E69F00",
}
