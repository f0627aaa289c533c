"""Find quotations in a document (baseline: paired double quotes inside a paragraph)."""

from __future__ import annotations

import re

from .model import Document, Quote

_PAIR = re.compile(r"[“\"]([^“”\"]+)[”\"]")


def find_quotes(doc: Document) -> list[Quote]:
    quotes = []
    for block in doc.blocks:
        if block.kind == "code":
            continue
        for m in _PAIR.finditer(doc.text, block.start, block.end):
            quotes.append(Quote(m.start(1), m.end(1), m.start(), m.end()))
    return quotes
