"""Titles and scare quotes: found, told apart from partial quotes, never attributed."""

from __future__ import annotations

from tui.engine import analyze, load_text
from tui.engine.quotes import find_quotes


def kinds(text: str) -> dict[str, str]:
    doc = load_text(text, fmt="text")
    return {doc.text[q.start:q.end]: q.kind for q in find_quotes(doc)}


def test_title_after_a_noun_that_names_a_work():
    found = kinds("Title here\n\nIn her 2009 book, “Rivers of Home,” the author tells of the flood. "
                  "The choir closed with the old anthem “We Shall Walk On” to cheers.")
    assert found == {"Rivers of Home,": "title", "We Shall Walk On": "title"}


def test_title_case_name_with_nobody_speaking_is_a_title():
    assert kinds("Title here\n\nThe station licenses “Morning Hour Live” from a studio in Ohio.") == {
        "Morning Hour Live": "title"}


def test_title_case_words_someone_called_a_person_are_a_partial_quote():
    assert kinds("Title here\n\nThe mayor called his rival “Captain Chaos” at the dinner.") == {
        "Captain Chaos": "partial"}


def test_so_called_and_known_as_make_a_scare_quote():
    found = kinds("Title here\n\nThe bill would end the so-called “paper route” exemption. "
                  "It revives what became known as the “sunset clause” in the old law.")
    assert found == {"paper route": "scare", "sunset clause": "scare"}


def test_quoted_modifier_with_no_speaker_is_a_scare_quote():
    assert kinds("Title here\n\nThe fund would close the “green energy” loophole next year.") == {
        "green energy": "scare"}


def test_short_quote_with_a_speech_verb_stays_partial():
    found = kinds("Title here\n\nThe governor said the budget was “a mess” and called the plan “reckless” "
                  "in a statement. Critics described the “green energy” loophole as unfair.")
    assert set(found.values()) == {"partial"}


def test_headline_capitals_do_not_make_a_title():
    doc = load_text("Senator Calls Plan ‘A Total Disgrace’ After Vote\n\nBody text here.", fmt="text")
    (q,) = find_quotes(doc)
    assert q.kind == "partial"


def test_titles_and_scare_quotes_get_no_speaker():
    doc = load_text("Title here\n\n“We will win,” Jane Doe said. Jane Doe wrote the book “Rivers of Home” "
                    "and fought the so-called “paper route” exemption.", fmt="text")
    a = analyze(doc)
    by_text = {doc.text[q.start:q.end]: q for q in a.quotes}
    assert by_text["We will win,"].speaker is not None
    for words in ("Rivers of Home", "paper route"):
        q = by_text[words]
        assert q.kind in ("title", "scare") and q.speaker is None and q.method == "none"


def test_capitalised_quote_joined_to_a_title_is_a_title_too():
    assert kinds("Title here\n\nThe channel airs “Dawn” and “Harbour Nights Tonight” every week.") == {
        "Dawn": "title", "Harbour Nights Tonight": "title"}


def test_words_told_to_a_magazine_are_speech_not_a_title():
    found = kinds("Title here\n\nShe told the magazine, “It was the hardest year of my life.” "
                  "He wrote in a column that the plan was “dead on arrival.”")
    assert "title" not in found.values()


def test_chanted_slogan_is_speech():
    assert kinds("Title here\n\nThe crowd chanted “Open The Gates” outside the hall.") == {
        "Open The Gates": "partial"}


def test_work_named_after_its_maker_is_a_title():
    assert kinds("Title here\n\nA Tale of the Coast.\n\nBy the Author of “Winter at Sea.”") == {
        "Winter at Sea.": "title"}
