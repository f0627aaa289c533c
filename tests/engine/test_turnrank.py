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


def test_a_he_or_she_opening_a_sentence_of_narration_gives_a_gender():
    from tui.engine.dialogue import _pron_subject
    text = "The fire was low. He turned his head. She put out the lamp."
    assert _pron_subject(text, 0, len(text), last=True) == "f"
    assert _pron_subject(text, 0, len(text), last=False) == "m"
    assert _pron_subject("It was all He asked of them.", 0, 28, last=True) is None  # not a sentence opening
    assert _pron_subject('"Yes." He said no more.', 6, 23, last=False) is None  # a cue, not an action


def test_candidates_say_who_the_next_turn_speaks_to_and_who_the_narration_named():
    scene = [_Turn(0, [0], 1, "fixed"), _Turn(1, [1], 2, "fixed"), _Turn(2, [2], None, "free"),
             _Turn(3, [3], None, "free")]
    scene[3].to = {4}  # "Well, Clara?" in the turn after: Clara (4) spoke this one
    scene[2].recent = [5, 1]  # the narration just named 5, and before that 1
    scene[2].recent_here = 2
    scene[2].lead_pron = "f"  # "She put down her cup." just before it
    gender = {1: "m", 2: "f", 4: "f", 5: "m"}.get
    cands = dict(turnrank.candidates(scene, [1, 2, None, None], 2, 1, "alternation", gender))
    assert cands[4]["addressed_after"] == 1.0
    assert cands[4]["lead_pron_agrees"] == 1.0 and cands[1]["lead_pron_clashes"] == 1.0
    assert cands[5]["recent1"] == 1.0 and cands[5]["recent_in_scene"] == 1.0
    assert "recent2" not in cands[1]  # named lately, but one of the two who spoke last
    assert cands[1]["cued_near"] == 1.0 and cands[2]["cued_near"] == 1.0


def test_speakers_named_only_later_in_the_conversation_are_not_candidates_by_that():
    scene = [_Turn(0, [0], None, "free")] + [_Turn(j, [j], 10 + j, "fixed") for j in range(1, 6)]
    cands = dict(turnrank.candidates(scene, [None, 11, 12, 13, 14, 15], 0, None, "alternation"))
    assert 14 not in cands and 15 not in cands  # three and more turns on: not evidence for this one


def test_a_vocative_turns_on_shifts_the_whole_run_of_untagged_turns():
    # A (1) speaks, narration, then three untagged turns.  Alternation says B, A, B; but the turn
    # after the run says "Well, A?", so A spoke the last of them.  One turn at a time, each
    # committed to the ones before, the run stays B, A, B; decoded together, A goes on after the
    # narration and the run ends with A
    w = {"rule": 0.5, "prev1": -2.0, "prev2": 1.0, "same_after_narration": 2.0, "addressed_after": 2.5}

    def turn(rule_pick, addressed_after=None):
        return [(s, {**({"rule": 1.0} if s == rule_pick else {}),
                     **({"addressed_after": 1.0} if s == addressed_after else {})}) for s in (1, 2)]

    cands = [None, turn(2), turn(1), turn(2, addressed_after=1)]
    narrated = [False, True, False, False]
    one_by_one = [1]
    for k in (1, 2, 3):
        def total(c, f, k=k):
            prev = one_by_one[k - 1]
            return (turnrank.score(f, w) + (w["prev1"] + w["same_after_narration"] * narrated[k] if c == prev else 0)
                    + (w["prev2"] if k >= 2 and c == one_by_one[k - 2] else 0))
        one_by_one.append(max(cands[k], key=lambda cf: total(*cf))[0])
    assert one_by_one == [1, 2, 1, 2]
    assert turnrank.decode([1, None, None, None], cands, narrated, w) == [1, 1, 2, 1]


def test_decode_keeps_the_turns_it_is_not_to_decide():
    cands = [None, [(5, {"rule": 1.0}), (6, {})], None]
    assert turnrank.decode([7, None, 6], cands, [False] * 3, {"rule": 1.0}) == [7, 5, 6]
    assert turnrank.decode([], [], [], {"rule": 1.0}) == []


def test_she_said_that_nobody_resolved_goes_to_a_woman_of_the_conversation():
    rows = run("Ruth Marsh walked with Oliver Grant along the wall.",
               '"Is it far?" asked Oliver Grant.',
               '"Not far," said Ruth Marsh.',
               '"Is it much farther?" she said, turning back.',
               *PADDING[1:])
    assert rows[2][1] == "Ruth Marsh"


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
