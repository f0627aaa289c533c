"""Where documents come from: a file, standard input, or a web address.

Fetching (network I/O) and keeping the fetched copy in the user's data folder live here, outside
the engine, which only ever turns bytes into a Document.  Imports the engine only: never Textual,
TinyDB or the store.
"""

from __future__ import annotations

from ..engine import Document, load_path
from .fetch import FetchError, is_url, open_url

__all__ = ["FetchError", "is_url", "open_document", "open_url"]


def open_document(arg: str, *, refresh: bool = False) -> Document:
    """A path, ``-`` for standard input, or an http(s) URL (its saved copy when there is one,
    unless ``refresh``).  Raises :class:`~tui.engine.LoadError` (one line) on failure."""
    if is_url(arg):
        return open_url(arg, refresh=refresh)
    return load_path(arg)
