"""The built-in sample is known by a source that is no path: a user's file named ``sample`` in the
current folder must never take over the sample's annotations, nor the sample theirs."""

from __future__ import annotations

import pytest

from tui.commands.read import load_document, load_sample
from tui.engine import load_path, load_text
from tui.store import Library
from tui.store.precheck import precheck

USER_TEXT = "My own notes\n\n“Nothing here is from the sample,” I said.\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _passage(doc, words):
    start = doc.text.index(words)
    return start, start + len(words)


def test_the_sample_source_is_not_a_path():
    sample = load_sample()
    assert sample.source == "quotelens:sample"
    assert load_document(None) == sample


def test_a_file_named_sample_does_not_take_over_the_samples_annotations(folder):
    sample = load_sample()
    words = sample.text.split("\n", 1)[0]  # the headline: sure to be in the sample
    db = folder / "db.json"
    with Library.open(db) as lib:
        lib.add(sample, *_passage(sample, words), note="on the sample")
        lib.set_reading_position(sample, 50)
    (folder / "sample").write_text(USER_TEXT, encoding="utf-8")
    mine = load_path("sample")
    assert precheck(db, mine.text, mine.source).position is None  # not the sample's place
    with Library.open(db) as lib:
        assert lib.placements(mine) == []  # no orphans of the sample shown on the user's file
        assert lib.reading_position(mine) is None
        kept = lib.placements(sample)
        assert [(p.status, p.annotation.note) for p in kept] == [("anchored", "on the sample")]
        assert lib.reading_position(sample) == 50
        # and the other way round: the user's file annotated first, the sample opened after
        lib.add(mine, *_passage(mine, "Nothing here"), note="mine")
        assert [p.annotation.note for p in lib.placements(load_sample())] == ["on the sample"]
        assert [p.annotation.note for p in lib.placements(mine)] == ["mine"]


def test_documents_with_a_scheme_or_from_stdin_are_never_re_keyed(folder):
    db = folder / "db.json"
    one = load_text("First text\n\nSome words to annotate here.\n", source="quotelens:sample")
    other = load_text("Second text\n\nOther words entirely.\n", source="quotelens:sample")
    piped = load_text("Piped text\n\nWords from a pipe.\n", source="-")
    piped_other = load_text("Piped again\n\nDifferent words.\n", source="-")
    with Library.open(db) as lib:
        lib.add(one, *_passage(one, "Some words"), note="one")
        lib.add(piped, *_passage(piped, "Words from"), note="piped")
        assert lib.placements(other) == [] and lib.placements(piped_other) == []
        assert [p.annotation.note for p in lib.placements(one)] == ["one"]
        assert [p.annotation.note for p in lib.placements(piped)] == ["piped"]


def test_a_file_name_with_a_colon_is_still_a_path(tmp_path):
    from tui.store.database_file import source_path

    assert source_path("notes:2024.txt") is not None
    assert source_path("quotelens:sample") is None and source_path("-") is None
