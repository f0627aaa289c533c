"""Speakers across the library (``p`` in the library, ``P`` anywhere): every quotation of every
speaker in every document read, by speaker and then by date; ``/`` filters by name; Enter opens
the article at the quotation.

Rows come from :func:`tui.store.visits.library_speakers` (the quotations as last read, the
reader's corrections applied, aliases joined).  The app opens the document.
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

from ...store.visits import LibrarySpeaker, Quoted
from .filtered_table_screen import FilteredTableScreen
from .text_clip import clip

COLUMNS = ("Speaker", "Date", "Document", "Quotation")


class SpeakersScreen(FilteredTableScreen):
    FILTER_ID = "speakers-filter"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,P", "close", "Back", show=True),
        Binding("slash,f", "filter", "Filter", show=True),
    ]

    class Open(Message):
        """Open ``quoted.entry`` at the quotation."""

        def __init__(self, quoted: Quoted) -> None:
            super().__init__()
            self.quoted = quoted

    def __init__(self, speakers: list[LibrarySpeaker]) -> None:
        super().__init__()
        self.speakers = list(speakers)
        self.filter = ""
        self.rows: list[Quoted] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="speakers-library"):
            yield Label("Speakers across the library", classes="dialog-title")
            yield Input(placeholder="filter: a speaker's name", id="speakers-filter")
            yield DataTable(id="speakers-table", cursor_type="row", zebra_stripes=True)
            yield Static(Content(""), id="speakers-status", classes="dialog-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        self.query_one("#speakers-filter").display = False
        self._fill()
        table.focus()

    def _matches(self, s: LibrarySpeaker) -> bool:
        names = " ".join((s.name, *s.aliases)).casefold()
        return all(w in names for w in self.filter.casefold().split())

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        self.rows = []
        shown = [s for s in self.speakers if self._matches(s)]
        for s in shown:
            for i, q in enumerate(s.quotes):
                self.rows.append(q)
                table.add_row(Text(clip(s.name, 28) if i == 0 else ""), Text((q.entry.date or q.entry.read)[:10]),
                              Text(clip(q.entry.title or "(untitled)", 36)), Text(clip(q.quote.text, 80)))
        count = sum(len(s.quotes) for s in shown)
        head = f"{len(shown)} speaker{'s' * (len(shown) != 1)}, {count} quotation{'s' * (count != 1)}"
        hint = "Enter opens the article at the quotation · / filters by name · Esc goes back"
        self.query_one("#speakers-status", Static).update(Content(f"{head}\n{hint}"))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self.query_one(DataTable).cursor_row
        if 0 <= row < len(self.rows):
            self.post_message(self.Open(self.rows[row]))
