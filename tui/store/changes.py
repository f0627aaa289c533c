"""What changed in a document since it was last read: its annotations, and its quotations.

Read only: the annotations are re-anchored in memory (as :meth:`Library.placements` would after
registering the new text) and the quotations are compared with those of the last visit
(:mod:`tui.store.visits`).  A quotation found again word for word is unchanged; one whose words
differ but that is still mostly the same passage (rapidfuzz, similarity >= 60 of 100) is
reworded; the others are gone (only in the last visit) or new (only now).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from ..engine.model import Analysis, Document
from ..engine.sanitize import one_line
from .database_file import document_id
from .records import Placement
from .snapshot import placements
from .visits import SeenQuote, Visit, last_visit

REWORDED_AT = 60.0  # rapidfuzz ratio (0-100) from which a changed quotation is the same one reworded
NEIGHBOURS = 40  # a changed quotation is compared with this many old ones either side of where it is


def _clip(text: str, width: int) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True, slots=True)
class Changes:
    visit: Visit | None  # the last visit (None: never read before)
    text_changed: bool  # the text differs from the one last read
    placements: tuple[Placement, ...]
    new: tuple[SeenQuote, ...]
    gone: tuple[SeenQuote, ...]
    reworded: tuple[tuple[SeenQuote, SeenQuote], ...]  # (then, now)

    def count(self, status: str) -> int:
        return sum(1 for p in self.placements if p.status == status)

    @property
    def anything(self) -> bool:
        """Something a returning reader should be told about."""
        return bool(self.visit and (self.text_changed or self.new or self.gone or self.reworded
                                    or self.count("moved") or self.count("orphan")))

    def summary(self) -> str:
        """One line: "text changed; annotations: 3 anchored, 1 moved; quotations: 2 new, 1 reworded"."""
        if self.visit is None:
            return "first visit: nothing to compare with"
        parts = ["text changed" if self.text_changed else "text unchanged"]
        ann = [f"{self.count(s)} {s}" for s in ("anchored", "moved", "orphan") if self.count(s)]
        if ann:
            parts.append("annotations: " + ", ".join(ann))
        quotes = [f"{len(v)} {k}" for k, v in (("new", self.new), ("gone", self.gone), ("reworded", self.reworded))
                  if v]
        parts.append("quotations: " + (", ".join(quotes) if quotes else "unchanged"))
        return "; ".join(parts)

    def report(self, limit: int | None = None) -> str:
        """The summary, then each change on a line (at most ``limit`` of them, then "… and N more")."""
        if self.visit is None:
            return "Not read in quotelens before: nothing to compare with."
        out = [f"Since you last read it ({self.visit.read[:16].replace('T', ' ')} UTC): {self.summary()}"]
        lines = [f"  annotation {p.status:<7} “{_clip(p.annotation.exact, 60)}”"
                 for p in self.placements if p.status != "anchored"]
        lines += [f"  new quotation     “{_clip(x.text, 60)}” ({one_line(x.speaker or 'unattributed')})"
                  for x in self.new]
        lines += [f"  gone quotation    “{_clip(x.text, 60)}” ({one_line(x.speaker or 'unattributed')})"
                  for x in self.gone]
        lines += [f"  reworded          “{_clip(a.text, 40)}” → “{_clip(b.text, 40)}”" for a, b in self.reworded]
        if limit is not None and len(lines) > limit:
            lines = lines[:limit] + [f"  … and {len(lines) - limit} more (quotelens changes FILE lists them all)"]
        return "\n".join(out + lines)


def _norm(text: str) -> str:
    return " ".join(text.split())


def compare_quotes(then: tuple[SeenQuote, ...], now: tuple[SeenQuote, ...]) -> tuple[
        tuple[SeenQuote, ...], tuple[SeenQuote, ...], tuple[tuple[SeenQuote, SeenQuote], ...]]:
    """(new, gone, reworded) between the quotations of the last visit and those of today."""
    from rapidfuzz import fuzz

    by_words: dict[str, list[SeenQuote]] = {}
    for o in then:
        by_words.setdefault(_norm(o.text), []).append(o)
    left: list[SeenQuote] = []
    for q in now:  # the same words: unchanged (the nearest such old quotation, each used once)
        same = by_words.get(_norm(q.text))
        if same:
            same.remove(min(same, key=lambda o: abs(o.start - q.start)))
        else:
            left.append(q)
    old = sorted((o for group in by_words.values() for o in group), key=lambda o: o.start)
    starts = [o.start for o in old]
    pairs = []
    for j, q in enumerate(left):  # each against the old quotations nearest to it (a novel has thousands)
        k = bisect.bisect_left(starts, q.start)
        for i in range(max(0, k - NEIGHBOURS), min(len(old), k + NEIGHBOURS)):
            pairs.append((fuzz.ratio(_norm(old[i].text), _norm(q.text)), -abs(old[i].start - q.start), i, j))
    pairs.sort(reverse=True)
    used_old: set[int] = set()
    used_new: set[int] = set()
    reworded = []
    for score, _, i, j in pairs:
        if score < REWORDED_AT:
            break
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        reworded.append((old[i], left[j]))
    reworded.sort(key=lambda p: p[1].start)
    new = tuple(q for j, q in enumerate(left) if j not in used_new)
    gone = tuple(o for i, o in enumerate(old) if i not in used_old)
    return new, gone, tuple(reworded)


def seen_quotes(doc: Document, analysis: Analysis) -> tuple[SeenQuote, ...]:
    out = []
    for q in analysis.quotes:
        if not q.is_mark:
            speaker = analysis.speaker_of(q)
            out.append(SeenQuote(q.start, q.end, speaker.name if speaker else None, doc.text[q.start:q.end]))
    return tuple(out)


def changes(data: dict[str, Any], doc: Document, analysis: Analysis) -> Changes:
    """What changed in ``doc`` since its last visit (``analysis``: today's quotations, corrected)."""
    visit = last_visit(data, doc)
    found = tuple(placements(data, doc))
    if visit is None:
        return Changes(None, False, found, (), (), ())
    new, gone, reworded = compare_quotes(visit.quotes, seen_quotes(doc, analysis))
    return Changes(visit, visit.sha != document_id(doc), found, new, gone, reworded)
