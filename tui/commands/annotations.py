"""``quotelens annotations FILE [--json]``: every annotation of FILE, where it sits now and its status.

Status is "anchored" (the annotated words are in the text unchanged), "moved" (they were
edited; the closest passage is shown) or "orphan" (no longer found; kept, never deleted).
Never imports Textual.  Failures are one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..engine import Document
from ..engine.sanitize import escape_surrogates
from ..store.records import SafeChars
from . import add_db_argument, clip, load_file, reports_failures

# What must never reach a terminal raw is what the engine removes from articles (controls, bidi
# overrides and isolates, lone surrogates): a database edited by hand or by another tool can hold
# any string.  In the table such a character becomes a space; in JSON a \uXXXX escape.
_SHOWN = SafeChars(lambda ch: " ")
_JSON_SAFE = SafeChars(lambda ch: f"\\u{ord(ch):04x}")


def _json_text(data: dict) -> str:
    """JSON as UTF-8 text, with the unsafe characters written as ``\\uXXXX`` escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=1)  # escapes C0 controls itself; not the rest
    return text.translate(_JSON_SAFE)


def _clip(text: str, width: int) -> str:
    return clip(text.translate(_SHOWN), width)  # what the terminal must not see becomes a space


def placements_json(doc: Document, doc_id: str, placements: list) -> dict:
    rows = []
    for p in placements:
        a = p.annotation
        rows.append({
            "id": a.id, "status": p.status, "start": p.start, "end": p.end,
            "text": doc.text[p.start:p.end] if p.start is not None else None,
            "exact": a.exact, "note": a.note, "tags": list(a.tags), "color": a.color,
            "created": a.created, "updated": a.updated,
        })
    source = escape_surrogates(doc.source) if doc.source else doc.source  # a name in a broken encoding
    return {"document": {"id": doc_id, "title": doc.title, "source": source}, "annotations": rows}


def table(data: dict) -> str:
    rows = data["annotations"]
    counts = {s: sum(r["status"] == s for r in rows) for s in ("anchored", "moved", "orphan")}
    head = f"{_clip(data['document']['title'], 60)}: {len(rows)} annotation{'s' * (len(rows) != 1)}"
    if rows:
        head += " (" + ", ".join(f"{n} {s}" for s, n in counts.items() if n) + ")"
    out = [head]
    if not rows:
        return head
    out += ["", f"{'id':<8}  {'status':<8}  {'offsets':>13}  {'colour':<6}  {'tags':<18}  text / note"]
    for r in rows:
        where = f"{r['start']}-{r['end']}" if r["start"] is not None else "-"
        text = r["text"] if r["text"] is not None else r["exact"]
        line = (f"{r['id'][:8]:<8}  {r['status']:<8}  {where:>13}  {r['color'] or '':<6}  "
                f"{_clip(', '.join(r['tags']), 18):<18}  {_clip(text, 50)}")
        out.append(line)
        if r["note"]:
            out.append(f"{'':<62}  note: {_clip(r['note'], 60)}")
    return "\n".join(out)


@reports_failures
def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="quotelens annotations",
                                 description="List the annotations of FILE with their status and offsets.")
    ap.add_argument("file", help="a text, Markdown, HTML or EPUB file, or an http(s) URL")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    add_db_argument(ap)
    args = ap.parse_args(argv)

    from ..store import Library, default_db_path

    doc = load_file(args.file)  # LoadError and StoreError are reported by tui.cli
    # a listing writes nothing (not even a lock file), so a database you can only read lists fine
    with Library.open(default_db_path(args.db), read_only=True) as lib:
        placements = lib.placements(doc)
        doc_id = lib.document_key(doc)
    data = placements_json(doc, doc_id, placements)
    if args.json:
        sys.stdout.write(_json_text(data) + "\n")
    else:
        print(table(data))
    return 0
