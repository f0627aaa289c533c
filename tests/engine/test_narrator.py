"""A novel told in the first person: "I said" is the narrator, by the name the others call them."""

from __future__ import annotations

from tui.engine import Declined, analyze, explain, load_text
from tui.engine.narrator import find_narrator
from tui.engine.quotes import find_quotes

FILLER = "The wind had dropped by evening and the lamps were lit along the lane. " * 20

# an invented conversation: the narrator talks with Wilfred Crane, who calls the narrator by name
EXCHANGE = [
    '"Where have you been, Tobias?" Wilfred Crane asked.',
    '"Down at the harbour," I said.',
    '"You look tired, Tobias."',
    '"I walked all the way," I answered.',
    '"Sit down, then," said Wilfred.',
    '"Thank you, Wilfred," I said.',
]


def novel(*paragraphs: str) -> str:
    return "Chapter 1\n\n" + FILLER + "\n\n" + "\n\n".join(paragraphs)


def rows(text: str):
    doc = load_text(text, fmt="text")
    a = analyze(doc)
    return [(doc.text[q.start:q.end], a.speaker_of(q).name if a.speaker_of(q) else None, q.method)
            for q in a.quotes]


def narrator_of(text: str):
    doc = load_text(text, fmt="text")
    return find_narrator(doc, sorted(find_quotes(doc), key=lambda q: q.mark_start))


def test_i_said_is_the_narrator_called_by_the_name_the_others_use():
    got = rows(novel(*EXCHANGE * 5))
    mine = [r for r in got if r[0].startswith(("Down at", "I walked", "Thank you"))]
    assert mine and all(r[1] == "Tobias" and r[2] == "narrator" for r in mine)
    # the name the narrator says is the other person's, not the narrator's
    assert narrator_of(novel(*EXCHANGE * 5)).name == "Tobias"


def test_a_given_name_and_a_surname_said_to_the_narrator_make_the_full_name():
    exchange = EXCHANGE + ['"Good evening, Mr. Hale," said the porter.', '"Good evening," I said.']
    assert narrator_of(novel(*exchange * 5)).name == "Tobias Hale"


def test_my_name_is_names_the_narrator():
    story = ['"Who are you?" the porter asked.', '"My name is Tobias," I said.',
             '"And where are you going?"', '"North," I said.'] * 6
    assert narrator_of(novel(*story)).name == "Tobias"


def test_a_book_with_a_few_quoted_i_saids_has_no_narrator():
    # a third-person novel where one character tells a story: "I said" a handful of times
    told = ['"It will rain," said Oliver Grant.', '"Perhaps," said Ruth Marsh.'] * 30
    story = ['"Then, Ruth, I went out," said Oliver.', 'He told it all: "I said no, and I left," I said.'] * 2
    assert narrator_of(novel(*told, *story)) is None


def test_without_a_narrator_i_said_stays_unattributed():
    # the narrator is never called by name: no label is invented for "I"
    story = ['"Is it far?" the porter asked.', '"Not far," I said.'] * 12
    got = rows(novel(*story))
    assert narrator_of(novel(*story)) is None
    assert all(r[1] is None for r in got if r[0] == "Not far,")


def test_the_narrators_i_in_the_narration_opens_a_conversation():
    # a new scene: "I" is the only subject the narration names, so the first untagged turn is mine
    story = EXCHANGE * 4 + [FILLER, "I found Wilfred in the garden at dusk.", '"Is the boat in?"']
    got = rows(novel(*story))
    assert got[-1][0] == "Is the boat in?" and got[-1][1] == "Tobias"


def test_the_narrator_rule_decides_before_a_cue_naming_someone_else():
    # "Wilfred looked at me." leads into my answer: the cue rule alone would give it to Wilfred
    story = EXCHANGE * 4 + ['Wilfred looked at me. "I cannot stay long," I said.']
    doc = load_text(novel(*story), fmt="text")
    a, traces = explain(doc)
    last = traces[-1]
    assert last.final.rule == "narrator" and last.final.method == "narrator"
    start, end = last.final.span
    assert doc.text[start:end] == "I said"
    assert a.speaker_of(a.quotes[-1]).name == "Tobias"


def test_a_third_person_novel_has_no_narrator_rule_decisions():
    told = ['"It will rain," said Oliver Grant.', '"Perhaps," said Ruth Marsh.'] * 15
    doc = load_text(novel(*told), fmt="text")
    _a, traces = explain(doc)
    assert all(t.final.rule != "narrator" for t in traces)
    assert any(s.rule == "narrator" and "first person" in s.reason
               for t in traces for s in t.steps if isinstance(s, Declined))



def test_she_said_never_means_the_narrator():
    # the narrator, whose gender is never stated, is "I"; "she" is the woman who came in
    talk = [line.replace("Tobias", "Quill") for line in EXCHANGE]
    got = rows(novel("My name was Quill Penhale then, and I kept the lamp at the harbour.",
                     *talk * 5,
                     "The door opened and somebody came in out of the rain.",
                     '"Is this the house?" she said.',
                     *talk))
    asked = [r for r in got if r[0].startswith("Is this the house")]
    assert asked and asked[0][1] != "Quill Penhale"


def test_a_servant_called_in_the_turns_beside_the_narrators_is_not_the_narrator():
    story = ['"Where have you been, Tobias? Martha, his coat!" my aunt asked.', '"Out," I said.',
             '"Martha, the tea! Martha, be quick!"',
             "Martha brought the tray. Martha set it down and went out."] * 9
    # the narration has Martha doing things: she is "she" there, the narrator is "I"
    assert narrator_of(novel(*story)).name == "Tobias"
