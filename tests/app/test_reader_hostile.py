"""Hostile article text: markup, control characters, long documents resized."""

from __future__ import annotations

import textwrap

from textual.widgets._header import HeaderTitle

from tui.app.app import QuotelensApp
from tui.engine import load_text

MARKUP_ARTICLE = (
    "[bold]Markup[/bold] [@click=app.quit]Title[/]\n\n"
    "Click [@click=app.quit]here[/] to win.\n\n"
    "He [sic] said the plan was fine.\n\n"
    "Close a [/bold] b and [link=https://x.example]link[/link] too.\n"
)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def all_rows(view) -> list[str]:
    return [view.row_text(r) for r in range(len(view.lines))]


async def test_markup_in_article_text_is_shown_literally_and_fires_nothing(db):
    doc = load_text(MARKUP_ARTICLE, fmt="text")
    app = QuotelensApp(doc, db_path=db)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        view = app.article
        screen = "\n".join(view.render_line(y).text for y in range(10))
        assert "Click [@click=app.quit]here[/] to win." in screen
        assert "He [sic] said the plan was fine." in screen
        assert "Close a [/bold] b and [link=https://x.example]link[/link] too." in screen
        # the header title and the pane labels are literal too
        header = app.query_one(HeaderTitle)
        assert "[bold]Markup[/bold] [@click=app.quit]Title[/]" in str(header.render())
        assert str(view.border_title) == "Article"
        # clicking where the "link" is does not run app.quit
        row = next(r for r in range(10) if "Click" in view.render_line(r).text)
        await pilot.click(view, offset=(12, row))
        await pilot.press("j", "k")
        await settle(pilot)
        assert app.is_running and app.return_code is None
        # the annotation editor shows the excerpt literally as well
        view.move_cursor(doc.text.index("Close a"))
        await pilot.press("a")
        await pilot.pause()
        excerpt = app.screen.query_one("#annotation-excerpt-text")
        assert "[/bold] b" in str(excerpt.render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


async def test_control_characters_never_reach_the_screen(db):
    doc = load_text("Bells\n\nA \x1b[31mred\x1b[0m word\x07 and a \x9b2J clear and \u202eevil.\n", fmt="text")
    app = QuotelensApp(doc, db_path=db)
    async with app.run_test(size=(120, 20)) as pilot:
        await settle(pilot)
        view = app.article
        drawn = "".join(seg.text for y in range(5) for seg in view.render_line(y))
        assert "A [31mred[0m word and a 2J clear and evil." in drawn
        assert not any(ch in drawn for ch in "\x1b\x07\x9b\u202e")
        # the reader is told that characters were removed
        assert any("control character" in str(n.message) for n in app._notifications)


def long_document(paragraphs: int = 5000):
    words = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india")
    pars = []
    for i in range(paragraphs):
        body = " ".join(f"{words[(i + j) % len(words)]}{i}" for j in range(12 + i % 17))
        pars.append(f"Paragraph {i} says {body}.")
    return load_text("Long\n\n" + "\n\n".join(pars) + "\n", fmt="text"), pars


def expected_rows(pars: list[str], width: int) -> list[str]:
    rows = ["Long", ""]
    for p in pars:
        rows += textwrap.wrap(p, width=width, break_long_words=True, break_on_hyphens=False)
        rows.append("")
    return rows[:-1]


async def test_resize_rewraps_a_long_document_at_the_new_width(db):
    doc, pars = long_document()
    app = QuotelensApp(doc, db_path=db, analyze_in_thread=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.article
        wide = view.lines.width
        text_width = wide - 2  # the gutter
        assert [r.rstrip() for r in all_rows(view)] == expected_rows(pars, text_width)

        # read somewhere in the middle, then make the terminal narrower
        middle = doc.text.index("Paragraph 2500 says")
        view.restore_position(middle)
        await settle(pilot)
        await pilot.resize_terminal(56, 40)  # (the side panes collapse below 100 columns)
        await settle(pilot)
        narrow = view.lines.width
        assert narrow < wide
        assert [r.rstrip() for r in all_rows(view)] == expected_rows(pars, narrow - 2)
        # the same paragraph is still at the top, and what is on screen is the new wrapping
        assert view.top_offset == middle
        top = int(view.scroll_y)
        expected = expected_rows(pars, narrow - 2)
        for y in range(view.size.height):
            assert view.render_line(y).text[2:].rstrip() == expected[top + y]
            assert view.render_line(y).cell_length == view.size.width


async def test_an_engine_failure_leaves_the_text_readable(db, monkeypatch):
    import tui.store.session as app_module

    def broken(doc):
        raise RuntimeError("engine [bold]exploded[/bold]")

    monkeypatch.setattr(app_module, "analyze", broken)
    doc = load_text("Title\n\n“Hello,” Ann said.\n", fmt="text")
    app = QuotelensApp(doc, db_path=db)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        assert app.is_running
        assert any("“Hello,” Ann said." in app.article.render_line(y).text for y in range(4))
        assert any("engine [bold]exploded[/bold]" in str(n.message) for n in app._notifications)
