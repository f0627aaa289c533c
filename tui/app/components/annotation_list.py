"""The annotations pane: this document's annotations in reading order, orphans last, filterable."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..palette import HIGHLIGHT_MARKS
from .annotation_draft import AnnotationDraft
from .annotation_editor import AnnotationEditor
from .annotation_filter import AnnotationFilter, parse_filter
from .annotation_row import AnnotationRow, in_document_order
from .text_clip import clip, one_line

__all__ = ["AnnotationList", "AnnotationRow"]

EMPTY_HINT = "No annotations yet — press a"
NO_MATCH_HINT = "No annotations match the filter"
EXCERPT_CHARS = 80
NOTE_CHARS = 120


@lru_cache(maxsize=8192)  # rows are frozen: filtering and refreshing reuse the built prompts
def annotation_prompt(row: AnnotationRow) -> Content:
    """A row as plain Content: excerpt (+ "moved"), the note, then tags and speaker.

    Every line starts with the same colour bar, so a row reads as one block.
    """
    bar = ("▌", HIGHLIGHT_MARKS[row.color]) if row.color in HIGHLIGHT_MARKS else ("▏", "dim")
    first: list[str | tuple[str, str]] = []
    if row.status == "moved":  # first, so a narrow pane never cuts it off
        first += [("moved", "bold $warning"), " "]
    first.append((clip(row.excerpt, EXCERPT_CHARS) or "(empty)", "italic"))
    lines: list[list[str | tuple[str, str]]] = [first]
    if row.note.strip():
        lines.append([clip(row.note, NOTE_CHARS)])
    meta: list[str | tuple[str, str]] = []
    if row.tags:
        meta.append((" ".join("#" + clip(t, 40) for t in row.tags), "$accent"))
    if row.speaker:
        meta += ["  " if meta else "", ("— " + clip(row.speaker, 40), "dim")]
    if meta:
        lines.append(meta)
    parts: list[str | tuple[str, str]] = []
    for number, line in enumerate(lines):
        parts += ["\n" if number else "", bar, " ", *line]
    return Content.assemble(*parts)


class AnnotationList(Widget):
    """Enter jumps to an annotation, ``e`` edits, ``d`` deletes, ``u`` undoes, ``/`` filters."""

    BINDINGS = [
        Binding("e", "edit", "Edit", show=True),
        Binding("d", "delete", "Delete", show=True),
        Binding("u", "undo", "Undo", show=True),
        Binding("slash,f", "filter", "Filter", show=True),
        Binding("escape", "clear_filter", "Clear filter", show=True),
        Binding("down,j", "cursor(1)", "Next", show=False),
        Binding("up,k", "cursor(-1)", "Previous", show=False),
        Binding("enter", "jump", "Go to it", show=False),
    ]

    @dataclass
    class Jump(Message):
        annotation_id: str

    @dataclass
    class Highlighted(Message):
        """The cursor moved onto an annotation (the article may want to show it)."""

        annotation_id: str

    @dataclass
    class Edited(Message):
        annotation_id: str
        draft: AnnotationDraft

    @dataclass
    class Deleted(Message):
        annotation_id: str

    class UndoRequested(Message):
        pass

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.rows: tuple[AnnotationRow, ...] = ()
        self.known_tags: tuple[str, ...] = ()
        self.filter: AnnotationFilter = AnnotationFilter()
        self._shown: list[AnnotationRow | None] = []  # option index -> row (None: heading or hint)

    def compose(self) -> ComposeResult:
        yield Input(placeholder="tag:x color:yellow speaker:name words…", id="annotation-filter")
        yield Static(id="annotation-filter-status")
        yield OptionList(id="annotation-options", markup=False)

    def on_mount(self) -> None:
        self._refill()

    @property
    def options(self) -> OptionList:
        return self.query_one("#annotation-options", OptionList)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#annotation-filter", Input)

    def focus(self, scroll_visible: bool = True) -> AnnotationList:
        """Focus the list itself (the pane is only a frame)."""
        self.options.focus(scroll_visible)
        return self

    # -- data -----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[AnnotationRow]) -> None:
        """Show ``rows``; the cursor stays on the same annotation (or the same place) if it can."""
        self.rows = tuple(rows)
        if self.is_mounted:
            self._refill()

    def set_known_tags(self, tags: Iterable[str]) -> None:
        self.known_tags = tuple(dict.fromkeys(tags))

    @property
    def visible_rows(self) -> list[AnnotationRow]:
        return [row for row in self._shown if row is not None]

    @property
    def current_row(self) -> AnnotationRow | None:
        index = self.options.highlighted
        if index is None or index >= len(self._shown):
            return None
        return self._shown[index]

    def _refill(self) -> None:
        options = self.options
        previous = self.current_row
        previous_index = options.highlighted
        placed, orphans = in_document_order(self.rows)
        if self.filter.active:
            placed = [r for r in placed if self.filter.matches(r)]
            orphans = [r for r in orphans if self.filter.matches(r)]
        shown: list[AnnotationRow | None] = []
        items: list[Option | None] = []
        for row in placed:
            shown.append(row)
            items.append(Option(annotation_prompt(row)))
        if orphans:
            if placed:
                items.append(None)  # a separator line: not an option, so no entry in `shown`
            shown.append(None)
            items.append(Option(Content.assemble(("Orphans", "bold"), ("  (text gone from the article)", "dim italic")),
                                disabled=True))
            for row in orphans:
                shown.append(row)
                items.append(Option(annotation_prompt(row)))
        if not shown:
            hint = NO_MATCH_HINT if self.filter.active and self.rows else EMPTY_HINT
            shown.append(None)
            items.append(Option(Content.styled(hint, "dim italic"), disabled=True))
        self._shown = shown
        with self.prevent(OptionList.OptionHighlighted):
            options.clear_options()
            options.add_options(items)
            target = None
            if previous is not None:
                target = next((i for i, r in enumerate(shown) if r is not None and r.id == previous.id), None)
            if target is None and previous_index is not None:
                selectable = [i for i, r in enumerate(shown) if r is not None]
                target = min(selectable, key=lambda i: abs(i - previous_index), default=None)
            if target is None:
                target = next((i for i, r in enumerate(shown) if r is not None), None)
            options.highlighted = target
        self._show_filter_status(len(placed) + len(orphans))

    def _show_filter_status(self, count: int) -> None:
        status = self.query_one("#annotation-filter-status", Static)
        self.set_class(self.filter.active, "-filtered")
        if self.filter.active:
            status.update(Content.assemble(("Filter: ", "bold"), one_line(self.filter_input.value),
                                           f"  ({count} of {len(self.rows)}) · Esc clears"))

    # -- filter ---------------------------------------------------------------------------

    def apply_filter(self, query: str) -> None:
        """Filter by ``query`` (see annotation_filter.parse_filter); "" shows everything."""
        if self.filter_input.value != query:
            with self.filter_input.prevent(Input.Changed):
                self.filter_input.value = query
        self.filter = parse_filter(query)
        self._refill()

    def action_filter(self) -> None:
        self.add_class("-filtering")
        self.filter_input.focus()

    def action_clear_filter(self) -> None:
        self.remove_class("-filtering")
        self.apply_filter("")
        self.options.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return self.filter.active or self.has_class("-filtering")
        if action in ("edit", "delete"):
            return self.current_row is not None
        return True

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input is self.filter_input:
            event.stop()
            self.filter = parse_filter(event.value)
            self._refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input is self.filter_input:
            event.stop()
            if not self.filter.active:
                self.remove_class("-filtering")
            self.options.focus()

    # -- actions --------------------------------------------------------------------------

    def action_cursor(self, delta: int) -> None:
        if delta > 0:
            self.options.action_cursor_down()
        else:
            self.options.action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        row = self._shown[event.option_index] if event.option_index < len(self._shown) else None
        if row is not None:
            self.post_message(self.Jump(row.id))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        row = self._shown[event.option_index] if event.option_index < len(self._shown) else None
        if row is not None:
            self.post_message(self.Highlighted(row.id))

    def action_jump(self) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.Jump(row.id))

    def action_edit(self) -> None:
        row = self.current_row
        if row is None:
            self.app.bell()
            return
        annotation_id = row.id

        def done(draft: AnnotationDraft | None) -> None:
            if draft is not None:
                self.post_message(self.Edited(annotation_id, draft))

        editor = AnnotationEditor(row.excerpt, note=row.note, tags=row.tags, color=row.color,
                                  known_tags=self.known_tags)
        self.app.push_screen(editor, done)

    def action_delete(self) -> None:
        row = self.current_row
        if row is None:
            self.app.bell()
            return
        self.post_message(self.Deleted(row.id))

    def action_undo(self) -> None:
        self.post_message(self.UndoRequested())
