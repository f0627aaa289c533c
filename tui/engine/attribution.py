"""Attribute quotations to speakers (baseline: "..., NAME said" after the quote)."""

from __future__ import annotations

import dataclasses
import re

from .model import Analysis, Document, Quote, Speaker

_AFTER = re.compile(r"[,.!?]?\s*[”\"]?\s*,?\s*((?:[A-Z][\w.'-]+\s?){1,4})\s+(said|says|added|stressed|told)\b")


def attribute(doc: Document, quotes: list[Quote]) -> Analysis:
    names: dict[str, int] = {}
    out = []
    for q in quotes:
        m = _AFTER.match(doc.text, q.mark_end)
        if m:
            name = m.group(1).strip()
            sid = names.setdefault(name, len(names) + 1)
            q = dataclasses.replace(q, speaker=sid, cue=m.group(2), method="cue", confidence=0.9)
        out.append(q)
    speakers = tuple(Speaker(i, n, (n,)) for n, i in names.items())
    return Analysis(tuple(out), speakers)
