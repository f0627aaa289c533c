"""A TinyDB storage that never leaves a half-written file and never loses another process's writes.

* Every write goes to a temporary file in the database's folder, is fsynced, and replaces
  the database with ``os.replace``; then the folder is fsynced.  A crash at any moment leaves
  either the old file or the new one, both complete.
* Inside a :meth:`AtomicJSONStorage.batch` (which the library runs under a cross-process
  file lock) reads come from one fresh snapshot and all writes are flushed once, at the end,
  before the batch returns: unlike TinyDB's CachingMiddleware nothing waits in memory after
  a call has returned.
* The file is re-read only when its ``(inode, size, mtime_ns, ctime_ns)`` differs from what
  we last read or wrote, so a process that is the only writer never parses the file again.
* Serialisation is orjson; every file read is checked by a validator before it is used.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from .database_file import Validator, read_database
from .database_file import stat_key as _stat_key
from .errors import ReadOnlyDatabase, StoreError

MISSING = ("missing",)


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # e.g. Windows: folders cannot be opened; the rename is still atomic
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_UMASK: list[int] = []


def _new_file_mode() -> int:
    """The mode ``open()`` would give a new file: 0666 less the umask (read once)."""
    if not _UMASK:
        mask = os.umask(0o022)
        os.umask(mask)
        _UMASK.append(mask)
    return 0o666 & ~_UMASK[0]


def _keep_mode_and_owner(fd: int, before: os.stat_result | None) -> None:
    """The replacement gets the replaced file's permissions, and its owner and group where we may
    give them (root may; a user may keep a group they belong to): a shared 0660 database stays
    shared, and a save under sudo does not lock its owner out.  A new file gets the umask's mode."""
    if before is None:
        os.fchmod(fd, _new_file_mode())
        return
    if (before.st_uid, before.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(fd, before.st_uid, before.st_gid)
        except OSError:
            try:  # not allowed to give the file away: keep at least its group
                os.fchown(fd, -1, before.st_gid)
            except OSError:
                pass
    os.fchmod(fd, stat.S_IMODE(before.st_mode))  # after chown, which may clear set-id bits


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that a crash leaves the old or the new file, never a mix;
    the file keeps its permissions and (where allowed) its owner."""
    try:
        before: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        before = None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        _keep_mode_and_owner(fd, before)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    fsync_dir(path.parent)


class AtomicJSONStorage(Storage):
    """TinyDB storage: orjson, atomic replace with fsync, re-read only when the file changed."""

    def __init__(self, path: str | os.PathLike[str], validate: Validator | None = None,
                 before_write: Callable[[dict[str, Any]], object] | None = None,
                 parsed: tuple[dict[str, Any] | None, tuple[int, ...] | None] | None = None,
                 read_only: bool = False, **_: Any) -> None:
        """``parsed``: the file's contents and :func:`stat_key` as the opener already read and
        checked them, so the file is not parsed a second time.  ``read_only``: every write
        raises :class:`ReadOnlyDatabase`."""
        self.path = Path(path)
        self._validate = validate
        self._before_write = before_write
        self.read_only = read_only
        self._data: dict[str, Any] | None = None
        self._key: tuple[int, ...] | tuple[str] | None = None
        if parsed is not None and parsed[1] is not None:
            self._data, self._key = parsed
        self._batch = 0
        self._dirty = False

    # -- TinyDB's interface -------------------------------------------------------------
    def read(self) -> dict[str, Any]:
        """The database as a dict (empty for a new file).  It is this storage's cached copy:
        TinyDB changes it in place and then calls :meth:`write`."""
        if not (self._batch and self._key is not None):
            self._refresh()
        if self._data is None:
            self._data = {}
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        if self.read_only:
            self.forget()
            raise ReadOnlyDatabase(f"{self.path}: opened read-only; nothing was changed")
        self._data = data
        if self._batch:
            self._dirty = True
        else:
            self._flush()

    def close(self) -> None:
        pass

    # -- batches ---------------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        """One snapshot, one flush.  Call it while holding the database's cross-process lock."""
        if self._batch:
            self._batch += 1
            try:
                yield
            finally:
                self._batch -= 1
            return
        self._refresh()
        self._batch = 1
        self._dirty = False
        try:
            yield
            if self._dirty:
                self._flush()
        except BaseException:
            self.forget()  # the in-memory copy may hold writes that never reached the disk
            raise
        finally:
            self._batch = 0
            self._dirty = False

    def forget(self) -> None:
        """Drop the cached copy so the next read parses the file again."""
        self._data = None
        self._key = None

    def snapshot(self) -> dict[str, Any]:
        """The current database (refreshed if the file changed).  Do not mutate it."""
        return self.read()

    # -- disk ------------------------------------------------------------------------
    def _refresh(self) -> None:
        try:
            key = _stat_key(os.stat(self.path))
        except FileNotFoundError:
            if self._key != MISSING:  # keep the copy TinyDB may be filling for a first write
                self._data, self._key = None, MISSING
            return
        except OSError as err:
            raise StoreError(f"{self.path}: {err.strerror or err}") from None
        if key == self._key:
            return
        self._data, self._key = read_database(self.path, self._validate)
        if self._key is None:
            self._key = MISSING

    def _flush(self) -> None:
        if self._data is None:
            self._data = {}
        if self._before_write is not None:
            self._before_write(self._data)
        payload = orjson.dumps(self._data)
        try:
            atomic_write_bytes(self.path, payload)
            self._key = _stat_key(os.stat(self.path))
        except BaseException as err:
            self.forget()
            if isinstance(err, OSError):
                raise StoreError(f"could not save {self.path}: {err.strerror or err}") from err
            raise
