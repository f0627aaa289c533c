"""The modal for writing an annotation: the excerpt, a note, tags and a highlight colour."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from ..palette import HIGHLIGHTS
from .annotation_draft import AnnotationDraft, format_tags, parse_tags
from .color_row import ColorRow
from .tag_suggester import TagSuggester
from .text_clip import safe

EXCERPT_LIMIT = 4000  # characters of the excerpt shown; the rest is elided


class AnnotationEditor(ModalScreen[AnnotationDraft | None]):
    """Edit a note, tags and colour for ``excerpt``; dismisses with an AnnotationDraft or None."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", show=True, priority=True),
        Binding("escape", "cancel", "Cancel", show=True),
        Binding("enter", "save", "Save", show=False),
        *(Binding(str(n), f"color({n})", f"{name.capitalize()} highlight", show=False)
          for n, name in enumerate(HIGHLIGHTS, start=1)),
        Binding("0", "color(0)", "No colour", show=False),
        # Alt+1–5 reach the app only from terminals with the kitty keyboard protocol: xterm and
        # tmux send ESC 1..5, which Textual reads as ¡ ™ £ ¢ ∞ (and £ must stay typeable).
        *(Binding(f"alt+{n}", f"color({n})", f"{name.capitalize()} highlight", show=False, priority=True)
          for n, name in enumerate(HIGHLIGHTS, start=1)),
    ]

    def __init__(
        self,
        excerpt: str,
        *,
        note: str = "",
        tags: Iterable[str] = (),
        color: str | None = None,
        known_tags: Iterable[str] = (),
    ) -> None:
        super().__init__()
        self.excerpt = safe(excerpt)
        self.known_tags = tuple(safe(t) for t in known_tags)
        self._note = safe(note)
        self._tags = tuple(safe(t) for t in tags)
        self._color = color if color in HIGHLIGHTS else None

    def compose(self) -> ComposeResult:
        excerpt = self.excerpt if len(self.excerpt) <= EXCERPT_LIMIT else self.excerpt[:EXCERPT_LIMIT] + "…"
        with Vertical(id="annotation-dialog", classes="dialog"):
            yield Label("Annotate", classes="dialog-title")
            with VerticalScroll(id="annotation-excerpt", can_focus=False):
                yield Static(Content(excerpt), id="annotation-excerpt-text")
            yield Label("Note", classes="field-label")
            if self.multiline_note:
                # A note with line breaks (e.g. written with `quotelens annotate`) keeps them.
                yield TextArea(self._note, soft_wrap=True, tab_behavior="focus", id="annotation-note")
            else:
                yield Input(self._note, placeholder="What about it?", select_on_focus=False, id="annotation-note")
            yield Label("Tags", classes="field-label")
            yield Input(
                format_tags(self._tags),
                placeholder="comma, separated",
                suggester=TagSuggester(self.known_tags),
                select_on_focus=False,
                id="annotation-tags",
            )
            yield Label("Colour: Tab to colours, then 1–5 (0 none)", classes="field-label")
            yield ColorRow(self._color, id="annotation-color")
            with Horizontal(classes="dialog-footer"):
                yield Static(Content(self._hint), classes="dialog-hint", id="annotation-hint")
                yield Button("Save", variant="primary", compact=True, id="annotation-save")
                yield Button("Cancel", compact=True, id="annotation-cancel")

    @property
    def _hint(self) -> str:
        save_keys = "Ctrl+S saves" if self.multiline_note else "Enter saves"
        return f"{save_keys} · Esc cancels · → completes a tag"

    @property
    def multiline_note(self) -> bool:
        return "\n" in self._note.strip()

    def on_mount(self) -> None:
        note = self.query_one("#annotation-note")
        if isinstance(note, Input):
            note.cursor_position = len(note.value)
        elif isinstance(note, TextArea):
            note.move_cursor(note.document.end)
        tags = self.query_one("#annotation-tags", Input)
        tags.cursor_position = len(tags.value)
        note.focus()
        self._initial = self.draft
        self._discard_armed = False

    @property
    def note_text(self) -> str:
        note = self.query_one("#annotation-note")
        return note.text if isinstance(note, TextArea) else self.query_one("#annotation-note", Input).value

    @property
    def draft(self) -> AnnotationDraft:
        note = safe(self.note_text).strip()
        tags = parse_tags(safe(self.query_one("#annotation-tags", Input).value), self.known_tags)
        return AnnotationDraft(note=note, tags=tags, color=self.query_one(ColorRow).value)

    def action_color(self, number: int) -> None:
        self.query_one(ColorRow).choose(number)

    def action_save(self) -> None:
        self.dismiss(self.draft)

    def action_cancel(self) -> None:
        """Esc: close; with unsaved changes, the first Esc only warns and the second discards."""
        if self.draft != self._initial and not self._discard_armed:
            self._discard_armed = True
            hint = self.query_one("#annotation-hint", Static)
            save_keys = "Ctrl+S" if self.multiline_note else "Enter"
            hint.update(Content(f"Unsaved changes: Esc again discards them, {save_keys} saves"))
            hint.add_class("-warning")
            return
        self.dismiss(None)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._disarm()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._disarm()

    def _disarm(self) -> None:
        if getattr(self, "_discard_armed", False):
            self._discard_armed = False
            hint = self.query_one("#annotation-hint", Static)
            hint.update(Content(self._hint))
            hint.remove_class("-warning")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "annotation-save":
            self.action_save()
        else:
            self.dismiss(None)  # the Cancel button says what it does: no second press
