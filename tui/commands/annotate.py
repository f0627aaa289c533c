"""``quotelens annotate FILE --exact TEXT ...``: add an annotation from a script; prints its id.

Never imports Textual.  Every failure is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import re
import sys

from ..engine import Document
from ..engine.sanitize import one_line
from . import add_db_argument, load_file, reports_failures


def find_occurrence(doc: Document, exact: str, occurrence: int) -> tuple[int, int] | str:
    """Offsets of the ``occurrence``-th (1-based) match of ``exact`` in the text, or an error message.

    Exact matches first; when there are none, runs of white space in ``exact`` match any
    white space (the canonical text joins and re-wraps lines)."""
    words = exact.split()
    if not words:
        return "--exact needs some text"
    hits = []
    i = doc.text.find(exact)
    while i != -1:
        hits.append((i, i + len(exact)))
        i = doc.text.find(exact, i + 1)
    if not hits:
        pattern = re.compile(r"\s+".join(map(re.escape, words)))
        hits = [(m.start(), m.end()) for m in pattern.finditer(doc.text)]
    if not hits:
        shown = exact if len(exact) <= 60 else exact[:59] + "…"
        return f"text not found in {doc.source or 'the document'}: {' '.join(shown.split())!r}"
    if not 1 <= occurrence <= len(hits):
        return f"--occurrence {occurrence} is out of range: the text occurs {len(hits)} time{'s' * (len(hits) != 1)}"
    return hits[occurrence - 1]


@reports_failures
def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="quotelens annotate",
                                 description="Annotate a passage of FILE; print the new annotation's id.")
    ap.add_argument("file", help="a text, Markdown, HTML or EPUB file, or an http(s) URL")
    ap.add_argument("--exact", required=True, help="the passage to annotate, as it reads in the article")
    ap.add_argument("--occurrence", type=int, default=1, metavar="N",
                    help="annotate the N-th occurrence of the passage (default 1)")
    ap.add_argument("--note", default="", help="a note to attach")
    ap.add_argument("--tag", action="append", default=[], help="a tag (repeat for several)")
    ap.add_argument("--color", default=None, metavar="NAME",
                    help="highlight colour: yellow, green, blue, pink or orange")
    add_db_argument(ap)
    args = ap.parse_args(argv)

    from ..store import HIGHLIGHT_NAMES, Library, default_db_path

    def fail(message: str) -> int:
        print(f"quotelens: {one_line(str(message))}", file=sys.stderr)
        return 2

    if args.color is not None and args.color.lower() not in HIGHLIGHT_NAMES:
        return fail(f"unknown colour {args.color!r}: use one of {', '.join(HIGHLIGHT_NAMES)}")
    doc = load_file(args.file)  # LoadError and StoreError are reported by tui.cli
    found = find_occurrence(doc, args.exact, args.occurrence)
    if isinstance(found, str):
        return fail(found)
    with Library.open(default_db_path(args.db)) as lib:
        ann = lib.add(doc, found[0], found[1], note=args.note, tags=args.tag,
                      color=args.color.lower() if args.color else None)
    print(ann.id)
    return 0
