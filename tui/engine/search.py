"""Find a reader's search words in a document's text (plain functions over character offsets).

Smart case, as in vim's ``smartcase``: a query in lower case matches any case, a query with a
capital letter matches exactly.  The query is literal text (never a pattern), and runs of
white space in it match any run of white space in the text, so a phrase found across a line
break is still found.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

Hit = tuple[int, int]  # [start, end) of Document.text

MAX_HITS = 100_000  # a one-letter query in a novel: enough to count, never unbounded


def case_sensitive(query: str) -> bool:
    """Smart case: only a query with a capital letter is matched case by case."""
    return any(ch.isupper() for ch in query)


def pattern(query: str) -> re.Pattern[str] | None:
    """The compiled pattern for ``query``, or None when there is nothing to look for."""
    words = query.split()
    if not words:
        return None
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(body, 0 if case_sensitive(query) else re.IGNORECASE)


def find_all(text: str, query: str, limit: int = MAX_HITS) -> list[Hit]:
    """Every non-overlapping match of ``query`` in ``text``, in order (at most ``limit``)."""
    compiled = pattern(query)
    if compiled is None:
        return []
    hits: list[Hit] = []
    for m in compiled.finditer(text):
        if m.end() > m.start():
            hits.append((m.start(), m.end()))
            if len(hits) >= limit:
                break
    return hits


def matches(query: str, *fields: str) -> bool:
    """Whether ``query`` occurs in any of ``fields`` (same smart case as :func:`find_all`)."""
    compiled = pattern(query)
    return compiled is not None and any(compiled.search(f) for f in fields if f)


def nearest(hits: Sequence[Hit], offset: int) -> int:
    """Index of the first hit at or after ``offset``, wrapping to the first (``hits`` not empty)."""
    i = bisect.bisect_left(hits, offset, key=lambda hit: hit[0])
    return i if i < len(hits) else 0


def step(count: int, index: int, direction: int) -> int:
    """The next (``direction`` 1) or previous (-1) index among ``count`` hits, wrapping."""
    return (index + direction) % count
