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


def test_a_quotation_with_no_evidence_goes_dimmed_to_the_nearest_subject_before_it():
    text = ("Ferry strike\n\nThe union’s leader, Ana Costa, spoke at the gate.\n\n"
            "Costa, who has led the union since 2019, turned to the crowd. Behind her a banner read "
            "“Fair pay or no ferries.”\n")
    doc = load_text(text, fmt="text")
    a = analyze(doc)
    (q,) = a.quotes
    assert a.speaker_of(q).name == "Ana Costa"
    assert q.method == "guess" and q.confidence < 0.5  # shown dimmed: nothing but proximity


def test_a_quotation_with_nobody_named_before_it_stays_unattributed():
    assert found("Ferry strike\n\n“Nobody asked us.”\n") == [("Nobody asked us.", None)]


def test_a_leading_like_phrase_is_not_the_subject():
    text = "Budget vote\n\nLike Governor Tom Reyes, Senator Lena Voss opposed the bill, calling it “a disgrace.”\n"
    assert found(text) == [("a disgrace.", "Lena Voss")]


def test_a_thing_of_someone_is_not_that_someone():
    text = ("Budget vote\n\nGovernor Tom Reyes answered late.\n\n"
            "The timing of Reyes’ answer says “a lot about him,” one critic wrote.\n")
    (quote,) = found(text)
    assert quote[1] is None or "timing" not in quote[1] and quote[1] != "Tom Reyes"


def test_a_name_after_a_leading_prepositional_phrase_is_the_subject():
    text = ("Budget vote\n\nGovernor Tom Reyes spoke first.\n\n"
            "Within hours of the vote Senator Lena Voss had called it “a stunt.”\n")
    assert found(text) == [("a stunt.", "Lena Voss")]


def test_a_name_after_a_dash_and_before_a_colon_introduces_the_quotation():
    text = ("Poll roundup\n\nHARBOUR POLLS WERE NOT WRONG, JUST EARLY - Ann Lee and Bo Chan: “The counts moved late.”\n\n"
            "Turnout surprised everyone -More from Lena Voss: “Nobody saw the ferry vote coming.”\n\n"
            "Rep. Tom Reyes (D-Ore.): “We will look at the numbers.”\n")
    assert found(text) == [("The counts moved late.", "Bo Chan"), ("Nobody saw the ferry vote coming.", "Lena Voss"),
                           ("We will look at the numbers.", "Tom Reyes")]


def test_a_short_paragraph_after_a_quotation_signs_it():
    text = ("Budget debate\n\nThe mayor defended the plan on Monday.\n\n"
            "“We cannot borrow our way out of a ferry crisis.”\n\nAnn Lee, Centre for Harbour Policy.\n\n"
            "“The plan is late, and it is thin.”\n\n— Bo Chan.\n")
    assert found(text) == [("We cannot borrow our way out of a ferry crisis.", "Ann Lee"),
                           ("The plan is late, and it is thin.", "Bo Chan")]


def test_an_indefinite_description_is_labelled_from_the_text_not_an_earlier_person():
    text = ("Ferry talks\n\nMinister Ann Lee visited the port. The minister’s spokesman, Bo Chan, said little.\n\n"
            "“The talks are over,” said a spokeswoman for the harbour agency.\n\n"
            "“He will not sign,” said one longtime adviser to the minister who asked not to be named.\n")
    assert found(text) == [("The talks are over,", "a spokeswoman for the harbour agency"),
                           ("He will not sign,", "one longtime adviser to the minister")]


def test_joined_initials_stay_with_the_name_and_alone_are_nobody():
    text = ("Port security\n\n“We were not told,” said G.K. Lanford of the dockers’ union.\n\n"
            "The U.S. “will review the case,” a statement from the harbour office said.\n")
    doc = load_text(text, fmt="text")
    a = analyze(doc)
    names = {s.name for s in a.speakers}
    assert a.speaker_of(a.quotes[0]).name == "G.K. Lanford"
    assert not any(n.rstrip(".") in ("S", "U.S", "K. Lanford") for n in names)


def test_a_person_then_a_role_of_an_organisation_is_the_person():
    text = ("Ferry funding\n\nTom Vell, chairman of the board of Harbour Partners, the group’s funding arm, said it "
            "would “wait and see.”\n")
    assert found(text) == [("wait and see.", "Tom Vell")]


def test_cues_after_a_quotation_with_a_long_apposition_or_a_stray_mark():
    text = ("Poll watch\n\n“Turnout decides it,” Ann Lee, the analyst who founded a polling blog, wrote on Monday.\n\n"
            "“Nobody is ahead,” Tom Reyes shot back.\n\n"
            "''We will see''' said Lena Voss of the harbour board.\n")
    assert found(text) == [("Turnout decides it,", "Ann Lee"), ("Nobody is ahead,", "Tom Reyes"),
                           ("We will see", "Lena Voss")]


def test_a_title_followed_by_its_author_is_a_title_and_beamed_is_a_speech_verb():
    text = ("Summer reading\n\nThe general keeps one book close, “This Kind of Harbour War,” by Ann Lee, and reads it often.\n\n"
            "“It is the best thing I own!” beamed Tom Reyes.\n")
    doc = load_text(text, fmt="text")
    a = analyze(doc)
    assert [(doc.text[q.start:q.end], q.kind) for q in a.quotes if q.is_mark] == [("This Kind of Harbour War,", "title")]
    assert found(text) == [("This Kind of Harbour War,", None), ("It is the best thing I own!", "Tom Reyes")]


def test_an_outlet_after_a_preposition_before_a_colon_is_where_not_who():
    text = ("Ferry claims\n\nMayor Tom Reyes denied it on Monday.\n\n"
            "Then, later that week on Harbour Radio: “I never promised a new ferry.”\n")
    assert found(text)[0][1] != "Harbour Radio"
