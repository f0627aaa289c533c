"""Run quotelens's benchmarks and print one table with each bar's PASS/FAIL.

    python benchmarks/run_all.py                    # everything
    python benchmarks/run_all.py --only paint,keys  # a subset: paint, keys, engine, worst, rss, save, formats
    python benchmarks/run_all.py --installed        # time the installed `quotelens`, not the checkout

Needs tmux for the terminal benchmarks (first paint, peak RSS) and the shared corpus
(../shared/corpus beside the checkout, or --corpus DIR / $QUOTELENS_CORPUS); a benchmark that
cannot run says why in the table. Not part of the tests: speed lives here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, Context, Result, find_corpus, use_checkout

BENCHMARKS = {
    "paint": ("first_paint", "first paint in tmux vs a bare Textual app"),
    "keys": ("keypress", "keypress to repaint on the novel (Pilot)"),
    "engine": ("engine_speed", "engine throughput on the novel"),
    "worst": ("engine_worst", "engine time on hostile 100 KB shapes (no corpus needed)"),
    "rss": ("peak_rss", "peak RSS with the novel open (tmux)"),
    "save": ("save_runner", "save one annotation with 10,000 stored"),
    "formats": ("format_paint", "first paint of a 1 MB EPUB and a saved page vs the same .txt (tmux)"),
}


def parse_args(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="run_all.py", description=__doc__.strip().splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(f"  {k:7} {v[1]}" for k, v in BENCHMARKS.items()))
    ap.add_argument("--only", help="comma-separated subset of: " + ", ".join(BENCHMARKS))
    ap.add_argument("--corpus", help="the shared corpus folder (default ../shared/corpus)")
    ap.add_argument("--installed", action="store_true",
                    help="launch the installed `quotelens` and import the installed tui")
    ap.add_argument("--runs", type=int, default=5, help="first-paint launches per program (default 5)")
    ap.add_argument("--presses", type=int, default=50, help="presses per key (default 50)")
    ap.add_argument("--keys", default="j,space,],G,n,f", help="keys to time (default: the six of issue 12, j,space,],G,n,f)")
    ap.add_argument("--json", metavar="FILE", help="also write every result, with raw samples, to FILE")
    args = ap.parse_args(argv)
    args.only = [s.strip() for s in args.only.split(",")] if args.only else list(BENCHMARKS)
    unknown = [s for s in args.only if s not in BENCHMARKS]
    if unknown:
        ap.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    if args.runs < 1 or args.presses < 1:
        ap.error("--runs and --presses must be at least 1")
    return args


def table(results: list[Result]) -> str:
    rows = [("measure", "value", "bar", "", "detail")]
    for r in results:
        if r.value is None:
            value = "-"
        elif r.unit in ("MB", "ms"):
            value = f"{r.value:.1f} {r.unit}"
        else:
            value = f"{r.value:.2f} {r.unit}"
        rows.append((r.name, value, r.bar, r.verdict, r.detail))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append("")
    for r in results:
        if r.detail:
            lines.append(f"{r.name}: {r.detail}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    installed = args.installed or not (ROOT / "tui").is_dir()
    use_checkout(installed)
    ctx = Context(corpus=find_corpus(args.corpus), installed=installed, runs=args.runs, presses=args.presses)
    try:
        import tui

        where = str(Path(tui.__file__).resolve().parent)
    except ImportError:
        where = "NOT IMPORTABLE (pip install . or run from a checkout)"
    print(f"quotelens benchmarks: {'installed quotelens' if installed else 'checkout'}, tui from {where}; "
          f"corpus {ctx.corpus or 'MISSING (pass --corpus DIR or set QUOTELENS_CORPUS)'}; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores", flush=True)
    results: list[Result] = []
    for key in args.only:
        module_name, what = BENCHMARKS[key]
        print(f"running {key}: {what} ...", flush=True)
        start = time.perf_counter()
        try:
            module = __import__(module_name)
            if key == "keys":
                got = module.run(ctx, tuple(k.strip() for k in args.keys.split(",") if k.strip()))
            else:
                got = module.run(ctx)
        except Exception as err:  # noqa: BLE001 - a crash in the app under test is a result, not the end of the run
            traceback.print_exc()
            got = [Result(f"{what}", None, "", "", False, f"crashed: {type(err).__name__}: {err}")]
        for r in got:
            print(f"  {r.name}: {r.verdict or 'measured'}"
                  + (f" {r.value:.2f} {r.unit}" if r.value is not None else f" ({r.detail})"), flush=True)
        print(f"  ({time.perf_counter() - start:.0f} s)", flush=True)
        results.extend(got)
    print()
    print(table(results))
    print(f"\nload average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"on {os.cpu_count()} cores (wall times stretch when it is above the core count)")
    if args.json:
        Path(args.json).write_text(json.dumps([vars(r) | {"verdict": r.verdict} for r in results], indent=1))
    return 1 if any(r.ok is False for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
