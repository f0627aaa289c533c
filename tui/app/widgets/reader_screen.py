"""The reader's screen: Textual's Screen with :class:`~tui.app.compositor.ReaderCompositor`, which
renders only the lines a repaint keeps (a page down then draws the article's column, not the
panes and containers behind it).  On a Textual it was not written for, Textual's own compositor."""

from __future__ import annotations

from textual.screen import Screen

from ..compositor import ReaderCompositor, fits_textual


class ReaderScreen(Screen[None]):
    """The reader's default screen (CSS that names ``Screen`` applies to it as to any screen)."""

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        if fits_textual():
            self._compositor = ReaderCompositor()
