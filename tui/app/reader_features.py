"""What the reader does beyond reading and annotating: search, focus on one speaker, the status
line, the evidence for a quotation, the outline, side panes that collapse on small terminals,
the command palette and themes.

A mixin of :class:`tui.app.app.QuotelensApp`, kept apart so the app stays an adapter between
the reading session and the widgets.  Search over the text is :mod:`tui.engine.search` (plain
functions); which match is current and which speaker is in focus are the screen's state, here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widget import Widget

from ..engine import search
from ..engine.model import Analysis, Document, Quote
from . import palette
from .components.status_line import StatusLine, quote_status, search_status

if TYPE_CHECKING:
    from textual.command import Provider

    from ..store.session import ReadingSession
    from .components.outline_pane import OutlinePane
    from .widgets.article_view import ArticleView

NARROW_BELOW = 100  # columns: below this the side panes collapse into overlays
PANES = {"speakers": "#speakers-pane", "annotations": "#annotations-pane", "outline": "#outline-pane"}
FAINT_AMOUNT = 0.62  # how far text outside the focused speaker's quotations fades towards the background


def keymap_commands() -> type[Provider]:
    """The palette's keymap commands, imported when the palette first opens (not at start-up)."""
    from .components.keymap_commands import KeymapCommands

    return KeymapCommands


class ReaderFeatures(App[None]):
    """Search, focus, status line, evidence, outline, collapsing panes, palette and themes."""

    COMMANDS = App.COMMANDS | {keymap_commands}

    doc: Document
    session: ReadingSession

    def init_features(self) -> None:
        self.search_query = ""
        self.hits: list[tuple[int, int]] = []
        self.hit_index: int | None = None
        self.note_hits = 0  # annotations whose note or tags matched
        self._search_origin: tuple[int, float, int | None] | None = None  # cursor, scroll, current quote
        self._evidence_ready = False  # the session has worked out the engine's record
        self._explained = False  # and it could
        self._outline_ready = False

    def compose_features(self) -> ComposeResult:
        # The width class is set before the first layout (and kept on resize) by hand: Textual's
        # HORIZONTAL_BREAKPOINTS adds it after the first layout, restyling every widget (~25 ms
        # of the first paint).
        self._set_width_class(self.size.width)
        # the status line and the search prompt come after the first paint (mount_features), the
        # prompt on the first /
        yield from ()

    async def mount_features(self) -> None:
        """After the first paint: the status line under the article."""
        await self.query_one("#reading").mount(StatusLine(id="status"))
        self._say()

    @property
    def article(self) -> ArticleView:  # (the app's own property; here for the type checker)
        raise NotImplementedError

    @property
    def analysis(self) -> Analysis | None:
        return self.session.analysis

    def _speaker_name(self, speaker_id: int | None) -> str | None:
        return self.session.speaker_name(speaker_id)

    # ------------------------------------------------------------ theme
    def _theme_colour(self, name: str, dark: str, light: str) -> str:
        """A hex colour of the current theme; for an ANSI theme (the terminal's own colours,
        "transparent"), what a dark or light terminal usually shows."""
        value = str(self.get_css_variables().get(name, ""))
        try:
            return palette.to_hex(palette.parse_hex(value))
        except ValueError:
            return dark if self.current_theme.dark else light

    def text_background(self) -> str:
        """The article's background colour in the current theme (what quote text must stand out on)."""
        try:
            colour = self.query_one("#article").background_colors[1]
        except Exception:  # noqa: BLE001 - not composed yet: the theme's surface
            return self._theme_colour("surface", palette.BACKGROUND, palette.LIGHT_BACKGROUND)
        if colour.ansi is not None or colour.a < 1:  # the terminal's own background
            return palette.BACKGROUND if self.current_theme.dark else palette.LIGHT_BACKGROUND
        return colour.hex

    def speaker_look(self, rank: int) -> tuple[str, str]:
        """The speaker palette for the current theme (dark or light), each colour made readable
        on the article's background should a theme's background call for it."""
        colour, style = palette.speaker_look(rank, light=not self.current_theme.dark)
        return palette.readable(colour, self.text_background()), style

    def unattributed_colour(self) -> str:
        return palette.readable(palette.UNATTRIBUTED, self.text_background())

    def faint_colour(self) -> str:
        foreground = self._theme_colour("foreground", "#E0E0E0", "#1F1F1F")
        return palette.mix(foreground, self.text_background(), FAINT_AMOUNT)

    def watch_theme(self, theme: str) -> None:
        if getattr(self, "analysis", None) is not None:
            self.call_after_refresh(self._recolour)

    def _recolour(self) -> None:
        if self.analysis is None:
            return
        self._show_analysis(self.analysis)
        view = self.article
        if view.focus_speaker is not None:
            view.set_focus(view.focus_speaker, self.faint_colour())

    def _show_analysis(self, analysis: Analysis | None) -> None:
        raise NotImplementedError

    # -------------------------------------------------------- status line
    def _say(self) -> None:
        try:
            status = self.query_one("#status", StatusLine)
        except Exception:  # noqa: BLE001 - not composed (another screen's test app)
            return
        view = self.article
        parts: list[Content] = []
        if view.focus_speaker is not None:
            name = self._speaker_name(view.focus_speaker) or "?"
            count = sum(1 for q in view.quotes if q.speaker == view.focus_speaker)
            parts.append(Content.assemble(("focus ", "dim"), (name, "bold"),
                                          (f" ({count}) · ] [ step · f clears", "dim")))
        if self.search_query:
            parts.append(search_status(self.search_query, self.hit_index, len(self.hits), self.note_hits))
        else:
            quote = view.quote_here()
            if quote is not None:
                parts.append(quote_status(quote, self._speaker_name(quote.speaker)))
        status.say(Content("   ").join(parts) if parts else Content(""))

    def on_article_view_current_quote_changed(self, message: Any) -> None:
        self._say()

    def listen_to_quotes(self) -> None:
        """The status line follows the article's current quotation in the same frame."""
        self.article.quote_listener = lambda quote: self._say()

    # ------------------------------------------------------------- search
    async def action_search(self) -> None:
        from .components.search_bar import SearchBar

        found = self.query("#search")
        if found:
            bar = found.first(SearchBar)
        else:
            bar = SearchBar(id="search")
            await self.query_one("#reading").mount(bar, before="#status")
        view = self.article
        if self._search_origin is None:
            self._search_origin = (view.cursor, view.scroll_y, view.current_quote)
        bar.add_class("-open")
        bar.value = self.search_query
        # at once, not after a refresh (Widget.focus): the keys typed right after / are the query
        self.screen.set_focus(bar)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search":  # a priority key: elsewhere (a pane's filter, a text field) / is theirs
            return self.screen is self.screen_stack[0] and (self.focused is None or self.focused.id == "article")
        return super().check_action(action, parameters)

    def run_search(self, query: str) -> None:
        """Find ``query`` (live, as it is typed): paint every match, the one after the cursor current."""
        view = self.article
        result = self.session.search(query)
        self.search_query = query
        self.hits = result.hits
        self.note_hits = result.in_annotations
        origin = self._search_origin[0] if self._search_origin else view.cursor
        self.hit_index = search.nearest(self.hits, origin) if self.hits else None
        view.set_search(self.hits, self.hit_index)
        if self.hit_index is not None:
            view.reveal(self.hits[self.hit_index][0])
        self._say()

    def on_input_changed(self, event: Any) -> None:
        if event.input.id == "search":
            event.stop()
            self.run_search(event.value)

    def on_input_submitted(self, event: Any) -> None:
        if event.input.id != "search":
            return
        event.stop()
        self._close_search_bar()
        self._search_origin = None
        if not event.value.strip():
            self.clear_search()
            return
        if self.hit_index is not None:
            self._go_to_hit(self.hit_index)

    def on_search_bar_cancelled(self, message: Any) -> None:
        """Esc in the prompt: no search, and the cursor and the page back where they were."""
        origin = self._search_origin
        self._close_search_bar()
        self.clear_search()
        if origin is not None:
            cursor, scroll, quote = origin
            view = self.article
            view.move_cursor(cursor, scroll=False, quote=quote if quote is not None and view._quote_selected else None)
            view.scroll_to(y=scroll, animate=False, immediate=True)
        self._search_origin = None

    def _close_search_bar(self) -> None:
        self.query_one("#search").remove_class("-open")
        self.screen.set_focus(self.article)  # at once: n typed right after Enter is the article's

    def clear_search(self) -> None:
        self.search_query = ""
        self.hits, self.hit_index, self.note_hits = [], None, 0
        self.article.set_search([], None)
        self._say()

    def _go_to_hit(self, index: int) -> None:
        view = self.article
        self.hit_index = index
        view.set_search(self.hits, index)
        view.move_cursor(self.hits[index][0])
        self._say()

    def _step_search(self, direction: int) -> None:
        if not self.hits:
            self.notify("No search: press / first" if not self.search_query else "No match", timeout=2)
            return
        here = self.article.cursor
        if self.hit_index is not None and self.hits[self.hit_index][0] == here:
            index = search.step(len(self.hits), self.hit_index, direction)
        elif direction > 0:
            index = search.nearest(self.hits, here + 1)
        else:
            index = search.step(len(self.hits), search.nearest(self.hits, here), -1)
        self._go_to_hit(index)

    def action_search_next(self) -> None:
        self._step_search(1)

    def action_search_previous(self) -> None:
        self._step_search(-1)

    # -------------------------------------------------------------- focus
    def action_focus_speaker(self) -> None:
        view = self.article
        if view.focus_speaker is not None:
            view.set_focus(None)
            self._say()
            return
        speaker = self._speaker_to_focus()
        if speaker is None:
            self.notify("Put the cursor on an attributed quotation (or a speaker in the pane) first", timeout=3)
            return
        view.set_focus(speaker, self.faint_colour())
        self._say()

    def _speaker_to_focus(self) -> int | None:
        focused = self.focused
        if focused is not None and focused.id == "speakers":
            row = getattr(focused, "current_row", None)
            return row.id if row is not None and row.is_speaker else None
        quote = self.article.quote_here()
        return quote.speaker if quote is not None else None

    def action_clear(self) -> None:
        """Esc: close an open overlay pane, else clear the search, else the focus."""
        open_panes = [name for name, selector in PANES.items()
                      if self.query(selector) and self._pane(selector).has_class("-open")]
        if open_panes:
            for name in open_panes:
                self._pane(PANES[name]).remove_class("-open")
            self.article.focus()
        elif self.search_query:
            self.clear_search()
        elif self.article.focus_speaker is not None:
            self.article.set_focus(None)
            self._say()

    # ------------------------------------------------------------ evidence
    def action_evidence(self) -> None:
        quote = self.article.quote_here()
        if quote is None:
            self.notify("Put the cursor on a quotation first (] jumps to the next one)", timeout=3)
            return
        if self._evidence_ready:
            self._show_evidence(quote)
            return
        self.notify("Working out the evidence…", timeout=2)

        def work() -> None:
            try:
                self.session.evidence()
                explained = True
            except Exception:  # noqa: BLE001 - the decision itself is still shown
                explained = False
            self.call_from_thread(self._evidence_worked_out, quote, explained)

        self.run_worker(work, thread=True, group="evidence")

    def _evidence_worked_out(self, quote: Quote, explained: bool) -> None:
        self._evidence_ready = True
        self._explained = explained
        self._show_evidence(quote)

    def _show_evidence(self, quote: Quote) -> None:
        from .components.evidence_screen import (
            EvidenceScreen,
            evidence_rows,
            trace_lines,
        )

        trace = self.session.evidence().get((quote.start, quote.end)) if self._explained else None
        steps = trace_lines(trace) if trace is not None else None
        self.push_screen(EvidenceScreen(evidence_rows(quote, self._speaker_name(quote.speaker), self.doc.text),
                                        steps))

    # --------------------------------------------------------------- panes
    def _pane(self, selector: str) -> Widget:
        return self.query_one(selector)

    def _set_width_class(self, width: int) -> None:
        screen = self.screen_stack[0] if self.screen_stack else None
        if screen is not None and screen.has_class("-narrow") != (width < NARROW_BELOW):
            screen.set_class(width < NARROW_BELOW, "-narrow")

    def on_resize(self, event: events.Resize) -> None:
        self._set_width_class(event.size.width)

    @property
    def narrow(self) -> bool:
        return self.screen_stack[0].has_class("-narrow")

    def action_toggle_pane(self, name: str) -> None:
        if name == "outline" and not self._outline_ready and not self._mount_outline():
            return
        pane = self._pane(PANES[name])
        if name == "outline" or self.narrow:  # an overlay over the article
            opening = not pane.has_class("-open")
            for other, selector in PANES.items():
                if other != name:
                    self.query(selector).remove_class("-open")
            pane.set_class(opening, "-open")
            if opening:
                self.call_after_refresh(self._focus_inside, pane)
            else:
                self.article.focus()
        else:
            pane.toggle_class("-hidden")
            if pane.has_class("-hidden") and pane.has_focus_within:
                self.article.focus()

    def action_toggle_panes(self) -> None:
        if self.narrow:
            self.action_toggle_pane("speakers")
            return
        hide = not all(self._pane(PANES[n]).has_class("-hidden") for n in ("speakers", "annotations"))
        for name in ("speakers", "annotations"):
            self._pane(PANES[name]).set_class(hide, "-hidden")
        if hide:
            self.article.focus()

    def _focus_inside(self, pane: Widget) -> None:
        for child in pane.query("*"):
            if child.focusable:
                child.focus()
                return

    def _mount_outline(self) -> bool:
        from textual.containers import Vertical

        from .components.outline_pane import OutlinePane, headings

        found = headings(self.doc)
        if len(found) < 2:  # a title alone is no outline
            self.notify("This document has no chapters or sections to outline", timeout=2)
            return False
        pane = Vertical(OutlinePane(found, id="outline"), id="outline-pane", classes="pane")
        pane.border_title = Content("Outline")
        self.query_one("#panes").mount(pane)
        self._outline_ready = True
        return True

    def on_outline_pane_jump(self, message: OutlinePane.Jump) -> None:
        self._pane(PANES["outline"]).remove_class("-open")
        view = self.article
        view.move_cursor(message.offset, scroll=False)
        if view.lines is not None:
            view.scroll_to(y=view.lines.row_of(message.offset), animate=False, immediate=True)
        view.focus()
