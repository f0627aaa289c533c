"""The quotelens engine: document model, loaders, quotations and speakers.

Pure Python: nothing here imports Textual, TinyDB or the store.
"""

from __future__ import annotations

from .evidence import Attribution, Declined, Trace
from .loaders import LoadError, load_bytes, load_path, load_text
from .model import Analysis, Block, Document, Quote, Span, Speaker

__all__ = [
    "Analysis",
    "Attribution",
    "Block",
    "Declined",
    "Document",
    "LoadError",
    "Quote",
    "Span",
    "Speaker",
    "Trace",
    "analyze",
    "explain",
    "load_bytes",
    "load_path",
    "load_text",
]


def analyze(doc: Document) -> Analysis:
    """Find every quotation in ``doc`` and attribute it to a speaker."""
    return _analyze(doc, explain=False)[0]


def explain(doc: Document) -> tuple[Analysis, list[Trace]]:
    """``analyze``, with each quotation's trace: the rules tried on it, in order, and the
    attribution that stands (``traces[n]`` is ``analysis.quotes[n]``'s)."""
    return _analyze(doc, explain=True)


def _analyze(doc: Document, explain: bool) -> tuple[Analysis, list[Trace]]:
    from .attribution import attribute
    from .quotes import find_quotes
    from .transcripts import transcript_turns

    quotes = find_quotes(doc)
    return attribute(doc, quotes + transcript_turns(doc, quotes), explain=explain)
