"""Cursor motions over a Document's text: words, sentences, paragraphs (pure functions).

Forward motions come in two flavours: ``*_start`` moves to the start of the next unit (normal
mode) and ``*_end`` to the last character of the current or next unit (visual mode, so that
``v`` + ``w`` selects exactly one word).
"""

from __future__ import annotations

import re

from ..engine.model import Document

_WORD = re.compile(r"\w(?:[\w’'-]*\w)?")
_WORD_START = re.compile(r"(?<![\w’'-])\w")
_SENTENCE_END = re.compile(r"[.!?…]+[”\"’')\]]*(?=\s|$)")
_NON_SPACE = re.compile(r"\S")


def snap(doc: Document, offset: int) -> int:
    """The nearest offset on a visible character: block separators snap to the next block."""
    if not doc.blocks:
        return 0
    offset = max(0, min(offset, len(doc.text) - 1 if doc.text else 0))
    i = doc.block_index_at(offset) or 0  # (None only without blocks)
    block = doc.blocks[i]
    if offset < block.start:
        return block.start
    if offset >= block.end:
        for nxt in doc.blocks[i + 1:]:
            if nxt.end > nxt.start:
                return nxt.start
        return max(block.end - 1, block.start)
    return offset


def word_start_forward(text: str, pos: int) -> int:
    m = _WORD_START.search(text, pos + 1)
    return m.start() if m else pos


def word_end_forward(text: str, pos: int) -> int:
    m = _WORD.search(text, pos)
    if m and m.start() <= pos < m.end() - 1:
        return m.end() - 1
    m = _WORD.search(text, pos + 1)
    return m.end() - 1 if m else pos


def word_start_backward(text: str, pos: int) -> int:
    window = 256
    while True:
        lo = max(0, pos - window)
        starts = [m.start() for m in _WORD_START.finditer(text, lo, pos) if m.start() < pos]
        # A match at ``lo`` may be mid-word (the lookbehind cannot see before ``lo``).
        starts = [s for s in starts if s == 0 or not _WORD.match(text[s - 1])]
        if starts:
            return starts[-1]
        if lo == 0:
            return pos
        window *= 4


def _sentence_ends(text: str, lo: int, hi: int) -> list[int]:
    """Offsets of the last character of each sentence ending in ``[lo, hi)``."""
    return [m.end() - 1 for m in _SENTENCE_END.finditer(text, lo, hi)]


def _block_bounds(doc: Document, pos: int) -> tuple[int, int]:
    b = doc.block_at(pos)
    return (b.start, b.end) if b else (0, len(doc.text))


def sentence_start(doc: Document, pos: int) -> int:
    """Start of the sentence holding ``pos`` (sentences never cross blocks)."""
    lo, _ = _block_bounds(doc, pos)
    ends = [e for e in _sentence_ends(doc.text, lo, pos) if e < pos]
    start = ends[-1] + 1 if ends else lo
    m = _NON_SPACE.search(doc.text, start, pos + 1)
    return m.start() if m else start


def sentence_end(doc: Document, pos: int) -> int:
    """Last character of the sentence holding ``pos``, or of the next one if ``pos`` ends one."""
    lo, hi = _block_bounds(doc, pos)
    for e in _sentence_ends(doc.text, pos, hi):
        if e > pos:
            return e
    if hi - 1 > pos:
        return hi - 1
    nxt = next_block_start(doc, pos)
    return sentence_end(doc, nxt) if nxt != pos else pos


def sentence_start_forward(doc: Document, pos: int) -> int:
    lo, hi = _block_bounds(doc, pos)
    for e in _sentence_ends(doc.text, pos, hi):
        m = _NON_SPACE.search(doc.text, e + 1, hi)
        if m and m.start() > pos:
            return m.start()
    return next_block_start(doc, pos)


def sentence_start_backward(doc: Document, pos: int) -> int:
    start = sentence_start(doc, pos)
    if start < pos:
        return start
    lo, _ = _block_bounds(doc, pos)
    if pos > lo:
        return sentence_start(doc, pos - 1)
    prev = previous_block_start(doc, pos)
    if prev == pos:
        return pos
    b = doc.block_at(prev)
    if b is None:  # no blocks at all
        return prev
    return sentence_start(doc, max(b.end - 1, b.start))


def next_block_start(doc: Document, pos: int) -> int:
    i = doc.block_index_at(pos)
    if i is None:
        return pos
    for b in doc.blocks[i + 1:]:
        if b.end > b.start and b.start > pos:
            return b.start
    return pos


def previous_block_start(doc: Document, pos: int) -> int:
    i = doc.block_index_at(pos)
    if i is None:
        return pos
    b = doc.blocks[i]
    if b.start < pos:
        return b.start
    for b in reversed(doc.blocks[:i]):
        if b.end > b.start:
            return b.start
    return pos


def block_end(doc: Document, pos: int) -> int:
    """Last character of the block holding ``pos``, or of the next block if ``pos`` is already there."""
    i = doc.block_index_at(pos)
    if i is None:
        return pos
    b = doc.blocks[i]
    if pos < b.end - 1:
        return b.end - 1
    for b in doc.blocks[i + 1:]:
        if b.end > b.start:
            return b.end - 1
    return pos


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding whitespace (unchanged if it is all whitespace)."""
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else (start, end)
