"""The speakers pane: a colour swatch, the canonical name and the number of quotes per speaker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from .rename_speaker import RenameSpeaker
from .speaker_picker import SpeakerPicker
from .speaker_row import SpeakerRow
from .text_clip import one_line

__all__ = ["SpeakerList", "SpeakerRow"]

EMPTY_HINT = "No quotes found"


def speaker_prompt(row: SpeakerRow) -> Content:
    """``██ Name  12`` with the swatch in the speaker's colour; the name is never markup."""
    return Content.assemble(("██", row.color), " ", (one_line(row.name) or "?", row.color), "  ", (str(row.count), "dim"))


class SpeakerList(OptionList):
    """Keyboard list of speakers; ``r`` renames, ``m`` merges into another speaker."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "select", "Show quotes", show=True),
        Binding("r", "rename", "Rename", show=True),
        Binding("m", "merge", "Merge into…", show=True),
    ]

    @dataclass
    class Renamed(Message):
        speaker_id: int
        new_name: str

    @dataclass
    class Merged(Message):
        source_id: int
        target_id: int

    @dataclass
    class Highlighted(Message):
        speaker_id: int | None

    @dataclass
    class Selected(Message):
        speaker_id: int | None

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes, markup=False)
        self.rows: tuple[SpeakerRow, ...] = ()

    def on_mount(self) -> None:
        if not self.rows:
            self.set_rows(())

    def set_rows(self, rows: Sequence[SpeakerRow]) -> None:
        """Show ``rows``; the cursor stays on the same speaker when it is still there."""
        previous = self.current_row
        self.rows = tuple(rows)
        with self.prevent(OptionList.OptionHighlighted):
            self.clear_options()
            if not self.rows:
                self.add_option(Option(Content.styled(EMPTY_HINT, "dim italic"), disabled=True))
                return
            self.add_options(Option(speaker_prompt(row), id=f"speaker-{i}") for i, row in enumerate(self.rows))
            index = 0
            if previous is not None:
                for i, row in enumerate(self.rows):
                    if row.id == previous.id and row.name == previous.name or (
                        previous.id is not None and row.id == previous.id
                    ):
                        index = i
                        break
            self.highlighted = index

    @property
    def current_row(self) -> SpeakerRow | None:
        index = self.highlighted
        if index is None or not self.rows or index >= len(self.rows):
            return None
        return self.rows[index]

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list is not self:
            return
        event.stop()
        row = self.current_row
        if row is not None:
            self.post_message(self.Highlighted(row.id))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is not self:
            return
        event.stop()
        row = self.current_row
        if row is not None:
            self.post_message(self.Selected(row.id))

    def action_rename(self) -> None:
        row = self.current_row
        if row is None or row.id is None:
            self.app.bell()
            return
        speaker_id = row.id

        def done(new_name: str | None) -> None:
            if new_name:
                self.post_message(self.Renamed(speaker_id, new_name))

        self.app.push_screen(RenameSpeaker(row.name), done)

    def action_merge(self) -> None:
        row = self.current_row
        others = [r for r in self.rows if r.id is not None and r.id != row.id] if row else []
        if row is None or row.id is None or not others:
            self.app.bell()
            return
        source_id = row.id
        by_name: dict[str, int] = {}
        for other in others:
            by_name.setdefault(one_line(other.name), other.id)  # type: ignore[arg-type]

        def done(name: str | None) -> None:
            if name is not None and name in by_name:
                self.post_message(self.Merged(source_id, by_name[name]))

        title = "Merge " + one_line(row.name) + " into…"
        self.app.push_screen(SpeakerPicker(list(by_name), None, allow_new=False, title=title), done)
