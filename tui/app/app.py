"""The quotelens reader: speakers | article | annotations, on one Document and one Library.

Start-up is staged so the article is on screen as early as a bare Textual app would show it:
the first frame has only the header, the article (already at the saved reading position)
and the two (empty, bordered) side panes; the Library (TinyDB), the pane widgets, the footer
and their imports arrive right after it, then the analysis (in a thread for long documents)
colours the quotations.  ``read.py`` pauses the garbage collector for start-up; the first
paint turns it back on, and the long-lived document, line map and analysis are then moved
out of its reach (``gc.freeze``) so full collections stay short while reading.  Store calls
run in thread workers behind one lock, so typing never waits on the disk.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Header

import tui

from ..engine import Analysis, Document, Quote, analyze
from ..store.errors import StoreError
from . import palette
from .keymap import bindings, help_sections
from .library_actions import LibraryActions
from .library_commands import LibraryCommands
from .components.speaker_row import MARKS_ROW
from .render import UNCOLOURED_ANNOTATION, QuoteColours, bg, quote_paints
from .widgets.article_view import ArticleView

if TYPE_CHECKING:  # the store's heavy modules (TinyDB, filelock) load after the first paint
    from ..store.library import Library
    from ..store.records import Placement
    from .components.annotation_list import AnnotationList
    from .components.speaker_list import SpeakerList

# Documents longer than this are analysed in a thread, after the text is painted.
ANALYZE_IN_THREAD_ABOVE = 60_000
SAVE_POSITION_EVERY = 2.0  # seconds
LOOK_UP = object()  # QuotelensApp(position=...) not given: read the saved position from the database


def styles_dir() -> Path:
    """``tui/styles`` in an installed wheel, else ``styles/`` beside the package in a checkout."""
    package = Path(tui.__file__).resolve().parent
    inside = package / "styles"
    return inside if inside.is_dir() else package.parent / "styles"


def css_paths() -> list[Path]:
    folder = styles_dir()
    return [p for p in (folder / "app.tcss", folder / "components.tcss") if p.is_file()]


class QuotelensApp(LibraryActions):
    """Read one document; annotations and speaker corrections go to ``library``.

    Give either an open ``library`` or a ``db_path``: the Library at ``db_path`` is opened after
    the first paint.  ``position`` is the saved reading position (from
    :func:`tui.store.precheck.precheck`), restored on the first frame; when it is not given,
    the app looks it up itself.  If the Library cannot be opened after all, the app exits with
    return code 2 and the reason in :attr:`store_error`.
    """

    CSS_PATH = css_paths()
    BINDINGS = bindings("app")
    ENABLE_COMMAND_PALETTE = False
    COMMANDS = App.COMMANDS | {LibraryCommands}

    def __init__(self, doc: Document, library: Library | None = None, *, db_path: str | Path | None = None,
                 position: int | None | object = LOOK_UP, analyze_in_thread: bool | None = None) -> None:
        super().__init__()
        if library is None and db_path is None:
            raise ValueError("QuotelensApp needs a Library or a db_path")
        self.doc = doc
        self.lib = library
        self._db_path = db_path
        self.store_error: str | None = None  # why the Library could not be opened (the app then exits 2)
        if position is LOOK_UP and library is None:
            position = _saved_position(db_path, doc)
        self._initial_position = position
        self._frozen = False
        self.base_analysis: Analysis | None = None
        self.analysis: Analysis | None = None
        self.placements: list[Placement] = []
        # (kind, the annotation as it was before): "delete" or "edit", most recent last; ``u`` undoes
        self._undo: list[tuple[str, Any]] = []
        self._store_lock = threading.Lock()
        self._saved_position: int | None = None
        self._panes_ready = False
        self._known_tags: list[str] = []
        self.last_top: int | None = None  # the reading position last seen on screen
        self._view: ArticleView | None = None
        self._analyze_in_thread = (len(doc.text) > ANALYZE_IN_THREAD_ABOVE if analyze_in_thread is None
                                   else analyze_in_thread)
        self.title = doc.title

    # ------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            yield Vertical(id="speakers-pane", classes="pane")
            yield ArticleView(self.doc, id="article")
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
        position = self._initial_position
        if position is LOOK_UP:  # an open Library was given
            with self._store_lock:
                try:
                    position = self.lib.reading_position(self.doc)
                except StoreError as err:
                    self.notify(str(err), severity="error", markup=False)
                    position = None
        if position:
            view.restore_position(position)  # drawn there on the first frame
            self._saved_position = position
        self.call_after_refresh(self._after_first_paint)
        self.call_after_refresh(gc.enable)  # read.py paused it for start-up

    def on_unmount(self) -> None:
        if self._frozen:  # let what was frozen be collected again once this app is gone
            gc.unfreeze()
            self._frozen = False

    def _open_library(self) -> bool:
        """Open the Library at ``db_path`` (after the first paint).  False: the app is exiting."""
        from ..store.library import Library

        try:
            library = Library.open(self._db_path)
        except StoreError as err:
            self.store_error = str(err)
        except OSError as err:
            self.store_error = f"database {err.filename or self._db_path}: {err.strerror or err}"
        else:
            with self._store_lock:
                self.lib = library
            return True
        self.exit(return_code=2)
        return False

    async def _after_first_paint(self) -> None:
        """The Library, the panes, the footer, the annotations and the analysis: after the text is on screen."""
        if self.lib is None and not self._open_library():
            return
        from textual.widgets import Footer

        from .components.annotation_list import AnnotationList
        from .components.speaker_list import SpeakerList

        await self.query_one("#speakers-pane").mount(SpeakerList(id="speakers"))
        await self.query_one("#annotations-pane").mount(AnnotationList(id="annotations"))
        await self.mount(Footer())
        self._panes_ready = True
        for notice in self.doc.notices:
            self.notify(f"{self.doc.title}: {notice}", markup=False, timeout=6)
        if self._analyze_in_thread:
            self.sub_title = "finding quotations…"
            self.run_worker(self._load, thread=True, group="analysis")
        else:
            self._load()
        self.set_interval(SAVE_POSITION_EVERY, self._save_position_if_moved)

    # ------------------------------------------------------------ analysis
    def _load(self) -> None:
        """Annotations, then quotations: in a thread for long documents (re-anchoring and the
        analysis of a novel take a while), right away for an article."""
        in_thread = threading.current_thread() is not threading.main_thread()
        with self._store_lock:
            try:
                self.lib.register(self.doc)
                placements = self.lib.placements(self.doc)
                tags = self.lib.all_tags()
                corrections = self.lib.corrections(self.doc)
            except StoreError as err:
                placements, tags, corrections = [], [], None
                self._call(in_thread, self.notify, str(err), severity="error", markup=False)
        self._call(in_thread, self._show_placements, placements, tags)
        self._analyze(corrections)

    def _call(self, in_thread: bool, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        if in_thread:
            self.call_from_thread(fn, *args, **kwargs)
        else:
            fn(*args, **kwargs)

    def _analyze(self, corrections: Any) -> None:
        in_thread = threading.current_thread() is not threading.main_thread()
        try:
            base = analyze(self.doc)
            if corrections:
                from ..store.corrections import apply_corrections

                analysis = apply_corrections(base, corrections)
            else:
                analysis = base
        except Exception as err:  # noqa: BLE001 - the text stays readable whatever the engine does
            message = f"Could not find the quotations: {type(err).__name__}: {err}"
            self._call(in_thread, self._analysis_failed, message)
            return
        self._call(in_thread, self._show_analysis, analysis, base)

    def _analysis_failed(self, message: str) -> None:
        self.sub_title = ""
        self.notify(message, severity="error", markup=False, timeout=10)

    def _show_analysis(self, analysis: Analysis, base: Analysis | None = None) -> None:
        if base is not None:
            self.base_analysis = base
        self.analysis = analysis
        self.sub_title = ""
        from .components.speaker_list import SpeakerRow

        counts = analysis.quote_counts()
        first: dict[int, int] = {}
        for i, q in enumerate(analysis.quotes):
            if q.speaker is not None:
                first.setdefault(q.speaker, i)
        # the ten plain colours go to the speakers with the most quotations (ties: who speaks first)
        ranked = sorted(range(len(analysis.speakers)), key=lambda i: (
            -counts.get(analysis.speakers[i].id, 0), first.get(analysis.speakers[i].id, len(analysis.quotes)), i))
        looks = {analysis.speakers[i].id: palette.speaker_look(rank) for rank, i in enumerate(ranked)}
        colours = {sid: colour for sid, (colour, _) in looks.items()}
        self.speaker_colours = colours
        qc = QuoteColours(colours, palette.UNATTRIBUTED, {sid: palette.dim(c) for sid, c in colours.items()},
                          styles={sid: style for sid, (_, style) in looks.items() if style})
        self.article.set_analysis(analysis, quote_paints(analysis, qc))
        rows = [SpeakerRow(s.id, s.name, counts[s.id], colours[s.id], looks[s.id][1]) for s in analysis.speakers
                if counts.get(s.id)]  # a speaker left with no quotation (merged, reassigned) is not listed
        unattributed = sum(1 for q in analysis.quotes if q.speaker is None and not q.is_mark)
        if unattributed:
            rows.append(SpeakerRow(None, "(unattributed)", unattributed, palette.UNATTRIBUTED))
        marks = sum(1 for q in analysis.quotes if q.speaker is None and q.is_mark)
        if marks:
            rows.append(SpeakerRow(MARKS_ROW, "(titles, terms)", marks, palette.UNATTRIBUTED))
        if self._panes_ready:
            self.query_one("#speakers").set_rows(rows)
        self._show_placements(self.placements, None)
        if not self._frozen:
            # the document, line map and analysis live as long as the app: keep them out of every
            # full collection (those took 40-100 ms on a novel, in the middle of a keypress)
            gc.freeze()
            self._frozen = True
        self.record_visit_once(analysis)

    def _reapply_corrections(self) -> None:
        """In a worker thread: the base analysis with the stored corrections applied again."""
        base = self.base_analysis
        if base is None:
            return
        from ..store.corrections import apply_corrections

        analysis = apply_corrections(base, self.lib.corrections(self.doc))
        self.call_from_thread(self._show_analysis, analysis)

    # --------------------------------------------------------------- store
    def run_store(self, job: Callable[[], Any], *, then: Callable[[Any], None] | None = None,
                  refresh: bool = True, corrections: bool = False) -> None:
        """Run ``job`` against the library in a thread; then reload what it may have changed."""
        if self.lib is None:  # only before the first paint has finished
            self.notify("Still opening the annotation database…", timeout=2)
            return

        def work() -> None:
            with self._store_lock:
                try:
                    result = job()
                    placements = self.lib.placements(self.doc) if refresh else None
                    tags = self.lib.all_tags() if refresh else None
                    if corrections:
                        self._reapply_corrections()
                except (StoreError, OSError) as err:
                    self.call_from_thread(self.notify, str(err), severity="error", markup=False)
                    return
            if then is not None:
                self.call_from_thread(then, result)
            if placements is not None:
                self.call_from_thread(self._show_placements, placements, tags)

        self.run_worker(work, thread=True, group="store")

    def _speaker_name_at(self, offset: int | None) -> str | None:
        if offset is None or self.analysis is None:
            return None
        view = self.article
        i = view.quote_at(offset)
        if i is None:
            return None
        sid = view.quotes[i].speaker
        speaker = self.analysis.by_id.get(sid) if sid is not None else None
        return speaker.name if speaker else None

    def _show_placements(self, placements: list[Placement], tags: list[str] | None) -> None:
        from .components.annotation_list import AnnotationRow

        self.placements = list(placements)
        paints = []
        rows = []
        for p in self.placements:
            ann = p.annotation
            if p.status != "orphan" and p.start is not None and p.end is not None:
                background = palette.HIGHLIGHTS.get(ann.color or "")
                paints.append((p.start, p.end, bg(background) if background else UNCOLOURED_ANNOTATION))
            excerpt = self.doc.text[p.start:p.end] if p.start is not None and p.end is not None else ann.exact
            rows.append(AnnotationRow(ann.id, p.start, excerpt, ann.note, tuple(ann.tags), ann.color,
                                      self._speaker_name_at(p.start), p.status))
        self.article.set_highlights(paints)
        if tags is not None:
            self._known_tags = list(tags)
        if not self._panes_ready:
            return
        annotations = self.query_one("#annotations")
        annotations.set_rows(rows)
        if tags is not None:
            annotations.set_known_tags(tags)

    def _placement(self, annotation_id: str) -> Placement | None:
        return next((p for p in self.placements if p.annotation.id == annotation_id), None)

    # ---------------------------------------------------------- annotating
    def on_article_view_annotate_requested(self, message: ArticleView.AnnotateRequested) -> None:
        from .components.annotation_editor import AnnotationEditor

        start, end = message.start, message.end
        excerpt = self.doc.text[start:end]
        known = self._known_tags  # kept fresh by every store job: no disk access on a keypress

        def saved(draft: Any) -> None:
            if draft is None:
                return
            self.article.clear_selection()
            self.run_store(lambda: self.lib.add(self.doc, start, end, note=draft.note, tags=tuple(draft.tags),
                                                color=draft.color),
                           then=lambda ann: self.notify("Annotation saved", timeout=2))

        self.push_screen(AnnotationEditor(excerpt, known_tags=tuple(known)), saved)

    def on_article_view_highlight_requested(self, message: ArticleView.HighlightRequested) -> None:
        """1–5 in the article: a highlight with no note right away, or a new colour for the
        annotation that covers exactly this range."""
        start, end = message.start, message.end
        colour = palette.highlight_for_key(message.number)
        same = next((p for p in self.placements if p.status != "orphan" and (p.start, p.end) == (start, end)), None)
        self.article.clear_selection()
        if same is not None:
            aid = same.annotation.id

            def recolour() -> Any:
                before = self.lib.get(aid)
                self.lib.update(aid, color=colour)
                return before

            self.run_store(recolour, then=lambda before: self._remember("edit", before))
        else:
            self.run_store(lambda: self.lib.add(self.doc, start, end, color=colour),
                           then=lambda ann: self.notify(f"Highlighted in {colour}", timeout=2))

    def on_annotation_list_jump(self, message: AnnotationList.Jump) -> None:
        p = self._placement(message.annotation_id)
        if p is None or p.start is None:
            self.notify("That annotation's text is no longer in this document", timeout=3)
            return
        view = self.article
        view.move_cursor(p.start)
        view.focus()

    def on_annotation_list_highlighted(self, message: Any) -> None:
        """Moving through the annotations pane previews each one in the article."""
        p = self._placement(message.annotation_id)
        if p is not None and p.start is not None:
            self.article.reveal(p.start)

    def on_annotation_list_edited(self, message: AnnotationList.Edited) -> None:
        draft = message.draft
        if draft is None:
            return
        aid = message.annotation_id

        def edit() -> Any:
            before = self.lib.get(aid)
            self.lib.update(aid, note=draft.note, tags=tuple(draft.tags), color=draft.color or "")
            return before

        self.run_store(edit, then=lambda before: self._remember("edit", before))

    def on_annotation_list_deleted(self, message: AnnotationList.Deleted) -> None:
        aid = message.annotation_id
        self.run_store(lambda: self.lib.delete(aid), then=lambda before: self._remember("delete", before))

    def _remember(self, kind: str, before: Any) -> None:
        """Keep what ``kind`` ("delete" or "edit") changed, for ``u`` in the annotations pane."""
        self._undo.append((kind, before))
        done = "deleted" if kind == "delete" else "changed"
        self.notify(f"Annotation {done}: press u to undo", timeout=3)

    def on_annotation_list_undo_requested(self, message: AnnotationList.UndoRequested) -> None:
        if not self._undo:
            self.notify("Nothing to undo", timeout=2)
            return
        kind, annotation = self._undo.pop()
        undone = "Delete undone" if kind == "delete" else "Edit undone"
        self.run_store(lambda: self.lib.restore(annotation), then=lambda _: self.notify(undone, timeout=2))

    # ------------------------------------------------------------ speakers
    def _speaker_name(self, speaker_id: int | None) -> str | None:
        if speaker_id is None or self.analysis is None:
            return None
        s = self.analysis.by_id.get(speaker_id)
        return s.name if s else None

    def on_article_view_reassign_requested(self, message: ArticleView.ReassignRequested) -> None:
        if self.analysis is None:
            self.notify("Still finding quotations…", timeout=2)
            return
        from .components.speaker_picker import SpeakerPicker

        quote: Quote = message.quote
        names = [s.name for s in self.analysis.speakers]
        current = self._speaker_name(quote.speaker)

        def chosen(name: str | None) -> None:
            name = (name or "").strip()
            if not name or name == current:
                return
            self.run_store(lambda: self.lib.reassign_quote(self.doc, quote.start, quote.end, name),
                           corrections=True)

        self.push_screen(SpeakerPicker(names, current), chosen)

    def on_speaker_list_renamed(self, message: SpeakerList.Renamed) -> None:
        old = self._speaker_name(message.speaker_id)
        new = (message.new_name or "").strip()
        if old is None or not new or new == old:
            return
        self.run_store(lambda: self.lib.rename_speaker(self.doc, old, new), corrections=True)

    def on_speaker_list_merged(self, message: SpeakerList.Merged) -> None:
        source, target = self._speaker_name(message.source_id), self._speaker_name(message.target_id)
        if source is None or target is None or source == target:
            return
        self.run_store(lambda: self.lib.merge_speakers(self.doc, source, target), corrections=True)

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
        offset = self.article.top_offset
        self.last_top = offset
        if offset is None or offset == self._saved_position:
            return
        self._saved_position = offset
        self.run_store(lambda: self.lib.set_reading_position(self.doc, offset), refresh=False)

    def save_position_now(self) -> None:
        offset = self.article.top_offset
        self.last_top = offset
        if offset is None or self.lib is None:
            return
        with self._store_lock:
            try:
                self.lib.set_reading_position(self.doc, offset)
                self._saved_position = offset
            except StoreError as err:
                self.notify(str(err), severity="error", markup=False)

    def on_article_view_scrolled(self, message: ArticleView.Scrolled) -> None:
        self.last_top = message.top

    def save_final_position(self) -> None:
        """After the app has stopped (quit, or the terminal went away): keep the last position."""
        offset = self.last_top
        try:  # the view outlives the app: its scroll position is the freshest answer
            offset = self._view.top_offset if self._view is not None else offset
        except Exception:  # noqa: BLE001 - fall back to the last position seen
            pass
        if offset is None or offset == self._saved_position or self.store_error:
            return
        with self._store_lock:
            try:
                if self.lib is None:  # the reader left before the Library opened after the first paint
                    from ..store.library import Library

                    self.lib = Library.open(self._db_path)
                self.lib.set_reading_position(self.doc, offset)
                self._saved_position = offset
            except (StoreError, OSError):
                pass

    # ------------------------------------------------------------- actions
    def action_help(self) -> None:
        from .components.help_screen import HelpScreen

        self.push_screen(HelpScreen(help_sections()))

    async def action_quit(self) -> None:
        self.save_position_now()
        self.exit()


def _saved_position(db_path: str | Path | None, doc: Document) -> int | None:
    """The reading position saved for ``doc`` (a cheap read: no TinyDB, no lock)."""
    from ..store.precheck import precheck

    try:
        return precheck(db_path, doc.text, doc.source).position
    except (StoreError, OSError):
        return None  # opening the Library after the first paint reports it
