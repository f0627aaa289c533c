"""Keypress latency on the novel: from a key to the screen repainted, median over N presses per key.

The app runs headless under Textual's Pilot at 120x40 with Pride and Prejudice open (the analysis
finished first). Timing ``await pilot.press(k); await pilot.pause()`` would measure Pilot's own
idle waits (at least 2 x 20 ms per press), so this hooks the app's output instead: ``App._display``
is wrapped to timestamp each compositor update after turning it into terminal escape codes (what a
real terminal would be sent; headless mode skips that step). Latency = time of the first frame
after the key was sent; "settled" is the last frame before the app went idle.

The main thread's CPU time from the key to that frame is shown too: on a machine busy with other
work, wall time includes waiting for a core, CPU time does not.

Between presses the app is left idle, so each press starts from a quiet screen. Keys that reset
(``G`` goes to the end, so each timed ``G`` follows an untimed ``g``/home) are listed in RESETS.
"""

from __future__ import annotations

import asyncio
import inspect
import statistics
import tempfile
import time
from pathlib import Path

from _common import NOVEL, Context, Result, Skip, at_most, median, skipped

KEYS = ("j", "space", "]", "G", "n", "f")
RESETS = {"G": "g", "f": "f"}  # each timed f puts a speaker in focus; the untimed f before it clears it
# Keys pressed once (untimed) before a key's presses: n needs a search ("the": thousands of
# matches in the novel), f a quotation under the cursor.
SETUP = {"n": ("slash", "t", "h", "e", "enter"), "f": ("right_square_bracket",)}
MEDIAN_BAR, P90_BAR = 10, 16  # ms: one frame at 60 Hz for nine presses in ten
SIZE = (120, 40)


def make_app(doc, db_path: Path):
    """Construct the quotelens app (tui/app/app.py) on ``doc`` with its annotations in ``db_path``."""
    try:
        from tui.app.app import QuotelensApp as app_class
    except ImportError:
        try:
            import tui.app.app as module
        except ImportError as err:
            raise Skip(f"no app to drive yet (tui.app.app: {err})") from None
        from textual.app import App

        classes = [c for c in vars(module).values()
                   if isinstance(c, type) and issubclass(c, App) and c.__module__ == module.__name__]
        if not classes:
            raise Skip("tui.app.app defines no Textual App") from None
        app_class = classes[0]
    params = inspect.signature(app_class).parameters
    kwargs = {}
    for name in params:
        low = name.lower()
        if low in ("doc", "document"):
            kwargs[name] = doc
        elif "db" in low or "store" in low and "path" in low or low == "database":
            kwargs[name] = db_path
    if not kwargs:
        raise Skip(f"don't know how to give {app_class.__name__}{inspect.signature(app_class)} a document")
    return app_class(**kwargs)


class FrameClock:
    """Wraps ``app._display`` to record when each frame is ready for the terminal."""

    def __init__(self, app) -> None:
        from textual._compositor import CompositorUpdate

        self.frames: list[float] = []
        self.cpu: list[float] = []  # the main thread's CPU clock at each frame
        original = app._display

        def display(screen, renderable) -> None:
            if renderable is not None and not app._batch_count:
                if isinstance(renderable, CompositorUpdate):
                    renderable.render_segments(app.console)  # the escape codes a terminal would get
                self.frames.append(time.perf_counter())
                self.cpu.append(time.thread_time())
            original(screen, renderable)

        app._display = display

    def since(self, t0: float) -> list[float]:
        return [t - t0 for t in self.frames if t >= t0]

    def cpu_to_first_frame(self, t0: float, cpu0: float) -> float | None:
        """Main-thread CPU seconds from the key to the first frame after ``t0`` (waiting for a core excluded)."""
        for t, c in zip(self.frames, self.cpu):
            if t >= t0:
                return c - cpu0
        return None


async def settle(app, pilot, timeout: float = 60.0) -> None:
    """Wait for the app's workers, and for the analysis to be on screen: the analysis worker
    starts after the first paint, so right after start-up there may be no worker to wait for yet
    (the first key's presses then ran beside the analysis thread)."""
    deadline = time.perf_counter() + timeout
    while True:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        if getattr(app, "analysis", True) is not None or time.perf_counter() > deadline:
            return


class FullCollections:
    """Counts the garbage collector's full (generation 2) collections and how long each took."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self._start = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.times.append((time.perf_counter() - self._start) * 1000)


async def drive(app, keys: tuple[str, ...], presses: int) -> dict[str, dict]:
    import gc

    out = {}
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        clock = FrameClock(app)
        for key in keys:
            if key in SETUP:
                await pilot.press(*SETUP[key])
                await settle(app, pilot)
            first, last, cpu, silent = [], [], [], 0
            full = FullCollections()
            gc.callbacks.append(full)
            for _ in range(presses):
                if key in RESETS:
                    await pilot.press(RESETS[key])
                    await pilot.pause()
                cpu0 = time.thread_time()
                t0 = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                frames = clock.since(t0)
                if frames:
                    first.append(frames[0] * 1000)
                    last.append(frames[-1] * 1000)
                    cpu.append(clock.cpu_to_first_frame(t0, cpu0) * 1000)
                else:
                    silent += 1
            gc.callbacks.remove(full)
            out[key] = {"first": first, "last": last, "cpu": cpu, "silent": silent, "gc2": full.times}
    return out


def load_novel(ctx: Context):
    file = ctx.corpus_file(NOVEL)
    from tui.engine import load_path

    return load_path(file)


def run(ctx: Context, keys: tuple[str, ...] = KEYS) -> list[Result]:
    try:
        doc = load_novel(ctx)
        with tempfile.TemporaryDirectory(prefix="qlbench-") as tmp:
            app = make_app(doc, Path(tmp) / "annotations.json")
            data = asyncio.run(drive(app, keys, ctx.presses))
    except Skip as why:
        return [skipped(f"keypress to repaint, {k!r}", str(why)) for k in keys]
    results = []
    for key, d in data.items():
        name = f"keypress to repaint, {key!r}"
        if not d["first"]:
            results.append(skipped(name, f"no repaint after any of {ctx.presses} presses (is {key!r} bound?)"))
            continue
        first, last = d["first"], d["last"]
        p90 = statistics.quantiles(first, n=10)[-1] if len(first) >= 2 else first[0]
        detail = (f"first frame: median {median(first):.1f} ms, p90 {p90:.1f}, max {max(first):.1f}; "
                  f"main-thread CPU to it: median {median(d['cpu']):.1f} ms; "
                  f"settled: median {median(last):.1f} ms; {len(first)} presses"
                  + (f"; {len(d['gc2'])} full GC, longest {max(d['gc2']):.0f} ms" if d["gc2"] else "")
                  + (f", {d['silent']} with no repaint" if d["silent"] else ""))
        results.append(at_most(name, median(first), MEDIAN_BAR, "ms", detail, first=first, last=last))
        results.append(at_most(f"{name} p90", p90, P90_BAR, "ms", f"first frame p90 over {len(first)} presses"))
    return results


def main(argv: list[str] | None = None) -> int:
    """``python benchmarks/keypress.py [--keys j,G] [--presses N] [--profile OUT.txt]``: time (or profile) keys alone."""
    import argparse
    import sys

    from _common import find_corpus, use_checkout

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--keys", default=",".join(KEYS))
    ap.add_argument("--presses", type=int, default=50)
    ap.add_argument("--corpus")
    ap.add_argument("--profile", metavar="OUT", help="profile the presses with pyinstrument into OUT (.txt or .html)")
    args = ap.parse_args(sys.argv[1:] if argv is None else argv)
    use_checkout(False)
    ctx = Context(corpus=find_corpus(args.corpus), installed=False, presses=args.presses)
    keys = tuple(k for k in args.keys.split(",") if k)
    if not args.profile:
        for r in run(ctx, keys):
            print(f"{r.name}: {r.verdict} {r.detail}")
        return 0
    from pyinstrument import Profiler

    doc = load_novel(ctx)
    with tempfile.TemporaryDirectory(prefix="qlbench-") as tmp:
        app = make_app(doc, Path(tmp) / "annotations.json")
        profiler = Profiler(interval=0.0002, async_mode="disabled")

        async def profiled():
            async with app.run_test(size=SIZE) as pilot:
                await settle(app, pilot)
                for key in keys:
                    if key in SETUP:
                        await pilot.press(*SETUP[key])
                        await settle(app, pilot)
                    for _ in range(ctx.presses):
                        if key in RESETS:
                            await pilot.press(RESETS[key])
                            await pilot.pause()
                        profiler.start()
                        await pilot.press(key)
                        profiler.stop()
                        await pilot.pause()

        asyncio.run(profiled())
    out = Path(args.profile)
    out.write_text(profiler.output_html() if out.suffix == ".html" else
                   profiler.output_text(unicode=True, show_all=True))
    print(f"profile of {ctx.presses} x {keys} written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
