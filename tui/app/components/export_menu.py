"""The export menu (``x``): which export of the document to write."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

# (format, what, label): the exports of ``quotelens export``
CHOICES = (
    ("md", "quotes", "Markdown notes: citation, quotations by speaker, annotations"),
    ("csv", "quotes", "CSV: one row per quotation"),
    ("csv", "annotations", "CSV: one row per annotation"),
    ("w3c", "quotes", "W3C Web Annotations (JSON-LD), for other annotation tools"),
)


class ExportMenu(ModalScreen[tuple[str, str] | None]):
    """Dismisses with (format, what), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=True)]

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog"):
            yield Label("Export this document", classes="dialog-title")
            yield OptionList(*(Option(Content(label), id=f"{fmt}:{what}") for fmt, what, label in CHOICES),
                             id="export-choices")
            yield Static(Content("Enter writes the file in the current folder · Esc cancels"),
                         classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        fmt, what = (event.option.id or "md:quotes").split(":")
        self.dismiss((fmt, what))

    def action_cancel(self) -> None:
        self.dismiss(None)
