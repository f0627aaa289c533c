"""Plain text: blank lines separate paragraphs; hard-wrapped lines inside one are joined."""

from __future__ import annotations

import re

from .builder import DocumentBuilder

_BLANK = re.compile(r"\n[ \t]*\n")
WRAP_WIDTH = 100  # longer lines were not hard-wrapped
_CHAPTER = re.compile(r"^(chapter|book|part|volume)\b[\w .:-]{0,40}$", re.IGNORECASE)


def _looks_like_heading(par: str) -> bool:
    if "\n" in par or len(par) > 80:
        return False
    return bool(_CHAPTER.match(par)) or (par.isupper() and any(c.isalpha() for c in par) and len(par.split()) <= 8)


def paragraphs(text: str) -> list[str]:
    """Split on blank lines; a text with no blank line at all has a paragraph a line."""
    text = text.strip("\n")
    if not text.strip():
        return []
    if _BLANK.search(text) is None and text.count("\n") >= 2:
        chunks = text.split("\n")
    else:
        chunks = _BLANK.split(text)
    out: list[str] = []
    for chunk in chunks:
        lines = [line.strip() for line in chunk.split("\n")]
        if _unwrapped(lines):
            out.extend([line for line in lines if line])
            continue
        joined = " ".join([line for line in lines if line])
        if joined:
            out.append(joined)
    return out


def _unwrapped(lines: list[str]) -> bool:
    """Lines nobody hard-wrapped: a line before the last one is longer than any wrap width
    (Gutenberg wraps near 70, mail near 72-80), so each line is a paragraph of its own."""
    return any(len(line) > WRAP_WIDTH for line in lines[:-1])


_BREADCRUMB = re.compile(r"[\w .'&-]+(?:\s*[/›»|>]\s*[\w .'&-]+)+")


def _headline(par: str) -> bool:
    """Short, not cut off mid-sentence, and not a breadcrumb like "News / Russia"."""
    return len(par) <= 160 and not par.endswith((",", ";")) and not _BREADCRUMB.fullmatch(par)


def build_plain(builder: DocumentBuilder, text: str) -> str | None:
    """Fill ``builder`` from plain text; return the title: the first paragraph, or the second under a breadcrumb."""
    pars = paragraphs(text)
    title = None
    for i, par in enumerate(pars):
        if i == 0 and _headline(par):
            title = par
            builder.add_block("heading", par, level=1)
        elif i == 1 and title is None and _BREADCRUMB.fullmatch(pars[0]) and _headline(par):
            # "News / Russia" above the headline: a section breadcrumb, the headline comes next
            title = par
            builder.add_block("heading", par, level=1)
        elif _looks_like_heading(par):
            builder.add_block("heading", par, level=2)
        else:
            builder.add_block("paragraph", par)
    return title
