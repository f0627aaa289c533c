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
