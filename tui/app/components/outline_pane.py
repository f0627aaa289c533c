"""The outline: the document's headings (a novel's chapters) in order; Enter jumps to one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...engine.model import Document
from .text_clip import clip, one_line

CHAPTER_WORDS = ("chapter", "part", "book", "prologue", "epilogue")


@dataclass(frozen=True, slots=True)
class Heading:
    start: int
    level: int
    title: str


def headings(doc: Document, limit: int = 2000) -> list[Heading]:
    """The document's heading blocks; in plain text, the short paragraphs that name a chapter."""
    found = []
    for block in doc.blocks:
        title = one_line(doc.text[block.start:block.end])
        if block.kind == "heading":
            found.append(Heading(block.start, max(block.level, 1), title))
        elif (block.kind == "paragraph" and len(title) <= 40 and title
              and title.split()[0].lower().rstrip(".:") in CHAPTER_WORDS):
            found.append(Heading(block.start, 1, title))
        if len(found) >= limit:
            break
    return found


class OutlinePane(OptionList):
    """Enter on a heading: the article jumps there."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next heading", show=False),
        Binding("up,k", "cursor_up", "Previous heading", show=False),
        Binding("enter", "select", "Go to the heading", show=False),
    ]

    @dataclass
    class Jump(Message):
        offset: int

    def __init__(self, items: Sequence[Heading], *, id: str | None = None) -> None:
        super().__init__(*(Option(Content.assemble("  " * (h.level - 1), clip(h.title, 60))) for h in items),
                         id=id, markup=False)
        self.items = list(items)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is not self:
            return
        event.stop()
        if event.option_index < len(self.items):
            self.post_message(self.Jump(self.items[event.option_index].start))
