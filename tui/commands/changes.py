"""``quotelens changes FILE``: what changed since the document was last read in quotelens.

Which annotations are anchored, moved or orphaned in the text as it is now, and which quotations
are new, gone or reworded since the last visit.  A read command (it does not count as a visit).
Never imports Textual.
"""

from __future__ import annotations

import argparse
import sys

from ..engine.sanitize import one_line
from . import clip, reports_failures


@reports_failures
def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="quotelens changes",
                                 description="What changed in FILE since you last read it.")
    ap.add_argument("file", help="a text or Markdown file")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a report")
    ap.add_argument("--db", default=None, metavar="PATH", help="database file (default: $QUOTELENS_DB, "
                    "else the user data folder)")
    args = ap.parse_args(argv)

    from ..engine import analyze, load_path
    from ..store import default_db_path
    from ..store.changes import changes
    from ..store.corrections import apply_corrections
    from ..store.snapshot import corrections
    from ..store.visits import read_data

    doc = load_path(args.file)  # LoadError and StoreError are reported by tui.cli
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
    print(report(found))
    return 0


def report(found) -> str:  # type: ignore[no-untyped-def]
    """The report a returning reader reads: a summary line, then each change."""
    if found.visit is None:
        return "Not read in quotelens before: nothing to compare with."
    out = [f"Since you last read it ({found.visit.read[:16].replace('T', ' ')} UTC): {found.summary()}"]
    for p in found.placements:
        if p.status != "anchored":
            out.append(f"  annotation {p.status:<7} “{clip(one_line(p.annotation.exact), 60)}”")
    for x in found.new:
        out.append(f"  new quotation     “{clip(one_line(x.text), 60)}” ({one_line(x.speaker or 'unattributed')})")
    for x in found.gone:
        out.append(f"  gone quotation    “{clip(one_line(x.text), 60)}” ({one_line(x.speaker or 'unattributed')})")
    for a, b in found.reworded:
        out.append(f"  reworded          “{clip(one_line(a.text), 40)}” → “{clip(one_line(b.text), 40)}”")
    return "\n".join(out)
