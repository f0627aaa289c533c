"""A damaged database file is refused with one clear line and left byte for byte as it was."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui.engine import load_text
from tui.store import CorruptDatabase, Library, NewerDatabase, StoreError

from .invariants import examples

TEXT = "A headline\n\n“Prices will fall,” the minister said on Monday. Nobody believed her.\n"
NULLABLE = {"color": str, "path": str, "quote": dict}  # fields that may hold null or one other type

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2**40, 2**40), st.floats(allow_nan=False, allow_infinity=False),
              st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=10)),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(alphabet="abcdefgh0123456789", max_size=4), inner, max_size=3)),
    max_leaves=6)


def _doc():
    return load_text(TEXT, source="prices.txt")


def _valid_database() -> dict:
    """A database holding one of everything: annotation, document, corrections, reading position."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "q.json"
        lib = Library.open(db)
        doc = _doc()
        lib.add(doc, 13, 28, note="claim", tags=["economy"], color="yellow")
        lib.reassign_quote(doc, 13, 28, "Jane Minister")
        lib.rename_speaker(doc, "the minister", "Jane Minister")
        lib.set_reading_position(doc, 12)
        return orjson.loads(db.read_bytes())


VALID = _valid_database()


def _leaves(value, path=()):
    """Every (path, value) inside ``value``, the containers included."""
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, path + (i,))


PLACES = [(p, v) for p, v in _leaves(VALID) if len(p) >= 3]  # inside a record: table / record id / field...


def _set(data, path, value):
    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def _expect_refused(db: Path, call) -> None:
    before = db.read_bytes()
    with pytest.raises(CorruptDatabase) as info:
        call()
    message = str(info.value)
    assert "\n" not in message and str(db) in message
    assert db.read_bytes() == before
    assert not [p for p in db.parent.iterdir() if p.name.endswith(".tmp")]


def test_the_undamaged_database_opens(tmp_path):
    db = tmp_path / "q.json"
    db.write_bytes(orjson.dumps(VALID))
    lib = Library.open(db)
    assert [p.status for p in lib.placements(_doc())] == ["anchored"]
    assert len(lib.corrections(_doc())) == 2 and lib.reading_position(_doc()) == 12


def _wrong_type(path, original):
    allowed = {type(None), NULLABLE[path[-1]]} if path[-1] in NULLABLE else {type(original)}
    return json_values.filter(lambda v: type(v) not in allowed)


@settings(max_examples=examples(120), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_field_of_the_wrong_type_is_refused(tmp_path_factory, data):
    path, original = data.draw(st.sampled_from(PLACES), label="field")
    value = data.draw(_wrong_type(path, original), label="value")
    db = tmp_path_factory.mktemp("wrong") / "q.json"
    db.write_bytes(orjson.dumps(_set(VALID, path, value)))
    _expect_refused(db, lambda: Library.open(db))


@pytest.mark.parametrize("path, value", [
    (("annotations", "1", "target", "selector", 1, "start"), "12"),
    (("annotations", "1", "target", "selector", 0, "exact"), 7),
    (("annotations", "1", "created"), 1700000000),
    (("corrections", "1", "quote", "start"), "twelve"),
    (("corrections", "1", "quote"), ["not", "a", "selector"]),
    (("corrections", "2", "seq"), "2"),
    (("corrections", "2", "target"), 5),
    (("positions", "1", "offset"), True),
])
def test_wrong_types_that_used_to_crash_later_are_refused_at_open(tmp_path, path, value):
    db = tmp_path / "q.json"
    db.write_bytes(orjson.dumps(_set(VALID, path, value)))
    _expect_refused(db, lambda: Library.open(db))


@settings(max_examples=examples(60), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=1, max_size=300))
@example(data=b"null")
@example(data=b"[]")
@example(data=b"[{\"_quotelens\": {}}]")
@example(data=b"\"text\"")
@example(data=b"42")
@example(data=b"\xef\xbb\xbf{}")
@example(data=b"{\"annotations\": {\"abc\": {}}}")
@example(data=b"{\"_quotelens\": {\"1\": {\"schema\": 2}}, \"annotations\": {\"x1\": {}}}")
def test_random_bytes_in_place_of_the_database_are_refused(tmp_path_factory, data):
    db = tmp_path_factory.mktemp("junk") / "q.json"
    db.write_bytes(data)
    try:
        parsed = orjson.loads(data)
    except orjson.JSONDecodeError:
        parsed = None
    if parsed == {} or (isinstance(parsed, dict) and not any(parsed.values())
                        and all(isinstance(t, dict) for t in parsed.values())):
        Library.open(db)  # an empty database (it is all the JSON holds): opened, and stamped
        return
    _expect_refused(db, lambda: Library.open(db))


@settings(max_examples=examples(60), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(cut=st.floats(0.0, 1.0, exclude_max=True))
def test_a_truncated_database_is_refused(tmp_path_factory, cut):
    raw = orjson.dumps(VALID, option=orjson.OPT_INDENT_2)
    db = tmp_path_factory.mktemp("cut") / "q.json"
    db.write_bytes(raw[: max(1, int(len(raw) * cut))])
    _expect_refused(db, lambda: Library.open(db))


@pytest.mark.parametrize("damage", [b"{\"annotations\": [", b"[]", b"\x00\x01garbage",
                                    orjson.dumps(_set(VALID, ("annotations", "1", "tags"), "economy"))],
                         ids=["truncated", "list", "binary", "tags-a-string"])
def test_damage_done_by_another_process_while_open_is_refused_by_every_call(tmp_path, damage):
    db = tmp_path / "q.json"
    db.write_bytes(orjson.dumps(VALID))
    lib = Library.open(db)
    doc = _doc()
    assert lib.placements(doc)
    db.write_bytes(damage)
    for call in (lambda: lib.placements(doc), lambda: lib.add(doc, 0, 5), lambda: lib.all_tags(),
                 lambda: lib.corrections(doc), lambda: lib.reading_position(doc),
                 lambda: lib.set_reading_position(doc, 3), lambda: lib.rename_speaker(doc, "a", "b")):
        _expect_refused(db, call)


def test_a_newer_database_is_not_corrupt_but_still_untouched(tmp_path):
    db = tmp_path / "q.json"
    db.write_bytes(orjson.dumps(_set(VALID, ("_quotelens", "1", "schema"), 99)))
    before = db.read_bytes()
    with pytest.raises(NewerDatabase):
        Library.open(db)
    assert db.read_bytes() == before
    assert issubclass(NewerDatabase, StoreError)


def test_a_record_id_that_is_not_a_plain_whole_number_is_refused(tmp_path):
    """TinyDB turns record ids into ints and back: "01" became 1, then "1", which is not there."""
    data = copy.deepcopy(VALID)
    data["annotations"] = {"01": data["annotations"]["1"]}
    db = tmp_path / "q.json"
    db.write_bytes(orjson.dumps(data))
    _expect_refused(db, lambda: Library.open(db))
