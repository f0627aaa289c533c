"""Train the ranker of untagged fiction turns (tui/engine/turnrank.py) on the gold of a corpus
folder, and write its weights to tui/engine/turnrank.json.

    python benchmarks/train_turnrank.py fiction-dev                 # train on all, write the weights
    python benchmarks/train_turnrank.py fiction-dev --folds 2 --dry  # held-out check only
    python benchmarks/train_turnrank.py fiction-dev --pron           # "he said" turns -> pronrank.json

Each untagged turn the dialogue rules fill is an example: its candidates (every person some
evidence points to) with their features, and which candidates the gold speaker's keys name.
The model is a conditional logit (softmax over the candidates of a turn), fitted by plain
gradient steps with a little L2, so the weights stay a dozen readable numbers.  ``--folds N``
splits the novels (not the turns) into N groups and scores each group with weights trained on
the others: the number to trust for novels nobody trained on.  Not a test: needs ../shared.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import load_scorer, require_corpus, use_checkout


def _gold_by_start(sq, gold: dict, found: list[dict]) -> dict[int, list[str]]:
    """Each found quotation's start -> the speaker keys of the gold quotation it matches
    (score_quotes' own matching: word similarity, best pairs first, one to one)."""
    golds = [dict(q, w=sq.words(q["text"])) for q in gold["quotes"]]
    finds = [dict(q, w=sq.words(q.get("text", ""))) for q in found]
    postings: dict[str, list[int]] = {}
    for fi, f in enumerate(finds):
        for w in set(f["w"]):
            postings.setdefault(w, []).append(fi)
    pairs = []
    for gi, g in enumerate(golds):
        for fi in sq.candidates(g["w"], postings):
            s = sq.similarity(g["w"], finds[fi]["w"])
            if s >= 0.5:
                pairs.append((s, gi, fi))
    pairs.sort(key=lambda p: (-p[0], golds[p[1]]["kind"] == "optional", p[1], p[2]))
    g_used: set[int] = set()
    f_used: set[int] = set()
    out = {}
    for _, gi, fi in pairs:
        if gi in g_used or fi in f_used:
            continue
        g_used.add(gi)
        f_used.add(fi)
        g = golds[gi]
        if g["kind"] != "optional" and g.get("speaker_keys"):
            out[finds[fi]["start"]] = g["speaker_keys"]
    return out


def collect(folder: Path, sq, pron: bool = False) -> dict[str, list[list[tuple[dict[str, float], bool]]]]:
    """Per novel, its examples: for each untagged turn (``pron``: each "he said" turn),
    [(features, is the gold speaker)]."""
    from tui.commands.quotes import analysis_json
    from tui.engine import analyze, dialogue, load_path, turnrank

    if pron:
        turnrank.PRON_WEIGHTS = {}  # the pronoun and the hand rules decide, as the features describe them
    else:
        turnrank.WEIGHTS = {}  # the hand rules fill the turns, as the features describe them
    out = {}
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = load_path(str(gold_path.with_name(gold["file"])))
        if pron:
            dialogue.PRON_RECORD = []
        else:
            dialogue.RECORD = []
        try:
            analysis = analyze(doc)
            recorded = dialogue.PRON_RECORD if pron else dialogue.RECORD
        finally:
            dialogue.RECORD = dialogue.PRON_RECORD = None
        keys = _gold_by_start(sq, gold, analysis_json(doc, analysis)["quotes"])
        names = {s.id: s.name for s in analysis.speakers}
        examples = []
        for start, cands, *history in recorded:
            narrated, start1, start2 = history[0] if history else (False, None, None)
            if start not in keys or not cands:
                continue
            row = []
            for c, f in cands:
                # who really spoke the two turns before: ``--teacher`` trains on that history
                f = dict(f)
                for name, s in (("gold_prev1", start1), ("gold_prev2", start2)):
                    if s in keys and sq.speaker_right(names.get(c), keys[s]):
                        f[name] = 1.0
                if narrated and "gold_prev1" in f:
                    f["gold_same_after_narration"] = 1.0
                row.append((f, sq.speaker_right(names.get(c), keys[start])))
            if any(right for _, right in row):
                examples.append(row)
            else:
                examples.append([(f, False) for f, _ in row])  # nobody right: counts, cannot be learnt
        out[gold_path.name.split(".")[0]] = examples
        print(f"{gold_path.name.split('.')[0]:32} {len(examples)} turns", file=sys.stderr, flush=True)
    return out


_PATH = ("prev1", "prev2", "same_after_narration")


def _history(f: dict[str, float], teacher: bool, drop: set[str]) -> dict[str, float]:
    """The features of a candidate as trained: with ``teacher``, the features about the turns
    before describe who really spoke them (as ``turnrank.decode`` scores them along a path),
    else who the hand rules said spoke them."""
    out = {k: v for k, v in f.items() if k not in drop and not k.startswith("gold_")}
    if teacher:
        for k in _PATH:
            out.pop(k, None)
            if "gold_" + k in f and k not in drop:
                out[k] = f["gold_" + k]
    return out


def engine_score(folder: Path, sq, novels: list[str], weights: dict[str, float]) -> tuple[int, int, dict[str, int]]:
    """Speaker accuracy of the whole engine on ``novels`` with the ranker's ``weights``:
    (right, scored, right per novel)."""
    from tui.commands.quotes import analysis_json
    from tui.engine import analyze, load_path, turnrank

    saved, turnrank.WEIGHTS = turnrank.WEIGHTS, weights
    right = total = 0
    per: dict[str, int] = {}
    try:
        for name in novels:
            gold = json.loads((folder / f"{name}.gold.json").read_text(encoding="utf-8"))
            doc = load_path(str(folder / gold["file"]))
            stats, _ = sq.score_document(gold, analysis_json(doc, analyze(doc))["quotes"])
            right, total = right + stats["spk_right"], total + stats["spk_total"]
            per[name] = stats["spk_right"]
    finally:
        turnrank.WEIGHTS = saved
    return right, total, per


def train(examples, epochs: int = 200, rate: float = 1.0, l2: float = 1e-3) -> dict[str, float]:
    """Fit the conditional logit: full-batch gradient steps on the log-likelihood of the gold
    candidates (a turn with several right candidates counts each as right)."""
    w: dict[str, float] = {}
    learnable = [ex for ex in examples if any(r for _, r in ex)]
    n = max(1, len(learnable))
    for _ in range(epochs):
        grad: dict[str, float] = {}
        for ex in learnable:
            scores = [sum(w.get(k, 0.0) * v for k, v in f.items()) for f, _ in ex]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            z = sum(exps)
            zr = sum(e for e, (_, r) in zip(exps, ex) if r)
            for e, (f, r) in zip(exps, ex):
                # d log(sum over right / sum over all) / d score
                g = (e / zr if r else 0.0) - e / z
                for k, v in f.items():
                    grad[k] = grad.get(k, 0.0) + g * v
        for k in set(grad) | set(w):
            w[k] = w.get(k, 0.0) + rate * (grad.get(k, 0.0) / n - l2 * w.get(k, 0.0))
    return w


def accuracy(examples, weights: dict[str, float] | None) -> tuple[int, int]:
    """Turns whose top candidate is right: by the weights, or (None) by the hand rules' pick."""
    right = 0
    for ex in examples:
        if weights is None:
            pick = next((r for f, r in ex if "rule" in f), False)
        else:
            best = max(range(len(ex)), key=lambda i: (sum(weights.get(k, 0.0) * v for k, v in ex[i][0].items()), -i))
            pick = ex[best][1]
        right += pick
    return right, len(examples)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("sets", nargs="+", help="corpus folders with gold (fiction-dev)")
    ap.add_argument("--corpus", help="the shared corpus folder (default ../shared/corpus)")
    ap.add_argument("--folds", type=int, default=0, help="score held-out groups of novels")
    ap.add_argument("--dry", action="store_true", help="do not write the weights")
    ap.add_argument("--cache", help="a pickle of the collected turns: read it if it exists, else write it")
    ap.add_argument("--engine", action="store_true",
                    help="with --folds: also run the engine on each held-out group with its weights, and score it")
    ap.add_argument("--teacher", action="store_true",
                    help="train the features about the turns before on who really spoke them")
    ap.add_argument("--epochs", type=int, default=200, help="gradient steps")
    ap.add_argument("--drop", default="", help="features to leave out, comma-separated (to try a smaller model)")
    ap.add_argument("--pron", action="store_true", help="the ranker of \"he said\" turns (pronrank.json)")
    args = ap.parse_args(argv)
    corpus = require_corpus(args.corpus)
    use_checkout(False)
    sq = load_scorer(corpus.parent / "tools" / "score_quotes.py")
    per_novel: dict[str, list] = {}
    if args.cache and Path(args.cache).exists():
        per_novel = pickle.loads(Path(args.cache).read_bytes())
    else:
        for name in args.sets:
            per_novel.update(collect(Path(name) if Path(name).is_dir() else corpus / name, sq, args.pron))
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps(per_novel))
    drop = {d for d in args.drop.split(",") if d}
    per_novel = {n: [[(_history(f, args.teacher, drop), r) for f, r in ex] for ex in exs]
                 for n, exs in per_novel.items()}
    novels = sorted(per_novel)
    if args.folds > 1:
        tot_rule = tot_model = tot = 0
        e_tot = (0, 0)
        for i in range(args.folds):
            test = [n for j, n in enumerate(novels) if j % args.folds == i]
            w = train([ex for n in novels if n not in test for ex in per_novel[n]], args.epochs)
            held = [ex for n in test for ex in per_novel[n]]
            r_rule, n = accuracy(held, None)
            r_model, _ = accuracy(held, w)
            tot_rule, tot_model, tot = tot_rule + r_rule, tot_model + r_model, tot + n
            print(f"fold {i + 1}: {', '.join(test)}")
            print(f"  held-out turns {n}: rules {r_rule / n:.3f}, ranker {r_model / n:.3f}")
            if args.engine:
                folder = Path(args.sets[0]) if Path(args.sets[0]).is_dir() else corpus / args.sets[0]
                e_right, e_total, e_per = engine_score(folder, sq, test, w)
                e_tot = (e_tot[0] + e_right, e_tot[1] + e_total)
                print(f"  engine speaker on the held-out novels: {e_right}/{e_total} = {e_right / e_total:.4f}")
                print("    " + ", ".join(f"{k} {v}" for k, v in e_per.items()))
        print(f"all folds: rules {tot_rule / tot:.3f}, ranker {tot_model / tot:.3f} ({tot} turns)")
        if args.engine:
            print(f"all folds, engine speaker with held-out weights: {e_tot[0]}/{e_tot[1]} = {e_tot[0] / e_tot[1]:.4f}")
    everything = [ex for n in novels for ex in per_novel[n]]
    w = train(everything, args.epochs)
    r_rule, n = accuracy(everything, None)
    r_model, _ = accuracy(everything, w)
    reachable = sum(1 for ex in everything if any(r for _, r in ex))
    print(f"trained on all {n} turns: rules {r_rule / n:.3f}, ranker {r_model / n:.3f}"
          f" (a right candidate in {reachable / max(1, n):.3f})")
    for k, v in sorted(w.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {k:24} {v:+.3f}")
    if not args.dry:
        out = Path(__file__).resolve().parents[1] / "tui" / "engine" / ("pronrank.json" if args.pron else "turnrank.json")
        out.write_text(json.dumps({"trained_on": args.sets, "turns": n,
                                   "weights": {k: round(v, 4) for k, v in sorted(w.items())}}, indent=1) + "\n",
                       encoding="utf-8")
        print(f"weights -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
