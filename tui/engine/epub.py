"""EPUB books through ebooklib: the chapters in reading order (the spine), each opening with its
title as a heading, so the book's outline is its headings.

A book whose content is encrypted (``META-INF/encryption.xml`` naming anything but fonts: DRM)
or whose zip archive is damaged is refused with one line; nothing is half read.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from typing import Any

from .builder import DocumentBuilder
from .markup import (
    BREAK,
    CELL,
    CODE,
    CONTAINER,
    HEADING,
    INLINE,
    ITEM,
    LIST,
    PARAGRAPH,
    QUOTE,
    ROW,
    RULE,
    SKIP,
    TABLE,
    BlockWalker,
    Role,
    clean,
)

MAX_TEXT_BYTES = 256 * 1024 * 1024  # what the chapters may unpack to, all together


class NotReadableBook(ValueError):
    """The EPUB cannot be read (damaged, protected, not an EPUB); the message says why."""


_FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")
_FONTS = (".otf", ".ttf", ".woff", ".woff2")


def _check_archive(data: bytes) -> None:
    """Refuse a damaged archive or one whose text is encrypted, before ebooklib reads it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "META-INF/container.xml" not in names:
                raise NotReadableBook("not an EPUB book (no META-INF/container.xml in the archive)")
            if sum(i.file_size for i in zf.infolist()) > MAX_TEXT_BYTES:
                raise NotReadableBook("the book unpacks to more than 256 MB")
            if "META-INF/encryption.xml" in names and _encrypts_text(zf.read("META-INF/encryption.xml")):
                raise NotReadableBook("the book is protected by DRM (META-INF/encryption.xml): quotelens cannot read it")
            bad = zf.testzip()
            if bad is not None:
                raise NotReadableBook(f"the book's archive is damaged ({bad} is corrupt)")
    except (zipfile.BadZipFile, EOFError, ValueError, zlib.error) as err:
        if isinstance(err, NotReadableBook):
            raise
        raise NotReadableBook("not a readable EPUB book (the zip archive is damaged or truncated)") from None
    except (OSError, RuntimeError, NotImplementedError) as err:  # e.g. an encrypted zip entry, a rare method
        raise NotReadableBook(f"not a readable EPUB book ({err})") from None


def _encrypts_text(xml: bytes) -> bool:
    """Font obfuscation (which readers undo without a key) is allowed; anything else is DRM."""
    from lxml import etree  # type: ignore[import-untyped]

    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return True
    for data in root.iter("{*}EncryptedData"):
        method = next((m.get("Algorithm", "") for m in data.iter("{*}EncryptionMethod")), "")
        uris = [c.get("URI", "") for c in data.iter("{*}CipherReference")]
        if method not in _FONT_OBFUSCATION or not all(u.lower().endswith(_FONTS) for u in uris):
            return True
    return False


_BLOCK_TAGS = {"p": PARAGRAPH, "blockquote": QUOTE, "ul": LIST, "ol": LIST, "li": ITEM, "table": TABLE,
               "tr": ROW, "td": CELL, "th": CELL, "pre": CODE, "hr": RULE, "figcaption": PARAGRAPH,
               "dt": PARAGRAPH, "dd": PARAGRAPH, "caption": PARAGRAPH, "address": PARAGRAPH}
_CONTAINERS = {"html", "body", "div", "section", "article", "main", "aside", "header", "footer", "figure",
               "dl", "thead", "tbody", "tfoot", "center", "hgroup", "details", "summary"}
_SKIP = {"head", "script", "style", "svg", "math", "img", "image", "audio", "video", "object", "iframe",
         "nav", "noscript", "template", "button", "input", "select", "textarea", "rt", "rp"}
_SPANS = {"em": "emphasis", "i": "emphasis", "cite": "emphasis", "var": "emphasis", "dfn": "emphasis",
          "strong": "strong", "b": "strong", "code": "code", "kbd": "code", "samp": "code", "tt": "code",
          "a": "link", "s": "strike", "strike": "strike", "del": "strike"}


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _classify(el: Any) -> Role:
    tag = _local(el.tag)
    if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
        return Role(HEADING, level=int(tag[1]))
    if tag in _BLOCK_TAGS:
        role = _BLOCK_TAGS[tag]
        return Role(role, ordered=tag == "ol")
    if tag in _CONTAINERS:
        return Role(CONTAINER)
    if tag in _SKIP:
        return Role(SKIP)
    if tag == "br":
        return Role(BREAK)
    if tag == "a":
        return Role(INLINE, span="link", href=el.get("href"))
    return Role(INLINE, span=_SPANS.get(tag))


def _parse(content: bytes) -> Any:
    from lxml import etree, html  # type: ignore[import-untyped]

    try:
        parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)
        root = etree.fromstring(content, parser)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None or not len(root):
        try:
            root = html.document_fromstring(content)
        except (etree.ParserError, ValueError):
            return None
    body = next((el for el in root.iter() if _local(el.tag) == "body"), None)
    return body if body is not None else root


def _toc_titles(book: Any) -> dict[str, str]:
    """Chapter file -> its title in the book's table of contents (the first entry naming the file)."""
    from ebooklib import epub  # type: ignore[import-untyped]

    titles: dict[str, str] = {}

    def visit(entries: Any) -> None:
        for entry in entries:
            if isinstance(entry, tuple) and len(entry) == 2:
                visit([entry[0]])
                visit(entry[1])
            elif isinstance(entry, (epub.Link, epub.Section)):
                href = (getattr(entry, "href", "") or "").split("#", 1)[0]
                title = " ".join(clean(getattr(entry, "title", "") or "").split())
                if href and title:
                    titles.setdefault(posixpath.normpath(href), title)
            elif isinstance(entry, list):
                visit(entry)

    visit(book.toc or [])
    return titles


def _dc(book: Any, name: str) -> str | None:
    try:
        values = book.get_metadata("DC", name)
    except (KeyError, AttributeError):
        return None
    for value, _attrs in values or []:
        text = " ".join(clean(str(value or "")).split())
        if text:
            return text
    return None


def build_epub(builder: DocumentBuilder, data: bytes) -> tuple[str | None, dict[str, str]]:
    """Fill ``builder`` with the book's chapters; return its title and metadata (byline, date, source)."""
    _check_archive(data)
    import ebooklib  # type: ignore[import-untyped]
    from ebooklib import epub  # type: ignore[import-untyped]

    try:
        book = epub.read_epub(io.BytesIO(data), {"ignore_ncx": False})
    except Exception as err:  # noqa: BLE001 - ebooklib raises many kinds on a broken package document
        raise NotReadableBook(f"not a readable EPUB book ({type(err).__name__}: {err})") from None
    titles = _toc_titles(book)
    walker = BlockWalker(builder, _classify)
    seen: set[str] = set()
    for idref, _linear in book.spine:
        item = book.get_item_with_id(idref)
        if item is None or item.get_type() != ebooklib.ITEM_DOCUMENT or item.get_name() in seen:
            continue
        seen.add(item.get_name())
        body = _parse(item.get_content())
        if body is None:
            continue
        toc_title = titles.get(posixpath.normpath(item.get_name()))
        if toc_title and not _opens_with(body, toc_title):
            builder.add_block("heading", toc_title, level=1)  # the chapter's title, for the outline
            walker.headings.append(toc_title)
        walker.walk(body)
    if not walker.words:
        raise NotReadableBook("the book has no text quotelens can show")
    title = _dc(book, "title")
    meta = {"byline": _dc(book, "creator"), "date": _dc(book, "date"), "source": _dc(book, "publisher")}
    return title, {k: v for k, v in meta.items() if v}


def _opens_with(body: Any, title: str) -> bool:
    """Does the chapter's first heading say ``title`` already (then no heading is added)?"""
    want = " ".join(title.split()).casefold()
    for el in body.iter():
        tag = _local(el.tag)
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            text = " ".join("".join(el.itertext()).split()).casefold()
            return bool(text) and (text == want or want in text or text in want)
        if tag == "p" and "".join(el.itertext()).strip():
            return False
    return False
