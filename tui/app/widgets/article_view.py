"""The article: one widget on Textual's line API, whatever the length of the document.

``render_line(y)`` looks up display row ``first_row() + y`` (``scroll_y``, or the restored
reading position until the scroll reaches it) in a :class:`LineMap` (built once per width),
and returns a cached Strip of it.  The cursor, the selection and the current
quotation are drawn over the cached rows only where they are, so moving the cursor repaints
two rows, not the document.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from ...engine.model import Analysis, Document, Quote
from .. import motions
from ..keymap import bindings
from ..layout import GUTTER, SEPARATOR, LineMap, block_prefix, build_line_map
from ..render import (
    CURRENT_HIT,
    CURRENT_QUOTE,
    CURSOR,
    CURSOR_IN_SELECTION,
    EMPTY,
    SEARCH_HIT,
    SELECTION,
    IntervalIndex,
    Layers,
    Paint,
    focus_paints,
    row_strip,
    row_text,
    span_paints,
)
from ..row_cache import RowCache

# The widest a row gets, its two-cell gutter included: about 86 characters of text, a readable
# measure. A wider view centres the text between blank margins.
MEASURE = 88
ROWS_CACHED = 2048  # rows kept built per quote layer
LAYERS_CACHED = 3  # quote layers whose rows are kept (every quotation in colour, and the last foci)
PREFETCH_ROWS = 8  # rows built (and framed) ahead of need in one go, between keys


class ArticleView(ScrollView, can_focus=True):
    """A scrolling, wrapping view of a Document with a character cursor."""

    BINDINGS = bindings("article", "visual")
    ALLOW_SELECT = False  # a mouse drag moves this view's own cursor and selection (then ``a`` annotates)

    class AnnotateRequested(Message):
        """The reader pressed ``a``: annotate ``text[start:end]``."""

        def __init__(self, start: int, end: int) -> None:
            super().__init__()
            self.start = start
            self.end = end

    class HighlightRequested(Message):
        """The reader pressed 1–5: highlight ``text[start:end]`` in colour ``number`` at once."""

        def __init__(self, start: int, end: int, number: int) -> None:
            super().__init__()
            self.start = start
            self.end = end
            self.number = number

    class Scrolled(Message):
        """The first row on screen changed: ``top`` is its character offset (the reading position)."""

        def __init__(self, top: int) -> None:
            super().__init__()
            self.top = top

    class CurrentQuoteChanged(Message):
        """The current quotation changed (``quote`` None: the cursor left every quotation)."""

        def __init__(self, quote: Quote | None) -> None:
            super().__init__()
            self.quote = quote

    class ReassignRequested(Message):
        """The reader pressed ``s`` on a quotation."""

        def __init__(self, quote: Quote) -> None:
            super().__init__()
            self.quote = quote

    def __init__(self, doc: Document, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.doc = doc
        self.lines: LineMap | None = None
        self.paint_layers = Layers(IntervalIndex(span_paints(doc)), IntervalIndex(()), IntervalIndex(()))
        self.quotes: tuple[Quote, ...] = ()
        self._quote_starts: list[int] = []
        self.cursor = motions.snap(doc, 0)
        # visual selection anchor; it shadows Widget.anchor(), a method this widget never uses
        # (to be renamed selection_anchor once the reader's work on this view has landed)
        self.anchor: int | None = None  # type: ignore[assignment]
        self.current_quote: int | None = None  # index into self.quotes
        self._quote_selected = False  # the current quote was chosen with ] or [ and the cursor is on it
        self._goal_column: int | None = None
        self._cache: RowCache[int, Strip] = RowCache(ROWS_CACHED)
        # the rows drawn under each quote layer (every quotation in colour, or one speaker in focus):
        # f and f again (or Esc) find their rows already built
        self._caches: dict[tuple[int | None, str], RowCache[int, Strip]] = {(None, ""): self._cache}
        self._cache_margin = 0
        self._background: Style | None = None
        # told of each new current quotation synchronously (a message would arrive a frame later)
        self.quote_listener: Callable[[Quote | None], None] | None = None
        self._pending_top: int | None = None
        self._quote_paints: list[Paint] = []
        self._reported_quote: Quote | None = None
        self.focus_speaker: int | None = None  # only this speaker's quotations are in colour
        self._focus_faint = "#5F5F5F"
        # the quote layer of each (speaker, faint) focus, built once per analysis: f toggles between them
        self._focus_layers: dict[tuple[int | None, str], IntervalIndex] = {}
        # what every row of one repaint shares (width, margin, first row, overlays): worked out once
        # per render_lines, not once per row (the geometry properties walk Textual's styles each time)
        self._pass: tuple[int, int, int, list[Paint], range | None] | None = None
        self._in_pass = False
        self._prefetch_queued = False
        # framed lines (border and all, what Textual's styles cache makes of a row), by
        # (serial of the row cache they were drawn from, row)
        self._framed: RowCache[tuple[int, int], Strip] = RowCache(ROWS_CACHED)
        self._framed_key: tuple[object, ...] | None = None
        self._serials: dict[int, int] = {}
        self._next_serial = 1
        self.hits: list[tuple[int, int]] = []  # the search's matches
        self.current_hit: int | None = None
        self._drag_from: int | None = None

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """Textual's vertical scrollbar, drawn faster (see :mod:`.article_scrollbar`)."""
        if self._vertical_scrollbar is None:
            from .article_scrollbar import ArticleScrollBar

            bar = self._vertical_scrollbar = ArticleScrollBar(vertical=True, name="vertical",
                                                              thickness=self.scrollbar_size_vertical)
            bar.display = False
            self.app._start_widget(self, bar)  # as Widget.vertical_scrollbar does
        return self._vertical_scrollbar

    # ----------------------------------------------------------------- data
    def set_analysis(self, analysis: Analysis, quote_paints: list[Paint]) -> None:
        """New quotations or colours: every cached row may change colour."""
        before = self._current_quote_obj()
        self.quotes = tuple(sorted(analysis.quotes, key=lambda q: q.mark_start))
        self._quote_starts = [q.mark_start for q in self.quotes]
        self.current_quote = None
        if before is not None:
            for i, q in enumerate(self.quotes):
                if (q.start, q.end) == (before.start, before.end):
                    self.current_quote = i
        self._quote_paints = list(quote_paints)
        self._focus_layers.clear()
        self._caches.clear()
        self._set_quote_layer()
        self._report_quote()

    def _set_quote_layer(self) -> None:
        key = (self.focus_speaker, self._focus_faint if self.focus_speaker is not None else "")
        quotes = self._focus_layers.get(key)
        if quotes is None:
            paints = self._quote_paints
            if self.focus_speaker is not None:
                keep = [(q.mark_start, q.mark_end) for q in self.quotes if q.speaker == self.focus_speaker]
                paints = focus_paints(len(self.doc.text), paints, keep, self._focus_faint)
            quotes = self._focus_layers[key] = IntervalIndex(paints)
            self._caches.pop(key, None)  # rows drawn under an older analysis
        layers = self.paint_layers
        self.paint_layers = Layers(layers.spans, quotes, layers.highlights, layers.search)
        cache = self._caches.pop(key, None)
        if cache is None:
            cache = RowCache(ROWS_CACHED)
            self._serials = {id(c): self._serials.get(id(c), 0) for c in self._caches.values()}
            self._serials[id(cache)] = self._next_serial  # framed lines of this cache's rows: a new key
            self._next_serial += 1
        self._caches[key] = self._cache = cache  # (now the most recent)
        while len(self._caches) > LAYERS_CACHED:
            del self._caches[next(iter(self._caches))]
        self.refresh()

    def _clear_rows(self) -> None:
        """Every built row is stale (new search matches, width, margin, theme): under every layer."""
        for cache in self._caches.values():
            cache.clear()
        self._framed.clear()

    def set_focus(self, speaker: int | None, faint: str = "") -> None:
        """Dim everything but ``speaker``'s quotations (None: every quotation in colour again)."""
        self.focus_speaker = speaker
        if faint:
            self._focus_faint = faint
        self._set_quote_layer()

    def focus_quotes(self) -> list[int]:
        """Indexes of the quotations ``]`` and ``[`` step through: the focused speaker's, or all."""
        if self.focus_speaker is None:
            return list(range(len(self.quotes)))
        return [i for i, q in enumerate(self.quotes) if q.speaker == self.focus_speaker]

    def set_search(self, hits: list[tuple[int, int]], current: int | None) -> None:
        """Paint the search's matches, ``current`` (an index into ``hits``) brighter."""
        old_current = self.hits[self.current_hit] if self.current_hit is not None and self.hits else None
        same_hits = hits is self.hits or hits == self.hits
        self.hits, self.current_hit = hits, current
        layers = self.paint_layers
        if not same_hits:
            paints = [(s, e, SEARCH_HIT) for s, e in hits] if hits else []
            self.paint_layers = Layers(layers.spans, layers.quotes, layers.highlights,
                                       IntervalIndex(paints) if paints else EMPTY)
            self._clear_rows()
            self.refresh()
            return
        if self.lines is not None:  # only the current match moved: redraw its old and new rows
            changed = [old_current] + ([hits[current]] if current is not None and hits else [])
            self._refresh_rows([self.lines.rows_of(s, e) for s, e in (c for c in changed if c is not None)])

    def set_highlights(self, paints: list[Paint]) -> None:
        """New annotation highlights: only rows whose highlights changed are redrawn."""
        old = self.paint_layers.highlights.paints
        layers = self.paint_layers
        self.paint_layers = Layers(layers.spans, layers.quotes, IntervalIndex(paints), layers.search)
        changed = set(old) ^ set(paints)
        if self.lines is None:
            return
        for s, e, _ in changed:
            rows = self.lines.rows_of(s, e)
            for r in rows:
                for cache in self._caches.values():
                    cache.discard(r)
            self._framed.clear()
            self.refresh_lines(rows.start, len(rows))

    # ------------------------------------------------------------ geometry
    @property
    def text_width(self) -> int:
        """Cells a row of text is wrapped to: the view's width up to the readable MEASURE."""
        return min(self.scrollable_content_region.width, MEASURE)

    @property
    def margin(self) -> int:
        """Blank cells left of the text, centring the measure in a wide view."""
        return max(0, (self.scrollable_content_region.width - MEASURE) // 2)

    def _rewrap(self) -> None:
        width = self.text_width
        if width <= 0 or (self.lines is not None and self.lines.width == width):
            return
        top = self._pending_top if self._pending_top is not None else self.top_offset
        self.lines = build_line_map(self.doc, width)
        self._clear_rows()
        self.virtual_size = Size(width, len(self.lines))
        if top:
            self._pending_top = top
            self.call_after_refresh(self._apply_pending_top)
        self.refresh()

    def _apply_pending_top(self, attempts: int = 5) -> None:
        """Scroll to the pending top offset once the new virtual size is laid out."""
        if self._pending_top is None or self.lines is None:
            return
        row = self.lines.row_of(self._pending_top)
        self.scroll_to(y=row, animate=False, immediate=True)
        if int(self.scroll_y) == min(row, int(self.max_scroll_y)) and self.max_scroll_y > 0 or attempts <= 0:
            self._pending_top = None
        else:
            self.call_after_refresh(self._apply_pending_top, attempts - 1)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if int(old_value) != int(new_value) and self.lines is not None and self._pending_top is None:
            top = self.top_offset
            if top is not None:
                self.post_message(self.Scrolled(top))

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def on_mount(self) -> None:
        self._rewrap()

    @property
    def top_offset(self) -> int | None:
        """Character offset of the first text row on screen (the reading position)."""
        if self.lines is None or self._pending_top is not None:
            return self._pending_top
        row = min(int(self.scroll_y), len(self.lines) - 1)
        while row < len(self.lines) - 1 and self.lines.blocks[row] == SEPARATOR:
            row += 1
        return self.lines.starts[row]

    def restore_position(self, offset: int) -> None:
        """Scroll so that ``offset`` is on the top row and put the cursor there."""
        offset = motions.snap(self.doc, offset)
        self.move_cursor(offset, scroll=False)
        self._pending_top = offset
        self.call_after_refresh(self._apply_pending_top)

    # ------------------------------------------------------------ rendering
    def _overlays(self) -> tuple[list[Paint], range | None]:
        overlays: list[Paint] = []
        marked = None
        q = self._current_quote_obj()
        if q is not None:
            overlays.append((q.mark_start, q.mark_end, CURRENT_QUOTE))
            if self.lines is not None:
                marked = self.lines.rows_of(q.mark_start, q.mark_end)
        if self.current_hit is not None and self.current_hit < len(self.hits):
            s, e = self.hits[self.current_hit]
            overlays.append((s, e, CURRENT_HIT))
        if self.anchor is not None:
            lo, hi = sorted((self.anchor, self.cursor))
            overlays.append((lo, hi + 1, SELECTION))
            overlays.append((self.cursor, self.cursor + 1, CURSOR_IN_SELECTION))
        else:
            overlays.append((self.cursor, self.cursor + 1, CURSOR))
        return overlays, marked

    def _overlay_rows(self) -> list[range]:
        if self.lines is None:
            return []
        overlays, _ = self._overlays()
        return [self.lines.rows_of(s, e) for s, e, _ in overlays]

    def first_row(self) -> int:
        """The display row on the top line of the view.

        While a restored position waits for the scroll to catch up (the virtual size is laid out
        a frame after the first wrap), rows are drawn from where the scroll is going, so the
        first frame already shows the reader's place, never the top of the article."""
        if self._pending_top is not None and self.lines is not None:
            last = max(0, len(self.lines) - self.scrollable_content_region.height)
            return max(0, min(self.lines.row_of(self._pending_top), last))
        return int(self.scroll_y)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._background = None  # the theme or the CSS changed: the background and cached rows with it
        self._clear_rows()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._pass, self._in_pass = None, True
        try:
            return self._framed_lines(crop)
        finally:
            self._pass, self._in_pass = None, False
            if not self._prefetch_queued and self.lines is not None and self._background is not None:
                self._prefetch_queued = True
                self.call_later(self._prefetch)

    def _frame(self) -> tuple[object, ...]:
        """What Textual's styles cache needs to frame a content row (border, padding, colours,
        filters), as a key: framed rows stay valid while it is the same."""
        styles = self.styles
        app = self.app
        base_background, background = self.background_colors
        return (self.region.size, self.content_region.size, styles.padding, base_background, background,
                styles.border, styles.outline, styles.tint, styles.text_opacity, self.opacity,
                styles.hatch if styles.has_rule("hatch") else None, app.ansi_theme, app.native_ansi_color,
                tuple(self.get_line_filters()))

    def _framed_lines(self, crop: Region) -> list[Strip]:
        """Lines as Textual's styles cache draws them (border, background, the app's filters), with
        each content row's framed line kept by document row: a scroll or a page then frames only the
        rows it has not framed before, and a row that moves up the screen is not framed again."""
        frame = self._frame()
        if frame != self._framed_key:
            self._framed_key = frame
            self._framed.clear()
        top, content_height = self.styles.gutter.top, self.content_region.height
        if self.lines is None or crop.column_span != (0, self.region.width):
            return super().render_lines(crop)  # anything unusual: Textual's way
        if self._background is None:
            self._background = self.rich_style
        _, _, first_row, overlays, marked = self._pass or self._begin_pass()
        lines = self.lines
        serial = self._serials.get(id(self._cache), 0)
        out = []
        for y in crop.line_range:
            if not 0 <= y - top < content_height:  # the border: Textual's way
                out.extend(super().render_lines(Region(crop.x, y, crop.width, 1)))
                continue
            row = first_row + y - top
            plain = (row < len(lines) and not (marked is not None and row in marked)
                     and not any(p[0] <= lines.ends[row] and p[1] >= lines.starts[row] for p in overlays))
            key = (serial, row)
            strip = self._framed.get(key) if plain else None
            if strip is None:
                strip = self._frame_row(frame, self.render_line(y - top))
                if plain:
                    self._framed[key] = strip
            out.append(strip)
        return out

    def _frame_row(self, frame: tuple[object, ...], content: Strip) -> Strip:
        """``content`` framed as Textual's styles cache frames a content line of this widget."""
        size, content_size, padding, base_background, background = frame[:5]
        strip = self._styles_cache.render_line(
            self.styles, self.styles.gutter.top, size, content_size, padding,  # type: ignore[arg-type]
            base_background, background, lambda _y: content, None, None,  # type: ignore[arg-type]
            self.opacity, self.app.ansi_theme, self.app.native_ansi_color)
        for line_filter in frame[-1]:  # type: ignore[attr-defined]
            strip = strip.apply_filter(line_filter, background)  # type: ignore[arg-type]
        return strip

    def _screen_cuts(self) -> list[int]:
        """Where the screen's compositor cuts a content row of this view before sending it out:
        at each edge of the scrollbar drawn over it and at the view's right edge (a pane opened
        over the article cuts elsewhere; then the compositor cuts the rows itself)."""
        region = self.region
        cuts = {region.width}
        bar = self._vertical_scrollbar
        if bar is not None and bar.display and self.show_vertical_scrollbar:
            x, right = bar.region.x - region.x, bar.region.right - region.x
            cuts |= {x, right}
        return sorted(cut for cut in cuts if 0 < cut <= region.width)

    def _prefetch_rows(self) -> list[int]:
        """Rows the next keys will likely show (the page below, the page above, the last page),
        not yet built."""
        if self.lines is None:
            return []
        total, height = len(self.lines), max(self.size.height, 1)
        top = self.first_row()
        wanted = [*range(top + height, min(top + 2 * height, total)), *range(max(top - height, 0), top),
                  *range(max(total - height, 0), total)]
        serial = self._serials.get(id(self._cache), 0)
        return [r for r in dict.fromkeys(wanted) if (serial, r) not in self._framed]

    def _prefetch(self) -> None:
        """Build, while the reader reads, the rows a page or a jump would show next: a keypress
        then only draws the rows it changes (the cursor's, the current quotation's).  A few
        rows at a time, so a key that arrives meanwhile waits a fraction of a millisecond; and
        none while a repaint is waiting (a key just changed the screen): that frame goes first."""
        # (Textual's private set of widgets to repaint: read with a fallback, as the reader's
        # compositor is used only on the Textual it was written for, but this runs on any)
        if self.is_attached and getattr(self.screen, "_dirty_widgets", None):
            self.call_after_refresh(self._prefetch)
            return
        self._prefetch_queued = False
        background = self._background
        width = self.size.width
        if background is None or self.lines is None or width <= 0 or self.lines.width != self.text_width:
            return
        margin = self.margin
        if margin != self._cache_margin:
            return
        frame = self._frame()
        if frame != self._framed_key:
            return
        rows = self._prefetch_rows()
        serial = self._serials.get(id(self._cache), 0)
        cuts = self._screen_cuts()
        for row in rows[:PREFETCH_ROWS]:
            content = self._cache.get(row)
            if content is None:
                content = self._cache[row] = self._row_strip(row, width, background, margin)
            framed = self._framed[(serial, row)] = self._frame_row(frame, content)
            framed.divide(cuts)  # (kept on the strip: the compositor's cut of it then costs nothing)
        if len(rows) > PREFETCH_ROWS:
            self._prefetch_queued = True
            self.call_later(self._prefetch)

    def _begin_pass(self) -> tuple[int, int, int, list[Paint], range | None]:
        """Width, margin, first row and overlays for every row of this repaint."""
        if self.lines is None or self.lines.width != self.text_width:
            self._rewrap()  # the first frame is drawn before on_resize: wrap now, not a frame later
        margin = self.margin
        if margin != self._cache_margin:
            self._clear_rows()
            self._cache_margin = margin
        overlays, marked = self._overlays()
        found = (self.size.width, margin, self.first_row(), overlays, marked)
        if self._in_pass:
            self._pass = found
        return found

    def render_line(self, y: int) -> Strip:
        background = self._background
        if background is None:  # (rich_style walks every ancestor's styles: once, not per row)
            background = self._background = self.rich_style
        width, margin, first, overlays, marked = self._pass or self._begin_pass()
        lines = self.lines
        row = first + y
        if lines is None or row >= len(lines):
            return Strip.blank(width, background)
        live = [p for p in overlays if p[0] <= lines.ends[row] and p[1] >= lines.starts[row]]
        is_marked = marked is not None and row in marked
        if not live and not is_marked:
            strip = self._cache.get(row)
            if strip is None:
                strip = self._row_strip(row, width, background, margin)
                self._cache[row] = strip
        else:
            strip = self._row_strip(row, width, background, margin, live, is_marked)
        return strip

    def _row_strip(self, row: int, width: int, background: Style, margin: int,
                   live: list[Paint] | tuple[()] = (), marked: bool = False) -> Strip:
        assert self.lines is not None
        strip = row_strip(self.doc, self.lines, row, self.paint_layers, width - margin, background, live, marked)
        if margin:
            strip = Strip.join([Strip.blank(margin, background), strip])
        return strip

    def row_text(self, row: int) -> str:
        assert self.lines is not None
        return row_text(self.doc, self.lines, row)

    def visible_rows(self) -> range:
        top = self.first_row()
        return range(top, min(top + self.size.height, len(self.lines or ())))

    def _refresh_rows(self, ranges: list[range]) -> None:
        visible = self.visible_rows()
        for r in ranges:
            lo, hi = max(r.start, visible.start), min(r.stop, visible.stop)
            if lo < hi:
                self.refresh_lines(lo, hi - lo)

    # --------------------------------------------------------------- cursor
    def _current_quote_obj(self) -> Quote | None:
        if self.current_quote is None or self.current_quote >= len(self.quotes):
            return None
        return self.quotes[self.current_quote]

    def quote_at(self, offset: int) -> int | None:
        """Index of the quotation whose marks enclose ``offset``."""
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        while i >= 0:
            q = self.quotes[i]
            if q.mark_start <= offset < max(q.mark_end, q.end):
                return i
            if offset - q.mark_start > 100_000:
                break
            i -= 1
        return None

    def move_cursor(self, offset: int, *, scroll: bool = True, keep_goal: bool = False,
                    quote: int | None = None) -> None:
        before = self._overlay_rows()
        self.cursor = motions.snap(self.doc, offset)
        if not keep_goal:
            self._goal_column = None
        if quote is not None:
            self.current_quote = quote
            self._quote_selected = True
        else:
            self._quote_selected = False
            inside = self.quote_at(self.cursor)
            if inside is not None:
                self.current_quote = inside
        self._refresh_rows(before + self._overlay_rows())
        if scroll:
            self.scroll_cursor_visible()
        self._report_quote()

    def quote_here(self) -> Quote | None:
        """The quotation under the cursor, or the one ``]`` / ``[`` chose (the status line's)."""
        inside = self.quote_at(self.cursor)
        if inside is not None:
            return self.quotes[inside]
        return self._current_quote_obj() if self._quote_selected else None

    def _report_quote(self) -> None:
        quote = self.quote_here()
        if quote is not self._reported_quote:
            self._reported_quote = quote
            if self.quote_listener is not None:  # at once: the status line repaints in this frame
                self.quote_listener(quote)
            else:
                self.post_message(self.CurrentQuoteChanged(quote))

    def reveal(self, offset: int) -> None:
        """Scroll so that ``offset`` is on screen (a third of the way down), leaving the cursor."""
        if self.lines is None:
            return
        row = self.lines.row_of(offset)
        if row not in self.visible_rows():
            self.scroll_to(y=max(row - self.size.height // 3, 0), animate=False, immediate=True)

    def scroll_cursor_visible(self) -> None:
        if self.lines is None:
            return
        row = self.lines.row_of(self.cursor)
        top, height = int(self.scroll_y), max(self.size.height, 1)
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False, immediate=True)

    def _text_row(self, row: int) -> bool:
        assert self.lines is not None
        return self.lines.blocks[row] != SEPARATOR and self.lines.ends[row] > self.lines.starts[row]

    def _move_rows(self, delta: int) -> None:
        lines = self.lines
        if lines is None:
            return
        row = lines.row_of(self.cursor)
        visible = self.visible_rows()
        if visible and row not in visible:
            # scrolled away with the mouse or the scrollbar: the cursor comes back into view first
            row = visible.start if row < visible.start else visible.stop - 1
            while not self._text_row(row) and row + 1 < len(lines):
                row += 1
            self.move_cursor(lines.starts[row])
            return
        column = self._goal_column if self._goal_column is not None else self.cursor - lines.starts[row]
        step = 1 if delta > 0 else -1
        target = row
        remaining = abs(delta)
        r = row
        while remaining and 0 <= r + step < len(lines):
            r += step
            if self._text_row(r):
                target = r
                remaining -= 1
        if target == row:
            return
        start, end = lines.starts[target], lines.ends[target]
        last = end - 1
        while last > start and self.doc.text[last] in "\n ":
            last -= 1
        self.move_cursor(min(start + column, last), keep_goal=True)
        self._goal_column = column

    # -------------------------------------------------------------- actions
    def action_cursor_down(self) -> None:
        self._move_rows(1)

    def action_cursor_up(self) -> None:
        self._move_rows(-1)

    def action_cursor_left(self) -> None:
        if self.cursor > 0:
            target = self.cursor - 1
            while target > 0 and motions.snap(self.doc, target) != target:
                target -= 1
            self.move_cursor(target)

    def action_cursor_right(self) -> None:
        self.move_cursor(self.cursor + 1)

    def _page(self, direction: int) -> None:
        height = max(self.size.height - 1, 1)
        self.scroll_to(y=max(0, int(self.scroll_y) + direction * height), animate=False, immediate=True)
        self._move_rows(direction * height)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_top(self) -> None:
        self.move_cursor(0)

    def action_bottom(self) -> None:
        last = next((b for b in reversed(self.doc.blocks) if b.end > b.start), None)
        if last is not None:
            self.move_cursor(last.start)
            self.scroll_end(animate=False, immediate=True)

    def action_next_quote(self) -> None:
        i = bisect.bisect_right(self._quote_starts, self.cursor)
        if self.current_quote is not None and self._quote_selected:
            i = max(i, self.current_quote + 1)
        if self.focus_speaker is not None:
            i = next((j for j in range(i, len(self.quotes)) if self.quotes[j].speaker == self.focus_speaker),
                     len(self.quotes))
        if i < len(self.quotes):
            self.move_cursor(self.quotes[i].start, quote=i)
        else:
            self.notify("No more quotations below", timeout=2)

    def action_previous_quote(self) -> None:
        i = bisect.bisect_left(self._quote_starts, self.cursor) - 1
        current = self.quote_at(self.cursor)
        if current is not None:
            i = min(i, current - 1)
        if self.focus_speaker is not None:
            i = next((j for j in range(i, -1, -1) if self.quotes[j].speaker == self.focus_speaker), -1)
        if i >= 0:
            self.move_cursor(self.quotes[i].start, quote=i)
        else:
            self.notify("No more quotations above", timeout=2)

    def action_visual(self) -> None:
        before = self._overlay_rows()
        self.anchor = None if self.anchor is not None else self.cursor
        self._refresh_rows(before + self._overlay_rows())

    def action_cancel(self) -> None:
        if self.anchor is not None:
            self.action_visual()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel":
            return self.anchor is not None
        return True

    def action_word_forward(self) -> None:
        text = self.doc.text
        if self.anchor is not None:
            self.move_cursor(motions.word_end_forward(text, self.cursor))
        else:
            self.move_cursor(motions.word_start_forward(text, self.cursor))

    def action_word_backward(self) -> None:
        self.move_cursor(motions.word_start_backward(self.doc.text, self.cursor))

    def action_sentence_forward(self) -> None:
        if self.anchor is not None:
            self.move_cursor(motions.sentence_end(self.doc, self.cursor))
        else:
            self.move_cursor(motions.sentence_start_forward(self.doc, self.cursor))

    def action_sentence_backward(self) -> None:
        self.move_cursor(motions.sentence_start_backward(self.doc, self.cursor))

    def action_paragraph_forward(self) -> None:
        if self.anchor is not None:
            self.move_cursor(motions.block_end(self.doc, self.cursor))
        else:
            self.move_cursor(motions.next_block_start(self.doc, self.cursor))

    def action_paragraph_backward(self) -> None:
        self.move_cursor(motions.previous_block_start(self.doc, self.cursor))

    def annotation_target(self) -> tuple[int, int] | None:
        """What ``a`` annotates: the selection, else the current quotation, else the paragraph."""
        text = self.doc.text
        if self.anchor is not None:
            lo, hi = sorted((self.anchor, self.cursor))
            return motions.trim(text, lo, hi + 1)
        q = self._current_quote_obj()
        if q is not None and (self._quote_selected or q.mark_start <= self.cursor < q.mark_end):
            return q.start, q.end
        block = self.doc.block_at(self.cursor)
        if block is None or block.end <= block.start:
            return None
        return block.start, block.end

    def action_annotate(self) -> None:
        target = self.annotation_target()
        if target is None:
            self.notify("Nothing to annotate here", timeout=2)
            return
        self.post_message(self.AnnotateRequested(*target))

    def action_highlight(self, number: int) -> None:
        target = self.annotation_target()
        if target is None:
            self.notify("Nothing to highlight here", timeout=2)
            return
        self.post_message(self.HighlightRequested(*target, number))

    def clear_selection(self) -> None:
        if self.anchor is not None:
            self.action_visual()

    def action_reassign(self) -> None:
        q = self._current_quote_obj()
        inside = self.quote_at(self.cursor)
        if inside is not None:
            q = self.quotes[inside]
        elif not self._quote_selected:
            q = None
        if q is None:
            self.notify("Put the cursor on a quotation first (] jumps to the next one)", timeout=3)
            return
        self.post_message(self.ReassignRequested(q))

    def offset_at(self, event: events.MouseEvent) -> int | None:
        """The character under the mouse (None off the text)."""
        offset = event.get_content_offset(self)
        if self.lines is None or offset is None:
            return None
        row = int(self.scroll_y) + offset.y
        if 0 <= row < len(self.lines) and self._text_row(row):
            start, end = self.lines.starts[row], self.lines.ends[row]
            block = self.doc.blocks[self.lines.blocks[row]]
            column = offset.x - self.margin - GUTTER - len(block_prefix(block, self.lines.firsts[row]))
            return min(start + max(column, 0), end - 1)
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click puts the cursor on the character under the mouse; a drag from there selects."""
        if event.button != 1:
            return
        at = self.offset_at(event)
        if at is None:
            return
        self.focus()
        self.clear_selection()
        self.move_cursor(at)
        self._drag_from = self.cursor
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._drag_from is None or not event.button:
            return
        at = self.offset_at(event)
        if at is None or (at == self._drag_from and self.anchor is None):
            return
        if self.anchor is None:
            before = self._overlay_rows()
            self.anchor = self._drag_from
            self._refresh_rows(before)
        self.move_cursor(at, scroll=False)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._drag_from is not None:
            self._drag_from = None
            self.release_mouse()
