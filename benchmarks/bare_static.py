"""The baseline for first paint: a bare Textual app that shows a file in one Static (markup off).

    python benchmarks/bare_static.py FILE

It reads the file as UTF-8 (undecodable bytes replaced) and does nothing else, so the time to its
first paint is what Textual itself costs for that text. q or ctrl+q quits.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Static


class BareStatic(App):
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text, markup=False)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    with open(argv[0], "rb") as fh:
        text = fh.read().decode("utf-8", errors="replace")
    BareStatic(text).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
