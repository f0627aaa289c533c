"""Finding a reader's words in a text: smart case, literal queries, phrases across line breaks."""

from __future__ import annotations

from tui.engine.search import find_all, matches, nearest, step

TEXT = "The ferry left at dawn. A ferry (the old one) cost $5.\nThe Ferry Board met\nlater."


def test_lower_case_query_matches_any_case():
    assert [TEXT[s:e] for s, e in find_all(TEXT, "ferry")] == ["ferry", "ferry", "Ferry"]


def test_a_capital_makes_the_query_exact():
    assert [TEXT[s:e] for s, e in find_all(TEXT, "Ferry")] == ["Ferry"]


def test_the_query_is_literal_text_not_a_pattern():
    assert [TEXT[s:e] for s, e in find_all(TEXT, "(the old")] == ["(the old"]
    assert [TEXT[s:e] for s, e in find_all(TEXT, "$5.")] == ["$5."]
    assert find_all(TEXT, ".*") == []


def test_a_phrase_matches_across_a_line_break():
    assert [TEXT[s:e] for s, e in find_all(TEXT, "board met later")] == ["Board met\nlater"]


def test_blank_query_finds_nothing():
    assert find_all(TEXT, "") == [] and find_all(TEXT, "   ") == []
    assert not matches("  ", "anything")


def test_matches_looks_in_every_field():
    assert matches("harbour", "", "a note", "Harbour-side")
    assert not matches("Harbour", "harbour")


def test_nearest_and_step_wrap_round():
    hits = [(0, 1), (10, 11), (20, 21)]
    assert nearest(hits, 0) == 0 and nearest(hits, 5) == 1 and nearest(hits, 25) == 0
    assert step(3, 2, 1) == 0 and step(3, 0, -1) == 2
