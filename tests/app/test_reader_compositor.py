"""The reader's compositor renders only the lines a repaint keeps (tui/app/compositor.py): what
reaches the terminal must be exactly what Textual's own compositor would send, after every key."""

from __future__ import annotations

from textual._compositor import ChopsUpdate, Compositor, LayoutUpdate
from textual.geometry import Region

from tui.app.app import QuotelensApp
from tui.app.compositor import ReaderCompositor, fits_textual
from tui.engine import load_text

SIZE = (110, 32)
KEYS = ("j", "j", "space", "space", "right_square_bracket", "f", "G", "k", "f", "g", "w", "w",
        "slash", "q", "u", "e", "u", "e", "enter", "n", "n", "escape", "f2", "space", "f2",
        "question_mark", "escape", "right_square_bracket", "v", "w", "w", "escape")


def long_article():
    paragraphs = []
    for n in range(300):
        if n % 3:
            paragraphs.append(f"Paragraph {n}: “We will wait,” the clerk said. The queue went round the block.")
        else:
            paragraphs.append(f"Paragraph {n}: the ferry left late. “Not again,” Mara Quill told the crowd.")
    return load_text("A long day\n\n" + "\n\n".join(paragraphs) + "\n", fmt="text")


def cells(strips) -> list[tuple[str, object]]:
    """One (character, style) per cell of the strips laid end to end."""
    return [(ch, seg.style) for strip in strips for seg in strip for ch in seg.text]


class Terminal:
    """What a terminal shows: the app's updates applied cell by cell, as the escape codes would."""

    def __init__(self, width: int, height: int) -> None:
        self.rows: list[list[tuple[str, object]]] = [[(" ", None)] * width for _ in range(height)]

    def apply(self, update: object) -> None:
        if isinstance(update, LayoutUpdate):
            for y, strips in enumerate(update.strips):
                self.rows[y] = cells(strips)
        elif isinstance(update, ChopsUpdate):
            for y, x1, x2 in update.spans:
                for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items()):
                    if strip is None or x > x2 or end <= x1:
                        continue
                    drawn = cells([strip.crop(0, min(end, x2) - x)])
                    self.rows[y][x:x + len(drawn)] = drawn


def textual_screen(compositor: ReaderCompositor) -> list[list[tuple[str, object]]]:
    """The whole screen as Textual's own compositor draws it."""
    chops = Compositor._render_chops(compositor, compositor.size.region, lambda y: True)
    return [cells(chop.values()) for chop in chops]


async def test_every_key_leaves_the_screen_textuals_compositor_would_draw(tmp_path):
    app = QuotelensApp(long_article(), db_path=tmp_path / "a.json")
    terminal = Terminal(*SIZE)
    display = app._display

    def shown(screen, update) -> None:
        if update is not None and screen is app.screen_stack[0]:
            terminal.apply(update)
        display(screen, update)

    app._display = shown  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        compositor = app.screen._compositor
        assert isinstance(compositor, ReaderCompositor)
        partial = 0
        original = compositor.render_partial_update

        def counted():
            nonlocal partial
            update = original()
            partial += update is not None
            return update

        compositor.render_partial_update = counted  # type: ignore[method-assign]
        screens = set()
        for key in KEYS:
            await pilot.press(key)
            await pilot.pause()
            if app.screen is not app.screen_stack[0]:
                continue  # a modal (help): the reader's screen is not the one drawn
            expected = textual_screen(compositor)
            assert terminal.rows == expected, key
            screens.add(tuple(tuple(ch for ch, _ in row) for row in expected))
        assert partial > len(KEYS) // 2  # most keys were drawn as partial updates, not full repaints
        assert len(screens) > len(KEYS) // 2  # and they changed the screen


async def test_its_chops_are_textuals_for_any_lines_of_the_screen(tmp_path):
    app = QuotelensApp(long_article(), db_path=tmp_path / "a.json")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("space", "right_square_bracket")
        await pilot.pause()
        compositor = app.screen._compositor
        width, height = SIZE
        article = app.article.region
        for crop, lines in ((Region(0, 0, width, height), range(height)),
                            (article, {article.y + 2, article.y + 3, article.bottom - 1}),
                            (Region(article.x, article.y, article.width, 1), {article.y}),
                            (Region(0, 5, width, 10), set(range(5, 15, 2)))):
            ours = compositor._render_chops(crop, lines.__contains__)
            theirs = Compositor._render_chops(compositor, crop, lines.__contains__)
            for y in lines:
                # the pieces an update sends: those inside the crop's columns
                sent = [cut for cut, end in zip(compositor.cuts[y], compositor.cuts[y][1:])
                        if cut < crop.right and end > crop.x]
                assert sent
                assert [cells([ours[y][cut]]) for cut in sent] == [cells([theirs[y][cut]]) for cut in sent], (crop, y)


def test_it_stands_in_only_for_the_textual_it_was_written_for():
    import textual

    assert fits_textual(textual.__version__)  # the Textual the tests run on (pinned in the test extras)
    assert not fits_textual("9.0.0")  # another major release may change the private method
    assert not fits_textual("7.5.0")


async def test_on_another_textual_the_reader_keeps_textuals_own_compositor(tmp_path, monkeypatch):
    import tui.app.widgets.reader_screen as reader_screen

    monkeypatch.setattr(reader_screen, "fits_textual", lambda: False)
    app = QuotelensApp(long_article(), db_path=tmp_path / "a.json")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("space", "right_square_bracket")
        await pilot.pause()
        compositor = app.screen._compositor
        assert type(compositor) is Compositor
        assert "Paragraph" in "".join(ch for row in textual_screen(compositor) for ch, _ in row)


async def test_on_another_textual_the_reader_still_builds_the_next_page_ahead(tmp_path, monkeypatch):
    # the article waits for a pending repaint by reading the screen's private set of dirty
    # widgets; a Textual without it must not crash the reader at its first page
    app = QuotelensApp(long_article(), db_path=tmp_path / "a.json")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.article
        view._framed.clear()  # every row a page down would show is to be built again
        with monkeypatch.context() as patch:
            patch.delattr(app.screen, "_dirty_widgets")
            view._prefetch()
        assert len(view._framed) > 0
        await pilot.press("space")
        await pilot.pause()
        assert "Paragraph" in "".join(ch for row in textual_screen(app.screen._compositor) for ch, _ in row)
