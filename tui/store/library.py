"""The annotation library: one TinyDB file shared by every quotelens process on the machine.

Threading and speed: every method is synchronous and returns once the change is on disk
(fsynced).  A save with 10,000 annotations stored takes a few milliseconds to a few tens
of milliseconds depending on the disk (see ``benchmarks/save_latency.py``); a UI should
call the writing methods from a worker thread (``@work(thread=True)``) when it must never
stutter.  One Library may be shared by threads: calls are serialised by a lock.  Several
processes may open the same file: each write is a read-modify-write under a file lock,
re-reading the file first when another process changed it, so nobody's work is lost.
"""

from __future__ import annotations

import copy
import os
import shutil
import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from filelock import FileLock, Timeout
from tinydb import TinyDB

from ..engine.model import Document
from . import schema
from .anchoring import Selector, anchor, make_selector
from .corrections import Corrections, from_records
from .database_file import (
    LoadedDatabase,
    check_writable,
    database_path,
    document_id,
    load_database,
    resolve_document,
    source_path,
    stat_key,
    stored_text_id,
)
from .errors import DatabaseBusy, InvalidAnnotation, ReadOnlyDatabase, StoreError, UnknownAnnotation
from .records import (
    Annotation,
    Placement,
    check_color,
    clean_note,
    clean_tags,
    from_record,
    now_iso,
    to_record,
    with_selectors,
)
from .storage import AtomicJSONStorage, atomic_write_bytes

LOCK_TIMEOUT = 15.0
LOCK_POLL = 0.002  # short: the lock is held for milliseconds, and a waiter should get its turn
_STATUS_ORDER = {"anchored": 0, "moved": 0, "orphan": 1}


class _DB(TinyDB):
    """TinyDB with tables that keep no query cache (other processes write the same file)."""

    default_table_name = schema.META


def _source_path(doc: Document) -> str | None:
    return source_path(doc.source)


def _check_range(doc: Document, start: Any, end: Any) -> tuple[int, int]:
    if isinstance(start, bool) or isinstance(end, bool) or not isinstance(start, int) or not isinstance(end, int):
        raise InvalidAnnotation("start and end must be whole numbers")
    if not 0 <= start < end <= len(doc.text):
        raise InvalidAnnotation(f"range {start}–{end} is outside the document (0–{len(doc.text)})")
    return start, end


def _clean_name(name: Any) -> str:
    if not isinstance(name, str) or not " ".join(clean_note(name).split()):
        raise InvalidAnnotation("a speaker needs a name")
    return " ".join(clean_note(name).split())


class Library:
    """Annotations, reader corrections and reading positions for every document."""

    def __init__(self, path: Path, *, read_only: bool = False, loaded: LoadedDatabase | None = None) -> None:
        """Use :meth:`open`, which checks, creates or upgrades the file first (and hands over what
        it parsed as ``loaded``, so the file is parsed once)."""
        self.path = path
        self.read_only = read_only
        self._flock = FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT)
        self._tlock = threading.RLock()
        parsed = (loaded.data, loaded.key) if loaded is not None else None
        self._db = _DB(path, storage=AtomicJSONStorage, validate=schema.validate,
                       before_write=schema.ensure_stamp, parsed=parsed, read_only=read_only)
        storage = self._db.storage
        assert isinstance(storage, AtomicJSONStorage)
        self._storage = storage
        # Hints that spare a scan of 10,000 records per save; both are checked against the
        # records before use and worked out again when they do not hold (see _insert, _find).
        self._next_key: dict[str, tuple[int, int]] = {}  # table -> (id(records), next free id)
        self._ann_keys: tuple[int, dict[str, str]] = (0, {})  # (id(records), annotation id -> key)

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False,
             loaded: LoadedDatabase | None = None) -> Library:
        """Open (creating folder and file as needed) the database at ``path``.

        Raises :class:`CorruptDatabase` or :class:`NewerDatabase` (file untouched),
        :class:`ReadOnlyDatabase` (a database its owner made read-only: refused before anything
        is written) or :class:`StoreError` (folder not writable, lock held too long).  An older
        database is upgraded in place after a copy is kept next to it (``NAME.vN.bak``).

        ``read_only=True`` (listings, ``quotes --corrected``): nothing is written, not even a
        lock file or a folder; a missing database reads as empty, an older one is upgraded in
        memory only, and every writing method raises :class:`ReadOnlyDatabase`.

        ``loaded``: the file as :func:`~tui.store.precheck.precheck` already parsed it; used
        instead of parsing it again when the file has not changed since (the reader's start-up
        parses its database once).
        """
        if read_only:
            found = _unchanged(loaded, path) or load_database(path, make_folder=False)
            return cls(found.path, read_only=True, loaded=found)
        path = database_path(path)  # the lock file sits next to the file a link points to
        check_writable(path)
        with _locked(FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT), path):
            _remove_stale_temp_files(path)
            found = _unchanged(loaded, path) or load_database(path)  # the pre-check's own path
            parsed: LoadedDatabase | None = found
            if found.version is None:
                _write_new(path, schema.stamp(found.data or {}))
                parsed = None
            elif found.version < schema.SCHEMA_VERSION:
                try:
                    shutil.copy2(path, path.with_name(f"{path.name}.v{found.version}.bak"))
                except OSError as err:
                    raise StoreError(f"cannot keep a copy of {path} before upgrading it: "
                                     f"{err.strerror or err}") from None
                _write_new(path, found.data or {})
                parsed = None
        return cls(path, loaded=parsed)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- locking ---------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes: one lock, one fresh read, one atomic flush at the end."""
        if self.read_only:
            raise ReadOnlyDatabase(f"{self.path}: opened read-only; nothing was changed")
        with self._tlock, _locked(self._flock, self.path), self._storage.batch():
            yield

    def _data(self) -> dict[str, Any]:
        with self._tlock:
            return self._storage.snapshot()

    def _records(self, table: str) -> dict[str, dict[str, Any]]:
        """A table of the current snapshot.  Only call it while holding ``self._tlock``: a
        transaction in another thread may change records in place."""
        records: dict[str, dict[str, Any]] = self._data().get(table, {})
        return records

    # -- writing: through the Storage ---------------------------------------------------------
    # TinyDB's Table writes rebuild the whole table twice per call (its keys to ints and back):
    # with 10,000 annotations that doubled a save.  So records are written through the Storage,
    # TinyDB's extension point, on the document it holds for the transaction; the transaction
    # flushes it once, atomically (a failure leaves the file as it was and drops the copy).
    def _table(self, table: str) -> dict[str, dict[str, Any]]:
        records: dict[str, dict[str, Any]] = self._storage.read().setdefault(table, {})
        return records

    def _changed(self) -> None:
        self._storage.write(self._storage.read())

    def _insert(self, table: str, record: dict[str, Any]) -> str:
        """Insert under the next free record id of the file as it is now (ids are TinyDB's:
        whole numbers as strings)."""
        records = self._table(table)
        mine, nxt = self._next_key.get(table, (0, 0))
        if mine != id(records) or str(nxt) in records:  # another snapshot, or written around us
            nxt = max(map(int, records), default=0) + 1
        key = str(nxt)
        records[key] = record
        self._next_key[table] = (id(records), nxt + 1)
        self._changed()
        return key

    def _update(self, table: str, key: str, fields: dict[str, Any]) -> None:
        self._table(table)[key].update(fields)
        self._changed()

    def _put(self, table: str, key: str, record: dict[str, Any]) -> None:
        self._table(table)[key] = record
        self._changed()

    def _remove(self, table: str, keys: list[str]) -> None:
        records = self._table(table)
        for key in keys:
            del records[key]
        self._changed()

    # -- documents -------------------------------------------------------------------------
    def document_key(self, doc: Document) -> str:
        """The id ``doc``'s annotations are stored under (see
        :func:`~tui.store.database_file.resolve_document`: a file keeps its id, a copy gets its
        own); nothing is written."""
        with self._tlock:
            return resolve_document(self._data(), doc.text, doc.source)[0]

    def register(self, doc: Document) -> str:
        """Remember ``doc`` (its id, path, title and the hash of its text); return its id.

        When the file's text changed since it was last registered, its annotations are re-anchored
        in the new text and their selectors saved there (orphans included, never dropped)."""
        with self.transaction():
            return self._register(doc)

    def _register(self, doc: Document) -> str:
        sha = document_id(doc)
        path = _source_path(doc)
        data = self._storage.read()
        doc_id, key = resolve_document(data, doc.text, doc.source)
        if key is None:
            self._insert(schema.DOCUMENTS, {"doc_id": doc_id, "path": path, "title": doc.title, "sha": sha,
                                            "seen": now_iso()})
            return doc_id
        rec = data[schema.DOCUMENTS][key]
        changes: dict[str, Any] = {}
        if path and rec.get("path") != path:
            changes["path"] = path  # moved (or first read from a file after a pipe)
        if rec.get("title") != doc.title:
            changes["title"] = doc.title
        if stored_text_id(rec) != sha:
            changes["sha"] = sha
            self._reanchor(doc_id, doc)
        if changes:
            self._update(schema.DOCUMENTS, key, changes)
        return doc_id

    def _reanchor(self, doc_id: str, doc: Document) -> None:
        """The document's text changed: save where each annotation sits in the new text."""
        moved: dict[str, dict[str, Any]] = {}  # record key -> the record with new selectors
        for key, r in self._records(schema.ANNOTATIONS).items():
            if r.get("doc_id") != doc_id:
                continue
            a = from_record(r)
            found = anchor(doc.text, Selector(a.exact, a.prefix, a.suffix, a.start, a.end))
            if found.start is None or found.end is None:
                continue  # an orphan keeps what it had: its words may come back
            if found.status == "anchored":
                sel = make_selector(doc.text, found.start, found.end)
                rec = with_selectors(r, prefix=sel.prefix, suffix=sel.suffix, start=sel.start, end=sel.end)
            else:  # keep the reader's words; remember where they are now
                rec = with_selectors(r, start=found.start, end=found.end)
            moved[key] = rec
        for key, rec in moved.items():
            self._put(schema.ANNOTATIONS, key, rec)

    # -- annotations -----------------------------------------------------------------------
    def placements(self, doc: Document) -> list[Placement]:
        """Every annotation of ``doc`` re-anchored in its current text: document order, orphans
        last.  Nothing is written."""
        with self._tlock:
            data = self._data()
            doc_id = resolve_document(data, doc.text, doc.source)[0]
            mine = [from_record(r) for r in data.get(schema.ANNOTATIONS, {}).values() if r["doc_id"] == doc_id]
        out = []
        for a in mine:
            found = anchor(doc.text, Selector(a.exact, a.prefix, a.suffix, a.start, a.end))
            out.append(Placement(a, found.status, found.start, found.end))
        out.sort(key=lambda p: (_STATUS_ORDER[p.status], p.start or 0, p.end or 0, p.annotation.created))
        return out

    def get(self, ann_id: str) -> Annotation:
        with self._tlock:
            return from_record(self._find(ann_id)[1])

    def add(self, doc: Document, start: int, end: int, note: str = "", tags: Any = (),
            color: str | None = None) -> Annotation:
        """Annotate ``doc.text[start:end]``; return the saved annotation."""
        start, end = _check_range(doc, start, end)
        if not doc.text[start:end].strip():
            raise InvalidAnnotation("there is nothing but white space to annotate there")
        note, tags, color = clean_note(note), clean_tags(tags), check_color(color)
        sel = make_selector(doc.text, start, end)
        stamp = now_iso()
        with self.transaction():
            doc_id = self._register(doc)
            a = Annotation(uuid.uuid4().hex, doc_id, sel.exact, sel.prefix, sel.suffix, sel.start, sel.end,
                           note, tags, color, stamp, stamp)
            self._insert(schema.ANNOTATIONS, to_record(a))
        return a

    def _find(self, ann_id: str) -> tuple[str, dict[str, Any]]:
        records = self._records(schema.ANNOTATIONS)
        mine, keys = self._ann_keys
        key = keys.get(ann_id, "") if mine == id(records) else ""
        r = records.get(key)
        if r is not None and r["id"] == ann_id:
            return key, r
        keys = {}  # a stale hint: one scan, as before, and remember every id's key for the next call
        for k, rec in records.items():
            keys.setdefault(rec["id"], k)
        self._ann_keys = (id(records), keys)
        if ann_id in keys:
            return keys[ann_id], records[keys[ann_id]]
        raise UnknownAnnotation(f"no annotation {ann_id} (it may have been deleted)")

    def update(self, ann_id: str, *, note: str | None = None, tags: Any = None,
               color: str | None = None) -> Annotation:
        """Change note, tags and/or colour (None = unchanged; ``color=""`` removes the colour)."""
        fields: dict[str, Any] = {}
        if note is not None:
            fields["note"] = clean_note(note)
        if tags is not None:
            fields["tags"] = list(clean_tags(tags))
        if color is not None:
            fields["color"] = check_color(color)
        with self.transaction():
            key, r = self._find(ann_id)
            fields["updated"] = now_iso()
            self._update(schema.ANNOTATIONS, key, fields)
            return from_record({**r, **fields})

    def delete(self, ann_id: str) -> Annotation:
        """Delete an annotation; return it (give it to :meth:`restore` to undo)."""
        with self.transaction():
            key, r = self._find(ann_id)
            self._remove(schema.ANNOTATIONS, [key])
            return from_record(copy.deepcopy(r))

    def restore(self, annotation: Annotation) -> Annotation:
        """Put ``annotation`` back exactly as given (same id, and every field of its record this
        version does not know about): undoes a delete or an edit."""
        if not isinstance(annotation, Annotation):
            raise InvalidAnnotation("restore needs an Annotation")
        rec = to_record(annotation)
        with self.transaction():
            try:
                key, _ = self._find(annotation.id)
            except UnknownAnnotation:
                self._insert(schema.ANNOTATIONS, rec)
            else:
                self._put(schema.ANNOTATIONS, key, rec)
        return annotation

    def all_tags(self) -> list[str]:
        """Every tag in the library, most used first (then alphabetically)."""
        counts: Counter[str] = Counter()
        with self._tlock:
            for r in self._records(schema.ANNOTATIONS).values():
                counts.update(r.get("tags") or ())
        return sorted(counts, key=lambda t: (-counts[t], t.casefold(), t))

    # -- corrections -----------------------------------------------------------------------
    def corrections(self, doc: Document) -> Corrections:
        """The reader's corrections for ``doc``, reassigned quotations re-anchored in its text.
        Nothing is written."""
        with self._tlock:
            data = self._data()
            doc_id = resolve_document(data, doc.text, doc.source)[0]
            recs = [copy.deepcopy(r) for r in data.get(schema.CORRECTIONS, {}).values() if r["doc_id"] == doc_id]
        return from_records(doc.text, recs)

    def _add_correction(self, doc: Document, kind: str, name: str, target: str = "",
                        quote: dict[str, Any] | None = None) -> None:
        with self.transaction():
            doc_id = self._register(doc)
            recs = self._records(schema.CORRECTIONS)
            if quote is not None:  # a newer reassignment of the same quotation replaces the older
                stale = [k for k, r in recs.items() if r["doc_id"] == doc_id and r["kind"] == "reassign"
                         and (r.get("quote") or {}).get("start") == quote["start"]
                         and (r.get("quote") or {}).get("exact") == quote["exact"]]
                if stale:
                    self._remove(schema.CORRECTIONS, stale)
            seq = max((r.get("seq", 0) for r in recs.values() if r["doc_id"] == doc_id), default=0) + 1
            self._insert(schema.CORRECTIONS, {"doc_id": doc_id, "seq": seq, "kind": kind, "name": name,
                                              "target": target, "quote": quote, "created": now_iso()})

    def reassign_quote(self, doc: Document, quote_start: int, quote_end: int, speaker_name: str) -> None:
        """The quotation at ``quote_start:quote_end`` is spoken by ``speaker_name``."""
        start, end = _check_range(doc, quote_start, quote_end)
        sel = make_selector(doc.text, start, end)
        self._add_correction(doc, "reassign", _clean_name(speaker_name), quote={
            "exact": sel.exact, "prefix": sel.prefix, "suffix": sel.suffix, "start": start, "end": end})

    def rename_speaker(self, doc: Document, old_name: str, new_name: str) -> None:
        self._add_correction(doc, "rename", _clean_name(old_name), _clean_name(new_name))

    def merge_speakers(self, doc: Document, source_name: str, target_name: str) -> None:
        """``source_name`` is the same speaker as ``target_name``: its quotations go to the target."""
        self._add_correction(doc, "merge", _clean_name(source_name), _clean_name(target_name))

    # -- reading position ------------------------------------------------------------------
    def reading_position(self, doc: Document) -> int | None:
        with self._tlock:
            data = self._data()
            doc_id = resolve_document(data, doc.text, doc.source)[0]
            for r in data.get(schema.POSITIONS, {}).values():
                if r["doc_id"] == doc_id:
                    return max(0, min(int(r["offset"]), len(doc.text)))
        return None

    def set_reading_position(self, doc: Document, offset: int) -> None:
        """Remember where the reader is (clamped to the text); a no-op when unchanged."""
        if isinstance(offset, bool) or not isinstance(offset, int):
            raise InvalidAnnotation("a reading position is a whole number")
        offset = max(0, min(offset, len(doc.text)))
        with self.transaction():
            doc_id = self._register(doc)
            for key, r in self._records(schema.POSITIONS).items():
                if r["doc_id"] == doc_id:
                    if r["offset"] != offset:
                        self._update(schema.POSITIONS, key, {"offset": offset, "updated": now_iso()})
                    return
            self._insert(schema.POSITIONS, {"doc_id": doc_id, "offset": offset, "updated": now_iso()})


def _unchanged(loaded: LoadedDatabase | None, path: str | os.PathLike[str]) -> LoadedDatabase | None:
    """``loaded`` when it is the file at ``path`` as it still is on disk (same stat key)."""
    if loaded is None or loaded.key is None or loaded.data is None:
        return None
    try:
        if Path(path).expanduser().resolve() != loaded.path.resolve():
            return None
        return loaded if stat_key(os.stat(loaded.path)) == loaded.key else None
    except OSError:
        return None


@contextmanager
def _locked(lock: FileLock, path: Path) -> Iterator[None]:
    try:  # a lock file that cannot be made (read-only folder) would otherwise be retried until the timeout
        os.close(os.open(lock.lock_file, os.O_RDWR | os.O_CREAT, 0o644))
    except OSError as err:
        raise StoreError(f"cannot lock {path}: {err.strerror or err}") from None
    try:
        lock.acquire(poll_interval=LOCK_POLL)
    except Timeout:
        raise DatabaseBusy(f"{path}: another quotelens has held the database lock for "
                           f"{LOCK_TIMEOUT:.0f} s; try again") from None
    except OSError as err:
        raise StoreError(f"cannot lock {path}: {err.strerror or err}") from None
    try:
        yield
    finally:
        lock.release()


def _remove_stale_temp_files(path: Path) -> None:
    """Temp files left by a process killed mid-save.  Called under the lock: every save holds
    the lock, so no temp file present now can belong to a save in progress."""
    for tmp in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            tmp.unlink()
        except OSError:
            pass


def _write_new(path: Path, data: dict[str, Any]) -> None:
    try:
        atomic_write_bytes(path, orjson.dumps(data))
    except OSError as err:
        raise StoreError(f"could not save {path}: {err.strerror or err}") from None
