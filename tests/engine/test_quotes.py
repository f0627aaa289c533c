"""Quote finding: which spans of an article are quotations, and of what kind."""

from __future__ import annotations

from tui.engine import analyze, load_text
from tui.engine.quotes import find_quotes


def quotes_of(text: str) -> list[str]:
    doc = load_text(text, fmt="text")
    return [doc.text[q.start:q.end] for q in find_quotes(doc)]


def test_curly_and_straight_pairs():
    text = 'Title here\n\n“We will win,” the mayor said. "It is done," she added.'
    assert quotes_of(text) == ["We will win,", "It is done,"]


def test_curly_open_closed_by_straight_mark():
    text = 'Title here\n\n“The harbour reopens in spring," Larsen stressed.'
    assert quotes_of(text) == ["The harbour reopens in spring,"]


def test_double_apostrophe_marks_as_in_old_newswire():
    text = "Title here\n\n''This is not reform,'' said Ann Weber. ''It is anti-reform.''"
    assert quotes_of(text) == ["This is not reform,", "It is anti-reform."]


def test_apostrophes_and_primes_are_not_quote_marks():
    text = ("Title here\n\nThe students’ union didn’t meet in the ’90s; the 6'2\" guard "
            "said nothing, and the rock 'n' roll band played on.")
    assert quotes_of(text) == []


def test_nested_quote_stays_inside_outer():
    doc = load_text('Title here\n\n“He told me, ‘Go home,’ and left,” Ortiz said.', fmt="text")
    qs = find_quotes(doc)
    assert len(qs) == 1
    assert doc.text[qs[0].start:qs[0].end] == "He told me, ‘Go home,’ and left,"


def test_nested_curly_double_inside_double():
    assert quotes_of('Title here\n\n“I would bake in what she calls “ruin” before I close.” ― Ana') == [
        "I would bake in what she calls “ruin” before I close."
    ]


def test_single_quote_headline():
    doc = load_text("Senator Calls Plan ‘A Disgrace’ After Vote\n\nBody text here.", fmt="text")
    qs = find_quotes(doc)
    assert [doc.text[q.start:q.end] for q in qs] == ["A Disgrace"]
    assert qs[0].mark_end - qs[0].mark_start == len("‘A Disgrace’")


def test_marks_are_outside_start_end():
    doc = load_text('Title here\n\nShe said “yes” twice.', fmt="text")
    (q,) = find_quotes(doc)
    assert doc.text[q.mark_start:q.mark_end] == "“yes”"
    assert doc.text[q.start:q.end] == "yes"


def test_unclosed_quote_runs_to_paragraph_end_and_continues():
    text = ('Title here\n\n“The first part of the speech went on and on.\n\n'
            '“And the second part closed it,” the senator said.')
    doc = load_text(text, fmt="text")
    qs = find_quotes(doc)
    assert len(qs) == 2
    assert qs[0].continues and not qs[1].continues
    a = analyze(doc)
    assert a.quotes[0].speaker is not None and a.quotes[0].speaker == a.quotes[1].speaker


def test_partial_quote_inside_reported_speech_is_partial():
    doc = load_text("Title here\n\nThe minister said talks must rest on “facts on the ground” and more.", fmt="text")
    (q,) = find_quotes(doc)
    assert q.kind == "partial"


def test_code_blocks_are_skipped():
    doc = load_text('# Title\n\n```\nprint("not a quote")\n```\n\nText "a quote" here.\n', fmt="markdown")
    assert [doc.text[q.start:q.end] for q in find_quotes(doc)] == ["a quote"]


def test_control_and_markup_characters_do_not_break_finding():
    text = 'Title\n\n“[bold red]Boom[/] \x1b[2J done,” Kim said.'
    doc = load_text(text, fmt="text")
    a = analyze(doc)
    assert len(a.quotes) == 1
    assert "[bold red]Boom[/]" in doc.text[a.quotes[0].start:a.quotes[0].end]


def test_stage_direction_in_a_transcript_is_no_quotation():
    text = ('Title here\n\n"HOST: Where were you on the night of the vote, and who paid for the trip?\n\n'
            '"(LAUGHTER.)\n\n"[inaudible]\n\n"GUEST: I was at home, as I have told you before.')
    found = quotes_of(text)
    assert "(LAUGHTER.)" not in found and "[inaudible]" not in found
    assert len(found) == 2


def test_quotation_inside_a_long_passage_is_listed_too():
    text = ('Title here\n\nThe paper reports:\n\n"The clerk had worked there for nine years when the letters began. '
            'She kept them in a drawer and showed them to nobody, and one of them called her a “traitor,” '
            'a word she still cannot say aloud without shaking, even now that the office is closed."')
    found = quotes_of(text)
    assert "traitor," in found
    assert any(q.startswith("The clerk had worked") for q in found)


def test_short_quotation_keeps_its_inner_quote_inside():
    # a one-sentence quotation is spoken by one person: what it quotes stays part of it
    assert quotes_of('Title here\n\n“Call it a “deal” if you like,” Moreau said.') == ["Call it a “deal” if you like,"]


def test_opening_curly_mark_typed_as_the_closing_one():
    doc = load_text("Title here\n\nThe panel rated the claim “Mostly true.“ The vote was close.\n\n"
                    "Nobody spoke after that.", fmt="text")
    (q,) = find_quotes(doc)
    assert doc.text[q.start:q.end] == "Mostly true."
    assert not q.continues
