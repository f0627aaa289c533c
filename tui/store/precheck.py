"""A cheap look at the database before the reader starts: orjson and the schema, no TinyDB, no lock.

``quotelens FILE`` must refuse a corrupt, newer or unreadable database with one line before
Textual starts, yet opening the :class:`~tui.store.library.Library` (TinyDB, filelock, and
rapidfuzz for re-anchoring) costs a quarter of a bare Textual start-up.  So ``read.py`` calls
:func:`precheck` first; it refuses what :meth:`Library.open` would refuse and hands back the
saved reading position, so the first frame is already at the reader's place; the Library
itself opens after that first frame.  Nothing here writes the database.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import schema
from .database_file import document_id, load_database, source_path


@dataclass(frozen=True)
class Precheck:
    """What the reader needs before its first frame."""

    path: Path  # the database file, ``~`` expanded, symlinks followed
    position: int | None  # the saved reading position of the document, clamped to its text


def precheck(path: str | os.PathLike, text: str, source: str | None = None) -> Precheck:
    """Refuse what ``Library.open`` would refuse; return the position saved for ``text``.

    Raises :class:`~tui.store.errors.CorruptDatabase`, :class:`~tui.store.errors.NewerDatabase`
    or :class:`~tui.store.errors.StoreError` (one line each; the file is never touched): the
    checks are :func:`~tui.store.database_file.load_database`, which ``Library.open`` runs too.
    A missing or empty file is a new database: no position.  ``source`` is the document's path:
    when the text was edited since the last visit, the position saved under the old text is the
    one the Library will carry over (see ``Library.register``).
    """
    found = load_database(path)
    if found.version is None or found.data is None:
        return Precheck(found.path, None)
    return Precheck(found.path, _position(found.data, text, source))


def _position(data: dict[str, Any], text: str, source: str | None) -> int | None:
    positions = list(data.get(schema.POSITIONS, {}).values())
    sha = document_id(text)
    found = next((r["offset"] for r in positions if r["doc_id"] == sha), None)
    where = source_path(source)
    if found is None and where is not None:
        old = {r.get("doc_id") for r in data.get(schema.DOCUMENTS, {}).values()
               if r.get("path") == where and r.get("doc_id") != sha}
        found = next((r["offset"] for r in positions if r["doc_id"] in old), None)
    if found is None:
        return None
    return max(0, min(int(found), len(text)))
