"""Score the engine in process against the shared corpus's gold files, with score_quotes.py's own
matching (imported from ../shared/tools), one document in seconds instead of a subprocess each.

    python benchmarks/score_inprocess.py fiction-dev                 # a corpus folder, by name or path
    python benchmarks/score_inprocess.py fiction-dev --only Pride    # documents whose name contains this
    python benchmarks/score_inprocess.py polnear-dev seed --errors   # also print each error
    python benchmarks/score_inprocess.py fiction-dev --errors --methods  # errors tagged with the method
    python benchmarks/score_inprocess.py polnear-train --by-source   # also totals per outlet

``--by-source`` groups the totals by the part of the file name before its first "_" (PolNeAR
names each article "outlet_date_title"), to tell an outlet whose annotation differs from the rest.

Prints one line per document and the totals line of score_quotes.py; the numbers are the same as
score_quotes.py --cmd "python -m tui quotes {file} --json" (same JSON, same matching).
Not a test: it needs ../shared.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import load_scorer, require_corpus, use_checkout


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("sets", nargs="+", help="corpus folders (fiction-dev, polnear-dev, seed, or paths)")
    ap.add_argument("--corpus", help="the shared corpus folder (default ../shared/corpus)")
    ap.add_argument("--only", help="score only documents whose file name contains this")
    ap.add_argument("--errors", action="store_true", help="print each error")
    ap.add_argument("--methods", action="store_true", help="tag speaker errors with method and cue")
    ap.add_argument("--by-source", action="store_true",
                    help="also print totals per file-name prefix (the outlet, in PolNeAR's names)")
    args = ap.parse_args(argv)
    corpus = require_corpus(args.corpus)
    use_checkout(False)
    from tui.commands.quotes import analysis_json
    from tui.engine import analyze, load_path

    sq = load_scorer(corpus.parent / "tools" / "score_quotes.py")
    totals = {"gold": 0, "tp": 0, "fp": 0, "exact": 0, "spk_total": 0, "spk_right": 0, "attributed": 0}
    by_source: dict[str, dict[str, int]] = {}
    seconds = 0.0
    for name in args.sets:
        folder = Path(name) if Path(name).is_dir() else corpus / name
        for gold_path in sorted(folder.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            doc_path = gold_path.with_name(gold["file"])
            if args.only and args.only not in doc_path.name:
                continue
            started = time.perf_counter()
            doc = load_path(str(doc_path))
            found = analysis_json(doc, analyze(doc))["quotes"]
            seconds += time.perf_counter() - started
            if args.methods:
                for q in found:
                    if q["speaker"] is not None or q["method"] != "none":
                        q["speaker"] = f"{q['speaker']}|{q['method']}|{q['cue']}"
                # a speaker label with a method still matches by its words
            stats, errors = sq.score_document(gold, found)
            source = by_source.setdefault(doc_path.name.split("_", 1)[0], dict.fromkeys(totals, 0))
            for k in totals:
                totals[k] += stats[k]
                source[k] += stats[k]
            print(f"{doc_path.name:32} found {stats['tp']}/{stats['gold']} +{stats['fp']} "
                  f"speaker {stats['spk_right']}/{stats['spk_total']} "
                  f"= {sq.ratio(stats['spk_right'], stats['spk_total']):.3f}", flush=True)
            if args.errors and errors:
                print("\n".join(errors))
    if args.by_source:
        for name, t in sorted(by_source.items()):
            print(f"{name:16} {summary(sq, t)}")
    print(f"{summary(sq, totals)} | {seconds:.1f} s in the engine")
    return 0


def summary(sq, t: dict[str, int]) -> str:
    """score_quotes.py's figures for one set of totals: F1, precision, recall, speaker accuracy."""
    p = sq.ratio(t["tp"], t["tp"] + t["fp"])
    r = sq.ratio(t["tp"], t["gold"])
    spk = sq.ratio(t["spk_right"], t["spk_total"])
    return (f"quotes F1 {sq.f1(p, r):.3f} (P {p:.3f} R {r:.3f}; {t['tp']}/{t['gold']} found, {t['fp']} extra) "
            f"| speaker {spk:.3f} ({t['spk_right']}/{t['spk_total']})")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
