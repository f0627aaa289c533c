"""Markdown through markdown-it-py's token stream: headings, emphasis, lists, quotes, links, code."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .builder import DocumentBuilder
from .sanitize import sanitize

# Deeper block nesting (block quotes, lists) than this is refused rather than parsed: past
# its ``maxNesting`` markdown-it silently drops the rest of the nested block, words and all.
MAX_NESTING = 50

_INLINE_SPANS = {"em": "emphasis", "strong": "strong", "link": "link", "s": "emphasis"}


class MarkdownTooDeep(ValueError):
    """The Markdown nests blocks too deeply to be parsed without losing words."""


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING}).enable("table").enable("strikethrough")
    tokenize = md.block.tokenize

    def tokenize_or_refuse(state, start_line: int, end_line: int) -> None:  # type: ignore[no-untyped-def]
        # markdown-it's own test, made before it would skip the lines of a too-deep block
        if state.level >= state.md.options.maxNesting:
            line = state.skipEmptyLines(start_line)
            if line < end_line and state.sCount[line] >= state.blkIndent:
                raise MarkdownTooDeep(f"blocks nested more than {MAX_NESTING} deep")
        tokenize(state, start_line, end_line)

    md.block.tokenize = tokenize_or_refuse  # type: ignore[method-assign, assignment]
    return md


def _safe(text: str) -> str:
    """Character references (``&#x202e;``, ``&#27;``) are decoded after the loader sanitised
    the source: sanitise what they became."""
    return sanitize(text)[0]


def _write_inline(builder: DocumentBuilder, children: list[Token]) -> None:
    stack: list[tuple[str, int, str | None]] = []
    for tok in children:
        t = tok.type
        if t == "text" or t == "html_inline":
            builder.write(_safe(tok.content))
        elif t == "softbreak":
            builder.write(" ")
        elif t == "hardbreak":
            builder.write("\n")
        elif t == "code_inline":
            start, end = builder.write(_safe(tok.content))
            builder.add_span("code", start, end)
        elif t == "image":
            builder.write(_safe(tok.content or ""))
        elif t.endswith("_open"):
            kind = _INLINE_SPANS.get(t[: -len("_open")])
            if kind:
                href = tok.attrGet("href") if kind == "link" else None
                stack.append((kind, builder.position, str(href) if href is not None else None))
        elif t.endswith("_close"):
            kind = _INLINE_SPANS.get(t[: -len("_close")])
            if kind and stack:
                k, start, href = stack.pop()
                builder.add_span(k, start, builder.position, href)


def build_markdown(builder: DocumentBuilder, text: str) -> str | None:
    """Fill ``builder`` from Markdown; return the first heading as the title.

    Raise :class:`MarkdownTooDeep` (before writing anything) when markdown-it would drop words."""
    tokens = _parser().parse(text)
    title: str | None = None
    quote_depth = 0
    lists: list[list[int | str]] = []  # per open list: [next number or "•"]
    item_marker: str | None = None
    heading_level = 0
    row: list[str] | None = None
    for tok in tokens:
        t = tok.type
        if t == "blockquote_open":
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t == "bullet_list_open":
            lists.append(["•"])
        elif t == "ordered_list_open":
            lists.append([int(tok.attrGet("start") or 1)])
        elif t in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif t == "list_item_open":
            current = lists[-1]
            if current[0] == "•":
                item_marker = "•"
            else:
                item_marker = f"{current[0]}."
                current[0] = int(current[0]) + 1
        elif t == "heading_open":
            heading_level = int(tok.tag[1:])
        elif t == "tr_open":
            row = []
        elif t == "tr_close" and row is not None:
            builder.add_block("paragraph", " | ".join(row))
            row = None
        elif t == "inline":
            children = tok.children or []
            if row is not None:
                row.append(_safe(tok.content))
                continue
            if heading_level:
                builder.start_block("heading", level=heading_level)
            elif item_marker is not None or lists:
                builder.start_block("list_item", level=len(lists), marker=item_marker or "")
                item_marker = None
            elif quote_depth:
                builder.start_block("blockquote", level=quote_depth)
            else:
                builder.start_block("paragraph")
            start = builder.position
            _write_inline(builder, children)
            if heading_level and title is None:
                title = " ".join(builder.text_since(start).split())
            builder.end_block()
            heading_level = 0
        elif t in ("fence", "code_block") or t == "html_block":
            builder.add_block("code", tok.content.rstrip("\n"))
        elif t == "hr":
            builder.add_block("rule", "")
    return title

