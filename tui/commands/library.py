"""``quotelens library``: the documents read before, with title, source, date, quotations,
annotations and when each was last read; sorted, filtered; ``--forget`` and ``--undo``.

Listing reads the database without the lock and never writes it (a thousand documents list in
milliseconds: see benchmarks/library_list.py).  Never imports Textual.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..engine.sanitize import one_line
from . import add_db_argument, clip, fail, reports_failures

if TYPE_CHECKING:
    from ..store.visits import Entry


def cell(text: str, width: int) -> str:
    """A table cell: text from the database (any string) made safe for a terminal, cut to ``width``."""
    return f"{clip(one_line(text), width):<{width}}"


def entry_json(e: Entry) -> dict:
    return {"id": e.doc_id, "path": e.path, "title": e.title, "byline": e.byline, "source": e.source,
            "date": e.date, "quotes": e.quotes, "annotations": e.annotations, "read": e.read}


def table(items: list[Entry]) -> str:
    if not items:
        return "The library is empty: documents you open in quotelens are listed here."
    out = [f"{'title':<40}  {'source':<28}  {'date':<10}  {'quotes':>6}  {'notes':>5}  {'last read':<16}  id"]
    for e in items:
        quotes = "-" if e.quotes is None else str(e.quotes)
        out.append(f"{cell(e.title or '(untitled)', 40)}  {cell(e.source, 28)}  {cell(e.date, 10)}  "
                   f"{quotes:>6}  {e.annotations:>5}  {cell(e.read[:16].replace('T', ' '), 16)}  {e.doc_id[:8]}")
    return "\n".join(out)


@reports_failures
def main(argv: list[str]) -> int:
    from ..store.visits import SORTS

    ap = argparse.ArgumentParser(prog="quotelens library", description="The documents you have read.")
    ap.add_argument("--sort", choices=tuple(SORTS), default="read",
                    help="order: read (latest first, the default), title, date, source, quotes, annotations")
    ap.add_argument("--reverse", action="store_true", help="the other way round")
    ap.add_argument("--filter", default="", metavar="WORDS",
                    help="only documents whose title, byline, source, date or path has every word")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--forget", default=None, metavar="DOC",
                    help="forget a document (its path, id or title) with its annotations; --undo brings it back")
    ap.add_argument("--undo", action="store_true", help="bring back the document forgotten last")
    add_db_argument(ap)
    args = ap.parse_args(argv)

    from ..store import default_db_path
    from ..store.visits import entries, find_entry, read_data, sort_entries

    db = default_db_path(args.db)
    if args.forget is not None or args.undo:
        if args.forget is not None and args.undo:
            return fail("give --forget or --undo, not both")
        from ..store import Library
        from ..store.visits import forget, undo_forget

        if args.undo:
            with Library.open(db) as lib:
                back = undo_forget(lib)
            if back is None:
                return fail("nothing to undo: no document was forgotten")
            print(f"brought back {one_line(back)}")
            return 0
        found = find_entry(entries(read_data(db)), args.forget)
        if isinstance(found, str):
            return fail(found)
        with Library.open(db) as lib:
            n = forget(lib, found)
        print(f"forgot {one_line(found.title or found.key)} ({n} record{'s' * (n != 1)}); "
              f"`quotelens library --undo` brings it back")
        return 0
    items = [e for e in entries(read_data(db)) if e.matches(args.filter)]
    items = sort_entries(items, args.sort, args.reverse)
    if args.json:
        from .annotations import _json_text as json_text

        sys.stdout.write(json_text({"documents": [entry_json(e) for e in items]}) + "\n")
    else:
        print(table(items))
    return 0
