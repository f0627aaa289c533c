"""First paint in a real terminal: launch to the article's first words on screen, vs a bare Textual app.

Each program runs in a fresh detached tmux session of the run's size; the screen is polled every
5 ms until a phrase from the first paragraph shows. One warm-up launch each (file cache, bytecode),
then the app and the bare app (benchmarks/bare_static.py) alternate, ``runs`` times each, so both
see the same machine load. The numbers are medians.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from _common import NOVEL, SEED, Context, Result, Skip, at_most, first_words, median, skipped
from tmux_screen import TmuxSession, cpu_seconds

LIMIT = 30.0


def launch(ctx: Context, argv: list[str], expect: str, home: Path, cpu: list[float] | None = None) -> float:
    """Seconds from launch to ``expect`` on screen; appends the CPU seconds the program had used by then to ``cpu``.

    CPU time barely moves when other processes compete for the cores, wall time does: on a busy
    machine the CPU ratio is the steadier comparison (it is shown in the detail, the bar is on wall time).
    """
    with TmuxSession(argv, env=ctx.app_env(home), size=ctx.size) as session:
        seconds = session.wait_for(expect, LIMIT)
        if seconds is None:
            raise Skip(session.failure(expect, LIMIT))
        if cpu is not None:
            pid = session.pid()
            try:
                cpu.append(cpu_seconds(pid) if pid else float("nan"))
            except OSError:
                cpu.append(float("nan"))
        return seconds


def compare(ctx: Context, file: Path) -> tuple[list[float], list[float], str, list[float], list[float]]:
    expect = first_words(file)
    app, bare = ctx.app_command(file), ctx.bare_command(file)
    with tempfile.TemporaryDirectory(prefix="qlbench-") as tmp:
        home = Path(tmp)
        launch(ctx, app, expect, home)
        launch(ctx, bare, expect, home)
        a, b, cpu_a, cpu_b = [], [], [], []
        for _ in range(ctx.runs):
            a.append(launch(ctx, app, expect, home, cpu_a))
            b.append(launch(ctx, bare, expect, home, cpu_b))
    return a, b, expect, cpu_a, cpu_b


def spread(values: list[float]) -> str:
    return f"median {median(values):.3f} s, min {min(values):.3f}, max {max(values):.3f}"


def run(ctx: Context) -> list[Result]:
    results = []
    for label, rel, bars in (("seed", SEED, "ratio"), ("Pride and Prejudice", NOVEL, "seconds")):
        try:
            file = ctx.corpus_file(rel)
            a, b, expect, cpu_a, cpu_b = compare(ctx, file)
        except Skip as why:
            results.append(skipped(f"first paint, {label}", str(why)))
            continue
        app_s, bare_s = median(a), median(b)
        ratio = app_s / bare_s
        cpu_ratio = median(cpu_a) / median(cpu_b)
        detail = (f"app {spread(a)}; bare Textual {spread(b)}; CPU used by then: app {median(cpu_a):.2f} s, "
                  f"bare {median(cpu_b):.2f} s, ratio {cpu_ratio:.2f}x; waited for {expect!r}; "
                  f"{len(a)} runs each, {ctx.size}")
        if bars == "ratio":
            results.append(at_most(f"first paint, {label}, vs bare Textual", ratio, 1.3, "x", detail,
                                   app=a, bare=b, cpu_app=cpu_a, cpu_bare=cpu_b))
        else:
            results.append(at_most(f"first paint, {label}", app_s, 0.9, "s",
                                   detail + f"; wall ratio to bare {ratio:.2f}x", app=a, bare=b,
                                   cpu_app=cpu_a, cpu_bare=cpu_b))
    return results
