"""Quotation colours: one a speaker, dimmed when unsure, neutral when nobody said it."""

from __future__ import annotations

from rich.color import Color

from tui.app import palette
from tui.app.layout import build_line_map
from tui.app.render import IntervalIndex, Layers, QuoteColours, quote_paints, row_segments
from tui.engine import load_text
from tui.engine.model import Analysis, Quote, Speaker


def test_quote_colours_follow_speaker_order_confidence_and_attribution():
    doc = load_text("T\n\n“One,” Ann said. “Two,” Bo said. “Three,” someone said. “Four.”\n", fmt="text")
    text = doc.text
    marks = [(text.index("“One"), text.index("One,”") + 5), (text.index("“Two"), text.index("Two,”") + 5),
             (text.index("“Three"), text.index("Three,”") + 7), (text.index("“Four"), text.index("Four.”") + 6)]
    quotes = (Quote(marks[0][0] + 1, marks[0][1] - 1, *marks[0], speaker=1, confidence=0.9),
              Quote(marks[1][0] + 1, marks[1][1] - 1, *marks[1], speaker=2, confidence=0.9),
              Quote(marks[2][0] + 1, marks[2][1] - 1, *marks[2], speaker=2, confidence=0.3),
              Quote(marks[3][0] + 1, marks[3][1] - 1, *marks[3]))
    analysis = Analysis(quotes, (Speaker(1, "Ann"), Speaker(2, "Bo")))
    colours = {1: palette.speaker_color(0), 2: palette.speaker_color(1)}
    qc = QuoteColours(colours, palette.UNATTRIBUTED, {k: palette.dim(v) for k, v in colours.items()})
    paints = quote_paints(analysis, qc)
    assert [p[2].color for p in paints] == [Color.parse(c) for c in (
        palette.speaker_color(0), palette.speaker_color(1), palette.dim(palette.speaker_color(1)), palette.UNATTRIBUTED)]
    assert palette.speaker_color(0) != palette.speaker_color(1)

    # drawn: each quotation's words (marks included) carry its colour, the narration none
    lines = build_line_map(doc, 200)
    layers = Layers(IntervalIndex(()), IntervalIndex(paints), IntervalIndex(()))
    segments, _ = row_segments(doc, lines, lines.row_of(marks[0][0]), layers)
    by_text = {seg.text: seg.style.color for seg in segments}
    assert by_text["“One,”"] == Color.parse(palette.speaker_color(0))
    assert by_text["“Three,”"] == Color.parse(palette.dim(palette.speaker_color(1)))
    assert by_text[" Ann said. "] is None
