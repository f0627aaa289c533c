"""The quotelens reader: speakers | article | annotations, on one Document and one Library.

Start-up is staged so the article is on screen as early as a bare Textual app would show it:
the first frame has only the header, the article (already at the saved reading position)
and the two (empty, bordered) side panes; the Library (TinyDB), the pane widgets, the footer
and their imports arrive right after it, then the analysis (in a thread for long documents)
colours the quotations.  ``read.py`` pauses the garbage collector for start-up; the first
paint turns it back on, and the long-lived document, line map and analysis are then moved
out of its reach (``gc.freeze``), as are every two seconds the rows the article keeps built
(``_freeze_survivors``), so full collections stay short while reading.  Store calls
go through a headless :class:`~tui.store.session.ReadingSession` (document, analysis, corrections,
placements, undo stack, store lock) in thread workers, so typing never waits on the disk; the
Library is opened (its file parsed once) in the first of them.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Header

import tui

from ..engine import Analysis, Document, Quote
from ..store.errors import StoreError
from ..store.session import DELETE, EDIT, ReadingSession
from . import palette
from .components.speaker_row import MARKS_ROW
from .header import header_title
from .keymap import bindings, help_sections
from .library_actions import LibraryActions
from .library_commands import LibraryCommands
from .reader_features import ReaderFeatures
from .render import UNCOLOURED_ANNOTATION, QuoteColours, bg, quote_paints
from .widgets.article_view import ArticleView
from .widgets.reader_screen import ReaderScreen

if TYPE_CHECKING:  # the store's heavy modules (TinyDB, filelock) load after the first paint
    from ..store.database_file import LoadedDatabase
    from ..store.library import Library
    from ..store.precheck import Precheck
    from ..store.records import Placement
    from .components.annotation_list import AnnotationList
    from .components.speaker_list import SpeakerList

# Documents longer than this are analysed in a thread, after the text is painted.
ANALYZE_IN_THREAD_ABOVE = 60_000
SAVE_POSITION_EVERY = 2.0  # seconds
FREEZE_EVERY = 2.0  # seconds: how often what has lived this long leaves the garbage collector's full passes
RECLAIM_EVERY = 150  # freezes (five minutes): then one full collection of everything, frozen or not
LOOK_UP = object()  # QuotelensApp(position=...) not given: read the saved position from the database


def styles_dir() -> Path:
    """``tui/styles`` in an installed wheel, else ``styles/`` beside the package in a checkout."""
    package = Path(tui.__file__).resolve().parent
    inside = package / "styles"
    return inside if inside.is_dir() else package.parent / "styles"


def css_paths() -> list[str | PurePath]:
    folder = styles_dir()
    return [p for p in (folder / "app.tcss", folder / "components.tcss") if p.is_file()]


class QuotelensApp(LibraryActions, ReaderFeatures):
    """Read one document; a thin adapter (widgets and workers) over a :class:`ReadingSession`.

    Give either an open ``library`` or a ``db_path``: the Library at ``db_path`` is opened after
    the first paint, in a worker thread.  ``position`` is the saved reading position (from
    :func:`tui.store.precheck.precheck`), restored on the first frame; when it is not given,
    the app looks it up itself.  If the Library cannot be opened after all, the app exits with
    return code 2 and the reason in :attr:`store_error`.
    """

    CSS_PATH = css_paths()
    BINDINGS = bindings("app")
    COMMANDS = ReaderFeatures.COMMANDS | {LibraryCommands}

    def __init__(self, doc: Document, library: Library | None = None, *, db_path: str | Path | None = None,
                 position: int | None | object = LOOK_UP, analyze_in_thread: bool | None = None,
                 loaded: LoadedDatabase | None = None) -> None:
        super().__init__()
        if position is LOOK_UP and library is None and db_path is not None:
            check = _precheck(db_path, doc)
            position = check.position if check is not None else None
            loaded = check.loaded if check is not None else None
        self.session = ReadingSession(doc, library, db_path=db_path, loaded=loaded)
        self.doc = doc
        self._db_path = db_path
        self.store_error: str | None = None  # why the Library could not be opened (the app then exits 2)
        self._initial_position = position
        self._frozen = False
        self._freezes = 0
        self._panes_ready = False
        self.last_top: int | None = None  # the reading position last seen on screen
        self._view: ArticleView | None = None
        self._analyze_in_thread = (len(doc.text) > ANALYZE_IN_THREAD_ABOVE if analyze_in_thread is None
                                   else analyze_in_thread)
        self.title = header_title(doc)
        self.init_features()

    @property
    def lib(self) -> Library | None:
        """The session's Library (None until it has been opened after the first paint)."""
        return self.session.library

    @property
    def analysis(self) -> Analysis | None:
        return self.session.analysis

    @property
    def placements(self) -> list[Placement]:
        return self.session.placements

    # ------------------------------------------------------------- layout
    def get_default_screen(self) -> ReaderScreen:
        return ReaderScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            yield Vertical(id="speakers-pane", classes="pane")
            with Vertical(id="reading"):  # the article, the search prompt and the status line
                yield ArticleView(self.doc, id="article")
                yield from self.compose_features()
            yield Vertical(id="annotations-pane", classes="pane")

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    def on_mount(self) -> None:
        for selector, label in (("#speakers-pane", "Speakers"), ("#article", "Article"),
                                ("#annotations-pane", "Annotations")):
            self.query_one(selector).border_title = Content(label)
        view = self._view = self.article
        view.focus()
        self.listen_to_quotes()
        position = self._initial_position
        if position is LOOK_UP:  # an open Library was given
            try:
                position = self.session.reading_position()
            except StoreError as err:
                self.notify(str(err), severity="error", markup=False)
                position = None
        if isinstance(position, int) and position:
            view.restore_position(position)  # drawn there on the first frame
            self.session.saved_position = position
        self.call_after_refresh(self._after_first_paint)
        self.call_after_refresh(gc.enable)  # read.py paused it for start-up

    def on_unmount(self) -> None:
        if self._frozen:  # let what was frozen be collected again once this app is gone
            gc.unfreeze()
            self._frozen = False

    async def _after_first_paint(self) -> None:
        """The panes, the footer, then (in a worker) the Library, the annotations and the analysis."""
        from textual.widgets import Footer

        from .components.annotation_list import AnnotationList
        from .components.speaker_list import SpeakerList

        await self.query_one("#speakers-pane").mount(SpeakerList(id="speakers"))
        await self.query_one("#annotations-pane").mount(AnnotationList(id="annotations"))
        await self.mount(Footer())
        await self.mount_features()
        self._panes_ready = True
        for notice in self.doc.notices:
            self.notify(f"{self.doc.title}: {notice}", markup=False, timeout=6)
        if self._analyze_in_thread:
            self.sub_title = "finding quotations…"
        self.run_worker(self._load, thread=True, group="analysis")
        self.set_interval(SAVE_POSITION_EVERY, self._save_position_if_moved)
        self.set_interval(FREEZE_EVERY, self._freeze_survivors)

    # ------------------------------------------------------------ analysis
    def _load(self) -> None:
        """In a worker thread: open the Library (its file is parsed once, here), read the
        annotations, then find the quotations."""
        session = self.session
        if not session.is_open:
            try:
                session.open()
            except StoreError as err:
                self.store_error = str(err)
                self.call_from_thread(self.exit, return_code=2)
                return
        try:
            session.load()
        except StoreError as err:
            self.call_from_thread(self.notify, str(err), severity="error", markup=False)
        self.call_from_thread(self._show_placements)
        try:
            analysis = session.analyze()
        except Exception as err:  # noqa: BLE001 - the text stays readable whatever the engine does
            message = f"Could not find the quotations: {type(err).__name__}: {err}"
            self.call_from_thread(self._analysis_failed, message)
            return
        self.call_from_thread(self._show_analysis, analysis)

    def _analysis_failed(self, message: str) -> None:
        self.sub_title = ""
        self.notify(message, severity="error", markup=False, timeout=10)

    def _show_analysis(self, analysis: Analysis | None) -> None:
        if analysis is None:
            return
        self.sub_title = ""
        from .components.speaker_list import SpeakerList, SpeakerRow

        counts = analysis.quote_counts()
        first: dict[int, int] = {}
        for i, q in enumerate(analysis.quotes):
            if q.speaker is not None:
                first.setdefault(q.speaker, i)
        # the ten plain colours go to the speakers with the most quotations (ties: who speaks first)
        ranked = sorted(range(len(analysis.speakers)), key=lambda i: (
            -counts.get(analysis.speakers[i].id, 0), first.get(analysis.speakers[i].id, len(analysis.quotes)), i))
        looks = {analysis.speakers[i].id: self.speaker_look(rank) for rank, i in enumerate(ranked)}
        colours = {sid: colour for sid, (colour, _) in looks.items()}
        self.speaker_colours = colours
        background = self.text_background()
        qc = QuoteColours(colours, self.unattributed_colour(),
                          {sid: palette.dim(c, background) for sid, c in colours.items()},
                          styles={sid: style for sid, (_, style) in looks.items() if style})
        self.article.set_analysis(analysis, quote_paints(analysis, qc))
        rows = [SpeakerRow(s.id, s.name, counts[s.id], colours[s.id], looks[s.id][1]) for s in analysis.speakers
                if counts.get(s.id)]  # a speaker left with no quotation (merged, reassigned) is not listed
        unattributed = sum(1 for q in analysis.quotes if q.speaker is None and not q.is_mark)
        if unattributed:
            rows.append(SpeakerRow(None, "(unattributed)", unattributed, self.unattributed_colour()))
        marks = sum(1 for q in analysis.quotes if q.speaker is None and q.is_mark)
        if marks:
            rows.append(SpeakerRow(MARKS_ROW, "(titles, terms)", marks, self.unattributed_colour()))
        if self._panes_ready:
            self.query_one("#speakers", SpeakerList).set_rows(rows)
        self._show_placements()
        if not self._frozen:
            # the document, line map and analysis live as long as the app: keep them out of every
            # full collection (those took 40-100 ms on a novel, in the middle of a keypress)
            gc.freeze()
            self._frozen = True
        self.record_visit_once(analysis)

    def _freeze_survivors(self) -> None:
        """Keep full garbage collections short while reading.  The article keeps thousands of
        built rows (each Strip with its own small caches: 77,000 objects after 30 pages of the
        novel); left in the collector's oldest generation, every full collection walked them all
        (60-130 ms, every twenty pages or so, in the middle of a keypress).  Every few seconds the
        young generations are collected (about a millisecond) and what survives is frozen like the
        document was: a row dropped from a cache is still freed by reference counting (the
        article's caches hold no cycles but a short document's few rows, see :mod:`.row_cache`).  Cycles that Textual's own caches
        leave (some 20 objects a key) are collected with everything else every few minutes."""
        if not self._frozen:
            return
        self._freezes += 1
        if self._freezes % RECLAIM_EVERY == 0:
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            return
        gc.collect(1)
        gc.freeze()

    def report_changes(self, found: Any) -> None:
        super().report_changes(found)
        # the visit just recorded (the library's copy of every quotation: ~80,000 objects on the
        # novel) lives on: out of the full collections now, not at the next tick (a first key
        # right after opening otherwise paid a 90 ms collection)
        self._freeze_survivors()

    # --------------------------------------------------------------- store
    def run_store(self, job: Callable[[ReadingSession], Any], *, then: Callable[[Any], None] | None = None,
                  refresh: bool = True) -> None:
        """Run ``job(session)`` in a thread; then show what it may have changed."""
        if not self.session.is_open:  # only before the worker has opened the Library
            self.notify("Still opening the annotation database…", timeout=2)
            return
        session = self.session

        def work() -> None:
            try:
                result = job(session)
                if refresh:
                    session.refresh()
            except (StoreError, OSError) as err:
                self.call_from_thread(self.notify, str(err), severity="error", markup=False)
                return
            if then is not None:
                self.call_from_thread(then, result)
            if refresh:
                self.call_from_thread(self._show_placements)

        self.run_worker(work, thread=True, group="store")

    def _speaker_name_at(self, offset: int | None) -> str | None:
        if offset is None or self.analysis is None:
            return None
        view = self.article
        i = view.quote_at(offset)
        if i is None:
            return None
        return self.session.speaker_name(view.quotes[i].speaker)

    def _show_placements(self) -> None:
        from .components.annotation_list import AnnotationList, AnnotationRow

        paints = []
        rows = []
        for p in self.session.placements:
            ann = p.annotation
            if p.status != "orphan" and p.start is not None and p.end is not None:
                background = palette.HIGHLIGHTS.get(ann.color or "")
                paints.append((p.start, p.end, bg(background) if background else UNCOLOURED_ANNOTATION))
            excerpt = self.doc.text[p.start:p.end] if p.start is not None and p.end is not None else ann.exact
            rows.append(AnnotationRow(ann.id, p.start, excerpt, ann.note, tuple(ann.tags), ann.color,
                                      self._speaker_name_at(p.start), p.status))
        self.article.set_highlights(paints)
        if not self._panes_ready:
            return
        annotations = self.query_one("#annotations", AnnotationList)
        annotations.set_rows(rows)
        annotations.set_known_tags(self.session.tags)

    # ---------------------------------------------------------- annotating
    def on_article_view_annotate_requested(self, message: ArticleView.AnnotateRequested) -> None:
        from .components.annotation_editor import AnnotationEditor

        start, end = message.start, message.end
        excerpt = self.doc.text[start:end]
        known = self.session.tags  # kept fresh by every store job: no disk access on a keypress

        def saved(draft: Any) -> None:
            if draft is None:
                return
            self.article.clear_selection()
            self.run_store(lambda s: s.annotate(start, end, note=draft.note, tags=tuple(draft.tags),
                                                color=draft.color),
                           then=lambda ann: self.notify("Annotation saved", timeout=2))

        self.push_screen(AnnotationEditor(excerpt, known_tags=tuple(known)), saved)

    def on_article_view_highlight_requested(self, message: ArticleView.HighlightRequested) -> None:
        """1–5 in the article: a highlight with no note right away, or a new colour for the
        annotation that covers exactly this range."""
        start, end = message.start, message.end
        colour = palette.highlight_for_key(message.number)
        self.article.clear_selection()

        def done(outcome: tuple[str, Any]) -> None:
            if outcome[0] == "added":
                self.notify(f"Highlighted in {colour}", timeout=2)
            else:
                self._undoable(EDIT)

        self.run_store(lambda s: s.highlight(start, end, colour), then=done)

    def on_annotation_list_jump(self, message: AnnotationList.Jump) -> None:
        p = self.session.placement(message.annotation_id)
        if p is None or p.start is None:
            self.notify("That annotation's text is no longer in this document", timeout=3)
            return
        view = self.article
        view.move_cursor(p.start)
        view.focus()

    def on_annotation_list_highlighted(self, message: Any) -> None:
        """Moving through the annotations pane previews each one in the article."""
        p = self.session.placement(message.annotation_id)
        if p is not None and p.start is not None:
            self.article.reveal(p.start)

    def on_annotation_list_edited(self, message: AnnotationList.Edited) -> None:
        draft = message.draft
        if draft is None:
            return
        aid = message.annotation_id
        self.run_store(lambda s: s.edit(aid, note=draft.note, tags=tuple(draft.tags), color=draft.color or ""),
                       then=lambda before: self._undoable(EDIT))

    def on_annotation_list_deleted(self, message: AnnotationList.Deleted) -> None:
        aid = message.annotation_id
        self.run_store(lambda s: s.delete(aid), then=lambda before: self._undoable(DELETE))

    def _undoable(self, kind: str) -> None:
        done = "deleted" if kind == DELETE else "changed"
        self.notify(f"Annotation {done}: press u to undo", timeout=3)

    def on_annotation_list_undo_requested(self, message: AnnotationList.UndoRequested) -> None:
        if not self.session.can_undo:
            self.notify("Nothing to undo", timeout=2)
            return

        def undone(kind: str | None) -> None:
            if kind is not None:
                self.notify("Delete undone" if kind == DELETE else "Edit undone", timeout=2)

        self.run_store(lambda s: s.undo(), then=undone)

    # ------------------------------------------------------------ speakers
    def on_article_view_reassign_requested(self, message: ArticleView.ReassignRequested) -> None:
        if self.analysis is None:
            self.notify("Still finding quotations…", timeout=2)
            return
        from .components.speaker_picker import SpeakerPicker

        quote: Quote = message.quote
        names = [s.name for s in self.analysis.speakers]
        current = self.session.speaker_name(quote.speaker)

        def chosen(name: str | None) -> None:
            name = (name or "").strip()
            if not name or name == current:
                return
            self.run_store(lambda s: s.reassign(quote.start, quote.end, name), then=self._show_analysis)

        self.push_screen(SpeakerPicker(names, current), chosen)

    def on_speaker_list_renamed(self, message: SpeakerList.Renamed) -> None:
        old = self.session.speaker_name(message.speaker_id)
        new = (message.new_name or "").strip()
        if old is None or not new or new == old:
            return
        self.run_store(lambda s: s.rename(old, new), then=self._show_analysis)

    def on_speaker_list_merged(self, message: SpeakerList.Merged) -> None:
        source = self.session.speaker_name(message.source_id)
        target = self.session.speaker_name(message.target_id)
        if source is None or target is None or source == target:
            return
        self.run_store(lambda s: s.merge(source, target), then=self._show_analysis)

    def on_speaker_list_selected(self, message: SpeakerList.Selected) -> None:
        """Enter on a speaker: the cursor goes to their next quotation (wrapping around)."""
        view = self.article
        if message.speaker_id == MARKS_ROW:
            mine = [i for i, q in enumerate(view.quotes) if q.speaker is None and q.is_mark]
        elif message.speaker_id is None:
            mine = [i for i, q in enumerate(view.quotes) if q.speaker is None and not q.is_mark]
        else:
            mine = [i for i, q in enumerate(view.quotes) if q.speaker == message.speaker_id]
        if not mine:
            return
        after = [i for i in mine if view.quotes[i].start > view.cursor]
        i = after[0] if after else mine[0]
        view.move_cursor(view.quotes[i].start, quote=i)
        view.focus()

    # ------------------------------------------------------ reading position
    def _save_position_if_moved(self) -> None:
        if self._view is None or not self._view.is_attached:  # (the timer can fire while the app shuts down)
            return
        offset = self._view.top_offset
        self.last_top = offset
        if offset is None or offset == self.session.saved_position:
            return
        self.run_store(lambda s: s.save_position(offset), refresh=False)

    def save_position_now(self) -> None:
        offset = self.article.top_offset
        self.last_top = offset
        if offset is None or not self.session.is_open:
            return
        try:
            self.session.save_position(offset)
        except StoreError as err:
            self.notify(str(err), severity="error", markup=False)

    def on_article_view_scrolled(self, message: ArticleView.Scrolled) -> None:
        self.last_top = message.top

    def save_final_position(self) -> None:
        """After the app has stopped (quit, or the terminal went away): keep the last position."""
        offset = self.last_top
        with suppress(Exception):  # the view outlives the app: its scroll position is the freshest answer
            offset = self._view.top_offset if self._view is not None else offset
        if offset is None or offset == self.session.saved_position or self.store_error:
            return
        try:  # the reader may have left before the Library opened: save_position opens it
            self.session.save_position(offset)
        except (StoreError, OSError):
            pass

    # ------------------------------------------------------------- actions
    def action_help(self) -> None:
        from .components.help_screen import HelpScreen

        self.push_screen(HelpScreen(help_sections()))

    async def action_quit(self) -> None:
        self.save_position_now()
        self.exit()


def _precheck(db_path: str | Path, doc: Document) -> Precheck | None:
    """The database checked and parsed, with the position saved for ``doc`` (no TinyDB, no lock)."""
    from ..store.precheck import precheck

    try:
        return precheck(db_path, doc.text, doc.source)
    except (StoreError, OSError):
        return None  # opening the Library after the first paint reports it
