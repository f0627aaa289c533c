"""What the annotation editor hands back: a note, tags and a highlight colour."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AnnotationDraft:
    note: str
    tags: tuple[str, ...]
    color: str | None


def clean_tags(items: Iterable[str], known_tags: Iterable[str] = ()) -> tuple[str, ...]:
    """Tags trimmed, inner whitespace collapsed, empty ones dropped, duplicates removed.

    Duplicates are found ignoring case (the first spelling wins); a tag matching a known tag
    ignoring case takes the known spelling, so "Climate" and "climate" do not both exist.
    """
    known = {t.casefold(): t for t in (" ".join(k.split()) for k in known_tags) if t}
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        tag = " ".join(str(item).split())
        key = tag.casefold()
        if not tag or key in seen:
            continue
        seen.add(key)
        out.append(known.get(key, tag))
    return tuple(out)


def parse_tags(text: str, known_tags: Iterable[str] = ()) -> tuple[str, ...]:
    """The tags in a comma-separated string (see ``clean_tags``)."""
    return clean_tags(text.split(","), known_tags)


def format_tags(tags: Iterable[str]) -> str:
    """Tags as the editor's comma-separated text."""
    return ", ".join(tags)
