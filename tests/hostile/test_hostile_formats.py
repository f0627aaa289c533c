"""Hostile web pages, Markdown extensions and EPUB books: a sound Document or one LoadError line.

Sound: every block and span inside the text, no control character or bidi override anywhere in the
text, the title or the metadata.
"""

from __future__ import annotations

import html as html_lib
import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.engine import LoadError, load_bytes, load_text

from .invariants import (
    FORBIDDEN,
    HOSTILE_SNIPPETS,
    check_document,
    examples,
    hostile_text,
)

SETTINGS = settings(max_examples=examples(60), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def check_meta(doc) -> None:
    for value in doc.meta.as_dict().values():
        if value is not None:
            assert not FORBIDDEN.search(value) and "\n" not in value, repr(value)


def sound_or_one_line(load) -> None:
    try:
        doc = load()
    except LoadError as err:
        assert str(err) and "\n" not in str(err)
        return
    check_document(doc)
    check_meta(doc)


TAGS = ["p", "div", "h1", "h2", "h6", "blockquote", "ul", "ol", "li", "table", "tr", "td", "th", "pre", "code",
        "em", "strong", "a", "span", "br", "script", "style", "nav", "footer", "article", "main", "section",
        "aside", "del", "sup", "img", "hr", "figure", "figcaption", "noscript", "form", "button", "title"]


def _node(children: list[str], tag: str, attr: str) -> str:
    return f"<{tag}{attr}>{''.join(children)}</{tag}>"


text_piece = st.one_of(hostile_text.map(html_lib.escape), hostile_text,
                       st.sampled_from(["&ldquo;", "&rdquo;", "&#x202e;", "&#27;", "&#0;", "&nbsp;", "&amp;",
                                        "<!-- c -->", "<![CDATA[x]]>", "<", ">", "&", "\u201c", "\u201d"]))
attrs = st.sampled_from(["", ' class="comment"', ' id="cookie"', ' class="byline"', ' rend="h9"',
                         ' href="javascript:x"', ' style="display:none"', ' role="navigation"'])
tree = st.recursive(text_piece, lambda kids: st.builds(_node, st.lists(kids, max_size=5), st.sampled_from(TAGS), attrs),
                    max_leaves=40)
heads = st.sampled_from(["", "<!DOCTYPE html>", "<!doctype html><html>", "<?xml version='1.0'?><!DOCTYPE html>"])
metas = st.lists(st.sampled_from([
    '<meta name="author" content="Ann \x1b[31mRed\u202e">', '<meta property="og:site_name" content="">',
    '<meta property="article:published_time" content="not a date">', '<title>\x00bad\ntitle</title>',
    '<meta charset="klingon">', '<meta charset="utf-16">', '<meta property="og:title" content="[bold]x[/]">',
]), max_size=3).map("".join)


@SETTINGS
@given(head=heads, meta=metas, body=st.lists(tree, max_size=6).map("".join))
def test_any_web_page_gives_a_sound_document_or_one_line(head, meta, body):
    page = f"{head}<head>{meta}</head><body>{body}</body></html>"
    sound_or_one_line(lambda: load_text(page, fmt="html", name="fuzz"))
    sound_or_one_line(lambda: load_bytes(page.encode("utf-8", "surrogatepass"), fmt="html", name="fuzz"))


md_piece = st.one_of(hostile_text, st.sampled_from(HOSTILE_SNIPPETS), st.sampled_from([
    "\n| a | b |\n|---|:-:|\n| 1 | 2 |\n", "| x |\n|---|\n", "\n- [ ] ", "\n- [x] ", "[^1]", "\n[^1]: note ",
    "[^n]", "\n\n[^n]:\n", "~~", "~~gone~~", "\n---\ntitle: x\n---\n", "---\n", "title: \x1b[2J\n", "author: '",
    "\n> ", "\n1. ", "| ", " |", "|---|", "\n```\n", "&#x202e;", "\u200f",
]))


@SETTINGS
@given(parts=st.lists(md_piece, max_size=40))
def test_any_markdown_with_extensions_gives_a_sound_document(parts):
    text = "".join(parts)
    sound_or_one_line(lambda: load_text(text, fmt="markdown", name="fuzz"))
    sound_or_one_line(lambda: load_text("---\ntitle: " + text[:40] + "\n---\n" + text, fmt="markdown"))


chapter = st.tuples(hostile_text.filter(lambda s: s.strip()), st.lists(hostile_text, min_size=0, max_size=4))


@settings(max_examples=examples(25), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(chapters=st.lists(chapter, min_size=1, max_size=4), title=hostile_text, in_text=st.booleans())
def test_any_book_gives_a_sound_document_with_a_heading_a_chapter(tmp_path_factory, chapters, title, in_text):
    from epub_books import make_epub

    def safe(s: str) -> str:  # what an XML file can hold at all (ebooklib writes XML)
        return "".join(c for c in s if c in "\t\n\r" or (" " <= c and not "\ud800" <= c <= "\udfff"
                                                         and c not in "\ufffe\uffff"))

    chapters = [(safe(t) or "Untitled", [safe(p) for p in ps]) for t, ps in chapters]
    path = tmp_path_factory.mktemp("book") / "fuzz.epub"
    try:
        make_epub(path, chapters, title=safe(title) or "T", heading_in_text=in_text)
    except Exception:  # noqa: BLE001 - ebooklib could not write this book: nothing to read
        return
    data = path.read_bytes()
    sound_or_one_line(lambda: load_bytes(data, fmt="epub", name="fuzz"))


@SETTINGS
@given(cut=st.floats(0, 1), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=6))
def test_a_damaged_book_gives_a_sound_document_or_one_line(make_book, cut, flips):
    data = bytearray(make_book([("One", ["“Hi,” Ann said."]), ("Two", ["The end."])]).read_bytes())
    for where, value in flips:
        data[int(where * (len(data) - 1))] = value
    data = bytes(data[: max(1, int(len(data) * cut))]) if cut < 1 else bytes(data)
    sound_or_one_line(lambda: load_bytes(data, fmt="epub", name="fuzz"))
    sound_or_one_line(lambda: load_bytes(data, name="fuzz"))


def test_a_zip_bomb_of_a_book_is_refused_without_unpacking():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/epub+zip")
        zf.writestr("META-INF/container.xml", "<container/>")
        zf.writestr("EPUB/big.xhtml", b"\0" * (300 * 1024 * 1024))
    try:
        load_bytes(buf.getvalue(), fmt="epub", name="bomb")
    except LoadError as err:
        assert "256 MB" in str(err)
    else:
        raise AssertionError("a 300 MB book was read")
