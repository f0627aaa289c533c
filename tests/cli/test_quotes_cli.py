"""``quotelens quotes``: speech under "quotes", titles and scare quotes under "marks"."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ("Harbour plan divides council\n\n"
           "“We will not sign it,” councillor Ana Costa said of the so-called “harbour deal.” "
           "She called the plan “a gift to developers” on Monday.\n\n"
           "Costa, whose memoir “Salt and Stone” came out last year, spoke for an hour.\n")


def run_quotes(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    f = tmp_path / "harbour.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "tui", "quotes", str(f), *extra], capture_output=True,
                          text=True, cwd=ROOT, timeout=60, check=True)


def test_json_lists_speech_under_quotes_and_titles_under_marks(tmp_path):
    data = json.loads(run_quotes(tmp_path, "--json").stdout)
    assert [q["text"] for q in data["quotes"]] == ["We will not sign it,", "a gift to developers"]
    assert all(q["kind"] in ("direct", "partial") and q["speaker"] == "Ana Costa" for q in data["quotes"])
    assert data["marks"] == [
        {"text": "harbour deal.", "start": ARTICLE.index("harbour deal."),
         "end": ARTICLE.index("harbour deal.") + len("harbour deal."), "kind": "scare"},
        {"text": "Salt and Stone", "start": ARTICLE.index("Salt and Stone"),
         "end": ARTICLE.index("Salt and Stone") + len("Salt and Stone"), "kind": "title"},
    ]


def test_table_names_titles_and_scare_quotes_apart(tmp_path):
    out = run_quotes(tmp_path).stdout
    assert "2 quotations" in out
    marks = out.split("titles and scare quotes (not attributed):", 1)[1]
    assert "Salt and Stone" in marks and "harbour deal." in marks


def test_json_gives_each_speaker_a_share_of_voice(tmp_path):
    f = tmp_path / "two.txt"
    f.write_text("Ferry vote\n\n“We need the boat every single day,” Ana Costa said.\n\n"
                 "“Too costly,” said Ben Hale.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "tui", "quotes", str(f), "--json"], capture_output=True, text=True,
                         cwd=ROOT, timeout=60, check=True)
    speakers = {s["name"]: s for s in json.loads(out.stdout)["speakers"]}
    assert (speakers["Ana Costa"]["words"], speakers["Ben Hale"]["words"]) == (7, 2)
    assert speakers["Ana Costa"]["share"] == round(7 / 9, 4) and speakers["Ben Hale"]["share"] == round(2 / 9, 4)
    assert speakers["Ana Costa"]["quotes"] == 1  # the keys that were there stay


def test_explain_prints_each_rule_tried_and_the_one_that_decided(tmp_path):
    out = run_quotes(tmp_path, "--explain").stdout
    first = out.split("#1 ", 1)[1].split("#2 ", 1)[0]
    assert "We will not sign it," in first
    assert "transcript    declined" in first  # the label rule said why it could not decide
    assert "cue           decided   Ana Costa" in first and "'councillor Ana Costa'" in first
    assert "=> Ana Costa (cue 0.95, rule cue)" in first
    scare = out.split("harbour deal.", 1)[1].split("#", 1)[0]
    assert "marks         declined" in scare and "=> nobody" in scare


def test_explain_json_keeps_the_shape_and_adds_rule_and_trace(tmp_path):
    plain = json.loads(run_quotes(tmp_path, "--json").stdout)
    data = json.loads(run_quotes(tmp_path, "--json", "--explain").stdout)
    assert "rule" not in plain["quotes"][0]  # the scored contract is unchanged without --explain
    for before, after in zip(plain["quotes"], data["quotes"]):
        assert {k: after[k] for k in before} == before
    assert data["quotes"][0]["rule"] == "cue"
    assert [s["rule"] for s in data["quotes"][0]["trace"]] == ["transcript", "narrator", "cue"]
    assert data["quotes"][0]["trace"][2]["mention"] == "councillor Ana Costa"
    assert data["marks"][0]["rule"] is None
