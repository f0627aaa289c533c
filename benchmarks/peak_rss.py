"""Peak memory: VmHWM of the real quotelens process with the novel open, in a real terminal.

Launches the app on Pride and Prejudice in tmux, waits for the first words on screen, then for the
header's "finding quotations…" to go (the analysis has finished), then for the process to go quiet
(under 3% of a core for a second: the screen is drawn), and reads VmHWM from /proc/PID/status. The bare Textual app on the same file is
measured the same way for comparison.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from _common import NOVEL, Context, Result, Skip, at_most, first_words, skipped
from tmux_screen import TmuxSession, hwm_mb, rss_mb, wait_until_idle

BUSY = "finding quotations"  # the app's header while the analysis runs (tui/app/app.py)


def measure(ctx: Context, argv: list[str], expect: str, home: Path) -> tuple[float, float, float]:
    """(VmHWM MB, VmRSS MB, seconds from first words until quiet)."""
    with TmuxSession(argv, env=ctx.app_env(home), size=ctx.size) as session:
        if session.wait_for(expect, 30.0) is None:
            raise Skip(session.failure(expect, 30.0))
        pid = session.pid()
        if pid is None:
            raise Skip("tmux did not report the program's PID")
        shown = time.perf_counter()
        while BUSY in session.screen() and time.perf_counter() - shown < 60:
            time.sleep(0.05)
        wait_until_idle(pid)
        settled = time.perf_counter() - shown
        return hwm_mb(pid), rss_mb(pid), settled


def run(ctx: Context) -> list[Result]:
    name = "peak RSS, Pride and Prejudice open"
    try:
        file = ctx.corpus_file(NOVEL)
        expect = first_words(file)
        with tempfile.TemporaryDirectory(prefix="qlbench-") as tmp:
            hwm, rss, settled = measure(ctx, ctx.app_command(file), expect, Path(tmp))
            bare_hwm, _, _ = measure(ctx, ctx.bare_command(file), expect, Path(tmp))
    except Skip as why:
        return [skipped(name, str(why))]
    detail = (f"VmHWM {hwm:.0f} MB (VmRSS {rss:.0f} MB at rest, quiet {settled:.1f} s after first words); "
              f"bare Textual app on the same file: VmHWM {bare_hwm:.0f} MB")
    return [at_most(name, hwm, 150, "MB", detail, bare=bare_hwm)]
