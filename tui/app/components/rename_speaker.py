"""The modal for renaming a speaker: one Input prefilled with the current name."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from .text_clip import one_line


class RenameSpeaker(ModalScreen[str | None]):
    """Dismisses with the new name (whitespace tidied), or None when cancelled or unchanged."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=True)]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.current_name = one_line(name)

    def compose(self) -> ComposeResult:
        with Vertical(id="rename-dialog", classes="dialog"):
            yield Label("Rename speaker", classes="dialog-title")
            yield Static(Content.assemble("Now: ", (self.current_name, "bold")), id="rename-current")
            yield Input(self.current_name, placeholder="New name", id="rename-input")
            yield Static(Content("Enter renames · Esc cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = one_line(event.value)
        if not name:
            self.app.bell()
            return
        self.dismiss(None if name == self.current_name else name)

    def action_cancel(self) -> None:
        self.dismiss(None)
