"""The learned ranker of untagged fiction turns: its candidates, its choice, its weights file."""

from __future__ import annotations

from tui.engine import analyze, load_text, turnrank
from tui.engine.dialogue import _Turn

FILLER = "The wind had dropped by evening and the lamps were lit along the lane. " * 20
PADDING = ['"It will rain," said Oliver Grant.', '"Perhaps," said Ruth Marsh.'] * 10


def run(*paragraphs: str):
    text = "Chapter 1\n\n" + FILLER + "\n\n" + "\n\n".join(paragraphs)
    doc = load_text(text, fmt="text")
    a = analyze(doc)
    return [(doc.text[q.start:q.end], a.speaker_of(q).name if a.speaker_of(q) else None, q.method)
            for q in a.quotes]


def test_the_shipped_weights_load():
    assert turnrank.WEIGHTS, "tui/engine/turnrank.json is missing or unreadable"
    assert turnrank.WEIGHTS["rule"] > 0  # the hand rules' pick is evidence for it


def test_a_missing_or_corrupt_weights_file_leaves_the_hand_rules(tmp_path, monkeypatch):
    bad = tmp_path / "turnrank.json"
    bad.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(turnrank, "_WEIGHTS_FILE", bad)
    assert turnrank._load() == {}
    monkeypatch.setattr(turnrank, "_WEIGHTS_FILE", tmp_path / "absent.json")
    assert turnrank._load() == {}


def test_candidates_describe_the_evidence_for_each_person():
    scene = [_Turn(0, [0], 1, "fixed"), _Turn(1, [1], 2, "fixed"), _Turn(2, [2], None, "free")]
    scene[1].to = {3}  # turn 1 speaks to person 3 by name
    cands = dict(turnrank.candidates(scene, [1, 2, None], 2, 1, "alternation"))
    assert set(cands) == {1, 2, 3}
    assert cands[1]["rule"] == 1.0 and cands[1]["prev2"] == 1.0
    assert cands[2]["prev1"] == 1.0
    assert cands[3]["addressed_before"] == 1.0


def test_rank_takes_the_best_score_and_the_rules_pick_on_a_tie():
    cands = [(7, {"rule": 1.0}), (8, {"prev1": 1.0})]
    assert turnrank.rank(cands, {"rule": 1.0, "prev1": -1.0}) == 7
    assert turnrank.rank(cands, {"rule": -1.0, "prev1": 1.0}) == 8
    assert turnrank.rank(cands, {}) == 7


def test_after_narration_about_the_last_speaker_the_same_speaker_goes_on():
    # alternation alone would give the turn to Oliver Grant; the narration between is about Ruth
    rows = run('"Is it far?" asked Oliver Grant.',
               '"Not far," said Ruth Marsh.',
               "Ruth Marsh looked down the road for a long while, and then at the sky.",
               '"We should go before the dark comes."',
               *PADDING)
    assert rows[2][0].startswith("We should go") and rows[2][1] == "Ruth Marsh"


def test_the_shipped_pronoun_weights_load():
    assert turnrank.PRON_WEIGHTS, "tui/engine/pronrank.json is missing or unreadable"
    assert turnrank.PRON_WEIGHTS["addressed_here"] < 0  # whom "he" calls by name is not him


def test_pronoun_candidates_are_of_the_pronouns_gender_or_unknown_never_the_narrator():
    genders = {1: "m", 2: "f", 3: "m", 4: None, 5: "m"}
    scene = [_Turn(0, [0], 1, "fixed"), _Turn(1, [1], 2, "fixed"), _Turn(2, [2], 3, "pron", "m")]
    scene[2].near = [4, 5]
    scene[1].to = {1}
    cands = dict(turnrank.pron_candidates(scene, [1, 2, 3], 2, 3, 3, genders.get, exclude=5))
    assert set(cands) == {3, 1, 4}  # not the woman, not the narrator (5, who is "I")
    assert cands[3]["resolved"] == 1.0 and cands[3]["rule"] == 1.0
    assert cands[1]["prev2"] == 1.0 and cands[1]["addressed_before"] == 1.0
    assert cands[4]["gender_unknown"] == 1.0 and cands[4]["near_first"] == 1.0


def test_he_answered_after_a_question_to_a_man_by_name_is_that_man(monkeypatch):
    paragraphs = ("Walter Pike and Henry Dunn sat by the stove in the kitchen of the inn.",
                  '"A wet night," said Henry Dunn.',
                  '"It is," said Walter Pike.',
                  '"Will you come with me to the fair tomorrow, Walter?" asked Henry Dunn.',
                  "The stove ticked in the silence, and the rain beat on the shutters of the low room.",
                  '"I cannot," he answered.',
                  FILLER, *PADDING)
    assert run(*paragraphs)[3] == ("I cannot,", "Walter Pike", "pronoun")
    # the nearest man before the pronoun alone would be the one who asked
    monkeypatch.setattr(turnrank, "PRON_WEIGHTS", {})
    assert run(*paragraphs)[3][1] == "Henry Dunn"


def test_he_said_to_a_man_called_by_name_in_the_quotation_is_not_that_man():
    rows = run("Walter Pike and Henry Dunn sat by the stove in the kitchen of the inn.",
               '"A wet night," said Henry Dunn.',
               '"It is," said Walter Pike.',
               "The stove ticked in the silence, and the rain beat on the shutters of the low room.",
               '"Shall we go to the fair tomorrow?" asked Walter Pike.',
               "Neither moved, and the rain beat on the shutters of the low room.",
               '"Yes, Walter, if the rain stops," he said.',
               FILLER, *PADDING)
    assert rows[3] == ("Yes, Walter, if the rain stops,", "Henry Dunn", "pronoun")


def test_he_said_after_a_sentence_whose_subject_is_a_man_is_that_man():
    rows = run("Walter Pike and Henry Dunn sat by the stove in the kitchen of the inn.",
               '"Shall we go to the fair tomorrow?" asked Walter Pike.',
               'Henry Dunn looked up from his book and gave him a long look. "No," he said.',
               FILLER, *PADDING)
    assert rows[1][1] == "Henry Dunn"


def test_she_said_between_a_man_and_a_woman_is_the_woman():
    rows = run("Walter Pike walked with Clara Vane along the river in the cold.",
               '"Shall we go back?" asked Walter Pike.',
               "The water ran high and brown under the bridge, and the wind rose.",
               '"Not yet," she said.',
               FILLER, *PADDING)
    assert rows[1][1] == "Clara Vane"
