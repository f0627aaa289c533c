"""The article's row caches free what they drop at once: a cache cleared, pushed out or dropped
never leaves its rows for the garbage collector's full passes (which the reader keeps short by
freezing what lives long, see QuotelensApp._freeze_survivors)."""

from __future__ import annotations

import gc
import weakref

from tui.app.row_cache import RowCache


class Row:
    """Stands for a built row (Textual's Strip takes no weak references)."""


def dropped_rows_left(make_cache, drop) -> int:
    """How many of 50 rows put in a cache are still alive after ``drop`` with the collector off."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        cache = make_cache(10)
        refs = []
        for i in range(50):
            row = Row()
            refs.append(weakref.ref(row))
            cache[i] = row
            cache.get(i // 2)
        del row
        drop(cache)
        del cache
        return sum(ref() is not None for ref in refs)
    finally:
        if was_enabled:
            gc.enable()


def test_rows_pushed_out_cleared_or_dropped_are_freed_without_the_collector():
    assert dropped_rows_left(RowCache, lambda cache: None) == 0
    assert dropped_rows_left(RowCache, lambda cache: cache.clear()) == 0


def test_a_row_cache_keeps_the_most_recently_used_rows():
    cache: RowCache[int, str] = RowCache(3)
    for i in range(3):
        cache[i] = f"row {i}"
    assert cache.get(0) == "row 0"  # 0 is now the most recent: 1 goes first
    cache[3] = "row 3"
    assert 1 not in cache and {0, 2, 3} <= {k for k in range(4) if k in cache}
    cache.discard(2)
    assert cache.get(2) is None and len(cache) == 2
    cache.clear()
    assert len(cache) == 0 and cache.get(0) is None
