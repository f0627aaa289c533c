"""The line map and motions without a terminal: wrapping, offsets, wide characters, words."""

from __future__ import annotations

from rich.cells import cell_len

from tui.app import motions
from tui.app.layout import GUTTER, SEPARATOR, build_line_map, wrap_range
from tui.engine import load_text

MD = """# Title

A paragraph with *emphasis* and a [link](https://example.com) that goes on long enough to wrap twice over.

> “A quoted block,” she said.

- first item that is long enough to wrap onto a second row here
- second

```
code line one
	tabbed

last
```
"""


def test_every_offset_belongs_to_exactly_one_row():
    doc = load_text(MD, fmt="markdown")
    lines = build_line_map(doc, 40)
    covered = []
    for s, e in zip(lines.starts, lines.ends):
        covered.extend(range(s, e))
    assert covered == list(range(len(doc.text)))
    for off in range(len(doc.text)):
        row = lines.row_of(off)
        assert lines.starts[row] <= off < max(lines.ends[row], lines.starts[row] + 1)


def test_rows_fit_the_width_and_code_keeps_its_lines():
    doc = load_text(MD, fmt="markdown")
    lines = build_line_map(doc, 40)
    for row in range(len(lines)):
        text = doc.text[lines.starts[row]:lines.ends[row]].rstrip("\n ")
        assert cell_len(text) <= 40 - GUTTER
    code = [doc.text[s:e] for s, e, b in zip(lines.starts, lines.ends, lines.blocks)
            if b != SEPARATOR and doc.blocks[b].kind == "code"]
    assert code == ["code line one\n", "\ttabbed\n", "\n", "last"]


def test_wide_characters_are_measured():
    text = "日本語のテキスト " * 6 + "end"
    rows = wrap_range(text, 0, len(text), 20)
    assert all(cell_len(text[s:e].rstrip()) <= 20 for s, e in rows)
    assert "".join(text[s:e] for s, e in rows) == text
    assert len(rows) > 3


def test_a_word_longer_than_the_line_is_cut():
    text = "x" * 25 + " tails"
    assert wrap_range(text, 0, len(text), 10) == [(0, 10), (10, 20), (20, 26), (26, 31)]
    text = "x" * 25 + " tail"  # exactly fits
    assert wrap_range(text, 0, len(text), 10) == [(0, 10), (10, 20), (20, 30)]


def test_word_motions():
    text = "Fishermen stood along the wall."
    assert motions.word_end_forward(text, 0) == 8
    assert motions.word_end_forward(text, 8) == 14
    assert motions.word_start_forward(text, 0) == 10
    assert motions.word_start_backward(text, 12) == 10
    assert motions.word_start_backward(text, 10) == 0


def test_sentence_and_paragraph_motions():
    doc = load_text("T\n\nOne two. Three four? Five.\n\nNext para.\n", fmt="text")
    p = doc.blocks[1].start
    assert motions.sentence_end(doc, p) == doc.text.index("two.") + 3
    assert motions.sentence_start_forward(doc, p) == doc.text.index("Three")
    assert motions.sentence_start_backward(doc, doc.text.index("four")) == doc.text.index("Three")
    assert motions.block_end(doc, p) == doc.blocks[1].end - 1
    assert motions.next_block_start(doc, p) == doc.blocks[2].start
    assert motions.previous_block_start(doc, doc.blocks[2].start) == p
    # offsets between blocks snap to the next block
    assert motions.snap(doc, doc.blocks[1].end) == doc.blocks[2].start


def test_tight_lists_have_no_blank_rows_between_items():
    doc = load_text(MD, fmt="markdown")
    lines = build_line_map(doc, 40)
    kinds = [doc.blocks[b].kind if b != SEPARATOR else "-" for b in lines.blocks]
    first = kinds.index("list_item")
    last = len(kinds) - kinds[::-1].index("list_item")
    assert "-" not in kinds[first:last]
    assert kinds[last] == "-"  # the list is still set off from what follows
