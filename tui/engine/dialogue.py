"""Fiction dialogue: which paragraphs are turns in a conversation, and who takes the untagged ones.

Paragraphs of dialogue group into conversations (a heading or a stretch of narration ends one).
Within one, turns alternate between two people, counted from the nearest turn whose speaker is
named, forwards or backwards; "he replied" is the participant of that gender who did not speak
the turn before; a person spoken to by name ("Listen, Captain Ross") does not speak that turn.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import turnrank
from .evidence import Attribution
from .lexicon import DIMINUTIVES, NOT_NAMES
from .mentions import OBJECT_BEFORE, Mention, Registry, parse_run
from .model import Document, Quote
from .resolve import Resolver, Speakers

_CHAPTER = re.compile(r"(?:chapter|book|part|volume|act|scene)\b", re.IGNORECASE)


def is_dialogue(doc: Document, quotes: list[Quote]) -> bool:
    """Fiction-style dialogue: many paragraphs that open with a quotation (half of the quotations
    open one; in a book-length text, where narration runs on around the talk, two in five)."""
    if len(quotes) < 20:
        return False
    opening = sum(1 for q in quotes if (b := doc.block_at(q.mark_start)) is not None and b.start == q.mark_start)
    long = len(doc.text) > 60000
    if opening < (0.4 if long else 0.5) * len(quotes):
        return False
    chapters = any(_CHAPTER.match(doc.text, b.start) for b in doc.blocks[:200] if b.kind == "heading")
    return chapters or long



# a mark or "dear" or "my", then the name; written as one class of first characters, then the look
# back at "Mr.": a regex that opens with look-behinds or alternatives tries them all at every
# character of every quotation (five to eight times slower on a novel)
_VOCATIVE = re.compile(r"[,!?.;dm](?:(?<=[,!?.;])(?<!\bMr[,!?.;])(?<!\bMrs[,!?.;])(?<!\bMs[,!?.;])(?<!\bDr[,!?.;])"
                       r"(?<!\bSt[,!?.;])|(?<=d)ear|(?<=m)y)\s+((?:(?:Mr|Mrs|Ms|Dr)\.\s+|(?:Miss|Sir|Lady|Colonel)\s+)?[A-Z][a-z]+)(?=\s*[,!?.;]|$)")


_VOCATIVE_OPENING = re.compile(r"((?:(?:Mr|Mrs|Ms|Dr)\.\s+|(?:Miss|Sir|Lady|Colonel)\s+)?[A-Z][a-z]+)(?=\s*[,!?])")


def _addressees(text: str, q: Quote, reg: Registry) -> list:
    """Entities of people spoken to by name inside a quotation ("Listen, Captain Ross,")."""
    out = []
    first = _VOCATIVE_OPENING.match(text, q.start, q.end)  # "Anne, come here."
    for m in ([first] if first else []) + list(_VOCATIVE.finditer(text, q.start, q.end)):
        if m.group()[0].isalpha() and m.start() > 0 and text[m.start() - 1].isalpha():
            continue  # "enemy Jane": "my" inside a word
        p = parse_run(m.group(1))
        if p is None or p.tokens[0].lower() in NOT_NAMES:
            continue
        key = p.tokens[0].lower()
        if p.honorific:
            e = reg.with_honorific(p.honorific, key)
            if e is None:
                cands = [c for c in reg.with_surname(key) if len(c.tokens) > 1]
                e = cands[0] if len(cands) == 1 else None
        else:
            cands = reg.with_surname(key) + reg.with_given_name(key)
            if not cands and key in DIMINUTIVES:
                # "My dearest Peggy": the one Margaret of the text
                full = {id(c): c for f in DIMINUTIVES[key]
                        for c in reg.with_given_name(f) + [c for c in reg.with_surname(f) if len(c.tokens) == 1]}
                cands = list(full.values()) if len(full) == 1 else []
            e = cands[0] if cands else None
        if e is not None and e not in out and e.personlike:
            out.append(e)
    return out


# when a list, each untagged turn's candidates and their features are appended to it (the
# training script of the ranker, benchmarks/train_turnrank.py, reads them)
RECORD: list | None = None
PRON_RECORD: list | None = None  # the same for the "he said" turns (train_turnrank.py --pron)

FIXED = frozenset({"cue", "narrator", "description", "transcript"})
SCENE_BREAK = 300  # characters of narration between two turns that end a conversation
_NO_ANSWER = re.compile(r"\b(?:made|gave|returned|received) no (?:other )?(?:answer|reply)|\bwas silent\b|"
                        r"\bdid not (?:answer|reply)\b|\bsaid nothing\b", re.IGNORECASE)


def _no_answer(text: str, lo: int, hi: int) -> bool:
    """Does text[lo:hi] say nobody answered?  Every phrase of ``_NO_ANSWER`` holds " no ",
    " not ", " nothing" or "lent" in some case, and a case-blind pattern that opens with a word boundary is slow to
    try at every offset: look for those first."""
    window = text[lo:hi].lower()
    return ((" no " in window or " not " in window or " nothing" in window or "lent" in window)
            and _NO_ANSWER.search(text, lo, hi) is not None)


# "He turned his head.", "She put out the cigarette.": a he or she opening a sentence of narration
_PRON_SUBJECT = re.compile(r"\b(He|She)\b(?!\s+(?:said|says|asked|answered|replied|cried)\b)")  # word first: fast
_OPENS = re.compile(r"(?:^|\n|[.!?;”\"’]\s\s?)\Z")
_PRON_REACH = 250  # characters of narration before a turn looked at for that he or she


def _pron_subject(text: str, lo: int, hi: int, last: bool) -> str | None:
    """The gender of the last (or first) "He"/"She" opening a sentence in text[lo:hi]."""
    got = None
    for m in _PRON_SUBJECT.finditer(text, lo, hi):
        if m.start() > 0 and not _OPENS.search(text[max(0, m.start() - 3):m.start()]):
            continue  # inside a sentence ("… and He who ...")
        got = "m" if m.group(1) == "He" else "f"
        if not last:
            break
    return got


_SENTENCE_END = re.compile(r"[.!?;](?<!\bMr[.!?;])(?<!\bMrs[.!?;])(?<!\bDr[.!?;])(?<!\bSt[.!?;])\s+")  # mark first: fast
_SAID_PRON = re.compile(r"[\s,]{0,3}(he|she) (?:said|asked|replied|answered|cried|added)\b")
_THOUGHT = frozenset({"thought", "thinks", "think"})  # cue verbs of a thought, not a spoken turn


@dataclass
class _Turn:
    """One paragraph of dialogue: its quotations and what we know of who speaks it."""

    bi: int
    idx: list[int]
    sid: int | None
    kind: str  # fixed (named in a cue), pron (he/she said), free (untagged)
    gender: str | None = None
    to: set[int] = field(default_factory=set)  # speaker ids it speaks to by name
    actor: int | None = None  # named as acting just before the quotation in the same paragraph
    near: list[int] = field(default_factory=list)  # people named in the narration just before
    named: list[int] = field(default_factory=list)  # ... as subjects or not
    tail: list[int] = field(default_factory=list)  # people named acting after its last quotation
    beat: list[int] = field(default_factory=list)  # who acts in the sentence after its one quotation
    silence: bool = False  # the narration just before says the other made no answer
    narrated: bool = False  # a paragraph of narration comes between it and the turn before
    recent: list[int] = field(default_factory=list)  # people last named as subjects before it, latest first
    recent_here: int = 0  # how many of ``recent`` were named since its conversation began
    lead_pron: str | None = None  # "She put out the cigarette. “…”": the gender of that he or she
    beat_pron: str | None = None  # "“…” He shut his eyes.": the same, in the sentence after its one quotation


def _subjects(mentions, starts, lo: int, hi: int, sp, subj: bool = True) -> list[int]:
    """Speaker ids of people named (as subjects) in text[lo:hi], latest first, distinct."""
    out: list[int] = []
    a = bisect.bisect_left(starts, lo)
    b = bisect.bisect_left(starts, hi)
    for m in reversed(mentions[a:b]):
        if (m.subj or not subj) and m.entity.personlike:
            sid = sp.of_entity(m.entity)
            if sid not in out:
                out.append(sid)
    return out


def _scenes(doc: Document, quotes, result, by_block, reg, sp, mentions, pron) -> list[list[_Turn]]:
    """Group dialogue paragraphs into conversations: a heading or a long stretch of narration ends one."""
    text = doc.text
    starts = [m.start for m in mentions]
    scenes: list[list[_Turn]] = [[]]
    narr: list[int] = []  # blocks of narration since the last turn
    narr_len = 0
    # who the narration named as a subject lately, latest first (one pass over the mentions)
    mru: list[tuple[int, int]] = []
    mi = 0
    scene_start = 0
    for bi, block in enumerate(doc.blocks):
        idx = [i for i in by_block.get(bi, []) if quotes[i].kind != "title"]
        if not idx:
            if block.kind == "heading":
                scenes.append([])
                narr, narr_len = [], 0
                mru, mi = [], bisect.bisect_left(starts, block.end)
                continue
            narr.append(bi)
            narr_len += block.end - block.start
            if narr_len > SCENE_BREAK and scenes[-1]:
                scenes.append([])
            continue
        first = idx[0]
        prev = by_block.get(bi - 1)
        if (scenes[-1] and not narr and prev and quotes[prev[-1]].continues
                and scenes[-1][-1].bi == bi - 1):
            scenes[-1][-1].bi = bi  # the same speech going on in a new paragraph
            scenes[-1][-1].idx += idx
            continue
        fixed = next((i for i in idx if result[i].speaker is not None and result[i].method in FIXED
                      and not (result[i].guessed and pron.get(i))), None)  # ("said the old man": a guess)
        pi = next((i for i in idx if i in pron and pron[i] in ("m", "f")), None)
        if fixed is not None and result[fixed].cue in _THOUGHT:
            continue  # "Never," thought Anne: not said aloud, not a turn of the conversation
        if fixed is not None:
            t = _Turn(bi, idx, result[fixed].speaker, "fixed")
        elif pi is not None:
            t = _Turn(bi, idx, result[pi].speaker, "pron", pron[pi])
        else:
            t = _Turn(bi, idx, None, "free")
            said = _SAID_PRON.match(text, quotes[first].mark_end)
            if said is not None:
                t.gender = "m" if said.group(1) == "he" else "f"  # "she said", and nobody it could mean
        for i in idx:
            t.to |= {sp.of_entity(e) for e in _addressees(text, quotes[i], reg)}
        if quotes[first].mark_start > block.start:
            # "Anne smiled. 'Yes.'": who acts in the sentence leading into the quotation
            # ("... and she said," names nobody, and gives nobody)
            lead = block.start
            for m in _SENTENCE_END.finditer(text, block.start, quotes[first].mark_start):
                if m.end() < quotes[first].mark_start - 1:
                    lead = m.end()
            ours = _subjects(mentions, starts, lead, quotes[first].mark_start, sp)
            t.actor = ours[0] if ours else None
        lo = doc.blocks[narr[0]].start if narr else block.start
        t.tail = _subjects(mentions, starts, quotes[idx[-1]].mark_end, block.end, sp)
        if t.tail and len(idx) == 1:
            # "“Yes.” Anne turned to the window.": who acts in the sentence right after it
            stop = _SENTENCE_END.search(text, quotes[first].mark_end + 1, block.end)
            t.beat = _subjects(mentions, starts, quotes[first].mark_end, stop.end() if stop else block.end, sp)[-1:]
        if len(idx) == 1 and quotes[first].mark_end < block.end:
            stop = _SENTENCE_END.search(text, quotes[first].mark_end + 1, block.end)
            t.beat_pron = _pron_subject(text, quotes[first].mark_end, stop.end() if stop else block.end, False)
        t.lead_pron = _pron_subject(text, max(lo, quotes[first].mark_start - _PRON_REACH), quotes[first].mark_start, True)
        t.narrated = bool(narr)
        t.silence = bool(narr) and _no_answer(text, max(lo, block.start - SCENE_BREAK), block.start)
        t.near = _subjects(mentions, starts, lo, block.start, sp)
        t.named = _subjects(mentions, starts, lo, quotes[first].mark_start, sp, subj=False)
        if not scenes[-1]:
            scene_start = lo
        while mi < len(mentions) and mentions[mi].start < quotes[first].mark_start:
            m = mentions[mi]
            mi += 1
            if m.subj and m.entity.personlike:
                sid = sp.of_entity(m.entity)
                mru = [(sid, m.start)] + [x for x in mru[:5] if x[0] != sid]
        t.recent = [x[0] for x in mru[:4]]
        t.recent_here = sum(1 for x in mru[:4] if x[1] >= scene_start)
        narr = []
        narr_len = 0
        scenes[-1].append(t)
    return [s for s in scenes if s]


_KIN_PHRASE = re.compile(r"(?:his|her) (?:father|mother|husband|wife|uncle|aunt)\b")


def kin_mentions(text: str, segs, mentions, res: Resolver):
    """Mentions of the people a novel calls "her father", "his wife" in its narration, resolved
    as a cue would be, so that a later he or she can point to them."""
    extra = []
    for lo, hi in segs:
        for m in _KIN_PHRASE.finditer(text, lo, hi):
            if m.start() > 0 and text[m.start() - 1].isalpha():
                continue  # "this father": not a possessive
            head = m.group().split()[1]
            e = res.kin(m.group(), head, m.start())
            if e is None:
                continue
            # "kissed her father goodnight": someone the next "he" can mean, unless after a preposition
            subj = not OBJECT_BEFORE.search(text, max(0, m.start() - 12), m.start())
            extra.append(Mention(m.start(), m.end(), e, subj))
    if not extra:
        return mentions
    return sorted(mentions + extra, key=lambda x: x.start)


def fill_turns(doc: Document, quotes, result: list[Attribution], by_block, res: Resolver, reg: Registry, sp: Speakers,
               mentions,
               pron: dict[int, str | None]):
    """Who speaks each untagged turn of a conversation (and which participant "he said" means).

    Turns alternate between two people, counted from the nearest turn whose speaker is named,
    forwards or backwards; the other person of a pair is whoever spoke before, else the person
    the named one speaks to, else the person the narration just named.  Nobody speaks to
    themselves by name; a quotation after "Anne smiled." in its own paragraph is Anne's.
    """
    narrator = sp.ids.get(res.narrator.id) if res.narrator is not None else None
    for scene in _scenes(doc, quotes, result, by_block, reg, sp, mentions, pron):
        _fill_scene(scene, quotes, result, sp, narrator)


def _gender(sp, sid: int | None) -> str | None:
    e = sp.entity_of.get(sid) if sid is not None else None
    return e.gender if e is not None else None


def _fill_scene(scene: list[_Turn], quotes, result, sp, narrator: int | None = None) -> None:
    n = len(scene)
    known = [t.sid for t in scene]

    def pron_turn(k, t):
        prev = known[k - 1] if k else None
        g = t.gender

        nxt = known[k + 1] if k + 1 < n and scene[k + 1].kind == "fixed" else None

        def fits(sid):
            return sid is not None and sid not in (prev, nxt) and _gender(sp, sid) == g and sid not in t.to

        cands = []
        if k >= 2:
            cands.append(known[k - 2])
        if k:
            cands += list(scene[k - 1].to)
        if k == 1 and not scene[0].to:
            # a conversation opening with "said she" points back into the narration, not ahead;
            # later in it, "she said" is the woman of the last turns, not one named turns away
            order = sorted((abs(j - k), j) for j in range(n) if scene[j].kind == "fixed")
            cands += [scene[j].sid for _, j in order]
        pick = next((c for c in cands if fits(c)), None)
        if pick is not None and pick != t.sid:
            _set(t, pick, result, None)
            known[k] = pick

    def free_turn(k, t):
        why = "alternation"
        if t.actor is not None and t.actor not in t.to:
            sid, why = t.actor, "actor"
        elif t.beat and t.beat[0] not in t.to:
            sid, why = t.beat[0], "beat"  # "“Yes.” Anne turned to the window.": who acts after it said it
        elif (k and scene[k - 1].tail and scene[k - 1].tail[0] != known[k - 1]
              and scene[k - 1].tail[0] not in t.to and not t.near):
            sid, why = scene[k - 1].tail[0], "tail"  # "... --A pause followed, and Anne began again."
        elif t.silence and k and known[k - 1] is not None and known[k - 1] not in t.to:
            sid, why = known[k - 1], "silence"  # "The captain only shrugged." and the same speaker goes on
        elif k and len(scene[k - 1].to) == 1 and not (scene[k - 1].to & {known[k - 1]} | t.to & scene[k - 1].to):
            sid, why = next(iter(scene[k - 1].to)), "vocative"  # "Are you cold, Anne?" and Anne answers
        else:
            sid = _alternate(scene, known, k)
        # "“…,” she cried": never a man the counting or the narration points to
        mismatch = t.gender is not None and sid is not None and _gender(sp, sid) not in (None, t.gender)
        if mismatch:
            sid = None
        if turnrank.WEIGHTS or RECORD is not None:
            got = turnrank.candidates(scene, known, k, sid, why, lambda c: _gender(sp, c))
            if RECORD is not None:
                # with where the two turns before start, for training on who really spoke them
                before = [quotes[scene[j].idx[0]].start if j >= 0 else None for j in (k - 1, k - 2)]
                RECORD.append((quotes[t.idx[0]].start, got, (t.narrated, *before)))
            if t.gender is not None:
                got = [(c, f) for c, f in got if _gender(sp, c) == t.gender]  # "she said": a woman
            if (why not in ("actor", "beat") or mismatch) and got:
                cands[k] = got  # "Anne laughed. “Not I.”": the person acting beside it keeps it
        if sid is not None:
            _set(t, sid, result, "alternation")
            known[k] = sid

    def pron_rank(k, t, resolved):
        """Weigh everyone of the pronoun's gender the evidence around the turn points to."""
        cands = turnrank.pron_candidates(scene, known, k, resolved, t.sid, lambda s: _gender(sp, s), narrator,
                                         lambda s: e.spoke if (e := sp.entity_of.get(s)) is not None else None)
        if PRON_RECORD is not None:
            PRON_RECORD.append((quotes[t.idx[0]].start, cands))
        if turnrank.PRON_WEIGHTS and cands:
            sid = turnrank.rank(cands, turnrank.PRON_WEIGHTS)
            if sid is not None and sid != t.sid:
                _set(t, sid, result, None)
                known[k] = sid

    # "he replied": the participant of that gender who did not speak the turn before
    for k, t in enumerate(scene):
        if t.kind == "pron":
            resolved = t.sid
            if not t.narrated:
                pron_turn(k, t)
            if turnrank.PRON_WEIGHTS or PRON_RECORD is not None:
                pron_rank(k, t, resolved)
    # untagged turns: count from the nearest turn whose speaker is known
    cands: list[list | None] = [None] * n
    for k, t in enumerate(scene):
        if t.kind == "free":
            free_turn(k, t)
    if turnrank.WEIGHTS and any(cands):
        # then the ranker weighs the evidence of all of them, the whole run of turns at once
        fixed = [None if cands[k] else known[k] for k in range(n)]
        for k, sid in enumerate(turnrank.decode(fixed, cands, [t.narrated for t in scene], turnrank.WEIGHTS)):
            if cands[k] and sid is not None and sid != known[k]:
                _set(scene[k], sid, result, "alternation")
                known[k] = sid


def _other(scene, known, j: int, step: int, who: int) -> int | None:
    """The person ``who`` (turn j) is talking with: the nearest other speaker in direction ``step``
    then the other way, else someone ``who`` speaks to, else someone the narration named."""
    for d in (step, -step):
        k = j + d
        while 0 <= k < len(scene):
            if known[k] is not None and known[k] != who:
                return known[k]
            k += d
    for a in scene[j].to:
        if a != who:
            return a
    for t in scene:
        for a in t.near:
            if a != who:
                return a
    for t in scene:
        for a in t.named:
            if a != who:
                return a
    return None


def _alternate(scene, known, k: int) -> int | None:
    back = next((j for j in range(k - 1, -1, -1) if known[j] is not None), None)
    fwd = next((j for j in range(k + 1, len(scene)) if scene[j].kind != "free" and known[j] is not None), None)
    if back is not None and (fwd is None or k - back <= fwd - k):
        a, d, step = back, k - back, -1
    elif fwd is not None:
        a, d, step = fwd, fwd - k, 1
    else:
        near = scene[0].near
        if not near:
            return None
        return near[k % 2] if len(near) > 1 else (near[0] if k % 2 == 0 else None)
    who = known[a]
    sid = who if d % 2 == 0 else _other(scene, known, a, step, who)
    if sid is not None and sid in scene[k].to:
        alt = _other(scene, known, a, step, who) if sid == who else who
        sid = alt if alt not in scene[k].to else None
    return sid


def _set(t: _Turn, sid: int, result: list[Attribution], method: str | None) -> None:
    """The turn ``t`` is ``sid``'s: an untagged turn by alternation (``method``), a "he said"
    turn revised to the other participant of that gender (``method`` None: still a pronoun)."""
    old = t.sid
    for i in t.idx:
        a = result[i]
        if a.speaker is None or a.speaker == old:
            # built field by field, as ``Attribution.with_confidence`` is (``replace`` costs
            # twice as much, for each turn of a novel); a new field must be added here
            if method == "alternation":
                result[i] = Attribution(sid, "alternation", "alternation", a.cue, a.mention, a.span, False, a.confidence)
            else:
                result[i] = Attribution(sid, a.method, "alternation", a.cue, a.mention, a.span, a.guessed, a.confidence)
    t.sid = sid
