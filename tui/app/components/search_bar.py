"""The search prompt: ``/`` opens it under the article; typing searches live; Enter keeps the
matches for ``n`` / ``N``; Esc closes it and puts the cursor back where it was."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """An Input that says Cancelled on Esc (Changed and Submitted are Input's own)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel the search", show=False)]

    @dataclass
    class Cancelled(Message):
        search_bar: SearchBar

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search the article and the notes (capitals: exact case)", id=id)

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled(self))
