"""Exports and the W3C import under hostile input: any JSON is refused cleanly or read, and hostile
notes, tags and passages survive export -> import unchanged."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.engine import analyze, load_text
from tui.engine.meta import citation
from tui.export import Bundle, render
from tui.export.w3c import BadAnnotations, parse, to_w3c
from tui.store import HIGHLIGHT_NAMES, document_id
from tui.store.anchoring import make_selector
from tui.store.records import Annotation, Placement, clean_note, clean_tags

from .invariants import HOSTILE_SNIPPETS, WORD, examples, hostile_text

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(["type", "id", "target", "body", "selector", "source",
                                                             "exact", "start", "end", "value", "purpose", "first",
                                                             "items", "next", "@context", "styleClass"]) | st.text(
                                max_size=6), inner, max_size=6)),
    max_leaves=25)
annotation_like = st.fixed_dictionaries({
    "type": st.sampled_from(["Annotation", ["Annotation"], "Note", 3]),
    "id": st.one_of(st.text(max_size=10), st.integers()),
    "target": st.one_of(json_values, st.fixed_dictionaries({
        "source": st.one_of(st.text(max_size=10), st.none()),
        "selector": st.one_of(json_values, st.lists(st.fixed_dictionaries({
            "type": st.sampled_from(["TextQuoteSelector", "TextPositionSelector", "CssSelector"]),
            "exact": st.one_of(st.text(max_size=10), st.integers()),
            "start": st.one_of(st.integers(-5, 50), st.text(max_size=2)),
            "end": st.one_of(st.integers(-5, 50), st.none())}), max_size=3))})),
    "body": json_values,
})


@settings(max_examples=examples(150), deadline=None)
@given(st.one_of(json_values, annotation_like, st.lists(annotation_like, max_size=3)))
def test_any_json_is_read_or_refused_with_one_line(value):
    try:
        collections = parse(json.dumps(value), "f.jsonld")
    except BadAnnotations as err:
        assert "\n" not in str(err) and str(err).startswith("f.jsonld")
        return
    for c in collections:
        for a in c.annotations:
            assert a.exact.strip() and isinstance(a.note, str) and all(isinstance(t, str) for t in a.tags)


@settings(max_examples=examples(150), deadline=None)
@given(st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
def test_any_text_is_read_or_refused_with_one_line(text):
    try:
        parse(text, "f.jsonld")
    except BadAnnotations as err:
        assert "\n" not in str(err)


ARTICLE = ("Storm hits the coast\n\n“The [bold]water[/bold] rose, faster than “anyone” expected,” said Mayor Lena "
           "Brandt on Tuesday. \x1b[31m Residents, ‘told’ to wait; waited.\n\n“We will rebuild,” Brandt said. 😀\n")


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 150), st.integers(1, 40), st.one_of(hostile_text, st.text(max_size=40)),
                          st.lists(st.one_of(WORD, st.sampled_from(HOSTILE_SNIPPETS)), max_size=4),
                          st.one_of(st.none(), st.sampled_from(HIGHLIGHT_NAMES))), max_size=5))
def test_hostile_annotations_survive_the_w3c_round_trip_and_every_export_parses(specs):
    doc = load_text(ARTICLE)
    sha = document_id(doc)
    placements = []
    for n, (start, length, note, tags, color) in enumerate(specs):
        start = min(start, len(doc.text) - 1)
        end = min(len(doc.text), start + length)
        if not doc.text[start:end].strip():
            continue
        sel = make_selector(doc.text, start, end)
        a = Annotation(f"{n:032x}", sha, sel.exact, sel.prefix, sel.suffix, start, end, clean_note(note),
                       clean_tags(tags), color, "2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z")
        placements.append(Placement(a, "anchored", start, end))
    bundle = Bundle(doc, citation(doc), sha, analyze(doc), tuple(placements))
    [collection] = parse(render(bundle, "w3c"))
    assert collection.doc_id == sha
    assert [a.__class__(**{**{f: getattr(a, f) for f in a.__slots__}, "doc_id": sha}) for a in collection.annotations] \
        == [p.annotation for p in placements]
    rows = list(csv.DictReader(io.StringIO(render(bundle, "csv", "annotations"))))
    assert [(r["note"], r["tags"]) for r in rows] == [(p.annotation.note, "; ".join(p.annotation.tags))
                                                      for p in placements]
    assert len(list(csv.DictReader(io.StringIO(render(bundle, "csv"))))) == sum(
        1 for q in bundle.analysis.quotes if not q.is_mark)
    md = render(bundle, "md")
    assert md.startswith("# ") and "\x1b" not in md  # notes and passages were cleaned on the way in
    assert json.loads(json.dumps(to_w3c(bundle)))["total"] == len(placements)
