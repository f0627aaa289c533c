"""The header's line: the document's title, then its byline, date and source when it names them."""

from __future__ import annotations

from ..engine.model import Document

SEPARATOR = " · "


def header_title(doc: Document) -> str:
    """``Title · Byline · Date · Source``; the source only when it is more than the file's own path
    (a site's name, or the address a page came from)."""
    meta = doc.meta
    parts = [doc.title]
    byline = meta.byline
    if byline and byline.casefold() not in doc.title.casefold():
        parts.append(byline if byline.lower().startswith("by ") else f"by {byline}")
    if meta.date:
        parts.append(meta.date)
    if meta.source and meta.source != doc.source and meta.source != doc.title:
        parts.append(meta.source)
    return SEPARATOR.join(" ".join(p.split()) for p in parts if p)
