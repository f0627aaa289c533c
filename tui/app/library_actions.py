"""The reader's library side: the Library screen (``L``), share of voice (``V``), exports (``x`` and the
command palette), copying the current quotation with its citation (``y``), and, on opening, the
visit record and the "what changed since you last read" report.

A mixin of :class:`~tui.app.app.QuotelensApp`, kept apart from the reading code.  Store work runs
through the app's ``run_store`` (a worker thread, one lock); exports and listings read the
library's current data and write nothing to the database.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from textual.app import App

from ..engine.meta import citation
from ..store.database_file import document_id
from . import palette

if TYPE_CHECKING:
    from ..engine import Analysis, Document
    from ..store.changes import Changes
    from ..store.session import ReadingSession
    from ..store.visits import Entry, LibrarySpeaker
    from .components.library_screen import LibraryScreen
    from .components.speakers_screen import SpeakersScreen
    from .widgets.article_view import ArticleView

SAMPLE_SOURCE = "quotelens:sample"
REPORT_LINES = 6  # changes listed in the report on opening; `quotelens changes FILE` lists them all
EXPORT_SUFFIX = {("md", "quotes"): ".quotes.md", ("csv", "quotes"): ".quotes.csv",
                 ("csv", "annotations"): ".annotations.csv", ("w3c", "quotes"): ".annotations.jsonld"}


def export_path(doc: Document, fmt: str, what: str, folder: Path | None = None) -> Path:
    """Where an export from the app goes: the current folder, named after the document, never
    over an existing file (``name.quotes.md``, ``name-2.quotes.md``, ...)."""
    folder = Path.cwd() if folder is None else folder
    stem = Path(doc.source).stem if doc.source and doc.source != "-" and ":" not in doc.source else "quotelens"
    stem = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in stem).strip(".") or "document"
    suffix = EXPORT_SUFFIX[(fmt, what)]
    path = folder / f"{stem}{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path


def quote_citation(doc: Document, text: str, speaker: str | None) -> str:
    """“words” — speaker, Title, source, date: what ``y`` copies."""
    cite = citation(doc)
    parts = [speaker or "unattributed", cite.title, cite.source, cite.date]
    return f"“{' '.join(text.split())}” — " + ", ".join(p for p in parts if p)


class LibraryActions(App[None]):
    """Mixed into QuotelensApp: everything beyond the one article on screen."""

    if TYPE_CHECKING:
        doc: Document
        session: ReadingSession

        @property
        def article(self) -> ArticleView: ...

        def run_store(self, job: Callable[[ReadingSession], Any], *, then: Callable[[Any], None] | None = None,
                      refresh: bool = True) -> None: ...

        def save_position_now(self) -> None: ...

    next_document: str | None = None  # set when the reader opens another document from the library
    next_position: int | None = None  # ... and where to open it (None: where the reader left it)
    current_keys: frozenset[str] = frozenset()  # the ids the document on screen may be listed under
    speaker_colours: Mapping[int, str] = MappingProxyType({})  # the app sets its own
    _visit_recorded = False
    last_changes: Changes | None = None  # what changed since the last visit, found on opening

    # ------------------------------------------------------------ visits
    def record_visit_once(self, analysis: Analysis) -> None:
        """After the first analysis: tell the reader what changed since the last visit, then record
        this one.  After a correction (a new analysis): record the visit again, so the library's
        speakers carry the reader's names."""
        if not self.session.is_open:
            return
        doc = self.doc
        if self._visit_recorded:
            def again(session: ReadingSession) -> None:
                from ..store.visits import record_visit

                with session.lock:
                    record_visit(session.open(), doc, analysis)

            self.run_store(again, refresh=False)
            return
        self._visit_recorded = True

        def job(session: ReadingSession) -> Changes:
            from ..store.changes import changes
            from ..store.visits import library_data, record_visit

            with session.lock:
                lib = session.open()
                found = changes(library_data(lib), doc, analysis)
                record_visit(lib, doc, analysis)
            return found

        self.run_store(job, then=self.report_changes, refresh=False)

    def report_changes(self, found: Changes) -> None:
        self.last_changes = found
        if found.anything:
            self.notify(found.report(REPORT_LINES), title="What changed since you last read it", markup=False,
                        timeout=15)

    # ------------------------------------------------------------ copy
    def action_copy_quote(self) -> None:
        view = self.article
        i = view.quote_at(view.cursor)
        if i is None:
            i = view.current_quote
        if i is None or i >= len(view.quotes):
            self.notify("Put the cursor on a quotation first (] jumps to the next one)", timeout=3)
            return
        q = view.quotes[i]
        speaker = None
        analysis = self.session.analysis
        if analysis is not None and q.speaker is not None:
            found = analysis.by_id.get(q.speaker)
            speaker = found.name if found else None
        text = quote_citation(self.doc, self.doc.text[q.start:q.end], speaker)
        self.copy_to_clipboard(text)
        self.notify(f"Copied: {text if len(text) <= 90 else text[:89] + '…'}", markup=False, timeout=3)

    # ------------------------------------------------------------ share of voice
    def action_share_of_voice(self) -> None:
        analysis = self.session.analysis
        if analysis is None:
            self.notify("Still finding quotations…", timeout=2)
            return
        from ..engine.share import share_of_voice
        from .components.share_bars import Bar
        from .components.share_screen import ShareScreen

        shares = share_of_voice(self.doc, analysis)
        bars = [Bar(s.name, s.quotes, s.words, s.share,
                    self.speaker_colours.get(s.speaker, palette.UNATTRIBUTED) if s.speaker is not None
                    else palette.UNATTRIBUTED) for s in shares]
        self.push_screen(ShareScreen(citation(self.doc).title, bars, sum(s.words for s in shares)))

    # ------------------------------------------------------------ exports
    def action_export(self, fmt: str = "", what: str = "quotes") -> None:
        """Export the document (``fmt`` md, csv or w3c); with no format, ask which."""
        if not fmt:
            from .components.export_menu import ExportMenu

            def chosen(choice: tuple[str, str] | None) -> None:
                if choice is not None:
                    self.action_export(*choice)

            self.push_screen(ExportMenu(), chosen)
            return
        analysis = self.session.analysis
        if not self.session.is_open or analysis is None:
            self.notify("Still opening the document…", timeout=2)
            return
        doc = self.doc

        def job(session: ReadingSession) -> Path:
            from ..export import gather, render
            from ..store.storage import atomic_write_bytes
            from ..store.visits import library_data

            with session.lock:
                data = library_data(session.open())
                bundle = gather(doc, data, analysis)
            text = render(bundle, fmt, what)
            path = export_path(doc, fmt, what)
            atomic_write_bytes(path, text.encode("utf-8", "surrogateescape"))
            return path

        self.run_store(job, then=lambda path: self.notify(f"Exported to {path}", markup=False, timeout=5),
                       refresh=False)

    # ------------------------------------------------------------ the library
    def action_library(self) -> None:
        if not self.session.is_open:
            self.notify("Still opening the annotation database…", timeout=2)
            return

        doc = self.doc

        def job(session: ReadingSession) -> list[Entry]:
            from ..store.visits import document_key, entries, library_data

            with session.lock:
                data = library_data(session.open())
                self.current_keys = frozenset({document_id(doc), document_key(data, doc)})
                return entries(data)

        self.run_store(job, then=self._show_library, refresh=False)

    def _is_current(self, entry: Entry) -> bool:
        """``entry`` is the document on screen."""
        return entry.doc_id in self.current_keys or bool(entry.path and entry.path == _path_of(self.doc))

    def _show_library(self, items: list[Entry]) -> None:
        from .components.library_screen import LibraryScreen

        current = next((e.doc_id for e in items if self._is_current(e)), None)
        if isinstance(self.screen, LibraryScreen):
            self.screen.set_entries(items)
        else:
            self.push_screen(LibraryScreen(items, current=current))

    def on_library_screen_open(self, message: LibraryScreen.Open) -> None:
        self.open_entry(message.entry)

    def open_entry(self, entry: Entry, offset: int | None = None) -> None:
        """Read ``entry`` (at ``offset``, else where the reader left it): the app exits and
        ``quotelens`` starts a fresh reader on it, which re-anchors its annotations as usual."""
        if self._is_current(entry):
            while len(self.screen_stack) > 1:  # the document on screen
                self.pop_screen()
            if offset is not None:
                self.article.move_cursor(min(offset, len(self.doc.text)))
            self.article.focus()
            return
        if entry.path is None:
            from ..commands.read import load_sample

            if entry.doc_id != document_id(load_sample()):
                self.notify("That document was read from standard input: pipe it in again to open it", timeout=4)
                return
            target = SAMPLE_SOURCE
        elif not os.path.isfile(entry.path):
            self.notify(f"{entry.path} is no longer there", severity="error", markup=False, timeout=4)
            return
        else:
            target = entry.path
        self.next_document = target
        self.next_position = offset
        self.save_position_now()
        self.exit()

    # ------------------------------------------------------------ speakers across the library
    def action_library_speakers(self) -> None:
        if not self.session.is_open:
            self.notify("Still opening the annotation database…", timeout=2)
            return

        def job(session: ReadingSession) -> list[LibrarySpeaker]:
            from ..store.visits import library_data, library_speakers

            with session.lock:
                return library_speakers(library_data(session.open()))

        def show(speakers: list[LibrarySpeaker]) -> None:
            from .components.speakers_screen import SpeakersScreen

            self.push_screen(SpeakersScreen(speakers))

        self.run_store(job, then=show, refresh=False)

    def on_speakers_screen_open(self, message: SpeakersScreen.Open) -> None:
        self.open_entry(message.quoted.entry, message.quoted.quote.start)

    def on_library_screen_forget(self, message: LibraryScreen.Forget) -> None:
        entry = message.entry
        if self._is_current(entry):
            self.notify("That is the document you are reading: open another one to forget it", timeout=4)
            return
        def job(session: ReadingSession) -> list[Entry]:
            from ..store.visits import entries, forget, library_data

            with session.lock:
                lib = session.open()
                forget(lib, entry)
                return entries(library_data(lib))

        def done(items: list[Entry]) -> None:
            self._show_library(items)
            self.notify(f"Forgot {entry.title or entry.key}: press u to undo", markup=False, timeout=4)

        self.run_store(job, then=done, refresh=False)

    def on_library_screen_undo(self, message: LibraryScreen.Undo) -> None:
        def job(session: ReadingSession) -> tuple[str | None, list[Entry]]:
            from ..store.visits import entries, library_data, undo_forget

            with session.lock:
                lib = session.open()
                back = undo_forget(lib)
                return back, entries(library_data(lib))

        def done(result: tuple[str | None, list[Entry]]) -> None:
            back, items = result
            self._show_library(items)
            self.notify("Nothing to undo" if back is None else "Brought it back", timeout=3)

        self.run_store(job, then=done, refresh=False)


def _path_of(doc: Document) -> str | None:
    from ..store.database_file import source_path

    return source_path(doc.source)
