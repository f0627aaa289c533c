"""The annotation store under hostile notes, tags, edits and offsets."""

from __future__ import annotations

import itertools
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from tui.engine import load_text
from tui.store import HIGHLIGHT_NAMES, InvalidAnnotation, Library
from tui.store.anchoring import Selector, anchor, make_selector

from .invariants import FORBIDDEN, HOSTILE_SNIPPETS, WORD, examples, hostile_text

ARTICLE = ("Storm hits the coast\n\n"
           "“The water rose faster than anyone expected,” said Mayor Lena Brandt on Tuesday. "
           "[bold]Officials[/bold] said the [@click=app.quit]sea wall[/] held. \x1b[31m Residents were told to wait.\n\n"
           "“We will rebuild,” Brandt said. 😀 Emergency crews worked through the night; "
           "the harbour reopened on Friday, officials said.\n")

# 100 KB notes: a hostile snippet repeated, so Hypothesis need not generate them character by character
big_note = st.builds(lambda s, n: (s or "x") * (n // max(1, len(s or "x"))), hostile_text,
                     st.just(100_000))
notes = st.one_of(hostile_text, big_note, st.text(max_size=200))
tags = st.lists(st.one_of(WORD, st.sampled_from(HOSTILE_SNIPPETS), st.text(max_size=20)), max_size=6)
colors = st.one_of(st.none(), st.sampled_from(HIGHLIGHT_NAMES))


_EXAMPLES = itertools.count()


@pytest.fixture(scope="module")
def library_folder():
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


@pytest.fixture(scope="module")
def doc():
    return load_text(ARTICLE, source="storm.txt")


@settings(max_examples=examples(40), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(note=notes, tag_list=tags, color=colors, where=st.tuples(st.integers(0, 400), st.integers(1, 80)))
@example(note="\udcff\udcfe from a badly encoded argument", tag_list=["\ud800"], color=None, where=(0, 5))
@example(note="line\u2028separator\x0cpage\x1eunit\x85next\u200bzero", tag_list=["a\x0cb"], color=None,
         where=(60, 9))
@example(note="[bold]x[/] \x1b]52;c;ZXZpbA==\x07 \u202eevil", tag_list=["[red]", " a  b ", "\x00"],
         color="pink", where=(30, 20))
def test_hostile_notes_and_tags_round_trip(library_folder, doc, note, tag_list, color, where):
    start = min(where[0], len(doc.text) - 1)
    end = min(len(doc.text), start + where[1])
    assume(doc.text[start:end].strip())
    # a database per 20 examples: hostile annotations side by side, but no file grows without end
    library_path = library_folder / f"hostile{next(_EXAMPLES) // 20}.json"
    lib = Library.open(library_path)
    a = lib.add(doc, start, end, note=note, tags=tag_list, color=color)
    for text in (a.note, *a.tags):
        assert not FORBIDDEN.search(text.replace("\n", "").replace("\t", "")) and "\x1b" not in text
    # what the reader wrote survives apart from invisible control characters: every word, none glued
    assert a.note.split() == expected_note_words(note)
    again = Library.open(library_path)  # a second process reading the file
    assert again.get(a.id) == a
    [placed] = [p for p in again.placements(doc) if p.annotation.id == a.id]
    assert placed.status == "anchored" and (placed.start, placed.end) == (start, end)
    assert a.color == color and set(a.tags) <= set(again.all_tags())


def expected_note_words(note: str) -> list[str]:
    """The words of ``note`` without the characters no loaded article holds either (FORBIDDEN)."""
    note = re.sub("[\ud800-\udfff]", "\ufffd", note)
    if note.startswith("\ufeff"):  # a byte order mark, as a file would begin with it
        note = note[1:]
    return [w for w in (FORBIDDEN.sub("", w) for w in note.split()) if w]


def _edit(text: str, edits: list[tuple[int, int, str]]) -> str:
    for pos, delete, insert in edits:
        pos = pos % (len(text) + 1)
        text = text[:pos] + insert + text[pos + delete:]
    return text


edits = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40),
                           st.one_of(st.just(""), WORD, st.sampled_from(HOSTILE_SNIPPETS), st.text(max_size=30))),
                 max_size=8)


def check_anchor(new_text: str, sel: Selector) -> None:
    found = anchor(new_text, sel)
    assert found.status in ("anchored", "moved", "orphan")
    if found.status == "orphan":
        assert found.start is None and found.end is None
        return
    assert 0 <= found.start <= found.end <= len(new_text), found
    placed = new_text[found.start:found.end]
    if found.status == "anchored":
        assert placed == sel.exact
    else:
        assert Levenshtein.normalized_similarity(sel.exact, placed) >= 0.5, (sel.exact, placed)


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=st.lists(st.one_of(WORD, st.sampled_from(["“", "”", ".", ",", "\n\n", " ", "said"])), min_size=2,
                     max_size=150).map(" ".join),
       where=st.tuples(st.integers(0, 10_000), st.integers(1, 300)), changes=edits)
def test_reanchoring_after_random_edits_stays_inside_the_new_text(base, where, changes):
    start = where[0] % len(base)
    end = min(len(base), start + where[1])
    assume(base[start:end].strip())
    sel = make_selector(base, start, end)
    check_anchor(_edit(base, changes), sel)


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text, exact=hostile_text, prefix=st.text(max_size=80), suffix=st.text(max_size=80),
       start=st.integers(-10**12, 10**12), length=st.integers(-100, 10**6))
@example(text="abc", exact="abc", prefix="", suffix="", start=-3, length=3)
@example(text="abc", exact="b", prefix="a" * 200, suffix="", start=10**12, length=-5)
@example(text="", exact="x" * 500, prefix="", suffix="", start=0, length=500)
def test_anchor_never_raises_on_any_stored_selector(text, exact, prefix, suffix, start, length):
    """A tampered or very old database can hold any selector at all."""
    check_anchor(text, Selector(exact, prefix, suffix, start, start + length))


def test_library_reanchors_an_edited_file_without_losing_annotations(tmp_path):
    db = tmp_path / "q.json"
    article = tmp_path / "storm.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    from tui.engine import load_path

    doc = load_path(article)
    lib = Library.open(db)
    ids = []
    for needle in ("The water rose", "sea wall", "We will rebuild", "harbour reopened"):
        i = doc.text.index(needle)
        ids.append(lib.add(doc, i, i + len(needle), note=f"about {needle}").id)
    # the reporter rewrites: a deletion, a typo, new markup, control characters
    edited = (ARTICLE.replace("“We will rebuild,” Brandt said. ", "")
              .replace("sea wall", "seawall").replace("Storm", "\x1b[2JStorm [blink]"))
    article.write_text(edited, encoding="utf-8")
    new = load_path(article)
    placements = Library.open(db).placements(new)
    assert sorted(p.annotation.id for p in placements) == sorted(ids)
    for p in placements:
        if p.status != "orphan":
            assert 0 <= p.start < p.end <= len(new.text)
            assert Levenshtein.normalized_similarity(p.annotation.exact, new.text[p.start:p.end]) >= 0.5
    by_note = {p.annotation.note: p.status for p in placements}
    assert by_note["about We will rebuild"] == "orphan"
    assert by_note["about The water rose"] == "anchored"


@pytest.mark.parametrize("bad", [dict(note=5), dict(tags=[1]), dict(tags=None), dict(color="purple")])
def test_bad_arguments_are_refused_with_invalid_annotation(tmp_path, doc, bad):
    lib = Library.open(tmp_path / "q.json")
    kwargs = {"note": "", "tags": (), "color": None, **bad}
    with pytest.raises((InvalidAnnotation, TypeError)):
        lib.add(doc, 0, 5, **kwargs)


def test_a_file_name_in_a_broken_encoding_is_stored_and_kept_apart(tmp_path):
    """sys.argv decodes undecodable bytes of a path to lone surrogates: saving one crashed, and two
    such names must not be confused (annotations follow an edited file by its path)."""
    lib = Library.open(tmp_path / "q.json")
    first = load_text("One article, “quoted,” she said.", source=str(tmp_path / "a\udcff.txt"))
    second = load_text("Another article entirely.", source=str(tmp_path / "a\udcfe.txt"))
    a = lib.add(first, 0, 3, note="first")
    assert [p.annotation.id for p in lib.placements(first)] == [a.id]
    assert lib.placements(second) == []  # not re-keyed onto the other file
    assert [p.annotation.id for p in Library.open(tmp_path / "q.json").placements(first)] == [a.id]


def test_a_fifo_in_place_of_the_database_is_refused_not_replaced(tmp_path):
    """``--db /dev/null`` or a named pipe: reading blocked (a pipe) or the save replaced the node
    with a plain file (a device, when run as root).  Tested with a pipe in a scratch folder."""
    import os
    import stat

    from tui.store import StoreError

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(StoreError, match="not a regular file"):
        Library.open(fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.json"]


def test_a_symlink_loop_in_place_of_the_database_is_a_store_error(tmp_path):
    from tui.store import StoreError

    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    with pytest.raises(StoreError, match="loop"):
        Library.open(loop)
    assert loop.is_symlink()


def test_a_folder_where_the_lock_cannot_be_made_fails_at_once(tmp_path, monkeypatch):
    """The lock file could not be created (read-only folder, /proc): filelock retried for 15 s and
    then blamed 'another quotelens'."""
    import tui.store.library as library
    from tui.store import DatabaseBusy, StoreError

    monkeypatch.setattr(library, "LOCK_TIMEOUT", 2.0)
    real_open = library.os.open

    def refuse_lock(path, flags, *args, **kwargs):
        if str(path).endswith(".lock"):
            raise FileNotFoundError(2, "No such file or directory")  # what /proc answers
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(library.os, "open", refuse_lock)
    with pytest.raises(StoreError, match="cannot lock") as info:
        Library.open(tmp_path / "q.json")
    assert not isinstance(info.value, DatabaseBusy)
