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
import dataclasses
import os
import shutil
import threading
import uuid
from collections import Counter
from collections.abc import MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import orjson
from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.table import Table

from ..engine.model import Document
from . import schema
from .anchoring import Selector, anchor, make_selector
from .corrections import Correction, Corrections
from .errors import DatabaseBusy, InvalidAnnotation, StoreError, UnknownAnnotation
from .records import (Annotation, Placement, check_color, clean_note, clean_tags, from_record, now_iso,
                      to_record)
from .database_file import database_path, document_id, load_database, source_path
from .storage import AtomicJSONStorage, atomic_write_bytes

LOCK_TIMEOUT = 15.0
LOCK_POLL = 0.002  # short: the lock is held for milliseconds, and a waiter should get its turn
_STATUS_ORDER = {"anchored": 0, "moved": 0, "orphan": 1}


class _IntKeys(MutableMapping):
    """The int-keyed view of a stored table that TinyDB's updaters expect, without copying it.

    TinyDB's own ``_update_table`` rebuilds the whole table twice per write (str -> int keys
    and back); with 10,000 annotations that was a third of a save."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw

    def __getitem__(self, key: int) -> Any:
        return self.raw[str(key)]

    def __setitem__(self, key: int, value: Any) -> None:
        self.raw[str(key)] = value

    def __delitem__(self, key: int) -> None:
        del self.raw[str(key)]

    def __contains__(self, key: object) -> bool:
        return str(key) in self.raw

    def __iter__(self) -> Iterator[int]:
        return (int(k) for k in list(self.raw))

    def __len__(self) -> int:
        return len(self.raw)


class _FreshTable(Table):
    """A TinyDB table that never trusts what it remembered (other processes write the same
    file) and updates the stored table in place."""

    def _get_next_id(self) -> int:
        self._next_id = None
        return max(map(int, self._read_table()), default=0) + 1

    def _update_table(self, updater: Any) -> None:
        storage: AtomicJSONStorage = self._storage  # type: ignore[assignment]
        tables = storage.read()  # the storage's own copy: changed in place, then written
        try:
            updater(_IntKeys(tables.setdefault(self.name, {})))
        except BaseException:
            storage.forget()  # the copy may be half-changed: read the file again next time
            raise
        storage.write(tables)
        self.clear_cache()


class _DB(TinyDB):
    table_class = _FreshTable


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

    def __init__(self, path: Path) -> None:
        """Use :meth:`open`, which checks, creates or upgrades the file first."""
        self.path = path
        self._flock = FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT)
        self._tlock = threading.RLock()
        self._db = _DB(path, storage=AtomicJSONStorage, validate=schema.validate,
                       before_write=schema.ensure_stamp)
        self._storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        self._tables = {name: self._db.table(name, cache_size=0) for name in schema.TABLES}

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike) -> "Library":
        """Open (creating folder and file as needed) the database at ``path``.

        Raises :class:`CorruptDatabase` or :class:`NewerDatabase` (file untouched) or
        :class:`StoreError` (folder not writable, lock held too long).  An older database is
        upgraded in place after a copy is kept next to it (``NAME.vN.bak``).
        """
        path = database_path(path)  # the lock file sits next to the file a link points to
        with _locked(FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT), path):
            _remove_stale_temp_files(path)
            found = load_database(path)  # the reader's pre-check takes the same path
            if found.version is None:
                _write_new(path, schema.stamp(found.data or {}))
            elif found.version < schema.SCHEMA_VERSION:
                try:
                    shutil.copy2(path, path.with_name(f"{path.name}.v{found.version}.bak"))
                except OSError as err:
                    raise StoreError(f"cannot keep a copy of {path} before upgrading it: "
                                     f"{err.strerror or err}") from None
                _write_new(path, found.data)
        return cls(path)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- locking ---------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes: one lock, one fresh read, one atomic flush at the end."""
        with self._tlock, _locked(self._flock, self.path), self._storage.batch():
            yield

    def _data(self) -> dict:
        with self._tlock:
            return self._storage.snapshot()

    def _records(self, table: str) -> dict[str, dict]:
        """A table of the current snapshot.  Only call it while holding ``self._tlock``: a
        transaction in another thread may change records in place."""
        return self._data().get(table, {})

    # -- documents -------------------------------------------------------------------------
    def register(self, doc: Document) -> str:
        """Remember ``doc`` (sha256 of its text, its last path and title); return its id.

        When the id is new but a document with the same path had annotations, the text was
        edited: those annotations, corrections and the reading position move to the new id,
        re-anchored on the new text (orphans included, never dropped)."""
        with self.transaction():
            return self._register(doc)

    def _register(self, doc: Document) -> str:
        sha = document_id(doc)
        path = _source_path(doc)
        docs = self._tables[schema.DOCUMENTS]
        data = self._storage.read()
        mine = [(k, r) for k, r in data.get(schema.DOCUMENTS, {}).items() if r.get("doc_id") == sha]
        if not mine:
            docs.insert({"doc_id": sha, "path": path, "title": doc.title, "seen": now_iso()})
        else:
            key, rec = mine[0]
            if (path and rec.get("path") != path) or rec.get("title") != doc.title:
                docs.update({"path": path or rec.get("path"), "title": doc.title}, doc_ids=[int(key)])
        if path:
            data = self._storage.read()
            old = {r["doc_id"] for r in data.get(schema.DOCUMENTS, {}).values()
                   if r.get("path") == path and r["doc_id"] != sha}
            if old:
                self._rekey(data, old, sha, doc)
        return sha

    def _rekey(self, data: dict, old: set[str], sha: str, doc: Document) -> None:
        changed = False
        for key, r in data.get(schema.ANNOTATIONS, {}).items():
            if r["doc_id"] not in old:
                continue
            a = from_record(r)
            found = anchor(doc.text, Selector(a.exact, a.prefix, a.suffix, a.start, a.end))
            if found.status == "anchored":
                sel = make_selector(doc.text, found.start, found.end)
                a = _replace(a, doc_id=sha, prefix=sel.prefix, suffix=sel.suffix, start=sel.start, end=sel.end)
            elif found.status == "moved":  # keep the reader's words; remember where they are now
                a = _replace(a, doc_id=sha, start=found.start, end=found.end)
            else:
                a = _replace(a, doc_id=sha)
            data[schema.ANNOTATIONS][key] = to_record(a)
            changed = True
        for r in data.get(schema.CORRECTIONS, {}).values():
            if r["doc_id"] in old:
                r["doc_id"] = sha
                changed = True
        positions = data.get(schema.POSITIONS, {})
        if not any(r["doc_id"] == sha for r in positions.values()):
            for r in positions.values():
                if r["doc_id"] in old:
                    r["doc_id"] = sha
                    r["offset"] = min(r["offset"], len(doc.text))
                    changed = True
                    break
        if changed:
            self._storage.write(data)

    # -- annotations -----------------------------------------------------------------------
    def placements(self, doc: Document) -> list[Placement]:
        """Every annotation of ``doc`` re-anchored in its current text: document order, orphans last."""
        sha = self.register(doc)
        with self._tlock:
            mine = [from_record(r) for r in self._records(schema.ANNOTATIONS).values() if r["doc_id"] == sha]
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
            sha = self._register(doc)
            a = Annotation(uuid.uuid4().hex, sha, sel.exact, sel.prefix, sel.suffix, sel.start, sel.end,
                           note, tags, color, stamp, stamp)
            self._tables[schema.ANNOTATIONS].insert(to_record(a))
        return a

    def _find(self, ann_id: str) -> tuple[str, dict]:
        for key, r in self._records(schema.ANNOTATIONS).items():
            if r["id"] == ann_id:
                return key, r
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
            self._tables[schema.ANNOTATIONS].update(fields, doc_ids=[int(key)])
            return from_record({**r, **fields})

    def delete(self, ann_id: str) -> Annotation:
        """Delete an annotation; return it (give it to :meth:`restore` to undo)."""
        with self.transaction():
            key, r = self._find(ann_id)
            self._tables[schema.ANNOTATIONS].remove(doc_ids=[int(key)])
            return from_record(r)

    def restore(self, annotation: Annotation) -> Annotation:
        """Put ``annotation`` back exactly as given (same id): undoes a delete or an edit."""
        if not isinstance(annotation, Annotation):
            raise InvalidAnnotation("restore needs an Annotation")
        rec = to_record(annotation)
        with self.transaction():
            table = self._tables[schema.ANNOTATIONS]
            try:
                key, _ = self._find(annotation.id)
            except UnknownAnnotation:
                table.insert(rec)
            else:
                table.update(lambda doc: (doc.clear(), doc.update(rec)), doc_ids=[int(key)])
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
        """The reader's corrections for ``doc``, reassigned quotations re-anchored in its text."""
        sha = self.register(doc)
        ops = []
        with self._tlock:
            recs = sorted((copy.deepcopy(r) for r in self._records(schema.CORRECTIONS).values()
                           if r["doc_id"] == sha), key=lambda r: (r.get("seq", 0), r.get("created", "")))
        for r in recs:
            start = end = None
            if r["kind"] == "reassign":
                q = r.get("quote") or {}
                found = anchor(doc.text, Selector(q.get("exact", ""), q.get("prefix", ""), q.get("suffix", ""),
                                                  int(q.get("start", -1)), int(q.get("end", -1))))
                start, end = found.start, found.end
            ops.append(Correction(r["kind"], r["name"], r.get("target", ""), start, end))
        return Corrections(tuple(ops))

    def _add_correction(self, doc: Document, kind: str, name: str, target: str = "",
                        quote: dict | None = None) -> None:
        with self.transaction():
            sha = self._register(doc)
            table = self._tables[schema.CORRECTIONS]
            recs = self._records(schema.CORRECTIONS)
            if quote is not None:  # a newer reassignment of the same quotation replaces the older
                stale = [int(k) for k, r in recs.items() if r["doc_id"] == sha and r["kind"] == "reassign"
                         and (r.get("quote") or {}).get("start") == quote["start"]
                         and (r.get("quote") or {}).get("exact") == quote["exact"]]
                if stale:
                    table.remove(doc_ids=stale)
            seq = max((r.get("seq", 0) for r in recs.values() if r["doc_id"] == sha), default=0) + 1
            table.insert({"doc_id": sha, "seq": seq, "kind": kind, "name": name, "target": target,
                          "quote": quote, "created": now_iso()})

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
        sha = document_id(doc)
        with self._tlock:
            for r in self._records(schema.POSITIONS).values():
                if r["doc_id"] == sha:
                    return max(0, min(int(r["offset"]), len(doc.text)))
        return None

    def set_reading_position(self, doc: Document, offset: int) -> None:
        """Remember where the reader is (clamped to the text); a no-op when unchanged."""
        if isinstance(offset, bool) or not isinstance(offset, int):
            raise InvalidAnnotation("a reading position is a whole number")
        offset = max(0, min(offset, len(doc.text)))
        with self.transaction():
            sha = self._register(doc)
            table = self._tables[schema.POSITIONS]
            for key, r in self._records(schema.POSITIONS).items():
                if r["doc_id"] == sha:
                    if r["offset"] != offset:
                        table.update({"offset": offset, "updated": now_iso()}, doc_ids=[int(key)])
                    return
            table.insert({"doc_id": sha, "offset": offset, "updated": now_iso()})


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


def _replace(a: Annotation, **kw: Any) -> Annotation:
    return dataclasses.replace(a, **kw)


def _remove_stale_temp_files(path: Path) -> None:
    """Temp files left by a process killed mid-save.  Called under the lock: every save holds
    the lock, so no temp file present now can belong to a save in progress."""
    for tmp in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            tmp.unlink()
        except OSError:
            pass


def _write_new(path: Path, data: dict) -> None:
    try:
        atomic_write_bytes(path, orjson.dumps(data))
    except OSError as err:
        raise StoreError(f"could not save {path}: {err.strerror or err}") from None
