"""Load a document from a path, stdin bytes or a string.

Every loader ends in the same place: sanitised text fed to a :class:`DocumentBuilder`,
so a document from any source has the same guarantees (no control characters, ``\\n``
line endings, offsets into one canonical string).
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

from .builder import DocumentBuilder
from .decode import NotText, decode
from .model import Document
from .plaintext import build_plain
from .sanitize import one_line, sanitize

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
MAX_BYTES = 64 * 1024 * 1024


class LoadError(Exception):
    """A document could not be loaded; the message is meant for the reader.

    It is one safe line whatever the path held (newlines, ESC, undecodable bytes)."""

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))


_MD_SIGNS = re.compile(r"^(#{1,6} \S|[-*] \S|> \S|```)", re.MULTILINE)


def sniff_format(text: str) -> str:
    return "markdown" if len(_MD_SIGNS.findall(text[:20000])) >= 2 else "text"


def load_text(text: str, *, name: str | None = None, fmt: str | None = None, source: str | None = None) -> Document:
    """Build a Document from a string (``fmt`` is "text", "markdown" or None to guess)."""
    clean, removed = sanitize(text)
    notices = []
    if removed:
        notices.append(f"removed {removed} control character{'s' if removed != 1 else ''}")
    fmt = fmt or sniff_format(clean)
    builder = DocumentBuilder()
    if fmt == "markdown":
        from .markdown import MarkdownTooDeep, build_markdown  # markdown-it only when needed

        try:
            title = build_markdown(builder, clean)
        except MarkdownTooDeep as err:
            notices.append(f"shown as plain text: {err}")
            fmt, builder = "text", DocumentBuilder()
            title = build_plain(builder, clean)
    else:
        title = build_plain(builder, clean)
    if not title or re.match(r"^(chapter|book|part|volume)\b", title, re.IGNORECASE):
        # a file name can hold anything a title must not: ESC, newlines, undecodable bytes
        title = one_line(name or "") or title or "Untitled"
    return builder.build(title, source, fmt, tuple(notices))


def load_bytes(data: bytes, *, name: str | None = None, fmt: str | None = None, source: str | None = None) -> Document:
    try:
        text, encoding = decode(data)
    except NotText as err:
        raise LoadError(f"{source or name or 'input'}: {err}") from None
    doc = load_text(text, name=name, fmt=fmt, source=source)
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        doc = Document(doc.title, doc.text, doc.blocks, doc.spans, doc.source, doc.format,
                       doc.notices + (f"read as {encoding}",))
    return doc


def load_path(path: str | Path) -> Document:
    """Load a file; ``"-"`` reads standard input.  Raise :class:`LoadError` with a clear message."""
    if str(path) == "-":
        import sys

        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise LoadError("standard input: larger than 64 MB")
        return load_bytes(data, name="stdin", source="-")
    p = Path(path)
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
    fmt = "markdown" if p.suffix.lower() in MARKDOWN_SUFFIXES else "text"
    return load_bytes(data, name=p.stem, fmt=fmt, source=str(p))
