"""CSV exports: one row per quotation, or one row per annotation (RFC 4180, via the csv module)."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from ..engine.model import Document

if TYPE_CHECKING:
    from . import Bundle

QUOTE_COLUMNS = ("speaker", "quote", "cue", "method", "confidence", "paragraph", "start", "end", "kind")
ANNOTATION_COLUMNS = ("id", "status", "start", "end", "text", "note", "tags", "color", "speaker", "paragraph",
                      "created", "updated")


def paragraph_number(doc: Document, offset: int) -> int | str:
    """The 1-based number of the block (paragraph, heading, list item...) holding ``offset``."""
    i = doc.block_index_at(offset)
    return "" if i is None else i + 1


def _csv(header: tuple[str, ...], rows: list[list[object]]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()


def quotes_csv(bundle: Bundle) -> str:
    """Every quotation (speech; titles and scare quotes are not quotations), in reading order."""
    doc, analysis = bundle.doc, bundle.analysis
    rows: list[list[object]] = []
    for q in analysis.quotes:
        if q.is_mark:
            continue
        speaker = analysis.speaker_of(q)
        rows.append([speaker.name if speaker else "", doc.text[q.start:q.end], q.cue or "", q.method,
                     f"{q.confidence:.2f}", paragraph_number(doc, q.start), q.start, q.end, q.kind])
    return _csv(QUOTE_COLUMNS, rows)


def speaker_at(bundle: Bundle, offset: int | None) -> str:
    if offset is None:
        return ""
    for q in bundle.analysis.quotes:
        if q.mark_start <= offset < q.mark_end and not q.is_mark:
            speaker = bundle.analysis.speaker_of(q)
            return speaker.name if speaker else ""
    return ""


def annotations_csv(bundle: Bundle) -> str:
    """Every annotation where it sits now (orphans last, with their saved words); tags joined by "; "."""
    doc = bundle.doc
    rows: list[list[object]] = []
    for p in bundle.placements:
        a = p.annotation
        text = doc.text[p.start:p.end] if p.start is not None and p.end is not None else a.exact
        rows.append([a.id, p.status, "" if p.start is None else p.start, "" if p.end is None else p.end, text,
                     a.note, "; ".join(a.tags), a.color or "", speaker_at(bundle, p.start),
                     "" if p.start is None else paragraph_number(doc, p.start), a.created, a.updated])
    return _csv(ANNOTATION_COLUMNS, rows)
