"""Markdown through markdown-it-py's token stream: headings, emphasis, lists, quotes, links, code,
and GitHub's extensions through mdit-py-plugins: tables (drawn as aligned rows), footnotes, task
lists, strikethrough, and YAML front matter (title, author, date) read as metadata."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from .builder import DocumentBuilder
from .sanitize import sanitize
from .tables import table_text

# Deeper block nesting (block quotes, lists) than this is refused rather than parsed: past
# its ``maxNesting`` markdown-it silently drops the rest of the nested block, words and all.
MAX_NESTING = 50

_INLINE_SPANS = {"em": "emphasis", "strong": "strong", "link": "link", "s": "strike"}


class MarkdownTooDeep(ValueError):
    """The Markdown nests blocks too deeply to be parsed without losing words."""


def _parser() -> MarkdownIt:
    md = (MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING}).enable("table").enable("strikethrough")
          .use(front_matter_plugin).use(footnote_plugin).use(tasklists_plugin))
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


_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def front_matter(yaml: str) -> dict[str, str]:
    """The ``key: value`` lines at the top level of YAML front matter (title, author, date, ...),
    quotes around a value removed; nested or multi-line values are not metadata we show."""
    found: dict[str, str] = {}
    for line in yaml.splitlines():
        m = _FRONT_KEY.match(line)
        if not m or not m.group(2):
            continue
        value = m.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        value = " ".join(_safe(value).split())
        if value and not value.startswith(("[", "{", "|", ">")):
            found.setdefault(m.group(1).lower(), value)
    return found


def _task_marker(children: list[Token]) -> str | None:
    """The task list plugin opens an item's text with a checkbox: ☑ when checked, ☐ when not."""
    if children and children[0].type == "html_inline" and "task-list-item-checkbox" in children[0].content:
        return "☑" if "checked" in children[0].content else "☐"
    return None


def _write_inline(builder: DocumentBuilder, children: list[Token]) -> None:
    stack: list[tuple[str, int, str | None]] = []
    if _task_marker(children) is not None:
        children = children[1:]
        if children and children[0].type == "text":
            lead = children[0]
            children = [Token("text", "", 0, content=lead.content.lstrip()), *children[1:]]
    for tok in children:
        t = tok.type
        if t == "text":
            builder.write(_safe(tok.content))
        elif t == "html_inline":
            continue  # raw HTML is off: only plugins make these (a task's checkbox, handled above)
        elif t == "footnote_ref":
            start, end = builder.write(f"[{int(tok.meta.get('id', 0)) + 1}]")
            builder.add_span("footnote", start, end)
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


def _plain_inline(children: list[Token]) -> str:
    """A table cell's words, without formatting."""
    out = []
    for tok in children:
        if tok.type in ("text", "code_inline", "image"):
            out.append(tok.content or "")
        elif tok.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif tok.type == "footnote_ref":
            out.append(f"[{int(tok.meta.get('id', 0)) + 1}]")
    return " ".join(_safe("".join(out)).split())


def build_markdown(builder: DocumentBuilder, text: str) -> tuple[str | None, dict[str, str]]:
    """Fill ``builder`` from Markdown; return the first heading (the title) and the front matter.

    Raise :class:`MarkdownTooDeep` (before writing anything) when markdown-it would drop words."""
    tokens = _parser().parse(text)
    title: str | None = None
    meta: dict[str, str] = {}
    quote_depth = 0
    lists: list[list[int | str]] = []  # per open list: [next number or "•"]
    item_marker: str | None = None
    heading_level = 0
    table: list[list[str]] | None = None
    header_rows = 0
    row: list[str] | None = None
    footnote: int | None = None  # number of the footnote being written
    for tok in tokens:
        t = tok.type
        if t == "front_matter":
            meta = front_matter(tok.content)
        elif t == "blockquote_open":
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
        elif t == "footnote_block_open":
            builder.add_block("rule", "")
        elif t == "footnote_open":
            footnote = int(tok.meta.get("id", 0)) + 1
        elif t == "footnote_close":
            footnote = None
        elif t == "table_open":
            table, header_rows = [], 0
        elif t == "thead_close" and table is not None:
            header_rows = len(table)
        elif t == "table_close" and table is not None:
            builder.add_block("table", table_text(table, header_rows))
            table = None
        elif t == "tr_open":
            row = []
        elif t == "tr_close" and row is not None:
            if table is not None:
                table.append(row)
            row = None
        elif t == "inline":
            children = tok.children or []
            if row is not None:
                row.append(_plain_inline(children))
                continue
            task = _task_marker(children)
            if heading_level:
                builder.start_block("heading", level=heading_level)
            elif footnote is not None:
                builder.start_block("list_item", level=1, marker=f"[{footnote}]")
                footnote = None  # a footnote's further paragraphs are plain paragraphs
            elif item_marker is not None or lists:
                marker = item_marker or ""
                if task is not None and item_marker is not None:
                    marker = task
                builder.start_block("list_item", level=len(lists), marker=marker)
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
    return title, meta
