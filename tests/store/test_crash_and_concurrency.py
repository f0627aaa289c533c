"""Kill -9 in the middle of saving loses nothing that was saved; two processes never lose each other's work."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Crash test\\n\\n“Nothing saved may be lost,” the engineer said.\\n"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

# A "zygote": imports the store once, then forks one saving worker per line on stdin.  Each
# worker prints its pid, then the id of every annotation whose save has returned.
ZYGOTE = f"""
import os, sys
from tui.engine import load_text
from tui.store import Library
doc = load_text("{TEXT}")
db = sys.argv[1]
for line in sys.stdin:
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass
    if line.strip() != "next":
        break
    if os.fork() == 0:
        try:
            lib = Library.open(db)
            sys.stdout.write(f"start {{os.getpid()}}\\n"); sys.stdout.flush()
            i = 0
            while True:
                a = lib.add(doc, 0, 5, note=str(i), tags=["t%d" % (i % 7)])
                sys.stdout.write(f"saved {{a.id}}\\n"); sys.stdout.flush()
                i += 1
        except BaseException as err:
            sys.stdout.write(f"error {{type(err).__name__}}: {{err}}\\n"); sys.stdout.flush()
            os._exit(1)
"""

WRITER = f"""
import sys
from tui.engine import load_text
from tui.store import Library
doc = load_text("{TEXT}")
lib = Library.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
for i in range(int(sys.argv[2])):
    lib.add(doc, 6 + i % 20, 30, note=sys.argv[3] + str(i))
print("done")
"""


def _ids_on_disk(db: Path) -> set[str]:
    data = orjson.loads(db.read_bytes())
    return {r["id"] for r in data["annotations"].values()}


def test_sigkill_at_random_moments_never_loses_a_returned_save(tmp_path):
    db = tmp_path / "crash.json"
    proc = subprocess.Popen([sys.executable, "-c", ZYGOTE, str(db)], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, bufsize=1)
    rng = random.Random(20261128)
    saved: set[str] = set()
    kills = waited_for = 0

    def read_line() -> tuple[str, str]:
        line = proc.stdout.readline()
        assert line, "the saving process died on its own"
        kind, _, rest = line.strip().partition(" ")
        assert kind != "error", rest
        if kind == "saved":
            saved.add(rest)
        return kind, rest

    try:
        proc.stdin.write("next\n")
        proc.stdin.flush()
        while kills < 200:
            kind, rest = read_line()
            if kind != "start":
                continue
            # Let the worker finish 0-3 saves (whatever the machine's speed), then kill it at a
            # random moment of the next one: inside add, fsync, replace, or between saves.
            n = rng.randint(0, 3)
            waited_for += n
            while n:
                n -= read_line()[0] == "saved"
            time.sleep(rng.uniform(0, 0.02))
            os.kill(int(rest), signal.SIGKILL)
            kills += 1
            if kills % 10 == 0:
                assert saved <= _ids_on_disk(db)  # parses, and nothing returned is missing
            proc.stdin.write("next\n" if kills < 200 else "quit\n")
            proc.stdin.flush()
        for line in proc.stdout:  # the last worker's final lines
            kind, _, rest = line.strip().partition(" ")
            if kind == "saved":
                saved.add(rest)
    finally:
        proc.kill()
        proc.wait()
    assert len(saved) >= waited_for > 200
    assert saved <= _ids_on_disk(db)
    from tui.store import Library

    Library.open(db)  # a later start opens it fine and sweeps the killed saves' temp files
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_two_processes_adding_300_each_keep_all_600(tmp_path):
    db = tmp_path / "shared.json"
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), "300", name], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
             for name in ("a", "b")]
    assert [p.stdout.readline() for p in procs] == ["ready\n", "ready\n"]
    for p in procs:  # both start adding together
        p.stdin.write("go\n")
        p.stdin.flush()
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0] and outs == ["done\n", "done\n"]
    data = orjson.loads(db.read_bytes())
    notes = sorted(r["note"] for r in data["annotations"].values())
    assert len(notes) == 600
    assert notes == sorted([f"a{i}" for i in range(300)] + [f"b{i}" for i in range(300)])
