"""Run a program in a real terminal (a detached tmux session) and watch its screen and its memory."""

from __future__ import annotations

import atexit
import os
import shlex
import shutil
import subprocess
import time
import uuid
from pathlib import Path

from _common import Skip

# A private tmux server, so the benchmarks neither see nor disturb anyone else's sessions.
SOCKET = f"qlbench-{os.getpid()}"


def tmux(*args: str) -> list[str]:
    return ["tmux", "-L", SOCKET, *args]


def _clean_up() -> None:
    """Stop the private server (if a session is left) and remove its socket file."""
    subprocess.run(tmux("kill-server"), capture_output=True)
    folder = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
    for leftover in (folder / SOCKET, folder / f"{SOCKET}.lock"):
        try:
            leftover.unlink()
        except OSError:
            pass


atexit.register(_clean_up)


def require_tmux() -> None:
    if shutil.which("tmux") is None:
        raise Skip("tmux is not installed (apt-get install tmux)")


class TmuxSession:
    """``with TmuxSession(argv, env=...) as s:`` starts argv in a fresh tmux session of ``size``."""

    def __init__(self, argv: list[str], *, env: dict[str, str] | None = None, size: str = "120x40",
                 cwd: Path | None = None):
        require_tmux()
        self.argv = argv
        self.env = env or {}
        self.size = size
        self.cwd = cwd
        self.name = f"qlbench-{uuid.uuid4().hex[:8]}"
        self.started = 0.0

    def __enter__(self) -> TmuxSession:
        cols, rows = self.size.split("x")
        # ``env`` puts the variables on the program itself, whatever the tmux server's own environment;
        # ``exec`` so that the pane's process is the program (its PID is the one we read /proc of).
        assignments = [f"{k}={v}" for k, v in self.env.items()]
        command = "exec env " + " ".join(shlex.quote(a) for a in assignments + self.argv)
        new = tmux("new-session", "-d", "-s", self.name, "-x", cols, "-y", rows)
        if self.cwd:
            new += ["-c", str(self.cwd)]
        # remain-on-exit keeps a crashed program's last words on screen for the report.
        new += [command, ";", "set-option", "-w", "-t", self.name, "remain-on-exit", "on"]
        for _attempt in range(3):  # a server still shutting down after the last session can refuse one
            self.started = time.perf_counter()
            done = subprocess.run(new, capture_output=True, text=True)
            if done.returncode == 0:
                return self
            subprocess.run(tmux("kill-session", "-t", self.name), capture_output=True)
            time.sleep(0.2)
        raise Skip(f"tmux could not start a session: {done.stderr.strip()}")

    def __exit__(self, *exc) -> None:
        subprocess.run(tmux("kill-session", "-t", self.name), capture_output=True)

    def screen(self) -> str:
        return self._look()[0]

    def _look(self) -> tuple[str, bool]:
        """(the screen's text, whether the program has exited), in one tmux call."""
        out = subprocess.run(tmux("capture-pane", "-p", "-t", self.name, ";",
                                  "display-message", "-p", "-t", self.name, "#{pane_dead}"),
                             capture_output=True, text=True).stdout
        screen, _, dead = out.rstrip("\n").rpartition("\n")
        return screen, dead.strip() != "0"

    def wait_for(self, expect: str, limit: float = 30.0, poll: float = 0.005) -> float | None:
        """Seconds from launch until ``expect`` is on the screen (None if it never shows or the program exits)."""
        while time.perf_counter() - self.started < limit:
            screen, dead = self._look()
            if expect in screen:
                return time.perf_counter() - self.started
            if dead:
                return None
            time.sleep(poll)
        return None

    def failure(self, expect: str, limit: float) -> str:
        """Why ``expect`` did not show: the command, and the last lines the program left on screen."""
        screen, dead = self._look()
        lines = [line for line in screen.splitlines() if line.strip()][-6:]
        why = "the program exited" if dead else f"not within {limit:.0f} s"
        return f"{expect!r} never appeared ({why}): {' '.join(self.argv)}; screen: " + " | ".join(
            line.strip() for line in lines)

    def pid(self) -> int | None:
        out = subprocess.run(tmux("list-panes", "-t", self.name, "-F", "#{pane_pid}"),
                             capture_output=True, text=True).stdout.split()
        return int(out[0]) if out else None


def proc_status(pid: int) -> dict[str, str]:
    fields = {}
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def hwm_mb(pid: int) -> float:
    """Peak resident set size (VmHWM) of ``pid`` in MB (MiB)."""
    kb = int(proc_status(pid)["VmHWM"].split()[0])
    return kb / 1024


def rss_mb(pid: int) -> float:
    kb = int(proc_status(pid)["VmRSS"].split()[0])
    return kb / 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU time used so far by ``pid``."""
    with open(f"/proc/{pid}/stat") as fh:
        stat = fh.read()
    fields = stat[stat.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until_idle(pid: int, quiet: float = 1.0, limit: float = 60.0, threshold: float = 0.03) -> float:
    """Wait until ``pid`` has used under ``threshold`` of a core for ``quiet`` seconds; return seconds waited.

    A reader app at rest (text on screen, analysis done) barely uses the CPU; while it analyses,
    it uses a whole core.
    """
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        before = cpu_seconds(pid)
        time.sleep(quiet)
        if cpu_seconds(pid) - before < threshold * quiet:
            return time.perf_counter() - start
    return time.perf_counter() - start
