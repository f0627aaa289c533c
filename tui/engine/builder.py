"""Accumulate canonical text, blocks and spans; the loaders share it."""

from __future__ import annotations

from .model import Block, Document, Meta, Span

BLOCK_SEPARATOR = "\n\n"


class DocumentBuilder:
    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []
        self.spans: list[Span] = []
        self._open_block: tuple[str, int, int, str] | None = None

    @property
    def position(self) -> int:
        return self._length

    def start_block(self, kind: str, level: int = 0, marker: str = "") -> None:
        if self.blocks or self._length:
            self._append(BLOCK_SEPARATOR)
        self._open_block = (kind, self._length, level, marker)

    def write(self, text: str) -> tuple[int, int]:
        start = self._length
        self._append(text)
        return start, self._length

    def end_block(self) -> None:
        assert self._open_block is not None
        kind, start, level, marker = self._open_block
        self._open_block = None
        self.blocks.append(Block(kind, start, self._length, level, marker))

    def add_block(self, kind: str, text: str, level: int = 0, marker: str = "") -> None:
        self.start_block(kind, level, marker)
        self.write(text)
        self.end_block()

    def add_span(self, kind: str, start: int, end: int, href: str | None = None) -> None:
        if end > start:
            self.spans.append(Span(kind, start, end, href))

    def text_since(self, start: int) -> str:
        return "".join(self._parts)[start:]

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    def build(self, title: str, source: str | None, fmt: str, notices: tuple[str, ...],
              meta: Meta | None = None) -> Document:
        text = "".join(self._parts)
        spans = tuple(sorted(self.spans, key=lambda s: (s.start, -s.end)))
        meta = meta or Meta(title=title, source=source, format=fmt)
        return Document(title, text, tuple(self.blocks), spans, source, fmt, notices, meta)
