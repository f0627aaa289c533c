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
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import orjson
from tinydb.storages import Storage

from .database_file import Validator, read_database
from .database_file import stat_key as _stat_key
from .errors import StoreError
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


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that a crash leaves the old or the new file, never a mix."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
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

    def __init__(self, path: str | os.PathLike, validate: Validator | None = None,
                 before_write: Callable[[dict], object] | None = None, **_: Any) -> None:
        self.path = Path(path)
        self._validate = validate
        self._before_write = before_write
        self._data: dict | None = None
        self._key: tuple | None = None
        self._batch = 0
        self._dirty = False

    # -- TinyDB's interface -------------------------------------------------------------
    def read(self) -> dict:
        """The database as a dict (empty for a new file).  It is this storage's cached copy:
        TinyDB changes it in place and then calls :meth:`write`."""
        if not (self._batch and self._key is not None):
            self._refresh()
        if self._data is None:
            self._data = {}
        return self._data

    def write(self, data: dict) -> None:
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

    def snapshot(self) -> dict:
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
