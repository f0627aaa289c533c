"""Open FILE in quotelens exactly as ``quotelens FILE`` does, and quit right after the first frame.

    python benchmarks/startup_probe.py FILE [--marks OUT.txt] [--trace] [--bare] [--profile OUT.html|OUT.txt]

Run it in a real terminal (tmux). It writes to --marks (Textual owns stdout and stderr) the
seconds since the process started at which: Python was ready, ``tui`` was imported, the first
frame was written, and the first frame holding the article's first words was written; so first
paint splits into interpreter start / imports / load and Textual start / the article's own paint.
With --bare, the bare Textual app (bare_static.py) is probed instead of quotelens.
With --trace, the marks also list when the main steps of the start ran (see TRACED) and each frame.
With --profile, pyinstrument profiles the whole start (pip install pyinstrument).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def process_age() -> float:
    """Seconds since this process was started by the kernel."""
    with open("/proc/self/stat") as fh:
        stat = fh.read()
    start_ticks = int(stat[stat.rindex(")") + 2:].split()[19])
    with open("/proc/uptime") as fh:
        uptime = float(fh.read().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


# Steps of quotelens's start worth seeing on the timeline (module, attribute path); missing ones are skipped.
TRACED = (
    ("tui.commands.read", "load_document"),
    ("tui.store", "Library.open"),
    ("tui.app.app", "QuotelensApp.__init__"),
    ("tui.app.app", "QuotelensApp.compose"),
    ("tui.app.app", "QuotelensApp.on_mount"),
    ("tui.app.app", "QuotelensApp._analyze"),
    ("tui.app.app", "QuotelensApp._show_analysis"),
    ("tui.app.app", "QuotelensApp._show_placements"),
    ("tui.app.widgets.article_view", "ArticleView._rewrap"),
    ("textual.screen", "Screen._refresh_layout"),
    ("textual._compositor", "Compositor.render_update"),
)


def trace(marks: dict[str, float], base: float) -> None:
    """Wrap each TRACED function to log when it ran and for how long (first 12 calls each)."""
    import functools
    import importlib

    log = marks.setdefault("trace", [])
    for module_name, path in TRACED:
        try:
            owner = importlib.import_module(module_name)
            *parents, attr = path.split(".")
            for parent in parents:
                owner = getattr(owner, parent)
            original = inspect_static(owner, attr)
        except (ImportError, AttributeError):
            continue
        if isinstance(original, classmethod):
            continue

        def make(fn, label):
            calls = [0]

            @functools.wraps(fn)
            def wrapper(*args, **kwargs):
                t0 = time.perf_counter() - base
                try:
                    return fn(*args, **kwargs)
                finally:
                    calls[0] += 1
                    if calls[0] <= 12:
                        log.append((t0, time.perf_counter() - base - t0, label))
            return wrapper

        setattr(owner, attr, make(original, path))
    # Library.open is a classmethod: wrap the function underneath.
    try:
        from tui.store import Library

        fn = Library.__dict__["open"].__func__

        def open_(cls, *args, **kwargs):
            t0 = time.perf_counter() - base
            try:
                return fn(cls, *args, **kwargs)
            finally:
                log.append((t0, time.perf_counter() - base - t0, "Library.open"))

        Library.open = classmethod(open_)
    except (ImportError, KeyError, AttributeError):
        pass


def inspect_static(owner, attr):
    return owner.__dict__[attr] if isinstance(owner, type) and attr in owner.__dict__ else getattr(owner, attr)


def probe(file: str, marks: dict[str, float], traced: bool = False, bare: bool = False) -> None:
    base = time.perf_counter() - process_age()
    marks["python ready"] = time.perf_counter() - base
    import gc

    gc_time = [0.0, 0.0]  # seconds in collections until the first words, start of the current one

    def on_gc(phase, info):
        if "first words" in marks:
            return
        if phase == "start":
            gc_time[1] = time.perf_counter()
        else:
            gc_time[0] += time.perf_counter() - gc_time[1]
            if info.get("generation") == 2:
                marks["gen2 collections"] = marks.get("gen2 collections", 0) + 1

    gc.callbacks.append(on_gc)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import first_words
    from textual._compositor import CompositorUpdate
    from textual.app import App

    expect = first_words(Path(file))
    original = App._display

    def display(self, screen, renderable):
        original(self, screen, renderable)
        if renderable is None or self._batch_count:
            return
        now = time.perf_counter() - base
        marks.setdefault("first frame", now)
        if "trace" in marks:
            marks["trace"].append((now, 0.0, "frame written"))
        marks["frames"] = marks.get("frames", 0) + 1
        if isinstance(renderable, CompositorUpdate) and expect in renderable.render_segments(self.console):
            marks.setdefault("first words", now)
            self.call_later(self.exit)

    App._display = display
    if bare:
        from bare_static import main as bare_main

        def main(argv):
            return bare_main(argv)
    else:
        from tui.cli import main

    marks["tui imported"] = time.perf_counter() - base
    if traced:
        trace(marks, base)
        marks["traced"] = time.perf_counter() - base
    main([file])
    marks["gc seconds"] = gc_time[0]


def run(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    if str(ROOT) not in sys.path and (ROOT / "tui").is_dir():
        sys.path.insert(0, str(ROOT))
    file, profile, out = argv[0], None, None
    traced = "--trace" in argv
    bare = "--bare" in argv
    if "--profile" in argv:
        profile = argv[argv.index("--profile") + 1]
    if "--marks" in argv:
        out = argv[argv.index("--marks") + 1]
    marks: dict[str, float] = {}
    if profile:
        from pyinstrument import Profiler

        with Profiler(interval=0.001) as profiler:
            probe(file, marks, traced, bare)
        if profile.endswith(".html"):
            Path(profile).write_text(profiler.output_html())
        else:
            Path(profile).write_text(profiler.output_text(unicode=True, show_all=True))
    else:
        probe(file, marks, traced, bare)
    steps = marks.pop("trace", [])
    line = " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in marks.items())
    for t0, took, label in sorted(steps):
        line += f"\n  {t0 * 1000:7.1f} ms  {took * 1000:6.1f} ms  {label}"
    if out:
        Path(out).write_text(line + "\n")
    else:
        print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
