"""Read-only views of one document's records, from the parsed database: nothing is registered,
re-keyed or written (``quotelens export`` and ``quotelens changes`` are read commands).

They see what :class:`~tui.store.library.Library` would hand out after registering the document:
the records of this text and of earlier versions of the same file, re-anchored in memory.
"""

from __future__ import annotations

from typing import Any

from ..engine.model import Document
from . import schema
from .anchoring import Selector, anchor
from .corrections import Corrections, from_records
from .database_file import document_id, source_path
from .records import Placement, from_record

_STATUS_ORDER = {"anchored": 0, "moved": 0, "orphan": 1}


def doc_ids(data: dict[str, Any], doc: Document) -> set[str]:
    """The ids ``doc``'s records may be under: its text's, and those of earlier versions of its file."""
    from .visits import document_key

    sha, path = document_id(doc), source_path(doc.source)
    ids = {sha, document_key(data, doc)}
    if path:
        ids |= {r["doc_id"] for r in data.get(schema.DOCUMENTS, {}).values() if r.get("path") == path}
    return ids


def placements(data: dict[str, Any], doc: Document) -> list[Placement]:
    """The annotations of ``doc`` re-anchored in its text, without writing: those of this text and
    of earlier versions of its file.  Document order, orphans last."""
    ids = doc_ids(data, doc)
    out = []
    for r in data.get(schema.ANNOTATIONS, {}).values():
        if r["doc_id"] not in ids:
            continue
        a = from_record(r)
        found = anchor(doc.text, Selector(a.exact, a.prefix, a.suffix, a.start, a.end))
        out.append(Placement(a, found.status, found.start, found.end))
    out.sort(key=lambda p: (_STATUS_ORDER[p.status], p.start or 0, p.end or 0, p.annotation.created))
    return out


def corrections(data: dict[str, Any], doc: Document) -> Corrections:
    """The reader's corrections of ``doc``, in the order they were made, reassignments re-anchored."""
    ids = doc_ids(data, doc)
    return from_records(doc.text, (r for r in data.get(schema.CORRECTIONS, {}).values() if r["doc_id"] in ids))
