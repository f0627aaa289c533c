"""A document's citation: title, byline, date and source, whatever the loader knew.

One function, :func:`citation`, so that every export and the clipboard cite a document the same
way.  What the loader read from the document (``Document.meta``: title, byline, date, source)
comes first; where it is silent, the title is the document's first heading (else the title the
loader chose), the source the path it was read from, and byline and date are unknown.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .model import Document

_NOT_A_PATH = ("-", "quotelens:")


@dataclass(frozen=True, slots=True)
class Citation:
    title: str
    byline: str = ""
    date: str = ""  # as the document gives it (ISO 8601 when the loader could read it)
    source: str = ""  # a URL or site name when known, else the file's path
    path: str = ""  # the file it was read from ("" for standard input and built-in documents)

    def line(self) -> str:
        """``Title — byline, source, date`` with the unknown parts left out."""
        rest = ", ".join(p for p in (self.byline, self.source, self.date) if p)
        return f"{self.title} — {rest}" if rest else self.title


def _first_heading(doc: Document) -> str:
    for block in doc.blocks:
        if block.kind == "heading":
            text = " ".join(doc.text[block.start:block.end].split())
            if text:
                return text
    return doc.title


def document_path(doc: Document) -> str:
    """The file ``doc`` was read from, absolute; "" for standard input, a URL or a built-in document."""
    source = doc.source or ""
    if not source or source == "-" or source.startswith(_NOT_A_PATH[1]) or "://" in source:
        return ""
    return os.path.abspath(source)


def _field(meta: object, name: str) -> str:
    value = getattr(meta, name, None) if not isinstance(meta, dict) else meta.get(name)
    return " ".join(value.split()) if isinstance(value, str) else ""


def citation(doc: Document) -> Citation:
    """How to cite ``doc``."""
    path = document_path(doc)
    meta = doc.meta
    fallback = path or (doc.source if doc.source and "://" in doc.source else "")
    source = _field(meta, "source")
    if source.startswith(_NOT_A_PATH[1]):  # a built-in document ("quotelens:sample") has no source to cite
        source = ""
    return Citation(_field(meta, "title") or _first_heading(doc), _field(meta, "byline"), _field(meta, "date"),
                    source or fallback, path)
