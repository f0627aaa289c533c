"""Textual's compositor, asking a widget for its lines only where they can reach the screen.

To repaint the lines that changed, Textual's ``Compositor._render_chops`` goes through every
widget whose *clip* (its container's region) overlaps the changed area, front to back, asks each
for every line it shows and cuts each line at every widget edge; for each cut the first widget
to fill it wins.  In the reader that means, for a page down in the article: the screen, the
panes' row, the article's column and both side panes (their clip is the whole row) render and
cut all 38 of their lines, though the article and its scrollbar cover every cell that changed;
and for ``j`` (two rows and the status line changed) the article draws all its rows.

:class:`ReaderCompositor` keeps the algorithm and its result, and only skips work whose result
would be thrown away: before asking a widget for its lines it looks for the changed lines where
the widget still has a cut that nothing in front of it filled, and asks for those lines (in runs
of consecutive lines) alone.  A widget everything in front of it hides is not rendered at all.
Only the pieces of a line inside the changed area's columns count (an update sends no other):
the side panes are not drawn for a change in the article's column.
``tests/app/test_reader_compositor.py`` compares its chops with Textual's, piece by piece, and
what a terminal shows after each of 32 keys with a full repaint by Textual's compositor.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip

#: The Textual releases whose ``Compositor._render_chops`` this was written against and tested on.
TESTED_TEXTUAL = "8."


def fits_textual(textual_version: str | None = None) -> bool:
    """Whether the running Textual is one :class:`ReaderCompositor` can stand in for.

    ``_render_chops`` is private: another major release may change what it is given or returns.
    There the reader keeps Textual's own compositor (slower to page, the same screen) rather
    than draw wrongly.
    """
    if textual_version is None:
        try:
            textual_version = version("textual")
        except PackageNotFoundError:
            return False
    if not textual_version.startswith(TESTED_TEXTUAL):
        return False
    parameters = list(inspect.signature(Compositor._render_chops).parameters)
    return parameters == ["self", "crop", "is_rendered_line"]


class ReaderCompositor(Compositor):
    """A :class:`~textual._compositor.Compositor` that renders only the lines a repaint keeps."""

    def _render_chops(self, crop: Region, is_rendered_line: Callable[[int], bool]) -> Sequence[Mapping[int, Strip]]:
        cuts = self.cuts
        chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
        crop_left, crop_top, crop_right, crop_bottom = crop.x, crop.y, crop.right, crop.bottom
        # per changed line, the cuts whose piece [cut, next cut) lies in the crop's columns (the only
        # pieces an update sends), and how many of those no widget has filled yet
        wanted: dict[int, set[int]] = {}
        for y in range(crop_top, min(crop_bottom, len(cuts))):
            if is_rendered_line(y):
                line_cuts = cuts[y]
                wanted[y] = {cut for cut, end in zip(line_cuts, line_cuts[1:]) if cut < crop_right and end > crop_left}
        unfilled = {y: len(line_cuts) for y, line_cuts in wanted.items()}
        crop_overlaps = crop.overlaps
        intersection = Region.intersection
        for widget, (region, clip) in self.visible_widgets.items():  # front to back
            if not crop_overlaps(clip):  # (Textual's test: the clip, not the region)
                continue
            render_x, render_y, render_width, render_height = intersection(region, clip)
            if not (render_width and render_height):
                continue
            first_cut, last_cut = render_x, render_x + render_width
            if first_cut >= crop_right or last_cut <= crop_left:
                continue  # it has no piece in the crop's columns
            runs: list[list[int]] = []  # [first, stop) of the lines where this widget still shows
            for y in range(max(render_y, crop_top), min(render_y + render_height, crop_bottom)):
                if not unfilled.get(y):
                    continue
                line = chops[y]
                if any(line[cut] is None for cut in wanted[y] if first_cut <= cut < last_cut):
                    if runs and runs[-1][1] == y:
                        runs[-1][1] = y + 1
                    else:
                        runs.append([y, y + 1])
            for start, stop in runs:
                strips = widget.render_lines(
                    Region(render_x - region.x, start - region.y, render_width, stop - start))
                for y, strip in zip(range(start, stop), strips):
                    chops_line = chops[y]
                    final_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
                    cut_strips = strip.divide([cut - render_x for cut in final_cuts[1:]])
                    for cut, cut_strip in zip(final_cuts, cut_strips):
                        if chops_line.get(cut) is None:
                            chops_line[cut] = cut_strip
                            if cut in wanted[y]:
                                unfilled[y] -= 1
        return chops  # type: ignore[return-value]
