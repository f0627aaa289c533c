"""Plain-text helpers for showing untrusted text (excerpts, notes, names) on one line."""

from __future__ import annotations


def one_line(text: str) -> str:
    """All runs of whitespace (newlines included) collapsed to single spaces."""
    return " ".join(text.split())


def clip(text: str, limit: int) -> str:
    """``text`` on one line, cut to at most ``limit`` characters with an ellipsis."""
    flat = one_line(text)
    if limit <= 0:
        return ""
    if len(flat) <= limit:
        return flat
    return flat[: max(limit - 1, 0)].rstrip() + "…"
