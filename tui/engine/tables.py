"""Tables as pre-formatted text: aligned columns, ``│`` between them, a rule under the header.

The reader's article view draws text rows; a table block's rows are lines of its text, padded so
that the columns line up in a terminal (wide characters count two cells).  Markdown, web pages and
books share it; it imports nothing heavy.
"""

from __future__ import annotations

import unicodedata

TABLE_COLUMN = " │ "  # between the cells of a table row
TABLE_RULE = "─┼─"  # where the rule under a table's header crosses a column break


def cells(text: str) -> int:
    """Terminal cells ``text`` takes: wide East Asian characters two, combining marks none."""
    n = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return n


def table_text(rows: list[list[str]], header_rows: int = 1) -> str:
    """The rows of a table as aligned lines: cells padded to their column's width, ``│`` between
    columns, a rule under the header.  One line a row (``\n`` between them)."""
    if not rows:
        return ""
    columns = max(len(r) for r in rows)
    rows = [r + [""] * (columns - len(r)) for r in rows]
    widths = [max(cells(r[c]) for r in rows) for c in range(columns)]
    lines = [TABLE_COLUMN.join(cell + " " * (w - cells(cell)) for cell, w in zip(r, widths)).rstrip() for r in rows]
    if 0 < header_rows < len(lines):
        lines.insert(header_rows, TABLE_RULE.join("─" * w for w in widths))
    return "\n".join(lines)
