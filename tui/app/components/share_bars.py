"""A bar chart of share of voice: one row per speaker, a bar as long as their part of the quoted words."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widget import Widget

from .text_clip import one_line

NAME_WIDTH = 24
FULL = "█"
EIGHTHS = " ▏▎▍▌▋▊▉"


@dataclass(frozen=True)
class Bar:
    name: str
    quotes: int
    words: int
    share: float  # 0..1
    colour: str  # the speaker's colour in the article


def bar_text(share: float, width: int) -> str:
    """``share`` of ``width`` cells drawn with eighth blocks (a sliver shows for any share above 0)."""
    eighths = round(max(0.0, min(1.0, share)) * width * 8)
    if share > 0 and eighths == 0:
        eighths = 1
    return FULL * (eighths // 8) + (EIGHTHS[eighths % 8] if eighths % 8 else "")


class ShareBars(Widget):
    """Rows of ``name  ██████▌  29%  6 quotes, 73 words``; the bars share the width left over."""

    DEFAULT_CSS = ""

    def __init__(self, bars: list[Bar], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bars = list(bars)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = list(bars)
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return max(1, len(self.bars))

    def render(self) -> Content:
        if not self.bars:
            return Content("No quotations in this document.")
        width = self.size.width or 80
        name_w = min(NAME_WIDTH, max(len(one_line(b.name)) for b in self.bars))
        numbers = [f" {b.share:>4.0%}  {b.quotes} quote{'s' * (b.quotes != 1)}, {b.words} words" for b in self.bars]
        bar_w = max(4, width - name_w - 2 - max(map(len, numbers)))
        top = max(b.share for b in self.bars) or 1.0
        lines = []
        for b, num in zip(self.bars, numbers):
            name = one_line(b.name)
            name = name if len(name) <= name_w else name[: name_w - 1] + "…"
            bar = bar_text(b.share / top, bar_w)  # the most quoted speaker's bar fills the width
            lines.append(Content.assemble((f"{name:<{name_w}}  ", "bold"), (f"{bar:<{bar_w}}", b.colour), num))
        return Content("\n").join(lines)
