"""Resolve the noun phrase of a speech cue to a speaker: a name, a pronoun, a description.

:class:`Speakers` hands out one speaker id per entity (person or organisation) and one per
group phrase; :class:`Resolver` answers "who is *the harbour master* / *she* / *Ms. Okafor*
here?" from the people the text has named so far and the speakers already quoted.  The rules
of ``attribution`` ask it; so does ``dialogue`` (who is "her father").
"""

from __future__ import annotations

import bisect
import re
from typing import Literal

from .cues import SENTENCE_END, last_match, sentence_subject
from .lexicon import GROUP_NOUNS, HONORIFICS, SUBJECT_PRONOUNS
from .mentions import Entity, Mention, NameParse, Registry, find_runs, honorific_key, parse_run
from .model import Gender, Speaker, SpeakerKind

_SENTENCE_BREAK = re.compile(r"[.!?](?<!\bMr[.!?])(?<!\bMrs[.!?])(?<!\bDr[.!?])(?<!\bSt[.!?])[”\"’']?\s+")  # mark first: fast
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
_NOT_A_SUBJECT = re.compile(r"(?:like|unlike|while|after|before|of|given|from|in|on|at|once|for|with|since|because|if|"
                            r"during|despite|within|without|through|about|into|by|under|over|among|amid|per)\s",
                            re.IGNORECASE)
_INDEFINITE = re.compile(r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+[a-zA-Z]")
_LABEL_CUT = re.compile(r"\s*\(|,|;|\s+[-—–―]+\s+|\s+(?:who|which|that|whose|when|as|after|before)\b|"
                        r"\s+to\s+(?:him|her|them|me|us|his|my)\b")
_DETERMINERS = frozenset("the a an this that these those its their his her our".split())
# a noun that may name a person or a group of them: "the organizer", "the plaintiffs", "the chairman"
_PERSON_NOUN = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|person|people|ee|ive|ary|s)$")
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
_VOICE_NOUNS = frozenset("voice voices lips tongue mouth".split())  # a person's, speaking for them
# nouns of qualities and acts, never a person ("the astonishment of Isabella", "Lucy's patience")
_ABSTRACT = re.compile(r"(?:ment|ness|tion|sion|ity|ance|ence|ship|hood|ism)$(?<!witness)")
_OF_NAME = re.compile(r"\s+of\s+((?:(?:Mr|Mrs|Ms|Dr)\.\s+|Miss\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")
_POSSESSOR = re.compile(r"[A-Z][\w.-]*[’']s?\s+[a-z]")
# what anyone may be called: not a title that picks one person out
_GENERIC_PEOPLE = frozenset("""man woman gentleman lady girl boy person fellow child stranger voice youth
maiden lad lass creature figure visitor newcomer""".split())
# callings a novel names by either word: "Roe, a surgeon" is "the doctor"
_SAME_CALLING = {"doctor": ("doctor", "surgeon", "physician"), "surgeon": ("surgeon", "doctor"),
                 "physician": ("physician", "doctor"), "priest": ("priest", "clergyman", "vicar", "rector", "curate"),
                 "clergyman": ("clergyman", "priest", "vicar", "rector", "curate", "reverend"),
                 "policeman": ("policeman", "constable", "officer"), "constable": ("constable", "policeman")}
_PLACE_PREPOSITIONS = frozenset({"from", "of", "in", "at", "near"})
_CONVERSATION = 3000  # characters back that a novel's "the girl" may point into
_FEMALE_RANKS = frozenset("""countess baroness duchess princess marchioness empress queen abbess governess hostess
mistress actress""".split())
_KIN = frozenset("wife husband mother father lady aunt uncle sister brother niece nephew cousin".split())
_BLOOD = frozenset("sister brother son daughter".split())
_ELDERS = frozenset("wife husband mother father lady aunt uncle".split())

# How a cue's phrase was resolved: by name ("cue"), by pronoun, by a description someone was
# introduced with, or by a description no one was ("guess": the latest speaker, dimmed).
How = Literal["cue", "narrator", "pronoun", "description", "guess", "none"]
Resolution = tuple[int | None, How]
GUESS: How = "guess"


_NO_PARSE = NameParse((), "", (), "person")
# "the doctor", "the old gentleman", "the first speaker": a person called by what they are
# ("the other", "the latter": whoever of the conversation that is, not a name of their own)
_THE_SOMEONE = re.compile(r"[Tt]he(?! (?:other|latter|former|first|second|same|one|rest|last)\b)(?: [a-z][a-z-]+){1,3}")


_DESCRIPTION_TAIL = re.compile(r"(?<=[a-z]) (?:(?:again|aloud|still|too|now|then|also|once|twice|"
                               r"without|her|him|them|it)\b|[a-z]{3,}ing\b"
                               r"(?<!darling)(?<!stripling)(?<!underling)(?<!foundling)).*$")
_THE_CAPITALISED = re.compile(r"[Tt]he(?: [A-Z][a-z-]+){1,3}")


def description_gender(np: str) -> str | None:
    """The gender a description gives its person: "the old lady" f, "the young man" m."""
    words = {w.lower() for w in np.split()}
    return "f" if words & _FEMALE_ROLES else "m" if words & _MALE_ROLES else None


def _names_someone(run: str, reg: Registry) -> bool:
    """A capitalised run that is a name, not a capitalised common noun ("Officials") or a
    sentence's first word ("Tired parents filled the hall"): one word must be a name the text uses."""
    p = parse_run(run)
    if p is None or p.tokens[-1].lower() in GROUP_NOUNS or p.tokens[-1].lower() in _ROLE_NOUNS:
        return False
    if len(p.tokens) > 1 or p.honorific or p.kind == "org":
        return True
    word = p.tokens[0].lower()
    return any(len(e.tokens) > 1 for e in reg.with_surname(word) + reg.with_given_name(word))


def _gender(g: str | None) -> Gender | None:
    return "m" if g == "m" else "f" if g == "f" else None


class Speakers:
    """Speakers handed out so far: one per entity, one per group phrase."""

    def __init__(self, reg: Registry) -> None:
        self.reg = reg
        self.ids: dict[object, int] = {}
        self.entity_of: dict[int, Entity | None] = {}
        self.labels: dict[int, str] = {}  # the phrase of each group speaker
        self.history: list[tuple[int, int]] = []  # (position, speaker id) of attributed quotes
        self.plain_labels = False  # a novel: label a person by the one word the narration uses (plain_name)

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
            self.labels[sid] = label
        return sid

    def speakers(self) -> tuple[Speaker, ...]:
        names = {sid: e.name if e is not None else self.labels[sid] for sid, e in self.entity_of.items()}
        if self.plain_labels:
            ones: dict[str, Entity] = {}  # who or what each one-word name means: the entity it names most
            for ent in self.reg.entities:
                word = ent.tokens[0] if len(ent.tokens) == 1 else max(
                    (f for f in ent.forms if " " not in f), key=ent.forms.__getitem__, default=None)
                if word is not None:
                    ones.setdefault(word, ent)
            plain = {sid: w for sid, e in self.entity_of.items() if e is not None and (w := e.plain_name(ones))}
            taken = list(names.values()) + list(plain.values())
            for sid, word in plain.items():
                if taken.count(word) == 1:  # never two speakers under one label
                    names[sid] = word
        out = []
        for sid in sorted(self.entity_of):
            e = self.entity_of[sid]
            if e is None:
                label = self.labels[sid]
                out.append(Speaker(sid, label, (label,), None, "group"))
            else:
                kind: SpeakerKind = "group" if e.kind != "person" else "person"
                aliases = tuple(dict.fromkeys([names[sid], e.name] + e.aliases))
                out.append(Speaker(sid, names[sid], aliases, _gender(e.gender), kind))
        return tuple(out)


class Resolver:
    """Who a cue's noun phrase means, at a place in the text."""

    def __init__(self, text: str, reg: Registry, mentions: list[Mention], speakers: Speakers) -> None:
        self.text = text
        self.reg = reg
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.sp = speakers
        self.news = False  # news prose: a full name of unknown gender is still a person
        self.narrator: Entity | None = None  # who "I" is, in a novel told in the first person
        self._role_index: dict[str, list[Entity]] | None = None

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
            if not e.personlike or e is self.narrator and gender:
                continue  # (a novel told in the first person: the narrator is "I", never "he" or "she")
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

    def resolve(self, np: str, at: int) -> Resolution:
        """Speaker id and method for a cue's noun phrase."""
        np = _LEAD_WORDS.sub("", np.strip())
        if self.news and _INDEFINITE.match(np):
            # "a spokeswoman for the agency", "one longtime adviser to the senator": someone the
            # text does not name, labelled as the text describes them, never an earlier person
            label = _LABEL_CUT.split(np, maxsplit=1)[0].strip()
            if label and len(label.split()) <= 10:
                return self.sp.of_group(label), "cue"
        np = _ADDRESSEE.sub("", np)  # "said Miss Penrose to her cousin", "called her uncle as the boat left"
        np = _TRAILING_ADVERB.sub("", np)  # "shouted the ferryman angrily"
        if not self.news and _THE_SOMEONE.match(np):
            # "said the doctor again", "cried the girl without a pause", "said the nurse rising":
            # the description ends before the words about how it was said
            ws = np.split()
            for k in range(1, len(ws) - 2):
                if (ws[k] in _GENERIC_PEOPLE or ws[k] in _ROLE_NOUNS) and ws[k + 1].endswith("ed"):
                    # "The child raised her head", "the lady resumed after": a verb with words after it
                    # ("the person addressed" is a description)
                    np = " ".join(ws[:k + 1])
                    break
            np = _DESCRIPTION_TAIL.sub("", np)
        np = _CONTRACTED.sub("", np)  # "She’s insisting that …": she
        if np in ("It", "it"):
            np = "it"
        if _NOT_A_SUBJECT.match(np):
            # "after Clinton", "Given Sanders’ lead", "in a clip": a phrase that opens with a
            # preposition is not who speaks; "Within hours of the vote Senator Voss": the name
            # after it is, when no preposition governs it
            runs = list(find_runs(np, 0, len(np)))
            before = np[:runs[-1][0]].split()[-1:] if runs else []
            if not runs or not before or _NOT_A_SUBJECT.match(before[0] + " ") or before[0].lower() in _DETERMINERS:
                return None, "none"
            np = np[runs[-1][0]:]
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
            elif (len(hw) >= 2 and hw[0].lower() in _DETERMINERS and all(w.islower() for w in hw[1:])
                  and not _PERSON_NOUN.search(hw[-1]) and hw[-1] not in _ROLE_NOUNS):
                # "The timing of Sanders’ surge", "The anxiety about Trump": a thing, not its owner
                return None, "none"
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
            if low == "i" and self.narrator is not None:
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
        if (not self.news and (head in _ROLE_NOUNS or head in GROUP_NOUNS or head in HONORIFICS)
                and _THE_CAPITALISED.fullmatch(np)):
            # a novel's "said the President", "said the Invisible Man", "said the King": a character
            # the text calls by a capitalised description or title, as if it were a name;
            # "said the Major" after "Major Callendar": him
            e = self._titled(at, (head,)) if head in HONORIFICS else None
            if e is not None:
                return self.sp.of_entity(e), "description"
            return self.sp.of_group("the" + np[3:]), "description"
        caps = [(at + s, at + e, r) for s, e, r in find_runs(np, 0, len(np))]
        if caps and _POSSESSOR.search(np) and words[-1][:1].islower():
            if not self.news and head in _VOICE_NOUNS and len(words) <= 4:
                # a novel's "cried Hamidullah's voice", "said the Rabbit's voice": whose voice it is
                return self.resolve(_POSSESSIVE_END.sub("", np[:caps[0][1] - at]), at)
            if (not self.news and head not in _ROLE_NOUNS and head not in GROUP_NOUNS and head not in _KIN
                    and head not in _GENERIC_PEOPLE and (not _PERSON_NOUN.search(head) or _ABSTRACT.search(head))):
                # "Miss Derek's faithful attachment to Chandrapore was now explained:" names no speaker
                return None, "none"
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
                if self.news or not ent.no_name:
                    # (news names its speakers once in full, and may name one only at sentence starts)
                    return self.sp.of_entity(ent), "cue"
                # a novel's "Having by this time recovered his breath, he said", "said the lady from
                # Geneva": a capital that names nobody is not who speaks
                before = np[:s - at].split()
                if len(before) >= 2 and before[-1].lower() in _PLACE_PREPOSITIONS:
                    return self.resolve(" ".join(before[:-1]), at)  # "the lady from Geneva": the lady
                return None, "none"
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
        if not self.news and _ABSTRACT.search(head) and words[0].lower() == "the":
            # a novel's "the astonishment of Isabella was hardly to be expressed:": whose it is
            i = self.text.find(np, at, at + 200)
            of = _OF_NAME.match(self.text, i + len(np)) if i >= 0 else None
            return self.resolve(of.group(1), at) if of else (None, "none")
        if not self.news and _THE_SOMEONE.fullmatch(np):
            # a novel's "said the doctor", "inquired the messenger": someone the text calls so
            e = self._by_role(np, head, at)
            if e is not None:
                return self.sp.of_entity(e), "description"
            return self.sp.of_group(np[0].lower() + np[1:]), "description"
        return None, "none"

    def _by_role(self, np: str, head: str, at: int) -> Entity | None:
        """A novel's "the count", "the surgeon": the person most recently named before ``at``
        whom the text called so ("Count Orlov", "Dr. Roe", "Roe, the surgeon"), of the gender
        the description gives ("the old countess")."""
        if head in _GENERIC_PEOPLE:
            return None  # "the old man": anyone; not a title someone was given
        if self._role_index is None:
            self._role_index = {}
            for e in self.reg.entities:
                if e.kind == "person":
                    for r in e.roles:
                        self._role_index.setdefault(r, []).append(e)
        words = {w.lower() for w in np.split()}
        gender = "f" if words & _FEMALE_ROLES or head in _FEMALE_RANKS else "m" if words & _MALE_ROLES else None
        best, last = None, -1
        for e in [e for r in _SAME_CALLING.get(head, (head,)) for e in self._role_index.get(r, ())]:
            if gender and e.gender not in (gender, None) or not e.personlike:
                continue
            p = e.last_before(at)
            if p > last:
                best, last = e, p
        return best

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
        found = last_match(rx, self.text, lo, at)
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

    def _relative(self, at: int) -> Resolution:
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
        keys = {honorific_key(s) for s in styles}  # "the Doctor" after "Dr. Roe"
        while i >= 0 and at - self.mentions[i].start < 20000:
            e = self.mentions[i].entity
            if honorific_key(e.style or e.honorific) in keys:
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

    def kin(self, np: str, head: str, at: int) -> Entity | None:
        """"his wife", "her father": the married-name person (Mr./Mrs.) of the right gender,
        sharing the possessor's surname when the possessor has one."""
        gender = "f" if head in _FEMALE_ROLES else "m"
        poss = np.split()[0].lower()
        owner = self.recent(at, "m" if poss == "his" else "f" if poss == "her" else None)
        hon = "mrs." if gender == "f" else "mr."
        if owner is not None and owner.honorific:
            e = self.reg.with_honorific(hon, owner.surname)
            if e is not None and e is not owner:
                return e
        elder = head in _ELDERS
        # "her sister", "his son": of the family the possessor's surname names, when the text gives one
        family = owner.tokens[-1] if owner is not None and len(owner.tokens) > 1 and head in _BLOOD else None
        other = None
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
            if family is not None and e.tokens[-1] != family:
                other = other or e
                continue
            return e
        return other

    def _description(self, np: str, head: str, at: int) -> Resolution:
        gender = "f" if head in _FEMALE_ROLES else "m" if head in _MALE_ROLES else None
        if (head in _KIN or head in _BLOOD and not self.news) and np.split()[0].lower() in ("his", "her", "their"):
            e = self.kin(np, head, at)
            if e is not None:
                return self.sp.of_entity(e), "description"
        mods = {w.lower() for w in np.split()[:-1]} - {"the", "a", "an", "his", "her", "their", "its"}
        best, best_score = None, 0.0
        # a novel's "the gentleman", "the girl": not a title anyone holds, whoever stood near the
        # word once ("the old gentleman" is, when the text set all of it before a name)
        anyone = not self.news and head in _GENERIC_PEOPLE and np.split()[0].lower() == "the"
        for e in () if anyone else self.reg.entities:
            if not e.personlike or not e.positions or e.positions[0] > at:
                continue  # (not "in England": the words before a place are not its titles)
            if gender and e.gender not in (gender, None):
                continue
            titles = e.titles | {_TITLE_ABBREVIATIONS[t] for t in e.titles if t in _TITLE_ABBREVIATIONS}
            score: float = 0
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
        if anyone:
            # "said the girl": a woman who spoke in this conversation, else whom the narration
            # just named; never a name from pages back (an unnamed character stays unnamed)
            for p, said in reversed(self.sp.history):
                if p < at - _CONVERSATION:
                    break
                e = self.sp.entity_of.get(said)
                if p < at and e is not None and e.kind == "person" and (gender is None or e.gender == gender):
                    return said, GUESS
            e = self.recent(at, gender)
            if e is not None and (gender is None or e.gender == gender) and e.last_before(at) >= at - _CONVERSATION:
                return self.sp.of_entity(e), GUESS
            return self.sp.of_group(np[0].lower() + np[1:]), "description"
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

