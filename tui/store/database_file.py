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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from ..engine.sanitize import escape_surrogates
from . import schema
from .errors import CorruptDatabase, ReadOnlyDatabase, StoreError

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


def stored_text_id(record: dict[str, Any]) -> str:
    """The sha256 of the text a document record was last registered with (``doc_id`` before
    the record kept it apart: a document's id was once the hash of its text)."""
    sha = record.get("sha")
    return sha if isinstance(sha, str) else str(record.get("doc_id"))


def _newest(records: list[tuple[str, dict[str, Any]]]) -> tuple[str, dict[str, Any]]:
    return max(records, key=lambda kr: (str(kr[1].get("seen") or ""), int(kr[0])))


def resolve_document(data: dict[str, Any] | None, text: str, source: str | None
                     ) -> tuple[str, str | None]:
    """``(doc_id, record key or None)``: which stored document ``text`` read from ``source`` is.

    A document read from a file is the file: its path keeps its id (and so its annotations,
    corrections and reading position) however its text is edited.  A file never seen before
    whose text is that of a stored document takes that document over only when the stored one
    came from no file (standard input) or from a file that is gone (moved or renamed); a copy
    next to its original starts empty.  A document from no file (standard input, the sample) is
    its text.  Pure: nothing is written (:meth:`Library.register` writes what this decides).
    """
    sha = document_id(text)
    docs = (data or {}).get(schema.DOCUMENTS, {})
    where = source_path(source)
    if where is None:
        mine = [(k, r) for k, r in docs.items() if r.get("doc_id") == sha]
        return sha, (mine[0][0] if mine else None)
    same_path = [(k, r) for k, r in docs.items() if r.get("path") == where]
    if same_path:
        current = [(k, r) for k, r in same_path if stored_text_id(r) == sha]
        key, rec = _newest(current or same_path)
        return str(rec["doc_id"]), key
    for key, rec in docs.items():
        if stored_text_id(rec) == sha:
            old = rec.get("path")
            if old is None or not _exists(old):  # read from a pipe before, or moved here
                return str(rec["doc_id"]), key
    taken = {r.get("doc_id") for r in docs.values()}
    if sha not in taken:
        return sha, None
    return hashlib.sha256(f"{where}\0{sha}".encode("utf-8", "surrogatepass")).hexdigest(), None


def _exists(path: str) -> bool:
    try:
        return os.path.exists(path)
    except (OSError, ValueError):
        return False


@dataclass(frozen=True)
class LoadedDatabase:
    """A database file that passed every check."""

    path: Path  # ``~`` expanded, symbolic links followed
    data: dict | None  # at the current schema version (migrated in memory); None or tables only when new
    version: int | None  # the version written in the file; None for a missing or empty file
    key: tuple[int, ...] | None = None  # the file's stat_key when it was read (None: missing)


def database_path(path: str | os.PathLike[str], make_folder: bool = True) -> Path:
    """The file ``path`` names (``~`` expanded, links followed), its folder made (unless
    ``make_folder`` is false: a read never writes, not even a folder); refuse what is no file.

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
    if make_folder:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot create {path.parent}: {err.strerror or err}") from None
    return path


def check_writable(path: Path) -> None:
    """Refuse to write a database its owner made read-only (no write permission bit, or none
    for us), or one in a folder we cannot write (the atomic save makes a file beside it).
    Raises :class:`ReadOnlyDatabase`; checked before anything is written."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as err:
        raise StoreError(f"{path}: {err.strerror or err}") from None
    if st is not None and (not st.st_mode & 0o222 or not os.access(path, os.W_OK)):
        raise ReadOnlyDatabase(f"{path}: the database is read-only (mode {stat.S_IMODE(st.st_mode):04o}); "
                               "nothing was changed (make it writable, or use --db PATH for another database)")
    if path.parent.is_dir() and not os.access(path.parent, os.W_OK):
        raise ReadOnlyDatabase(f"{path}: its folder is read-only, so the database cannot be saved; "
                               "nothing was changed (use --db PATH for another database)")


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


def load_database(path: str | os.PathLike[str], make_folder: bool = True) -> LoadedDatabase:
    """Check ``path`` and its contents; raise what a reader must be told (one line), or return them.

    Raises :class:`CorruptDatabase`, :class:`~tui.store.errors.NewerDatabase` or
    :class:`StoreError`; the file is never written.
    """
    path = database_path(path, make_folder)
    data, key = read_database(path)
    version = schema.version_of(data, str(path))
    if version is None:
        return LoadedDatabase(path, data, None, key)
    if version < schema.SCHEMA_VERSION:
        data = schema.migrate(data, version, str(path))  # our own parsed copy: the file is untouched
    else:
        schema.validate(data, str(path))
    return LoadedDatabase(path, data, version, key)
