"""One document being read, with everything the reader did to it: the headless core of the reader.

:class:`ReadingSession` holds the document, its analysis (the engine's, and the engine's with the
reader's corrections applied), the annotations as placed in the current text, the undo stack
and the lock that serialises store calls.  The Textual app is a thin adapter over it (widgets
and workers); the command line uses it too (``quotelens quotes --corrected``), so a correction
made in the reader and one seen by a script can never disagree.

Public API (everything else is private)::

    s = ReadingSession(doc, db_path=PATH)      # or (doc, library=open_library), or (..., read_only=True)
    s.open()                                   # the Library (TinyDB): opened on first use
    s.load()                                   # register the document; placements, tags, corrections
    s.read_corrections()                       # only the corrections (a script's read)
    s.analyze()                                # the engine's analysis with the corrections applied
    s.annotate(start, end, note=, tags=, color=)
    s.highlight(start, end, colour)            # recolour the annotation on exactly start:end, else add one
    s.edit(annotation_id, note=, tags=, color=)
    s.delete(annotation_id)
    s.undo()                                   # the last delete or edit; False when nothing to undo
    s.reassign(start, end, name) / s.rename(old, new) / s.merge(source, target)
    s.save_position(offset) / s.reading_position()
    s.refresh()                                # placements and tags again, after a change
    s.search(query)                            # matches in the text and in annotations' notes and tags
    s.evidence()                               # the engine's rule-by-rule record of each quotation
    s.analysis, s.base_analysis, s.corrections, s.placements, s.tags, s.can_undo

Every method is synchronous and may touch the disk: the app calls them from thread workers.
They are serialised by :attr:`lock` (one session may be shared by threads).  Store failures
are :class:`~tui.store.errors.StoreError` (one line for the reader).  Only the standard
library, the engine and the store's light modules are imported here: TinyDB, filelock and
rapidfuzz load when :meth:`open` first runs, after the reader's first paint.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..engine import Analysis, Document, Trace, analyze, explain, search
from .corrections import Corrections, apply_corrections
from .database_file import LoadedDatabase
from .errors import StoreError
from .records import Annotation, Placement

if TYPE_CHECKING:
    from .library import Library

DELETE, EDIT = "delete", "edit"


@dataclass(frozen=True)
class SearchResult:
    """A search: its matches in document order (text and annotated passages) as ``(start, end)``;
    ``in_annotations`` of them are passages whose annotation's note or tags matched."""

    query: str
    hits: list[tuple[int, int]]
    in_annotations: int = 0


class ReadingSession:
    """The document ``doc`` and what the reader did to it, over one Library."""

    def __init__(self, doc: Document, library: Library | None = None, *,
                 db_path: str | os.PathLike[str] | None = None, read_only: bool = False,
                 loaded: LoadedDatabase | None = None) -> None:
        """``read_only``: the Library is opened for reading only (a script's look: nothing is
        written, and a database the user can only read is fine).  ``loaded``: the database as
        the reader's pre-check parsed it (see :func:`~tui.store.precheck.precheck`)."""
        if library is None and db_path is None:
            raise ValueError("a ReadingSession needs a Library or a db_path")
        self.doc = doc
        self.read_only = read_only
        self._loaded = loaded
        self.library = library
        self.db_path = db_path
        self.lock = threading.RLock()
        self.base_analysis: Analysis | None = None  # the engine's
        self.analysis: Analysis | None = None  # the engine's with the reader's corrections
        self.corrections = Corrections()
        self.placements: list[Placement] = []
        self.tags: list[str] = []
        self.saved_position: int | None = None
        self._undo: list[tuple[str, Annotation]] = []  # (DELETE or EDIT, the annotation before)
        self._traces: dict[tuple[int, int], Trace] | None = None

    # -- the library ------------------------------------------------------------------------
    def open(self) -> Library:
        """The Library, opened at ``db_path`` on first use.  Raises StoreError (one line)."""
        with self.lock:
            if self.library is None:
                from .library import Library

                try:
                    self.library = Library.open(self.db_path or "", read_only=self.read_only,
                                                loaded=self._loaded)
                except OSError as err:
                    raise StoreError(f"database {err.filename or self.db_path}: {err.strerror or err}") from None
                finally:
                    self._loaded = None  # handed over (or stale): the storage keeps the data now
            return self.library

    @property
    def is_open(self) -> bool:
        return self.library is not None

    # -- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        """Register the document; read its placements, the library's tags and its corrections."""
        with self.lock:
            lib = self.open()
            lib.register(self.doc)
            self.corrections = lib.corrections(self.doc)
            self._refresh(lib)

    def read_corrections(self) -> Corrections:
        """Only the reader's corrections of the document (``quotelens quotes --corrected``)."""
        with self.lock:
            self.corrections = self.open().corrections(self.doc)
            return self.corrections

    def analyze(self) -> Analysis:
        """Run the engine (once) and apply the corrections :meth:`load` read."""
        base = self.base_analysis if self.base_analysis is not None else analyze(self.doc)
        with self.lock:
            self.base_analysis = base
            self.analysis = apply_corrections(base, self.corrections) if self.corrections else base
            return self.analysis

    def refresh(self) -> tuple[list[Placement], list[str]]:
        """The placements of the document's annotations and every tag in the library, read again."""
        with self.lock:
            return self._refresh(self.open())

    def _refresh(self, lib: Library) -> tuple[list[Placement], list[str]]:
        self.placements = lib.placements(self.doc)
        self.tags = lib.all_tags()
        return self.placements, self.tags

    def placement(self, annotation_id: str) -> Placement | None:
        return next((p for p in self.placements if p.annotation.id == annotation_id), None)

    # -- annotations -------------------------------------------------------------------------
    def annotate(self, start: int, end: int, *, note: str = "", tags: Any = (),
                 color: str | None = None) -> Annotation:
        with self.lock:
            return self.open().add(self.doc, start, end, note=note, tags=tags, color=color)

    def highlight(self, start: int, end: int, colour: str) -> tuple[str, Annotation]:
        """Colour ``start:end``: the annotation covering exactly that range takes the colour
        (undoable: ``("recoloured", before)``), else a new highlight is added (``("added", new)``)."""
        with self.lock:
            same = next((p for p in self.placements
                         if p.status != "orphan" and (p.start, p.end) == (start, end)), None)
            if same is None:
                return "added", self.annotate(start, end, color=colour)
            before = self.edit(same.annotation.id, color=colour)
            return "recoloured", before

    def edit(self, annotation_id: str, *, note: str | None = None, tags: Any = None,
             color: str | None = None) -> Annotation:
        """Change an annotation (None = unchanged, ``color=""`` removes it); return it as it was
        before, which :meth:`undo` restores."""
        with self.lock:
            lib = self.open()
            before = lib.get(annotation_id)
            lib.update(annotation_id, note=note, tags=tags, color=color)
            self._undo.append((EDIT, before))
            return before

    def delete(self, annotation_id: str) -> Annotation:
        with self.lock:
            before = self.open().delete(annotation_id)
            self._undo.append((DELETE, before))
            return before

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> str | None:
        """Undo the last delete or edit: return what was undone ("delete" or "edit"), or None."""
        with self.lock:
            if not self._undo:
                return None
            kind, before = self._undo[-1]
            self.open().restore(before)
            self._undo.pop()
            return kind

    # -- speakers ------------------------------------------------------------------------------
    def speaker_name(self, speaker_id: int | None) -> str | None:
        analysis = self.analysis
        if speaker_id is None or analysis is None:
            return None
        s = analysis.by_id.get(speaker_id)
        return s.name if s else None

    def reassign(self, start: int, end: int, name: str) -> Analysis | None:
        """The quotation at ``start:end`` is spoken by ``name``; return the corrected analysis."""
        with self.lock:
            self.open().reassign_quote(self.doc, start, end, name)
            return self._reapply()

    def rename(self, old: str, new: str) -> Analysis | None:
        with self.lock:
            self.open().rename_speaker(self.doc, old, new)
            return self._reapply()

    def merge(self, source: str, target: str) -> Analysis | None:
        with self.lock:
            self.open().merge_speakers(self.doc, source, target)
            return self._reapply()

    def _reapply(self) -> Analysis | None:
        self.corrections = self.open().corrections(self.doc)
        if self.base_analysis is None:  # not analysed yet: analyze() applies them
            return None
        self.analysis = apply_corrections(self.base_analysis, self.corrections)
        return self.analysis

    # -- search and evidence -------------------------------------------------------------------
    def search(self, query: str) -> SearchResult:
        """Every match of ``query`` (smart case, :mod:`tui.engine.search`) in the text, and the
        passages of annotations whose note or tags match it; no disk access."""
        text_hits = search.find_all(self.doc.text, query)
        notes = [(p.start, p.end) for p in self.placements
                 if p.start is not None and p.end is not None and p.status != "orphan"
                 and search.matches(query, p.annotation.note, *p.annotation.tags)] if query.strip() else []
        hits = sorted(set(text_hits) | set(notes)) if notes else text_hits
        return SearchResult(query, hits, len(notes))

    def evidence(self) -> dict[tuple[int, int], Trace]:
        """What each rule of the engine decided about each quotation (``quotes --explain``), by
        the quotation's ``(start, end)``; worked out once, on first use (a novel takes seconds)."""
        if self._traces is None:
            analysis, traces = explain(self.doc)
            self._traces = {(q.start, q.end): t for q, t in zip(analysis.quotes, traces, strict=False)}
        return self._traces

    # -- reading position ----------------------------------------------------------------------
    def reading_position(self) -> int | None:
        with self.lock:
            return self.open().reading_position(self.doc)

    def save_position(self, offset: int | None) -> bool:
        """Remember ``offset`` as the reading position; False when there was nothing new to save."""
        if offset is None or offset == self.saved_position:
            return False
        with self.lock:
            self.open().set_reading_position(self.doc, offset)
            self.saved_position = offset
            return True
