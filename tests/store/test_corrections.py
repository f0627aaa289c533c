"""Reader corrections of who said what: stored, re-applied on a fresh library, surviving edits."""

from __future__ import annotations

import re

import pytest

from tui.engine import Analysis, Quote, Speaker, load_path
from tui.store import Corrections, InvalidAnnotation, Library, apply_corrections
from tui.store.corrections import Correction

ARTICLE = ("Flood defences\n\n"
           "“The wall will hold,” Anna Berg said.\n\n"
           "“We are not so sure,” Mayor Olsen said.\n\n"
           "“Nobody listened to us,” Karl Dahl said.\n\n"
           "“The wall cost too much,” Olsen said.\n")


# Who says each quotation of ARTICLE, fixed by hand: these tests check the reader's corrections,
# not the engine's attribution (engine accuracy is tested in tests/engine).
SPEAKERS = (Speaker(1, "Anna Berg", ("Anna Berg",)), Speaker(2, "Mayor Olsen", ("Mayor Olsen",)),
            Speaker(3, "Karl Dahl", ("Karl Dahl",)), Speaker(4, "Olsen", ("Olsen",)))
SAID_BY = {"The wall will hold": 1, "We are not so sure": 2, "Nobody listened": 3, "The wall cost": 4}


def hand_analysis(doc):
    """The Analysis of ARTICLE (or an edit of it) built by hand from SAID_BY."""
    quotes = []
    for m in re.finditer("“([^”]*)”", doc.text):
        who = next(sp for words, sp in SAID_BY.items() if m.group(1).startswith(words))
        quotes.append(Quote(m.start(1), m.end(1), m.start(), m.end(), speaker=who, cue="said",
                            method="cue", confidence=0.9))
    assert len(quotes) == len(SAID_BY)
    return Analysis(tuple(quotes), SPEAKERS)


def _quote(doc, analysis, words):
    for q in analysis.quotes:
        if doc.text[q.start:q.end].startswith(words):
            return q
    raise AssertionError(words)


def _who(doc, analysis, words):
    sp = analysis.speaker_of(_quote(doc, analysis, words))
    return sp.name if sp else None


@pytest.fixture
def setup(tmp_path):
    f = tmp_path / "flood.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    doc = load_path(f)
    return f, doc, Library.open(tmp_path / "db.json"), tmp_path / "db.json"


def test_reassign_to_a_new_name_survives_a_fresh_library(setup):
    f, doc, lib, db = setup
    q = _quote(doc, hand_analysis(doc), "Nobody listened")
    lib.reassign_quote(doc, q.start, q.end, "Residents' group")
    fresh = Library.open(db)
    fixed = apply_corrections(hand_analysis(doc), fresh.corrections(doc))
    assert _who(doc, fixed, "Nobody listened") == "Residents' group"
    q2 = _quote(doc, fixed, "Nobody listened")
    assert (q2.method, q2.confidence) == ("reader", 1.0)
    assert "Karl Dahl" not in {s.name for s in fixed.speakers}  # left without quotations
    assert len({s.id for s in fixed.speakers}) == len(fixed.speakers)


def test_reassign_to_an_existing_speaker_uses_their_id(setup):
    f, doc, lib, db = setup
    base = hand_analysis(doc)
    q = _quote(doc, base, "We are not so sure")
    lib.reassign_quote(doc, q.start, q.end, "anna berg")
    fixed = apply_corrections(base, Library.open(db).corrections(doc))
    anna = next(s for s in base.speakers if s.name == "Anna Berg")
    assert _quote(doc, fixed, "We are not so sure").speaker == anna.id
    assert fixed.quote_counts()[anna.id] == 2


def test_rename_keeps_the_old_name_as_alias(setup):
    f, doc, lib, db = setup
    lib.rename_speaker(doc, "Karl Dahl", "Karl J. Dahl")
    fixed = apply_corrections(hand_analysis(doc), Library.open(db).corrections(doc))
    sp = next(s for s in fixed.speakers if s.name == "Karl J. Dahl")
    assert "Karl Dahl" in sp.aliases
    assert _who(doc, fixed, "Nobody listened") == "Karl J. Dahl"


def test_merge_moves_quotes_and_aliases(setup):
    f, doc, lib, db = setup
    lib.merge_speakers(doc, "Olsen", "Mayor Olsen")
    fixed = apply_corrections(hand_analysis(doc), Library.open(db).corrections(doc))
    assert _who(doc, fixed, "The wall cost") == "Mayor Olsen"
    assert "Olsen" not in {s.name for s in fixed.speakers}
    mayor = next(s for s in fixed.speakers if s.name == "Mayor Olsen")
    assert "Olsen" in mayor.aliases and fixed.quote_counts()[mayor.id] == 2


def test_corrections_apply_in_order_and_survive_an_edit(setup):
    f, doc, lib, db = setup
    q = _quote(doc, hand_analysis(doc), "Nobody listened")
    lib.reassign_quote(doc, q.start, q.end, "Residents")
    lib.rename_speaker(doc, "Residents", "Residents' association")
    lib.merge_speakers(doc, "Olsen", "Mayor Olsen")
    f.write_text(ARTICLE.replace("Flood defences\n\n", "Flood defences\n\nAn introduction was added.\n\n"),
                 encoding="utf-8")
    edited = load_path(f)
    fixed = apply_corrections(hand_analysis(edited), Library.open(db).corrections(edited))
    assert _who(edited, fixed, "Nobody listened") == "Residents' association"
    assert _who(edited, fixed, "The wall cost") == "Mayor Olsen"


def test_apply_is_pure_and_skips_what_no_longer_exists():
    base = Analysis((Quote(0, 5, 0, 5, speaker=1),), (Speaker(1, "Ann", ("Ann",)),))
    corr = Corrections((Correction("reassign", "Bob", start=None, end=None),
                        Correction("rename", "Nobody", "Somebody"),
                        Correction("merge", "Ghost", "Ann")))
    out = apply_corrections(base, corr)
    assert out == base and base.speakers[0].name == "Ann"
    assert len(corr.orphans) == 1
    assert apply_corrections(base, Corrections()) is base


def test_newer_reassignment_of_a_quote_replaces_the_older(setup):
    f, doc, lib, db = setup
    q = _quote(doc, hand_analysis(doc), "The wall will hold")
    lib.reassign_quote(doc, q.start, q.end, "Someone")
    lib.reassign_quote(doc, q.start, q.end, "Someone Else")
    c = lib.corrections(doc)
    assert [(o.kind, o.name) for o in c.ops] == [("reassign", "Someone Else")]


def test_blank_names_are_refused(setup):
    f, doc, lib, db = setup
    with pytest.raises(InvalidAnnotation):
        lib.rename_speaker(doc, "Karl Dahl", "   ")
    with pytest.raises(InvalidAnnotation):
        lib.reassign_quote(doc, 0, 3, "\x00\x1b")
    assert not lib.corrections(doc)


def test_rename_onto_an_existing_speaker_merges_them():
    base = Analysis((Quote(0, 5, 0, 5, speaker=1), Quote(6, 9, 6, 9, speaker=2)),
                    (Speaker(1, "Ann", ("Ann",)), Speaker(2, "Bob", ("Bob",))))
    out = apply_corrections(base, Corrections((Correction("rename", "Ann", "Bob"),)))
    assert [s.name for s in out.speakers] == ["Bob"] and out.quote_counts() == {2: 2}
