"""Find quotations in a document.

Double marks (“ ” " '' `` „ « ») are paired by a small state machine per paragraph; each
mark's role (open or close) comes from the characters around it, so a curly opening closed
by a straight mark, ``''`` used as both marks, and primes after digits all work.  Single
marks (‘ ’ ') are only taken as quotation marks outside double quotes (headlines such as
‘Mocking’), never inside a word (don’t) or before a year (’90s).

A quotation whose paragraph ends before its closing mark stops at the paragraph end; when
the next paragraph opens with a quotation mark it continues there.  quotelens keeps one
Quote per paragraph (``Quote.continues`` marks the ones that run on) and attribution gives
the whole run one speaker.

A quotation inside a quotation is part of it, except inside a long passage (a transcript
turn, an excerpt from another article): there the inner quotations are listed as well,
since the people the passage quotes spoke them.  A quotation that is only a stage
direction ("(CROSSTALK.)", "[inaudible]") is none.

Each quotation gets a kind: direct or partial (speech), or title or scare (see ``marks``).
"""

from __future__ import annotations

import re

from .marks import mark_kind
from .model import Block, Document, Quote, QuoteKind

# '' and `` are one mark (a lone ' or ` is none).  Written as one class of first characters so the
# scan is fast (an alternation is tried at every offset of the text).
_DOUBLE = re.compile(r"['`“”„‟\"«»](?:(?<=')'|(?<=`)`|(?<=[“”„‟\"«»]))")
_SINGLE = re.compile(r"[‘’']")
_OPEN_BEFORE = set(" \t\n([{—–-/:;,…") | {"\u00a0"}
_ELISION = re.compile(r"(?:\d0s|\d\d\b|em\b|til\b|tis\b|twas\b|cause\b|n\b|bout\b|round\b)", re.IGNORECASE)
_WORD_CHAR = re.compile(r"\w")
_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum is true of, found without a copy of the quotation


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _double_role(text: str, i: int, j: int, lo: int, hi: int) -> str:
    """'open', 'close' or 'either' for the double mark text[i:j] inside a block [lo, hi)."""
    mark = text[i:j]
    before = text[i - 1] if i > lo else ""
    after = text[j] if j < hi else ""
    if mark in ("“", "„", "‟", "«", "``"):
        if before and not before.isspace() and (before not in _OPEN_BEFORE or _is_space(after)) and not _WORD_CHAR.match(after or " "):
            return "either"  # were “Mostly true.“ : an opening mark typed where a closing one belongs
        return "open"
    if mark in ("”", "»"):
        return "close"
    opener = (before == "" or before in _OPEN_BEFORE or before in "“‘'") and not _is_space(after)
    closer = not _is_space(before) and (after == "" or not _WORD_CHAR.match(after))
    if opener and not closer:
        return "open"
    if closer and not opener:
        if before.isdigit() and mark == '"':
            return "prime"  # 5'10" or a 12" record: a close only inside a quote
        return "close"
    return "either"


# A markup tag left in the text (<tweet author="…" id="…">): its attribute values are no quotations.
_TAG = re.compile(r"<[A-Za-z][\w:-]*(?:\s+[\w:-]+\s*=\s*(?:\"[^\"<>\n]*\"|'[^'<>\n]*'|[^\s<>\"']+))+\s*/?>")


def _double_spans(text: str, lo: int, hi: int, carried: bool):
    """Yield (mark_start, start, end, mark_end, closed, level) for each double quote.

    Level 0 is a top-level quotation, level 1 a quotation directly inside one."""
    depth = 0
    open_at = open_end = -1
    inner_at = inner_end = -1
    tags = [(t.start(), t.end()) for t in _TAG.finditer(text, lo, hi)] if text.find("=", lo, hi) >= 0 else []
    for m in _DOUBLE.finditer(text, lo, hi):
        i, j = m.start(), m.end()
        if tags and any(a < i < b for a, b in tags):
            continue
        role = _double_role(text, i, j, lo, hi)
        if depth == 0:
            if role in ("open", "either"):
                depth, open_at, open_end = 1, i, j
            continue
        if role == "open":
            if text[i] in "“„«`":
                depth += 1  # a nested curly quote inside a quote
                if depth == 2:
                    inner_at, inner_end = i, j
            continue
        # close, either, prime: closes the innermost quote
        depth -= 1
        if depth == 1 and inner_at >= 0:
            yield inner_at, inner_end, i, j, True, 1
            inner_at = -1
        if depth == 0:
            yield open_at, open_end, i, j, True, 0
    if depth > 0 and open_end < hi:
        yield open_at, open_end, hi, hi, False, 0


def _can_close(text: str, c: int, hi: int) -> bool:
    """Whether the single mark at ``c`` can close a quotation: not an opening mark (space before),
    not an apostrophe inside a word, not a plural possessive ("students’ rights")."""
    b2 = text[c - 1]
    a2 = text[c + 1] if c + 1 < hi else ""
    if _is_space(b2) or _WORD_CHAR.match(a2):
        return False
    return not (b2 in "sS" and a2 == " " and c + 2 < hi and text[c + 2].islower())


def _single_spans(text: str, lo: int, hi: int):
    """Top-level single-mark quotations in text[lo:hi] (no double quote around them)."""
    marks = [m.start() for m in _SINGLE.finditer(text, lo, hi)]
    # the next mark (from each one on) that can close a quotation: one pass from the end, so
    # ten thousand opening marks with no closer are not each matched against all the others
    next_close = [len(marks)] * (len(marks) + 1)
    for n in range(len(marks) - 1, -1, -1):
        next_close[n] = n if _can_close(text, marks[n], hi) else next_close[n + 1]
    k = 0
    while k < len(marks):
        i = marks[k]
        ch = text[i]
        before = text[i - 1] if i > lo else ""
        after = text[i + 1] if i + 1 < hi else ""
        if ch == "’" or not (before == "" or before in _OPEN_BEFORE or before in "“\"") or _is_space(after):
            k += 1
            continue
        if _ELISION.match(text, i + 1):
            k += 1
            continue
        close = next_close[k + 1]
        if close == len(marks):
            k += 1
            continue
        c = marks[close]
        if c - i > 1:
            yield i, i + 1, c, c + 1
        k = close + 1


_JOINED = re.compile(r",?\s+(?:and|or)\s+|,\s+")
_STAGE = re.compile(r"\([^()]*\)\.?|\[[^\[\]]*\]\.?")  # (CROSSTALK.), [inaudible]
_SENTENCE_END = re.compile(r"[.!?][”’\"']?\s+[“‘\"']?[A-Z]")
PASSAGE_WORDS = 40


def _is_passage(text: str, start: int, end: int) -> bool:
    """A quotation long enough to be a passage (a transcript turn, an excerpt from an article),
    whose own quotations are listed too: the people it quotes spoke them."""
    if end - start < 2 * PASSAGE_WORDS - 1:
        return False  # too short to hold that many words (most quotations): no need to split it
    return (len(text[start:end].split(None, PASSAGE_WORDS)) >= PASSAGE_WORDS  # (no need to split all of it)
            and _SENTENCE_END.search(text, start, end) is not None)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _kind(text: str, block: Block, mark_start: int, start: int, end: int, mark_end: int) -> QuoteKind:
    """direct, partial, title or scare, from where the quote stands in its sentence."""
    lo = block.start
    inner = text[start:end]
    j = mark_start  # the last character before the quotation, spaces skipped (no copy of the paragraph)
    while j > lo and text[j - 1].isspace():
        j -= 1
    last = text[j - 1] if j > lo else ""
    if not last or last in ".!?:;—–-\"”'’(":
        return "direct"
    if block.kind != "heading":  # a headline capitalises every word: no titles told by case there
        mark = mark_kind(text, lo, block.end, mark_start, start, end, mark_end)
        if mark:
            return mark
    if last == ",":
        # “…,” or a quote introduced after a comma: direct when it reads as a sentence
        return "direct" if inner[:1].isupper() else "partial"
    if inner[:1].isupper() and len(inner.split()) >= 4 and inner.rstrip()[-1:] in ".!?,":
        return "direct"
    return "partial"


_LISTED = re.compile(r"\s*(?:,?\s*(?:and|or)(?:,\s+\w+,)?\s+|,\s*)?")


def _listed_title(text: str, start: int, end: int) -> bool:
    """A short quotation every word of which is capitalised (or a number, or a short joining word)."""
    if end - start > 60 or not (text[start].isupper() or text[start].isdigit()):
        return False  # (most quotations: decided without splitting their words)
    words = text[start:end].rstrip(",.").split()
    return (0 < len(words) <= 6 and text[end - 1:end] not in "!?" and (words[0][:1].isupper() or words[0][:1].isdigit())
            and all(w[:1].isupper() or w[:1].isdigit() or len(w) <= 3 for w in words))


def find_quotes(doc: Document) -> list[Quote]:
    text = doc.text
    quotes: list[Quote] = []
    for block in doc.blocks:
        if block.kind in ("code", "rule"):
            continue
        lo, hi = block.start, block.end
        found = []
        covered = []
        inner = []
        for ms, s, e, me, closed, level in _double_spans(text, lo, hi, False):
            s2, e2 = _strip(text, s, e)
            if level:  # inside the quotation that the next level-0 item closes
                if _ALNUM.search(text, s2, e2):
                    inner.append((ms, s2, e2, me, closed))
                continue
            covered.append((ms, me))
            if e2 > s2 and _ALNUM.search(text, s2, e2) and not _STAGE.fullmatch(text, s2, e2):
                found.append((ms, s2, e2, me, closed))
                if _is_passage(text, s2, e2):
                    found.extend(inner)
            inner = []
        if text.find("‘", lo, hi) >= 0 or text.find("'", lo, hi) >= 0:
            for ms, s, e, me in _single_spans(text, lo, hi):
                if any(a <= ms < b for a, b in covered):
                    continue
                s2, e2 = _strip(text, s, e)
                if e2 > s2 and any(c.isalpha() for c in text[s2:e2]):
                    found.append((ms, s2, e2, me, True))
        found.sort()
        kinds: list[QuoteKind] = [_kind(text, block, ms, s, e, me) for ms, s, e, me, _ in found]
        for k in range(len(found) - 1):
            # “Jaws” and “Alien Nights”: a capitalised quote joined to a title is a title too
            a, b = found[k], found[k + 1]
            if {kinds[k], kinds[k + 1]} == {"title", "partial"} and _JOINED.fullmatch(text, a[3], b[0]):
                other = b if kinds[k] == "title" else a
                if text[other[1]:other[1] + 1].isupper() and len(text[other[1]:other[2]].split()) <= 8:
                    kinds[k] = kinds[k + 1] = "title"
        k = 0
        while k < len(found) - 2:  # (a list needs three: most paragraphs are skipped at once)
            # “24,” “Prison Gate” and “Harbour Lights.”: three or more short capitalised quotations
            # in a row, joined by commas and "and", are a list of names of works, not speech
            j = k
            while (j < len(found) and kinds[j] != "scare" and _listed_title(text, found[j][1], found[j][2])
                   and (j == k or _LISTED.fullmatch(text, found[j - 1][3], found[j][0]))):
                j += 1
            if j - k >= 3:
                kinds[k:j] = ["title"] * (j - k)
            k = max(j, k + 1)
        for (ms, s, e, me, closed), kind in zip(found, kinds):
            quotes.append(Quote(s, e, ms, me, kind=kind, continues=not closed))
    return quotes


def blank_quotes(text: str, quotes: list[Quote]) -> str:
    """``text`` with every quotation's words replaced by ';' (offsets kept; ``quotes`` in text
    order): the narrative around a quotation reads as one sentence, nothing inside a quotation
    passes for a cue, and a name said inside one is not a name the narration uses."""
    parts = []
    pos = 0
    for q in quotes:
        if q.start < pos:
            continue
        end = q.end
        while end > q.start and text[end - 1] in ",.;:!?":
            end -= 1  # '“Morning Harbour,” Mayor Roe': the comma still closes the lead phrase
        parts.append(text[pos:q.start])
        parts.append(";" * (end - q.start))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
