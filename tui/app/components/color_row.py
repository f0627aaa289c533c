"""A row of the five highlight colours (plus "none"); one is chosen."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ..palette import HIGHLIGHTS

SWATCH_TEXT = "#E8E8E8"


class ColorRow(Widget, can_focus=True):
    """Shows ``1 yellow  2 green … 0 none``; keys 1–5 / 0, or left/right, choose."""

    BINDINGS = [
        Binding("left", "step(-1)", "Previous colour", show=False),
        Binding("right", "step(1)", "Next colour", show=False),
        Binding("0,backspace,delete", "choose(0)", "No colour", show=False),
    ]

    value: reactive[str | None] = reactive(None)

    @dataclass
    class Changed(Message):
        color_row: ColorRow
        value: str | None

        @property
        def control(self) -> ColorRow:
            return self.color_row

    def __init__(self, value: str | None = None, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(ColorRow.value, value if value in HIGHLIGHTS else None)

    @property
    def choices(self) -> list[str | None]:
        return [*HIGHLIGHTS, None]

    def choose(self, number: int) -> None:
        """Choose colour ``number`` (1–5), or none with 0."""
        names = list(HIGHLIGHTS)
        self.value = names[number - 1] if 1 <= number <= len(names) else None

    def action_choose(self, number: int) -> None:
        self.choose(number)

    def action_step(self, delta: int) -> None:
        choices = self.choices
        self.value = choices[(choices.index(self.value) + delta) % len(choices)]

    def watch_value(self, value: str | None) -> None:
        self.post_message(self.Changed(self, value))

    def _cells(self) -> list[tuple[str | None, list[str | tuple[str, str]]]]:
        """(choice, its parts) for each choice, left to right."""
        cells: list[tuple[str | None, list[str | tuple[str, str]]]] = []
        for number, (name, background) in enumerate(HIGHLIGHTS.items(), start=1):
            chosen = name == self.value
            style = f"{SWATCH_TEXT} on {background}" + (" bold reverse" if chosen else "")
            cells.append((name, [(f"{number}", "bold"), " ", (f" {name} ", style), ("◂ " if chosen else "  ", "bold")]))
        chosen = self.value is None
        cells.append((None, [("0", "bold"), " ", (" none ", "bold reverse" if chosen else "dim"),
                             ("◂" if chosen else " ", "bold")]))
        return cells

    def render(self) -> Content:
        return Content.assemble(*(part for _, parts in self._cells() for part in parts))

    def choice_at(self, x: int) -> str | None | bool:
        """The choice drawn at column ``x`` of the content, or False when there is none."""
        left = 0
        for choice, parts in self._cells():
            width = sum(len(p if isinstance(p, str) else p[0]) for p in parts)
            if left <= x < left + width:
                return choice
            left += width
        return False

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        choice = self.choice_at(offset.x)
        if choice is not False:
            self.value = choice  # type: ignore[assignment]
