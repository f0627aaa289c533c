"""The library of documents read before: what each one is, when it was last read, what was quoted.

Each time the reader opens a document its *visit* is recorded (table ``visits``): the citation
(title, byline, date, source), when, and the quotations seen then (offsets, speaker, words).  That
is what ``quotelens library`` lists without analysing a thousand documents again, what the
speakers across the library are made of, and what "what changed since you last read" compares
against.  Forgetting a document moves every record of it (annotations, corrections, position,
visits) to table ``forgotten``, from which :func:`undo_forget` puts them back.

The reading functions take the database as parsed data (:func:`read_data`): listing never
takes the lock and never writes.  The writing ones take an open :class:`Library`.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..engine.meta import citation
from ..engine.model import Analysis, Document
from . import schema
from .database_file import document_id, load_database, source_path
from .records import Annotation, now_iso, to_record

if TYPE_CHECKING:
    from .library import Library

KEEP_FORGOTTEN = 20  # forgotten documents kept for undo; the oldest go first
_DOC_TABLES = (schema.ANNOTATIONS, schema.CORRECTIONS, schema.POSITIONS, schema.VISITS, schema.DOCUMENTS)


@dataclass(frozen=True, slots=True)
class SeenQuote:
    start: int
    end: int
    speaker: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Visit:
    doc_id: str
    path: str | None
    title: str
    byline: str
    date: str
    source: str
    read: str  # ISO 8601, UTC
    sha: str  # the sha256 of the text read then
    quotes: tuple[SeenQuote, ...]
    speakers: tuple[tuple[str, tuple[str, ...]], ...]  # (name, aliases) of each quoted speaker


@dataclass(frozen=True, slots=True)
class Entry:
    """One document of the library (its latest version when its file was edited)."""

    key: str  # the path when it came from a file, else the document id
    doc_id: str
    path: str | None
    title: str
    byline: str
    date: str
    source: str
    quotes: int | None  # None: never opened in the reader (only annotated from the command line)
    annotations: int
    read: str  # when it was last read or annotated ("" when unknown)

    def matches(self, words: str) -> bool:
        """Every word of ``words`` is in the title, byline, source, date or path (any case)."""
        hay = " ".join((self.title, self.byline, self.source, self.date, self.path or "")).casefold()
        return all(w in hay for w in words.casefold().split())


SORTS = {
    "read": (lambda e: e.read, True),  # most recently read first
    "title": (lambda e: e.title.casefold(), False),
    "date": (lambda e: e.date, True),
    "source": (lambda e: e.source.casefold(), False),
    "quotes": (lambda e: e.quotes or 0, True),
    "annotations": (lambda e: e.annotations, True),
}


def document_key(data: dict[str, Any], doc: Document) -> str:
    """The id the library keeps ``doc``'s records under.  Once the store resolves documents by
    file (``database_file.resolve_document``: a file keeps its id when edited), that; until then
    the sha256 of the text, which is what ``Library.register`` stores."""
    from . import database_file

    resolve = getattr(database_file, "resolve_document", None)
    if resolve is not None:
        return str(resolve(data, doc.text, doc.source)[0])
    return document_id(doc)


def read_data(db_path: str | os.PathLike) -> dict[str, Any]:
    """The database at ``db_path``, parsed and checked, without the lock and without writing it.

    Raises what :meth:`Library.open` would (one line each); a missing file is an empty library."""
    return load_database(db_path).data or {}


def library_data(lib: Library) -> dict[str, Any]:
    """The open library's tables as they are now (its cached copy: read it, never change it)."""
    return lib._data()


# -- recording -----------------------------------------------------------------------------------
def visit_record(doc: Document, analysis: Analysis, doc_id: str | None = None) -> dict[str, Any]:
    """What a visit remembers; ``doc_id`` is the document's id in the library (default: its text's)."""
    cite = citation(doc)
    quotes = []
    for q in analysis.quotes:
        if q.is_mark:
            continue
        speaker = analysis.speaker_of(q)
        quotes.append([q.start, q.end, speaker.name if speaker else None, doc.text[q.start:q.end]])
    quoted = {q.speaker for q in analysis.quotes if q.speaker is not None and not q.is_mark}
    speakers = [[s.name, list(s.aliases)] for s in analysis.speakers if s.id in quoted]
    return {"doc_id": doc_id or document_id(doc), "sha": document_id(doc), "path": source_path(doc.source),
            "title": cite.title,
            "byline": cite.byline, "date": cite.date, "source": cite.source, "read": now_iso(),
            "quotes": quotes, "speakers": speakers}


@contextmanager
def editing(lib: Library) -> Iterator[dict[str, Any]]:
    """The database's tables under the library's lock, written once at the end (atomically)."""
    with lib.transaction():
        storage = lib._storage
        data = storage.read()
        yield data
        storage.write(data)


def record_visit(lib: Library, doc: Document, analysis: Analysis) -> None:
    """Remember that ``doc`` was read now, and the quotations the reader saw in it."""
    lib.register(doc)
    with editing(lib) as data:
        rec = visit_record(doc, analysis, document_key(data, doc))
        table = data.setdefault(schema.VISITS, {})
        for key, r in list(table.items()):
            if r.get("doc_id") == rec["doc_id"] or (rec["path"] and r.get("path") == rec["path"]):
                del table[key]  # one visit per document: the last
        table[str(max(map(int, table), default=0) + 1)] = rec


def _visit(r: dict[str, Any]) -> Visit:
    return Visit(r["doc_id"], r.get("path"), r.get("title", ""), r.get("byline", ""), r.get("date", ""),
                 r.get("source", ""), r.get("read", ""), r.get("sha") or r["doc_id"],
                 tuple(SeenQuote(*q) for q in r.get("quotes", ())),
                 tuple((str(s[0]), tuple(map(str, s[1]))) for s in r.get("speakers", ())
                       if isinstance(s, list) and len(s) == 2 and isinstance(s[1], list)))


def last_visit(data: dict[str, Any], doc: Document) -> Visit | None:
    """The last visit of ``doc``: of this very text, else of the file it was read from."""
    key, path = document_key(data, doc), source_path(doc.source)
    visits = list(data.get(schema.VISITS, {}).values())
    mine = [r for r in visits if r["doc_id"] == key] or [r for r in visits if path and r.get("path") == path]
    return _visit(max(mine, key=lambda r: r.get("read", ""))) if mine else None


# -- listing -------------------------------------------------------------------------------------
def entries(data: dict[str, Any]) -> list[Entry]:
    """Every document in the library, one entry per file (its latest version), most recently read first."""
    annotations: dict[str, int] = {}
    touched: dict[str, str] = {}
    for r in data.get(schema.ANNOTATIONS, {}).values():
        annotations[r["doc_id"]] = annotations.get(r["doc_id"], 0) + 1
        touched[r["doc_id"]] = max(touched.get(r["doc_id"], ""), r.get("updated", ""))
    for r in data.get(schema.POSITIONS, {}).values():
        touched[r["doc_id"]] = max(touched.get(r["doc_id"], ""), r.get("updated", ""))
    visits = {r["doc_id"]: r for r in data.get(schema.VISITS, {}).values()}
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in data.get(schema.DOCUMENTS, {}).values():
        groups.setdefault(r.get("path") or r["doc_id"], []).append(r)
    for r in visits.values():  # a visit whose document record is gone still names a document
        key = r.get("path") or r["doc_id"]
        if not any(d["doc_id"] == r["doc_id"] for d in groups.get(key, ())):
            groups.setdefault(key, []).append({"doc_id": r["doc_id"], "path": r.get("path"),
                                               "title": r.get("title", ""), "seen": r.get("read", "")})
    out = []
    for key, docs in groups.items():
        def when(d: dict[str, Any]) -> str:
            v = visits.get(d["doc_id"])
            return max(v.get("read", "") if v else "", touched.get(d["doc_id"], ""), d.get("seen", ""))

        latest = max(docs, key=when)
        v = visits.get(latest["doc_id"]) or {}
        out.append(Entry(key, latest["doc_id"], latest.get("path"), v.get("title") or latest.get("title", ""),
                         v.get("byline", ""), v.get("date", ""), v.get("source") or latest.get("path") or "",
                         len(v["quotes"]) if "quotes" in v else None,
                         sum(annotations.get(d["doc_id"], 0) for d in docs), when(latest)))
    return sort_entries(out, "read")


def sort_entries(items: list[Entry], by: str = "read", reverse: bool = False) -> list[Entry]:
    """``by`` is one of :data:`SORTS`; each has its natural direction (newest, most first), ``reverse`` flips it."""
    key, descending = SORTS[by]
    ordered = sorted(items, key=lambda e: e.title.casefold())  # ties: by title
    return sorted(ordered, key=key, reverse=descending != reverse)


def find_entry(items: list[Entry], what: str) -> Entry | str:
    """The entry ``what`` names (a path, an id or its first 6+ characters, a title), or why none does."""
    path = source_path(what)
    exact = [e for e in items if e.path and e.path == path] or [e for e in items if e.doc_id == what]
    if not exact and len(what) >= 6:
        exact = [e for e in items if e.doc_id.startswith(what.lower())]
    if not exact:
        exact = [e for e in items if e.title.casefold() == " ".join(what.split()).casefold()]
    if len(exact) == 1:
        return exact[0]
    if not exact:
        return f"no document {what!r} in the library"
    return f"{what!r} names {len(exact)} documents: give its path or id"


# -- forgetting ----------------------------------------------------------------------------------
def _doc_ids(data: dict[str, Any], key: str) -> set[str]:
    ids = {key}
    for name in (schema.DOCUMENTS, schema.VISITS):
        ids |= {r["doc_id"] for r in data.get(name, {}).values() if r.get("path") == key}
    return ids


def forget(lib: Library, entry: Entry) -> int:
    """Remove every record of ``entry`` (all versions of its file); return how many were removed.

    They are kept in table ``forgotten`` for :func:`undo_forget`."""
    removed: dict[str, list[dict[str, Any]]] = {}
    with editing(lib) as data:
        ids = _doc_ids(data, entry.key) | {entry.doc_id}
        for name in _DOC_TABLES:
            table = data.get(name, {})
            gone = [k for k, r in table.items() if r.get("doc_id") in ids]
            if gone:
                removed[name] = [table.pop(k) for k in gone]
        if removed:
            trash = data.setdefault(schema.FORGOTTEN, {})
            trash[str(max(map(int, trash), default=0) + 1)] = {"key": entry.key, "at": now_iso(), "records": removed}
            for k in sorted(trash, key=int)[:-KEEP_FORGOTTEN]:
                del trash[k]
    return sum(map(len, removed.values()))


def undo_forget(lib: Library) -> str | None:
    """Put the most recently forgotten document back; return its key (None: nothing to undo)."""
    with editing(lib) as data:
        trash = data.get(schema.FORGOTTEN, {})
        if not trash:
            return None
        last = trash.pop(max(trash, key=int))
        for name, recs in last["records"].items():
            table = data.setdefault(name, {})
            next_id = max(map(int, table), default=0) + 1
            for i, r in enumerate(recs):
                table[str(next_id + i)] = r
        return str(last["key"])


def add_imported(lib: Library, doc_id: str, path: str | None, title: str,
                 annotations: tuple[Annotation, ...]) -> tuple[int, int]:
    """Store annotations read from another file under document ``doc_id`` (an annotation with an id
    already stored replaces it); the document is listed in the library.  Returns (added, replaced)."""
    added = replaced = 0
    with editing(lib) as data:
        docs = data.setdefault(schema.DOCUMENTS, {})
        if not any(r["doc_id"] == doc_id for r in docs.values()):
            docs[str(max(map(int, docs), default=0) + 1)] = {"doc_id": doc_id, "path": path, "title": title,
                                                              "seen": now_iso()}
        table = data.setdefault(schema.ANNOTATIONS, {})
        where = {r["id"]: k for k, r in table.items()}
        next_id = max(map(int, table), default=0) + 1
        for a in annotations:
            rec = to_record(dataclasses.replace(a, doc_id=doc_id))
            if a.id in where:
                table[where[a.id]] = rec
                replaced += 1
            else:
                table[str(next_id)] = rec
                next_id += 1
                added += 1
    return added, replaced


# -- speakers across the library -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Quoted:
    """One quotation of a speaker, in one document of the library."""

    entry: Entry
    quote: SeenQuote


@dataclass(frozen=True, slots=True)
class LibrarySpeaker:
    name: str
    aliases: tuple[str, ...]
    quotes: tuple[Quoted, ...]  # by the document's date (else when it was read), then in reading order

    @property
    def documents(self) -> int:
        return len({q.entry.doc_id for q in self.quotes})


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def library_speakers(data: dict[str, Any]) -> list[LibrarySpeaker]:
    """Every speaker quoted in the library (as last read: the reader's corrections applied), most
    quotations first.  One person across documents is one speaker when a full name (two words or
    more) of theirs is a name or alias of the other: the names the reader gave by renaming or
    merging are aliases, so those corrections join documents too.  A lone surname does not join
    documents (two articles' "Smith" need not be one person)."""
    visits = {r["doc_id"]: _visit(r) for r in data.get(schema.VISITS, {}).values()}
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for visit in visits.values():
        for name, aliases in visit.speakers:
            root = find(_name_key(name))
            for a in aliases:
                if len(a.split()) >= 2:
                    parent[find(_name_key(a))] = root
    by_root: dict[str, list[Quoted]] = {}
    names: dict[str, dict[str, int]] = {}
    aliases_of: dict[str, set[str]] = {}
    for e in entries(data):
        v = visits.get(e.doc_id)
        if v is None:
            continue
        for name, aliases in v.speakers:
            aliases_of.setdefault(find(_name_key(name)), set()).update(aliases)
        for q in v.quotes:
            if q.speaker is None:
                continue
            root = find(_name_key(q.speaker))
            by_root.setdefault(root, []).append(Quoted(e, q))
            counts = names.setdefault(root, {})
            counts[q.speaker] = counts.get(q.speaker, 0) + 1
    out = []
    for root, quoted in by_root.items():
        name = max(names[root], key=lambda n: (len(n.split()), names[root][n], n))  # the fullest, most used
        quoted.sort(key=lambda q: (q.entry.date or q.entry.read, q.entry.doc_id, q.quote.start))
        aliases = tuple(sorted((aliases_of.get(root, set()) | set(names[root])) - {name}))
        out.append(LibrarySpeaker(name, aliases, tuple(quoted)))
    out.sort(key=lambda s: (-len(s.quotes), s.name.casefold()))
    return out
