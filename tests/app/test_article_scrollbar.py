"""The article's scrollbar is drawn without Textual's Rich round trip: it must look, cell for
cell, like Textual's own scrollbar wherever the article is scrolled to."""

from __future__ import annotations

from textual.geometry import Region
from textual.widget import Widget

from tui.app.app import QuotelensApp
from tui.app.widgets.article_scrollbar import ArticleScrollBar
from tui.engine import load_text


def long_article():
    paragraphs = [f"Paragraph {n}: “We will wait,” the clerk said. The queue went round the block twice."
                  for n in range(400)]
    return load_text("A long day\n\n" + "\n\n".join(paragraphs) + "\n", fmt="text")


def cells(strips) -> list[list[tuple[str, object]]]:
    """Each line as (character, style) per cell, however it is split into segments."""
    return [[(ch, seg.style) for seg in strip for ch in seg.text] for strip in strips]


async def test_the_scrollbar_draws_what_textuals_draws_at_every_position(tmp_path):
    app = QuotelensApp(long_article(), db_path=tmp_path / "a.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        bar = app.article.vertical_scrollbar
        assert isinstance(bar, ArticleScrollBar)
        drawn = []
        for keys in ((), ("space",), ("space", "space"), ("j",) * 7, ("G",), ("k",) * 3, ("g",)):
            if keys:
                await pilot.press(*keys)
                await pilot.pause()
            whole = Region(0, 0, *bar.size)
            bar._styles_cache.clear()
            ours = bar.render_lines(whole)
            bar._styles_cache.clear()
            bar._plain = lambda: False  # type: ignore[method-assign]  # Textual's own way
            try:
                theirs = bar.render_lines(whole)
            finally:
                del bar._plain
            assert [list(s) for s in ours] == [list(s) for s in theirs], keys
            # and the bar's cells are what Textual draws from its own ScrollBarRender (a Rich
            # render of the scrollbar, none of this widget's strips or kept cells)
            kept = bar._bar_key
            bar._bar_key = None  # (render_line: Textual's way)
            bar._styles_cache.clear()
            bar.refresh()
            textuals = Widget.render_lines(bar, whole)
            bar._bar_key = kept
            assert cells(ours) == cells(textuals), keys
            assert [s.cell_length for s in ours] == [bar.size.width] * bar.size.height
            drawn.append(tuple(tuple(s) for s in ours))
        assert len(set(drawn)) > 3  # the thumb moved with the article
