"""The library (``L``): every document read before, with its title, source, date, quotations,
annotations and when it was last read.  Enter opens one; ``d`` forgets it (``u`` undoes);
``s`` changes the order, ``r`` reverses it; ``/`` filters.

The screen only shows and asks: the app does the store work (in a worker) and hands the new
list back through :meth:`LibraryScreen.set_entries`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Input, Label, Static

from ...store.visits import SORTS, Entry, sort_entries
from .filtered_table_screen import FilteredTableScreen
from .text_clip import clip, one_line

SORT_ORDER = tuple(SORTS)  # read, title, date, source, quotes, annotations
COLUMNS = ("Title", "Source", "Date", "Quotes", "Notes", "Last read")


class LibraryScreen(FilteredTableScreen):
    FILTER_ID = "library-filter"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,L", "close", "Back", show=True),
        Binding("d", "forget", "Forget", show=True),
        Binding("u", "undo", "Undo forget", show=True),
        Binding("s", "sort", "Sort", show=True),
        Binding("r", "reverse", "Reverse", show=False),
        Binding("slash,f", "filter", "Filter", show=True),
        Binding("p", "app.library_speakers", "Speakers", show=True),
    ]

    class Open(Message):
        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    class Forget(Message):
        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    class Undo(Message):
        pass

    def __init__(self, entries: list[Entry], current: str | None = None) -> None:
        super().__init__()
        self.entries = list(entries)
        self.current = current  # the id of the document being read: marked in the list
        self.sort = "read"
        self.reverse = False
        self.filter = ""
        self.shown: list[Entry] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="library"):
            yield Label("Library", id="library-title", classes="dialog-title")
            yield Input(placeholder="filter: words of the title, source, date or path", id="library-filter")
            yield DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
            yield Static(Content(""), id="library-status", classes="dialog-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        self.query_one("#library-filter").display = False
        self._fill()
        table.focus()

    # ---------------------------------------------------------------- showing
    def set_entries(self, entries: list[Entry]) -> None:
        self.entries = list(entries)
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        keep = self.selected
        self.shown = sort_entries([e for e in self.entries if e.matches(self.filter)], self.sort, self.reverse)
        table.clear()
        for e in self.shown:
            title = clip(e.title or "(untitled)", 60) + (" ◂ reading" if e.doc_id == self.current else "")
            table.add_row(Text(title), Text(clip(e.source, 40)), Text(clip(e.date, 10)),
                          Text("-" if e.quotes is None else str(e.quotes), justify="right"),
                          Text(str(e.annotations), justify="right"),
                          Text(e.read[:16].replace("T", " ")), key=e.key)
        keys = [e.key for e in self.shown]
        if keep is not None and keep.key in keys:  # the same document, whatever changed in its entry
            table.move_cursor(row=keys.index(keep.key))
        n, total = len(self.shown), len(self.entries)
        shown = f"{n} of {total} documents" if self.filter else f"{total} document{'s' * (total != 1)}"
        order = f"sorted by {self.sort}" + (", reversed" if self.reverse else "")
        hint = "Enter opens · d forgets · u undoes · s sorts · r reverses · / filters · p speakers · Esc goes back"
        where = f" · filter: {one_line(self.filter)}" if self.filter else ""
        self.query_one("#library-status", Static).update(Content(f"{shown}, {order}{where}\n{hint}"))

    @property
    def selected(self) -> Entry | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row is None or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row]

    # ---------------------------------------------------------------- actions
    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        entry = self.selected
        if entry is not None:
            self.post_message(self.Open(entry))

    def action_forget(self) -> None:
        entry = self.selected
        if entry is None:
            self.app.bell()
            return
        self.post_message(self.Forget(entry))

    def action_undo(self) -> None:
        self.post_message(self.Undo())

    def action_sort(self) -> None:
        self.sort = SORT_ORDER[(SORT_ORDER.index(self.sort) + 1) % len(SORT_ORDER)]
        self._fill()

    def action_reverse(self) -> None:
        self.reverse = not self.reverse
        self._fill()
