"""Titles and scare quotes: quotation marks around words that nobody is quoted as saying.

News puts quotation marks around the names of books, songs, shows and plans (his book
“A Life in Letters”, the network licenses “Morning Hour”) and around words it holds at a
distance (the so-called “reform”, the notorious “carried interest” loophole).  These are
found but not attributed.  A short quotation with someone speaking in its sentence is a
partial quote, not a scare quote: ‘she called the plan “a con”’ keeps its speaker.

:func:`mark_kind` says "title", "scare" or None (speech) for one quotation.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from .lexicon import SPEECH_VERBS, WEAK_VERBS
from .mentions import ABBREVIATIONS
from .model import MARK_KINDS, Quote

# Nouns that name a work, right before its title: "his 2002 book, “…”", "the anthem “…”".
TITLE_NOUNS = frozenset("""
book books novel novels memoir biography autobiography film films movie movies documentary
song songs anthem hymn album albums single show shows series sitcom program programme episode
play musical opera poem poems essay column op-ed editorial headline magazine newspaper podcast
painting exhibit exhibition titled entitled headlined
""".split())

# Words that announce a term rather than a speaker's words.
_TERM_BEFORE = re.compile(r"(?:so-called|so called|known as(?: the| a| an)?|the terms?|the label|termed)\s*$",
                          re.IGNORECASE)

# The maker of a work, right before its title: "the author of “…”", "the host of “…”".
_MAKER_OF = re.compile(r"\b(?:author|writer|director|creator|composer|producer|star|host|editor|publisher)s?"
                       r"\s+of(?:\s+the)?$", re.IGNORECASE)

# Words that show someone speaks in the sentence, beyond the speech verbs.
_MORE_CUES = frozenset("""
according likened liken likens branded brands labeled labelled labels nicknamed dubbed referred
refers referring accused accuses rated rates ruled rules condemned condemns considered considers
blamed blames urged urges vowed vows insisted insists claimed claims statement interview speech
tweet tweets letter chant chants chanted chanting
""".split())
CUES = SPEECH_VERBS | WEAK_VERBS | _MORE_CUES

# Words that cannot be the noun a quoted modifier stands before ("“activist” investors").
_FUNCTION = frozenset("""
and or but nor of in on at to for from by with as than that which who whom whose is are was were be
been being has have had do does did will would can could should may might must not no its it this
these those the a an if when while because so since about into onto over under after before during
until without within between among against per via like unlike up down out off again also just only
even still yet then there here what how why where he she they we i you his her their our my your him
them us me too very more most less least all some any each every both either neither
""".split())

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_BY_AUTHOR = re.compile(r"[,.’'”\"]*\s+by\s+(?:the\s+)?[A-Z]")
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]*)\b")


_CLOSERS = "”’\"')"
_END_AT = re.compile(r"(\w+)?[.!?][”’\"')]?$")
_ABBREVIATIONS = frozenset(a.lower() for a in ABBREVIATIONS)
# How far a sentence is looked for on each side of a quotation: past this it is a paragraph with
# no full stop (a list, a transcript), and reading it whole for every quotation would be quadratic.
_REACH = 600


def _ends_sentence(text: str, lo: int, at: int) -> bool:
    """Whether text[:at] ends a sentence: a full stop not after an abbreviation or an initial
    ("Mr.", "Sen.", "E."); "in Ohio." and "said Lee." do end one."""
    m = _END_AT.search(text, max(lo, at - 12), at)
    if m is None:
        return False
    word = m.group(1)
    return not (word and (len(word) == 1 or word.lower() in _ABBREVIATIONS))


_STOP = re.compile(r"[.!?][”’\"')]?(?=\s)")
_STOP_AHEAD = re.compile(r"[.!?](?:(?=[\s”’\"')])|$)")


def _sentence_bounds(text: str, lo: int, hi: int, mark_start: int, mark_end: int) -> tuple[int, int]:
    """Start and end of the sentence around a quotation inside block [lo, hi), at most _REACH
    characters from the marks."""
    s = max(lo, mark_start - _REACH)
    for m in _STOP.finditer(text, s, mark_start):
        if _ends_sentence(text, lo, m.end()):
            s = m.end()
    ahead = _STOP_AHEAD.search(text, mark_end, min(hi, mark_end + _REACH))
    e = ahead.start() if ahead else min(hi, mark_end + _REACH)
    return s, e


def _has_cue(words: list[str]) -> bool:
    return any(w.lower().rstrip("’'") in CUES for w in words)


def _title_case(words: list[str]) -> bool:
    return bool(words) and (words[0][:1].isupper() or words[0][:1].isdigit()) and all(
        w[:1].isupper() or w[:1].isdigit() or len(w) <= 3 for w in words)


def mark_kind(text: str, lo: int, hi: int, mark_start: int, start: int, end: int,
              mark_end: int) -> Literal["title", "scare"] | None:
    """"title", "scare" or None for the quotation text[start:end] in block [lo, hi)."""
    inner = text[start:end]
    words = inner.split(None, 13)  # (every word of it only when it has at most 13: a long speech is no mark)
    if words and len(words) <= 12 and _title_case(words) and _BY_AUTHOR.match(text, mark_end):
        return "title"  # “This Kind of War,” by T.R. Fehrenbach: a work and its author
    if not words or len(words) > 8:
        return None
    before = text[max(lo, mark_start - _REACH):mark_start].rstrip()
    if not before or before[-1] in ".!?:;—–-\"”'’(":
        return None  # a quotation that opens a sentence or follows a colon is speech
    s, e = _sentence_bounds(text, lo, hi, mark_start, mark_end)
    around = _WORD.findall(text[s:mark_start]) + _WORD.findall(text[mark_end:e])
    cue = _has_cue(around)
    last = [w.lower() for w in _WORD.findall(before)[-3:]]
    starts_big = inner[:1].isupper() or inner[:1].isdigit()
    if starts_big and any(w in TITLE_NOUNS for w in last) and (_title_case(words) or (not cue and before[-1] != ",")):
        # his book, “…”; the show “…”; a paper titled “…” -- but ‘she told the magazine, “It was hard.”’ is speech
        return "title"
    if _title_case(words) and _MAKER_OF.search(before):
        return "title"  # by the author of “…”, the host of “…”
    if before[-1] == ",":
        return None  # “…,” after a comma: someone's words
    if _TERM_BEFORE.search(before):
        return "title" if _title_case(words) and len(words) > 1 else "scare"
    if cue:
        return None
    if len(words) >= 2 and _title_case(words) and inner[-1:] not in ".!?":
        return "title"  # “Morning Hour and Friends”, with nobody speaking in the sentence
    if len(words) <= 3 and inner[:1].islower() and inner[-1:].isalnum():
        m = _NEXT_WORD.match(text, mark_end)
        if m and m.group(1) not in _FUNCTION and not m.group(1).endswith("ly") and m.group(1) not in CUES:
            return "scare"  # the notorious “carried interest” loophole
    return None


def unattributed(quote: Quote) -> Quote:
    """A title or scare quote has no speaker, whatever attribution guessed."""
    if quote.kind in MARK_KINDS and (quote.speaker is not None or quote.method != "none"):
        return replace(quote, speaker=None, cue=None, method="none", confidence=0.0)
    return quote
