"""Reader corrections of the engine's attribution, and applying them to an Analysis.

Corrections are stored per document, in the order they were made, and replayed in that
order.  A reassignment names its quotation by a text selector (exact words, context,
offsets) so it survives small edits of the article, like annotations do; the library
re-anchors it before handing :class:`Corrections` out, so ``apply_corrections`` only needs
offsets.  Speaker names are display names, matched on a speaker's name or aliases.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..engine.model import Analysis, Method, Quote, Speaker
from .anchoring import Selector, anchor

READER_METHOD: Method = "reader"  # Quote.method of a quotation the reader attributed


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction.  ``kind``:

    * "reassign": the quotation at ``start:end`` is spoken by ``name``
      (``start``/``end`` are None when the quotation is no longer in the text);
    * "rename": the speaker called ``name`` is called ``target`` (old name kept as an alias);
    * "merge": the speaker ``name`` is the same person as ``target``.
    """

    kind: str
    name: str
    target: str = ""
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Corrections:
    ops: tuple[Correction, ...] = ()


    def __bool__(self) -> bool:
        return bool(self.ops)

    def __len__(self) -> int:
        return len(self.ops)

    @property
    def orphans(self) -> tuple[Correction, ...]:
        """Reassignments whose quotation could not be found in the current text."""
        return tuple(c for c in self.ops if c.kind == "reassign" and c.start is None)


def from_records(text: str, records: Iterable[dict[str, Any]]) -> Corrections:
    """Stored correction records of one document as :class:`Corrections`: in the order they were
    made, each reassigned quotation re-anchored in ``text``."""
    ops = []
    for r in sorted(records, key=lambda r: (r.get("seq", 0), r.get("created", ""))):
        start = end = None
        if r["kind"] == "reassign":
            q = r.get("quote") or {}
            found = anchor(text, Selector(q.get("exact", ""), q.get("prefix", ""), q.get("suffix", ""),
                                          int(q.get("start", -1)), int(q.get("end", -1))))
            start, end = found.start, found.end
        ops.append(Correction(r["kind"], r["name"], r.get("target", ""), start, end))
    return Corrections(tuple(ops))


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


class _Working:
    def __init__(self, analysis: Analysis) -> None:
        self.speakers: dict[int, Speaker] = {s.id: s for s in analysis.speakers}
        self.quotes: list[Quote] = list(analysis.quotes)
        self.next_id = max(self.speakers, default=0) + 1

    def find(self, name: str) -> Speaker | None:
        k = _key(name)
        for s in self.speakers.values():
            if _key(s.name) == k:
                return s
        for s in self.speakers.values():
            if any(_key(a) == k for a in s.aliases):
                return s
        return None

    def find_or_create(self, name: str) -> Speaker:
        found = self.find(name)
        if found:
            return found
        sp = Speaker(self.next_id, name, (name,))
        self.next_id += 1
        self.speakers[sp.id] = sp
        return sp

    def quote_at(self, start: int, end: int) -> int | None:
        best, best_overlap = None, 0
        for i, q in enumerate(self.quotes):
            if q.start == start and q.end == end:
                return i
            overlap = min(q.end, end) - max(q.start, start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        return best

    def merge(self, source: Speaker, target: Speaker) -> None:
        if source.id == target.id:
            return
        aliases = list(target.aliases)
        for a in (source.name, *source.aliases):
            if a not in aliases:
                aliases.append(a)
        self.speakers[target.id] = dataclasses.replace(target, aliases=tuple(aliases))
        del self.speakers[source.id]
        self.quotes = [dataclasses.replace(q, speaker=target.id) if q.speaker == source.id else q
                       for q in self.quotes]


def apply_corrections(analysis: Analysis, corrections: Corrections) -> Analysis:
    """A new Analysis with the reader's corrections applied (pure; ``analysis`` is not changed).

    A reassignment to a name nobody has yet creates a new Speaker (next free id); a
    rename keeps the old name as an alias (renaming onto an existing speaker merges the
    two); a merge moves the source's quotations and aliases to the target.  Speakers left
    with no quotations by a correction are dropped.  Corrections naming speakers or
    quotations that no longer exist are skipped.
    """
    if not corrections:
        return analysis
    w = _Working(analysis)
    before = analysis.quote_counts()
    for c in corrections.ops:
        if c.kind == "reassign":
            if c.start is None or c.end is None:
                continue
            i = w.quote_at(c.start, c.end)
            if i is None:
                continue
            sp = w.find_or_create(c.name)
            w.quotes[i] = dataclasses.replace(w.quotes[i], speaker=sp.id, method=READER_METHOD, confidence=1.0)
        elif c.kind == "rename":
            named = w.find(c.name)
            if named is None or not c.target.strip():
                continue
            other = w.find(c.target)
            if other is not None and other.id != named.id and _key(other.name) == _key(c.target):
                w.merge(named, other)
                continue
            aliases = tuple(named.aliases) + tuple(a for a in (named.name, c.target) if a not in named.aliases)
            w.speakers[named.id] = dataclasses.replace(named, name=c.target, aliases=aliases)
        elif c.kind == "merge":
            src, dst = w.find(c.name), w.find(c.target)
            if src is not None and dst is not None:
                w.merge(src, dst)
    counts: dict[int, int] = {}
    for q in w.quotes:
        if q.speaker is not None:
            counts[q.speaker] = counts.get(q.speaker, 0) + 1
    speakers = tuple(s for sid, s in sorted(w.speakers.items())
                     if counts.get(sid) or not before.get(sid))
    return Analysis(tuple(w.quotes), speakers)
