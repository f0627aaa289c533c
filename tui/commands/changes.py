"""``quotelens changes FILE``: what changed since the document was last read in quotelens.

Which annotations are anchored, moved or orphaned in the text as it is now, and which quotations
are new, gone or reworded since the last visit.  A read command (it does not count as a visit).
Never imports Textual.
"""

from __future__ import annotations

import argparse
import sys

from . import add_db_argument, load_file, reports_failures


@reports_failures
def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="quotelens changes",
                                 description="What changed in FILE since you last read it.")
    ap.add_argument("file", help="a text or Markdown file")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a report")
    add_db_argument(ap)
    args = ap.parse_args(argv)

    from ..engine import analyze
    from ..store import default_db_path
    from ..store.changes import changes
    from ..store.corrections import apply_corrections
    from ..store.snapshot import corrections
    from ..store.visits import read_data

    doc = load_file(args.file)  # LoadError and StoreError are reported by tui.cli
    data = read_data(default_db_path(args.db))
    found = changes(data, doc, apply_corrections(analyze(doc), corrections(data, doc)))
    if args.json:
        from .annotations import _json_text as json_text

        def q(x):  # type: ignore[no-untyped-def]
            return {"text": x.text, "speaker": x.speaker, "start": x.start, "end": x.end}

        sys.stdout.write(json_text({
            "last_read": found.visit.read if found.visit else None, "text_changed": found.text_changed,
            "annotations": [{"id": p.annotation.id, "status": p.status, "start": p.start, "end": p.end,
                             "exact": p.annotation.exact} for p in found.placements],
            "quotes": {"new": [q(x) for x in found.new], "gone": [q(x) for x in found.gone],
                       "reworded": [{"then": q(a), "now": q(b)} for a, b in found.reworded]},
        }) + "\n")
        return 0
    print(found.report())
    return 0
