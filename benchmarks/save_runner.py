"""Run the store's save-latency benchmark (benchmarks/save_latency.py, written on the store branch).

It is run as its own process (so its database and memory don't mix with the other benchmarks). The
number is its closing line, "median Library.add: N ms" (or a JSON object with ``median_ms``); the
medians of update and delete and the re-parse case are shown in the detail.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from _common import HERE, ROOT, Context, Result, at_most, skipped

NAME = "save one annotation, 10,000 stored"
SCRIPT = HERE / "save_latency.py"


def parse(stdout: str) -> tuple[float | None, str]:
    for line in reversed(stdout.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                data = json.loads(line)
            except ValueError:
                continue
            for key in ("median_ms", "median"):
                if isinstance(data.get(key), (int, float)):
                    return float(data[key]), ", ".join(f"{k} {v}" for k, v in data.items() if k != key)
    m = re.search(r"^median ([\w.]+): *([0-9]+(?:\.[0-9]+)?) *ms", stdout, re.MULTILINE)
    if not m:
        return None, ""
    rows = []  # "Library.update   28.0ms   36.0ms   48.0ms": name and median of each table row
    for line in stdout.splitlines():
        row = re.match(r"^(\S.*?)\s+([0-9.]+)ms\s+([0-9.]+)ms\s+([0-9.]+)ms\s*$", line)
        if row:
            rows.append(f"{row.group(1)} {row.group(2)} ms")
    head = stdout.strip().splitlines()[0] if stdout.strip() else ""
    return float(m.group(2)), f"{m.group(1)} median; " + "; ".join(rows) + (f" ({head})" if head else "")


def run(ctx: Context) -> list[Result]:
    if not SCRIPT.exists():
        return [skipped(NAME, "benchmarks/save_latency.py is not here (it comes with the store branch)")]
    env = dict(os.environ)
    if not ctx.installed:
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=600)
    value, detail = parse(proc.stdout)  # the script exits 1 when it misses its own bar: still a number
    if value is None:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return [Result(NAME, None, "", "", False,
                       f"save_latency.py gave no median (exit {proc.returncode}): {' | '.join(tail)}")]
    return [at_most(NAME, value, 30, "ms", detail)]
