"""Exports of a document: its quotations, speakers and annotations, as Markdown, CSV or W3C Web
Annotation JSON-LD; and the import of W3C annotations.

Imports the engine and the store, never Textual: the CLI and the app share it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..engine import Analysis, Document, analyze
from ..engine.meta import Citation, citation
from ..store.corrections import apply_corrections
from ..store.records import Placement
from ..store.snapshot import corrections, placements
from ..store.visits import document_key

FORMATS = ("md", "csv", "w3c")


@dataclass(frozen=True)
class Bundle:
    """Everything an export of one document says: read only, nothing is written to the database."""

    doc: Document
    cite: Citation
    doc_id: str
    analysis: Analysis  # the reader's corrections applied
    placements: tuple[Placement, ...]


def gather(doc: Document, data: dict[str, Any], analysis: Analysis | None = None) -> Bundle:
    """``doc`` with its quotations (``analysis``, else found now) corrected as the reader said,
    and its annotations re-anchored, from the parsed database ``data``."""
    if analysis is None:
        analysis = apply_corrections(analyze(doc), corrections(data, doc))
    return Bundle(doc, citation(doc), document_key(data, doc), analysis, tuple(placements(data, doc)))


def render(bundle: Bundle, fmt: str, what: str = "quotes") -> str:
    """The export as text: ``fmt`` is md, csv or w3c; ``what`` (csv only) is quotes or annotations."""
    if fmt == "md":
        from .markdown import to_markdown

        return to_markdown(bundle)
    if fmt == "csv":
        from .table import annotations_csv, quotes_csv

        return annotations_csv(bundle) if what == "annotations" else quotes_csv(bundle)
    if fmt == "w3c":
        from .w3c import dumps, to_w3c

        return dumps(to_w3c(bundle))
    raise ValueError(f"unknown export format {fmt!r}")
