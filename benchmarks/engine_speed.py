"""Engine throughput on the novel: load (decode, sanitise, build) + find quotes + attribute, best of 5.

MB/s is the file's size in bytes (10^6 to the MB) over the best wall time of the whole pipeline;
the detail shows each stage's best time so a slow stage is easy to spot.
"""

from __future__ import annotations

import gc
import time

from _common import NOVEL, Context, Result, Skip, at_least, skipped

REPEATS = 5


def stages():
    """The engine's pipeline as (name, callable) pairs; falls back to ``analyze`` as one stage."""
    from tui import engine

    try:
        from tui.engine.attribution import attribute
        from tui.engine.quotes import find_quotes
    except ImportError:
        return engine.load_bytes, None, None, engine.analyze
    return engine.load_bytes, find_quotes, attribute, engine.analyze


def run(ctx: Context) -> list[Result]:
    name = "engine throughput, Pride and Prejudice"
    try:
        file = ctx.corpus_file(NOVEL)
        load, find, attribute, analyze = stages()
    except Skip as why:
        return [skipped(name, str(why))]
    except ImportError as err:
        return [skipped(name, f"cannot import the engine: {err}")]
    data = file.read_bytes()
    best = {"load": float("inf"), "find": float("inf"), "attribute": float("inf"), "total": float("inf")}
    quotes = speakers = 0
    cpu_best = float("inf")
    for _ in range(REPEATS):
        gc.collect()
        c0 = time.process_time()
        t0 = time.perf_counter()
        doc = load(data, name=file.stem, source=str(file))
        t1 = time.perf_counter()
        if find is not None:
            found = find(doc)
            t2 = time.perf_counter()
            analysis, _ = attribute(doc, found)  # (analysis, traces)
        else:
            t2 = t1
            analysis = analyze(doc)
        t3 = time.perf_counter()
        cpu_best = min(cpu_best, time.process_time() - c0)
        for key, value in (("load", t1 - t0), ("find", t2 - t1), ("attribute", t3 - t2), ("total", t3 - t0)):
            best[key] = min(best[key], value)
        quotes, speakers = len(analysis.quotes), len(analysis.speakers)
    mb = len(data) / 1e6
    rate = mb / best["total"]
    detail = (f"{mb:.2f} MB in {best['total'] * 1000:.0f} ms (load {best['load'] * 1000:.0f}, "
              f"find {best['find'] * 1000:.0f}, attribute {best['attribute'] * 1000:.0f} ms; best of {REPEATS}); "
              f"{quotes} quotes, {speakers} speakers; CPU {cpu_best * 1000:.0f} ms ({mb / cpu_best:.1f} MB/s of CPU)")
    return [at_least(name, rate, 2, "MB/s", detail, best=best, bytes=len(data))]
