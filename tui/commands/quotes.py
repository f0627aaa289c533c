"""``quotelens quotes FILE [--json]``: what the engine found, for people and for scripts.

This path never imports Textual: scripts and scorers run it on many files.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..engine import Analysis, Document, analyze
from . import clip, load_file, reports_failures


def analysis_json(doc: Document, analysis: Analysis) -> dict:
    """``quotes`` holds speech (direct and partial quotations) with its speakers; ``marks`` holds
    titles and scare quotes ("kind": "title" or "scare"), found but never attributed."""
    counts = analysis.quote_counts()
    quotes = []
    marks = []
    for q in analysis.quotes:
        if q.is_mark:
            marks.append({"text": doc.text[q.start:q.end], "start": q.start, "end": q.end, "kind": q.kind})
            continue
        speaker = analysis.speaker_of(q)
        quotes.append({
            "text": doc.text[q.start:q.end],
            "speaker": speaker.name if speaker else None,
            "speaker_id": q.speaker,
            "start": q.start,
            "end": q.end,
            "cue": q.cue,
            "method": q.method,
            "confidence": round(q.confidence, 2),
            "kind": q.kind,
        })
    speakers = [
        {"id": s.id, "name": s.name, "aliases": list(s.aliases), "kind": s.kind,
         "gender": s.gender, "quotes": counts.get(s.id, 0)}
        for s in analysis.speakers
        if counts.get(s.id)  # a name the engine met but never quoted is no speaker
    ]
    return {"title": doc.title, "quotes": quotes, "speakers": speakers, "marks": marks}


def table(data: dict) -> str:
    rows = [f"{data['title']}: {len(data['quotes'])} quotations, {len(data['speakers'])} speakers", ""]
    rows.append(f"{'#':>4}  {'speaker':<24}  {'how':<12}  {'conf':>4}  quotation")
    for i, q in enumerate(data["quotes"], 1):
        rows.append(f"{i:>4}  {clip(q['speaker'] or '?', 24):<24}  {q['method']:<12}  "
                    f"{q['confidence']:>4.2f}  {clip(q['text'], 70)}")
    if data["speakers"]:
        rows += ["", "speakers:"]
        for s in data["speakers"]:
            also = [a for a in s["aliases"] if a != s["name"]]
            rows.append(f"  {s['name']} ({s['quotes']})" + (f", also: {', '.join(also)}" if also else ""))
    if data["marks"]:
        rows += ["", "titles and scare quotes (not attributed):"]
        rows += [f"  {m['kind']:<5}  {clip(m['text'], 70)}" for m in data["marks"]]
    return "\n".join(rows)


@reports_failures
def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="quotelens quotes", description="List the quotations in FILE and who said them.")
    ap.add_argument("file", help="a text or Markdown file, or - for standard input")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--corrected", action="store_true",
                    help="apply the corrections made in the reader (reassigned quotations, renamed and "
                         "merged speakers), read from the annotation database")
    ap.add_argument("--db", default=None, metavar="PATH", help="with --corrected: the database file "
                    "(default: $QUOTELENS_DB, else the user data folder)")
    args = ap.parse_args(argv)
    if args.db is not None and not args.corrected:
        ap.error("--db is only read with --corrected")
    doc = load_file(args.file)  # a LoadError is reported by tui.cli
    if args.corrected:
        from ..store.paths import default_db_path
        from ..store.session import ReadingSession

        session = ReadingSession(doc, db_path=default_db_path(args.db), read_only=True)
        session.read_corrections()  # a StoreError is reported by tui.cli
        analysis = session.analyze()
    else:
        analysis = analyze(doc)
    data = analysis_json(doc, analysis)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(table(data))
    return 0
