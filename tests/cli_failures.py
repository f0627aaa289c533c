"""What every refused command must look like: exit 2 and one line on stderr that says why."""

from __future__ import annotations

import subprocess


def one_line_failure(out: subprocess.CompletedProcess, *words: str) -> str:
    """Assert ``out`` is a clear refusal (exit 2, one ``quotelens: …`` line, no traceback) that
    names each of ``words``; returns that line."""
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert out.stderr.count("\n") == 1 and out.stderr.startswith("quotelens: "), out.stderr
    assert "Traceback" not in out.stderr
    for word in words:
        assert word in out.stderr, out.stderr
    return out.stderr
