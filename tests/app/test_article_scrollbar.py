"""The article's scrollbar is drawn without Textual's Rich round trip: it must look, cell for
cell, like Textual's own scrollbar wherever the article is scrolled to."""

from __future__ import annotations

from textual.geometry import Region

from tui.app.app import QuotelensApp
from tui.app.widgets.article_scrollbar import ArticleScrollBar
from tui.engine import load_text


def long_article():
    paragraphs = [f"Paragraph {n}: “We will wait,” the clerk said. The queue went round the block twice."
                  for n in range(400)]
    return load_text("A long day\n\n" + "\n\n".join(paragraphs) + "\n", fmt="text")


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
            assert [s.cell_length for s in ours] == [bar.size.width] * bar.size.height
            drawn.append(tuple(tuple(s) for s in ours))
        assert len(set(drawn)) > 3  # the thumb moved with the article
