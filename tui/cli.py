"""The ``quotelens`` command: ``quotelens [FILE|-]`` reads; sub-commands script the engine and store."""

from __future__ import annotations

import sys

SUBCOMMANDS = {
    "quotes": "tui.commands.quotes",
    "annotate": "tui.commands.annotate",
    "annotations": "tui.commands.annotations",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in SUBCOMMANDS:
        from importlib import import_module

        return import_module(SUBCOMMANDS[argv[0]]).main(argv[1:])
    from .commands.read import main as read_main

    return read_main(argv)
