"""Build the Strips of the article view from a line map and coloured ranges.

Article text only ever becomes ``Segment`` text: it is never parsed as Rich or Textual
markup, so ``[bold]`` or ``[@click=app.quit]`` in an article is shown as written.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from ..engine.model import Analysis, Document
from .layout import GUTTER, SEPARATOR, LineMap, block_prefix

Paint = tuple[int, int, Style]  # [start, end) of Document.text drawn with a style

BLOCK_STYLES = {
    "heading": Style(bold=True),
    "code": Style(dim=True),
    "blockquote": Style(italic=True),
}
SPAN_STYLES = {
    "emphasis": Style(italic=True),
    "strong": Style(bold=True),
    "code": Style(dim=True, bold=True),
    "link": Style(underline=True),
    "strike": Style(strike=True),
    "footnote": Style(dim=True),
}
PREFIX_STYLE = Style(dim=True)
GUTTER_MARK = "▍ "
CURSOR = Style(reverse=True)
SELECTION = Style(reverse=True)
CURSOR_IN_SELECTION = Style(reverse=False, underline=True, bold=True)
CURRENT_QUOTE = Style(underline=True)
# An annotation with no highlight colour: underlined, no background (the pane marks it "none")
UNCOLOURED_ANNOTATION = Style(underline=True)


@lru_cache(maxsize=256)
def fg(color: str) -> Style:
    return Style(color=color)


@lru_cache(maxsize=256)
def fg_styled(color: str, text_style: str) -> Style:
    """``color`` with a text style ("italic", "underline", …); plain :func:`fg` when it is ""."""
    return Style.parse(f"{text_style} {color}") if text_style else fg(color)


@lru_cache(maxsize=64)
def bg(color: str) -> Style:
    return Style(bgcolor=color)


class IntervalIndex:
    """Ranges sorted by start with a running maximum of ends: overlap queries in O(log n + k)."""

    def __init__(self, paints: Iterable[Paint]) -> None:
        self.paints: list[Paint] = sorted(paints, key=lambda p: (p[0], p[1]))
        self._starts = [p[0] for p in self.paints]
        self._max_ends: list[int] = []
        running = -1
        for p in self.paints:
            running = max(running, p[1])
            self._max_ends.append(running)

    def __len__(self) -> int:
        return len(self.paints)

    def overlapping(self, start: int, end: int) -> list[Paint]:
        found = []
        j = bisect.bisect_left(self._starts, max(end, start + 1)) - 1
        while j >= 0 and self._max_ends[j] > start:
            p = self.paints[j]
            if p[1] > start:
                found.append(p)
            j -= 1
        found.reverse()
        return found


@dataclass(frozen=True)
class QuoteColours:
    """How each quotation is drawn: one colour a speaker, dimmed when the attribution is unsure."""

    colours: dict[int, str]  # speaker id -> hex
    unattributed: str
    dimmed: dict[int, str]  # speaker id -> dim hex
    threshold: float = 0.6
    styles: dict[int, str] = field(default_factory=dict)  # speaker id -> text style ("" = none)


def quote_paints(analysis: Analysis, colours: QuoteColours) -> list[Paint]:
    paints = []
    for q in analysis.quotes:
        if q.speaker is None or q.speaker not in colours.colours:
            colour = colours.unattributed
        elif q.confidence < colours.threshold:
            colour = colours.dimmed[q.speaker]
        else:
            colour = colours.colours[q.speaker]
        style = colours.styles.get(q.speaker, "") if q.speaker is not None else ""
        paints.append((q.mark_start, q.mark_end, fg_styled(colour, style)))
    return paints


def span_paints(doc: Document) -> list[Paint]:
    return [(s.start, s.end, SPAN_STYLES[s.kind]) for s in doc.spans if s.kind in SPAN_STYLES]


EMPTY = IntervalIndex(())
SEARCH_HIT = Style(bgcolor="#5C4B00", color="#FFFFFF")  # every match of the search
CURRENT_HIT = Style(bgcolor="#E0A800", color="#000000", bold=True)  # the match n / N landed on


@dataclass
class Layers:
    """Everything that colours the text, in drawing order (later layers win).

    ``quotes`` is either every quotation in its speaker's colour or, while one speaker is in
    focus, the whole text faint with only that speaker's quotations coloured."""

    spans: IntervalIndex
    quotes: IntervalIndex
    highlights: IntervalIndex
    search: IntervalIndex = EMPTY

    def paints(self, start: int, end: int) -> list[Paint]:
        return (self.spans.overlapping(start, end) + self.quotes.overlapping(start, end)
                + self.highlights.overlapping(start, end) + self.search.overlapping(start, end))


def focus_paints(text_length: int, quote_paints: Sequence[Paint], keep: Sequence[tuple[int, int]],
                 faint: str) -> list[Paint]:
    """The whole text in ``faint`` but the quotations whose marks are ``keep`` (in their colour)."""
    kept = set(keep)
    return [(0, text_length, fg(faint))] + [p for p in quote_paints if (p[0], p[1]) in kept]


def _styled_pieces(text: str, start: int, end: int, base: Style, paints: Sequence[Paint]) -> list[Segment]:
    """Cut ``text[start:end]`` at every paint boundary and style each piece."""
    if not paints:
        return [Segment(text[start:end], base)]
    cuts = {start, end}
    for s, e, _ in paints:
        if start < s < end:
            cuts.add(s)
        if start < e < end:
            cuts.add(e)
    points = sorted(cuts)
    segments = []
    for a, b in zip(points, points[1:]):
        style = base
        for s, e, st in paints:
            if s <= a and e >= b:
                style = style + st
        segments.append(Segment(text[a:b], style))
    return segments


def row_segments(doc: Document, lines: LineMap, row: int, layers: Layers,
                 overlays: Sequence[Paint] = (), marked: bool = False) -> tuple[list[Segment], int]:
    """The segments of one display row (unpadded) and their cell length.

    ``overlays`` (cursor, selection, current quotation) are drawn over the layers;
    ``marked`` draws the current-quotation mark in the gutter.
    """
    segments = [Segment(GUTTER_MARK if marked else " " * GUTTER, PREFIX_STYLE)]
    block_index = lines.blocks[row]
    if block_index == SEPARATOR:
        return segments, GUTTER
    block = doc.blocks[block_index]
    prefix = block_prefix(block, lines.firsts[row])
    if prefix:
        segments.append(Segment(prefix, PREFIX_STYLE))
    start, end = lines.starts[row], lines.ends[row]
    if block.kind == "rule":
        width = max(lines.width - GUTTER, 1)
        segments.append(Segment("─" * width, PREFIX_STYLE))
        return segments, GUTTER + width
    text = doc.text
    visible_end = end
    while visible_end > start and text[visible_end - 1] == "\n":
        visible_end -= 1
    base = BLOCK_STYLES.get(block.kind, Style())
    paints = list(layers.paints(start, end)) + [p for p in overlays if p[0] < end and p[1] > start]
    pieces = _styled_pieces(text, start, visible_end, base, paints)
    # A cursor on the row's end (a newline, or an empty block) is drawn as one extra cell.
    tail = [p for p in overlays if p[0] == visible_end and p[1] == visible_end + 1 and visible_end < end]
    for piece in pieces:
        if "\t" in piece.text:
            piece = Segment(piece.text.replace("\t", " "), piece.style)
        segments.append(piece)
    if tail or (start == end and any(p[0] == start for p in overlays)):
        segments.append(Segment(" ", (tail[0][2] if tail else overlays[0][2])))
    length = sum(cell_len(s.text) for s in segments)
    return segments, length


def row_strip(doc: Document, lines: LineMap, row: int, layers: Layers, width: int, background: Style,
              overlays: Sequence[Paint] = (), marked: bool = False) -> Strip:
    """One row as a Strip exactly ``width`` cells wide, on the widget's background.

    The background is folded into each segment and the padding added here, so a row costs
    one Strip (Textual's crop/extend/apply_style would each make another).
    """
    segments, length = row_segments(doc, lines, row, layers, overlays, marked)
    if background:
        segments = [Segment(seg.text, background + seg.style if seg.style else background) for seg in segments]
    if length < width:
        segments.append(Segment(" " * (width - length), background))
    elif length > width:
        return Strip(segments, length).crop(0, width)
    return Strip(segments, width)


def row_text(doc: Document, lines: LineMap, row: int) -> str:
    """The characters of a row, as drawn (without prefix), for tests and copy."""
    if lines.blocks[row] == SEPARATOR:
        return ""
    return doc.text[lines.starts[row]:lines.ends[row]].rstrip("\n").replace("\t", " ")
