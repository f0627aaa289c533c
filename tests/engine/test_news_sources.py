"""News conventions of who a quotation is credited to, and what counts as a quotation: each test
is one rule about English, on invented sentences."""

from __future__ import annotations

from tui.engine import analyze, load_text


def found(text: str) -> list[tuple[str, str | None]]:
    doc = load_text(text, fmt="text")
    a = analyze(doc)
    return [(doc.text[q.start:q.end], a.speaker_of(q).name if a.speaker_of(q) else None) for q in a.quotes]


def test_words_reported_according_to_an_outlet_are_the_outlets():
    text = ("Ferry vote\n\nHarbour master Ana Costa spoke on Monday.\n\n"
            "“We will not sign,” Costa said, according to the Harbour Gazette. “Not this year.”\n\n"
            "According to Lumen Radio, Costa called the lease “a bad bet.”\n")
    assert found(text) == [("We will not sign,", "Harbour Gazette"), ("Not this year.", "Harbour Gazette"),
                           ("a bad bet.", "Lumen Radio")]


def test_according_to_in_another_sentence_or_to_a_description_changes_nothing():
    text = ("Ferry vote\n\nHarbour master Ana Costa spoke on Monday. The vote was close, according to "
            "the Harbour Gazette.\n\n“We will not sign,” Costa said, according to an aide.\n\n"
            "“It was close,” Costa said. According to Lumen Radio, the talks go on.\n")
    assert [n for _, n in found(text)] == ["Ana Costa", "Ana Costa"]


def test_a_body_named_in_an_apposition_is_where_the_speaker_works_not_the_speaker():
    text = ("Ferry vote\n\nTomas Berg, president of the Harbour Pilots Guild, said, “We will not sign.”\n\n"
            "Ida Marsh, an analyst at North Quay Capital, agreed: “The lease is too long.”\n\n"
            "Her rival, state Sen. Paul Okoro, told reporters: “It is a fair deal.”\n")
    assert [n for _, n in found(text)] == ["Tomas Berg", "Ida Marsh", "Paul Okoro"]


def test_a_town_and_its_state_after_a_preposition_are_one_place_not_the_speaker():
    text = ("Ferry vote\n\nLena Dahl, a 40-year-old pilot from Brook Falls, Ohio, says the board will “fold by June.”\n\n"
            "Mr. Aske, now retired in Carver, Mass., said the lease was “a bad bet.”\n")
    assert [n for _, n in found(text)] == ["Lena Dahl", "Mr. Aske"]


def test_a_leading_phrase_is_not_the_subject_of_the_sentence():
    text = ("Ferry vote\n\nThe pilots’ leader, Tomas Berg, met the board on Monday.\n\n"
            "Reached by phone, Berg denied the report, saying he was “on leave that week.”\n\n"
            "Hours later, Berg returned to the quay, telling the crews, “Hold the line.”\n\n"
            "Early in the talks, Berg called the board “a closed shop.”\n")
    assert [n for _, n in found(text)] == ["Tomas Berg"] * 3


def test_a_sentence_of_only_a_name_and_a_verb_after_a_closed_quotation_is_its_cue():
    text = ("Ferry vote\n\nThe board met Tomas Berg and Ana Costa on Monday.\n\n"
            "Berg said the lease was settled. “Who signed this lease?” Costa asked. “Nobody told us.”\n\n"
            "Berg said the figures were public. “We were never shown them.” Costa said in a statement.\n")
    assert [n for _, n in found(text)] == ["Ana Costa", "Ana Costa", "Ana Costa"]


def test_words_an_outlet_reported_are_the_outlets_but_not_news_it_first_broke():
    text = ("Ferry vote\n\nHarbour master Ana Costa spoke on Monday.\n\n"
            "“We will not sign,” said Ana Costa, the harbour master, reports Lumen Radio.\n\n"
            "Costa called the lease “a bad bet,” the Harbour Gazette reported.\n\n"
            "“It is over,” Costa wrote in a letter, which was first reported by the Harbour Gazette.\n")
    assert [n for _, n in found(text)] == ["Lumen Radio", "Harbour Gazette", "Ana Costa"]


def test_a_surname_shaped_like_a_participle_is_the_person_named_in_full():
    text = ("Ferry vote\n\nThe harbour pilot Tomas Harling spoke first.\n\n"
            "“The lease is too long,” Harling said. To that, Harling added: “Nobody read it.”\n")
    assert [n for _, n in found(text)] == ["Tomas Harling", "Tomas Harling"]


def test_a_titled_name_with_a_party_in_brackets_is_the_subject():
    text = ("Ferry vote\n\nHarbour board candidate Sen. Ana Costa (D-Maine) on Saturday criticized the lease, "
            "saying it goes “nowhere near far enough.”\n")
    assert [n for _, n in found(text)] == ["Ana Costa"]


def test_lead_phrases_chain_after_a_conjunction():
    text = ("Ferry vote\n\nThe pilots’ leader, Tomas Berg, met the board on Monday.\n\n"
            "And, in a clip that Mayor Ana Costa called “crude,” Berg expressed a wish to “sink the lease for good.”\n")
    assert found(text)[-1] == ("sink the lease for good.", "Tomas Berg")


def test_a_quotation_with_no_speech_verb_goes_to_the_named_subject_of_its_own_sentence():
    text = ("Ferry vote\n\nMayor Ana Costa signed the lease in May. The watchdog HAVEN later filed a request "
            "for “every record of the lease.”\n\n"
            "Mayor Ana Costa left early. Worries about the delay grew over “months of silence.”\n")
    assert found(text) == [("every record of the lease.", "HAVEN"), ("months of silence.", "Ana Costa")]


def test_a_claim_reported_inside_what_someone_said_is_the_reporters_words():
    text = ("Ferry vote\n\nTomas Berg and Ida Marsh spoke on Monday.\n\n"
            "Board spokeswoman Ida Marsh said Thursday that Berg’s claim that the lease was fair is “simply not true.”\n")
    assert found(text) == [("simply not true.", "Ida Marsh")]


def test_a_cue_closing_the_sentence_may_carry_a_long_apposition():
    text = ("Ferry vote\n\nMayor Ana Costa signed the lease in May.\n\n"
            "“We are very happy” about the vote, said Tomas Berg, head of the pilots’ guild, a union that "
            "has fought the lease for years.\n\n"
            "“It cannot pass.” Ida Marsh of the North Harbour Institute for Coastal Studies wrote in June.\n")
    assert [n for _, n in found(text)] == ["Tomas Berg", "Ida Marsh"]


def test_a_participle_after_a_cue_belongs_to_that_cues_speaker():
    text = ("Ferry vote\n\nTomas Berg left the quay before noon, Ida Marsh said, adding, “He never came back.”\n")
    assert found(text) == [("He never came back.", "Ida Marsh")]


def test_words_a_person_owns_are_theirs_unless_someone_else_speaks_of_them():
    text = ("Ferry vote\n\nTomas Berg and Ida Marsh met on Monday.\n\n"
            "The anger goes beyond Berg’s pledge to stay “neutral” on the lease.\n\n"
            "Nobody forgot Marsh’s “not one more ship” remark.\n\n"
            "Ida Marsh denounced Berg’s remarks as “careless and cruel.”\n")
    assert [n for _, n in found(text)] == ["Tomas Berg", "Ida Marsh", "Ida Marsh"]


def test_the_one_who_asked_speaks_the_question():
    text = ("Ferry vote\n\nTomas Berg spoke on Monday.\n\n"
            "Berg was asked by harbour radio host Ida Marsh, “Will you sign the lease?”\n\n"
            "Asked by Marsh if Berg “understands” the crews, he shrugged.\n")
    assert [n for _, n in found(text)] == ["Ida Marsh", "Ida Marsh"]


def test_a_role_noun_before_a_name_belongs_to_the_name():
    text = ("Ferry vote\n\nBand member Tomas Berg shared the news online, writing “We play for the crews.”\n")
    assert [n for _, n in found(text)] == ["Tomas Berg"]


def test_a_surname_that_is_a_common_word_is_the_person_named_in_full():
    text = ("Ferry vote\n\nThe columnist Anna May has followed the lease for a year.\n\n"
            "Mayor Tom Berg signed it on Monday. May described the vote as “a surrender.”\n\n"
            "Berg left the quay. “The board has lost its nerve,” May wrote.\n")
    assert [n for _, n in found(text)] == ["Anna May", "Anna May"]


def test_a_titled_name_before_an_apposition_is_the_subject():
    text = ("Ferry vote\n\nFormer Ohio governor Tomas Berg (D), a harbour man, praised the pilots, "
            "calling their strike “a fair fight.”\n")
    assert [n for _, n in found(text)] == ["Tomas Berg"]


def test_three_capitalised_quotations_in_a_row_are_a_list_of_titles():
    text = ("Ferry vote\n\nThe network revived “Harbour Lights,” “Night Ferry” and “The Pilots.” "
            "Tomas Berg called the lease “a bad bet,” “a con” and “a scandal.”\n")
    doc = load_text(text, fmt="text")
    kinds = [q.kind for q in analyze(doc).quotes]
    assert kinds[:3] == ["title"] * 3
    assert [n for _, n in found(text)][3:] == ["Tomas Berg"] * 3


def test_an_opening_mark_typed_after_a_comma_and_before_a_space_closes_the_quotation():
    text = ("Ferry vote\n\n“It is unusual,“ said Ana Costa, the harbour master. “It never happens.”\n")
    assert found(text) == [("It is unusual,", "Ana Costa"), ("It never happens.", "Ana Costa")]
