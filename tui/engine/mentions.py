"""People and groups named in a document: find name mentions, merge them into entities.

An entity is one person (or organisation) with every form the text uses for it: "Ada
Kesk", "Kesk", "Mayor Kesk".  Titles are kept apart from the name ("Harbourton Mayor"
is a title of Ada Kesk), so the canonical name is the fullest *name*, not the longest
phrase.  "Mr. Ashby" and "Mrs. Ashby" stay two entities: an honorific that fixes a gender is
part of how a surname-only person is known.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import (
    DIMINUTIVES,
    FEMALE_NAMES,
    GROUP_NOUNS,
    HONORIFICS,
    MALE_NAMES,
    MALE_PRONOUNS,
    NAME_HONORIFICS,
    NOT_NAMES,
    ORG_WORDS,
    SPEECH_VERBS,
    TITLE_WORDS,
)

# an abbreviation that goes on into a name ("Mr. Hale", "Gov. Brown", "Anna E. Price"); any other
# word's full stop ends its sentence ("to Jane. Mary laughed" is two names, not "Jane. Mary").
# Written as a capital, then what may follow that capital, so the pattern stays fast.
ABBREVIATIONS = ("Mr Mrs Ms Mx Maj Mt Messrs Mme Mlle Dr Del St Sr Sen Sens Sgt Sec Supt Jr Gov Gen Rep Reps Rev "
            "Lt Col Capt Cpt Cmdr Prof Pres Hon Adm Atty Amb Ft").split()
_AFTER_CAPITAL = "|".join(
    f"(?<={c})(?:{'|'.join(sorted((a[1:] for a in ABBREVIATIONS if a[0] == c), key=len, reverse=True))})\\."
    for c in sorted({a[0] for a in ABBREVIATIONS}))
# joined initials ("G.K.", "U.S.") are one token: "G.K. Butterfield" is not "K. Butterfield"
_CAP = rf"[A-Z](?:{_AFTER_CAPITAL}|\.(?:[A-Z]\.)*|[\w’']*(?:-[\w’']+)*)"
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_RUN = re.compile(rf"{_CAP}(?:\s(?:(?:de|De|van|von|del|da|di|la|le|bin|al)\s)?{_CAP}|\s[A-Z]\.)*")
_POSSESSIVE = re.compile(r"[’']s?$")
_POSSESSIVE_ENDS = ("’", "'", "’s", "'s")  # what _POSSESSIVE finds at the end of a run, without a regex
# "he" and "she" in any case, the subject pronouns that vote on a gender; written letter first (the
# "\b" before the word as a look-behind after its first letter) so the scan is fast
_PRONOUN = re.compile(r"[HhSs](?<!\w[HhSs])(?:(?<=[Hh])[Ee]|(?<=[Ss])[Hh][Ee])\b")


# English words that make a place name, not a person's: "North Dakota", "Cook County"
_PLACE_FIRST = frozenset("""north south east west northern southern eastern western central upper lower
new united saint san santa los las fort port mount lake cape""".split())
_PLACE_LAST = frozenset("""states islands island county city valley beach coast gulf sea ocean kingdom
republic river mountains heights province territory district state lake lakes street road square avenue
station hills falls bay harbour harbor abbey palace hotel""".split())
# a word of nationality or language ("English", "Chinese"): an adjective, never a name; before
# another capital it makes a place or a body ("the English Lakes", "the Chinese Embassy")
_NATIONALITY = frozenset("""english irish british scottish welsh spanish danish swedish polish turkish flemish cornish
finnish kurdish jewish french dutch german italian russian american canadian indian chinese japanese portuguese
maltese siamese burmese viennese genoese lebanese greek swiss belgian austrian hungarian prussian bavarian
norwegian egyptian persian arabian african asian european parisian mexican brazilian australian""".split())
# a shouted word run into a name ("JUNIOR Avonlea", a heading's capitals): not a given name
_SHOUTED = re.compile(r"[A-Z]{5,}")
_PERSON_TITLES = TITLE_WORDS - frozenset("""former state house senate democratic republican acting vice
general chief deputy""".split())
_FEMALE_TITLES = frozenset("""widow wife mother daughter sister aunt niece grandmother girlfriend actress
chairwoman spokeswoman congresswoman councilwoman assemblywoman businesswoman waitress queen princess
duchess woman girl lady""".split())
_MALE_TITLES = frozenset("""widower husband father son brother uncle nephew grandfather boyfriend actor
chairman spokesman congressman councilman assemblyman businessman waiter king prince duke man boy""".split())
_APPOSED_NOUN = re.compile(r",\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,4}?(?P<n>[a-z]+)\b"
                           r"(?=\s*[,.;]|\s+(?:of|who|from|at|in|and)\b)")
_SPEAKS_NEXT = re.compile(r"(?:\s*\([^)]{0,40}\))?\s+(?:\w+ly\s+)?(?:said|says|told|tells|wrote|writes|added|adds|"
                          r"argued|argues|explained|noted|insisted|asked|tweeted|testified)\b")
_SHOUTED_LEAD = re.compile(r"(?:[A-Z]{2,}\s+)+[A-Z]{4,}\s|[A-Z]{7,}\s")  # "THE HARBOUR Long before …": a heading run on
# what a name may be introduced as in news, capitalised at a sentence start ("Resident Ana Ruiz")
_ROLE_TITLES = frozenset("""resident voter member veteran student teacher activist neighbor neighbour owner
widow widower spokesperson journalist correspondent scholar""".split())
_PLURAL_HONORIFICS = frozenset({"messrs", "mesdames", "mmes"})
_SURNAME_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr.".split())
_OPENS_SENTENCE = re.compile(r"[.!?:;”\"’'—-]\s*$|^\s*$")
_PLACE_WORDS = frozenset("in at from to across near into outside inside toward towards through around".split())


@dataclass
class Entity:
    id: int
    tokens: tuple[str, ...]  # the fullest name, titles removed
    honorific: str = ""  # "Mr." / "Mrs." when only known that way
    style: str = ""  # "Sir" / "Lady" that goes with the full name ("Sir Hugo Marlowe")
    gender: str | None = None
    kind: str = "person"  # person or group
    aliases: list[str] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)  # what the text calls them: "Dr. Roe", "Roe, the surgeon"
    positions: list[int] = field(default_factory=list)  # where it is mentioned (sorted)
    votes: dict[str, int] = field(default_factory=lambda: {"m": 0, "f": 0})
    place: int = 0  # mentions after "in", "at", "from": a place, not a person
    subject: int = 0  # mentions elsewhere
    spoke: int = 0  # times named as the subject of a speech cue
    kin_votes: list[str] = field(default_factory=list)  # genders of titles right before the name
    after_the: int = 0  # mentions right after "the" ("said the Gryphon")
    after_a: int = 0  # mentions right after "a" or "an" ("more than a Faith"): a noun, when all are
    definite: bool = False  # named with "the" ("the Gryphon"): a character called by a noun
    spoken_full: str = ""  # the full name the characters give a given name ("this is Tom Pell")
    mid_sentence: bool = False  # named somewhere other than at the start of a sentence
    # how the text addresses a person it also names in full ("Dr. Lal" for Pran Lal): honorific -> times
    addressed: dict[str, int] = field(default_factory=dict)
    # times the narration writes each form: a full name with or without its title, a one-word name untitled
    forms: dict[str, int] = field(default_factory=dict)
    full_late: int = 0  # one-word mentions before the narration first writes the full name
    full_odd: tuple[str, ...] = ()  # words of that full name the text also writes in lower case

    @property
    def personlike(self) -> bool:
        if self.kind != "person":
            return False
        if self.honorific or self.spoke or self.titles & _PERSON_TITLES:
            return True  # "President Marek", "Sen. Finch": a title only people hold
        if self.positions and self.after_a == len(self.positions):
            return False  # "more than a Faith, more than a battle-cry": never a name, only a noun
        if len(self.tokens) == 1 and not self.mid_sentence:
            return False  # "Thereafter he …", "Kindness was …": a capital only because it opens a sentence
        if len(self.tokens) > 1 and given_gender(self.tokens[0]) is not None:
            return True  # "wrote to Mary Colton": a given name and a surname, a person after "to"
        if self.place * 2 > self.subject:
            return False
        return len(self.tokens) > 1 or given_gender(self.tokens[0]) is not None

    @property
    def no_name(self) -> bool:
        """A capitalised word the text never treats as anyone's name: "Having" or "Liking" opening
        sentences, "Geneva" mostly after "in" or "from".  Nobody titles it, and it never says a thing."""
        if (self.kind != "person" or len(self.tokens) > 1 or self.definite or self.honorific or self.spoke
                or self.titles & _PERSON_TITLES):
            return False
        return not self.mid_sentence or self.place >= 3 and self.place > 2 * self.subject

    @property
    def name(self) -> str:
        if self.spoken_full:
            return self.spoken_full
        if self.definite:
            return "the " + " ".join(self.tokens)
        if self.honorific and len(self.tokens) == 1:
            return f"{self.honorific} {self.tokens[0]}"
        if self.style:
            return f"{self.style} {' '.join(self.tokens)}"
        if self.addressed and len(self.tokens) > 1:
            # the whole of how they are known: "Dr. Pran Lal", "Miss Ivy Ruth", "Rev. Tom Hale"
            best = max(self.addressed, key=self.addressed.__getitem__)  # (the first seen of equals)
            return f"{best} {' '.join(self.tokens)}"
        return " ".join(self.tokens)

    def plain_name(self, others: dict[str, Entity]) -> str | None:
        """A novel's one-word name for a person whose fuller name the narration writes only once, long
        after naming them by the one word, and with a word in it that is not theirs: an ordinary word
        ("what a Foolish Piglet"), or the one-word name of someone or somewhere else ("Katharine
        Cassandra; Cassandra Katharine they alternated", "the terraces of the Lilas Brett ordered").
        ``others``: whom each one-word name means (a one-word entity, or the entity that word names most)."""
        if self.kind != "person" or len(self.tokens) < 2 or self.spoken_full or self.style or self.definite:
            return None
        if self.forms.get(" ".join(self.tokens), 0) != 1 or self.full_late < _PLAIN_NAME_USES:
            return None
        word = max((f for f in self.forms if " " not in f), key=self.forms.__getitem__, default=None)
        if word is None:
            return None
        at = self.tokens.index(word) if word in self.tokens else len(self.tokens)
        for k, t in enumerate(self.tokens):
            other = others.get(t)
            if t != word and (t in self.full_odd or k < at and other is not None and other is not self):
                return word  # (a surname after the word is a family's: "Frank Oakley", "Maurice Oakley")
        return None

    @property
    def surname(self) -> str:
        return self.tokens[-1]

    def last_before(self, pos: int) -> int:
        i = bisect.bisect_left(self.positions, pos)
        return self.positions[i - 1] if i else -1


@dataclass(frozen=True)
class NameParse:
    tokens: tuple[str, ...]
    honorific: str
    titles: tuple[str, ...]
    kind: str  # person, org


def _norm(tok: str) -> str:
    return tok.lower().rstrip(".")


def _nationality(tok: str) -> bool:
    """"English", "Maltese": shaped like a word of nationality and not a given name."""
    return tok.lower() in _NATIONALITY and tok[1:].islower()


def _opening_word(tok: str, last: str) -> bool:
    """A sentence-initial adverb or participle run into the name after it ("Presently Hugo
    came in", "Assisting Mrs. Lane, he ..."): not part of the name.  Given names that end so
    ("Emily", "Sterling") and the names of bodies ("Nightly News") keep it."""
    low = tok.lower()
    if not (low.endswith("ly") and len(low) >= 6 or low.endswith("ing") and len(low) >= 7):
        return False
    return (low not in FEMALE_NAMES and low not in MALE_NAMES and low not in DIMINUTIVES
            and _norm(last) not in ORG_WORDS)


@lru_cache(maxsize=8192)  # a novel names its people thousands of times: parse each form once
def parse_run(run: str) -> NameParse | None:
    """Split a capitalised run ("Harbourton Mayor Ada Kesk") into titles and a name."""
    run = _POSSESSIVE.sub("", run.strip())
    toks = run.split()
    if toks and toks[0].lower().rstrip(".") in _PLURAL_HONORIFICS:
        return None  # "Messrs. Hale", "Mesdames Callendar": a family, not one person
    while toks and (toks[0].lower().rstrip(".") in NOT_NAMES and toks[0].lower() not in HONORIFICS
                    or len(toks) > 1 and _opening_word(toks[0], toks[-1])
                    or len(toks) > 1 and _SHOUTED.fullmatch(toks[0]) is not None and not toks[-1].isupper()):
        toks.pop(0)
    if not toks:
        return None
    last = _norm(toks[-1])
    if last in ORG_WORDS and not (len(toks) == 1 and given_gender(toks[0]) is not None):
        # (a lone given name that is also a word of bodies, "Bill", is a person)
        return NameParse(tuple(toks), "", (), "org")
    if len(toks) > 1 and (_norm(toks[0]) in _PLACE_FIRST or last in _PLACE_LAST):
        return NameParse(tuple(toks), "", (), "org")  # "North Ostland", "Coral Islands": a place speaks as a body
    # the name starts after the last title word
    cut = 0
    honorific = ""
    for i, t in enumerate(toks[:-1]):
        low = t.lower()
        if low in HONORIFICS or _norm(t) in TITLE_WORDS or _norm(t) in _ROLE_TITLES:
            cut = i + 1
            honorific = t if low in NAME_HONORIFICS else ""
    name = toks[cut:]
    titles = tuple(_norm(t) for t in toks[:cut])
    if name and _nationality(name[0]) and not honorific:
        # "the English wasps": an adjective; "the English Lakes": a place ("German Chancellor X" is X)
        return NameParse(tuple(toks), "", (), "org") if len(name) > 1 else None
    if not name or all(_INITIALS.fullmatch(t) for t in name):
        return None  # "U.S.", "S.": initials alone are a fragment, never a person
    if len(name) == 1 and (name[0].lower() in HONORIFICS or _norm(name[0]) in TITLE_WORDS) and not (
            honorific and honorific.lower() in _SURNAME_HONORIFICS):
        return None  # "the President", but "Mr. Major" and "Ms. Judge" are surnames
    if len(name) == 1 and not honorific and name[0].lower().endswith("ing") and len(name[0]) > 6:
        return None  # "Steadying himself, …": a sentence-initial participle, not a name
    if honorific and not honorific.endswith(".") and honorific.lower() in ("mr", "mrs", "ms", "dr"):
        honorific += "."
    return NameParse(tuple(name), honorific.capitalize() if honorific else "", titles, "person")


# one title written two ways ("Doctor Roe", "Dr. Roe"): the same person
_SAME_TITLE = {"doctor": "dr.", "dr": "dr.", "mr": "mr.", "mrs": "mrs.", "ms": "ms.", "capt.": "captain",
               "col.": "colonel", "mme.": "madame", "mlle.": "mademoiselle"}


def honorific_key(h: str) -> str:
    """``h`` as the registry files it: lower case, one spelling for a title written two ways."""
    low = h.lower()
    return _SAME_TITLE.get(low, low)


def honorific_gender(h: str) -> str | None:
    return HONORIFICS.get(h.lower()) if h else None


def given_gender(tok: str) -> str | None:
    low = tok.lower()
    if low in FEMALE_NAMES and low not in MALE_NAMES:
        return "f"
    if low in MALE_NAMES and low not in FEMALE_NAMES:
        return "m"
    return None


class Registry:
    """Every person named in a document, merged by surname, given name and honorific."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._full: dict[tuple[str, ...], Entity] = {}
        self._by_last: dict[str, list[Entity]] = {}
        self._by_first: dict[str, list[Entity]] = {}
        self._by_hon: dict[tuple[str, str], Entity] = {}
        # honorifics seen with each surname: "Mr. Ashby" and "Mrs. Ashby" make a family
        self.honorifics_of: dict[str, set[str]] = {}
        # surnames the text tells apart by age ("old Mr. Emerson", "the younger Mr. Hale"): a father
        # and a son, so "Mr. Emerson" is not the one man whose full name is known
        self.generations: set[str] = set()
        # words found opening a sentence before a given name that are not part of it ("Happy")
        self.not_given: set[str] = set()
        self.retired = 0  # entities merged into another (ids stay unique)

    # Public lookups: other modules ask these, never the indexes behind them.
    def with_full_name(self, *tokens: str) -> Entity | None:
        """The entity named exactly ``tokens`` ("Ann", "Lee"), any case."""
        return self._full.get(tuple(map(str.lower, tokens)))

    def with_surname(self, word: str) -> list[Entity]:
        """Entities whose name ends in ``word`` (a surname, or a one-word name)."""
        return list(self._by_last.get(word.lower(), ()))

    def with_given_name(self, word: str) -> list[Entity]:
        """Entities of two words or more whose name starts with ``word``."""
        return list(self._by_first.get(word.lower(), ()))

    def with_honorific(self, honorific: str, word: str) -> Entity | None:
        """The one person known only as ``honorific`` + ``word`` ("Mrs." "Ashby")."""
        return self._by_hon.get((honorific_key(honorific), word.lower()))

    def _new(self, tokens: tuple[str, ...], honorific: str, kind: str) -> Entity:
        e = Entity(len(self.entities) + 1 + self.retired, tokens, honorific, kind=kind)
        self.entities.append(e)
        self._full[tuple(map(str.lower, tokens))] = e
        self._by_last.setdefault(tokens[-1].lower(), []).append(e)
        if len(tokens) > 1:
            self._by_first.setdefault(tokens[0].lower(), []).append(e)
        g = honorific_gender(honorific) or (given_gender(tokens[0]) if len(tokens) > 1 or not honorific else None)
        if g and kind == "person":
            e.gender = g
        return e

    def add_full(self, p: NameParse) -> None:
        """Register a name of two or more words (first pass)."""
        key = tuple(map(str.lower, p.tokens))
        if key in self._full:
            return
        # a longer form of a known name ("Tomas R. Lindqvist" after "Tomas Lindqvist") is kept apart;
        # lookups prefer the longest
        self._new(p.tokens, p.honorific if len(p.tokens) == 1 else "", p.kind)

    def surname_parse(self, run: str) -> NameParse | None:
        """A lone title word, a word shaped like a participle or a common word, that is the surname
        of someone named in full ("Lisa Bishop … Bishop said", "Ann Stirling … Stirling added", "Tom
        Will … Will wrote"), else None."""
        bare = _POSSESSIVE.sub("", run.strip())
        low = bare.lower()
        common = low in NOT_NAMES and low not in HONORIFICS and not bare.endswith("ing")
        if " " in bare or not (low in HONORIFICS or bare.endswith("ing") or common):
            return None
        if not common and self.honorifics_of.get(low, set()) & _SURNAME_HONORIFICS:
            return NameParse((bare,), "", (), "person")  # "Mr. Fielding … said Fielding": a surname
        # (a common word, "Will", "From", is a surname only after a given name: "Tom Will", not "Ohio Friday")
        if not any(len(e.tokens) > 1 and e.kind == "person" and (not common or given_gender(e.tokens[0]) is not None)
                   for e in self._by_last.get(low, [])):
            return None
        return NameParse((bare,), "", (), "person")

    def resolve(self, p: NameParse, pos: int, hint: str | None = None) -> Entity:
        """The entity a mention refers to, creating one when the name is new."""
        toks = p.tokens
        key = tuple(map(str.lower, toks))
        hon_g = honorific_gender(p.honorific)
        if p.kind == "org":
            return self._full.get(key) or self._new(toks, "", "org")
        if len(toks) > 1:
            e = self._full.get(key)
            if e is None and len(toks) == 2 and key[0] in self.not_given:
                return self.resolve(NameParse(toks[1:], "", (), "person"), pos, hint)  # "Happy Charlotte"
            if e is None:
                e = self._new(toks, "", "person")
            return e
        word = key[0]
        if p.honorific:
            hkey = (honorific_key(p.honorific), word)
            family = len(self.honorifics_of.get(word, ())) > 1 or word in self.generations
            cands = [] if family else [e for e in self._by_last.get(word, []) if len(e.tokens) > 1
                                       and e.kind == "person" and (hon_g is None or e.gender in (None, hon_g))]
            if hon_g:
                sure = [e for e in cands if e.gender == hon_g]
                cands = sure or cands
            # "Mrs. Spencer" long before "Laura Spencer" is named: someone else of the family
            cands = [e for e in cands if e.last_before(pos) >= 0]
            if cands and hkey not in self._by_hon:
                e = max(cands, key=lambda c: (c.last_before(pos), len(c.tokens)))
                return e
            e = self._by_hon.get(hkey)
            if e is None:
                e = self._new(toks, p.honorific, "person")
                self._by_hon[hkey] = e
            return e
        # a bare word: a surname of a known person, else a given name, else itself
        cands = [e for e in self._by_last.get(word, []) if len(e.tokens) > 1 or not e.honorific]
        if not cands:
            # "Ashby" alone: the man of the Ashbys ("Mrs." and "Miss" go with a woman's surname;
            # "said Ashby" after only "Mrs. Ashby" is someone else, her husband as likely as not)
            cands = [e for e in self._by_last.get(word, []) if honorific_gender(e.honorific) != "f"]
        if not cands:
            cands = self._by_first.get(word, [])
        if hint:
            sure = [e for e in cands if e.gender == hint]
            cands = sure or cands
        if len(cands) > 1 and all(len(c.tokens) > 1 for c in cands):
            # "Anna Marsh … Peter Marsh … Marsh said": a bare surname is the one the
            # text talks about most so far, not whoever was named last
            return max(cands, key=lambda c: (bisect.bisect_left(c.positions, pos), c.last_before(pos)))
        if len(cands) == 1:
            return cands[0]
        if cands:
            return max(cands, key=lambda c: (c.last_before(pos), len(c.tokens)))
        e = self._full.get(key)
        if e is not None and honorific_gender(e.honorific) != "f":
            return e
        return self._new(toks, "", "person")


@dataclass
class Mention:
    start: int
    end: int
    entity: Entity
    subj: bool = False  # looks like the subject of its clause ("Okafor said", "Brandt, who")


_VERBISH = re.compile(r"(?:\s*\([^)]{0,40}\))?\s+(?!(?:of|in|and|or|to|for|on|at|with|from|by|as|than)\b)[a-z]{2,}\b")
# "Smith from the bakers' guild agreed": a name, its affiliation, then the verb
_AFFILIATED = re.compile(r"\s+(?:at|of|from|for|with|in|on)\s+(?:the\s+)?(?:[A-Z][\w.’'&-]*\s+){1,4}(?!(?:of|in|and|or|to|for|on|at|with|from|by|as)\b)[a-z]{2,}\b")
_APPOSITION = re.compile(r"(?:\s*\([^)]{0,40}\))?(?:,\s+(?:a|an|the|his|her|their|who|whose|of|\d+)\b|\s+[—–-]+\s*who\b)")
_TITLE_AFTER = re.compile(r",\s+(?:[a-z-]+\s+){0,2}(?P<w>[a-z-]+)\b")
_APPOSED_VERB = re.compile(r",\s+(?:\w+ly\s+)?(?:has|had|have|is|was|will|would|can|could|says|said|told|"
                           r"[a-z]{3,}(?:s|ed))\b")
# words before a name that leave it in subject position: "and Smith said", "that Smith will"
_CLAUSE_OPENERS = frozenset("""and but or nor that when while as because after before if though although since
where so then yet once until unless whether whereas how why what""".split())
_TITLE_LIKE = TITLE_WORDS | frozenset("""host widow widower mother father wife husband son daughter
sister brother friend neighbor neighbour owner resident voter member veteran student teacher
colleague partner spokesperson journalist correspondent scholar""".split())
# what follows the name of an inverted cue: "said Smith.", "said Smith to her sister", "cried
# Flora, laughing"; not "urged Port Avel to reopen the ferry"
_INVERTED_END = re.compile(r"\s*(?:[,.;:!?()—–]|$)|\s+(?:of|for|from|with|in|as|when|and|but|at|after|before|while|"
                           r"\w+ly|\w+ing)\b|\s+to\s+(?:her|him|his|the|a|an|me|us|them|my|our|their|[A-Z])")
# verbs that stand before their speaker ("…,” said Smith); "told Smith", "accusing Smith" take objects
_INVERTING = frozenset("""said says added adds asked asks replied replies answered wrote writes explained
noted notes continued observed remarked cried exclaimed responded recalled declared insisted argued
concluded countered quipped stated announced shouted whispered muttered murmured repeated suggested
warned tweeted posted joked laughed sighed""".split())


def _apposed(text: str, s: int, e: int) -> bool:
    """A name set off by commas before the verb of its clause: "The ferry's skipper, Tom Brennan,
    has kept ..." names the clause's subject."""
    return (text[max(0, s - 2):s] == ", " and " " in text[s:e]  # a full name, not "Va."
            and bool(_APPOSED_VERB.match(text, e)))


def _word_before(text: str, lo: int, s: int) -> tuple[str, int]:
    """The token before offset ``s`` (not before ``lo``, nor more than 60 characters back) and its
    start; ("", lo) at the edge.  (String methods: a regex search for the last token tries every
    offset of the window.)"""
    a = max(lo, s - 60)
    seg = text[a:s].rstrip()
    if not seg:
        return "", lo
    tok = seg.rsplit(None, 1)[-1]
    return tok, a + len(seg) - len(tok)


def _subject_position(text: str, lo: int, s: int) -> tuple[bool, bool]:
    """(opens a clause, follows a speech verb) for a name at ``s``, skipping the titles
    before it ("said podcast host Lee Amis", "Retired economist Priya Vantu")."""
    pos = s
    skipped = 0
    for _ in range(6):
        w, at = _word_before(text, lo, pos)
        if not w:
            return True, False
        bare = w.strip("“”\"‘’'(")
        low = bare.lower().rstrip(".,")
        if w[-1] in ".!?:;,—–(“”\"" or bare in ("-", "--"):
            return True, False
        if low in SPEECH_VERBS:
            # "said Smith." inverts; "said Smith would run" opens the reported clause
            return low not in _INVERTING, low in _INVERTING
        if low == "of" and skipped:  # "Minister of Fisheries Ida Holm"
            w2, at2 = _word_before(text, lo, at)
            if w2[:1].isupper():
                pos = at2
                continue
        if low in _CLAUSE_OPENERS:
            return True, False
        if (low in _TITLE_LIKE or bare[:1].isupper()
                or (skipped and (low in ("the", "a", "an") or low in GROUP_NOUNS))):  # "Harbour board spokesman X"
            pos = at
            skipped += 1
            continue
        return False, False
    return False, False


def _is_subject(text: str, lo: int, s: int, e: int, run: str) -> bool:
    """Does the name at text[s:e] look like the subject of its clause ("Reyes said", "Voss,
    who", "said Sen. Smith", "Smith, a lawyer, told")?  A possessive ("Smith's plan") or an
    object ("backs Smith over") is not."""
    if run.endswith(_POSSESSIVE_ENDS) or text[e:e + 2] in ("’s", "'s"):
        # "Marek’s late ferry cost him …": the possessor opening a sentence is what it is
        # about; elsewhere ("the work of Hale's firm") a possessive is no subject
        w, _ = _word_before(text, lo, s)
        return not w or w[-1] in ".!?:;—–"
    if _apposed(text, s, e) or _APPOSITION.match(text, e):
        return True
    m = _TITLE_AFTER.match(text, e) if text.startswith(",", e) else None  # (it opens with a comma)
    if m and any(w.strip(",") in _TITLE_LIKE for w in m.group().split()):
        return True  # "Henry Smith, president of the club"
    opens, inverted = _subject_position(text, lo, s)
    if inverted:
        # "…,” said Sen. Smith." but not "urged Smith to stay on"; "said Smith would run"
        # names the subject of what was said, not someone who speaks
        return bool(_INVERTED_END.match(text, e))
    return opens and bool(_VERBISH.match(text, e) or _AFFILIATED.match(text, e))


def _placey(before: list[str], run: str, p: NameParse) -> bool:
    """A mention in a place's position: "in Ohio", "the Coral Islands", "Lee of Ohio".
    People are rarely named after "the" (unless a title comes between: "the Rev. X")."""
    if not before:
        return run.split()[0] == "The" and not p.titles
    last = before[-1]
    if last in _PLACE_WORDS:
        return True
    if last in ("the", "The") or run.split()[0] == "The":
        return not p.titles
    # "Representative Smith of Ohio", but "Minister of Fisheries Ida Holm"
    return last == "of" and len(before) > 1 and before[-2][:1].isupper() and _norm(before[-2]) not in _TITLE_LIKE


# a preposition right before a name: the name is its object ("the admiration of Anne")
OBJECT_BEFORE = re.compile(r"\b(?:of|to|with|by|for|from|at|on|upon|towards?|about|than|into|like|without|between|among|against|under|behind|beside)\s+$")


# titles written short, by what "the …" calls the person: "Dr. Roe" is "the doctor"
_SHORT_TITLES = {"dr": "doctor", "prof": "professor", "col": "colonel", "capt": "captain", "cpt": "captain",
                 "gen": "general", "lt": "lieutenant", "sgt": "sergeant", "rev": "reverend", "adm": "admiral",
                 "maj": "major", "insp": "inspector", "supt": "superintendent", "gov": "governor", "sen": "senator"}
# a rank or calling that opens a name without being a name ("Count Orlov", "Inspector Vane")
_RANKS = frozenset("""count countess baron baroness marquis marquess marchioness earl viscount duke duchess prince
princess king queen emperor empress general colonel major captain lieutenant sergeant corporal admiral commander
inspector superintendent constable doctor professor judge reverend bishop dean abbot abbe abbé canon deacon
parson rector vicar curate squire""".split())
# "the surgeon, Mr. Roe": a description set before the name
_ROLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z-]+\s+){0,2}?(?P<n>[a-z]+),\s+$")


def _roles(text: str, lo: int, s: int, p: NameParse, app: re.Match | None) -> set[str]:
    """The nouns a mention gives the person for "the …" to mean them by: the titles of the name
    ("Dr. Roe", "Count Orlov"), a description set beside it ("Roe, the surgeon,", "the surgeon, Roe")."""
    out = {_SHORT_TITLES.get(_norm(t), _norm(t)) for t in p.titles}
    if len(p.tokens) > 1 and p.tokens[0].lower() in _RANKS:
        out.add(p.tokens[0].lower())
    if app is not None:
        out.add(app.group("n"))
    if text[max(lo, s - 2):s] == ", ":
        m = _ROLE_BEFORE.search(text, max(lo, s - 40), s)
        if m is not None:
            out.add(m.group("n"))
    return out


def _place_then_name(p: NameParse) -> bool:
    """A run after "in"/"from" that ends in a given name but does not start with one."""
    return (p.kind == "person" and len(p.tokens) == 2 and not p.honorific and not p.titles
            and given_gender(p.tokens[1]) is not None and given_gender(p.tokens[0]) is None)


# words of grammar that never end a name ("Diana Is Invited to Tea", "Lucy As a Work of Art")
# (not "will" or "may": "George Will", "Theresa May")
_FUNCTION_WORDS = frozenset("""is are was were be been am has have had do does did as at by for from in into of
on to with and or but nor if so than that then when while who whom whose which what where why how not""".split())
# an article right before a name: "a Foolish Piglet", "the Lilas Brett" are not a person's full name
_ARTICLE_BEFORE = re.compile(r"(?:^|\W)(?:an?|the|The|A|An)\s+\Z")
_PLAIN_NAME_USES = 10  # one-word mentions before a full name seen once that make that name no introduction
_PREPOSITIONS = _PLACE_WORDS | {"on", "upon", "of", "for", "with", "by", "about", "over", "under"}


_TO_A_PLACE = (["in"], ["at"], ["from"], ["to"], ["near"], ["toward"], ["towards"])


def _name_then_place(text: str, p: NameParse, places: dict[str, int]) -> bool:
    """A run of a given name and then a word, not a given name, that the text writes after "in", "at",
    "from", "to" at least three times: "on Margaret Oniton" is Margaret, then Oniton."""
    if p.honorific or given_gender(p.tokens[0]) is None or given_gender(p.tokens[1]) is not None:
        return False
    word = p.tokens[1]
    if word not in places:
        # str.find, not a pattern compiled for each word (as in _written_lower)
        n, i = 0, text.find(word)
        while i >= 0 and n < 3:
            end = i + len(word)
            if (end == len(text) or not text[end].isalnum()) and text[max(0, i - 8):i].split()[-1:] in _TO_A_PLACE:
                n += 1
            i = text.find(word, end)
        places[word] = n
    return places[word] >= 3


def find_runs(text: str, lo: int, hi: int):
    """Capitalised runs in text[lo:hi]: (start, end, run)."""
    for m in _RUN.finditer(text, lo, hi):
        yield m.start(), m.end(), m.group()


def _trim_title_case(text: str, p: NameParse, lower_seen: dict[str, bool]) -> NameParse:
    """A name without the ordinary words a title-case heading runs on with ("Miss Lucy Honeychurch
    Drive Out in Carriages", "Ann Lee Says Goodbye"): a last word the text also writes in lower case
    is a word, not part of the name. Two words are always kept."""
    toks = list(p.tokens)
    while len(toks) > 2 and _written_lower(text, toks[-1], lower_seen):
        toks.pop()
    return p if len(toks) == len(p.tokens) else NameParse(tuple(toks), p.honorific, p.titles, p.kind)


def _written_lower(text: str, word: str, seen: dict[str, bool]) -> bool:
    """Whether the text also writes ``word`` in lower case, as a word of its own."""
    low = word.lower()
    if low not in seen:
        # str.find, not a pattern compiled for each word (a news article asks this of every full name)
        found, n = False, len(low)
        i = text.find(low)
        while i >= 0 and not found:
            before = text[i - 1] if i else " "
            after = text[i + n] if i + n < len(text) else " "
            found = not (before.isalnum() or before in "_’'.-") and not (after.isalnum() or after in "_’'-")
            i = text.find(low, i + 1)
        seen[low] = found
    return seen[low]


def _starts_sentence(text: str, s: int) -> bool:
    """Whether offset ``s`` opens a sentence or a line, where a capital says nothing."""
    return s == 0 or text[s - 1] == "\n" or _OPENS_SENTENCE.search(text, max(0, s - 4), s) is not None


def _adjective_then_given_name(text: str, p: NameParse, lower_seen: dict[str, bool]) -> bool:
    """"Happy Charlotte, who …", "Poor Lucy!": at the start of a sentence a word the text writes in
    lower case elsewhere, before a given name, is not the name's first half."""
    first, given = p.tokens if len(p.tokens) == 2 else ("", "")
    return (bool(first) and not p.honorific and not p.titles and given_gender(given) is not None
            and given_gender(first) is None and _written_lower(text, first, lower_seen))


def build_registry(text: str, segments: list[tuple[int, int]]) -> tuple[Registry, list[Mention]]:
    """Find the names in the narrative ``segments`` (text outside quotations)."""
    reg = Registry()
    lower_seen: dict[str, bool] = {}
    places: dict[str, int] = {}
    # (segment start, start, end, run, its parse or None for a lone title word, titles, placey)
    found: list[tuple[int, int, int, str, NameParse | None, tuple[str, ...], bool]] = []
    for lo, hi in segments:
        for m in _RUN.finditer(text, lo, hi):
            (s, e), run = m.span(), m.group()
            if run.isupper() and len(run) > 3 or run[1:2].isupper() and _SHOUTED_LEAD.match(run):
                continue  # a dateline or shouted heading ("THE HARBOUR Long before …"), not a name
            p = parse_run(run)
            if p is None:
                bare = _POSSESSIVE.sub("", run)
                if " " not in bare and bare.lower() in HONORIFICS:
                    # "Bishop, a doctor, said": a title word that may be a known person's surname;
                    # decided once every full name is known
                    found.append((lo, s, e, run, None, (), False))
                continue
            # a sentence-initial single common word ("Meanwhile") is filtered by NOT_NAMES;
            # lowercase words just before a name are its titles ("presidential nominee")
            before = text[max(lo, s - 40):s].split()[-3:]
            titles = p.titles + tuple([w.lower().strip(",") for w in before if w[:1].islower()])
            placey = _placey(before, run, p)
            if placey and before and before[-1] in _PLACE_WORDS and _place_then_name(p):
                # "from Paris Emily came": a place, then a person opening the next clause
                s = text.rfind(p.tokens[-1], s, e)
                run = p.tokens[-1]
                p = NameParse(p.tokens[-1:], "", (), "person")
                placey = False
            if (len(p.tokens) == 2 and before and before[-1] in _PREPOSITIONS and _name_then_place(text, p, places)
                    and not _written_lower(text, p.tokens[1], lower_seen)):
                # "But on Margaret Oniton was destined to make an impression": a given name, then the
                # place the text goes "to" and comes "from", opening the clause
                e = s + len(p.tokens[0])
                run = p.tokens[0]
                p = NameParse(p.tokens[:1], "", p.titles, "person")
            if len(p.tokens) > 2 and p.kind == "person" and (trimmed := _trim_title_case(text, p, lower_seen)) is not p:
                p = trimmed
                e = text.rfind(p.tokens[-1], s, e) + len(p.tokens[-1])
                run = text[s:e]
            elif (len(p.tokens) == 2 and p.kind == "person" and _adjective_then_given_name(text, p, lower_seen)
                  and _starts_sentence(text, s)):
                reg.not_given.add(p.tokens[0].lower())
                s = text.find(p.tokens[1], s, e)
                run = text[s:e]
                p = NameParse(p.tokens[1:], "", (), "person")
            if len(p.tokens) >= 2 and p.kind == "person" and not p.honorific:
                # "Diana Is Invited to Tea", "what a Foolish Piglet": a name ends before a word of
                # grammar, and after "a" the ordinary words the text writes in lower case are not its
                toks = list(p.tokens)
                cut = next((k for k, t in enumerate(toks) if k and t.lower() in _FUNCTION_WORDS), len(toks))
                del toks[cut:]
                while (len(toks) > 1 and before and before[-1] in ("a", "an") and given_gender(toks[0]) is None
                       and toks[0].lower() not in HONORIFICS and _written_lower(text, toks[0], lower_seen)):
                    toks.pop(0)
                if len(toks) < len(p.tokens):
                    s = text.find(toks[0], s, e)
                    e = text.find(toks[-1], s, e) + len(toks[-1])
                    run = text[s:e]
                    p = NameParse(tuple(toks), "", p.titles, "person")
            found.append((lo, s, e, run, p, titles, placey))
            if p.honorific and len(p.tokens) == 1:
                reg.honorifics_of.setdefault(p.tokens[0].lower(), set()).add(honorific_key(p.honorific))
                if any(w.lower() in _AGES for w in run.split()[:1] + before[-1:]):  # "Old Mr. X", "young Mr. X"
                    reg.generations.add(p.tokens[0].lower())
            if len(p.tokens) > 1 or p.kind == "org":
                reg.add_full(p)
    mentions = []
    for lo, s, e, run, p, titles, placey in found:
        if p is None:
            p = reg.surname_parse(run)
            if p is None:
                continue
        ent = reg.resolve(p, s)
        if ent.gender is None and ent.kind == "person" and honorific_gender(p.honorific):
            ent.gender = honorific_gender(p.honorific)  # "Mr. Ruiz Caldera": a man, whatever "Ruiz" is
        if run.startswith(("The ", "the ")) or text[max(lo, s - 4):s] in ("the ", "The "):
            ent.after_the += 1
        elif text[max(lo, s - 3):s] in (" a ", "an ", "\na "):
            ent.after_a += 1
        if placey:
            ent.place += 1
        else:
            ent.subject += 1
        ent.positions.append(s)
        if not ent.mid_sentence and not _starts_sentence(text, s):
            ent.mid_sentence = True
        ent.titles.update(titles)
        adjacent = text[max(lo, s - 20):s].split()[-1:]
        # "Kerin Mallory, a 60-year-old local man," (the pattern opens with the comma: not tried without one)
        app = _APPOSED_NOUN.match(text, e) if text.startswith(",", e) else None
        if ent.kind == "person":
            ent.roles.update(_roles(text, lo, s, p, app))
        for word in adjacent + ([app.group("n")] if app else []):
            if word in _FEMALE_TITLES or word in _MALE_TITLES:
                ent.kin_votes.append("f" if word in _FEMALE_TITLES else "m")
        form = (p.honorific + " " if p.honorific else "") + " ".join(p.tokens)
        if len(p.tokens) > 1 and p.honorific.lower() in _STYLES and not ent.style:
            ent.style = p.honorific  # a title of rank is part of how the person is named
        elif (len(p.tokens) == 1 and not p.honorific and p.titles and p.titles[-1] in _KIN_STYLES
              and ent.kind == "person" and len(ent.tokens) == 1 and not ent.style):
            ent.style = p.titles[-1].capitalize()  # "Aunt Juley": how the family names her
        if form not in ent.aliases:
            ent.aliases.append(form)
        if len(p.tokens) > 1 or not p.honorific:
            # (a full name counts with its title or without: "Mrs. Allan Anne" is "Allan Anne")
            plain = " ".join(p.tokens)
            if len(p.tokens) > 1 and plain not in ent.forms:
                ent.full_late = max((n for f, n in ent.forms.items() if " " not in f), default=0)
                ent.full_odd = tuple(t for t in p.tokens if _written_lower(text, t, lower_seen))
                if _ARTICLE_BEFORE.search(text, max(lo, s - 5), s):
                    ent.full_odd = p.tokens  # "what a Foolish Piglet", "the terraces of the Lilas Brett"
            ent.forms[plain] = ent.forms.get(plain, 0) + 1
        if p.honorific and ent.kind == "person" and p.honorific.lower() not in _PLAIN_HONORIFICS:
            ent.addressed[p.honorific] = ent.addressed.get(p.honorific, 0) + 1
        elif p.titles and p.titles[-1] in _ADDRESS_TITLES and ent.kind == "person":
            form = _ADDRESS_TITLES[p.titles[-1]]  # "the Reverend Cuthbert Eager", "Rev. Tom Hale"
            ent.addressed[form] = ent.addressed.get(form, 0) + 1
        subj = _is_subject(text, lo, s, e, run)
        if subj and _SPEAKS_NEXT.match(text, e):
            ent.spoke += 1  # "Quist said Voss …": whoever says things is a person
        mentions.append(Mention(s, e, ent, subj))
    for ent in reg.entities:
        ent.positions.sort()
        if (ent.kind == "person" and ent.kin_votes and len(set(ent.kin_votes)) == 1
                and not honorific_gender(ent.honorific)):
            # "flood widow Terry Halvard", "her husband Kim": a title right before the name that fixes
            # a gender beats a given name that may be either
            ent.gender = ent.kin_votes[0]
    _vote_gender(text, segments, mentions)
    return reg, mentions


_SEGMENT_WORDS = re.compile(r"[^ \n,.;:—–-]")  # not punctuation or space: "“…,” she said" starts at "she"


def _vote_gender(text: str, segments: list[tuple[int, int]], mentions: list[Mention]) -> None:
    """A he/she right after a person's mention (no other person between) votes for their gender."""
    subj = [m for m in mentions if m.subj and m.entity.kind == "person"]
    starts = [m.start for m in subj]
    all_men = [m for m in mentions if m.entity.kind == "person"]
    all_starts = [m.start for m in all_men]
    for lo, hi in segments:
        lead = -1  # after a closing mark: where the words of the segment start (found once)
        if lo and text[lo - 1] in "”\"’'":
            w1 = _SEGMENT_WORDS.search(text, lo, hi)
            lead = w1.start() if w1 else hi
        for m in _PRONOUN.finditer(text, lo, hi):
            i = bisect.bisect_left(starts, m.start()) - 1
            if i < 0:
                continue
            men = subj[i]
            if m.start() - men.end > 250:
                continue
            w = m.group().lower()
            if w not in ("he", "she"):
                continue  # "her husband", "his critics": a possessive often points elsewhere
            g = "m" if w in MALE_PRONOUNS else "f"
            if m.start() <= lead:  # the pronoun opens the narration after a quotation
                # "“…,” she said": the pronoun being resolved votes only when nobody already
                # known to be a "she" was named since, or it would vote for its own answer
                a = bisect.bisect_right(all_starts, men.end)
                b = bisect.bisect_left(all_starts, m.start())
                if any(x.entity is not men.entity and x.entity.gender == g for x in all_men[a:b]):
                    continue
            men.entity.votes[g] = men.entity.votes.get(g, 0) + 1
    for men in mentions:
        e = men.entity
        if e.gender is None and e.kind == "person":
            # a clear majority only: in a conversation between a man and a woman the pronouns
            # after either name split nearly evenly, and a coin toss is worse than not knowing
            he, she = e.votes.get("m", 0), e.votes.get("f", 0)
            # (over many votes a lead of three to two is clear enough)
            if he > she and (he >= 2 * she or he + she >= 30 and 2 * he >= 3 * she) and (he >= 2 or she == 0):
                e.gender = "m"
            elif she > he and (she >= 2 * he or he + she >= 30 and 2 * she >= 3 * he) and (she >= 2 or he == 0):
                e.gender = "f"


_STYLES = frozenset({"sir", "lady", "lord", "dame"})
_KIN_STYLES = frozenset({"aunt", "uncle"})  # before a given name, part of how it is said
_PLAIN_HONORIFICS = frozenset({"mr.", "mrs.", "ms."})
# titles of a calling that are a form of address ("Rev. Eager", "Prof. Lin"), not of an office
_ADDRESS_TITLES = {"rev": "Rev.", "reverend": "Reverend", "prof": "Prof.", "professor": "Professor"}
_AGES = frozenset({"old", "young", "elder", "younger", "senior", "junior"})
# "(?<!\w[A-Z])" after the capital is the "\b" before it: a pattern that opens with a capital is
# looked for fast, one that opens with "\b" is tried at every offset of every quotation
_GIVEN_THEN_SURNAME = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+) ([A-Z][a-z]+)\b(?![’'.-])")


def full_names_in_speech(reg: Registry, text: str, spans: list[tuple[int, int]], mentions: list[Mention]) -> None:
    """A person the narration calls only by a given name ("Tom said") is known by the full name
    the characters give them ("This is Tom Pell"), when the quotations give exactly one; and is the
    narration's "Mr. Pell", when that is its only Mr. of the name."""
    lone = {e.tokens[0]: e for e in reg.entities
            if e.kind == "person" and len(e.tokens) == 1 and not e.honorific and not e.definite
            and (given_gender(e.tokens[0]) is not None or e.tokens[0].lower() in DIMINUTIVES)}
    if not lone:
        return
    known_full = {e.tokens[0] for e in reg.entities if len(e.tokens) > 1}
    surnames: dict[str, set[str]] = {}
    for lo, hi in spans:
        for m in _GIVEN_THEN_SURNAME.finditer(text, lo, hi):
            given, last = m.group(1), m.group(2)
            if given in lone and given not in known_full and last.lower() not in NOT_NAMES and last not in lone:
                surnames.setdefault(given, set()).add(last)
    into: dict[int, Entity] = {}
    for given, lasts in surnames.items():
        if len(lasts) == 1:
            last = lasts.pop()
            e = lone[given]
            e.spoken_full = f"{given} {last}"
            # "Cyril" in the narration, "Cyril Fielding" in speech, "Mr. Fielding" in the narration
            misters = [x for x in reg.with_surname(last.lower())
                       if x.honorific and x.kind == "person" and honorific_gender(x.honorific) != "f"]
            if (len(misters) == 1 and misters[0].honorific.lower().rstrip(".") == "mr" and len(misters[0].tokens) == 1
                    and e.gender != "f" and misters[0].gender != "f"):
                mister = misters[0]  # one man: the label is the form the narration uses more
                src, dst = (e, mister) if len(mister.positions) >= len(e.positions) else (mister, e)
                into[src.id] = dst
    _merge(reg, mentions, into)

# Honorifics that go with a given name ("Miss Clara", "Sir Hugo", "Lady Mary"), unlike Mr./Mrs.
_GIVEN_HONORIFICS = frozenset({"miss", "sir", "lady", "lord"})
# a young woman's titles, before her given name as often as her surname (never a wife's)
_UNMARRIED = frozenset({"miss", "mlle", "mademoiselle", "signorina", "fraulein", "fräulein"})


def _bare_form(reg: Registry, e: Entity, surnames: set[str]) -> Entity | None:
    """The entity of ``e``'s word alone ("Aziz" for "Dr. Aziz"), when the two are one person: the
    title is the only one of its gender with that word ("Mr. Ashby" and "Colonel Ashby" may be two
    men), a man's or nobody's, or a woman's before a woman's given name ("Miss Nancy", but not
    "Mrs. Lesley": "Lesley" alone may be her husband), and nobody with that surname is named in full."""
    word = e.tokens[0].lower()
    if word in surnames or word in reg.generations:
        return None
    g = honorific_gender(e.honorific)
    same = reg.with_surname(word)
    titled = [x for x in same if x.honorific and honorific_gender(x.honorific) == g]
    bare = [x for x in same if len(x.tokens) == 1 and not x.honorific and x.kind == "person" and not x.definite]
    if titled != [e] or len(bare) != 1 or g is not None and bare[0].gender not in (None, g):
        return None  # (a bare word the text makes a woman is not "Mr." it)
    if g == "f" and given_gender(e.tokens[0]) != "f" and not (
            e.honorific.lower().rstrip(".") in _UNMARRIED and bare[0].gender == "f"):
        return None  # ("Mlle. Blanche" and a "Blanche" the text calls "she" are one woman)
    return bare[0]


def merge_forms(reg: Registry, mentions: list[Mention]) -> None:
    """Merge the forms a novel uses for one person into one entity.

    "Miss Clara" or "Sir Hugo" is the "Clara Marlowe" / "Hugo Marlowe" of the text when exactly
    one full name starts with that given name; "Mr. Marlowe" is the one man with that surname
    whose full name is known, even where the surname is a family ("Mrs. Marlowe", "Miss Marlowe"
    stay apart: a woman's honorific does not tell daughter from wife).
    """
    for e in reg.entities:
        # "the Hatter", "the Mock Turtle": a character the text names by a capitalised noun with
        # "the" nearly every time is called so
        if e.kind == "person" and not e.honorific and len(e.positions) >= 3 and e.after_the * 4 >= 3 * len(e.positions):
            e.definite = True
    full = [e for e in reg.entities if e.kind == "person" and len(e.tokens) > 1 and e.personlike]
    surnames = {e.tokens[-1].lower() for e in full}
    into: dict[int, Entity] = {}
    for e in reg.entities:
        if e.kind != "person" or len(e.tokens) != 1 or not e.honorific:
            continue
        hon, word = e.honorific.lower().rstrip("."), e.tokens[0].lower()
        if hon in _GIVEN_HONORIFICS and word not in surnames:
            cands = [f for f in full if f.tokens[0].lower() == word and f.gender in (None, e.gender)]
        elif hon == "mr" and word not in reg.generations:
            cands = [f for f in full if f.tokens[-1].lower() == word and f.gender != "f"]
            if not cands and word not in surnames:
                # "Mr. Robert", "Mr. Edward": a household's young master, by his given name
                cands = [f for f in full if f.tokens[0].lower() == word and f.gender != "f"]
        elif hon == "mrs" and word not in surnames and given_gender(e.tokens[0]) == "f":
            # "Mrs. Rachel": how a child calls the one married woman named Rachel in full
            cands = [f for f in full if f.tokens[0].lower() == word and f.gender != "m"]
        else:
            continue
        if len(cands) == 1:
            into[e.id] = cands[0]
    for e in reg.entities:
        if e.kind == "person" and len(e.tokens) == 1 and e.honorific and e.id not in into:
            bare = _bare_form(reg, e, surnames)
            if bare is not None:
                # "Dr. Aziz … said Aziz": one person; the form the text uses more is the label
                src, dst = (e, bare) if len(bare.positions) >= len(e.positions) else (bare, e)
                into[src.id] = dst
    for e in reg.entities:
        # "Peggy", named now and then, is the one Margaret of the text
        forms = DIMINUTIVES.get(e.tokens[0].lower()) if len(e.tokens) == 1 and not e.honorific else None
        if forms and len(e.positions) <= 3:
            cands = [f for f in full if f.tokens[0].lower() in forms]
            if len(cands) == 1:
                into[e.id] = cands[0]
    _merge(reg, mentions, into)


def _merge(reg: Registry, mentions: list[Mention], into: dict[int, Entity]) -> None:
    """Fold each entity whose id is in ``into`` into the entity it maps to, mentions and all."""
    if not into:
        return
    for e in reg.entities:
        t = into.get(e.id)
        if t is None:
            continue
        t.positions = sorted(t.positions + e.positions)
        t.titles |= e.titles
        t.roles |= e.roles
        t.place += e.place
        t.subject += e.subject
        t.spoke += e.spoke
        t.gender = t.gender or e.gender
        if e.honorific.lower() in _STYLES and not t.style:
            t.style = e.honorific
        for hon, n in e.addressed.items():
            t.addressed[hon] = t.addressed.get(hon, 0) + n
        for form, n in e.forms.items():
            t.forms[form] = t.forms.get(form, 0) + n
        for a in [e.name] + e.aliases:
            if a not in t.aliases:
                t.aliases.append(a)
    reg.entities = [e for e in reg.entities if e.id not in into]
    reg.retired += len(into)

    def fix(lst: list[Entity]) -> list[Entity]:
        out: list[Entity] = []
        for x in lst:
            x = into.get(x.id, x)
            if all(x is not y for y in out):
                out.append(x)
        return out

    for d in (reg._by_last, reg._by_first):
        for k in d:
            d[k] = fix(d[k])
    for key, v in reg._full.items():
        reg._full[key] = into.get(v.id, v)
    for h, v in reg._by_hon.items():
        reg._by_hon[h] = into.get(v.id, v)
    for m in mentions:
        m.entity = into.get(m.entity.id, m.entity)
