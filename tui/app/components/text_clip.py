"""Plain-text helpers for showing untrusted text (excerpts, notes, names, tags)."""

from __future__ import annotations

from ...engine.sanitize import sanitize


def safe(text: str) -> str:
    """``text`` without terminal control characters (ESC, bidi overrides, …); tabs and newlines stay.

    Textual passes ESC through to the terminal, so a name or note could otherwise move the
    cursor, retitle the window or write the clipboard.
    """
    return sanitize(str(text))[0]


def one_line(text: str) -> str:
    """``safe(text)`` with all runs of whitespace (newlines included) collapsed to single spaces."""
    return " ".join(safe(text).split())


def clip(text: str, limit: int) -> str:
    """``text`` on one line, cut to at most ``limit`` characters with an ellipsis."""
    flat = one_line(text)
    if limit <= 0:
        return ""
    if len(flat) <= limit:
        return flat
    return flat[: max(limit - 1, 0)].rstrip() + "…"
