"""One rule for tags, wherever they are typed: trimmed, single-spaced, no control characters, no
empty tag, and tags differing only in case are one tag, spelled as first written."""

from __future__ import annotations

import pytest

from tui.app.components.annotation_draft import parse_tags
from tui.engine import load_text
from tui.store import Library
from tui.store.records import clean_tags

TEXT = "A headline\n\n“Prices will fall,” the minister said on Monday.\n"


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path / "db.json") as lib:
        yield lib


def test_the_library_keeps_one_tag_per_spelling_ignoring_case(lib):
    doc = load_text(TEXT)
    a = lib.add(doc, 0, 5, tags=["Climate", "climate", " CLIMATE ", "Weather  report", "weather report", ""])
    assert a.tags == ("Climate", "Weather report")
    assert lib.get(a.id).tags == ("Climate", "Weather report")
    b = lib.update(a.id, tags=["ENERGY", "energy", "Énergie", "énergie"])
    assert b.tags == lib.get(a.id).tags == ("ENERGY", "Énergie")
    assert lib.all_tags() == ["ENERGY", "Énergie"]


@pytest.mark.parametrize("typed", [
    ["Climate", "climate"],
    [" law ", "Law", "", "   ", "energy", "LAW"],
    ["a\x00b", "A b", "\u202etag", "TAG"],  # control characters part words, never glue them
    ["big\tidea", "BIG IDEA", "\x1b[31m", "[31M"],
    ["stra\u00dfe", "STRASSE"],  # casefold: ß and SS are one tag
])
def test_the_editor_folds_tags_exactly_as_the_store_does(lib, typed):
    doc = load_text(TEXT)
    stored = lib.add(doc, 0, 5, tags=typed).tags
    assert parse_tags(",".join(typed)) == stored == clean_tags(typed)
    assert len({t.casefold() for t in stored}) == len(stored)
