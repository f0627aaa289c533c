"""The attribution pipeline: named rules run in order by one driver, each answer kept in a trace."""

from __future__ import annotations

from tui.engine import Attribution, Declined, analyze, explain, load_text
from tui.engine.attribution import RULES, Rule, attribute, cue
from tui.engine.mentions import build_registry
from tui.engine.quotes import find_quotes


def traced(text: str):
    doc = load_text(text, fmt="text")
    analysis, traces = explain(doc)
    return doc, analysis, traces


def steps(trace) -> list[tuple[str, bool]]:
    return [(s.rule, isinstance(s, Attribution) and s.speaker is not None) for s in trace.steps]


def test_rules_run_strongest_evidence_first():
    assert [r.name for r in RULES][:8] == ["transcript", "narrator", "cue", "headline", "paragraph", "signature",
                                          "continuation", "alternation"]


def test_a_cue_decides_and_the_trace_points_at_the_name():
    doc, a, traces = traced("Ferry vote\n\n“We will not sign it,” councillor Ana Costa said on Monday.\n")
    (t,) = traces
    assert steps(t) == [("transcript", False), ("narrator", False), ("cue", True)]
    assert t.final.rule == "cue" and t.final.method == "cue" and t.final.cue == "said"
    start, end = t.final.span
    assert doc.text[start:end] == "councillor Ana Costa"
    assert a.speaker_of(a.quotes[0]).name == "Ana Costa"


def test_a_quotation_without_a_cue_takes_its_neighbours_speaker_by_the_paragraph_rule():
    doc, a, traces = traced("Ferry vote\n\n“No.” “Never,” said Ana Costa at the quay.\n")
    first = traces[0]
    assert first.final.rule == "paragraph" and first.final.method == "continuation"
    assert [s.rule for s in first.steps if isinstance(s, Declined)] == ["transcript", "narrator", "cue", "headline"]
    start, end = first.final.span  # the evidence is the neighbouring quotation
    assert doc.text[start:end] == "“Never,”"
    assert a.speaker_of(a.quotes[0]).name == "Ana Costa"


def test_a_bare_quotation_paragraph_continues_the_last_speaker_in_news():
    _doc, a, traces = traced("Ferry vote\n\n“We will not sign it,” Ana Costa said.\n\n“Nobody asked the islanders.”\n")
    t = traces[1]
    assert t.final.rule == "continuation"
    assert ("paragraph", False) in steps(t)
    assert a.speaker_of(a.quotes[1]).name == "Ana Costa"
    assert a.quotes[1].confidence < a.quotes[0].confidence


def test_every_rule_that_cannot_decide_says_why():
    _doc, a, traces = traced("Ferry vote\n\n“Nobody asked the islanders.”\n")
    (t,) = traces
    assert not t.final.decided and a.quotes[0].speaker is None
    declined = [s for s in t.steps if isinstance(s, Declined)]
    assert [s.rule for s in declined] == ["transcript", "narrator", "cue", "headline", "paragraph", "signature",
                                         "continuation", "alternation", "nearest"]
    assert all(s.reason for s in declined)


def test_a_transcript_label_decides_with_the_label_as_evidence():
    text = ("Interview\n\nREYES: We start at dawn.\n\nHOST: Why so early?\n\nREYES: The tide.\n\n"
            "HOST: Thank you.\n")
    doc, _a, traces = traced(text)
    assert [t.final.rule for t in traces] == ["transcript"] * 4
    start, end = traces[0].final.span
    assert doc.text[start:end] == "REYES"


def test_a_scare_quote_is_decided_by_nobody_even_after_a_cue_found_someone():
    _doc, a, traces = traced("Ferry vote\n\nAna Costa said the so-called “harbour deal” was dead.\n")
    (t,) = traces
    assert a.quotes[0].kind == "scare" and a.quotes[0].speaker is None
    assert t.steps[-1].rule == "marks" and not t.final.decided


def test_explaining_changes_nothing_in_the_analysis():
    text = ("Ferry vote\n\n“No.” “Never,” said Ana Costa at the quay.\n\n“Nobody asked us.”\n\n"
            "Her deputy, Tom Reyes, disagreed. “It is signed,” he said.\n")
    doc = load_text(text, fmt="text")
    assert explain(doc)[0] == analyze(doc)
    assert explain(doc)[1] and not attribute(doc, find_quotes(doc))[1]  # no traces unless asked


def test_the_driver_tries_quote_rules_in_order_and_stops_at_the_first_that_decides():
    calls = []

    def never(ctx, bi, k):
        calls.append("never")
        return Declined("never", "it never decides")

    def always(ctx, bi, k):
        calls.append("always")
        q = ctx.quotes[ctx.by_block[bi][k]]
        return Attribution(ctx.sp.of_group("the crowd"), "cue", "always", span=(q.start, q.end))

    doc = load_text("Ferry vote\n\n“Sink it,” Ana Costa said.\n", fmt="text")
    rules = (Rule("never", "quote", never), Rule("cue", "quote", cue), Rule("always", "quote", always))
    analysis, traces = attribute(doc, find_quotes(doc), explain=True, rules=rules)
    assert calls == ["never"]  # the cue decided: "always" was never asked
    assert [s.rule for s in traces[0].steps] == ["never", "cue"]
    assert traces[0].steps[0] == Declined("never", "it never decides")
    assert analysis.speaker_of(analysis.quotes[0]).name == "Ana Costa"
    analysis, traces = attribute(doc, find_quotes(doc), explain=True, rules=rules[::2])
    assert analysis.speaker_of(analysis.quotes[0]).name == "the crowd"
    assert traces[0].final.rule == "always"


def test_registry_lookups_find_people_by_each_form_of_their_name():
    text = "Ana Costa spoke first. Mrs. Reyes answered her."
    reg, _ = build_registry(text, [(0, len(text))])
    (costa,) = reg.with_surname("costa")
    assert costa.name == "Ana Costa"
    assert reg.with_given_name("Ana") == [costa]
    assert reg.with_full_name("ANA", "costa") is costa
    assert reg.with_honorific("Mrs.", "Reyes").name == "Mrs. Reyes"
    assert reg.with_surname("Nobody") == [] and reg.with_honorific("Mr.", "Reyes") is None


def test_deciding_a_quotation_keeps_every_other_field_of_the_attribution_and_the_quote():
    # the pipeline copies these records by hand (faster than dataclasses.replace): a field added
    # to either class and not to the copy would silently fall back to its default
    from dataclasses import fields, replace

    from tui.engine.model import Quote

    for cls, copy, changed in (
        (Attribution, lambda a: a.with_confidence(0.5), {"confidence": 0.5}),
        (Quote, lambda q: q.attributed(7, "said", "cue", 0.9),
         {"speaker": 7, "cue": "said", "method": "cue", "confidence": 0.9}),
    ):
        marked = {f.name: object() for f in fields(cls)}  # a distinct value in every field
        original = cls(**marked)
        got = copy(original)
        assert got == replace(original, **changed)
        assert all(getattr(got, name) is value for name, value in marked.items() if name not in changed)
