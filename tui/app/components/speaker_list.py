"""The speakers pane: a colour swatch, the canonical name and the number of quotes per speaker."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..palette import (
    SPEAKER_TEXT_STYLES,
    UNATTRIBUTED,
    parse_hex,
    speaker_swatch,
    to_hex,
)
from .rename_speaker import RenameSpeaker
from .speaker_picker import SpeakerPicker
from .speaker_row import SpeakerRow
from .text_clip import one_line

__all__ = ["SpeakerList", "SpeakerRow"]

EMPTY_HINT = "No quotes found"
NAME_LINES = 3  # a long name wraps onto at most this many lines
SWATCH = "██"


def name_lines(text: str, first_room: int, room: int) -> list[str]:
    """A long name on lines of whole words: the first line (beside the count) holds ``first_room``
    cells, the next ones ``room``.  A word too long for the first line starts on the second (the
    first is then empty); only a word longer than a whole line is broken."""
    words = text.split()
    first: list[str] = []
    while words and len(" ".join([*first, words[0]])) <= first_room:
        first.append(words.pop(0))
    rest = textwrap.wrap(" ".join(words), room, break_long_words=True, break_on_hyphens=False)
    return [" ".join(first), *rest]


def speaker_prompt(row: SpeakerRow, width: int = 0, count_width: int = 0) -> Content:
    """``██ Name        12``: swatch and name in the speaker's colour, the count right-aligned.

    With a ``width`` a name too long for the line wraps onto the next ones (the count stays on
    the first), so it is read whole at any pane width.  The name is never markup.
    """
    try:
        color = to_hex(parse_hex(row.color))
    except ValueError:  # not a colour: show the row anyway, in the neutral grey
        color = UNATTRIBUTED
    count = str(row.count).rjust(count_width)
    look = f"{row.style} {color}" if row.style in SPEAKER_TEXT_STYLES and row.style else color
    text = one_line(row.name) or "?"
    room = width - len(SWATCH) - 2 - len(count)
    swatch = (speaker_swatch(row.style), color)
    if not width or room <= 0 or len(text) <= room:
        name = Content.styled(text, look)
        if width and room > 0:
            name = name.pad_right(room - len(text))
        return Content.assemble(swatch, " ", name, " ", (count, "dim"))
    # too long for one line: the name goes on (up to three) lines of its own, never cut to a stub
    line_room = width - len(SWATCH) - 1
    lines = name_lines(text, room, line_room)
    most = NAME_LINES + (not lines[0])  # a first line left empty does not count
    if len(lines) > most:
        lines = [*lines[:most - 1], Content(" ".join(lines[most - 1:])).truncate(line_room, ellipsis=True).plain]
    first = Content.styled(lines[0], look).pad_right(room - len(lines[0]))
    parts: list[Content | str | tuple[str, str]] = [swatch, " ", first, " ", (count, "dim")]
    for line in lines[1:]:
        parts += ["\n", " " * (len(SWATCH) + 1), Content.styled(line, look)]
    return Content.assemble(*parts)


class SpeakerList(OptionList):
    """Keyboard list of speakers; ``r`` renames, ``m`` merges into another speaker."""

    BINDINGS = [
        Binding("down,j", "cursor_down", "Next speaker", show=False),
        Binding("up,k", "cursor_up", "Previous speaker", show=False),
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
            self.add_options(Option(prompt) for prompt in self._prompts())
            index = 0
            if previous is not None:
                same = [i for i, r in enumerate(self.rows) if r.id == previous.id]
                named = [i for i in same if self.rows[i].name == previous.name]
                index = (named or same or [0])[0]
            self.highlighted = index

    def _line_width(self) -> int:
        """Cells available to a row's text (0 before the list has a size)."""
        region = self.scrollable_content_region.width
        if not region:
            return 0
        padding = self.get_component_styles("option-list--option").padding.width
        # Keep room for a scrollbar so rows do not wrap when one appears.
        scrollbar = 0 if self.show_vertical_scrollbar else self.styles.scrollbar_size_vertical
        return region - padding - self._get_left_gutter_width() - scrollbar

    def _prompts(self) -> list[Content]:
        width = self._line_width()
        count_width = max((len(str(r.count)) for r in self.rows), default=0)
        return [speaker_prompt(row, width, count_width) for row in self.rows]

    def on_resize(self) -> None:
        if self.rows:
            for index, prompt in enumerate(self._prompts()):
                self.replace_option_prompt_at_index(index, prompt)

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
        if row is None or not row.is_speaker or row.id is None:
            self.app.bell()
            return
        speaker_id = row.id

        def done(new_name: str | None) -> None:
            if new_name:
                self.post_message(self.Renamed(speaker_id, new_name))

        self.app.push_screen(RenameSpeaker(row.name), done)

    def action_merge(self) -> None:
        row = self.current_row
        others = [r for r in self.rows if r.is_speaker and r.id != row.id] if row else []
        if row is None or not row.is_speaker or row.id is None or not others:
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
