"""A novel's descriptions ("said the count", "replied the surgeon") and the name shapes that are
not people ("the English Lakes", "JUNIOR Ferndale"): each test is one rule about English, on
invented sentences."""

from __future__ import annotations

from tui.engine import analyze, load_text
from tui.engine.mentions import parse_run

FILLER = "The wind had dropped by evening and the lamps were lit along the lane. " * 20
PADDING = ['"It will rain," said Oliver Grant.', '"Perhaps," said Ruth Marsh.'] * 10


def run(*paragraphs: str):
    """A small novel: a chapter heading, narration, then the paragraphs (padded into a dialogue)."""
    text = "Chapter 1\n\n" + FILLER + "\n\n" + "\n\n".join(list(paragraphs) + PADDING)
    doc = load_text(text, fmt="text")
    a = analyze(doc)
    return [(doc.text[q.start:q.end], a.speaker_of(q).name if a.speaker_of(q) else None, q.method)
            for q in a.quotes]


def test_the_count_is_the_person_named_with_that_rank():
    rows = run("Count Veselko bowed to the company and Hester Quill curtsied.",
               '"You are welcome here," said the count.')
    assert rows[0][1] == "Count Veselko"
    assert rows[0][2] == "description"


def test_the_doctor_is_the_man_the_text_called_a_surgeon():
    rows = run("Mr. Pellow, a surgeon of the town, came up the stairs with Hester Quill.",
               '"Let me see the patient," said the doctor.')
    assert rows[0][1] == "Mr. Pellow"


def test_a_description_set_before_the_name_is_a_role():
    rows = run("The inspector, Mr. Dunmore, looked round the room.",
               "Hester Quill sat down by the fire.",
               '"Nobody leaves," said the inspector.')
    assert rows[0][1] == "Mr. Dunmore"


def test_a_rank_follows_the_most_recently_named_holder():
    rows = run("Captain Rowe left the ship at noon.",
               "Later Captain Ashdown came aboard and looked about him.",
               '"Hoist the sails," said the captain.')
    assert rows[0][1] == "Captain Ashdown"


def test_a_rank_of_the_other_gender_is_not_the_person():
    rows = run("Count Veselko bowed to the company.",
               '"You are late," said the countess.')
    assert rows[0][1] == "the countess"


def test_a_description_no_one_was_given_keeps_its_label():
    rows = run("Hester Quill walked to the gate in the rain.",
               '"Tickets, please," said the conductor.')
    assert rows[0][1] == "the conductor"


def test_a_word_of_nationality_is_not_a_name():
    assert parse_run("English") is None
    assert parse_run("Dutch Gardens").kind == "org"
    assert parse_run("Mr. English").tokens == ("English",)  # a surname after an honorific stays one


def test_a_place_is_not_a_person():
    assert parse_run("York State").kind == "org"
    assert parse_run("Mossley Street").kind == "org"
    assert parse_run("Alder Lakes").kind == "org"


def test_a_shouted_word_is_not_a_given_name():
    assert parse_run("JUNIOR Ferndale").tokens == ("Ferndale",)
    assert parse_run("Edwin Hale").tokens == ("Edwin", "Hale")



def test_words_after_a_description_are_not_part_of_it():
    rows = run("Mr. Pellow, a surgeon of the town, came up the stairs with Hester Quill.",
               '"Let me see the patient," said the doctor again.')
    assert rows[0][1] == "Mr. Pellow"


def test_the_old_man_is_the_man_of_the_conversation_whose_turn_it_is():
    rows = run("Edwin Hale sat by the fire with Tom Ware.",
               '"Is it late?" said Tom Ware.',
               '"Not yet," said Edwin Hale.',
               '"Shall I go?" asked Tom Ware.',
               '"Stay a while," said the old man.')
    assert [r[1] for r in rows[:4]] == ["Tom Ware", "Edwin Hale", "Tom Ware", "Edwin Hale"]


def test_the_capitalised_description_of_a_character_is_their_label():
    rows = run("Edwin Hale and Hester Quill waited in the hall.",
               '"It is cold," said Edwin Hale.',
               '"Sit down," said the Chairman.',
               '"Thank you," said Hester Quill.')
    assert rows[1][1] == "the Chairman"


def test_her_sister_is_of_the_family_her_surname_names():
    rows = run("Clara Fenwick and Ruth Fenwick came in from the garden, and Mary Dorne with them.",
               "Clara Fenwick sat down; Mary Dorne took the window.",
               '"We are late," said Clara Fenwick.',
               '"Not very," said her sister.')
    assert rows[1][1] == "Ruth Fenwick"


def test_an_unnamed_man_is_not_glued_to_a_man_named_pages_back():
    rows = run("Edwin Hale left for the city that spring.",
               FILLER * 3,
               "Hester Quill waited at the station.",
               '"Is the train late?" said Hester Quill.',
               '"An hour, miss," said the old man.')
    assert rows[1][1] == "the old man"


def test_the_girl_is_a_woman_of_the_conversation_not_the_man_who_spoke_last():
    rows = run("Hester Quill and Edwin Hale walked by the river.",
               '"It is cold," said Hester Quill.',
               '"Then walk faster," said Edwin Hale.',
               '"I cannot," said the girl.')
    assert rows[2][1] == "Hester Quill"
