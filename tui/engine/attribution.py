"""Attribute quotations to speakers: an explicit list of rules run by one small driver.

Each rule answers a quotation with an :class:`~.evidence.Attribution` (a speaker, the method,
the rule's name, the words that name the speaker and where they stand) or a
:class:`~.evidence.Declined` that says why not.  ``RULES`` lists them strongest evidence first:

transcript    a speaker label opening the paragraph or quotation ("HALLORAN: …", not "Q:");
narrator      a novel told in the first person: "…,” I said" is the narrator, by the name the
              other characters call them (see ``narrator``);
cue           a speech cue next to the quotation ("…,” Halloran said", "said Ms. Okafor",
              "according to officials", "Okafor: “…”", "Brandt’s boast that “…”"), its noun
              phrase resolved to a person by name, pronoun or description (see ``resolve``);
headline      a headline quotation with no cue: the person the headline names, when the
              article names them too;
paragraph     an interrupted quotation ("“A,” she said, “B.”"): one speaker per paragraph;
continuation  a paragraph that goes on with a quotation the previous one left open, or (in
              news) a bare quotation paragraph after a quoted one or one about someone;
alternation   fiction dialogue: untagged turns alternate between the last two speakers, and
              "he replied" is the participant of that gender who did not speak before;
marks         titles and scare quotes are nobody's words: never attributed.

The first three run on each quotation in turn, paragraph by paragraph (an attribution they make
is a speaker quoted there, which later pronouns and descriptions can mean); ``paragraph`` runs
once each paragraph is done; the rest run over the whole document, in order, and fill (or, for
alternation, revise) what is left.  ``attribute(..., explain=True)`` keeps every rule's answer.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Literal

from .cues import SENTENCE_END, Cue, according_in_sentence, cue_after, cue_before, sentence_subject
from .dialogue import fill_turns, is_dialogue, kin_mentions
from .evidence import UNDECIDED, Attribution, Declined, Step, Trace, confidence
from .lexicon import NOT_NAMES, SUBJECT_PRONOUNS, TITLE_WORDS
from .mentions import (
    Entity,
    Mention,
    Registry,
    build_registry,
    full_names_in_speech,
    merge_forms,
    parse_run,
)
from .model import Analysis, Document, Method, Quote
from .narrator import find_narrator, narrator_entity, narrator_mentions, spoke_i
from .quotes import blank_quotes
from .resolve import GUESS, How, Resolver, Speakers, description_gender
from .transcripts import LABEL

_POSSESSIVE_END = re.compile(r"[’']s?$")
_SENTENCE_REACH = 600  # no sentence before a quotation is read back further than this

_CAP_WORD = re.compile(r"[A-Z][\w’'.-]+")


def _headline_person(text: str, lo: int, hi: int, reg: Registry) -> Entity | None:
    """The first person named in a headline before ``hi`` whom the article also names."""
    words = [_POSSESSIVE_END.sub("", w) for w in _CAP_WORD.findall(text, lo, hi)]
    for i, w in enumerate(words):
        if i + 1 < len(words):
            e = reg.with_full_name(w, words[i + 1])
            if e is not None and e.kind == "person" and len(e.positions) > 1:
                return e
        cands = [e for e in reg.with_surname(w) if e.kind == "person" and len(e.tokens) > 1]
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


# ---------------------------------------------------------------------------------------------
# The driver


class Context:
    """One document's attribution in progress: its quotations (in text order), the speakers
    handed out, each quotation's current attribution and (when explaining) its trace."""

    def __init__(self, doc: Document, quotes: list[Quote], res: Resolver, dialogue: bool, explain: bool) -> None:
        self.doc, self.text, self.quotes, self.res, self.dialogue = doc, doc.text, quotes, res, dialogue
        self.sp, self.reg = res.sp, res.reg
        self.masked = blank_quotes(doc.text, quotes)  # the text with quoted words blanked out
        self.by_block: dict[int, list[int]] = {}  # quotation indexes by paragraph
        for i, q in enumerate(quotes):
            self.by_block.setdefault(doc.block_index_at(q.mark_start) or 0, []).append(i)
        self.result: list[Attribution] = [UNDECIDED] * len(quotes)
        self.explain = explain
        self.traces = [Trace() for _ in quotes] if explain else []
        self.after_cued: dict[int, bool] = {}  # quotes whose speaker was named right after them
        self.pron: dict[int, str | None] = {}  # quotes attributed by a pronoun: its gender
        self.turn_mentions: list[Mention] = res.mentions  # who acts around the turns of a dialogue

    def decide(self, i: int, a: Attribution) -> None:
        """Quotation ``i`` is now ``a``'s (its confidence follows from its method)."""
        a = a.with_confidence(confidence(a.method, a.guessed, self.quotes[i].continues))
        self.result[i] = a
        if self.explain:
            self.traces[i].steps.append(a)

    def note(self, i: int, step: Declined) -> None:
        if self.explain:
            self.traces[i].steps.append(step)


Scope = Literal["quote", "paragraph", "document"]


@dataclass(frozen=True)
class Rule:
    """A named source of evidence.  ``run`` takes (ctx, paragraph, position in it) and returns a
    Step for a quote rule; (ctx, paragraph) or (ctx) for the others, which call ``ctx.decide``
    for what they attribute.  ``declines`` is what a paragraph or document rule says of a
    quotation it left without a speaker."""

    name: str
    scope: Scope
    run: Callable[..., Step | None]
    declines: str = ""


def _run(ctx: Context, rules: tuple[Rule, ...]) -> None:
    """Run ``rules``: quote rules on each quotation until one decides, paragraph by paragraph,
    then each paragraph rule; then the document rules in order."""
    quote_rules = [r for r in rules if r.scope == "quote"]
    paragraph_rules = [r for r in rules if r.scope == "paragraph"]
    for bi in sorted(ctx.by_block):
        idx = ctx.by_block[bi]
        for k, i in enumerate(idx):
            for rule in quote_rules:
                step = rule.run(ctx, bi, k)
                if isinstance(step, Attribution):
                    ctx.decide(i, step)
                    if step.speaker is not None:  # someone quoted here, whom a later "he" may mean
                        ctx.sp.history.append((ctx.quotes[i].mark_start, step.speaker))
                    break
                if step is not None and ctx.explain:  # (a call per declined rule costs, on a novel)
                    ctx.note(i, step)
        for rule in paragraph_rules:
            _sweep(ctx, rule, idx, (ctx, bi))
    everything = range(len(ctx.quotes))
    for rule in rules:
        if rule.scope == "document":
            _sweep(ctx, rule, everything, (ctx,))


def _sweep(ctx: Context, rule: Rule, idx, args: tuple) -> None:
    open_before = [i for i in idx if not ctx.result[i].decided] if ctx.explain else []
    rule.run(*args)
    for i in open_before:
        if not ctx.result[i].decided and rule.declines:
            ctx.note(i, Declined(rule.name, rule.declines))


def attribute(doc: Document, quotes: list[Quote], explain: bool = False,
              rules: tuple[Rule, ...] | None = None) -> tuple[Analysis, list[Trace]]:
    """Speakers for ``quotes`` by ``rules`` (default ``RULES``); with ``explain``, each
    quotation's trace too (quotations in text order, as in the analysis)."""
    text = doc.text
    quotes = sorted(quotes, key=lambda q: q.mark_start)
    segs = _narrative_segments(doc, quotes)
    reg, mentions = build_registry(text, segs)
    dialogue = is_dialogue(doc, quotes)
    if dialogue:
        merge_forms(reg, mentions)
        full_names_in_speech(reg, text, [(q.start, q.end) for q in quotes], mentions)
    sp = Speakers(reg)
    res = Resolver(text, reg, mentions, sp)
    if dialogue:
        # "Her father put down the paper. He said, ...": the father is someone a he can point to
        mentions = kin_mentions(text, segs, mentions, res)
        res = Resolver(text, reg, mentions, sp)
    res.news = not dialogue
    sp.plain_labels = dialogue
    narrator = find_narrator(doc, quotes) if dialogue else None
    if narrator is not None:
        res.narrator = narrator_entity(reg, narrator)
    ctx = Context(doc, quotes, res, dialogue, explain)
    if res.narrator is not None:
        # "I looked up. “…”": the narrator acting before a turn is someone, for the turns
        ctx.turn_mentions = narrator_mentions(text, segs, res.mentions, res.narrator)
    _run(ctx, RULES if rules is None else rules)
    for t, a in zip(ctx.traces, ctx.result):
        t.final = a
    out = []
    for q, a in zip(quotes, ctx.result):
        sid = a.speaker
        out.append(q.attributed(sid, a.cue, a.method if sid else "none", a.confidence if sid else 0.0))
    return Analysis(tuple(out), sp.speakers()), ctx.traces


# ---------------------------------------------------------------------------------------------
# The rules


_NO_LABEL = Declined("transcript", "no speaker label opens the paragraph or the quotation")


def transcript(ctx: Context, bi: int, k: int) -> Step:
    """"HALLORAN: …" at the start of the quotation or of its paragraph."""
    idx = ctx.by_block[bi]
    text, q, block = ctx.text, ctx.quotes[idx[k]], ctx.doc.blocks[bi]
    m = LABEL.match(text, q.start) or (LABEL.match(text, block.start) if k == 0 else None)
    if m and m.group("label").strip(".") not in ("A", "Q") and m.group("label").lower() not in NOT_NAMES:
        label = m.group("label").title()
        p = parse_run(label)
        span = (m.start("label"), m.end("label"))
        if p:
            sid = ctx.sp.of_entity(ctx.reg.resolve(p, q.start))
            return Attribution(sid, "transcript", "transcript", ":", m.group("label"), span)
        if label.lower().strip(". ") in TITLE_WORDS:  # "REPORTER:"
            return Attribution(ctx.sp.of_group(label.strip(". ")), "transcript", "transcript", ":",
                               m.group("label"), span)
        return Declined("transcript", f"the label {m.group('label')!r} names nobody")
    return _NO_LABEL


def cue(ctx: Context, bi: int, k: int) -> Step:
    """The first cue next to the quotation whose phrase resolves to someone."""
    text, quotes, block, by_block = ctx.text, ctx.quotes, ctx.doc.blocks[bi], ctx.by_block
    idx = by_block[bi]
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
    after_first = bool(after and after.near and q.kind != "partial")  # "“…,” she said"
    inherited: Attribution | None = None
    if not after_first and (not ctx.dialogue and k and ctx.after_cued.get(idx[k - 1])
                            and _one_sentence(text, quotes[idx[k - 1]].mark_end, q.mark_start)):
        # "“A,” Okafor said at the quay, which Brandt had closed. “B.”": a quotation opening
        # the sentence after its neighbour's cue goes on with that speaker (as sure as the
        # neighbour's cue), unless a cue after it names someone
        inherited = ctx.result[idx[k - 1]]
    lead_from = None
    if inherited is None and k == 0 and q.mark_start == block.start and bi - 1 not in by_block and bi > 0:
        # "…the baker wiped her hands, and said," / "he continued:" closing the paragraph before
        prev = ctx.doc.blocks[bi - 1]
        if text[prev.start:prev.end].rstrip()[-1:] in (",", ":", "-", "—"):
            lead_from = prev
    befores: list[Cue] | None = [] if inherited is not None else None

    def candidates() -> Iterator[Cue]:
        """The cues in the order they are tried; the sentence before is read only when the
        cue after the quotation (most of a novel's) names nobody."""
        nonlocal befores
        if not ctx.dialogue and inherited is None:
            # "“…,” Okafor said, according to the Gazette": the words come through the Gazette
            source = according_in_sentence(ctx.masked, lo_before, q.mark_start, q.mark_end, right_hi)
            if source is not None:
                if source.side == "after" and after is not None and after.near:
                    source = replace(source, near=True)  # "“B.”" after it goes on with the same source
                yield source
        if lead_from is not None:
            lead = cue_before(text, lead_from.start, lead_from.end, max_words=4, subject=False)
            yield from itertools.islice((c for c in lead if c.side == "before"), 1)
        if after_first and after is not None:
            yield after
        if befores is None:
            befores = list(cue_before(ctx.masked, lo_before, q.mark_start,
                                      max_words=40 if q.kind == "partial" else 25,
                                      headline=block.kind == "heading"))
            if not ctx.dialogue:
                befores = _outer_first(text, befores)
        yield from (c for c in befores if c.side == "before")
        if after and after.near and q.kind == "partial":
            yield after
        if after and not after.near:
            yield after
        yield from (c for c in befores if c.side != "before")

    found = _first_resolved(ctx, i, candidates())
    if isinstance(found, Declined) and inherited is not None:
        return inherited
    return found


# verbs that report what someone said: "Lee said (that) …", "Lee told them …", "Lee wrote …"
_REPORTING = frozenset("""said says say told tells added adds noted notes wrote writes argued argues
insisted insists claimed claims explained explains recalled recalls acknowledged acknowledges
stressed stresses warned warns""".split())


def _outer_first(text: str, befores: list[Cue]) -> list[Cue]:
    """"Rep. Lee said Voss called on members to be “…”": the nearest cue (Voss called) stands in
    what an earlier cue of the sentence reports (Lee said), and news credits the words to the one
    who reported them to the writer, so the outer cue comes first."""
    if len(befores) < 2 or befores[0].side != "before":
        return befores
    inner = befores[0]
    for outer in befores[1:]:
        if outer.side != "before" or outer.np_start >= inner.np_start or outer.verb.lower() not in _REPORTING:
            continue
        gap = text[outer.np_start + len(outer.np):inner.np_start]
        if re.match(rf"\s*(?:\w+ly\s+|also\s+|later\s+|then\s+)?{re.escape(outer.verb)}\b(?:\s+(?:on|last|this)?\s*\w+day)?"
                    r"(?:\s+that)?\s*$", gap, re.IGNORECASE):
            return [outer] + [c for c in befores if c is not outer]
    return befores


_METHOD_OF: dict[How, Method] = {"cue": "cue", "narrator": "narrator", "pronoun": "pronoun", "description": "description",
                                  "guess": "description", "none": "none"}


def _first_resolved(ctx: Context, i: int, candidates: Iterable[Cue]) -> Step:
    sp = ctx.sp
    tried = []
    any_cue = False
    for c in candidates:
        any_cue = True
        got, how = ctx.res.resolve(c.np, c.np_start)
        if got is None:
            if ctx.explain:
                tried.append(f"{c.verb or c.side} {c.np!r} (nobody)")
            continue
        ent = sp.entity_of.get(got)
        if c.side == "subject" and how == "cue" and ent is not None and not (ent.personlike or ent.kind == "org"):
            if ctx.explain:
                tried.append(f"subject {c.np!r} (not a person)")
            continue  # a capitalised word opening the sentence, not a person
        if how == "pronoun":
            ctx.pron[i] = SUBJECT_PRONOUNS.get(c.np.strip().lower())
        elif how == GUESS and ctx.dialogue:
            # "said the old man" when nobody was called so: like "he said", the man of the
            # conversation whose turn it is (see ``dialogue``)
            ctx.pron[i] = description_gender(c.np)
        if ent is not None and how == "cue":
            ent.spoke += 1
        if c.side == "after" and c.near:
            ctx.after_cued[i] = True
        return Attribution(got, _METHOD_OF[how], "cue", c.verb, c.np, (c.np_start, c.np_start + len(c.np)),
                           guessed=how == GUESS)
    if not any_cue:
        return Declined("cue", "no speech cue next to it")
    return Declined("cue", "no cue names anyone: " + "; ".join(tried) if tried else "no cue names anyone")


_NO_NARRATOR = Declined("narrator", "the novel is not told in the first person by someone it names")
_NOT_MINE = Declined("narrator", "no “I said” next to it")


def narrator(ctx: Context, bi: int, k: int) -> Step:
    """"…,” I said" / "said I" / "I answered: “…”" in a novel told in the first person: the
    narrator's (before any other cue: "Ann looked at me. “No,” I said" is not Ann's)."""
    e = ctx.res.narrator
    if e is None:
        return _NO_NARRATOR
    idx = ctx.by_block[bi]
    q, block = ctx.quotes[idx[k]], ctx.doc.blocks[bi]
    right_hi = ctx.quotes[idx[k + 1]].mark_start if k + 1 < len(idx) else block.end
    span = spoke_i(ctx.text, q, block.start, right_hi)
    if span is None:
        return _NOT_MINE
    return Attribution(ctx.sp.of_entity(e), "narrator", "narrator", ctx.text[span[0]:span[1]], "I", span)


_NOT_HEADLINE = Declined("headline", "not a headline")


def headline(ctx: Context, bi: int, k: int) -> Step:
    """"Okafor Presses Harbour Board: ‘Who Signed This Lease?’": the person the headline
    names, when the article names them too."""
    block, q = ctx.doc.blocks[bi], ctx.quotes[ctx.by_block[bi][k]]
    if block.kind != "heading" or q.kind == "title":
        return _NOT_HEADLINE
    e = _headline_person(ctx.text, block.start, q.mark_start, ctx.reg)
    if e is None:
        return Declined("headline", "the headline names nobody the article names")
    span = (block.start, q.mark_start)
    return Attribution(ctx.sp.of_entity(e), "description", "headline", None, e.name, span)


def paragraph(ctx: Context, bi: int) -> None:
    """Interrupted quotations ("“A,” she said, “B.”") share the speaker of their neighbour: the
    nearest attributed one before, else after (one pass each way, not a scan per quote)."""
    idx, quotes, result = ctx.by_block[bi], ctx.quotes, ctx.result
    after: list[int | None] = [None] * len(idx)
    following = None
    for k in range(len(idx) - 1, -1, -1):
        after[k] = following
        if result[idx[k]].decided:
            following = idx[k]
    before = None
    for k, i in enumerate(idx):
        if not result[i].decided and quotes[i].kind != "title":
            j = before if before is not None else after[k]
            if j is not None:
                ctx.decide(i, _carried(ctx, j, "paragraph"))
        if result[i].decided:
            before = i


def _carried(ctx: Context, j: int, rule: str) -> Attribution:
    """The speaker of quotation ``j`` carried over to another, with ``j`` as the evidence."""
    q = ctx.quotes[j]
    return Attribution(ctx.result[j].speaker, "continuation", rule, None, ctx.result[j].mention,
                       (q.mark_start, q.mark_end))


_SIGNATURE = re.compile(r"\s*[-–—―]*\s*(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})\s*(?:,|\.|$)")
_QUOTE_TAIL = re.compile(r"[\s.,;:!?”’\"')\]]*")


def signature(ctx: Context) -> None:
    """A quotation that ends its paragraph, signed in the next, short one: "“…”" / "Ann Lee,
    Centre for Harbour Policy." or "— Ann Lee, speaking on Monday"."""
    if ctx.dialogue:
        return  # a novel's short paragraph after a speech is narration, not a byline
    text, doc = ctx.text, ctx.doc
    for bi, idx in ctx.by_block.items():
        last = ctx.quotes[idx[-1]]
        if bi + 1 in ctx.by_block or bi + 1 >= len(doc.blocks) or last.is_mark:
            continue
        tail = _QUOTE_TAIL.match(text, last.mark_end, doc.blocks[bi].end)
        if tail is None or tail.end() < doc.blocks[bi].end:
            continue  # words after the quotation: its own paragraph says who
        nxt = doc.blocks[bi + 1]
        if len(text[nxt.start:nxt.end].split()) > 12:
            continue
        m = _SIGNATURE.match(text, nxt.start, nxt.end)
        if m is None:
            continue
        name = m.group("name")
        if name.endswith(".") and len(name.split()[-1]) > 3:
            name = name[:-1]  # "— Bo Chan.": the full stop ends the line, not an initial
        p = parse_run(name)
        if p is None or p.kind != "person":
            continue
        sid = ctx.sp.of_entity(ctx.reg.resolve(p, m.start("name")))
        got = Attribution(sid, "cue", "signature", "―", name, (m.start("name"), m.start("name") + len(name)))
        for i in idx:
            if not ctx.result[i].decided and not ctx.quotes[i].is_mark:
                ctx.decide(i, got)


def continuation(ctx: Context) -> None:
    """A paragraph that goes on with a quotation left open; in news, a bare quotation paragraph
    after a quoted one or after a paragraph about someone; and backwards, a quotation left open
    takes the speaker named in the paragraph that finishes it."""
    doc, quotes, result, by_block, res, dialogue = ctx.doc, ctx.quotes, ctx.result, ctx.by_block, ctx.res, ctx.dialogue
    sp, mentions = res.sp, res.mentions
    block_order = sorted(by_block)
    for bi in block_order:
        idx = by_block[bi]
        block = doc.blocks[bi]
        first = idx[0]
        if result[first].decided or quotes[first].kind == "title":
            continue
        got: Attribution | None = None
        prev_idx = by_block.get(bi - 1)
        if prev_idx is not None:
            last = prev_idx[-1]
            if quotes[last].continues and result[last].decided or not dialogue and result[last].decided and quotes[first].mark_start == block.start:
                got = _carried(ctx, last, "continuation")
        elif not dialogue and bi > 0 and quotes[first].mark_start == block.start:
            # a bare quotation after a paragraph about someone: theirs
            prev = doc.blocks[bi - 1]
            lo = bisect.bisect_left(res.starts, prev.start)
            hi = bisect.bisect_left(res.starts, prev.end)
            for m in reversed(mentions[lo:hi]):
                if m.subj and m.entity.personlike:
                    got = Attribution(sp.of_entity(m.entity), "continuation", "continuation", None,
                                      ctx.text[m.start:m.end], (m.start, m.end))
                    break
        if got is not None:
            for i in idx:
                if not result[i].decided:
                    ctx.decide(i, got)
    for bi in reversed(block_order):
        nxt = by_block.get(bi + 1)
        last = by_block[bi][-1]
        if nxt and quotes[last].continues and not result[last].decided and result[nxt[0]].decided:
            ctx.decide(last, _carried(ctx, nxt[0], "continuation"))


def alternation(ctx: Context) -> None:
    """The turns of a novel's conversations (see ``dialogue.fill_turns``)."""
    if not ctx.dialogue:
        return
    before = list(ctx.result)
    fill_turns(ctx.doc, ctx.quotes, ctx.result, ctx.by_block, ctx.res, ctx.reg, ctx.sp, ctx.turn_mentions, ctx.pron)
    for i, (old, new) in enumerate(zip(before, ctx.result)):
        if new is not old:
            ctx.decide(i, new)


def _named_subject(ctx: Context, lo: int, q: Quote) -> Attribution | None:
    """"The watchdog group CREW asked for “…”", "Berg expressed a wish to “…”": the named
    subject of the quotation's own sentence, when no speech verb said who spoke."""
    start = max(lo, q.mark_start - _SENTENCE_REACH)
    for m in SENTENCE_END.finditer(ctx.masked, start, min(len(ctx.text), q.mark_start + 2)):
        if m.end() <= q.mark_start:
            start = m.end()
    subj = sentence_subject(ctx.masked, start, q.mark_start)
    if subj is None or not subj[0][:1].isupper():
        return None
    sid, how = ctx.res.resolve(subj[0], subj[1])
    ent = ctx.sp.entity_of.get(sid) if sid is not None else None
    if how != "cue" or ent is None or ent.kind not in ("person", "org"):
        return None
    if len(ent.tokens) == 1 and not (ent.tokens[0].isupper() and len(ent.tokens[0]) <= 5) and len(ent.positions) < 2:
        return None  # "Worries about the delay …", "Citing the report, …": one capitalised word, named nowhere else
    return Attribution(sid, "guess", "nearest", None, subj[0], (subj[1], subj[1] + len(subj[0])))


def nearest(ctx: Context) -> None:
    """News: a quotation no evidence above attributed goes, as a dimmed guess, to the person named
    as a subject nearest before it in its paragraph, else to the last person quoted before it."""
    if ctx.dialogue:
        return
    res, mentions = ctx.res, ctx.res.mentions
    for bi in sorted(ctx.by_block):
        block = ctx.doc.blocks[bi]
        for i in ctx.by_block[bi]:
            q = ctx.quotes[i]
            if ctx.result[i].decided or q.is_mark:
                continue
            lo = bisect.bisect_left(res.starts, block.start)
            hi = bisect.bisect_left(res.starts, q.mark_start)
            got = _named_subject(ctx, block.start, q)
            for m in reversed(mentions[lo:hi] if got is None else ()):
                if m.subj and m.entity.personlike:
                    got = Attribution(ctx.sp.of_entity(m.entity), "guess", "nearest", None, ctx.text[m.start:m.end],
                                      (m.start, m.end))
                    break
            if got is None:
                # "“…” beamed a delegate, Ann Voss of Ohio": the first person named after it
                for m in mentions[bisect.bisect_left(res.starts, q.mark_end):bisect.bisect_left(res.starts, block.end)]:
                    if m.subj and m.entity.personlike:
                        got = Attribution(ctx.sp.of_entity(m.entity), "guess", "nearest", None,
                                          ctx.text[m.start:m.end], (m.start, m.end))
                        break
            if got is None and bi > 0:
                # the person last named as a subject in the paragraph before
                prev = ctx.doc.blocks[bi - 1]
                for m in reversed(mentions[bisect.bisect_left(res.starts, prev.start):lo]):
                    if m.subj and m.entity.personlike:
                        got = Attribution(ctx.sp.of_entity(m.entity), "guess", "nearest", None,
                                          ctx.text[m.start:m.end], (m.start, m.end))
                        break
            if got is None:
                sid = res.last_speaker(q.mark_start, person=True)
                if sid is None:
                    continue
                got = Attribution(sid, "guess", "nearest")
            ctx.decide(i, got)


_MARK = Declined("marks", "a title or scare quote: nobody's words")


def marks(ctx: Context) -> None:
    """Titles and scare quotes have no speaker, whatever the rules before guessed."""
    for i, q in enumerate(ctx.quotes):
        if q.is_mark:
            ctx.result[i] = replace(UNDECIDED, rule="marks")
            ctx.note(i, _MARK)


RULES: tuple[Rule, ...] = (
    Rule("transcript", "quote", transcript),
    Rule("narrator", "quote", narrator),
    Rule("cue", "quote", cue),
    Rule("headline", "quote", headline),
    Rule("paragraph", "paragraph", paragraph, "no other quotation in its paragraph has a speaker"),
    Rule("signature", "document", signature, "no short paragraph after it signs it with a name"),
    Rule("continuation", "document", continuation,
         "no open quotation before it, and nobody quoted or named just before its paragraph"),
    Rule("alternation", "document", alternation, "not a turn of a novel's conversation with a known speaker"),
    Rule("nearest", "document", nearest, "nobody named before it in its paragraph, nor quoted before it"),
    Rule("marks", "document", marks),
)
