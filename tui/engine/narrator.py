"""The narrator of a first-person novel: is there one, and what do the other characters call them?

A novel told in the first person tags the narrator's own turns "I said", "said I", "I asked".
The narrator's name is rarely in the narration; it is in the dialogue: the people the narrator
talks with call them by it ("Come along, Tom."), in the turns right before and after the
narrator's own, and the narrator may say it ("My name is Tom Pell", "they called me Tom").
The name the narrator uses in their own turns is someone else's (whoever they speak to), so it
counts against.

``find_narrator`` returns the name as the text spells it in full (a lone given name is widened to
the one full name the text gives it: "Tom" -> "Tom Pell"), or None when the book is not told in
the first person or never names its narrator.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .lexicon import NOT_NAMES, SPEECH_VERBS
from .mentions import Entity, Mention, Registry, parse_run
from .model import Document, Quote
from .quotes import blank_quotes
from .vocatives import is_name, vocatives

_VERB_WORDS = frozenset(v for v in SPEECH_VERBS if " " not in v)
_WORD = r"[A-Za-z]+"
# "…,” I said", "…,” said I", "…,” I answered quietly"
_I_AFTER = re.compile(rf"[\s,.!?—–-]*(?P<cue>(?P<v1>{_WORD})\s+I\b|I\s+(?:\w+ly\s+)?(?P<v2>{_WORD}))")
# "I said:" / "I turned to her and said," before a quotation, at the end of the lead-in
_I_BEFORE = re.compile(rf"\bI\s+(?:[a-z]+\s+){{0,6}}?(?P<v>{_WORD})(?:\s+(?:to\s+)?(?:him|her|them|it))?[,:]?\s*$")
_NAME = r"(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){0,2}"
_MY_NAME = re.compile(rf"\b(?:[Mm]y name(?:’s|'s| is| was)|call(?:ed|s)? me|[Nn]amed me)\s+(?P<n>{_NAME})")

MIN_TURNS = 8  # "I said" this often before a book counts as told in the first person
MIN_SHARE = 0.02  # ... and at least this share of its quotations


@dataclass(frozen=True)
class Narrator:
    name: str  # as the text spells it, fullest form ("Tom Pell", "Dr. Pell")
    turns: int  # quotations tagged "I said"
    votes: int  # how many times the others called the narrator by that name


def spoke_i(text: str, q: Quote, block_start: int, gap_hi: int) -> tuple[int, int] | None:
    """Where the narration tags the quotation as the narrator's own ("…,” I said", "said I",
    "I said, “…”"): the span of the cue, else None."""
    m = _I_AFTER.match(text, q.mark_end, min(gap_hi, q.mark_end + 60))
    if m:
        v = m.group("v1") or m.group("v2") or ""
        if v.lower() in _VERB_WORDS:
            return m.span("cue")
    lo = max(block_start, q.mark_start - 120)
    m = _I_BEFORE.search(text, lo, q.mark_start) if text.find("I", lo, q.mark_start) >= 0 else None
    if m and m.group("v").lower() in _VERB_WORDS:
        return m.start(), m.end("v")
    return None


def narrator_turns(doc: Document, quotes: list[Quote]) -> list[int]:
    """Indexes of the quotations the narration tags as the narrator's ("I said")."""
    text = doc.text
    out = []
    for i, q in enumerate(quotes):
        if q.is_mark:
            continue
        block = doc.block_at(q.mark_start)
        if block is None:
            continue
        nxt = quotes[i + 1].mark_start if i + 1 < len(quotes) else len(text)
        if spoke_i(text, q, block.start, min(nxt, block.end)) is not None:
            out.append(i)
    return out


def _full_form(text: str, name: str) -> str:
    """A lone given name widened to the one full name the text gives it ("Tom" -> "Tom Pell")."""
    if " " in name or "." in name:
        return name
    forms: Counter[str] = Counter()
    for m in re.finditer(rf"\b{re.escape(name)}\s+[A-Z][a-z’'-]+", text):
        last = m.group().split()[-1]
        if last.lower() not in NOT_NAMES and not last.endswith(("’s", "'s")):
            forms[m.group()] += 1
    if forms:
        best, n = forms.most_common(1)[0]
        if n >= 2 or len(forms) == 1:
            return re.sub(r"\s+", " ", best)
    return name


def find_narrator(doc: Document, quotes: list[Quote]) -> Narrator | None:
    """The first-person narrator's name, or None (see the module's docstring)."""
    speech = [q for q in quotes if not q.is_mark]
    mine = narrator_turns(doc, speech)
    if len(mine) < MIN_TURNS or len(mine) < MIN_SHARE * len(speech):
        return None
    text = doc.text
    block_of = [doc.block_index_at(q.mark_start) or 0 for q in speech]
    by_block: dict[int, list[int]] = {}
    for i, bi in enumerate(block_of):
        by_block.setdefault(bi, []).append(i)
    mine_set = set(mine)
    votes: Counter[str] = Counter()
    against: Counter[str] = Counter()
    for i in mine:
        against.update(vocatives(text, speech[i]))
        bi = block_of[i]
        for nb in (bi - 1, bi + 1):  # the turns either side: someone talking with the narrator
            for j in by_block.get(nb, []):
                if j not in mine_set:
                    votes.update(vocatives(text, speech[j]))
    for m in _MY_NAME.finditer(text):
        if is_name(m.group("n")):
            votes[m.group("n")] += 2
    if not votes:
        return None
    # the surname-only and full forms of one name pool their votes under the fuller form
    pooled: Counter[str] = Counter()
    narration = blank_quotes(text, speech)  # what the narrator tells, not what anyone says
    for name, n in votes.items():
        pooled[name] += n - against.get(name, 0) - _acts_in(narration, name)
    name, n = pooled.most_common(1)[0]
    if n < 3:
        return None
    full = _full_form(text, name)
    if " " not in full:
        # "Come on, Tom." and "Good night, Mr. Pell.": a given name and a surname the narrator is
        # also called by make the full name
        surname = _surname(text, [v for v, k in pooled.most_common() if k > 0 and v != name])
        if surname and surname != name:
            full = f"{name} {surname}"
    return Narrator(full, len(mine), n)


def _acts_in(narration: str, name: str) -> int:
    """How often the narration has ``name`` do something ("Potapitch approached"): the
    narrator is "I" there, so a name the narration makes a subject is someone else's."""
    return len(re.findall(rf"\b{re.escape(name)}\s+[a-z]+", narration))


_SURNAME_HONORIFIC = re.compile(r"(?:Mr|Dr)\.\s+|(?:Monsieur|Herr|Signor|Senor|Señor|Doctor|Master)\s+")


def _surname(text: str, names: list[str]) -> str | None:
    """The first voted name that is a man's surname: said after "Mr." or "Dr." ("Mr. Pell", or
    "Pell" said to the narrator where the text also writes "Mr. Pell")."""
    for v in names:
        m = _SURNAME_HONORIFIC.match(v)
        if m and " " not in v[m.end():]:
            return v[m.end():]
        if " " not in v and re.search(rf"(?:{_SURNAME_HONORIFIC.pattern}){re.escape(v)}\b", text):
            return v
    return None


def narrator_entity(reg: Registry, narrator: Narrator) -> Entity | None:
    """The registry's person for the narrator's name (made when the narration never names them)."""
    p = parse_run(narrator.name)
    if p is None:
        return None
    e = reg.resolve(p, 0)
    e.spoke += narrator.turns  # a person who speaks, whatever else the name looks like
    return e


_I = re.compile(r"\bI\b(?![’'.])")


def narrator_mentions(text: str, segs: list[tuple[int, int]], mentions: list[Mention],
                      narrator: Entity) -> list[Mention]:
    """``mentions`` with each "I" of the narration as a mention of the narrator, a subject
    (English "I" is always one)."""
    extra = [Mention(m.start(), m.end(), narrator, True) for lo, hi in segs for m in _I.finditer(text, lo, hi)]
    return sorted(mentions + extra, key=lambda x: x.start)
