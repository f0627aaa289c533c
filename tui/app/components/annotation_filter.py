"""The annotations pane's filter: ``tag:x color:yellow speaker:name`` and free words, all must match."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field

from .annotation_row import AnnotationRow

FIELDS = ("tag", "color", "speaker", "status")
_ALIASES = {"colour": "color", "tags": "tag", "is": "status", "by": "speaker"}


@dataclass(frozen=True)
class AnnotationFilter:
    tags: tuple[str, ...] = ()
    colors: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    words: tuple[str, ...] = field(default=())

    @property
    def active(self) -> bool:
        return bool(self.tags or self.colors or self.speakers or self.statuses or self.words)

    def matches(self, row: AnnotationRow) -> bool:
        tags = [t.casefold() for t in row.tags]
        speaker = (row.speaker or "").casefold()
        if any(not any(tag.startswith(t) for tag in tags) for t in self.tags):
            return False
        if any((row.color or "none") != c for c in self.colors):
            return False
        if any(s not in speaker for s in self.speakers):
            return False
        if any(row.status != s for s in self.statuses):
            return False
        haystack = " ".join([row.excerpt, row.note, " ".join(row.tags), row.speaker or ""]).casefold()
        return all(w in haystack for w in self.words)


def _split(query: str) -> list[str]:
    """Words; double quotes group words (an unclosed one runs to the end); apostrophes are text."""
    for closing in ("", '"'):
        lexer = shlex.shlex(query + closing, posix=True)
        lexer.whitespace_split = True
        lexer.quotes = '"'
        lexer.escape = ""
        lexer.commenters = ""
        try:
            return list(lexer)
        except ValueError:
            continue
    return query.replace('"', " ").split()


def parse_filter(query: str) -> AnnotationFilter:
    """``tag:x``, ``color:yellow`` (or ``none``), ``speaker:"Jane Doe"``, ``status:orphan``, other words.

    Everything is case-insensitive; ``tag:`` matches the start of a tag (so the list narrows while
    you type), ``speaker:`` any part of the name, words any part of the excerpt, note, tags or
    speaker; double quotes group words.
    """
    found: dict[str, list[str]] = {name: [] for name in FIELDS}
    words: list[str] = []
    for token in _split(query):
        name, sep, value = token.partition(":")
        name = _ALIASES.get(name.casefold(), name.casefold())
        value = " ".join(value.split()).casefold()
        if sep and name in found:
            if value:
                found[name].append(value)
        elif token.strip():
            words.append(" ".join(token.split()).casefold())
    return AnnotationFilter(
        tags=tuple(found["tag"]),
        colors=tuple(found["color"]),
        speakers=tuple(found["speaker"]),
        statuses=tuple(found["status"]),
        words=tuple(words),
    )
