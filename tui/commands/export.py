"""``quotelens export FILE --format md|csv|w3c [--what quotes|annotations] [-o OUT]``.

A read command: the database is read (never written) and the export goes to standard output,
or to OUT, written atomically once everything has been gathered.  Never imports Textual.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import add_db_argument, load_file, reports_failures, write_output


@reports_failures
def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="quotelens export",
                                 description="Export a document's quotations and annotations.")
    ap.add_argument("file", help="a text or Markdown file")
    ap.add_argument("--format", required=True, choices=("md", "csv", "w3c"),
                    help="md: notes with a citation; csv: a table; w3c: W3C Web Annotation JSON-LD")
    ap.add_argument("--what", choices=("quotes", "annotations"), default="quotes",
                    help="csv only: one row per quotation (default) or per annotation")
    ap.add_argument("-o", "--output", default=None, metavar="OUT", help="write to OUT instead of standard output")
    add_db_argument(ap)
    args = ap.parse_args(argv)

    from ..export import gather, render
    from ..store import default_db_path
    from ..store.visits import read_data

    doc = load_file(args.file)  # LoadError and StoreError are reported by tui.cli
    data = read_data(default_db_path(args.db))
    text = render(gather(doc, data), args.format, args.what)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    return write_output(Path(args.output), text)
