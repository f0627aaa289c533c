"""Speech cues next to a quotation: who "said", "told", "according to" whom.

Each finder looks at the narrative text on one side of a quotation (the gap up to the
neighbouring quotation or the paragraph edge) and returns the noun phrase of the speaker
and the cue words, or None.  Resolving the phrase to a person is attribution's job.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from .lexicon import GROUP_NOUNS, SPEECH_BASES, SPEECH_VERBS, TITLE_WORDS, WEAK_VERBS


def last_match(rx: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The last match of ``rx`` in ``text[lo:hi]``, or None (one pass, no list of them all)."""
    last = deque(rx.finditer(text, lo, hi), maxlen=1)
    return last[0] if last else None


def alternatives(words) -> str:
    """``words`` as one regex alternation, longest first, grouped under their first two letters
    ("sa(?:id|ys)|sh(?:outed|outs)"): the regex engine tries a plain alternation of six hundred
    verbs branch by branch wherever it gets to the verb, the grouped one only the branches that
    start with the letters there (about three times faster on a novel).  It matches what the
    plain ``"|".join`` would: two words of different groups never both match at one offset, and
    each group keeps the longest-first order."""
    words = sorted(words, key=lambda w: len(re.escape(w)), reverse=True)
    if any(len(w) < 2 for w in words):  # a one-letter word starts words of other groups
        return "|".join(re.escape(w) for w in words)
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[:2], []).append(re.escape(w[2:]))
    return "|".join(f"{re.escape(head)}(?:{'|'.join(rest)})" for head, rest in groups.items())


_VERBS = alternatives(SPEECH_VERBS)
# an inverted cue ("…,” said Smith) never uses the bare base form: ", state Sen. Holm" is a noun;
# nor a participle: "…,” he wailed, revealing the source of it: the phrase after "-ing" is its object
_INV_VERBS = alternatives({v for v in SPEECH_VERBS - set(SPEECH_BASES) if not v.endswith("ing")} | {"cut"})
# \b: "is" or "ly" ending a name ("Morris", "Kelly") is no adverb
_ADV = r"(?:\b(?:[a-z]\w*ly|also|then|later|again|once|further|still|had|has|have|would|will|was|is|did|does|could|might|may|recently|previously|just|often|repeatedly|quickly|not|never)\s+){0,3}"
_NP = r"[^,;:“”\"!?]{1,90}?"

# after the quotation: “…,” NP said / “…,” NP, an appositive, said
_AFTER_SUBJ = re.compile(
    rf"[\s,.!?—–'’-]*(?P<np>{_NP})(?P<app>,[^;:“”\"]{{1,200}}?,|,\s+(?:an?|the)\s[^;:“”\"]{{1,160}}?|\s\([^)]{{1,40}}\))?"
    rf"\s+{_ADV}(?P<v>{_VERBS})\b",
)
# after the quotation, inverted: “…,” said NP
_AFTER_VERB = re.compile(
    rf"[\s,.!?—–'’-]*{_ADV}(?P<v>{_INV_VERBS})\s+(?P<np>(?:(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|Jr|Sr|Sgt|Capt|Prof|Rev|Del|Atty|Supt|Sec|Amb|Hon|[A-Z])\.|[^,;:.“”\"!?(])+?)\s*(?=[,;:.“”\"!?(]|$)",
)
_WORD = re.compile(r"[A-Za-z]+")
_RELATIVE = re.compile(r"\s+(?:who|whose|which)\b")
_TWO_WORD = {v.split()[0]: v for v in SPEECH_VERBS if " " in v}  # "put it", "went on"
_LOWER_VERBS = frozenset(v for v in SPEECH_VERBS if " " not in v)


class _VerbHit:
    """A speech verb found in the text, shaped like a regex match (group, start, end)."""

    __slots__ = ("e", "s", "v")

    def __init__(self, v: str, s: int, e: int) -> None:
        self.v, self.s, self.e = v, s, e

    def group(self, _name: str = "v") -> str:
        return self.v

    def start(self, _name: str = "v") -> int:
        return self.s

    def end(self, _name: str = "v") -> int:
        return self.e


# Speech verbs that are more often nouns: a verb only before what is stated ("states that", "stated:")
_NOUN_FIRST = frozenset({"state", "states"})
_CLAUSE_NEXT = re.compile(r"\s*(?:that\b|:|,?\s*[“\"‘])")


def _speech_verbs(text: str, lo: int, hi: int) -> list[_VerbHit]:
    """Speech verbs in text[lo:hi], in order: a word-set lookup, much faster than one
    alternation of every verb form."""
    out = []
    for m in _WORD.finditer(text, lo, hi):
        w = m.group()
        low = w.lower()
        two = _TWO_WORD.get(low)
        if two is not None and text.startswith(two[len(low):], m.end()) and (
                m.end() + len(two) - len(low) >= hi or not text[m.end() + len(two) - len(low)].isalpha()):
            e = m.end() + len(two) - len(low)
            out.append(_VerbHit(text[m.start():e], m.start(), e))
        elif low in _LOWER_VERBS:
            if low in _NOUN_FIRST and not _CLAUSE_NEXT.match(text, m.end()):
                continue  # "secretary of state", "many Asian states": a noun, unless "states that"
            out.append(_VerbHit(w, m.start(), m.end()))
    return out
# “…” ― Name (a byline-style attribution after the quotation)
_DASH_NAME = re.compile(r"\s*[―—–]\s*(?P<np>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})")
# “…” is fixed by spring, Okafor said.  (a cue closing the sentence; "…, said Voss, an economist.")
_TAIL_CUE = re.compile(
    rf",\s+(?:(?P<v1>{_INV_VERBS})\s+(?P<np1>[^,;:.“”\"!?]{{1,60}}?)(?:,\s+[a-z][^;:“”\"!?]{{1,160}}?)?|(?P<np2>[^,;:.“”\"!?]{{1,60}}?)\s+{_ADV}(?P<v2>{_VERBS})(?:\s+[^,;:.“”\"!?]{{1,40}}?)?)\s*[.]")
_ACCORDING = re.compile(r"\b(?:[Aa]ccording to|[Pp]er(?= (?:the|a|an|his|her|their|its|[A-Z]))) (?P<np>(?:(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|Jr|Sr|Sgt|Capt|Prof|Rev|Del|Atty|Supt|Sec|Amb|Hon|[A-Z])\.|[^,;:.“”\"!?(])+?)\s*(?=[,;:.“”\"!?(]|$)")


def _may_cite(words: str) -> bool:
    """Can ``_ACCORDING`` match in ``words``?  (It opens with a word boundary, so it is tried at
    every offset: cheaper to look for its fixed words first.)"""
    return "ccording to " in words or "per " in words or "Per " in words


_AFTER_PREPOSITION = re.compile(r"\b(?:on|in|at|to|from|for|with|via)\s+$", re.IGNORECASE)
_COLON_NAME = re.compile(r"(?:(?<![\w,;])|(?<=[.!?]\s))(?P<np>[A-Z][\w.’' -]{1,60}?)(?:\s*\([^()]{1,20}\))?\s*:\s*$")
# "POLLS WERE RIGHT - Ann Lee and Bo Chan: “…”", "-More from Lee:": a name after a dash, then a colon
_DASH_LABEL = re.compile(r"(?:^|\s)[-–—―]+\s*(?:[Mm]ore from\s+)?(?P<np>[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|and|&)){0,6})"
                         r"\s*:\s*$")
_CLAUSE_CUT = re.compile(
    r"(?:[,;:(—–―]|\s--?\s|\b(?:and|but|that|when|while|as|because|after|before|if|so|which|where|although|though|since|who|what)\s)",
    re.IGNORECASE,
)
# the mark first, then the look-arounds (a pattern that opens with look-behinds tries them all at
# every character of the text: several times slower over a novel)
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z“\"‘])(?<![A-Z][.!?])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|Co)[.!?])(?<!\bMrs[.!?])"
                          r"(?<!\b(?:Gov|Sen|Rep|Gen|Col)[.!?])")


_NOT_SUBJECT = frozenset("""in on at of to for from with about during after before last this that by into
as when while earlier later recently yesterday today tonight on Monday Tuesday Wednesday Thursday Friday
Saturday Sunday so it there""".split())


# "his tweet", "the comments": the words before a noun (a capitalised "Harbour Weekly put it" is a name)
_NOUN_USE = re.compile(r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Mm]y|[Oo]ur|"
                       r"[Yy]our|[Oo]ne|first|new|latest|recent)|[’']s)\s+(?P<mid>[a-z-]+\s+)?$")
_COORD = re.compile(r"(?:\band|\bbut|,\s*and|\bthen)\s+(?:\w+ly\s+|also\s+|later\s+)?$")
_NAME_ONLY = re.compile(r"[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){1,3}")
# (the lowercase words are titles, "state Sen."; after "of", "at" the capitals are a body: "chair of the Ferry Board")
_TITLED_APPOSITION = re.compile(r"(?:(?!(?:of|at|for|from|in|on|with|to|by|the|an?|and)\s)[a-z-]+\s+){0,3}(?P<name>(?:(?:[A-Z][a-z]{0,3}\.|[A-Z][\w’'-]+)\s+)*"
                                r"[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){1,3})")
# "chairman of the board of Freedom Partners", "editor at large of The Forward": a role in apposition
_ROLE_OF = re.compile(r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s+(?:of|at|for)\s")
_DESCRIPTION = re.compile(r"(?:[Aa]n?|[Tt]he|his|her|its|their|[A-Z][\w.-]*[’']s)\s")
_PARTICIPLE = re.compile(r"(?:,|\bby|\bwhile|\bbefore|\bafter|\bin|\bwhen|\bfor|\bwithout|\bdespite)\s+(?:\w+ly\s+)?$")
_POSSESSED_WORDS = re.compile(
    r"(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})[’']s?\s+(?:[\w-]+\s+){0,2}?(?P<noun>claims?|statements?|"
    r"comments?|remarks?|words|assertions?|promises?|pledges?|warnings?|descriptions?|tweets?|speech|letter|"
    r"message|accusations?|charges?|arguments?|predictions?|slogan|characterization|boast|insistence|"
    r"criticism|suggestion|ad|advertisement|vow|threats?)\s+that\b")
# words someone owns, right before the quotation: "Lee’s pledge to be “…”", "Lee’s dictum was, “…”",
# "Lee’s “…” remark" (the noun after the quotation, see _OWNED_NOUN_AFTER)
_OWNED = (r"(?:pledge|promise|vow|dictum|motto|slogan|mantra|refrain|catchphrase|line|quip|boast|"
          r"remarks?|comments?|words|message|post|tweet|statement|conclusion|claim|assertion|warning|"
          r"description|characterization|assessment|call|insistence|demand)")
_OWNED_WORDS = re.compile(
    rf"(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}})[’']s?\s+(?:(?:[\w-]+\s+){{0,2}}?(?P<noun>{_OWNED})"
    rf"(?:\s+(?:to\s+[a-z]+|was|is|of|that|as|for))?\s*[,:]?\s*)?[“‘\"']*$")
_OWNED_NOUN_AFTER = re.compile(rf"[“‘\"']+[^“”‘’\"\n]{{1,80}}?[,.]?[”’\"']+\s*{_OWNED}\b")
_CLOSED_SENTENCE = re.compile(r"[.!?][”\"’']+$")
_NEW_SENTENCE = re.compile(r"\s+[A-Z]")
_DASH_INTRO = re.compile(r"(?P<np>[A-Z][\w.’'-]*(?:\s+(?:[A-Z]\.|[A-Z][\w.’'-]*)){1,3})\s*(?:--|—|–)\s*$")
_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")
_SENTENCE_BREAK = re.compile(r"[.!?](?<!\b[A-Z][.!?])(?<!\bMr[.!?]|\bMs[.!?]|\bDr[.!?]|\bSt[.!?])(?<!\bMrs[.!?])"
                             r"(?<!\b(?:Gov|Sen|Rep|Gen)[.!?])\s+[A-Z]")
_SUBORDINATORS = frozenset("when after before while because if since until unless though although".split())
_NAME_GERUND = re.compile(r"(?<![.!?]\s)(?<!^)\b(?P<name>[A-Z][\w.’'-]*(?:\s+(?:[A-Z]\.|[A-Z][\w.’'-]*)){0,2})\s+$")
_PRONOUN_SUBJECTS = frozenset("he she they we i".split())
_PROGRESSIVE = re.compile(r"\b(?:is|was|are|were|be|been|am|[’']s|[’']re|kept|keeps|keep|began|begins|started|"
                          r"starts|continued|continues|spent|spends|went on|goes on)\s+(?:\w+ly\s+)?$")
_ASKED_BY = re.compile(r"\s+by\s+(?:[a-z-]+\s+){0,3}(?P<np>[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|(?!(?:if|whether|that|about|and|or|to|for|of|in|on|at|when|why|how|what|who)\b)[a-z-]+(?=\s+[A-Z]))){0,5})")
_SAID_THEN = re.compile(r"\b(?:said|says|told|tells|added|adds|wrote|writes|noted|notes|explained|recalled)"
                        r"(?:\s+[\w-]+){0,2},\s+$")
_INFINITIVE = re.compile(r"\bto\s+(?:\w+ly\s+)?$")
_WHO = re.compile(r"(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})(?:\s*\([^)]{1,30}\))?(?:,\s+(?:[a-z]|[Tt]he\s|An?\s)[^,;“”\"]{0,80})?,\s+who\s+(?:[^,;“”\"]{0,30}\s)?$")
_POSSESSED_NAME = re.compile(r"(?:\s+[a-z-]+){1,3}(?:\s+[A-Z][\w’'.-]*)+(?=\s+[a-z])")
_POSSESSED_NOUN = re.compile(r"\s+(?P<noun>[a-z-]+)(?=\s+[a-z])")
_PEOPLE_NOUNS = GROUP_NOUNS | TITLE_WORDS | frozenset("""businessman businesswoman magnate mogul man woman
president governor senator member co-founder executive organizer delegate supporter donor operative
consultant comedian star rabbi agent""".split())
_ADJECTIVE_TITLES = frozenset("presidential former democratic republican state house senate acting vice".split())
_TITLED_NAME = re.compile(r"(?P<t>(?:\s+[a-z-]+){1,3})(?:\s+[A-Z][\w’'.-]*)+(?=(?:\s*\([^()]{1,20}\))?,?\s+[a-z])")
_OF_GROUP = re.compile(r"\s+of\s+[a-z-]+s\b(?=\s+[a-z])")
_ROLE_AFTER = re.compile(r"(?:\s+[a-z-]+)??\s+(?P<w>[a-z-]+)(?=\s+[a-z])")
_APPOSED_AFTER_PP = re.compile(r"(?:\s+[a-z-]+){0,3}?(?:\s+(?:at|of|for|from|in|with|on)\s+[^,;“”\"]{1,60})?,\s+(?P<name>[A-Z][\w’'.-]*"
                               r"(?:\s+(?:[A-Z]\.|[A-Z][\w’'.-]*)){1,3}),\s+[a-z]")
_ADV_END = re.compile(_ADV + r"$")


def _adverbs_at_end(words: str) -> re.Match[str] | None:
    """``_ADV_END.search(words)``: the (up to three) adverbs that end ``words``, looked for from its
    last three words only (the pattern opens with a word boundary: searched from the start, it is
    tried at every offset of a long sentence, and can only match in its last three words)."""
    parts = words.rsplit(None, 3)
    return _ADV_END.search(words, len(parts[0]) if len(parts) == 4 else 0)


@dataclass(frozen=True)
class Cue:
    np: str
    np_start: int  # offset of the phrase in the document
    verb: str
    side: str  # "after" (cue follows the quotation) or "before"
    near: bool  # the cue touches the quotation (no other words between)


def _sentence_tail(text: str, lo: int, hi: int) -> int:
    """Start of the last sentence in text[lo:hi]."""
    start = lo
    for m in SENTENCE_END.finditer(text, lo, hi):
        start = m.end()
    return start


def _sentence_head(text: str, lo: int, hi: int) -> int:
    """End of the first sentence in text[lo:hi]."""
    m = SENTENCE_END.search(text, lo, hi)
    return m.end() if m else hi


_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


def _clean_np(np: str) -> str:
    if "(" in np:  # (most phrases have none: no pattern to look up and run)
        np = _PARENTHESIS.sub("", np)
    return np.strip(" ,.-—–")


# "from Dunmore, South Carolina", "in Hartwell, Mass.": a town and its state after a preposition
_PLACE_COMMA = re.compile(r"\b(?:from|of|in|near|outside)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}(,)(?=\s+[A-Z][\w’'.-]*"
                          r"(?:\s+[A-Z][\w’'.-]*)?(?:[,.;]|\s+[a-z]|$))")


def _PLACE_JOINED(m: re.Match[str]) -> str:
    return m.group()[:-1] + " "  # the same length: offsets into the text stay right


def _subject_before(text: str, lo: int, end: int) -> tuple[str, int] | None:
    """The noun phrase just before a verb ending at ``end``: after the last clause break."""
    seg = text[lo:end]
    if "," in seg:
        # "a salesman from Dunmore, Ohio, says": the comma inside a place is no clause break
        seg = _PLACE_COMMA.sub(_PLACE_JOINED, seg)
    seg_strip = seg.rstrip()
    m = _adverbs_at_end(seg_strip + " ")
    if m and 0 < m.start() < len(seg_strip) and seg_strip[:m.start()].rstrip()[-1:] in (",", ")"):
        seg_strip = seg_strip[:m.start()].rstrip()  # "Quist, a ferry pilot, once put it"
    for dash in (" -- ", " — ", "—", " – "):
        # "Jon Dirk, the chief of Lumen Studios -- the company that makes the show -- told me"
        if seg_strip.endswith(dash.strip()) and seg_strip[:-len(dash.strip())].count(dash.strip()) >= 1:
            k = seg_strip[:-len(dash.strip())].rfind(dash.strip())
            if k > 0:
                seg_strip = seg_strip[:k].rstrip() + ","  # what stood before it may be an appositive
            break
    # skip an appositive ", a top adviser," or a parenthesis "(D-Wis.)" just before the verb
    if seg_strip.endswith(")"):
        k = seg_strip.rfind("(")
        if k > 0:
            seg_strip = seg_strip[:k].rstrip()
    if seg_strip.endswith(","):
        inner = seg_strip[:-1]
        for depth in range(3):  # "Berg, the head baker at Lund's, a founder of the guild, said"
            k = inner.rfind(",")
            if k < 0:
                break
            app = inner[k + 1:].strip()
            t = _TITLED_APPOSITION.fullmatch(app)
            if t:  # "Her rival, state Sen. Paul Okoro, told": the name in apposition
                return t.group("name"), lo + k + 1 + inner[k + 1:].find(t.group("name"))
            if depth and not (_DESCRIPTION.match(app) or _ROLE_OF.match(app)):
                break  # only a description stands between a name and its verb
            head = inner[:k].rstrip()
            if not head.strip():
                break
            seg_strip = inner = head
        if seg_strip.endswith(","):
            seg_strip = seg_strip[:-1].rstrip()
        if seg_strip.endswith(")"):  # "Rep. Ann Lee (D-Maine), a member of the panel, said"
            k = seg_strip.rfind("(")
            if k > 0:
                seg_strip = seg_strip[:k].rstrip()
    cut = 0
    for m in _CLAUSE_CUT.finditer(seg_strip):
        cut = m.end()
    np = seg_strip[cut:].strip()
    m = _adverbs_at_end(np + " ")
    if m and 0 < m.start() < len(np):  # "The harbour master has repeatedly warned": drop "has repeatedly"
        np = np[: m.start()].strip()
    words = np.split()
    if len(words) > 1 and words[-1].lower() in _PRONOUN_SUBJECTS:
        # "Last spring on a local radio show she warned …": the pronoun
        k = seg_strip.rfind(words[-1])
        return words[-1], lo + k
    if not words or len(words) > 10:
        return None
    return _clean_np(np), lo + cut + (len(seg_strip[cut:]) - len(seg_strip[cut:].lstrip()))


# what may follow the verb of a cue that is a sentence of its own: "Okafor said.", "she added on
# Monday.", "Okafor said in a statement, adding …" (not "Okafor said that …", not a new quotation)
_CUE_ALONE = re.compile(r"(?:\s+[A-Za-z]+|\s+(?:in|on|at|to|during|after|before|by|from|with|via|through)(?:\s+[\w’'-]+){1,4})?"
                        r"\s*(?:[.!?](?:\s|$)|,\s+[a-z])")


def cue_after(text: str, lo: int, hi: int) -> Cue | None:
    """A cue right after a quotation: gap text[lo:hi]."""
    hi = min(hi, lo + 300)
    m = _AFTER_VERB.match(text, lo, hi)
    # "said a party official who supports the plan": the phrase ends at its relative clause
    np = _RELATIVE.split(m.group("np"), maxsplit=1)[0] if m else ""
    words = np.split()
    if m and words and len(words) <= 8 and words[0] not in _NOT_SUBJECT:
        return Cue(_clean_np(np), m.start("np"), m.group("v"), "after", True)
    m = _AFTER_SUBJ.match(text, lo, hi)
    if m and _SENTENCE_BREAK.search(m.group("np")):
        m = None  # the phrase runs into the next sentence: the verb is not this quotation's cue
    words = m.group("np").split() if m else []
    if m and words and words[0].lower() in _SUBORDINATORS:
        m = None  # "“The bread is stale,” when Voss criticised him": another clause, not the cue
    if m:
        nu = _NOUN_USE.search(text, max(m.start("np"), m.start("v") - 30), m.start("v"))
        if nu and not (nu.group("mid") and nu.group("mid").strip() in _PEOPLE_NOUNS):
            m = None  # "… to illustrate the baker’s sharp remarks": a noun, not a verb
    # '“The ferry is late again.” She added that …': a new sentence after a closed quotation may be
    # its cue, but one found before the quotation comes first
    near = not (_CLOSED_SENTENCE.search(text, max(0, lo - 3), lo) and _NEW_SENTENCE.match(text, lo, hi))
    if m and not near and not m.group("app") and len(words) <= 4 and _CUE_ALONE.match(text, m.end("v"), hi):
        near = True  # '“Who signed this?” Okafor asked.': a sentence of only a name and a verb is the cue
    if m and len(words) <= 12:
        np = m.group("np").rstrip()
        app = m.group("app")
        if app and app.startswith(",") and np.split()[-1][:1].islower():
            # "her nephew, Councillor Tom Roe (Ward 4), shouted": the name in apposition speaks
            inner = _clean_np(app.strip(" ,"))
            names = _NAME_ONLY.findall(inner)
            if names:
                return Cue(names[-1], m.start("app") + app.find(names[-1]), m.group("v"), "after", near)
        return Cue(_clean_np(np), m.start("np"), m.group("v"), "after", near)
    m = _DASH_NAME.match(text, lo, hi)
    if m:
        return Cue(_clean_np(m.group("np")), m.start("np"), "―", "after", True)
    if _CLOSED_SENTENCE.search(text, max(0, lo - 3), lo) and _NEW_SENTENCE.match(text, lo, hi):
        return None  # '… “at once.” Brandt will tour the docks, according to an aide': a new sentence
    head = _sentence_head(text, lo, hi)
    m = _ACCORDING.search(text, lo, head) if _may_cite(text[lo:head]) else None
    if m:
        return Cue(_clean_np(m.group("np")), m.start("np"), "according to", "after", False)
    m = _TAIL_CUE.search(text, lo, head)
    if m and not (m.group("np1") and m.group("np1").split()[0] in _NOT_SUBJECT):
        g = "1" if m.group("np1") else "2"
        return Cue(_clean_np(m.group("np" + g)), m.start("np" + g), m.group("v" + g), "after", False)
    return None


# a source named with "according to" whose last word is capitalised: an outlet, a body, a person
_NAMED_SOURCE = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w.’'&-]*(?:\s+(?:[A-Z][\w.’'&-]*|of|for|and|&))*")


_SOURCE_NAME = r"(?:[Tt]he\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,4}"
# "…, the Gazette reported", "…, reports Lumen Radio", "” Harbour Watch first reported" (not "reported
# that", which says what it reported, nor "first reported by", which names who broke the news)
_REPORTED = re.compile(rf"(?:[,”\"’]|\s--?|—)\s*(?:(?:reported|reports)\s+(?P<np>{_SOURCE_NAME})"
                       rf"|(?P<np2>{_SOURCE_NAME})\s+(?:first\s+|also\s+)?(?:reported|reports))\b(?!\s+(?:that|by)\b)")


def according_in_sentence(text: str, lo: int, mark_start: int, mark_end: int, hi: int) -> Cue | None:
    """"“…,” Okafor said, according to the Harbour Gazette" / "According to Lumen Radio, Okafor
    said “…”": news reports words it did not hear itself through the named source that did, and
    that source is who the report quotes.  ``lo`` and ``hi`` bound the narrative around the
    quotation (text[lo:mark_start] before it, text[mark_end:hi] after it)."""
    # (the sentence end's look-ahead must see the opening mark: search a little past it)
    start = lo
    for stop in SENTENCE_END.finditer(text, lo, min(len(text), mark_start + 2)):
        if stop.end() <= mark_start:
            start = stop.end()
    spans = [(start, mark_start)]
    if not (_CLOSED_SENTENCE.search(text, max(0, mark_end - 3), mark_end) and _NEW_SENTENCE.match(text, mark_end, hi)):
        spans.append((mark_end, _sentence_head(text, mark_end, min(hi, mark_end + 300))))
    for a, b in spans:
        m = _ACCORDING.search(text, a, b)
        if m is not None:
            np = _clean_np(m.group("np"))
            if _NAMED_SOURCE.fullmatch(np) and np.split()[-1][:1].isupper():
                return Cue(np, m.start("np"), "according to", "after" if a == mark_end else "before", False)
        if a == mark_end:
            r = _REPORTED.search(text, a - 1, b)  # "…,” Okafor said, the Gazette reported."
            if r is not None:
                g = "np" if r.group("np") else "np2"
                return Cue(r.group(g), r.start(g), "reported", "after", False)
    return None


def cue_before(text: str, lo: int, hi: int, max_words: int = 40, headline: bool = False, subject: bool = True):
    """Cues in the sentence before a quotation, nearest first: gap text[lo:hi] ends at the
    opening mark.  The caller takes the first whose phrase resolves to someone.  The subject of
    the sentence comes last (side "subject"), unless ``subject`` is False."""
    start = _sentence_tail(text, lo, hi)
    tail = text[start:hi]
    if not tail.strip():
        return
    m = _DASH_INTRO.search(text, start, hi) if tail.rstrip().endswith(("--", "—", "–")) else None
    if m:  # "Many have said so, including the candidate Ada Brook -- “…” --": the name
        yield Cue(m.group("np"), m.start("np"), "—", "before", True)
    # the label and colon patterns end in a colon: without one, no need to try them at every offset
    colon = tail.rstrip().endswith(":")
    m = _DASH_LABEL.search(text, start, hi) if colon else None
    if m:
        yield Cue(m.group("np"), m.start("np"), ":", "before", True)
    verbs = _speech_verbs(text, start, hi)
    if "’" in tail or "'" in tail:
        m = _OWNED_WORDS.search(text, max(start, hi - 120), hi)
        # "Lee’s pledge to be “…”", "Lee’s “…” remark" (but "Voss denounced Lee’s remarks as “…”": Voss's)
        if m is not None and not any(v.start() < m.start() for v in verbs):
            owned = m.group("noun") is not None or _OWNED_NOUN_AFTER.match(text, hi)
            if owned and m.group("name").split()[0] not in ("The", "A", "An", "This", "That"):
                yield Cue(m.group("name"), m.start("name"), m.group("noun") or "’s", "before", True)
    # "The Gazette doubted Okafor’s boast that the ferry was “…”": the words are the possessor's
    poss = None
    if " that" in tail and ("’" in tail or "'" in tail):
        poss = last_match(_POSSESSED_WORDS, text, start, hi)
    if poss is not None and len(text[poss.end():hi].split()) > 12:
        poss = None
    for v in reversed(verbs):
        if poss is not None and v.start() < poss.start():
            yield Cue(poss.group("name"), poss.start("name"), poss.group("noun"), "before", False)
            poss = None
        between = text[v.end():hi].split()
        if len(between) > max_words:
            break
        if v.group("v")[0].isupper() and not headline and v.start() != start:
            continue  # "The Harbour Post": a capitalised verb is a name outside headlines
        nu = _NOUN_USE.search(text, max(start, v.start() - 30), v.start())
        if nu and not (nu.group("mid") and nu.group("mid").strip() in _PEOPLE_NOUNS):
            continue  # "his tweet", "the comments", "Editor's note": a noun, not a verb
        near = len(between) <= 4
        if v.group("v").lower() in WEAK_VERBS and not near and not (
                len(between) <= 8 and between[0].lower() in ("him", "her", "them", "it", "this", "that")
                and text[v.end():hi].rstrip().endswith(",")):
            continue  # "as The Lantern dubbed them in a column on Friday, “…”" is still near
        word = v.group("v").lower()
        by = _ASKED_BY.match(text, v.end()) if word in ("asked", "questioned", "pressed") else None
        if by is not None:  # "Berg was asked by host Ida Marsh, “…”": the one who asked
            yield Cue(by.group("np"), by.start("np"), v.group("v"), "before", near)
            continue
        if v.start() == start and word.endswith("ing"):
            continue  # "Speaking at the pier, Smith said": the subject follows
        w = _WHO.search(text, max(start, v.start() - 160), v.start())
        if w:  # "Dunn, now the harbour master, who in 2012 said"
            yield Cue(w.group("name"), w.start("name"), v.group("v"), "before", near)
            continue
        if word.endswith("ing"):
            g = _NAME_GERUND.search(text, max(start, v.start() - 60), v.start())
            if g and g.group("name").split()[0] not in ("The", "A", "An"):
                # "a clip of Okafor insisting …": the name right before the gerund says it
                yield Cue(g.group("name"), g.start("name"), v.group("v"), "before", near)
                continue
        if (word.endswith("ing") and not _PARTICIPLE.search(text, max(start, v.start() - 12), v.start())
                and not _PROGRESSIVE.search(text, max(start, v.start() - 30), v.start())):
            continue  # "a notice warning Lorne that …": a participle qualifying a noun, not a cue
        if (_COORD.search(text, max(start, v.start() - 40), v.start())
                or (word.endswith("ing") and _PARTICIPLE.search(text, max(start, v.start() - 12), v.start()))
                or _INFINITIVE.search(text, max(start, v.start() - 12), v.start())):
            # "Dent went on the radio to accuse …", "Fox sang, asking her …": the sentence's subject
            if word.endswith("ing") and _SAID_THEN.search(text, max(start, v.start() - 40), v.start()):
                continue  # "…, Marsh said, adding, “…”": the cue just before says who (its verb comes next)
            subj = sentence_subject(text, start, v.start())
            if subj:
                yield Cue(subj[0], subj[1], v.group("v"), "before", near)
            else:  # no plain sentence subject: the last he/she/they before the verb
                last = last_match(_SUBJECT_PRONOUN, text, start, v.start())
                if last is not None:
                    yield Cue(last.group(), last.start(), v.group("v"), "before", near)
            continue
        got = _subject_before(text, start, v.start())
        if got is None or not got[0]:
            continue
        np, at = got
        yield Cue(np, at, v.group("v"), "before", near)
    if poss is not None:
        yield Cue(poss.group("name"), poss.start("name"), poss.group("noun"), "before", False)
    m = _ACCORDING.search(text, start, hi) if _may_cite(tail) else None
    if m:
        yield Cue(_clean_np(m.group("np")), m.start("np"), "according to", "before", False)
    m = _COLON_NAME.search(text, start, hi) if colon else None
    if m and _AFTER_PREPOSITION.search(text, max(start, m.start("np") - 12), m.start("np")):
        m = None  # "Then, later that month on CNN: “…”": where it was said, not who said it
    if m and len(m.group("np").split()) <= 5 and all(w[:1].isupper() for w in m.group("np").split()):
        yield Cue(_clean_np(m.group("np")), m.start("np"), ":", "before", True)

    if not subject:
        return
    subj = sentence_subject(text, start, hi)
    if subj:
        yield Cue(subj[0], subj[1], "", "subject", False)


_LEAD_PHRASE = re.compile(
    r"(?:(?:In|At|On|During|After|Before|When|While|(?:And|But|Yet),\s+(?:in|at|on|during|after|before|when|while)|Speaking|Writing|Asked|Earlier|Later|Last|This|"
    r"Since|Following|Meanwhile|However|Still|But|And|Yet|Instead|Also|Elsewhere|Touching|Responding|"
    r"Back|From|For|With|Without|Under|Over|Despite|Although|Though|As|Like|Unlike|Along with|Alongside|"
    # "Reached by phone,", "Hastily packing up,", "Hours later,", "Early in the race,"
    r"[A-Z][a-z]+(?:ed|ly)(?=\s+(?:by|in|on|at|to|about|after|with|for|from|[a-z]+ing)\b)|"
    r"(?:Hours|Days|Weeks|Months|Years|Minutes|Moments)(?=\s+(?:later|earlier|after|before)\b)|"
    r"(?:Early|Late)(?=\s+(?:in|on|last|this|that)\b))\b"
    r"[^,]{0,120},\s*)+")
_GROUP_HEADS = alternatives(w for w in GROUP_NOUNS if w.isalpha())
_SUBJECT = re.compile(
    r"(?P<np>(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+)?(?:[\w’'.-]+\s+){0,5}?(?:[A-Z][\w’'.-]*|he|she|they|officials|[a-z]+(?:man|woman|person|er|or|ist|ent|ant|ee)s?"
    rf"|(?:{_GROUP_HEADS})\b))"
    r"(?:\s*\([^)]{0,40}\))?(?:,(?P<app>[^,]{1,120}),)?\s+(?=[a-z])")


def sentence_subject(text: str, start: int, hi: int) -> tuple[str, int] | None:
    """The subject at the start of a sentence, after any leading phrase ("At the quay, Okafor")."""
    while start < hi and text[start].isspace():
        start += 1
    m = _LEAD_PHRASE.match(text, start, hi)
    pos = m.end() if m else start
    while pos < hi and (text[pos].isspace() or text[pos] in "”\"’'"):
        pos += 1  # 'On “Morning Harbour,” Mayor Roe …': past the closing mark
    m = _SUBJECT.match(text, pos, hi)
    if not m:
        return None
    np = m.group("np")
    t = _TITLED_NAME.match(text, m.end("np"), hi) if np.split()[-1][:1].isupper() else None
    if t and all(w in _PEOPLE_NOUNS or w in _ADJECTIVE_TITLES for w in t.group("t").split()):
        # "Independent harbour-board candidate Ann Voss chimed in": the whole titled name
        return _clean_np(text[m.start("np"):t.end()]), m.start("np")
    x = _ROLE_AFTER.match(text, m.end("np"), hi)
    if (x and x.group("w") in _PEOPLE_NOUNS and x.group("w") not in _ADJECTIVE_TITLES
            and np.split()[-1][:1].isupper() and not np.endswith(("’s", "'s")) and not m.group("app")):
        np = text[m.start("np"):x.end()]  # "The Liberal candidate", not "The Liberal"
        o = _OF_GROUP.match(text, x.end(), hi)
        if o:
            np = text[m.start("np"):o.end()]  # "Large groups of parents"
    app = (m.group("app") or "").strip()
    x = _APPOSED_AFTER_PP.match(text, m.end("np"), hi) if not app else None
    if x:  # "Her old teacher at the academy, Lars Quinn, called her …"
        app, app_at = x.group("name"), x.start("name")
        if np[:1].islower() or np.split()[0] in ("The", "A", "An", "His", "Her", "Their", "Its"):
            return app, app_at
    if (np[:1].islower() or np.split()[0] in ("The", "A", "An", "His", "Her", "Their", "Its")) and _NAME_ONLY.fullmatch(app):
        # "Her old teacher, Lars B. Quinn, called her …": the name in apposition
        return app, m.start("app") + m.group("app").find(app)
    if np.endswith(("’s", "'s")):
        # "Lund's head baker Rob Tate said", "Lund's board has asked": the subject
        # is what the possessive qualifies, a person or a group
        x = _POSSESSED_NAME.match(text, m.end("np"), hi) or _POSSESSED_NOUN.match(text, m.end("np"), hi)
        if x and (x.re is _POSSESSED_NAME or x.group("noun") in _PEOPLE_NOUNS):
            np = text[m.start("np"):x.end()]
    np = _clean_np(np)
    if not np or len(np.split()) > 7:
        return None
    return np, m.start("np")
