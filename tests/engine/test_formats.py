"""Saved web pages, EPUB books and full Markdown become Documents a reader can use.

The saved pages (tests/fixtures/pages, written by benchmarks/make_pages.py) are invented articles
inside realistic boilerplate; beside each is the article's plain text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.engine import LoadError, analyze, load_bytes, load_path, load_text

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
INDEX = json.loads((PAGES / "pages.json").read_text(encoding="utf-8"))


def found(doc):
    """The quotations (words, speaker) and the speakers the engine finds in ``doc``."""
    analysis = analyze(doc)
    quotes = [(" ".join(doc.text[q.start:q.end].split()), getattr(analysis.speaker_of(q), "name", None))
              for q in analysis.quotes if not q.is_mark]
    counts = analysis.quote_counts()
    return quotes, sorted(s.name for s in analysis.speakers if counts.get(s.id))


@pytest.mark.parametrize("page", INDEX["pages"], ids=lambda p: p["page"])
def test_a_saved_news_page_reads_as_its_article(page):
    doc = load_path(PAGES / page["page"])
    plain = load_text((PAGES / page["text"]).read_text(encoding="utf-8"), fmt="text")
    assert doc.format == "html" and doc.meta.format == "html"
    assert doc.title == page["title"]
    assert (doc.meta.byline, doc.meta.date, doc.meta.source) == (page["byline"], page["date"], page["site"])
    leaked = [phrase for phrase in INDEX["sentinels"] if phrase in doc.text]
    assert not leaked, leaked  # no navigation, script, ad, banner, comment or related-link text
    quotes, speakers = found(doc)
    assert quotes and (quotes, speakers) == found(plain)


def test_a_page_in_windows_1252_decodes_as_it_declares():
    page = next(p for p in INDEX["pages"] if p["layout"] == "cp1252")
    doc = load_path(PAGES / page["page"])
    assert doc.meta.encoding == "cp1252"
    assert "“" in doc.text and "â€" not in doc.text


def test_page_structure_becomes_blocks_and_entities_decode():
    html = ("<!doctype html><html><head><title>Tide tables &amp; more</title></head><body><nav>Menu</nav>"
            "<article><h1>Tide tables &amp; more</h1><p>&ldquo;High water at noon,&rdquo; the harbourmaster "
            "said, and the boats went out one after another into the grey morning light.</p>"
            "<h2>Warnings</h2><blockquote><p>Keep clear of the north mole during the spring tides.</p>"
            "</blockquote><ul><li>First <em>buoy</em> moved to the east.</li><li>Second buoy lit at night.</li>"
            "</ul><p>The office opens at eight every morning except on Sundays and public holidays.</p>"
            "</article></body></html>")
    doc = load_text(html)
    kinds = [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]
    assert kinds[0] == ("heading", "Tide tables & more")
    assert ("heading", "Warnings") in kinds
    assert ("blockquote", "Keep clear of the north mole during the spring tides.") in kinds
    assert [t for k, t in kinds if k == "list_item"] == ["First buoy moved to the east.", "Second buoy lit at night."]
    assert "“High water at noon,”" in doc.text and "&ldquo;" not in doc.text
    assert any(s.kind == "emphasis" and doc.text[s.start:s.end] == "buoy" for s in doc.spans)
    assert "Menu" not in doc.text


def test_html_is_sniffed_whatever_the_file_is_called(tmp_path):
    page = PAGES / INDEX["pages"][0]["page"]
    copy = tmp_path / "saved-page"
    copy.write_bytes(page.read_bytes())
    assert load_path(copy).title == INDEX["pages"][0]["title"]


@pytest.mark.parametrize("body", [
    "<!DOCTYPE html><html><head><title>Empty</title></head><body><nav><a href=/>Home</a></nav></body></html>",
    "<!DOCTYPE html><html><body><script>var a = 1;</script></body></html>",
])
def test_a_page_with_no_article_text_is_one_clear_line(tmp_path, body):
    f = tmp_path / "empty.html"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(LoadError) as err:
        load_path(f)
    assert "no article text" in str(err.value) and "\n" not in str(err.value)


def test_an_html_file_that_is_really_binary_is_refused(tmp_path):
    f = tmp_path / "page.html"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(LoadError, match="binary"):
        load_path(f)


# ---------------------------------------------------------------------------------------- Markdown
MD = """---
title: "Harbour notes"
author: Ruth Ambler
date: 2025-02-01
tags: [ferry, council]
---
# Notes from the quay

| Boat | Crew | Sails at |
|------|-----:|----------|
| Skylark | 4 | dawn |
| Grey Heron | 12 | noon |

- [x] Check the moorings
- [ ] Paint the hull

The old ferry, ~~sadly~~, is gone.[^1]

[^1]: Sold in 2019, “for scrap,” the owner said.
"""


def test_markdown_front_matter_is_metadata_not_text():
    doc = load_text(MD, fmt="markdown")
    assert (doc.title, doc.meta.byline, doc.meta.date) == ("Harbour notes", "Ruth Ambler", "2025-02-01")
    assert "tags" not in doc.text and "---" not in doc.text


def test_markdown_tables_are_drawn_as_aligned_rows():
    doc = load_text(MD, fmt="markdown")
    table = next(b for b in doc.blocks if b.kind == "table")
    rows = doc.text[table.start:table.end].split("\n")
    assert rows[0].split(" │ ") == ["Boat      ", "Crew", "Sails at"]
    assert set(rows[1]) <= {"─", "┼"}
    assert [r.split(" │ ")[0].rstrip() for r in rows[2:]] == ["Skylark", "Grey Heron"]
    assert len({r.index("│") for r in rows if "│" in r}) == 1  # the columns line up
    assert "|" not in doc.text


def test_markdown_task_lists_footnotes_and_strikethrough():
    doc = load_text(MD, fmt="markdown")
    items = [(b.marker, doc.text[b.start:b.end]) for b in doc.blocks if b.kind == "list_item"]
    assert ("☑", "Check the moorings") in items and ("☐", "Paint the hull") in items
    assert ("[1]", "Sold in 2019, “for scrap,” the owner said.") in items
    assert "[^1]" not in doc.text and "The old ferry, sadly, is gone.[1]" in doc.text
    struck = [doc.text[s.start:s.end] for s in doc.spans if s.kind == "strike"]
    assert struck == ["sadly"]


def test_markdown_without_front_matter_keeps_its_first_heading_as_title():
    doc = load_text("# Ferry day\n\nText here.\n", fmt="markdown")
    assert doc.title == "Ferry day" and doc.meta.byline is None


# --------------------------------------------------------------------------------------------- EPUB
CHAPTERS = [
    ("Chapter I. The Lamp", ["“Light it before dusk,” said Mrs Corran.", "The wick caught at last."]),
    ("Chapter II. The Storm", ["Rain came over the headland.", "“Bar the door,” Tamsin said."]),
    ("Chapter III. Morning", ["The sea was flat and bright."]),
]


def test_epub_chapters_in_order_with_their_titles_as_headings(make_book):
    doc = load_path(make_book(CHAPTERS))
    headings = [doc.text[b.start:b.end] for b in doc.blocks if b.kind == "heading"]
    assert headings == [c[0] for c in CHAPTERS]  # the outline of the book
    assert doc.text.index("Light it") < doc.text.index("Rain came") < doc.text.index("flat and bright")
    assert (doc.title, doc.meta.byline, doc.meta.date, doc.meta.source, doc.format) == (
        "The Lantern Keeper", "Wilma Stroud", "1911", "Fenwick & Daughters", "epub")
    quotes, _ = found(doc)
    assert ("Bar the door,", "Tamsin") in quotes


def test_epub_reading_order_is_the_spine_and_toc_titles_head_untitled_chapters(make_book):
    doc = load_path(make_book(CHAPTERS, heading_in_text=False, spine_order=[2, 0, 1]))
    headings = [doc.text[b.start:b.end] for b in doc.blocks if b.kind == "heading"]
    assert headings == ["Chapter III. Morning", "Chapter I. The Lamp", "Chapter II. The Storm"]


def test_a_drm_protected_epub_is_refused_in_one_line(make_book, tmp_path):
    from epub_books import with_encryption

    book = with_encryption(make_book(CHAPTERS), tmp_path / "locked.epub")
    with pytest.raises(LoadError, match="DRM") as err:
        load_path(book)
    assert "\n" not in str(err.value)


def test_font_obfuscation_is_not_drm(make_book, tmp_path):
    from epub_books import with_encryption

    book = with_encryption(make_book(CHAPTERS), tmp_path / "fonts.epub", fonts_only=True)
    assert "Light it" in load_path(book).text


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_a_truncated_epub_is_refused_in_one_line(make_book, tmp_path, cut):
    data = make_book(CHAPTERS).read_bytes()
    f = tmp_path / "cut.epub"
    f.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(LoadError, match="damaged or truncated|damaged") as err:
        load_path(f)
    assert str(f) in str(err.value) and "\n" not in str(err.value)


def test_a_zip_that_is_no_book_is_refused(tmp_path):
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes.txt", "hello")
    with pytest.raises(LoadError, match="not an EPUB"):
        load_bytes(buf.getvalue(), name="x")


def test_a_page_without_a_stated_date_has_none_not_a_year_from_its_text():
    page = ("<!DOCTYPE html><html><head><title>Old hull</title></head><body><article><h1>Old hull</h1>"
            "<p>The hull should have been retired in 2009, the inspector said, and again on 3 March 2015 "
            "when the second report came out and was read by everyone on the island.</p></article></body></html>")
    doc = load_text(page)
    assert doc.meta.date is None and doc.meta.byline is None
