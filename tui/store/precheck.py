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
from .database_file import LoadedDatabase, check_writable, load_database, resolve_document


@dataclass(frozen=True)
class Precheck:
    """What the reader needs before its first frame."""

    path: Path  # the database file, ``~`` expanded, symlinks followed
    position: int | None  # the saved reading position of the document, clamped to its text
    loaded: LoadedDatabase | None = None  # what was parsed: ``Library.open(loaded=...)`` need not parse it again


def precheck(path: str | os.PathLike[str], text: str, source: str | None = None) -> Precheck:
    """Refuse what ``Library.open`` would refuse; return the position saved for ``text``.

    Raises :class:`~tui.store.errors.CorruptDatabase`, :class:`~tui.store.errors.NewerDatabase`,
    :class:`~tui.store.errors.ReadOnlyDatabase` or :class:`~tui.store.errors.StoreError` (one line each; the file is never touched): the
    checks are :func:`~tui.store.database_file.load_database`, which ``Library.open`` runs too.
    A missing or empty file is a new database: no position.  ``source`` is the document's path:
    a file keeps its position when its text is edited (see
    :func:`~tui.store.database_file.resolve_document`).
    """
    found = load_database(path)
    check_writable(found.path)  # the reader saves its position: a read-only database is refused now
    if found.version is None or found.data is None:
        return Precheck(found.path, None, found)
    return Precheck(found.path, _position(found.data, text, source), found)


def _position(data: dict[str, Any], text: str, source: str | None) -> int | None:
    doc_id = resolve_document(data, text, source)[0]  # the Library's answer to "which document is this"
    found = next((r["offset"] for r in data.get(schema.POSITIONS, {}).values() if r["doc_id"] == doc_id), None)
    if found is None:
        return None
    return max(0, min(int(found), len(text)))
