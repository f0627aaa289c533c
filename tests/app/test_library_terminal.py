"""The library in a real terminal (tmux): opening another document from it starts a fresh reader on it."""

from __future__ import annotations

import shlex
import sys

from test_reader_cli import needs_tmux, tmux  # noqa: F401 - the fixture is used by name

BRIDGE = ("# Council backs the new bridge\n\n"
          "“We have waited ten years for this bridge,” Mayor Ada Brook said.\n")


@needs_tmux
def test_open_a_document_from_the_library(tmux, tmp_path):  # noqa: F811
    db = tmp_path / "db.json"
    py = shlex.quote(sys.executable)
    first = tmux(f"{py} -m tui sample --db {shlex.quote(str(db))}")
    first.wait_for("staff writer")
    first.keys("q")
    assert "QUOTELENS-EXIT=0" in first.wait_for("QUOTELENS-EXIT=")
    bridge = tmp_path / "bridge.md"
    bridge.write_text(BRIDGE, encoding="utf-8")
    t = tmux(f"{py} -m tui {shlex.quote(str(bridge))} --db {shlex.quote(str(db))}")
    t.wait_for("waited ten years")
    for _ in range(20):  # L before the database has opened (a worker, after the first paint) only says so
        t.keys("L")
        screen = t.wait_for("2 documents", within=1.5)
        if "2 documents" in screen:
            break
    assert "Harbour Town Votes" in screen and "Council backs the new bridge" in screen
    t.keys("Down", "Enter")  # the sample, read before the bridge article
    screen = t.wait_for("staff writer")
    assert "Harbour Town Votes to Keep Its Ferry, for Now" in screen and "Traceback" not in screen
    t.keys("q")
    assert "QUOTELENS-EXIT=0" in t.wait_for("QUOTELENS-EXIT=")
