"""One row of the annotations pane."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AnnotationRow:
    id: str
    start: int | None  # offset in the document; None when orphaned
    excerpt: str
    note: str
    tags: tuple[str, ...]
    color: str | None  # a HIGHLIGHTS name
    speaker: str | None  # who said the annotated words, when it is a quote
    status: str  # anchored, moved or orphan

    @property
    def is_orphan(self) -> bool:
        return self.status == "orphan" or self.start is None


def in_document_order(rows: list[AnnotationRow] | tuple[AnnotationRow, ...]) -> tuple[list[AnnotationRow], list[AnnotationRow]]:
    """(placed rows by position, orphans in their given order)."""
    placed = sorted((r for r in rows if not r.is_orphan), key=lambda r: r.start or 0)
    orphans = [r for r in rows if r.is_orphan]
    return placed, orphans
