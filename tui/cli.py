"""The ``quotelens`` command: ``quotelens [FILE|-]`` reads; sub-commands script the engine and store."""

from __future__ import annotations

import os
import sys

SUBCOMMANDS = {
    "quotes": "tui.commands.quotes",
    "annotate": "tui.commands.annotate",
    "annotations": "tui.commands.annotations",
    "export": "tui.commands.export",
    "import": "tui.commands.importer",
    "library": "tui.commands.library",
    "speakers": "tui.commands.speakers",
    "changes": "tui.commands.changes",
}


def _run(argv: list[str]) -> int:
    if argv and argv[0] in SUBCOMMANDS:
        from importlib import import_module

        return import_module(SUBCOMMANDS[argv[0]]).main(argv[1:])
    from .commands.read import main as read_main

    return read_main(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        code = _run(argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # The reader of our output went away (``quotelens quotes FILE | head``): stop quietly,
        # and keep Python from complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
