"""What the annotation editor hands back: a note, tags and a highlight colour."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ...store.records import clean_tags as store_clean_tags


@dataclass(frozen=True, slots=True)
class AnnotationDraft:
    note: str
    tags: tuple[str, ...]
    color: str | None


def clean_tags(items: Iterable[str], known_tags: Iterable[str] = ()) -> tuple[str, ...]:
    """The store's rule for tags (:func:`tui.store.records.clean_tags`: trimmed, single-spaced, no
    empty ones, duplicates ignoring case dropped, the first spelling kept), and then a tag that
    matches a known tag ignoring case takes the known spelling, so "Climate" and "climate" do
    not both exist.
    """
    known = {t.casefold(): t for t in store_clean_tags(tuple(known_tags))}
    return tuple(known.get(t.casefold(), t) for t in store_clean_tags(tuple(str(i) for i in items)))


def parse_tags(text: str, known_tags: Iterable[str] = ()) -> tuple[str, ...]:
    """The tags in a comma-separated string (see ``clean_tags``)."""
    return clean_tags(text.split(","), known_tags)


def format_tags(tags: Iterable[str]) -> str:
    """Tags as the editor's comma-separated text."""
    return ", ".join(tags)
