"""The reader with web pages, URLs, books and full Markdown (Textual's Pilot)."""

from __future__ import annotations

import json
from pathlib import Path

from pages_server import SAMPLE_TITLE, PageServer

from tui.app.app import QuotelensApp
from tui.app.components.annotation_list import AnnotationList
from tui.engine import load_path, load_text
from tui.store import Library

SIZE = (140, 40)
PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def goto_quote(pilot, view, words: str):
    for _ in range(len(view.quotes)):
        await pilot.press("right_square_bracket")
        quote = view.quotes[view.current_quote]
        if view.doc.text[quote.start:quote.end] == words:
            return quote
    raise AssertionError(f"no quotation {words!r}")


def quoted(app) -> list[str]:
    view = app.article
    return [view.doc.text[q.start:q.end] for q in view.quotes]


async def test_the_sample_opened_by_url_shows_its_quotes_and_reopens_offline_with_annotations(
        sample, db, tmp_path, monkeypatch):
    from tui.sources import open_url

    monkeypatch.setenv("QUOTELENS_PAGES", str(tmp_path / "pages"))
    expected = QuotelensApp(sample, db_path=tmp_path / "other.json")
    async with expected.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sample_quotes = quoted(expected)

    with PageServer() as server:
        url = server.url("/sample.html")
        doc = open_url(url)
    app = QuotelensApp(doc, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert quoted(app) == sample_quotes
        assert app.title.startswith(SAMPLE_TITLE) and "Island Gazette" in app.title
        await goto_quote(pilot, app.article, "If the boat stops,")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"read offline")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("q")

    offline = open_url(url)  # the server is gone: the kept copy is read
    assert offline.text == doc.text
    again = QuotelensApp(offline, db_path=db)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert [r.note for r in again.query_one(AnnotationList).rows] == ["read offline"]
        assert quoted(again) == sample_quotes


async def test_the_header_names_title_byline_date_and_site_of_a_saved_page(db):
    page = json.loads((PAGES / "pages.json").read_text(encoding="utf-8"))["pages"][0]
    doc = load_path(PAGES / page["page"])
    app = QuotelensApp(doc, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.title == f"{page['title']} · by {page['byline']} · {page['date']} · {page['site']}"
        assert app.screen.query_one("HeaderTitle").render()  # drawn in the header


async def test_a_plain_text_header_is_just_its_title(db):
    app = QuotelensApp(load_text("Harbour news\n\nThe boats went out.\n", fmt="text", source="news.txt"),
                       db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.title == "Harbour news"


async def test_a_book_reopens_at_its_reading_position(make_book, db):
    chapters = [(f"Chapter {n}", [f"Paragraph {n}.{i} of the book, long enough to be read." for i in range(30)])
                for n in range(1, 6)]
    book = load_path(make_book(chapters))
    offset = book.text.index("Chapter 4")
    with Library.open(db) as lib:
        lib.set_reading_position(book, offset)
    # the same file written again (fresh EPUB bytes, same text): a copy under another name would be
    # another document, which starts at the top
    app = QuotelensApp(load_path(make_book(chapters)), db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.article.top_offset == offset
        assert "Chapter 4" in app.article.row_text(app.article.lines.row_of(offset))


async def test_a_markdown_table_is_drawn_as_aligned_columns(db):
    doc = load_text("# Boats\n\n| Boat | Crew |\n|---|---|\n| Skylark | 4 |\n| Grey Heron | 12 |\n", fmt="markdown")
    app = QuotelensApp(doc, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.article
        rows = [view.render_line(y).text for y in range(view.size.height)]
        table = [r for r in rows if "│" in r or "┼" in r]
        assert len(table) == 4
        assert len({r.index("│") if "│" in r else r.index("┼") for r in table}) == 1
        assert not any("| " in r for r in rows)
