from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def make_book(tmp_path):
    """``make_book(chapters, **options)``: an EPUB file made with ebooklib (see tests/epub_books.py)."""
    from epub_books import make_epub

    def make(chapters, name: str = "book.epub", **options):
        return make_epub(tmp_path / name, chapters, **options)

    return make


@pytest.fixture
def page_server():
    """A web server on 127.0.0.1 (a free port) serving the sample as a news page and pages that fail."""
    from pages_server import PageServer

    with PageServer() as server:
        yield server


@pytest.fixture(autouse=True)
def _private_cache_and_pages(tmp_path_factory, monkeypatch):
    """Parsed web pages and fetched pages go to folders of the test's own, never the user's."""
    home = tmp_path_factory.mktemp("quotelens-data")
    monkeypatch.setenv("QUOTELENS_CACHE", str(home / "cache"))
    monkeypatch.setenv("QUOTELENS_PAGES", str(home / "pages"))
