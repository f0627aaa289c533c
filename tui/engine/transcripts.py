"""Transcripts printed without quotation marks: "PENCE: Well, look …".

A paragraph that opens with a speaker label is a turn of speech.  One such paragraph is more
often an editor's label ("CLARIFICATION: …"), so turns are taken only when the document reads
as a transcript: three labelled paragraphs or more, one label at least twice.  "Q: …" / "A: …"
count towards telling a transcript but are not listed: an interview printed as questions and
answers is the article itself, and its labels name nobody.
"""

from __future__ import annotations

import re
from collections import Counter

from .model import Document, Quote

LABEL = re.compile(r"(?P<label>[A-Z][A-Z.'’ -]{0,30}[A-Z.]|Q|A)\s*:\s+(?=\S)")
_MARKS = "\"“”‘'«»„"


def transcript_turns(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """Quotes for the labelled paragraphs of a transcript that hold no quotation already."""
    quoted_blocks = {doc.block_index_at(q.mark_start) for q in quotes}
    turns = []
    for bi, block in enumerate(doc.blocks):
        if block.kind not in ("paragraph", "list_item", "blockquote") or bi in quoted_blocks:
            continue
        m = LABEL.match(doc.text, block.start, block.end)
        if m and doc.text[m.end()] not in _MARKS:
            turns.append((m.group("label").strip(), m.end(), block.end))
    labels = Counter(label for label, _, _ in turns)
    if len(turns) < 3 or max(labels.values(), default=0) < 2:
        return []
    out = []
    for label, start, end in turns:
        if label.rstrip(".") in ("Q", "A"):
            continue  # an interview's questions and answers: the article itself, not someone quoted in it
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        out.append(Quote(start, end, start, end, kind="direct"))
    return out
