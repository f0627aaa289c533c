"""Attribute quotations to speakers.

Order of evidence, strongest first:

1. a cue next to the quotation ("…,” Halloran said", "said Ms. Okafor", "Halloran said that “…”",
   "according to officials", "Okafor: “…”", "Tamsin -- “…”", "Brandt’s boast that “…”"), its
   noun phrase resolved to a person: by name (the name before its modifiers: "Rep. Lee of
   Maine"), by pronoun (gender and number, the nearest person named as a subject; "it" is the
   body just named), or by description ("the harbour master": the person introduced with
   that title, else a guess at the last person quoted); a headline quotation with no cue
   goes to the person the headline names;
2. a transcript label at the start of the paragraph or quotation ("HALLORAN: …", "Q:");
3. the paragraph: an interrupted quotation ("“A,” he said, “B.”") has one speaker;
4. continuation: a paragraph that goes on with a quotation the previous one left open, or
   (in news) a bare quotation paragraph right after a quoted speaker;
5. alternation (dialogue): untagged turns alternate between the last two speakers.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from .cues import SENTENCE_END, Cue, cue_after, cue_before, sentence_subject
from .dialogue import fill_turns, is_dialogue, kin_mentions
from .lexicon import GROUP_NOUNS, NOT_NAMES, SUBJECT_PRONOUNS, TITLE_WORDS
from .mentions import Entity, NameParse, Registry, build_registry, find_runs, merge_forms, parse_run
from .model import Analysis, Document, Quote, Speaker
from .narrator import find_narrator, narrator_entity, narrator_mentions
from .transcripts import LABEL

_SENTENCE_BREAK = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)[.!?][”\"’']?\s+")
_LEAD_WORDS = re.compile(r"^(?:and|but|so|then|yet|or|also|now)\s+", re.IGNORECASE)
_ADDRESSEE = re.compile(r"(?<=\w)\s+(?:to|with|as|when|while|before|after|till|until)\s+\S.*$", re.DOTALL)
_BEFORE_WHO = re.compile(r"(?P<name>(?:(?:Mr|Mrs|Ms|Dr)\.\s)?[A-Z][\w’']+(?:\s[A-Z][\w’']+)*),\s*$")
_RANK_ADDRESS = {"ladyship": ("lady",), "lordship": ("lord", "sir")}
_TRAILING_ADVERB = re.compile(r"(?<=\w)(?:\s+[a-z]+ly)+$")
_ROLE_NOUNS = frozenset("""
president leader governor senator nominee candidate secretary minister chairman chairwoman
spokesman spokeswoman official congressman congresswoman mayor director chief ambassador judge
wife husband mother father daughter son brother sister aunt uncle niece nephew cousin lady
gentleman man woman girl boy friend lawyer attorney economist analyst professor host anchor
businessman billionaire mogul
""".split())
_FEMALE_ROLES = frozenset("wife mother daughter sister aunt niece lady woman girl chairwoman spokeswoman congresswoman".split())
_MALE_ROLES = frozenset("husband father son brother uncle nephew gentleman man boy chairman spokesman congressman businessman".split())

_PLURAL_DETERMINERS = frozenset("the many some several most both all two three four five".split())
_HEAD_CUT = re.compile(r"\s*\(|,|\s+[-—–―]+\s+|\s+(?:of|for|at|from|in|with|on)\s+(?=\S)|\s+(?:\w+ed\s+)?by\s+(?=\S)")
_OUTER_CUT = re.compile(r"\s*\(|,|\s+[-—–―]+\s+")
_CONTRACTED = re.compile(r"(?<=^[Ii]t)[’'](?:s|d|ll)$|(?<=^[Hh]e)[’'](?:s|d|ll)$|(?<=^[Ss]he)[’'](?:s|d|ll)$|(?<=^[Tt]hey)[’'](?:re|ve|d|ll)$")
_POSSESSIVE_END = re.compile(r"[’']s?$")
# "Maine Gov. Ann Lee" is "the Maine governor"
_TITLE_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                        "lt": "lieutenant", "sec": "secretary", "pres": "president", "amb": "ambassador",
                        "atty": "attorney", "supt": "superintendent", "prof": "professor", "dr": "doctor",
                        "del": "delegate", "adm": "admiral", "col": "colonel", "sgt": "sergeant", "capt": "captain"}
_NEWLINES = re.compile(r"\n\s*")
_DOCUMENTS = frozenset("""statement report letter memo study survey poll ad advertisement clip video book
memoir article piece editorial complaint lawsuit filing ruling transcript""".split())
_AFTER_SPEECH_VERB = re.compile(r"\b(?:said|says|told|tells|argued|argues|noted|notes|added|adds|insisted|"
                                r"claimed|claims|warned|warns|wrote|writes)\s+(?:that\s+)?$")
_LESSER = frozenset("vice deputy assistant associate acting former".split())
_POSSESSOR = re.compile(r"[A-Z][\w.-]*[’']s?\s+[a-z]")
_KIN = frozenset("wife husband mother father lady aunt uncle sister brother niece nephew cousin".split())
_ELDERS = frozenset("wife husband mother father lady aunt uncle".split())

_SENTENCE_REACH = 600

CONF = {"cue": 0.95, "narrator": 0.9, "pronoun": 0.8, "description": 0.7, "transcript": 0.9, "continuation": 0.7,
        "alternation": 0.5, "none": 0.0}
# A description ("the senator said") that no one was introduced with: reported as "description",
# with a confidence low enough for the reader to see the colour dimmed.
GUESS = "description guessed"
CONF[GUESS] = 0.45


_NO_PARSE = NameParse((), "", (), "person")


def _names_someone(run: str, reg: Registry) -> bool:
    """A capitalised run that is a name, not a capitalised common noun ("Officials") or a
    sentence's first word ("Tired parents filled the hall"): one word must be a name the text uses."""
    p = parse_run(run)
    if p is None or p.tokens[-1].lower() in GROUP_NOUNS or p.tokens[-1].lower() in _ROLE_NOUNS:
        return False
    if len(p.tokens) > 1 or p.honorific or p.kind == "org":
        return True
    word = p.tokens[0].lower()
    return any(len(e.tokens) > 1 for e in reg._by_last.get(word, []) + reg._by_first.get(word, []))


class _Speakers:
    """Speakers handed out so far: one per entity, one per group phrase."""

    def __init__(self, reg: Registry) -> None:
        self.reg = reg
        self.ids: dict[object, int] = {}
        self.entity_of: dict[int, Entity | None] = {}
        self.labels: dict[int, tuple[str, list[str], str | None, str]] = {}
        self.history: list[tuple[int, int]] = []  # (position, speaker id) of attributed quotes

    def of_entity(self, e: Entity) -> int:
        sid = self.ids.get(e.id)
        if sid is None:
            sid = self.ids[e.id] = len(self.ids) + 1
            self.entity_of[sid] = e
        return sid

    def of_group(self, label: str) -> int:
        key = ("group", label.lower())
        sid = self.ids.get(key)
        if sid is None:
            sid = self.ids[key] = len(self.ids) + 1
            self.entity_of[sid] = None
            self.labels[sid] = (label, [label], None, "group")
        return sid

    def speakers(self) -> tuple[Speaker, ...]:
        out = []
        for sid in sorted(self.entity_of):
            e = self.entity_of[sid]
            if e is None:
                name, aliases, gender, kind = self.labels[sid]
                out.append(Speaker(sid, name, tuple(aliases), gender, kind))
            else:
                kind = "group" if e.kind != "person" else "person"
                aliases = tuple(dict.fromkeys([e.name] + e.aliases))
                out.append(Speaker(sid, e.name, aliases, e.gender, kind))
        return tuple(out)


class _Resolver:
    def __init__(self, text: str, reg: Registry, mentions, speakers: _Speakers) -> None:
        self.text = text
        self.reg = reg
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.sp = speakers
        self.news = False  # news prose: a full name of unknown gender is still a person
        self.narrator: Entity | None = None  # who "I said" is, in a novel told in the first person

    def recent(self, pos: int, gender: str | None, want_speaker: bool = False) -> Entity | None:
        """The person most recently mentioned as a subject (or quoted) before ``pos`` who fits
        ``gender``.  A person known to have that gender wins over a nearer one of unknown gender.
        """
        i = bisect.bisect_left(self.starts, pos) - 1
        h = len(self.sp.history) - 1
        while h >= 0 and self.sp.history[h][0] >= pos:
            h -= 1
        steps = 0
        fallback = None
        other = None  # a fitting person named as an object, when no subject fits
        while (i >= 0 or h >= 0) and steps < 80:
            steps += 1
            from_mention = not (h >= 0 and (i < 0 or self.sp.history[h][0] > self.mentions[i].start))
            if not from_mention:
                e = self.sp.entity_of.get(self.sp.history[h][1])
                h -= 1
                if e is None:
                    continue
            else:
                men = self.mentions[i]
                i -= 1
                e = men.entity
                if not men.subj:
                    if (other is None and gender and e.gender == gender and e.personlike
                            and not _AFTER_SPEECH_VERB.search(self.text, max(0, men.start - 20), men.start)):
                        other = e  # (not "Quist said Voss does …": Voss is what was said about)
                    continue
            if not e.personlike:
                continue
            if gender is None or e.gender == gender:
                if from_mention and gender:
                    return self._sentence_subject(i + 1, pos, gender) or e
                return e
            if e.gender is None and fallback is None:
                fallback = e
                if len(e.tokens) > 1 and (e.spoke or self.news):
                    # a quoted person whose gender the text never showed, unless someone of the
                    # right gender was named after them, nearer the pronoun
                    return other or e
        return other or fallback

    def _sentence_subject(self, i: int, pos: int, gender: str | None) -> Entity | None:
        """"Anne observed that Mary was tired, and she added": the subject opening the sentence
        that holds both the mention ``i`` and the pronoun at ``pos`` is who the pronoun means."""
        lo = max(0, pos - 400)
        at = self.mentions[i].start
        cut = [m.end() for m in _SENTENCE_BREAK.finditer(self.text, lo, at)]
        start = max(cut[-1] if cut else lo, self.text.rfind("\n", lo, at) + 1)
        if start == lo or "\n" in self.text[at:pos]:
            return None
        j = bisect.bisect_left(self.starts, start)
        if j >= i:
            return None
        first = self.mentions[j]
        e = first.entity
        if first.subj and e.personlike and e.gender == gender and first.start - start < 40:
            return e
        return None

    def last_speaker(self, pos: int, gender: str | None = None, person: bool = False) -> int | None:
        for p, sid in reversed(self.sp.history):
            if p >= pos:
                continue
            e = self.sp.entity_of.get(sid)
            if gender and (e is None or e.gender not in (gender, None)):
                continue
            if person and (e is None or e.kind != "person"):
                continue  # "the governor said": a person, not the last body quoted
            return sid
        return None

    def resolve(self, np: str, at: int) -> tuple[int | None, str]:
        """Speaker id and method for a cue's noun phrase."""
        np = _LEAD_WORDS.sub("", np.strip())
        np = _ADDRESSEE.sub("", np)  # "said Miss Penrose to her cousin", "called her uncle as the boat left"
        np = _TRAILING_ADVERB.sub("", np)  # "shouted the ferryman angrily"
        np = _CONTRACTED.sub("", np)  # "She’s insisting that …": she
        if np in ("It", "it"):
            np = "it"
        cut = _HEAD_CUT.search(np)
        if cut and cut.start() > 0:
            # "Rep. Ann Lee of Maine", "Mr. Roe (D-Vt.), a member", "a voice in the video":
            # the speaker is the phrase before the modifier, when it names someone
            head_np = np[:cut.start()].rstrip()
            hw = head_np.split()
            named = any(_names_someone(r, self.reg) for _, _, r in find_runs(head_np, 0, len(head_np)))
            if named:
                got = self.resolve(head_np, at)
                if got[0] is not None:
                    return got
            elif hw and hw[-1].lower() in GROUP_NOUNS:
                # a group keeps its qualifier as its label: "officials at the border agency"
                outer = _OUTER_CUT.search(np)
                return self.sp.of_group(np[:outer.start()].rstrip() if outer else np), "cue"
        low = np.lower()
        if low == "who":
            return self._relative(at)
        if low in SUBJECT_PRONOUNS:
            g = SUBJECT_PRONOUNS[low]
            if g in ("m", "f"):
                e = self.recent(at, g)
                return (self.sp.of_entity(e), "pronoun") if e else (None, "none")
            if g == "p":
                sid = self._last_group(at) or self._plural_subject(at)
                return (sid, "pronoun") if sid else (None, "none")
            if g == "n":
                sid = self._body_subject(at)
                return (sid, "pronoun") if sid else (None, "none")
            if g == "1" and low == "i" and self.narrator is not None:
                return self.sp.of_entity(self.narrator), "narrator"
            return None, "none"
        words = np.split()
        if not words:
            return None, "none"
        head = words[-1].lower().strip(".,’'")
        if head in _RANK_ADDRESS and len(words) == 2:
            e = self._titled(at, _RANK_ADDRESS[head])
            if e is not None:
                return self.sp.of_entity(e), "description"
        caps = [(at + s, at + e, r) for s, e, r in find_runs(np, 0, len(np))]
        if caps and _POSSESSOR.search(np) and words[-1][:1].islower():
            # "Okafor's former press secretary", "Ida Brandt's dentist": not Okafor
            if head in _ROLE_NOUNS:
                got = self._description(np, head, at)
                if got[0] is not None and got[1] == "description":
                    return got
            return self.sp.of_group(np), "cue"
        honored = bool(caps) and caps[-1][1] - at >= len(np.rstrip(".,’'")) and bool(
            (parse_run(caps[-1][2]) or _NO_PARSE).honorific)  # "Ms. Judge", "Mr. Major"
        if caps and (honored or head not in GROUP_NOUNS and head not in _ROLE_NOUNS):
            s, e, run = caps[-1]
            p = parse_run(run) or self.reg.surname_parse(run)
            if p is not None:
                if p.kind == "org":
                    ent = self.reg.resolve(p, s)
                    return self.sp.of_entity(ent), "cue"
                ent = self.reg.resolve(p, s)
                return self.sp.of_entity(ent), "cue"
        if head in _ROLE_NOUNS and not (caps and head in GROUP_NOUNS and len(words) > 3):
            return self._description(np, head, at)
        if head in GROUP_NOUNS and len(words) <= 6:
            if head in _DOCUMENTS and words[0] in ("the", "The", "that", "That", "this", "This"):
                author = self._author_of(head, at)
                if author is not None:
                    return author, "description"
            if head in _DOCUMENTS and words[0] in ("its", "Its") and len(words) <= 3:
                body = self._body_subject(at)  # "The agency inspected it. Its report found “…”"
                if body is not None:
                    return body, "pronoun"
            return self.sp.of_group(np), "cue"
        return None, "none"

    def _author_of(self, head: str, at: int) -> int | None:
        """"The harbour board put out a notice … The notice said": whoever issued it, named in
        this paragraph or the two before."""
        lo = at
        for _ in range(3):
            lo = self.text.rfind("\n", 0, max(0, lo - 1))
            if lo < 0:
                lo = 0
                break
        rx = re.compile(rf"(?P<np>(?:[A-Z][\w.’'-]*\s+){{0,4}}[A-Z][\w.’'-]*)\s+(?:\w+ly\s+)?"
                        rf"(?:issued|released|sent|published|put out|posted|filed|aired|ran|wrote)\s+"
                        rf"(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+){{0,2}}{head}\b")
        found = None
        for found in rx.finditer(self.text, lo, at):
            pass
        if found is None:
            return None
        name = found.group("np")
        runs = list(find_runs(name, 0, len(name)))
        if not runs:
            return None
        p = parse_run(runs[-1][2])
        if p is None:
            return None
        return self.sp.of_entity(self.reg.resolve(p, found.start("np") + runs[-1][0]))

    def _body_subject(self, at: int) -> int | None:
        """"The agency is reviewing the case. It called the delay “regrettable”": "it" is the body
        (campaign, newspaper, agency) that was the subject of a sentence just before, in this
        paragraph or the one before it."""
        for np, np_at in self._subjects_before(at, paragraphs=2):
            words = np.split()
            head = words[-1].lower()
            if head in ("it", "he", "she", "they"):
                continue
            if head in GROUP_NOUNS and not head.endswith("s"):
                return self.sp.of_group(np)
            caps = list(find_runs(np, 0, len(np)))
            if caps:
                p = parse_run(caps[-1][2])
                if p is not None and p.kind == "org" and caps[-1][1] >= len(np.rstrip(".,’'")):
                    return self.sp.of_entity(self.reg.resolve(p, np_at + caps[-1][0]))
            return None  # the last sentence was about someone else
        return None

    def _plural_subject(self, at: int) -> int | None:
        """"The dockworkers gathered at the gate. “…,” they said.": the plural subject of a
        sentence earlier in the paragraph."""
        for np, _ in self._subjects_before(at, paragraphs=1):
            words = np.split()
            head = words[-1]
            if (head[:1].islower() and head.endswith("s") and not head.endswith("ss")
                    and (head in GROUP_NOUNS or words[0].lower() in _PLURAL_DETERMINERS)):
                return self.sp.of_group(np)
        return None

    def _subjects_before(self, at: int, paragraphs: int):
        """(phrase, offset) of the subjects of the sentences before ``at``, nearest first, in its
        paragraph and (``paragraphs=2``) the one before it."""
        lo = self.text.rfind("\n", 0, at)  # the start of this paragraph, less one; -1 in the first
        if paragraphs > 1 and lo > 0:
            lo = self.text.rfind("\n", 0, lo)
        lo += 1
        starts = {lo} | {m.end() for m in SENTENCE_END.finditer(self.text, lo, at)}
        starts |= {m.end() for m in _NEWLINES.finditer(self.text, lo, at)}  # paragraphs, headings
        for s in sorted(starts, reverse=True):
            got = sentence_subject(self.text, s, at)
            if got:
                yield got

    def _relative(self, at: int) -> tuple[int | None, str]:
        """"... by Anne, who, turning round, cried": the name the relative clause hangs on."""
        m = _BEFORE_WHO.search(self.text, max(0, at - 80), at)
        if m is None:
            return None, "none"
        p = parse_run(m.group("name"))
        if p is None or p.kind != "person":
            return None, "none"
        return self.sp.of_entity(self.reg.resolve(p, m.start("name"))), "cue"

    def _titled(self, at: int, styles: tuple[str, ...]) -> Entity | None:
        """"her ladyship": the person named with Lady most recently before ``at``."""
        i = bisect.bisect_left(self.starts, at) - 1
        while i >= 0 and at - self.mentions[i].start < 20000:
            e = self.mentions[i].entity
            if (e.style or e.honorific).lower() in styles:
                return e
            i -= 1
        return None

    def _last_group(self, at: int) -> int | None:
        for p, sid in reversed(self.sp.history):
            if p < at:
                e = self.sp.entity_of.get(sid)
                if e is None or e.kind != "person":
                    return sid
                return None
        return None

    def _kin(self, np: str, head: str, at: int) -> Entity | None:
        """"his wife", "her father": the married-name person (Mr./Mrs.) of the right gender,
        sharing the possessor's surname when the possessor has one."""
        gender = "f" if head in _FEMALE_ROLES else "m"
        poss = np.split()[0].lower()
        owner = self.recent(at, "m" if poss == "his" else "f" if poss == "her" else None)
        hon = "mrs." if gender == "f" else "mr."
        if owner is not None and owner.honorific:
            e = self.reg._by_hon.get((hon, owner.surname.lower()))
            if e is not None and e is not owner:
                return e
        elder = head in _ELDERS
        i = bisect.bisect_left(self.starts, at) - 1
        steps = 0
        while i >= 0 and steps < 120:
            e = self.mentions[i].entity
            i -= 1
            steps += 1
            if e is owner or e.kind != "person" or e.gender != gender:
                continue
            if elder and e.honorific.lower() not in ("mr.", "mrs.", "sir", "lady"):
                continue
            if owner is not None and elder and owner.honorific and e.honorific.lower() != hon:
                continue
            return e
        return None

    def _description(self, np: str, head: str, at: int) -> tuple[int | None, str]:
        gender = "f" if head in _FEMALE_ROLES else "m" if head in _MALE_ROLES else None
        if head in _KIN and np.split()[0].lower() in ("his", "her", "their"):
            e = self._kin(np, head, at)
            if e is not None:
                return self.sp.of_entity(e), "description"
        mods = {w.lower() for w in np.split()[:-1]} - {"the", "a", "an", "his", "her", "their", "its"}
        best, best_score = None, 0
        for e in self.reg.entities:
            if e.kind != "person" or not e.positions or e.positions[0] > at:
                continue
            if gender and e.gender not in (gender, None):
                continue
            titles = e.titles | {_TITLE_ABBREVIATIONS[t] for t in e.titles if t in _TITLE_ABBREVIATIONS}
            score = 0
            if head in titles:
                score += 2 + len(mods & titles)
                # "the president" is not the vice president or the deputy director
                score -= 1.5 * len((titles & _LESSER) - mods)
            if score:
                score += 0.001 * e.last_before(at) / max(1, len(self.text))
            if score > best_score:
                best, best_score = e, score
        if best is not None:
            return self.sp.of_entity(best), "description"
        if np.split()[0].lower() in ("his", "her", "their"):
            if head in GROUP_NOUNS and head not in _KIN:
                # "His spokesman said": someone speaking for him, not him
                return self.sp.of_group(np), "cue"
            e = self.recent(at, gender)
            if e:
                return self.sp.of_entity(e), "description"
        # nobody was introduced with this title: the latest speaker is a guess, and says so
        sid = self.last_speaker(at, gender, person=True)
        if sid is not None:
            return sid, GUESS
        e = self.recent(at, gender)
        if e:
            return self.sp.of_entity(e), GUESS
        if head in _KIN and np.split()[0].lower() in ("his", "her"):
            return None, "none"  # "his wife" before anyone is named: a person, but not yet known
        return self.sp.of_group(np), "cue"  # nobody introduced yet: "the senator" stands alone


_CAP_WORD = re.compile(r"[A-Z][\w’'.-]+")


def _headline_person(text: str, lo: int, hi: int, reg: Registry) -> Entity | None:
    """The first person named in a headline before ``hi`` whom the article also names."""
    words = [_POSSESSIVE_END.sub("", w) for w in _CAP_WORD.findall(text, lo, hi)]
    for i, w in enumerate(words):
        if i + 1 < len(words):
            e = reg._full.get((w.lower(), words[i + 1].lower()))
            if e is not None and e.kind == "person" and len(e.positions) > 1:
                return e
        cands = [e for e in reg._by_last.get(w.lower(), []) if e.kind == "person" and len(e.tokens) > 1]
        if cands:
            e = max(cands, key=lambda c: len(c.positions))
            if len(e.positions) > 1:
                return e
    return None


def _one_sentence(text: str, lo: int, hi: int) -> bool:
    """Is text[lo:hi] (between two quotations) one sentence that ends right before the second?"""
    gap = text[lo:hi].rstrip()
    if not gap or gap[-1] not in ".!?" or "\n" in gap:
        return False
    ends = [m.end() for m in SENTENCE_END.finditer(text, lo, min(len(text), hi + 1))]
    return len(ends) == 1 and not text[ends[0]:hi].strip()


def _blank_quotes(text: str, quotes: list[Quote]) -> str:
    """``text`` with every quotation's words replaced by ';' (offsets kept): the narrative around
    a quotation reads as one sentence, and nothing inside a quotation passes for a cue."""
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


def _narrative_segments(doc: Document, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Text outside quotation marks, block by block."""
    segs = []
    qi = 0
    for b in doc.blocks:
        pos = b.start
        while qi < len(quotes) and quotes[qi].mark_start < b.end:
            q = quotes[qi]
            if q.mark_start > pos:
                segs.append((pos, q.mark_start))
            pos = max(pos, q.mark_end)
            qi += 1
        if pos < b.end:
            segs.append((pos, b.end))
    return segs


def attribute(doc: Document, quotes: list[Quote]) -> Analysis:
    """Speakers for ``quotes``: cues paragraph by paragraph, then what carries across paragraphs,
    then (in novels) the turns of each conversation."""
    text = doc.text
    quotes = sorted(quotes, key=lambda q: q.mark_start)
    segs = _narrative_segments(doc, quotes)
    reg, mentions = build_registry(text, segs)
    dialogue = is_dialogue(doc, quotes)
    if dialogue:
        merge_forms(reg, mentions)
    sp = _Speakers(reg)
    res = _Resolver(text, reg, mentions, sp)
    if dialogue:
        # "Her father put down the paper. He said, ...": the father is someone a he can point to
        mentions = kin_mentions(text, segs, mentions, res)
        res = _Resolver(text, reg, mentions, sp)
    res.news = not dialogue
    narrator = find_narrator(doc, quotes) if dialogue else None
    if narrator is not None:
        res.narrator = narrator_entity(reg, narrator)

    by_block: dict[int, list[int]] = {}  # quotation indexes by paragraph
    for i, q in enumerate(quotes):
        by_block.setdefault(doc.block_index_at(q.mark_start) or 0, []).append(i)

    state = _Pass(doc, quotes, res, dialogue, _blank_quotes(text, quotes))
    for bi in sorted(by_block):
        state.paragraph(bi, by_block)
    _across_paragraphs(doc, quotes, state.result, by_block, res, dialogue)
    if dialogue:
        turn_mentions = res.mentions
        if res.narrator is not None:
            # "I looked up. “…”": the narrator acting before a turn is someone, for the turns
            turn_mentions = narrator_mentions(text, segs, res.mentions, res.narrator)
        fill_turns(doc, quotes, state.result, by_block, res, reg, sp, turn_mentions, state.pron)
    return _analysis(quotes, state.result, sp)


Result = tuple[int | None, str | None, str]  # speaker id, cue words, method


class _Pass:
    """The paragraph-by-paragraph pass: each quotation's own evidence (a transcript label, a cue
    before or after it, a headline's person), then its paragraph's neighbours."""

    def __init__(self, doc: Document, quotes: list[Quote], res: _Resolver, dialogue: bool, masked: str) -> None:
        self.doc, self.text, self.quotes, self.res, self.dialogue = doc, doc.text, quotes, res, dialogue
        self.sp, self.reg = res.sp, res.reg
        self.masked = masked  # the text with quoted words blanked out
        self.result: list[Result] = [(None, None, "none")] * len(quotes)
        self.after_cued: dict[int, bool] = {}  # quotes whose speaker was named right after them
        self.pron: dict[int, str | None] = {}  # quotes attributed by a pronoun: its gender

    def paragraph(self, bi: int, by_block: dict[int, list[int]]) -> None:
        idx = by_block[bi]
        for k, i in enumerate(idx):
            sid, cue, method = self._transcript(bi, idx, k)
            if sid is None:
                sid, cue, method = self._cued(bi, idx, k, by_block)
            if sid is None and self.doc.blocks[bi].kind == "heading" and self.quotes[i].kind != "title":
                # "Okafor Presses Harbour Board: ‘Who Signed This Lease?’": the person the
                # headline names, when the article names them too
                e = _headline_person(self.text, self.doc.blocks[bi].start, self.quotes[i].mark_start, self.reg)
                if e is not None:
                    sid, cue, method = self.sp.of_entity(e), None, "description"
            if sid is not None:
                self.sp.history.append((self.quotes[i].mark_start, sid))
            self.result[i] = (sid, cue, method)
        _share_in_paragraph(idx, self.quotes, self.result)

    def _transcript(self, bi: int, idx: list[int], k: int) -> Result:
        """"HALLORAN: …" at the start of the quotation or of its paragraph."""
        text, q, block = self.text, self.quotes[idx[k]], self.doc.blocks[bi]
        m = LABEL.match(text, q.start) or (LABEL.match(text, block.start) if k == 0 else None)
        if m and m.group("label").strip(".") not in ("A", "Q") and m.group("label").lower() not in NOT_NAMES:
            label = m.group("label").title()
            p = parse_run(label)
            if p:
                return self.sp.of_entity(self.reg.resolve(p, q.start)), ":", "transcript"
            if label.lower().strip(". ") in TITLE_WORDS:
                return self.sp.of_group(label.strip(". ")), ":", "transcript"  # "REPORTER:"
        return None, None, "none"

    def _cued(self, bi: int, idx: list[int], k: int, by_block: dict[int, list[int]]) -> Result:
        """The first cue next to the quotation whose phrase resolves to someone."""
        text, quotes, block = self.text, self.quotes, self.doc.blocks[bi]
        i = idx[k]
        q = quotes[i]
        right_hi = quotes[idx[k + 1]].mark_start if k + 1 < len(idx) else block.end
        after = cue_after(text, q.mark_end, right_hi)
        # the sentence may have begun before an earlier quotation in the paragraph (a title, a
        # scare quote): read it with the quoted words blanked out
        j = k - 1
        while j >= 0 and quotes[idx[j]].kind != "direct":
            j -= 1
        lo_before = quotes[idx[j]].mark_end if j >= 0 else block.start
        # no sentence is longer than this: a paragraph of a thousand short quotations must not
        # be read back to its start for each of them
        lo_before = max(lo_before, q.mark_start - _SENTENCE_REACH)
        befores = list(cue_before(self.masked, lo_before, q.mark_start,
                                  max_words=40 if q.kind == "partial" else 25,
                                  headline=block.kind == "heading"))
        candidates: list[Cue] = []
        inherited: Result | None = None
        if after and after.near and q.kind != "partial":
            candidates.append(after)
        elif (not self.dialogue and k and self.after_cued.get(idx[k - 1])
              and _one_sentence(text, quotes[idx[k - 1]].mark_end, q.mark_start)):
            # "“A,” Okafor said at the quay, which Brandt had closed. “B.”": a quotation opening
            # the sentence after its neighbour's cue goes on with that speaker (as sure as the
            # neighbour's cue), unless a cue after it names someone
            inherited = self.result[idx[k - 1]]
            befores = []
        candidates += [c for c in befores if c.side == "before"]
        if after and after.near and q.kind == "partial":
            candidates.append(after)
        if after and not after.near:
            candidates.append(after)
        candidates += [c for c in befores if c.side != "before"]
        if inherited is None and k == 0 and q.mark_start == block.start and bi - 1 not in by_block and bi > 0:
            # "…the baker wiped her hands, and said," / "he continued:" closing the paragraph before
            prev = self.doc.blocks[bi - 1]
            if text[prev.start:prev.end].rstrip()[-1:] in (",", ":", "-", "—"):
                lead = [c for c in cue_before(text, prev.start, prev.end, max_words=4) if c.side == "before"]
                candidates = lead[:1] + candidates
        found = self._first_resolved(i, candidates)
        return inherited if found[0] is None and inherited is not None else found

    def _first_resolved(self, i: int, candidates: list[Cue]) -> Result:
        sp = self.sp
        for c in candidates:
            got, how = self.res.resolve(c.np, c.np_start)
            if got is None:
                continue
            ent = sp.entity_of.get(got)
            if c.side == "subject" and how == "cue" and ent is not None and not (ent.personlike or ent.kind == "org"):
                continue  # a capitalised word opening the sentence, not a person
            if how == "pronoun":
                self.pron[i] = SUBJECT_PRONOUNS.get(c.np.strip().lower())
            if ent is not None and how == "cue":
                ent.spoke += 1
            if c.side == "after" and c.near:
                self.after_cued[i] = True
            return got, c.verb, how
        return None, None, "none"


def _share_in_paragraph(idx: list[int], quotes: list[Quote], result: list[Result]) -> None:
    """Interrupted quotations ("“A,” she said, “B.”") share the speaker of their neighbour: the
    nearest attributed one before, else after (one pass each way, not a scan per quote)."""
    after: list[int | None] = [None] * len(idx)
    following = None
    for k in range(len(idx) - 1, -1, -1):
        after[k] = following
        if result[idx[k]][0] is not None:
            following = result[idx[k]][0]
    before = None
    for k, i in enumerate(idx):
        if result[i][0] is None and quotes[i].kind != "title":
            sid = before if before is not None else after[k]
            if sid is not None:
                result[i] = (sid, None, "continuation")
        if result[i][0] is not None:
            before = result[i][0]


def _across_paragraphs(doc: Document, quotes: list[Quote], result: list[Result], by_block: dict[int, list[int]],
                       res: _Resolver, dialogue: bool) -> None:
    """A paragraph that goes on with a quotation left open; in news, a bare quotation paragraph
    after a quoted one or after a paragraph about someone; and backwards, a quotation left open
    takes the speaker named in the paragraph that finishes it."""
    sp, mentions = res.sp, res.mentions
    block_order = sorted(by_block)
    for bi in block_order:
        idx = by_block[bi]
        block = doc.blocks[bi]
        first = idx[0]
        if result[first][0] is not None or quotes[first].kind == "title":
            continue
        sid, method = None, "none"
        prev_idx = by_block.get(bi - 1)
        if prev_idx is not None:
            last = prev_idx[-1]
            if quotes[last].continues and result[last][0] is not None:
                sid, method = result[last][0], "continuation"
            elif not dialogue and result[last][0] is not None and quotes[first].mark_start == block.start:
                sid, method = result[last][0], "continuation"
        elif not dialogue and bi > 0 and quotes[first].mark_start == block.start:
            # a bare quotation after a paragraph about someone: theirs
            prev = doc.blocks[bi - 1]
            lo = bisect.bisect_left(res.starts, prev.start)
            hi = bisect.bisect_left(res.starts, prev.end)
            for m in reversed(mentions[lo:hi]):
                if m.subj and m.entity.personlike:
                    sid, method = sp.of_entity(m.entity), "continuation"
                    break
        if sid is not None:
            for i in idx:
                if result[i][0] is None:
                    result[i] = (sid, None, method)
    for bi in reversed(block_order):
        nxt = by_block.get(bi + 1)
        last = by_block[bi][-1]
        if nxt and quotes[last].continues and result[last][0] is None and result[nxt[0]][0] is not None:
            result[last] = (result[nxt[0]][0], None, "continuation")


def _analysis(quotes: list[Quote], result: list[Result], sp: _Speakers) -> Analysis:
    """The quotations with their speakers, methods and confidences."""
    out = []
    for q, (sid, cue, method) in zip(quotes, result):
        conf = CONF.get(method, 0.0)
        if method == "continuation" and not q.continues:
            conf = 0.6
        method = "description" if method == GUESS else method
        out.append(dataclasses.replace(q, speaker=sid, cue=cue, method=method if sid else "none",
                                       confidence=conf if sid else 0.0))
    return Analysis(tuple(out), sp.speakers())
