"""News rules added for held-out articles: each test is one rule about English, on invented sentences."""

from __future__ import annotations

from tui.engine import analyze, load_text


def found(text: str) -> list[tuple[str, str | None]]:
    doc = load_text(text, fmt="text")
    a = analyze(doc)
    return [(doc.text[q.start:q.end], a.speaker_of(q).name if a.speaker_of(q) else None) for q in a.quotes]


def test_a_name_ending_like_an_adverb_or_a_verb_is_kept_whole():
    text = ("Harbour vote\n\nThe board argued for a week. Mayor Dana Morris said the lease was “a bad bet.”\n\n"
            "“We will appeal,” Ruth Kelly said on Monday.\n")
    assert found(text) == [("a bad bet.", "Dana Morris"), ("We will appeal,", "Ruth Kelly")]


def test_state_is_a_noun_unless_something_is_stated():
    text = ("Ferry deal\n\nThe plan angered many coastal states, and the ministry has used “soft words” with them, "
            "said Lena Voss, a harbour economist.\n\n"
            "The secretary of state visited the port. “It is settled,” Ana Costa said.\n\n"
            "The harbour board states that the ferry is “safe and sound.”\n")
    assert found(text) == [("soft words", "Lena Voss"), ("It is settled,", "Ana Costa"),
                           ("safe and sound.", "The harbour board")]


def test_attribute_values_of_a_markup_tag_are_not_quotations():
    text = ("Reactions\n\nMembers of the council reacted online:\n\n"
            '<post author="harbourwatch" timestamp="1449075600" id="672151859">We stand with the crews.</post>\n\n'
            "Ana Costa called it “a day of shame.”\n")
    assert found(text) == [("a day of shame.", "Ana Costa")]
