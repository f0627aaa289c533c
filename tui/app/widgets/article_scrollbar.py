"""The article's vertical scrollbar: Textual's, drawn without a trip through Rich.

Textual's :class:`~textual.scrollbar.ScrollBar` renders a :class:`ScrollBarRender` as a Rich
renderable each time the article scrolls: a console render, a split into lines, a Strip a line.
On the novel that was 2-4 ms of every page, ``G`` or ``]``.  This one asks the same
``render_bar`` for the same segments, styles them the way Textual's ``post_render`` would (the
widget's style under each segment's), and keeps the strips until the scroll position, the size
or the style changes; so the bar looks, and answers the mouse, exactly like Textual's.  A bar has
only a few kinds of cell (track, thumb, the thumb's ends), each one Strip kept across scrolls: a
page down builds no Strip and filters none (that was still ~1 ms of every page).
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip


class ArticleScrollBar(ScrollBar):
    """A vertical ScrollBar whose lines are built straight from ``ScrollBarRender.render_bar``."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._bar_key: tuple[object, ...] | None = None
        self._bar_strips: list[Strip] = []
        self._cells: dict[tuple[str, Style | None], Strip] = {}
        self._cells_key: tuple[object, ...] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        renderer = self.render()
        style = getattr(renderer, "style", None)
        if not self.vertical or type(renderer) is not ScrollBarRender or not isinstance(style, Style):
            self._bar_key = None  # anything unusual: Textual's own way
            return super().render_lines(crop)
        width, height = self.size
        base = self.visual_style.rich_style
        key = (width, height, renderer.virtual_size, renderer.window_size, renderer.position, style, base)
        if key != self._bar_key:
            self._bar_key = key
            bar = renderer.render_bar(
                size=height,
                window_size=renderer.window_size,
                virtual_size=renderer.virtual_size,
                position=renderer.position,
                vertical=True,
                thickness=width,
                back_color=style.bgcolor or Color.parse("#555555"),  # (ScrollBarRender's defaults)
                bar_color=style.color or Color.parse("bright_magenta"),
            )
            # a bar is a few kinds of cell (track, thumb, the thumb's two ends): one Strip per kind,
            # kept across positions, so a scroll reuses the strips (and their filtered copies)
            if self._cells_key != (width, style, base):
                self._cells_key = (width, style, base)
                self._cells.clear()
            cells = self._cells
            strips = []
            for seg in bar.segments:
                strip = cells.get((seg.text, seg.style))
                if strip is None:
                    strip = cells[(seg.text, seg.style)] = Strip(
                        [Segment(seg.text, base + seg.style if seg.style else base)], width)
                strips.append(strip)
            self._bar_strips = strips
        if not self._plain():
            return super().render_lines(crop)  # a border, padding, tint or opacity: Textual's styles cache
        # No border, padding, tint or opacity to add: the lines go out as they are, through the
        # app's line filters as Textual's styles cache would send them (each filter's result is
        # kept on the Strip, so an unmoved bar costs nothing).
        _, background = self.background_colors
        lines = [self.render_line(y) for y in crop.line_range]
        for line_filter in self.get_line_filters():
            lines = [line.apply_filter(line_filter, background) for line in lines]
        if crop.column_span != (0, width):
            x1, x2 = crop.column_span
            lines = [line.crop(x1, x2) for line in lines]
        return lines

    def _plain(self) -> bool:
        styles = self.styles
        return (not any(styles.gutter) and not any(edge for edge, _ in styles.outline) and not styles.tint.a
                and self.opacity == 1.0 and styles.text_opacity == 1.0
                and not (styles.has_rule("hatch") and styles.hatch != "none"))

    def render_line(self, y: int) -> Strip:
        if self._bar_key is None:
            return super().render_line(y)
        strips = self._bar_strips
        return strips[y] if 0 <= y < len(strips) else Strip.blank(self.size.width, self.visual_style.rich_style)
