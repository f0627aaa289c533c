"""Load a document from a path, stdin bytes or a string.

Every loader ends in the same place: sanitised text fed to a :class:`DocumentBuilder`,
so a document from any source has the same guarantees (no control characters, ``\\n``
line endings, offsets into one canonical string).
"""

from __future__ import annotations

import re
import stat
from dataclasses import replace
from pathlib import Path

from .builder import DocumentBuilder
from .decode import NotText, decode
from .model import Document, Meta
from .plaintext import build_plain
from .sanitize import one_line, sanitize

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
EPUB_SUFFIXES = {".epub"}
MAX_BYTES = 64 * 1024 * 1024


class LoadError(Exception):
    """A document could not be loaded; the message is meant for the reader.

    It is one safe line whatever the path held (newlines, ESC, undecodable bytes)."""

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))


_MD_SIGNS = re.compile(r"^(#{1,6} \S|[-*] \S|> \S|```)", re.MULTILINE)
_HTML_START = re.compile(r"\A(?:\s|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """A web page as a browser saves it: it opens with a doctype or an ``<html>`` element."""
    return bool(_HTML_START.match(text[:4096]))


def sniff_format(text: str) -> str:
    if looks_like_html(text):
        return "html"
    return "markdown" if len(_MD_SIGNS.findall(text[:20000])) >= 2 else "text"


def load_text(text: str, *, name: str | None = None, fmt: str | None = None, source: str | None = None,
              encoding: str | None = None, url: str | None = None) -> Document:
    """Build a Document from a string (``fmt`` is "text", "markdown", "html" or None to guess).

    ``url`` is the address a web page was fetched from (it helps the extractor and is its source)."""
    clean, removed = sanitize(text)
    notices = []
    if removed:
        notices.append(f"removed {removed} control character{'s' if removed != 1 else ''}")
    fmt = fmt or sniff_format(clean)
    builder = DocumentBuilder()
    extra: dict[str, str] = {}
    if fmt == "html":
        from .html import NoArticle, build_html  # trafilatura only for web pages

        try:
            title, extra = build_html(builder, clean, url)
        except NoArticle as err:
            raise LoadError(f"{source or name or 'input'}: {err}") from None
    elif fmt == "markdown":
        from .markdown import (  # markdown-it only when needed
            MarkdownTooDeep,
            build_markdown,
        )

        try:
            title, extra = build_markdown(builder, clean)
        except MarkdownTooDeep as err:
            notices.append(f"shown as plain text: {err}")
            fmt, builder = "text", DocumentBuilder()
            title = build_plain(builder, clean)
        else:
            title = extra.get("title") or title
            extra = {"byline": extra.get("author") or extra.get("byline") or "", "date": extra.get("date") or "",
                     "source": extra.get("source") or extra.get("publisher") or ""}
    else:
        title = build_plain(builder, clean)
    return _finish(builder, title, name, source, fmt, notices, extra, encoding, url)


def _finish(builder: DocumentBuilder, title: str | None, name: str | None, source: str | None, fmt: str,
            notices: list[str], extra: dict[str, str], encoding: str | None, url: str | None) -> Document:
    if not title or re.match(r"^(chapter|book|part|volume)\b", title, re.IGNORECASE):
        # a file name can hold anything a title must not: ESC, newlines, undecodable bytes
        title = one_line(name or "") or title or "Untitled"
    meta = Meta(title=title, byline=extra.get("byline") or None, date=extra.get("date") or None,
                source=extra.get("source") or url or source, format=fmt, encoding=encoding)
    return builder.build(title, source, fmt, tuple(notices), meta)


_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]{2,40})", re.IGNORECASE)


def _declared_charset(data: bytes) -> str | None:
    """The encoding a web page declares in a ``<meta>`` (when Python knows it)."""
    import codecs

    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def load_bytes(data: bytes, *, name: str | None = None, fmt: str | None = None, source: str | None = None,
               url: str | None = None) -> Document:
    if fmt == "epub" or (fmt is None and data.startswith(b"PK\x03\x04")):
        return _load_epub(data, name=name, source=source)
    try:
        text, encoding = decode(data)
    except NotText as err:
        raise LoadError(f"{source or name or 'input'}: {err}") from None
    if fmt in (None, "text") and looks_like_html(text):
        fmt = "html"
    if fmt == "html" and encoding not in ("utf-8", "utf-8-sig") and not encoding.startswith("utf-16"):
        declared = _declared_charset(data)  # the page says what it is: trust it over a guess
        if declared and declared != encoding:
            try:
                text, encoding = data.decode(declared), declared
            except UnicodeDecodeError:
                pass
    doc = load_text(text, name=name, fmt=fmt, source=source, encoding=encoding, url=url)
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        doc = replace(doc, notices=doc.notices + (f"read as {encoding}",))
    return doc


def _load_epub(data: bytes, *, name: str | None, source: str | None) -> Document:
    from .epub import NotReadableBook, build_epub  # ebooklib only for books

    builder = DocumentBuilder()
    try:
        title, extra = build_epub(builder, data)
    except NotReadableBook as err:
        raise LoadError(f"{source or name or 'input'}: {err}") from None
    return _finish(builder, title, name, source, "epub", [], extra, None, None)


def load_path(path: str | Path) -> Document:
    """Load a file; ``"-"`` reads standard input.  Raise :class:`LoadError` with a clear message."""
    if str(path) == "-":
        import sys

        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise LoadError("standard input: larger than 64 MB")
        return load_bytes(data, name="stdin", source="-")
    p = Path(path)
    return load_bytes(read_path(p), name=p.stem, fmt=format_of(p), source=str(p))


def read_path(p: Path) -> bytes:
    """The bytes of file ``p`` (at most 64 MB); raise :class:`LoadError` with a clear message."""
    try:
        if p.is_dir():
            raise LoadError(f"{p}: is a folder, not a file")
        st = p.stat()
        if stat.S_ISFIFO(st.st_mode):  # opening it would wait for a writer, maybe forever
            raise LoadError(f"{p}: is a pipe, not a file (to read a pipe, send it to standard input: -)")
        if not stat.S_ISREG(st.st_mode):
            raise LoadError(f"{p}: is a device, not a file")
        if st.st_size > MAX_BYTES:
            raise LoadError(f"{p}: {st.st_size // (1024 * 1024)} MB is larger than the 64 MB quotelens reads")
        with p.open("rb") as fh:  # a pipe (<(command)) has no size: never read more than the limit
            data = fh.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise LoadError(f"{p}: larger than the 64 MB quotelens reads")
    except FileNotFoundError:
        raise LoadError(f"{p}: no such file") from None
    except PermissionError:
        raise LoadError(f"{p}: permission denied") from None
    except OSError as err:
        raise LoadError(f"{p}: {err.strerror or err}") from None
    return data


def format_of(path: str | Path) -> str:
    """The format a file's name says: "markdown", "html", "epub", else "text" (HTML is still sniffed)."""
    suffix = Path(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in EPUB_SUFFIXES:
        return "epub"
    return "text"
