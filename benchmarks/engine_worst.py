"""Engine time on hostile shapes: one paragraph of thousands of short quotations, of unclosed
single marks, of scare quotes.  No corpus needed; each input is about 100 KB.

The bar is a reader's patience, not throughput: a pasted 100 KB page of odd text must open in
seconds, whatever its shape (quadratic scans took 80-170 s here before they were capped).
"""

from __future__ import annotations

import time

from _common import Context, Result, at_most

SHAPES = {
    "short quotes in one paragraph": "“a” b " * 16000,
    "unclosed single marks": "‘a " * 33000,
    "unclosed straight singles": "'a " * 33000,
    "scare quotes in one paragraph": " ".join(f"the so-called “reform{i}” plan" for i in range(3300)),
    "quoted titles in one paragraph": ", ".join(f"the show “Morning Hour {i}”" for i in range(3400)) + ".",
    "one 100 KB sentence, no quotes": "word " * 20000,
}
LIMIT_S = 15.0


def run(ctx: Context) -> list[Result]:
    from tui.engine import analyze, load_text

    out = []
    for name, body in SHAPES.items():
        text = "Hostile input\n\n" + body + "\n"
        t0 = time.perf_counter()
        analysis = analyze(load_text(text, fmt="text"))
        seconds = time.perf_counter() - t0
        detail = f"{len(text.encode()) / 1000:.0f} KB, {len(analysis.quotes)} quotations"
        out.append(at_most(f"engine on {name}", seconds, LIMIT_S, "s", detail))
    return out
