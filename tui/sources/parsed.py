"""Documents parsed from web pages, kept so that reopening one skips the extractor.

Extracting a web page means importing trafilatura (about half a second, longer than the rest of
the reader's start-up on a busy machine) and parsing the page.  The result depends only on the
page's bytes, where they came from and the extractor's version, so it is kept in the user's cache
folder (``platformdirs.user_cache_dir``; ``$QUOTELENS_CACHE`` overrides) as JSON under a hash of
those, and read back the next time the same page is opened: the text is the same to the
character, so annotations and the reading position are where they were.  A cache entry that
cannot be read or does not match is ignored and rewritten; failing to write one changes nothing.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..engine import Block, Document, Span
from ..engine.model import Meta

ENV_CACHE = "QUOTELENS_CACHE"
FORMAT_VERSION = 1  # of the cache entries: bump when the Document or the block conversion changes


def cache_dir() -> Path:
    value = os.environ.get(ENV_CACHE)
    if value:
        return Path(value).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("quotelens", appauthor=False)) / "documents"


def _extractor_version() -> str:
    """Which trafilatura is installed, without importing it (or importlib.metadata, which takes a
    quarter of a second): where its package file is and when it was written."""
    from importlib.util import find_spec

    try:
        spec = find_spec("trafilatura")
        origin = spec.origin if spec is not None else None
        if origin is None:
            return "?"
        st = os.stat(origin)
        return f"{origin}:{st.st_size}:{st.st_mtime_ns}"
    except (ImportError, ValueError, OSError):
        return "?"


def cache_key(data: bytes, source: str, fmt: str) -> str:
    import tui

    h = hashlib.sha256()
    for part in (str(FORMAT_VERSION), tui.__version__, _extractor_version(), fmt,
                 source.encode("utf-8", "surrogateescape").hex()):
        h.update(part.encode() + b"\0")
    h.update(data)
    return h.hexdigest()[:40]


def _to_json(doc: Document) -> bytes:
    import orjson

    return orjson.dumps({
        "title": doc.title, "text": doc.text, "source": doc.source, "format": doc.format,
        "notices": list(doc.notices), "meta": doc.meta.as_dict(),
        "blocks": [[b.kind, b.start, b.end, b.level, b.marker] for b in doc.blocks],
        "spans": [[s.kind, s.start, s.end, s.href] for s in doc.spans],
    })


def _from_json(raw: bytes) -> Document | None:
    import orjson

    try:
        d: dict[str, Any] = orjson.loads(raw)
        text = d["text"]
        blocks = tuple(Block(str(k), int(s), int(e), int(lv), str(m)) for k, s, e, lv, m in d["blocks"])
        spans = tuple(Span(str(k), int(s), int(e), None if h is None else str(h)) for k, s, e, h in d["spans"])
        meta = Meta(**{k: (None if v is None else str(v)) for k, v in d["meta"].items()})
        if not isinstance(text, str) or any(not 0 <= b.start <= b.end <= len(text) for b in blocks) \
                or any(not 0 <= s.start < s.end <= len(text) for s in spans):
            return None
        return Document(str(d["title"]), text, blocks, spans, d["source"], str(d["format"]),
                        tuple(str(n) for n in d["notices"]), meta)
    except (ValueError, TypeError, KeyError, orjson.JSONDecodeError):
        return None


def cached(data: bytes, source: str, fmt: str, parse: Callable[[], Document]) -> Document:
    """The Document of ``data`` from the cache, else ``parse()`` (kept for next time)."""
    path = cache_dir() / f"{cache_key(data, source, fmt)}.json"
    try:
        doc = _from_json(path.read_bytes())
    except OSError:
        doc = None
    if doc is not None and doc.source == source:
        return doc
    doc = parse()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_bytes(_to_json(doc))
        os.replace(tmp, path)
    except (OSError, TypeError, ValueError):  # a read-only cache, a path orjson cannot write
        pass  # no cache this time: the reader still has its document
    return doc

