"""``quotelens speakers [NAME]``: the speakers quoted across the library, or every quotation of
one of them in every document, by date, each with where to find it (``quotelens FILE`` opens the
article; the offset is where the quotation starts).  A read command.  Never imports Textual.
"""

from __future__ import annotations

import argparse
import sys

from ..engine.sanitize import one_line
from . import add_db_argument, clip, fail, reports_failures


@reports_failures
def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="quotelens speakers",
                                 description="Who is quoted across the documents you have read.")
    ap.add_argument("name", nargs="?", default=None, help="one speaker (a name or alias): all their quotations")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    add_db_argument(ap)
    args = ap.parse_args(argv)

    from ..store import default_db_path
    from ..store.visits import library_speakers, read_data

    speakers = library_speakers(read_data(default_db_path(args.db)))
    if args.name is not None:
        key = " ".join(args.name.split()).casefold()
        speakers = [s for s in speakers if key in {n.casefold() for n in (s.name, *s.aliases)}] or \
                   [s for s in speakers if key in s.name.casefold()]
        if not speakers:
            return fail(f"nobody called {args.name!r} is quoted in the library")
    if args.json:
        from .annotations import _json_text as json_text

        sys.stdout.write(json_text({"speakers": [{
            "name": s.name, "aliases": list(s.aliases), "documents": s.documents, "quotes": [
                {"text": q.quote.text, "start": q.quote.start, "end": q.quote.end, "document": q.entry.doc_id,
                 "path": q.entry.path, "title": q.entry.title, "date": q.entry.date or q.entry.read}
                for q in s.quotes]} for s in speakers]}) + "\n")
        return 0
    if args.name is None:
        if not speakers:
            print("Nobody is quoted in the library yet: open some documents in quotelens.")
        for s in speakers:
            print(f"{clip(one_line(s.name), 40):<40}  {len(s.quotes):>5} quotations in {s.documents} "
                  f"document{'s' * (s.documents != 1)}")
        return 0
    for s in speakers:
        print(f"{one_line(s.name)}" + (f" (also: {one_line(', '.join(s.aliases))})" if s.aliases else ""))
        for q in s.quotes:
            where = q.entry.path or q.entry.doc_id[:8]
            print(f"  {(q.entry.date or q.entry.read)[:10]}  {clip(one_line(q.entry.title), 30):<30}  "
                  f"“{clip(one_line(q.quote.text), 60)}”  {where}@{q.quote.start}")
    return 0
