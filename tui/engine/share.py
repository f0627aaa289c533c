"""Share of voice: who gets quoted in an article, and how much.

Counts speech only (direct and partial quotations); titles and scare quotes are nobody's words.
A word is a run of letters or digits (apostrophes and hyphens inside it keep it one word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Analysis, Document

_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


@dataclass(frozen=True, slots=True)
class Share:
    """One speaker's part of the quoted words; ``speaker`` is None for the unattributed quotations."""

    speaker: int | None
    name: str
    quotes: int
    words: int
    share: float  # words / every quoted word in the article (0 when nothing is quoted)


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def share_of_voice(doc: Document, analysis: Analysis) -> tuple[Share, ...]:
    """Each speaker's quotations and quoted words, most words first (then most quotations, then
    who spoke first); the unattributed quotations, if any, last under the name "(unattributed)"."""
    quotes: dict[int | None, int] = {}
    words: dict[int | None, int] = {}
    first: dict[int | None, int] = {}
    for i, q in enumerate(analysis.quotes):
        if q.is_mark:
            continue
        key = q.speaker if analysis.speaker_of(q) is not None else None
        quotes[key] = quotes.get(key, 0) + 1
        words[key] = words.get(key, 0) + count_words(doc.text[q.start:q.end])
        first.setdefault(key, i)
    total = sum(words.values())
    out = []
    for key in sorted((k for k in quotes if k is not None), key=lambda k: (-words[k], -quotes[k], first[k])):
        out.append(Share(key, analysis.by_id[key].name, quotes[key], words[key], words[key] / total if total else 0.0))
    if None in quotes:
        out.append(Share(None, "(unattributed)", quotes[None], words[None], words[None] / total if total else 0.0))
    return tuple(out)
