"""What the library hands out: annotations and where they sit now, plus their on-disk form.

On disk an annotation follows the W3C Web Annotation model: its ``target`` holds a
TextQuoteSelector (the exact words with up to 32 characters either side) and a
TextPositionSelector (character offsets into the document's canonical text).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..engine.sanitize import replace_surrogates, sanitize
from .errors import InvalidAnnotation

HIGHLIGHT_NAMES = ("yellow", "green", "blue", "pink", "orange")  # highlight colours 1–5


class SafeChars(dict):
    """A ``str.translate`` table over the engine's rule for unsafe text: a character that
    :func:`tui.engine.sanitize.sanitize` would drop or change (controls, bidi overrides and
    isolates, lone surrogates) becomes ``replace(ch)``; every other character stays as it is.
    Filled in as characters are met, so there is one list of unsafe characters: the engine's."""

    def __init__(self, replace: Callable[[str], str]) -> None:
        super().__init__()
        self.replace = replace

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = ch if sanitize(ch)[0] == ch else self.replace(ch)
        self[code] = out
        return out


_AS_SPACE = SafeChars(lambda ch: " ")  # in a tag, a control parts two words rather than gluing them


@dataclass(frozen=True, slots=True)
class Annotation:
    """One note/tag/highlight on a passage.  ``start``/``end`` are the offsets when it was
    last saved; ask :meth:`Library.placements` for where it sits in the text you have now."""

    id: str
    doc_id: str
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    note: str = ""
    tags: tuple[str, ...] = ()
    color: str | None = None
    created: str = ""
    updated: str = ""
    # the record as stored, with what this version does not know (extra keys on the annotation,
    # its target or its selectors, selectors of other types): written back by :func:`to_record`
    record: dict[str, Any] | None = field(default=None, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True)
class Placement:
    """An annotation re-anchored in a document.

    ``status`` is "anchored" (the annotated words are in the text unchanged, at
    ``start:end``), "moved" (the words were edited; ``start:end`` is the closest
    passage) or "orphan" (not found; ``start``/``end`` are None; never deleted).
    """

    annotation: Annotation
    status: str
    start: int | None
    end: int | None


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def clean_note(note: str) -> str:
    """A note made safe as an article is (:func:`tui.engine.sanitize.sanitize`): controls and bidi
    overrides removed, word-separating controls turned into white space, lone surrogates (an
    argument in a broken encoding) into U+FFFD, line endings into ``\\n``."""
    if not isinstance(note, str):
        raise InvalidAnnotation("a note must be text")
    return sanitize(note)[0]


def clean_tags(tags: Any) -> tuple[str, ...]:
    """The one rule for tags, wherever they are typed (the CLI, the editor, the API).

    Each tag is trimmed and single-spaced, its control characters turned into spaces; empty tags
    are dropped; tags that differ only in case are one tag, spelled as it was first written
    ("Climate, climate" is "Climate").
    """
    if isinstance(tags, str):
        tags = (tags,)
    seen: set[str] = set()
    out: list[str] = []
    for tag in tags:
        if not isinstance(tag, str):
            raise InvalidAnnotation("a tag must be text")
        tag = " ".join(replace_surrogates(tag).translate(_AS_SPACE).split())
        key = tag.casefold()
        if tag and key not in seen:
            seen.add(key)
            out.append(tag)
    return tuple(out)


def check_color(color: str | None) -> str | None:
    if color is None or color == "":
        return None
    if color not in HIGHLIGHT_NAMES:
        raise InvalidAnnotation(f"unknown colour {color!r}: use one of {', '.join(HIGHLIGHT_NAMES)}")
    return color


_QUOTE, _POSITION = "TextQuoteSelector", "TextPositionSelector"


def with_selectors(record: dict[str, Any], **values: Any) -> dict[str, Any]:
    """A copy of a stored annotation with its quote selector's ``exact``/``prefix``/``suffix``
    and its position selector's ``start``/``end`` set from ``values``: every other key, every
    other selector (the W3C model allows more kinds) and their order are kept."""
    rec = copy.deepcopy(record)
    target = rec.get("target")
    if not isinstance(target, dict):
        target = rec["target"] = {}
    sels = target.get("selector")
    if not isinstance(sels, list):
        sels = target["selector"] = []
    for kind, keys in ((_QUOTE, ("exact", "prefix", "suffix")), (_POSITION, ("start", "end"))):
        mine = {k: values[k] for k in keys if k in values}
        if not mine:
            continue
        sel = next((x for x in sels if isinstance(x, dict) and x.get("type") == kind), None)
        if sel is None:
            sel = {"type": kind}
            sels.append(sel)
        sel.update(mine)
    return rec


def to_record(a: Annotation) -> dict[str, Any]:
    """The stored form of ``a``: its own record (when it was read from one) with this version's
    fields set, so nothing another tool or a later version wrote is lost."""
    rec = with_selectors(a.record or {}, exact=a.exact, prefix=a.prefix, suffix=a.suffix, start=a.start,
                         end=a.end)
    rec.update({"id": a.id, "doc_id": a.doc_id, "note": a.note, "tags": list(a.tags), "color": a.color,
                "created": a.created, "updated": a.updated})
    if a.record is None:  # a new annotation: the fields in their usual order
        rec = {"id": a.id, "doc_id": a.doc_id, "target": rec["target"], **{
            k: rec[k] for k in ("note", "tags", "color", "created", "updated")}}
    return rec


def from_record(r: dict[str, Any]) -> Annotation:
    quote: dict[str, Any] = {}
    pos: dict[str, Any] = {}
    for sel in r["target"]["selector"]:
        if sel.get("type") == _QUOTE:
            quote = sel
        elif sel.get("type") == _POSITION:
            pos = sel
    return Annotation(
        id=r["id"], doc_id=r["doc_id"],
        exact=quote.get("exact", ""), prefix=quote.get("prefix", ""), suffix=quote.get("suffix", ""),
        start=int(pos.get("start", -1)), end=int(pos.get("end", -1)),
        note=r.get("note") or "", tags=tuple(r.get("tags") or ()), color=r.get("color"),
        created=r.get("created", ""), updated=r.get("updated", ""), record=copy.deepcopy(r),
    )
