"""Where documents come from: a file, standard input, or a web address.

Fetching (network I/O) and keeping the fetched copy in the user's data folder live here, outside
the engine, which only ever turns bytes into a Document.  Imports the engine only: never Textual,
TinyDB or the store.
"""

from __future__ import annotations

from pathlib import Path

from ..engine import Document, load_bytes, load_path
from ..engine.loaders import format_of, read_path
from .fetch import FetchError, is_url, open_url
from .parsed import cached

__all__ = ["FetchError", "is_url", "open_document", "open_url"]


def open_document(arg: str, *, refresh: bool = False) -> Document:
    """A path, ``-`` for standard input, or an http(s) URL (its saved copy when there is one,
    unless ``refresh``).  Raises :class:`~tui.engine.LoadError` (one line) on failure."""
    if is_url(arg):
        return open_url(arg, refresh=refresh)
    if arg != "-" and format_of(arg) == "html":  # a saved page: its extraction is kept (see .parsed)
        p = Path(arg)
        data = read_path(p)
        return cached(data, str(p), "html", lambda: load_bytes(data, name=p.stem, fmt="html", source=str(p)))
    return load_path(arg)
