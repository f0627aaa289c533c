"""Find an annotated passage again after the document changed.

The strategy follows Hypothesis (dom-anchor-text-quote / approx-string-match):

1. the stored position, when the text there still equals the quote;
2. else every exact occurrence of the quote, the best one by how well the 32 characters
   before and after match the stored prefix and suffix, and by closeness to the old position;
3. else an approximate match: candidate passages found with rapidfuzz (the quote alone, the
   quote inside its context, and the neighbourhood of the old position), their boundaries
   tuned to the closest words, scored on quote (weight 50), prefix (20), suffix (20) and
   position (2).  A passage needs at most ``len(quote) / 2`` edits, and a weak quote match
   must be backed by its context;
4. else the annotation is an orphan.

Pure functions over plain strings: no TinyDB, no Textual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

CONTEXT_CHARS = 32
MAX_EXACT_HITS = 2000
QUOTE_W, PREFIX_W, SUFFIX_W, POS_W = 50.0, 20.0, 20.0, 2.0
_WORD = re.compile(r"\S+")
_LEADING = "\"'“‘([¿¡"
_TRAILING = ".,;:!?\"'”’)]…"


@dataclass(frozen=True, slots=True)
class Selector:
    """W3C TextQuoteSelector + TextPositionSelector."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Anchor:
    status: str  # anchored | moved | orphan
    start: int | None = None
    end: int | None = None


ORPHAN = Anchor("orphan")


def make_selector(text: str, start: int, end: int) -> Selector:
    return Selector(text[start:end], text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS],
                    start, end)


def _sim(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return Levenshtein.normalized_similarity(a, b)


def _context_sims(text: str, sel: Selector, start: int, end: int) -> tuple[float, float]:
    pre = _sim(sel.prefix, text[max(0, start - len(sel.prefix)):start]) if sel.prefix else 1.0
    suf = _sim(sel.suffix, text[end:end + len(sel.suffix)]) if sel.suffix else 1.0
    return pre, suf


def _pos_sim(text: str, sel: Selector, start: int) -> float:
    return 1.0 - min(1.0, abs(start - sel.start) / max(len(text), 1))


def _exact(text: str, sel: Selector) -> Anchor | None:
    best: tuple[float, int] | None = None
    n = len(sel.exact)
    i = text.find(sel.exact)
    hits = 0
    while i != -1 and hits < MAX_EXACT_HITS:
        pre, suf = _context_sims(text, sel, i, i + n)
        score = PREFIX_W * pre + SUFFIX_W * suf + POS_W * _pos_sim(text, sel, i)
        if best is None or score > best[0]:
            best = (score, i)
        hits += 1
        i = text.find(sel.exact, i + 1)
    return None if best is None else Anchor("anchored", best[1], best[1] + n)


def _boundaries(text: str, a: int, b: int, slack: int) -> tuple[list[int], list[int]]:
    lo, hi = max(0, a - slack), min(len(text), b + slack)
    starts, ends = {a}, {b}
    for m in _WORD.finditer(text, lo, hi):
        if abs(m.start() - a) <= slack:
            starts.add(m.start())
            starts.add(m.end() - len(m.group().lstrip(_LEADING)))
        if abs(m.end() - b) <= slack:
            ends.add(m.end())
            bare = len(m.group().rstrip(_TRAILING))
            if bare:
                ends.add(m.start() + bare)
    near = lambda xs, x: sorted(xs, key=lambda y: abs(y - x))[:14]  # noqa: E731
    return near(starts, a), near(ends, b)


def _refine(text: str, sel: Selector, a: int, b: int) -> tuple[float, int, int]:
    """Move a candidate's ends to the nearby word boundaries that best match the quote."""
    exact = sel.exact
    slack = max(4, len(exact) // 3)
    starts, ends = _boundaries(text, a, b, slack)
    best = (-1.0, a, b)
    for s in starts:
        for e in ends:
            if e - s < max(1, len(exact) // 2) or e - s > len(exact) * 2:
                continue
            q = Levenshtein.normalized_similarity(exact, text[s:e], score_cutoff=best[0] if best[0] > 0 else None)
            if q > best[0]:
                best = (q, s, e)
    return best


def _candidates(text: str, sel: Selector) -> set[tuple[int, int]]:
    exact = sel.exact
    cands: set[tuple[int, int]] = set()
    if len(exact) > len(text):
        return cands

    def align(needle: str, lo: int, hi: int) -> tuple[int, int] | None:
        hay = text[lo:hi]
        if not needle or len(needle) > len(hay):
            return None
        al = fuzz.partial_ratio_alignment(needle, hay)
        if al is None:
            return None
        return lo + al.dest_start, lo + al.dest_end

    for lo, hi in ((0, len(text)),
                   (max(0, sel.start - 4 * len(exact) - 400), min(len(text), sel.end + 4 * len(exact) + 400))):
        got = align(exact, lo, hi)
        if got:
            cands.add(got)
    ctx = sel.prefix + exact + sel.suffix
    got = align(ctx, 0, len(text))
    if got:
        s = got[0] + len(sel.prefix)
        e = max(s + 1, got[1] - len(sel.suffix))
        cands.add((min(s, len(text)), min(e, len(text))))
    return cands


def _approximate(text: str, sel: Selector) -> Anchor | None:
    best: tuple[float, int, int] | None = None
    for a, b in _candidates(text, sel):
        q, s, e = _refine(text, sel, a, b)
        if q < 0.5:  # more than len/2 edits
            continue
        pre, suf = _context_sims(text, sel, s, e)
        context = (pre + suf) / 2
        if q < 0.75 and context < 0.6:  # a loose match needs the surrounding words to agree
            continue
        score = QUOTE_W * q + PREFIX_W * pre + SUFFIX_W * suf + POS_W * _pos_sim(text, sel, s)
        if best is None or score > best[0]:
            best = (score, s, e)
    return None if best is None else Anchor("moved", best[1], best[2])


def anchor(text: str, sel: Selector) -> Anchor:
    """Where ``sel`` sits in ``text`` now: see the module docstring for the order of attempts."""
    if not sel.exact:
        return ORPHAN
    if 0 <= sel.start <= sel.end <= len(text) and text[sel.start:sel.end] == sel.exact:
        return Anchor("anchored", sel.start, sel.end)
    return _exact(text, sel) or _approximate(text, sel) or ORPHAN
