"""Markup trees (lxml elements) to Document blocks: the shared walk of the HTML and EPUB loaders.

An element is classified into a *role* by the loader (saved web pages go through trafilatura's
XML, whose tags are ``head``, ``p``, ``quote``, ``list``/``item``, ``hi``...; EPUB chapters are
XHTML with ``h2``, ``p``, ``blockquote``, ``ul``/``li``, ``em``...), and this module turns roles
into the builder's blocks and spans: headings, paragraphs, block quotes, list items, code, tables
(aligned rows, as in Markdown), and inline emphasis, strong, code and links.  White space inside a
paragraph is collapsed as a browser does; text is sanitised (control characters, bidi overrides)
after entities were decoded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .builder import DocumentBuilder
from .sanitize import sanitize
from .tables import table_text

# Roles: what an element is to the reader.
HEADING, PARAGRAPH, QUOTE, LIST, ITEM, TABLE, ROW, CELL, CODE, RULE = (
    "heading", "paragraph", "blockquote", "list", "item", "table", "row", "cell", "code", "rule")
CONTAINER, SKIP, BREAK, INLINE = "container", "skip", "break", "inline"
BLOCK_ROLES = {HEADING, PARAGRAPH, QUOTE, LIST, ITEM, TABLE, ROW, CELL, CODE, RULE, CONTAINER}


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    level: int = 0  # heading level
    span: str | None = None  # for INLINE: emphasis, strong, code, link, strike (None: plain)
    ordered: bool = False  # for LIST
    href: str | None = None


Classify = Callable[[Any], Role]
_SPACE_CHARS = re.compile(r"[^\S ]|  ")  # white space other than single spaces


_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\r\ufeff]")


def clean(text: str | None) -> str:
    """``text`` sanitised (a fast look first: most text needs nothing)."""
    if not text:
        return ""
    if text.isprintable():  # no control, format or surrogate character at all: nothing to do (fast, in C)
        return text
    return sanitize(text)[0] if _NEEDS_CLEANING.search(text) else text


class Inline:
    """Inline text of one block: white space collapsed, spans relative to its start."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[tuple[str, int, int, str | None]] = []
        self._space = True  # at the start of a block, leading space is dropped

    def add(self, text: str | None, pre: bool = False) -> None:
        text = clean(text)
        if not text:
            return
        if not pre:
            if "  " not in text and (text.isprintable() or not _SPACE_CHARS.search(text)):  # single spaces only
                pass
            else:
                lead = " " if text[:1].isspace() else ""
                trail = " " if text[-1:].isspace() else ""
                text = lead + " ".join(text.split()) + trail if text.strip() else " "
            if self._space and text.startswith(" "):
                text = text[1:]
            if not text:
                return
            self._space = text.endswith(" ")
        else:
            self._space = text.endswith((" ", "\n"))
        self.parts.append(text)
        self.length += len(text)

    def newline(self) -> None:
        if self.parts and self.parts[-1].endswith(" "):
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1
        if self.length:
            self.parts.append("\n")
            self.length += 1
            self._space = True

    def text(self) -> str:
        return "".join(self.parts)

    def empty(self) -> bool:
        return not self.text().strip()


_BLANK_LINE = re.compile(r"[ \t]*\n[ \t]*\n\s*")


def split_paragraphs(inline: Inline) -> list[Inline]:
    """Split at blank lines (two line breaks in a row); spans go with their piece."""
    text = inline.text()
    if "\n" not in text:
        return [inline]
    cuts = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)]
    if not cuts:
        return [inline]
    out = []
    start = 0
    for a, b in [*cuts, (len(text), len(text))]:
        piece = Inline()
        piece.parts = [text[start:a]]
        piece.length = a - start
        piece.spans = [(k, max(s, start) - start, min(e, a) - start, h) for k, s, e, h in inline.spans
                       if s < a and e > start]
        if not piece.empty():
            out.append(piece)
        start = b
    return out


def write_inline(builder: DocumentBuilder, inline: Inline) -> str:
    """Write ``inline`` into the open block, trailing white space dropped; return what was written."""
    text = inline.text()
    stripped = text.rstrip()
    base = builder.position
    builder.write(stripped)
    for kind, s, e, href in inline.spans:
        builder.add_span(kind, base + min(s, len(stripped)), base + min(e, len(stripped)), href)
    return stripped


def collect_inline(el: Any, classify: Classify, inline: Inline, pre: bool = False, with_text: bool = True) -> None:
    """Add the text of ``el``'s content (not its tail) to ``inline``, blocks inside read as inline."""
    if with_text:
        inline.add(el.text, pre)
    for child in el:
        if not isinstance(child.tag, str):  # comments, processing instructions
            inline.add(child.tail, pre)
            continue
        r = classify(child)
        if r.role == SKIP:
            pass
        elif r.role == BREAK:
            inline.newline()
        else:
            start = inline.length
            if r.role in BLOCK_ROLES and inline.length and not inline._space:
                inline.add(" ")
            collect_inline(child, classify, inline, pre or r.span == "pre")
            if r.role == INLINE and r.span and r.span != "pre":
                inline.spans.append((r.span, start, inline.length, r.href))
        inline.add(child.tail, pre)


class BlockWalker:
    """Walk a tree of classified elements into ``builder``; remember the first heading."""

    def __init__(self, builder: DocumentBuilder, classify: Classify) -> None:
        self.builder = builder
        self.classify = classify
        self.headings: list[str] = []
        self.words = 0

    def paragraph(self, inline: Inline, kind: str = "paragraph", level: int = 0, marker: str = "") -> None:
        if inline.empty():
            return
        pieces = split_paragraphs(inline)
        if len(pieces) > 1:  # <br><br> between paragraphs, as old pages write them
            for i, piece in enumerate(pieces):
                self.paragraph(piece, kind, level, marker if i == 0 else "")
            return
        self.builder.start_block(kind, level=level, marker=marker)
        text = write_inline(self.builder, inline)
        self.builder.end_block()
        self.words += len(text.split())
        if kind == "heading":
            self.headings.append(" ".join(text.split()))

    def walk(self, el: Any, quote: int = 0, lists: list[list[Any]] | None = None) -> None:
        """Children of ``el`` (a container): loose text and inline children gather into paragraphs."""
        lists = lists if lists is not None else []
        pending = Inline()
        pending.add(el.text)

        def flush() -> None:
            nonlocal pending
            self._loose(pending, quote, lists)
            pending = Inline()

        for child in el:
            if not isinstance(child.tag, str):
                pending.add(child.tail)
                continue
            r = self.classify(child)
            if r.role == SKIP:
                pass
            elif r.role == BREAK:
                pending.newline()
            elif r.role == INLINE:
                start = pending.length
                collect_inline(child, self.classify, pending, r.span == "pre")
                if r.span and r.span != "pre":
                    pending.spans.append((r.span, start, pending.length, r.href))
            else:
                flush()
                self.block(child, r, quote, lists)
            pending.add(child.tail)
        flush()

    def _loose(self, inline: Inline, quote: int, lists: list[list[Any]]) -> None:
        if lists:
            self.paragraph(inline, "list_item", len(lists), "")
        elif quote:
            self.paragraph(inline, "blockquote", quote)
        else:
            self.paragraph(inline)

    def _has_blocks(self, el: Any) -> bool:
        for child in el:
            if isinstance(child.tag, str):
                role = self.classify(child).role
                if role in BLOCK_ROLES and role != CELL or (role == INLINE and self._has_blocks(child)):
                    return True
        return False

    def block(self, el: Any, r: Role, quote: int, lists: list[list[Any]]) -> None:
        role = r.role
        if role == HEADING:
            inline = Inline()
            collect_inline(el, self.classify, inline)
            self.paragraph(inline, "heading", max(1, min(r.level, 6)))
        elif role == PARAGRAPH or role == CELL:
            if self._has_blocks(el):
                self.walk(el, quote, lists)
                return
            inline = Inline()
            collect_inline(el, self.classify, inline)
            self._loose(inline, quote, lists)
        elif role == QUOTE:
            self.walk(el, quote + 1, lists)
        elif role == LIST:
            lists.append([1 if r.ordered else "•"])
            self.walk(el, quote, lists)
            lists.pop()
        elif role == ITEM:
            current = lists[-1] if lists else ["•"]
            if current[0] == "•":
                marker = "•"
            else:
                marker = f"{current[0]}."
                current[0] = int(current[0]) + 1
            self._item(el, marker, quote, lists or [current])
        elif role == TABLE or role == ROW:
            rows = self._rows(el)
            if rows:
                self.builder.add_block("table", table_text(rows, 1 if self._header(el) else 0))
                self.words += sum(len(c.split()) for row in rows for c in row)
        elif role == CODE:
            inline = Inline()
            collect_inline(el, self.classify, inline, pre=True)
            text = inline.text().strip("\n")
            if text.strip():
                self.builder.add_block("code", text)
        elif role == RULE:
            self.builder.add_block("rule", "")
        else:  # CONTAINER
            self.walk(el, quote, lists)

    def _item(self, el: Any, marker: str, quote: int, lists: list[list[Any]]) -> None:
        """A list item: its own words after the marker, nested lists and blocks after them."""
        inline = Inline()
        inline.add(el.text)
        rest: list[tuple[Any, Role]] = []
        for child in el:
            if not isinstance(child.tag, str):
                (inline if not rest else Inline()).add(child.tail)
                continue
            r = self.classify(child)
            if r.role in (LIST, QUOTE, TABLE, CODE, HEADING) or rest:
                rest.append((child, r))
                continue
            if r.role == BREAK:
                inline.newline()
            elif r.role != SKIP:
                if r.role in BLOCK_ROLES and inline.length:
                    inline.add(" ")
                start = inline.length
                collect_inline(child, self.classify, inline)
                if r.role == INLINE and r.span and r.span != "pre":
                    inline.spans.append((r.span, start, inline.length, r.href))
            inline.add(child.tail)
        self.paragraph(inline, "list_item", len(lists), marker)
        for child, r in rest:
            self.block(child, r, quote, lists)

    def _rows(self, el: Any) -> list[list[str]]:
        rows: list[list[str]] = []
        for row in el.iter():
            if not isinstance(row.tag, str) or self.classify(row).role != ROW:
                continue
            cells = []
            for cell in row:
                if isinstance(cell.tag, str) and self.classify(cell).role == CELL:
                    inline = Inline()
                    collect_inline(cell, self.classify, inline)
                    cells.append(" ".join(inline.text().split()))
            if any(cells):
                rows.append(cells)
        return rows

    def _header(self, el: Any) -> bool:
        for row in el.iter():
            if isinstance(row.tag, str) and self.classify(row).role == ROW:
                return any(getattr(c, "tag", "") in ("th",) or (hasattr(c, "get") and c.get("role") == "head")
                           for c in row)
        return False
