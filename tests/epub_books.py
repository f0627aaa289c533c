"""EPUB books for the tests, made with ebooklib as a publisher's tool would make them."""

from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path


def make_epub(path: Path, chapters: list[tuple[str, list[str]]], *, title: str = "The Lantern Keeper",
              author: str = "Wilma Stroud", date: str = "1911", publisher: str | None = "Fenwick & Daughters",
              heading_in_text: bool = True, spine_order: list[int] | None = None) -> Path:
    """Write an EPUB of ``chapters`` ((title, paragraphs) each) to ``path``.

    ``heading_in_text``: each chapter's XHTML opens with an ``<h2>`` of its title (else only the
    table of contents names it).  ``spine_order``: the reading order, when it is not the order the
    chapter files were added in."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("urn:uuid:quotelens-test-book")
    book.set_title(title)
    book.set_language("en")
    book.add_author(author)
    book.add_metadata("DC", "date", date)
    if publisher:
        book.add_metadata("DC", "publisher", publisher)
    items = []
    for n, (name, paragraphs) in enumerate(chapters, 1):
        item = epub.EpubHtml(title=name, file_name=f"text/chap{n:03d}.xhtml", lang="en")
        head = f"<h2>{html.escape(name)}</h2>" if heading_in_text else ""
        body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
        item.content = f"<html><head><title>{html.escape(name)}</title></head><body>{head}{body}</body></html>"
        book.add_item(item)
        items.append(item)
    order = [items[i] for i in spine_order] if spine_order is not None else items
    book.toc = [epub.Link(item.file_name, item.title, f"c{n}") for n, item in enumerate(items)]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *order]
    epub.write_epub(str(path), book)
    return path


def with_encryption(path: Path, out: Path, *, fonts_only: bool = False) -> Path:
    """A copy of the EPUB at ``path`` with META-INF/encryption.xml: DRM over a chapter, or (``fonts_only``)
    the font obfuscation that any reader undoes."""
    target = "OEBPS/fonts/serif.otf" if fonts_only else "EPUB/text/chap001.xhtml"
    algorithm = "http://www.idpf.org/2008/embedding" if fonts_only else "http://www.w3.org/2001/04/xmlenc#aes128-cbc"
    xml = ('<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
           'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
           f'<enc:EncryptionMethod Algorithm="{algorithm}"/><enc:CipherData>'
           f'<enc:CipherReference URI="{target}"/></enc:CipherData></enc:EncryptedData></encryption>')
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.writestr("META-INF/encryption.xml", xml)
    out.write_bytes(buf.getvalue())
    return out
