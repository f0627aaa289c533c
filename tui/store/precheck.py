"""A cheap look at the database before the reader starts: orjson and the schema, no TinyDB, no lock.

``quotelens FILE`` must refuse a corrupt, newer or unreadable database with one line before
Textual starts, yet opening the :class:`~tui.store.library.Library` (TinyDB, filelock, and
rapidfuzz for re-anchoring) costs a quarter of a bare Textual start-up.  So ``read.py`` calls
:func:`precheck` first; it refuses what :meth:`Library.open` would refuse and hands back the
saved reading position, so the first frame is already at the reader's place; the Library
itself opens after that first frame.  Nothing here writes the database.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from . import schema
from .errors import CorruptDatabase, StoreError


@dataclass(frozen=True)
class Precheck:
    """What the reader needs before its first frame."""

    path: Path  # the database file, ``~`` expanded, symlinks followed
    position: int | None  # the saved reading position of the document, clamped to its text


def document_sha(text: str) -> str:
    """The id a document is stored under: :func:`tui.store.library.document_id` (same formula)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def precheck(path: str | os.PathLike, text: str, source: str | None = None) -> Precheck:
    """Refuse what ``Library.open`` would refuse; return the position saved for ``text``.

    Raises :class:`~tui.store.errors.CorruptDatabase`, :class:`~tui.store.errors.NewerDatabase`
    or :class:`~tui.store.errors.StoreError` (one line each; the file is never touched).  A
    missing or empty file is a new database: no position.  ``source`` is the document's path:
    when the text was edited since the last visit, the position saved under the old text is the
    one the Library will carry over (see ``Library.register``).
    """
    path = Path(path).expanduser()
    if path.is_symlink():
        path = path.resolve()
    if path.is_dir():
        raise CorruptDatabase(f"{path}: is a folder, not a database file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # Library.open would create it too
    except OSError as err:
        raise StoreError(f"cannot create {path.parent}: {err.strerror or err}") from None
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return Precheck(path, None)
    except OSError as err:
        raise StoreError(f"{path}: {err.strerror or err}") from None
    if not stat.S_ISREG(mode):  # /dev/null would be replaced by the first save; a FIFO would hang here
        raise StoreError(f"{path}: not a regular file; use --db PATH for a database file")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Precheck(path, None)
    except PermissionError:
        raise StoreError(f"{path}: permission denied") from None
    except OSError as err:
        raise StoreError(f"{path}: {err.strerror or err}") from None
    if not raw:
        return Precheck(path, None)
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise CorruptDatabase(f"{path}: not a quotelens database (the file is not valid JSON)"
                              + schema.UNTOUCHED) from None
    version = schema.version_of(data, str(path))
    if version is None:
        return Precheck(path, None)
    if version < schema.SCHEMA_VERSION:
        data = schema.migrate(data, version, str(path))  # our own parsed copy: the file is untouched
    else:
        schema.validate(data, str(path))
    return Precheck(path, _position(data, text, source))


def _position(data: dict[str, Any], text: str, source: str | None) -> int | None:
    positions = list(data.get(schema.POSITIONS, {}).values())
    sha = document_sha(text)
    found = next((r["offset"] for r in positions if r["doc_id"] == sha), None)
    if found is None and source and source != "-":
        where = os.path.abspath(source)
        old = {r.get("doc_id") for r in data.get(schema.DOCUMENTS, {}).values()
               if r.get("path") == where and r.get("doc_id") != sha}
        found = next((r["offset"] for r in positions if r["doc_id"] in old), None)
    if found is None:
        return None
    return max(0, min(int(found), len(text)))
