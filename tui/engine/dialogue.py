"""Fiction dialogue: which paragraphs are turns in a conversation, and who takes the untagged ones.

Turns alternate between the last two people speaking; a turn right after a paragraph about
someone is theirs; nobody answers themselves; a person spoken to by name ("My dear Mr. Bennet")
is not the speaker, and is likely to answer.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from .lexicon import NOT_NAMES
from .mentions import Registry, parse_run
from .model import Document, Quote

if TYPE_CHECKING:
    from .attribution import _Resolver, _Speakers

_CHAPTER = re.compile(r"(?:chapter|book|part|volume|act|scene)\b", re.IGNORECASE)


def is_dialogue(doc: Document, quotes: list[Quote]) -> bool:
    """Fiction-style dialogue: many paragraphs that open with a quotation."""
    if len(quotes) < 20:
        return False
    opening = sum(1 for q in quotes if doc.block_at(q.mark_start) and doc.block_at(q.mark_start).start == q.mark_start)
    if opening < 0.5 * len(quotes):
        return False
    chapters = any(_CHAPTER.match(doc.text, b.start) for b in doc.blocks[:200] if b.kind == "heading")
    return chapters or len(doc.text) > 60000



_VOCATIVE = re.compile(r"(?:^|[,!?.;]\s+|\bdear\s+|\bmy\s+)((?:(?:Mr|Mrs|Ms|Dr)\.\s+|(?:Miss|Sir|Lady|Colonel)\s+)?[A-Z][a-z]+)(?=\s*[,!?.;]|$)")


def _addressees(text: str, q: Quote, reg: Registry) -> set[int]:
    """Entity ids of people spoken to by name inside a quotation ("My dear Mr. Bennet,")."""
    out = set()
    for m in _VOCATIVE.finditer(text, q.start, q.end):
        p = parse_run(m.group(1))
        if p is None or p.tokens[0].lower() in NOT_NAMES:
            continue
        key = p.tokens[0].lower()
        if p.honorific:
            e = reg._by_hon.get((p.honorific.lower(), key))
            if e is None:
                cands = [c for c in reg._by_last.get(key, []) if len(c.tokens) > 1]
                e = cands[0] if len(cands) == 1 else None
        else:
            cands = reg._by_last.get(key, []) + reg._by_first.get(key, [])
            e = cands[0] if cands else None
        if e is not None:
            out.add(e.id)
    return out


def fill_turns(doc: Document, quotes, result, by_block, res: _Resolver, reg: Registry, sp: _Speakers, mentions,
              pron: dict[int, str | None]):
    """Fill untagged dialogue turns: turns alternate between the last two people speaking;
    a turn right after a paragraph about someone is theirs; nobody answers themselves."""
    text = doc.text
    starts = [m.start for m in mentions]
    recent: list[int] = []  # speaker ids, most recent first, distinct
    last_turn: int | None = None
    actor: int | None = None  # person the last narrative paragraph was about
    addressed: set[int] = set()  # speaker ids the last turn spoke to

    def push(sid: int) -> None:
        if sid in recent:
            recent.remove(sid)
        recent.insert(0, sid)
        del recent[3:]

    for bi, block in enumerate(doc.blocks):
        idx = by_block.get(bi)
        prev_quoted = bi - 1 in by_block
        if not idx:
            # narrative: who is it about?  the last person named as a subject
            lo = bisect.bisect_left(starts, block.start)
            hi = bisect.bisect_left(starts, block.end)
            actor = None
            for m in reversed(mentions[lo:hi]):
                if m.subj and m.entity.personlike:
                    actor = sp.of_entity(m.entity)
                    break
            if block.end - block.start > 1200:
                recent.clear()
                last_turn = None
            continue
        to_ids = set()
        for i in idx:
            to_ids |= _addressees(text, quotes[i], reg)
        to_sids = {sp.ids[e] for e in to_ids if e in sp.ids}
        tagged = next((result[i][0] for i in idx if result[i][0] is not None), None)
        # "he replied": in a conversation, the person just spoken to, or the other participant
        pi = next((i for i in idx if i in pron), None)
        if pi is not None and pron[pi] in ("m", "f"):
            g = pron[pi]

            def fits(sid: int) -> bool:
                e = sp.entity_of.get(sid)
                return e is not None and e.gender == g and sid != last_turn and sid not in to_sids

            pick = next((a for a in addressed if fits(a)), None)
            if pick is None and tagged == last_turn and prev_quoted:
                # nobody answers themselves: the other fitting participant
                pick = next((r for r in recent if fits(r)), None)
            if pick is not None and pick != tagged:
                for i in idx:
                    if result[i][0] == tagged:
                        result[i] = (pick, result[i][1], result[i][2])
                tagged = pick
        if tagged is None and any(quotes[i].kind != "title" for i in idx):
            sid, method = None, "alternation"
            if actor is not None and actor not in to_sids and actor != last_turn:
                sid = actor
            elif addressed and last_turn is not None:
                cand = [a for a in addressed if a != last_turn and a not in to_sids]
                sid = cand[0] if cand else None
            if sid is None and last_turn is not None:
                others = [r for r in recent if r != last_turn and r not in to_sids]
                sid = others[0] if others else None
            if sid is not None:
                for i in idx:
                    if result[i][0] is None and quotes[i].kind != "title":
                        result[i] = (sid, None, method)
                tagged = sid
        if tagged is not None:
            push(tagged)
            last_turn = tagged
        addressed = to_sids
        actor = None
