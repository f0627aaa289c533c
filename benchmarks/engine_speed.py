"""Engine throughput on the novel: load (decode, sanitise, build) + find quotes + attribute, best of 5.

MB/s is the file's size in bytes (10^6 to the MB) over the best wall time of the whole pipeline;
the detail shows each stage's best time so a slow stage is easy to spot.

"Linear in length": the same pipeline on the novel twice over (one text, a blank line between)
against the novel once, best CPU time of each (the steadier clock on a shared machine; wall in
the detail); twice the text must take at most 2.3 times as long.
"""

from __future__ import annotations

import gc
import time

from _common import NOVEL, Context, Result, Skip, at_least, at_most, skipped

REPEATS = 5
LINEAR_REPEATS = 3
LINEAR_BAR = 2.3  # twice the text, at most this many times the time


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
    throughput = at_least(name, rate, 2, "MB/s", detail, best=best, bytes=len(data))
    return [throughput, _linear(file.stem, str(file), data, load, find, attribute, analyze)]


def _pipeline(load, find, attribute, analyze, data: bytes, stem: str, source: str) -> None:
    doc = load(data, name=stem, source=source)
    if find is not None:
        attribute(doc, find(doc))
    else:
        analyze(doc)


def _linear(stem: str, source: str, data: bytes, load, find, attribute, analyze) -> Result:
    """Best CPU (and wall) time of the pipeline on the novel twice over vs once."""
    doubled = data + b"\n\n" + data
    cpu = {1: float("inf"), 2: float("inf")}
    wall = {1: float("inf"), 2: float("inf")}
    for _ in range(LINEAR_REPEATS):
        for times, body in ((1, data), (2, doubled)):
            gc.collect()
            c0, t0 = time.process_time(), time.perf_counter()
            _pipeline(load, find, attribute, analyze, body, stem, source)
            cpu[times] = min(cpu[times], time.process_time() - c0)
            wall[times] = min(wall[times], time.perf_counter() - t0)
    ratio = cpu[2] / cpu[1]
    detail = (f"CPU {cpu[1] * 1000:.0f} ms once, {cpu[2] * 1000:.0f} ms twice over; wall {wall[1] * 1000:.0f} / "
              f"{wall[2] * 1000:.0f} ms = {wall[2] / wall[1]:.2f}x; best of {LINEAR_REPEATS}; 2.00x is linear")
    return at_most("engine time, Pride and Prejudice twice over vs once", ratio, LINEAR_BAR, "x", detail,
                   cpu=cpu, wall=wall)
