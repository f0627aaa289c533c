"""Sub-commands of the ``quotelens`` command line; each module imports only what it needs."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine import Document

Main = Callable[[list[str]], int]


def clip(text: str, width: int) -> str:
    """One line of at most ``width`` characters for a table cell, "…" where it was cut."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def add_db_argument(ap: argparse.ArgumentParser) -> None:
    """The ``--db PATH`` every store command takes (an empty value is refused by the store)."""
    ap.add_argument("--db", default=None, metavar="PATH", help="database file (default: $QUOTELENS_DB, "
                    "else the user data folder)")


def load_file(path: str, *, refresh: bool = False) -> Document:
    """Open FILE (a path, ``-``, or a URL: :func:`tui.sources.open_document`) for a command; when
    it was not read as UTF-8, say on stderr how it was read (the listing stays clean for scripts)."""
    from ..engine.sanitize import one_line
    from ..sources import open_document

    doc = open_document(path, refresh=refresh)
    for notice in doc.notices:
        if notice.startswith("read as "):
            print(f"quotelens: {one_line(path)}: {notice} (not UTF-8)", file=sys.stderr)
    return doc


def reports_failures(main: Main) -> Main:
    """A command's reader-facing failures (a file that cannot be read, a database that cannot be
    used) become one line on stderr and exit status 2; anything else is a bug and stays loud."""

    @functools.wraps(main)
    def run(argv: list[str]) -> int:
        try:
            return main(argv)
        except Exception as err:
            from ..engine import LoadError
            from ..engine.sanitize import one_line
            from ..store.errors import StoreError

            if isinstance(err, (LoadError, StoreError)):
                print(f"quotelens: {one_line(str(err))}", file=sys.stderr)
                return 2
            raise

    return run


def fail(message: str) -> int:
    """One line on stderr, exit status 2."""
    from ..engine.sanitize import one_line

    print(f"quotelens: {one_line(str(message))}", file=sys.stderr)
    return 2


def write_output(path: Path, text: str) -> int:
    """Write ``text`` to ``path`` atomically (a crash or a full disk leaves the old file, or none)."""
    from ..store.storage import atomic_write_bytes

    if path.is_dir():
        return fail(f"{path}: is a folder")
    try:
        atomic_write_bytes(path, text.encode("utf-8", "surrogateescape"))
    except OSError as err:
        return fail(f"cannot write {path}: {err.strerror or err}")
    return 0
