"""Share of voice and the citation of a document: pure engine functions."""

from __future__ import annotations

import pytest

from tui.engine import analyze, load_text
from tui.engine.meta import citation
from tui.engine.share import count_words, share_of_voice

ARTICLE = """# Council backs the new bridge

“We have waited ten years for this bridge and we will not wait ten more,” Mayor Ada Brook said.

“It is too expensive,” said Councillor Ben Hale.

Ada Brook added: “The money is already set aside.”

Critics mocked the so-called “bridge to nowhere” plan.
"""


@pytest.fixture(scope="module")
def shares():
    doc = load_text(ARTICLE, name="bridge.md", fmt="markdown")
    return doc, analyze(doc), share_of_voice(doc, analyze(doc))


def test_each_speaker_has_their_quotations_and_words(shares):
    _, _, result = shares
    by_name = {s.name: s for s in result}
    assert by_name["Ada Brook"].quotes == 2
    assert by_name["Ada Brook"].words == 16 + 5
    assert by_name["Councillor Ben Hale"].quotes == 1
    assert by_name["Councillor Ben Hale"].words == 4


def test_shares_are_of_all_quoted_words_and_sum_to_one(shares):
    _, _, result = shares
    assert sum(s.share for s in result) == pytest.approx(1.0)
    first = result[0]
    assert first.name == "Ada Brook"  # most words first
    assert first.share == pytest.approx(21 / 25)


def test_scare_quotes_are_nobodys_words(shares):
    _, analysis, result = shares
    assert any(q.is_mark for q in analysis.quotes)  # "bridge to nowhere" was found ...
    assert sum(s.words for s in result) == 25  # ... and is not counted


def test_unattributed_quotations_come_last():
    doc = load_text("Title\n\n“Nobody knows who said this.”\n\n“We will build it,” Ann Lee said.\n")
    result = share_of_voice(doc, analyze(doc))
    assert [s.name for s in result] == ["Ann Lee", "(unattributed)"]
    assert result[-1].speaker is None and result[-1].words == 5


def test_no_quotations_no_shares():
    doc = load_text("Title\n\nNothing is quoted here.\n")
    assert share_of_voice(doc, analyze(doc)) == ()


def test_words_keep_apostrophes_and_hyphens_inside():
    assert count_words("It’s a well-known, long-standing rule—isn’t it?") == 7


def test_citation_title_is_the_first_heading_and_the_source_the_path(tmp_path):
    f = tmp_path / "bridge.md"
    f.write_text("Intro line\n\n# The real headline\n\nText.\n", encoding="utf-8")
    from tui.engine import load_path

    cite = citation(load_path(f))
    assert cite.title == "The real headline"
    assert cite.path == str(f) and cite.source == str(f)
    assert (cite.byline, cite.date) == ("", "")
    assert cite.line() == f"The real headline — {f}"


def test_citation_uses_the_loaders_metadata_when_there_is_some():
    from dataclasses import replace

    from tui.engine.model import Meta

    doc = load_text("# Heading\n\nText.\n", fmt="markdown")
    doc = replace(doc, meta=Meta(title="From the page", byline="By A. Writer", date="2024-05-01",
                                 source="https://news.example/bridge"))
    cite = citation(doc)
    assert (cite.title, cite.byline, cite.date, cite.source) == \
        ("From the page", "By A. Writer", "2024-05-01", "https://news.example/bridge")
    assert cite.line() == "From the page — By A. Writer, https://news.example/bridge, 2024-05-01"


def test_a_page_read_from_a_url_is_cited_by_its_url_and_has_no_file():
    doc = load_text("# Heading\n\nText.\n", fmt="markdown", source="https://news.example/a")
    cite = citation(doc)
    assert (cite.path, cite.source) == ("", "https://news.example/a")


def test_the_built_in_sample_cites_no_source():
    from tui.commands.read import load_sample

    cite = citation(load_sample())
    assert (cite.title, cite.source, cite.path) == ("Harbour Town Votes to Keep Its Ferry, for Now", "", "")
