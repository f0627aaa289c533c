"""The quotelens engine: document model, loaders, quotations and speakers.

Pure Python: nothing here imports Textual, TinyDB or the store.
"""

from .model import Analysis, Block, Document, Quote, Speaker, Span
from .loaders import LoadError, load_bytes, load_path, load_text

__all__ = [
    "Analysis", "Block", "Document", "Quote", "Speaker", "Span",
    "LoadError", "load_bytes", "load_path", "load_text", "analyze",
]


def analyze(doc: Document) -> Analysis:
    """Find every quotation in ``doc`` and attribute it to a speaker."""
    from dataclasses import replace

    from .attribution import attribute
    from .marks import unattributed
    from .quotes import find_quotes
    from .transcripts import transcript_turns

    quotes = find_quotes(doc)
    analysis = attribute(doc, quotes + transcript_turns(doc, quotes))
    return replace(analysis, quotes=tuple(unattributed(q) for q in analysis.quotes))
