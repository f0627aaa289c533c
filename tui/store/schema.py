"""The database's shape, its version, and how older versions are brought up to date.

The file is TinyDB's JSON layout: ``{table: {record_id: record}}``.  Table ``_quotelens``
holds one record ``{"schema": N}``.  ``MIGRATIONS[n]`` turns a version-``n`` database into
version ``n + 1`` (in memory; the library writes the result atomically, after keeping a
copy of the old file).  A database we cannot read is refused, never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .errors import CorruptDatabase, NewerDatabase

SCHEMA_VERSION = 2
META = "_quotelens"
ANNOTATIONS = "annotations"
DOCUMENTS = "documents"
CORRECTIONS = "corrections"
POSITIONS = "positions"
# Added without a version bump: an older database simply has none of them, and an older quotelens
# keeps them (it rewrites the tables it knows, the others as they were).  See tui/store/visits.py.
VISITS = "visits"  # per document: when it was last read, and the quotations seen then
FORGOTTEN = "forgotten"  # documents forgotten from the library, kept for undo
TABLES = (META, ANNOTATIONS, DOCUMENTS, CORRECTIONS, POSITIONS, VISITS, FORGOTTEN)
UNTOUCHED = "; the file was left as it is (move it aside, or use --db PATH for another database)"


def _v1_to_v2(data: dict) -> dict:
    """Version 1 kept the selector flat on the annotation; version 2 nests W3C selectors in ``target``."""
    table = data.get(ANNOTATIONS, {})
    for key, r in list(table.items()):
        table[key] = {
            "id": r["id"], "doc_id": r["doc_id"],
            "target": {"selector": [
                {"type": "TextQuoteSelector", "exact": r["exact"], "prefix": r.get("prefix", ""),
                 "suffix": r.get("suffix", "")},
                {"type": "TextPositionSelector", "start": int(r["start"]), "end": int(r["end"])},
            ]},
            "note": r.get("note", ""), "tags": list(r.get("tags", [])), "color": r.get("color"),
            "created": r.get("created", ""), "updated": r.get("updated", r.get("created", "")),
        }
    return data


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2}


def _is_str(v: Any) -> bool:
    return type(v) is str


def _is_int(v: Any) -> bool:
    return type(v) is int  # not bool, not float


def _opt(r: dict, key: str, check: Callable[[Any], bool], none_ok: bool = False) -> bool:
    """A field that may be missing (the reader falls back to a default) but never of the wrong type."""
    if key not in r:
        return True
    v = r[key]
    return (none_ok and v is None) or check(v)


def _strings(r: dict, *keys: str) -> bool:
    return all(_opt(r, k, _is_str) for k in keys)


def _check_records(data: dict, name: str, check: Callable[[dict], bool], path: str) -> None:
    for key, rec in data.get(name, {}).items():
        if not check(rec):
            raise CorruptDatabase(f"{path}: record {key} of table {name!r} is damaged" + UNTOUCHED)


_QUOTE_FIELDS = ("exact", "prefix", "suffix")
_ANNOTATION_TEXT = ("note", "created", "updated")


def _selector_ok(s: Any) -> bool:
    if type(s) is not dict:
        return False
    kind = s.get("type")
    if kind == "TextQuoteSelector":
        return all(type(s.get(k, "")) is str for k in _QUOTE_FIELDS)
    if kind == "TextPositionSelector":
        return type(s.get("start", 0)) is int and type(s.get("end", 0)) is int
    return type(kind) is str  # a selector of a kind we do not use is kept and ignored


def _annotation_ok(r: dict) -> bool:
    # written out long-hand: it runs over every annotation each time the file is read
    target = r.get("target")
    sels = target.get("selector") if type(target) is dict else None
    if type(sels) is not list or type(r.get("id")) is not str or type(r.get("doc_id")) is not str:
        return False
    for sel in sels:
        if not _selector_ok(sel):
            return False
    tags = r.get("tags", ())
    if type(tags) is not list and tags != ():
        return False
    for tag in tags:
        if type(tag) is not str:
            return False
    for key in _ANNOTATION_TEXT:
        if key in r and type(r[key]) is not str:
            return False
    color = r.get("color")
    return color is None or type(color) is str


def _doc_ok(r: dict) -> bool:
    return _is_str(r.get("doc_id")) and _opt(r, "path", _is_str, none_ok=True) and _strings(r, "title", "seen", "sha")


def _quote_ok(q: Any) -> bool:
    return type(q) is dict and _strings(q, "exact", "prefix", "suffix") and _opt(q, "start", _is_int) \
        and _opt(q, "end", _is_int)


def _correction_ok(r: dict) -> bool:
    return (_is_str(r.get("doc_id")) and r.get("kind") in ("reassign", "rename", "merge") and _is_str(r.get("name"))
            and _strings(r, "target", "created") and _opt(r, "seq", _is_int)
            and _opt(r, "quote", _quote_ok, none_ok=True))


def _position_ok(r: dict) -> bool:
    return _is_str(r.get("doc_id")) and _is_int(r.get("offset")) and _strings(r, "updated")


def _visit_ok(r: dict) -> bool:
    quotes = r.get("quotes", [])
    return (_is_str(r.get("doc_id")) and _opt(r, "path", _is_str, none_ok=True)
            and _strings(r, "title", "byline", "date", "source", "read", "sha") and type(quotes) is list
            and all(type(q) is list and len(q) == 4 and _is_int(q[0]) and _is_int(q[1])
                    and (q[2] is None or _is_str(q[2])) and _is_str(q[3]) for q in quotes)
            and type(r.get("speakers", [])) is list)


_CHECKS: dict[str, Callable[[dict], bool]] = {}  # filled below: a table's record check, by table name


def _forgotten_ok(r: dict) -> bool:
    records = r.get("records")
    return (_is_str(r.get("key")) and _strings(r, "at") and type(records) is dict
            and all(name in _CHECKS and name != FORGOTTEN and type(recs) is list
                    and all(type(x) is dict and _CHECKS[name](x) for x in recs)
                    for name, recs in records.items()))


def _meta_ok(r: dict) -> bool:
    return _strings(r, "app")


_CHECKS.update({ANNOTATIONS: _annotation_ok, DOCUMENTS: _doc_ok, CORRECTIONS: _correction_ok,
                POSITIONS: _position_ok, VISITS: _visit_ok})

_RECORD_ID = re.compile(r"0|[1-9][0-9]*")


def _record_id_ok(key: str) -> bool:
    """TinyDB's record ids are whole numbers written plainly: it turns them into ints and back, so
    "01" would become "1", and an update or delete of that record would silently do nothing."""
    return _RECORD_ID.fullmatch(key) is not None


def version_of(data: Any, path: str) -> int | None:
    """Check the outer shape and return the schema version (None for a brand-new, empty database)."""
    if data is None:
        return None
    if not isinstance(data, dict) or not all(
            isinstance(t, dict) and all(isinstance(r, dict) and _record_id_ok(k) for k, r in t.items())
            for t in data.values()):
        raise CorruptDatabase(f"{path}: not a quotelens database (unexpected JSON shape)" + UNTOUCHED)
    meta = data.get(META)
    if not meta:
        if any(data.values()):
            raise CorruptDatabase(f"{path}: not a quotelens database (no version record)" + UNTOUCHED)
        return None
    version = next(iter(meta.values())).get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorruptDatabase(f"{path}: the database's version record is damaged" + UNTOUCHED)
    if version > SCHEMA_VERSION:
        raise NewerDatabase(f"{path}: written by a newer quotelens (database version {version}, this one reads "
                            f"up to {SCHEMA_VERSION}); upgrade quotelens" + UNTOUCHED)
    return version


def validate(data: Any, path: str) -> int | None:
    """Raise CorruptDatabase / NewerDatabase unless ``data`` is a readable database; return its version."""
    version = version_of(data, path)
    if version == SCHEMA_VERSION:
        _check_records(data, ANNOTATIONS, _annotation_ok, path)
        _check_records(data, DOCUMENTS, _doc_ok, path)
        _check_records(data, CORRECTIONS, _correction_ok, path)
        _check_records(data, POSITIONS, _position_ok, path)
        _check_records(data, META, _meta_ok, path)
        _check_records(data, VISITS, _visit_ok, path)
        _check_records(data, FORGOTTEN, _forgotten_ok, path)
    return version


def migrate(data: dict, version: int, path: str) -> dict:
    """Bring a version-``version`` database up to :data:`SCHEMA_VERSION` (in memory)."""
    try:
        while version < SCHEMA_VERSION:
            data = MIGRATIONS[version](data)
            version += 1
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise CorruptDatabase(f"{path}: could not upgrade the database from version {version} "
                              f"({type(err).__name__})" + UNTOUCHED) from None
    stamp(data)
    validate(data, path)
    return data


def ensure_stamp(data: dict) -> None:
    """Before every write: a file recreated after being deleted still says what it is."""
    if META not in data:
        stamp(data)


def stamp(data: dict) -> dict:
    data[META] = {"1": {"schema": SCHEMA_VERSION, "app": "quotelens"}}
    return data
