"""The help modal: every key, grouped in sections; scrollable; Esc, q or ? closes it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from .text_clip import one_line

Section = tuple[str, Sequence[tuple[str, str]]]
KEY_COLUMN_MAX = 18  # a longer key list wraps inside its own cell

_KEY_NAMES = {
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "space": "Space",
    "question_mark": "?",
    "slash": "/",
    "backspace": "Backspace",
    "delete": "Del",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
}


def key_label(keys: str) -> str:
    """A binding's key string ("escape,q", "ctrl+s") as shown to the reader ("Esc, q", "Ctrl+S")."""
    labels = []
    for key in keys.split(","):
        key = key.strip()
        if key in _KEY_NAMES:
            labels.append(_KEY_NAMES[key])
        elif "+" in key:
            *mods, last = key.split("+")
            labels.append("+".join([m.capitalize() for m in mods] + [_KEY_NAMES.get(last, last.upper())]))
        else:
            labels.append(key)
    return ", ".join(labels)


def describe_bindings(bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(key, description) rows for a component's BINDINGS, for the help screen.

    Bindings with the same description share a row ("Ctrl+S, Enter  Save")."""
    keys_of: dict[str, list[str]] = {}
    for binding in bindings:
        if isinstance(binding, Binding):
            keys, description = binding.key, binding.description
        else:
            keys, description = binding[0], binding[2] if len(binding) > 2 else ""
        if description:
            keys_of.setdefault(description, []).append(key_label(keys))
    return [(", ".join(labels), description) for description, labels in keys_of.items()]


class HelpScreen(ModalScreen[None]):
    """Lists ``sections`` of (title, [(key, description)])."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close help", show=True),
        Binding("j", "scroll(1)", "Scroll down", show=False),
        Binding("k", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self, sections: Sequence[Section]) -> None:
        super().__init__()
        self.sections = [
            (one_line(title), [(one_line(key), one_line(description)) for key, description in rows])
            for title, rows in sections
        ]

    def compose(self) -> ComposeResult:
        # Each row is a key cell and a description cell: a description that wraps stays in its
        # own column (a hanging indent), never back under the keys.
        width = max((len(key) for _, rows in self.sections for key, _ in rows), default=0)
        width = min(width, KEY_COLUMN_MAX)
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label("Keys", classes="dialog-title")
            with VerticalScroll(id="help-body"):
                for title, rows in self.sections:
                    yield Static(Content(title), classes="help-section")
                    for key, description in rows:
                        with Horizontal(classes="help-row"):
                            key_cell = Static(Content.styled(key, "bold"), classes="help-key")
                            key_cell.styles.width = width + 2
                            yield key_cell
                            yield Static(Content(description), classes="help-description")
            yield Static(Content("Esc, q or ? closes"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_scroll(self, delta: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_relative(y=delta, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
