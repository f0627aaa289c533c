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

# rapidfuzz is imported inside the functions that use it: only an annotation whose text moved
# needs it, and importing it costs the reader's start-up 15-25 ms (benchmarks/FINDINGS.md).

CONTEXT_CHARS = 32
MAX_EXACT_HITS = 2000
SHORT_QUOTE = 40  # shorter quotes must also match their context
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
    from rapidfuzz.distance import Levenshtein

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
        # A few words ("officials said") recur everywhere: without their context they are not ours.
        if n >= SHORT_QUOTE or (pre + suf) / 2 >= 0.5:
            score = PREFIX_W * pre + SUFFIX_W * suf + POS_W * _pos_sim(text, sel, i)
            if best is None or score > best[0]:
                best = (score, i)
        hits += 1
        i = text.find(sel.exact, i + 1)
    return None if best is None else Anchor("anchored", best[1], best[1] + n)


def _is_neighbour(text: str, sel: Selector, start: int, end: int) -> bool:
    """Does the candidate begin with what used to follow the quote, or end with what used to
    precede it?  Then the quote was deleted and this is the sentence next to where it was."""
    suf, pre, exact = sel.suffix.strip(), sel.prefix.strip(), sel.exact.strip()
    if len(suf) >= 8:
        probe = text[start:start + len(suf)]
        as_next = _sim(suf, probe)
        if as_next >= 0.75 and as_next > _sim(exact[:len(suf)], probe):
            return True
    if len(pre) >= 8:
        probe = text[max(0, end - len(pre)):end]
        as_previous = _sim(pre, probe)
        if as_previous >= 0.75 and as_previous > _sim(exact[-len(pre):], probe):
            return True
    return False


def _mid_word(text: str, i: int) -> bool:
    return 0 < i < len(text) and text[i - 1].isalnum() and text[i].isalnum()


def _boundaries(text: str, a: int, b: int, slack: int, whole_words: tuple[bool, bool]
                ) -> tuple[list[int], list[int]]:
    """Starts near ``a`` and ends near ``b`` to try: where words (or their punctuation) begin
    and end.  The rough ends themselves are tried too unless they cut a word the reader's
    selection did not cut (``whole_words``: did it start, and end, on a word boundary?)."""
    lo, hi = max(0, a - slack), min(len(text), b + slack)
    starts: set[int] = set() if whole_words[0] and _mid_word(text, a) else {a}
    ends: set[int] = set() if whole_words[1] and _mid_word(text, b) else {b}
    for m in _WORD.finditer(text, lo, hi):
        if abs(m.start() - a) <= slack:
            starts.add(m.start())
            starts.add(m.end() - len(m.group().lstrip(_LEADING)))
        if abs(m.end() - b) <= slack:
            ends.add(m.end())
            bare = len(m.group().rstrip(_TRAILING))
            if bare:
                ends.add(m.start() + bare)
    near = lambda xs, x: sorted(xs, key=lambda y: abs(y - x))[:16]  # noqa: E731
    return near(starts, a), near(ends, b)


def _refine(text: str, sel: Selector, a: int, b: int) -> tuple[float, int, int]:
    """Move a candidate's ends to the nearby word boundaries that best match the quote and its
    context: ``(quote similarity, start, end)``.  The span may grow or shrink by half the
    quote's length (words inserted or removed), and it ends where a word ends, not where the
    old text's length would have it end ("will suffer" reworded "will surely suffer" is all
    four words, not "will surel")."""
    from rapidfuzz.distance import Levenshtein

    exact = sel.exact
    whole_words = (not (sel.prefix[-1:].isalnum() and exact[:1].isalnum()),
                   not (exact[-1:].isalnum() and sel.suffix[:1].isalnum()))
    slack = max(4, len(exact) // 2)
    starts, ends = _boundaries(text, a, b, slack, whole_words)
    best = (-1.0, 0.0, a, b)
    for s in starts:
        for e in ends:
            if e - s < max(1, len(exact) // 2) or e - s > len(exact) * 2:
                continue
            q = Levenshtein.normalized_similarity(exact, text[s:e])
            if q < 0.3:
                continue
            pre, suf = _context_sims(text, sel, s, e)
            score = QUOTE_W * q + PREFIX_W * pre + SUFFIX_W * suf
            if score > best[0]:
                best = (score, q, s, e)
    return best[1], best[2], best[3]


PIECE = 64  # rapidfuzz aligns needles up to 64 characters with a fast bit-parallel algorithm


def _candidates(text: str, sel: Selector) -> set[tuple[int, int]]:
    """Rough places for the quote: (start, end) pairs, to be refined by :func:`_refine`.

    Each needle is aligned with ``rapidfuzz.fuzz.partial_ratio_alignment``; ``lead`` says where
    the quote starts relative to the needle.  Long quotes are searched by their first and
    last 64 characters (with and without context), which stays fast on long articles."""
    from rapidfuzz import fuzz

    exact, n = sel.exact, len(sel.exact)
    if n > 2 * len(text) + 2 * PIECE:
        return set()
    if n <= 2 * PIECE:
        needles = [(exact, 0), (sel.prefix + exact + sel.suffix, len(sel.prefix))]
    else:
        head, tail = exact[:PIECE], exact[-PIECE:]
        needles = [(head, 0), (tail, PIECE - n), (sel.prefix + head, len(sel.prefix)),
                   (tail + sel.suffix, PIECE - n)]
    spans = [(needle, lead, 0, len(text)) for needle, lead in needles]
    # the neighbourhood of the old position, searched with the quote (or its ends)
    lo, hi = max(0, sel.start - n - 400), min(len(text), sel.end + n + 400)
    spans += [(needle, lead, lo, hi) for needle, lead in needles[: 1 if n <= 2 * PIECE else 2]]
    cands: set[tuple[int, int]] = set()
    for needle, lead, lo, hi in spans:
        hay = text[lo:hi]
        if not needle or not hay:
            continue
        al = fuzz.partial_ratio_alignment(needle, hay)
        if al is None or al.score < 40:
            continue
        s = max(0, min(len(text), lo + al.dest_start + lead))
        cands.add((s, min(len(text), s + n)))
    return cands


def _approximate(text: str, sel: Selector) -> Anchor | None:
    from rapidfuzz.distance import Levenshtein

    best: tuple[float, int, int] | None = None
    for a, b in _candidates(text, sel):
        if Levenshtein.normalized_similarity(sel.exact, text[a:b]) < 0.3:
            continue  # boundary tuning cannot turn this into a match
        q, s, e = _refine(text, sel, a, b)
        if q < 0.5:  # more than len/2 edits
            continue
        pre, suf = _context_sims(text, sel, s, e)
        context = (pre + suf) / 2
        if q < 0.75 and context < 0.6:  # a loose match needs the surrounding words to agree
            continue
        if len(sel.exact) < SHORT_QUOTE and context < 0.5:
            continue
        if _is_neighbour(text, sel, s, e):
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
