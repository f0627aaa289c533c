"""Wrap a Document into display rows: the line map of the article view.

A *row* is one line on screen.  Every character offset of ``Document.text`` belongs to
exactly one row (the blank rows between blocks own the block separator), so an offset is
turned into a row with one bisect and a row back into text with one slice.  Wrapping the
690 KB of *Pride and Prejudice* takes a few tens of milliseconds: the fast path finds
break points with ``str.rfind`` and only text with wide or zero-width characters is
measured cell by cell.  Nothing here imports Textual.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rich.cells import get_character_cell_size

from ..engine.model import Block, Document

GUTTER = 2  # cells at the left of every row: the current-quotation mark lives here
SEPARATOR = -1  # block index of the blank rows between blocks

# Characters outside these ranges may be wide or zero-width: those paragraphs are measured.
_NOT_NARROW = re.compile("[^\t\x20-\u02ff\u0370-\u0482\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]")


def block_prefix(block: Block, first: bool) -> str:
    """What is drawn before a block's text on its first row (``first``) or the following ones."""
    if block.kind == "blockquote":
        return "▌ " * max(block.level, 1)
    if block.kind == "list_item":
        indent = "  " * max(block.level - 1, 0)
        marker = block.marker or "•"
        return indent + (marker + " " if first else " " * (len(marker) + 1))
    if block.kind in ("code", "table"):
        return "  "
    return ""


def _wrap_narrow(text: str, start: int, end: int, width: int, out: list[tuple[int, int]]) -> None:
    """Greedy word wrap of ``text[start:end]`` where every character is one cell wide.

    Each row keeps its trailing space, so the rows cover the range without gaps; that space
    may fall one cell past ``width`` (it is cropped when drawn), as in ``textwrap``.
    """
    pos = start
    while end - pos > width:
        brk = text.rfind(" ", pos, pos + width + 1)
        if brk <= pos:  # no space to break at: cut the word
            out.append((pos, pos + width))
            pos += width
        else:
            out.append((pos, brk + 1))
            pos = brk + 1
    out.append((pos, end))


def _wrap_measured(text: str, start: int, end: int, width: int, out: list[tuple[int, int]]) -> None:
    """Word wrap that measures each character (wide CJK, emoji, combining marks)."""
    row_start = start
    cells = 0
    last_space = -1
    i = start
    while i < end:
        ch = text[i]
        w = get_character_cell_size(ch)
        if cells + w > width and i > row_start and ch != " ":
            if last_space >= row_start:
                out.append((row_start, last_space + 1))
                row_start = last_space + 1
            else:
                out.append((row_start, i))
                row_start = i
            cells = sum(get_character_cell_size(c) for c in text[row_start:i])
            last_space = -1
            continue
        if ch == " ":
            last_space = i
        cells += w
        i += 1
    out.append((row_start, end))


def wrap_range(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Rows ``(start, end)`` for ``text[start:end]``; hard line breaks end a row (and belong to it)."""
    width = max(width, 1)
    out: list[tuple[int, int]] = []
    line_start = start
    while True:
        nl = text.find("\n", line_start, end)
        line_end = end if nl < 0 else nl
        if _NOT_NARROW.search(text, line_start, line_end):
            _wrap_measured(text, line_start, line_end, width, out)
        else:
            _wrap_narrow(text, line_start, line_end, width, out)
        if nl < 0:
            break
        s, _ = out[-1]
        out[-1] = (s, nl + 1)  # the newline belongs to the row it ends
        line_start = nl + 1
    return out


@dataclass
class LineMap:
    """Display rows of one document at one width (parallel lists, for speed)."""

    width: int
    starts: list[int]
    ends: list[int]
    blocks: list[int]  # block index, or SEPARATOR
    firsts: list[bool]  # first row of its block

    def __len__(self) -> int:
        return len(self.starts)

    def row_of(self, offset: int) -> int:
        """The row that holds character ``offset``."""
        if not self.starts:
            return 0
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def rows_of(self, start: int, end: int) -> range:
        """Rows overlapping ``[start, end)`` (at least the row of ``start``)."""
        first = self.row_of(start)
        last = self.row_of(max(end - 1, start))
        return range(first, last + 1)


def build_line_map(doc: Document, width: int) -> LineMap:
    """Wrap every block of ``doc`` to ``width`` cells (the gutter included)."""
    text = doc.text
    starts: list[int] = []
    ends: list[int] = []
    blocks: list[int] = []
    firsts: list[bool] = []
    previous_end = 0
    previous_kind = ""
    for index, block in enumerate(doc.blocks):
        if index and block.kind == "list_item" == previous_kind:
            ends[-1] = block.start  # a tight list: the item's last row owns the separator
        elif index:
            starts.append(previous_end)
            ends.append(block.start)
            blocks.append(SEPARATOR)
            firsts.append(False)
        previous_kind = block.kind
        if block.kind == "rule" or block.start == block.end:
            rows = [(block.start, block.end)]
        else:
            avail = width - GUTTER - len(block_prefix(block, True))
            rows = wrap_range(text, block.start, block.end, max(avail, 8))
        for i, (s, e) in enumerate(rows):
            starts.append(s)
            ends.append(e)
            blocks.append(index)
            firsts.append(i == 0)
        previous_end = block.end
    if not starts:
        starts, ends, blocks, firsts = [0], [len(text)], [SEPARATOR], [True]
    return LineMap(width, starts, ends, blocks, firsts)
