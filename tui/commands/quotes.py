"""``quotelens quotes FILE [--json] [--explain]``: what the engine found, for people and for scripts.

``--explain`` shows, for each quotation, the attribution rules tried in order (and why each
declined) and the one that decided, with the words of the text it went by.

This path never imports Textual: scripts and scorers run it on many files.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..engine import Analysis, Attribution, Document, Trace, analyze, explain
from ..engine.evidence import Step
from ..engine.sanitize import escape_surrogates
from ..engine.share import share_of_voice
from . import clip, load_file, reports_failures


def analysis_json(doc: Document, analysis: Analysis) -> dict:
    """``quotes`` holds speech (direct and partial quotations) with its speakers; ``marks`` holds
    titles and scare quotes ("kind": "title" or "scare"), found but never attributed; ``meta`` holds
    what the document says about itself (title, byline, date, source, format, encoding).  Each
    speaker has ``words`` (words quoted) and ``share`` (their part of every quoted word, 0-1)."""
    counts = analysis.quote_counts()
    shares = {s.speaker: s for s in share_of_voice(doc, analysis)}
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
         "gender": s.gender, "quotes": counts.get(s.id, 0),
         # share of voice: the words of this speaker's speech, and their part of all quoted words
         "words": shares[s.id].words if s.id in shares else 0,
         "share": round(shares[s.id].share, 4) if s.id in shares else 0.0}
        for s in analysis.speakers
        if counts.get(s.id)  # a name the engine met but never quoted is no speaker
    ]
    return {"title": doc.title, "quotes": quotes, "speakers": speakers, "marks": marks,
            # a path in a broken encoding holds lone surrogates, which JSON output cannot: escape them
            "meta": {k: escape_surrogates(v) if v else v for k, v in doc.meta.as_dict().items()}}


def _step_json(step: Step) -> dict:
    if isinstance(step, Attribution):
        return {"rule": step.rule, "decided": step.speaker is not None, "method": step.method, "cue": step.cue,
                "mention": step.mention, "span": list(step.span) if step.span else None}
    return {"rule": step.rule, "decided": False, "reason": step.reason}


def add_traces(doc: Document, data: dict, analysis: Analysis, traces: list[Trace]) -> None:
    """With --explain --json: each quotation (and mark) gets "rule" (the rule that decided, or
    null) and "trace" (every rule tried, in order)."""
    by_span = {(q.start, q.end): t for q, t in zip(analysis.quotes, traces)}
    for item in data["quotes"] + data["marks"]:
        trace = by_span.get((item["start"], item["end"]))
        if trace is not None:
            item["rule"] = trace.decided_by or None
            item["trace"] = [_step_json(s) for s in trace.steps]


def explanation(doc: Document, analysis: Analysis, traces: list[Trace]) -> str:
    """Each quotation, then one line per rule tried: declined (and why) or decided (who, how,
    from which words)."""
    text = doc.text
    rows = [f"{doc.title}: {len(analysis.quotes)} quotations (with titles and scare quotes)", ""]
    for n, (q, t) in enumerate(zip(analysis.quotes, traces), 1):
        speaker = analysis.speaker_of(q)
        who = speaker.name if speaker else "nobody"
        rows.append(f"#{n} @{q.start}  [{q.kind}]  {clip(text[q.start:q.end], 70)}")
        for step in t.steps:
            if isinstance(step, Attribution):
                sp = analysis.by_id.get(step.speaker) if step.speaker is not None else None
                said = f" {step.cue!r}" if step.cue else ""
                where = ""
                if step.span:
                    a, b = step.span
                    where = f" from {clip(text[a:b], 50)!r} @{a}-{b}"
                guess = ", a guess" if step.guessed else ""
                rows.append(f"    {step.rule:<13} decided   {sp.name if sp else 'nobody'} "
                            f"({step.method}{guess}{said}){where}")
            else:
                rows.append(f"    {step.rule:<13} declined  {step.reason}")
        how = f"{q.method} {q.confidence:.2f}, rule {t.decided_by}" if speaker else "unattributed"
        rows.append(f"    => {who} ({how})")
    return "\n".join(rows)


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
    ap.add_argument("file", help="a text, Markdown, HTML or EPUB file, an http(s) URL, or - for standard input")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--refresh", action="store_true", help="fetch a URL again instead of reading its kept copy")
    ap.add_argument("--corrected", action="store_true",
                    help="apply the corrections made in the reader (reassigned quotations, renamed and "
                         "merged speakers), read from the annotation database")
    ap.add_argument("--db", default=None, metavar="PATH", help="with --corrected: the database file "
                    "(default: $QUOTELENS_DB, else the user data folder)")
    ap.add_argument("--explain", action="store_true",
                    help="for each quotation, the attribution rules tried and the one that decided "
                         "(with --json: a \"rule\" and a \"trace\" for each quotation)")
    args = ap.parse_args(argv)
    if args.db is not None and not args.corrected:
        ap.error("--db is only read with --corrected")
    if args.explain and args.corrected:
        ap.error("--explain shows the engine's own reasons; it does not combine with --corrected")
    doc = load_file(args.file, refresh=args.refresh)  # a LoadError is reported by tui.cli
    if args.corrected:
        from ..store.paths import default_db_path
        from ..store.session import ReadingSession

        session = ReadingSession(doc, db_path=default_db_path(args.db), read_only=True)
        session.read_corrections()  # a StoreError is reported by tui.cli
        data = analysis_json(doc, session.analyze())
    elif args.explain:
        analysis, traces = explain(doc)
        data = analysis_json(doc, analysis)
        if not args.json:
            print(explanation(doc, analysis, traces))
            return 0
        add_traces(doc, data, analysis, traces)
    else:
        data = analysis_json(doc, analyze(doc))
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(table(data))
    return 0
