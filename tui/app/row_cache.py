"""A least-recently-used cache of built rows that reference counting alone frees.

Textual's ``LRUCache`` links its entries in a ring of Python lists: a cache that is cleared or
dropped (a new search, width or theme; a focus layer pushed out) leaves its whole ring, and the
thousands of Strips in it, as a reference cycle for the garbage collector's full passes to find.
The article's caches live on an ``OrderedDict`` instead (its links are not Python objects), so
rows are freed the moment they are dropped, and what the app freezes out of the collector's
reach (see ``QuotelensApp._freeze_survivors``) never strands garbage.  (One exception, which
Textual makes: a Strip cut only at its own width keeps itself in its divide cache (``Strip.divide``),
a cycle.  That is a row with no scrollbar beside it, so only in a document shorter than the
screen: a few rows, left for the full collection every few minutes.)
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class RowCache(Generic[K, V]):
    """``get`` / ``cache[key] = value`` / ``discard`` / ``clear`` / ``in``, at most ``maxsize`` entries."""

    __slots__ = ("maxsize", "_data")

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        data = self._data
        value = data.get(key)
        if value is not None:
            data.move_to_end(key)
        return value

    def __setitem__(self, key: K, value: V) -> None:
        data = self._data
        data[key] = value
        data.move_to_end(key)
        if len(data) > self.maxsize:
            data.popitem(last=False)

    def discard(self, key: K) -> None:
        self._data.pop(key, None)

    def clear(self) -> None:
        self._data.clear()

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __len__(self) -> int:
        return len(self._data)
