"""Run the engine in-process over corpus folders: snapshot its output, diff two snapshots, score.

    python benchmarks/engine_outputs.py snap OUT DIR... [-j 2]    # each document's `quotes --json` into OUT
    python benchmarks/engine_outputs.py diff OLD NEW [--show N]   # which documents changed, and how
    python benchmarks/engine_outputs.py score DIR... [-j 2] [--show-errors]

``snap`` writes OUT/<folder name>/<document name>.json, exactly what ``quotelens quotes FILE
--json`` prints, so a refactor can prove its output byte-identical on every corpus document.
``score`` scores in-process with the functions of ../shared/tools/score_quotes.py (found
beside the checkout, or --scorer PATH): much faster than a subprocess per document on novels.
Worker processes import the engine once each; ``-j`` is how many (2 by default, run it under nice).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _common import load_scorer  # noqa: E402  (benchmarks/ is on the path when run as a script)

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def documents(folder: Path) -> list[Path]:
    """The documents of a corpus folder: those named by a gold file, else every text file."""
    golds = sorted(folder.glob("*.gold.json"))
    if golds:
        return [g.with_name(json.loads(g.read_text(encoding="utf-8"))["file"]) for g in golds]
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES)


def run_one(path: str, explain: bool = False) -> tuple[str, str, float]:
    """(path, the JSON text `quotes --json` prints, seconds) for one document."""
    from tui.commands.quotes import analysis_json
    from tui.engine import analyze, load_path

    t0 = time.perf_counter()
    doc = load_path(path)
    data = analysis_json(doc, analyze(doc))
    out = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return path, out, time.perf_counter() - t0


def _map(paths: list[Path], jobs: int):
    # biggest first, so one long novel does not run alone at the end
    order = sorted(paths, key=lambda p: -p.stat().st_size)
    if jobs <= 1:
        yield from (run_one(str(p)) for p in order)
        return
    with ProcessPoolExecutor(jobs) as pool:
        yield from pool.map(run_one, [str(p) for p in order])


def snap(out: Path, dirs: list[Path], jobs: int) -> None:
    total = 0.0
    for folder in dirs:
        dest = out / folder.name
        dest.mkdir(parents=True, exist_ok=True)
        paths = documents(folder)
        for path, text, secs in _map(paths, jobs):
            (dest / (Path(path).name + ".json")).write_text(text, encoding="utf-8")
            total += secs
        print(f"{folder.name}: {len(paths)} documents -> {dest}")
    print(f"{total:.1f} s in the engine")


def diff(old: Path, new: Path, show: int) -> int:
    changed = missing = same = 0
    for a in sorted(old.rglob("*.json")):
        rel = a.relative_to(old)
        b = new / rel
        if not b.exists():
            missing += 1
            print(f"missing  {rel}")
            continue
        ta, tb = a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")
        if ta == tb:
            same += 1
            continue
        changed += 1
        qa, qb = json.loads(ta)["quotes"], json.loads(tb)["quotes"]
        print(f"changed  {rel}: {len(qa)} -> {len(qb)} quotes")
        shown = 0
        by_start = {q["start"]: q for q in qb}
        for q in qa:
            r = by_start.get(q["start"])
            keys = ("speaker", "method", "confidence", "cue", "end", "kind")
            if r is None or any(q.get(k) != r.get(k) for k in keys):
                if shown < show:
                    was = {k: q.get(k) for k in keys}
                    now = {k: r.get(k) for k in keys} if r else None
                    print(f"    @{q['start']} {q['text'][:50]!r}\n      was {was}\n      now {now}")
                shown += 1
        if shown > show:
            print(f"    ... {shown - show} more")
    print(f"{same} identical, {changed} changed, {missing} missing")
    return 1 if changed or missing else 0


def _scorer(path: Path | None):
    path = path or ROOT.parent / "shared" / "tools" / "score_quotes.py"
    if not path.exists():
        path = ROOT.parents[1] / "shared" / "tools" / "score_quotes.py"
    return load_scorer(path)


def score(dirs: list[Path], jobs: int, show_errors: bool, scorer: Path | None) -> None:
    sq = _scorer(scorer)
    for folder in dirs:
        totals = {"gold": 0, "tp": 0, "fp": 0, "exact": 0, "spk_total": 0, "spk_right": 0, "attributed": 0}
        golds = {}
        for g in sorted(folder.glob("*.gold.json")):
            gold = json.loads(g.read_text(encoding="utf-8"))
            golds[str(g.with_name(gold["file"]))] = gold
        secs = 0.0
        size = 0
        results = {}
        for path, text, t in _map([Path(p) for p in golds], jobs):
            results[path] = json.loads(text)["quotes"]
            secs += t
            size += Path(path).stat().st_size
        for path, gold in golds.items():  # report in name order
            stats, errors = sq.score_document(gold, results[path])
            for k in totals:
                totals[k] += stats[k]
            if show_errors and errors:
                print(f"{Path(path).name}: {stats['tp']}/{stats['gold']} found, {stats['fp']} extra, "
                      f"speaker {stats['spk_right']}/{stats['spk_total']}")
                print("\n".join(errors))
        p = sq.ratio(totals["tp"], totals["tp"] + totals["fp"])
        r = sq.ratio(totals["tp"], totals["gold"])
        spk = sq.ratio(totals["spk_right"], totals["spk_total"])
        print(f"{folder.name}: quotes F1 {sq.f1(p, r):.4f} (P {p:.3f} R {r:.3f}) | speaker {spk:.4f} "
              f"({totals['spk_right']}/{totals['spk_total']}) | {len(golds)} docs, "
              f"{size / 1e6:.1f} MB in {secs:.1f} s engine time")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("snap", help="write each document's JSON output into OUT/<folder>/")
    a.add_argument("out", type=Path)
    a.add_argument("dirs", type=Path, nargs="+")
    a.add_argument("-j", "--jobs", type=int, default=2)
    b = sub.add_parser("diff", help="compare two snapshots")
    b.add_argument("old", type=Path)
    b.add_argument("new", type=Path)
    b.add_argument("--show", type=int, default=5, help="changed quotations shown per document")
    c = sub.add_parser("score", help="score in-process against the gold files")
    c.add_argument("dirs", type=Path, nargs="+")
    c.add_argument("-j", "--jobs", type=int, default=2)
    c.add_argument("--show-errors", action="store_true")
    c.add_argument("--scorer", type=Path, help="path of score_quotes.py")
    args = ap.parse_args(argv)
    if args.cmd == "snap":
        snap(args.out, args.dirs, args.jobs)
    elif args.cmd == "diff":
        return diff(args.old, args.new, args.show)
    else:
        score(args.dirs, args.jobs, args.show_errors, args.scorer)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
