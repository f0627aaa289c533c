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


def test_focus_draws_only_the_focused_speakers_quotations_in_colour():
    from tui.app.render import fg, focus_paints

    doc = load_text("T\n\n“One,” Ann said. “Two,” Bo said. “Three,” Ann said.\n", fmt="text")
    text = doc.text
    starts = [text.index("“One"), text.index("“Two"), text.index("“Three")]
    ends = [text.index("”", s) + 1 for s in starts]
    ann, bo = fg("#FF8800"), fg("#00AAFF")
    paints = [(starts[0], ends[0], ann), (starts[1], ends[1], bo), (starts[2], ends[2], ann)]
    faint = "#5F5F5F"
    focused = focus_paints(len(text), paints, [(starts[0], ends[0]), (starts[2], ends[2])], faint)
    index = IntervalIndex(focused)
    for at in range(len(text)):  # character by character: Ann's quotations in colour, all else faint
        colours = [p[2].color for p in index.overlapping(at, at + 1)]
        mine = any(s <= at < e for s, e in ((starts[0], ends[0]), (starts[2], ends[2])))
        assert colours[-1:] == [Color.parse("#FF8800" if mine else faint)], (at, text[at])
    # the faint text is the gaps between Ann's quotations: no paint over the whole text, so a row's
    # lookup finds the few paints on it, not every paint before it
    assert all(e - s < len(text) for s, e, _ in focused)
    lines = build_line_map(doc, 200)
    segments, _ = row_segments(doc, lines, lines.row_of(starts[0]),
                               Layers(IntervalIndex(()), index, IntervalIndex(())))
    by_text = {seg.text: seg.style.color for seg in segments}
    assert by_text["“One,”"] == by_text["“Three,”"] == Color.parse("#FF8800")
    between = next(text for text in by_text if "“Two,”" in text)  # Bo's words go faint with the narration
    assert between.startswith(" Ann said.") and by_text[between] == Color.parse(faint)
