"""Checking a database file: the one path that both the reader's pre-check and ``Library.open`` take.

:func:`load_database` checks the path (a symbolic link is followed, a loop, a folder, a device
or a pipe is refused), reads and parses the file, and checks its shape and version, migrating an
older one in memory.  :mod:`tui.store.precheck` calls it before Textual starts and
:meth:`tui.store.library.Library.open` calls it under the file lock, so the two can never
disagree about which files they refuse.  Light on purpose (orjson and the schema: no TinyDB,
filelock or rapidfuzz), and it never writes the file (it only makes the folder).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import orjson

from ..engine.sanitize import escape_surrogates
from . import schema
from .errors import CorruptDatabase, StoreError

if TYPE_CHECKING:
    from ..engine.model import Document

Validator = Callable[[Any, str], object]


def document_id(doc: Document | str) -> str:
    """The id a document is stored under: the sha256 of its canonical text (a Document or the text)."""
    text = doc if isinstance(doc, str) else doc.text
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


STDIN = "-"
_SCHEME = re.compile(r"quotelens:")  # "quotelens:sample": a built-in name, not a file (notes:2024.txt stays a path)


def source_path(source: str | None) -> str | None:
    """The absolute path a document's ``source`` names, as it is stored; None when it names no file.

    Standard input (``-``) and built-in documents (``quotelens:sample``)
    are no path: documents from them are never re-keyed by path, so a file that happens to be
    called ``sample`` in the current folder has nothing to do with the sample.  A name in a
    broken encoding holds lone surrogates, which JSON cannot store: its bytes are kept as
    escapes, so that two such names stay apart.
    """
    if not source or source == STDIN or _SCHEME.match(source):
        return None
    return escape_surrogates(os.path.abspath(source))


@dataclass(frozen=True)
class LoadedDatabase:
    """A database file that passed every check."""

    path: Path  # ``~`` expanded, symbolic links followed
    data: dict | None  # at the current schema version (migrated in memory); None or tables only when new
    version: int | None  # the version written in the file; None for a missing or empty file


def database_path(path: str | os.PathLike) -> Path:
    """The file ``path`` names (``~`` expanded, links followed), its folder made; refuse what is no file.

    Raises :class:`CorruptDatabase` (a folder) or :class:`StoreError` (a link loop, a device, a
    pipe, a folder that cannot be made), each one line.
    """
    path = Path(path).expanduser()
    try:
        if path.is_symlink():  # write through the link (os.replace would replace the link itself)
            path = path.resolve()
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):  # the folders are made below, or say why not
        st = None
    except (OSError, RuntimeError) as err:  # RuntimeError: a symbolic link that loops (Python < 3.13)
        raise StoreError(f"{path}: cannot be opened: {getattr(err, 'strerror', None) or err}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise CorruptDatabase(f"{path}: is a folder, not a database file")
    if st is not None and not stat.S_ISREG(st.st_mode):
        # a pipe would block the read; a device (--db /dev/null) would be replaced by the save
        raise StoreError(f"{path}: not a regular file (a device or a pipe); use --db FILE for the database")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(f"cannot create {path.parent}: {err.strerror or err}") from None
    return path


def stat_key(st: os.stat_result) -> tuple[int, int, int, int, int]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def read_database(path: Path, validate: Validator | None = None) -> tuple[Any, tuple | None]:
    """Read and parse ``path``: ``(data, stat_key)``; ``(None, None)`` when it is missing or 0 bytes."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            raw = fh.read()
    except FileNotFoundError:
        return None, None
    except IsADirectoryError:
        raise CorruptDatabase(f"{path}: is a folder, not a database file") from None
    except PermissionError:
        raise StoreError(f"{path}: permission denied") from None
    except OSError as err:
        raise StoreError(f"{path}: {err.strerror or err}") from None
    if not raw:
        return None, stat_key(st)
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise CorruptDatabase(f"{path}: not a quotelens database (the file is not valid JSON)"
                              + schema.UNTOUCHED) from None
    if data is None:  # JSON ``null`` is not an empty database: refuse it rather than overwrite it
        raise CorruptDatabase(f"{path}: not a quotelens database (unexpected JSON shape)" + schema.UNTOUCHED)
    if validate is not None:
        validate(data, str(path))
    return data, stat_key(st)


def load_database(path: str | os.PathLike) -> LoadedDatabase:
    """Check ``path`` and its contents; raise what a reader must be told (one line), or return them.

    Raises :class:`CorruptDatabase`, :class:`~tui.store.errors.NewerDatabase` or
    :class:`StoreError`; the file is never written.
    """
    path = database_path(path)
    data, _ = read_database(path)
    version = schema.version_of(data, str(path))
    if version is None:
        return LoadedDatabase(path, data, None)
    if version < schema.SCHEMA_VERSION:
        data = schema.migrate(data, version, str(path))  # our own parsed copy: the file is untouched
    else:
        schema.validate(data, str(path))
    return LoadedDatabase(path, data, version)
