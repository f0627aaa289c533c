"""``quotelens [FILE|-] [--db PATH]``: open the reader.

Everything that can fail (the file, standard input, the database, the terminal) is checked
before Textual starts, so a failure is one line on stderr and exit status 2, never a
traceback or a half-drawn screen.  The database is checked cheaply (orjson, no TinyDB: see
:mod:`tui.store.precheck`), which also gives the saved reading position for the first frame;
the Library itself opens after the first paint.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..engine import Document, load_text
from . import reports_failures

if TYPE_CHECKING:
    from ..app.app import QuotelensApp

SAMPLE = "sample"  # the argument that asks for the built-in sample
SAMPLE_SOURCE = "quotelens:sample"  # its Document.source: a name with a scheme, never a user's path


def load_sample() -> Document:
    """The article shipped with quotelens (tui/data/sample.md)."""
    from importlib.resources import files

    text = files("tui.data").joinpath("sample.md").read_text(encoding="utf-8")
    return load_text(text, name="sample", fmt="markdown", source=SAMPLE_SOURCE)


def load_document(file: str | None, refresh: bool = False) -> Document:
    """FILE, ``-`` for standard input, an http(s) URL (its saved copy, unless ``refresh``), or the
    sample when FILE is missing (or ``sample``)."""
    if file is None or (file == SAMPLE and not Path(file).exists()):
        return load_sample()
    from ..sources import open_document

    return open_document(file, refresh=refresh)


def _slow_to_parse(file: str | None) -> bool:
    """Web pages and URLs: their extractor (trafilatura) takes about as long to import as Textual."""
    if file is None or file == "-":
        return False
    from ..engine.loaders import HTML_SUFFIXES
    from ..sources import is_url

    return is_url(file) or Path(file).suffix.lower() in HTML_SUFFIXES


def load_while_importing_the_app(file: str | None, refresh: bool = False) -> Document:
    """``load_document``; for a web page or a URL, in a forked child while this process imports
    Textual and the app, so that the reader's first paint waits for the longer of the two, not both.

    The child sends the Document (or the LoadError's line) back through a pipe.  Anything amiss
    with the child (no fork on this platform, killed, garbled) and the document is loaded here."""
    import pickle

    if not _slow_to_parse(file) or not hasattr(os, "fork"):
        return load_document(file, refresh)
    from ..engine import LoadError

    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return load_document(file, refresh)
    if pid == 0:  # the child: load, send, leave without running the parent's clean-up
        os.close(read_end)
        try:
            try:
                payload = pickle.dumps(("document", load_document(file, refresh)), pickle.HIGHEST_PROTOCOL)
            except LoadError as err:
                payload = pickle.dumps(("error", str(err)))
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
        finally:
            os._exit(0)
    os.close(write_end)
    import tui.app.app  # noqa: F401 - Textual's import, while the child parses
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
    try:
        kind, value = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - the child died or was killed: do the work here
        return load_document(file, refresh)
    if kind == "error":
        raise LoadError(value)
    return value


def reattach_terminal() -> None:
    """After reading the article from a pipe, read keys from the terminal instead."""
    fd = os.open("/dev/tty", os.O_RDONLY)
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, closefd=False)


@reports_failures
def main(argv: list[str]) -> int:
    # Start-up allocates much (Textual, the CSS, the widgets, the document) and frees little: a
    # full collection then is wasted work.  The app turns collection back on after its first paint.
    gc.disable()
    try:
        return _main(argv)
    finally:
        gc.enable()


def _main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(
        prog="quotelens",
        description="Read an article: every quotation coloured by who said it; annotate from the keyboard.",
        epilog="Sub-commands: quotes, annotate, annotations, export, import, library, speakers, changes (quotelens quotes -h).",
    )
    ap.add_argument("file", nargs="?", metavar="FILE",
                    help="a text, Markdown, HTML or EPUB file, an http(s) URL, - for standard input; "
                         "the built-in sample if omitted")
    ap.add_argument("--refresh", action="store_true",
                    help="fetch a URL again instead of reading the copy kept when it was first opened")
    ap.add_argument("--db", metavar="PATH", help="annotation database (default: $QUOTELENS_DB or your data folder)")
    ap.add_argument("--version", action="version", version=f"quotelens {__version__}")
    args = ap.parse_args(argv)

    doc = load_while_importing_the_app(args.file, args.refresh)  # a LoadError is reported by tui.cli

    from ..store.paths import default_db_path
    from ..store.precheck import precheck

    try:
        db = precheck(default_db_path(args.db), doc.text, doc.source)
    except OSError as err:
        print(f"quotelens: database {err.filename or args.db or ''}: {err.strerror or err}", file=sys.stderr)
        return 2

    if args.file == "-":
        try:
            reattach_terminal()
        except OSError:
            print("quotelens: no terminal to read keys from (the article came from a pipe)", file=sys.stderr)
            return 2

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print("quotelens: the reader needs a terminal (for a plain listing: quotelens quotes FILE)",
              file=sys.stderr)
        return 2

    from ..app.app import QuotelensApp

    position, loaded = db.position, db.loaded
    while True:
        app = QuotelensApp(doc, db_path=db.path, position=position, loaded=loaded)  # the file parsed once
        _exit_on_hangup(app)
        try:
            app.run()
        finally:
            app.save_final_position()  # also when the terminal closed under us
        if app.store_error:  # the database changed between the check and the first paint
            print(f"quotelens: {app.store_error}", file=sys.stderr)
            return 2
        if not app.next_document:
            return 0
        # another document was opened from the library: read it in a fresh reader
        doc = load_sample() if app.next_document == SAMPLE_SOURCE else load_document(app.next_document)
        db = precheck(db.path, doc.text, doc.source)
        loaded = db.loaded
        position = db.position if app.next_position is None else min(app.next_position, len(doc.text))


HANGUP_GRACE = 5.0  # seconds Textual gets to stop after the terminal went away


def _exit_on_hangup(app: QuotelensApp) -> None:
    """Closing the terminal window (SIGHUP) or SIGTERM stops the app the normal way.

    The reading position is saved at once, from a thread (a signal handler must not take the
    store's locks): Textual's shutdown can hang for good when its terminal has vanished (its
    writer thread waits on a terminal nobody reads), and then nothing after ``app.run()`` runs.
    If the app has not stopped ``HANGUP_GRACE`` seconds later, the process ends itself rather
    than linger without a terminal."""
    import signal
    import threading
    import time

    def save_and_leave(signum: int) -> None:
        app.save_final_position()
        time.sleep(HANGUP_GRACE)
        os._exit(128 + signum)  # still here: Textual hung; what mattered is saved

    def stop(signum: int, frame: object) -> None:
        threading.Thread(target=save_and_leave, args=(signum,), daemon=True, name="hangup").start()
        app.exit()

    for sig in (signal.SIGHUP, signal.SIGTERM):
        signal.signal(sig, stop)
