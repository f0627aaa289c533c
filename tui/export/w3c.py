"""W3C Web Annotation (JSON-LD) export and import.

One ``AnnotationCollection`` per document (id ``urn:quotelens:document:<sha256 of its text>``,
``label`` its title), its annotations in one ``AnnotationPage``.  Each ``Annotation`` targets the
document (``source``: the file's ``file://`` URI, else the collection's id) through a
``TextQuoteSelector`` and a ``TextPositionSelector``; the note is a ``TextualBody`` with purpose
``commenting``, each tag one with purpose ``tagging``; a colour is the target's ``styleClass``
with a CSS ``stylesheet``.  Import accepts what export writes, and annotations from other tools
in the same model (a body given as ``bodyValue``, a single body or target, a bare annotation or
a list of them, given the document's id or a readable ``file://`` source).

https://www.w3.org/TR/annotation-model/
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

from ..store.errors import StoreError
from ..store.records import (
    HIGHLIGHT_NAMES,
    Annotation,
    check_color,
    clean_note,
    clean_tags,
)

if TYPE_CHECKING:
    from . import Bundle

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
DOC_URN = "urn:quotelens:document:"
_SHA = re.compile(r"[0-9a-f]{64}")
_CSS = {"yellow": "#f5d76e", "green": "#8fd18f", "blue": "#8ab8e6", "pink": "#f2a0c4", "orange": "#f5b070"}
MAX_ANNOTATIONS = 1_000_000


class BadAnnotations(StoreError):
    """The file is not W3C Web Annotation JSON-LD that quotelens can import (one line)."""


def _annotation_iri(ann_id: str) -> str:
    if re.fullmatch(r"[0-9a-f]{32}", ann_id):
        return f"urn:uuid:{uuid.UUID(ann_id)}"
    return ann_id  # an id from another tool, kept as it came


def _annotation_id(iri: str) -> str:
    if iri.startswith("urn:uuid:"):
        try:
            return uuid.UUID(iri[len("urn:uuid:"):]).hex
        except ValueError:
            pass
    return iri


def _source(bundle: Bundle) -> str:
    return Path(bundle.cite.path).as_uri() if bundle.cite.path else DOC_URN + bundle.doc_id


def annotation_json(a: Annotation, source: str, exact: str, prefix: str, suffix: str, start: int,
                    end: int) -> dict[str, Any]:
    body: list[dict[str, Any]] = []
    if a.note:
        body.append({"type": "TextualBody", "value": a.note, "format": "text/plain", "purpose": "commenting"})
    body += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in a.tags]
    target: dict[str, Any] = {"source": source, "selector": [
        {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]}
    out: dict[str, Any] = {"id": _annotation_iri(a.id), "type": "Annotation",
                           "motivation": "commenting" if a.note else "tagging" if a.tags else "highlighting"}
    if a.created:
        out["created"] = a.created
    if a.updated:
        out["modified"] = a.updated
    if body:
        out["body"] = body
    if a.color:
        target["styleClass"] = a.color
        out["stylesheet"] = {"type": "CssStylesheet",
                             "value": f".{a.color} {{ background-color: {_CSS.get(a.color, a.color)} }}"}
    out["target"] = target
    return out


def to_w3c(bundle: Bundle) -> dict[str, Any]:
    """The document's annotations as one AnnotationCollection.  An annotation found word for word
    is exported where it is now; a moved or orphaned one with the words and offsets it was saved
    with (the reader's own record, for a consumer that re-anchors)."""
    from ..store.anchoring import make_selector

    source = _source(bundle)
    items = []
    for p in bundle.placements:
        a = p.annotation
        if p.status == "anchored" and p.start is not None and p.end is not None:
            sel = make_selector(bundle.doc.text, p.start, p.end)
            items.append(annotation_json(a, source, sel.exact, sel.prefix, sel.suffix, sel.start, sel.end))
        else:
            items.append(annotation_json(a, source, a.exact, a.prefix, a.suffix, a.start, a.end))
    return {"@context": CONTEXT, "id": DOC_URN + bundle.doc_id, "type": "AnnotationCollection",
            "label": bundle.cite.title, "total": len(items),
            "first": {"type": "AnnotationPage", "startIndex": 0, "items": items}}


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


# -- import --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Collection:
    """The annotations of one document, read from JSON-LD."""

    doc_id: str | None  # from the collection's id, when quotelens wrote it
    source: str  # the targets' source
    label: str
    annotations: tuple[Annotation, ...]  # doc_id left "" until the document is known

    @property
    def path(self) -> str | None:
        """The file the source names, when it is a ``file://`` URI."""
        url = urlparse(self.source)
        return unquote(url.path) if url.scheme == "file" else None


def _types(node: dict[str, Any]) -> set[str]:
    t = node.get("type", node.get("@type"))
    return {t} if isinstance(t, str) else {x for x in t if isinstance(x, str)} if isinstance(t, list) else set()


def _as_list(v: Any) -> list[Any]:
    return v if isinstance(v, list) else [] if v is None else [v]


def _str(v: Any, what: str, where: str) -> str:
    if not isinstance(v, str):
        raise BadAnnotations(f"{where}: {what} must be text")
    return v


def _int(v: Any, what: str, where: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise BadAnnotations(f"{where}: {what} must be a whole number")
    return v


def _read_annotation(node: Any, where: str) -> tuple[str, Annotation]:
    if not isinstance(node, dict) or "Annotation" not in _types(node):
        raise BadAnnotations(f"{where}: not an object of type Annotation")
    ann_id = _annotation_id(_str(node.get("id", node.get("@id")), "its id", where))
    if not ann_id.strip():
        raise BadAnnotations(f"{where}: an annotation needs an id")
    targets = _as_list(node.get("target"))
    if len(targets) != 1:
        raise BadAnnotations(f"{where}: needs one target with a TextQuoteSelector (got {len(targets)} targets)")
    if not isinstance(targets[0], dict):
        raise BadAnnotations(f"{where}: its target is a bare link, with no TextQuoteSelector")
    target = targets[0]
    source = _str(target.get("source"), "the target's source", where)
    quote = pos = None
    for sel in _as_list(target.get("selector")):
        if isinstance(sel, dict) and "TextQuoteSelector" in _types(sel):
            quote = sel
        elif isinstance(sel, dict) and "TextPositionSelector" in _types(sel):
            pos = sel
    if quote is None:
        raise BadAnnotations(f"{where}: its target has no TextQuoteSelector")
    exact = _str(quote.get("exact"), "the quote's exact text", where)
    if not exact.strip():
        raise BadAnnotations(f"{where}: the quote's exact text is empty")
    prefix = _str(quote.get("prefix", ""), "the quote's prefix", where)
    suffix = _str(quote.get("suffix", ""), "the quote's suffix", where)
    start, end = -1, -1
    if pos is not None:
        start, end = _int(pos.get("start"), "start", where), _int(pos.get("end"), "end", where)
        if end <= start:
            raise BadAnnotations(f"{where}: the position's end must come after its start")
    notes: list[str] = []
    tags: list[str] = []
    for body in _as_list(node.get("body")):
        if isinstance(body, str):  # a body given as a link: nothing to read
            continue
        if not isinstance(body, dict):
            raise BadAnnotations(f"{where}: a body must be an object")
        value = body.get("value")
        if value is None:
            continue
        value = _str(value, "a body's value", where)
        purposes = set(_as_list(body.get("purpose")))
        (tags if "tagging" in purposes and "commenting" not in purposes else notes).append(value)
    if "bodyValue" in node:
        notes.append(_str(node["bodyValue"], "bodyValue", where))
    style = target.get("styleClass")
    color = style if isinstance(style, str) and style in HIGHLIGHT_NAMES else None
    created = node.get("created", "")
    modified = node.get("modified", created)
    return source, Annotation(ann_id, "", exact, prefix, suffix, start, end, clean_note("\n\n".join(notes)),
                              clean_tags(tags), check_color(color),
                              _str(created, "created", where), _str(modified, "modified", where))


def _read_collection(node: dict[str, Any], where: str) -> Collection:
    label = node.get("label", "")
    label = label if isinstance(label, str) else ""
    doc_id = None
    cid = node.get("id", node.get("@id"))
    if isinstance(cid, str) and cid.startswith(DOC_URN) and _SHA.fullmatch(cid[len(DOC_URN):]):
        doc_id = cid[len(DOC_URN):]
    if "Annotation" in _types(node):
        items: list[Any] = [node]
    else:
        items = []
        page = node.get("first")
        pages = 0
        while isinstance(page, dict):
            items += _as_list(page.get("items"))
            page = page.get("next")
            pages += 1
            if pages > 10_000:
                raise BadAnnotations(f"{where}: too many pages")
        items += _as_list(node.get("items"))
        if "AnnotationCollection" not in _types(node) and not items:
            raise BadAnnotations(f"{where}: neither an AnnotationCollection nor an Annotation")
    if len(items) > MAX_ANNOTATIONS:
        raise BadAnnotations(f"{where}: more than {MAX_ANNOTATIONS} annotations")
    anns, sources = [], set()
    for i, item in enumerate(items, 1):
        source, ann = _read_annotation(item, f"{where}, annotation {i}")
        sources.add(source)
        anns.append(ann)
    if len(sources) > 1:
        raise BadAnnotations(f"{where}: annotations of {len(sources)} documents in one collection")
    if len({a.id for a in anns}) != len(anns):
        raise BadAnnotations(f"{where}: two annotations have the same id")
    source = sources.pop() if sources else (DOC_URN + doc_id if doc_id else "")
    if doc_id is None and source.startswith(DOC_URN) and _SHA.fullmatch(source[len(DOC_URN):]):
        doc_id = source[len(DOC_URN):]
    return Collection(doc_id, source, label, tuple(anns))


def parse(text: str, name: str = "the file") -> list[Collection]:
    """The collections in JSON-LD ``text``; :class:`BadAnnotations` (one line) when it is not W3C annotations."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as err:
        raise BadAnnotations(f"{name}: not JSON ({type(err).__name__}: {str(err).splitlines()[0][:80]})") from None
    nodes = data if isinstance(data, list) else [data]
    if not nodes:
        raise BadAnnotations(f"{name}: no annotations in it")
    if all(isinstance(n, dict) and "Annotation" in _types(n) for n in nodes) and len(nodes) > 1:
        nodes = [{"type": "AnnotationCollection", "items": nodes}]
    out = []
    for i, node in enumerate(nodes, 1):
        if not isinstance(node, dict):
            raise BadAnnotations(f"{name}: item {i} is not a JSON object")
        where = name if len(nodes) == 1 else f"{name}, collection {i}"
        out.append(_read_collection(node, where))
    return out
