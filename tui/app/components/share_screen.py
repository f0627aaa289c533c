"""Share of voice, as a pane over the article: who is quoted, and how much (``V``)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from .share_bars import Bar, ShareBars
from .text_clip import one_line


class ShareScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,V", "close", "Close", show=True)]

    def __init__(self, title: str, bars: list[Bar], total_words: int) -> None:
        super().__init__()
        self.doc_title = one_line(title)
        self.bars = bars
        self.total_words = total_words

    def compose(self) -> ComposeResult:
        with Vertical(id="share-dialog", classes="dialog"):
            yield Label("Share of voice", classes="dialog-title")
            yield Static(Content(self.doc_title), classes="field-label")
            yield ShareBars(self.bars, id="share-bars")
            yield Static(Content(f"{self.total_words} quoted words in all; a bar is a speaker's part of them"),
                         classes="dialog-hint")
            yield Static(Content("Esc closes"), classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
