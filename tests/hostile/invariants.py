"""What must hold for anything quotelens builds from hostile input, and strategies that make such input."""

from __future__ import annotations

import os
import re

from hypothesis import strategies as st

from tui.engine.model import BLOCK_KINDS, SPAN_KINDS, Document

FUZZ = max(1, int(os.environ.get("QUOTELENS_FUZZ", "1") or 1))


def examples(n: int) -> int:
    """``n`` examples per property in the test suite; ``QUOTELENS_FUZZ=50`` makes a long fuzz run."""
    return n * FUZZ


# C0 controls except \t and \n, DEL, C1 controls, bidi embeddings/overrides/isolates, lone surrogates.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

RICH_MARKUP = ["[bold]", "[/bold]", "[/]", "[b red on white]", "[link=https://example.com/x]", "[/link]",
               "[@click=app.quit]", "[@click=app.bell()]", "[$accent]", "[reverse]", "[i]", "[not a tag",
               "[red]]", "[[", "]]", "[#ff0000]", "[on $panel]", "[dim italic]", ":warning:", "\\[escaped]"]
HOSTILE_SNIPPETS = ["\x1b[2J", "\x1b]0;pwned\x07", "\x1b]52;c;ZXZpbA==\x07", "\x9b31m", "\x00", "\x7f",
                    "\u202e", "\u2066", "\u2069", "\u200f", "\ufeff", "\r\n", "\r", "\x0c", "\x0b", "\x85",
                    "\u2028", "\u2029", "\t", "😀", "👩‍👩‍👧", "e\u0301", "“", "”", "\"", "‘", "’", "«", "»",
                    "\ud800", "\udfff", "&#x202e;", "&#27;", "&#0;", "*", "_", "`", "#", "> ", "- ", "1. ",
                    "\n\n", "\n", " ", "    "] + RICH_MARKUP

WORD = st.text(alphabet=st.characters(categories=("Lu", "Ll", "Nd")), min_size=1, max_size=12)

hostile_text = st.lists(st.one_of(WORD, st.sampled_from(HOSTILE_SNIPPETS), st.text(max_size=8)),
                        max_size=60).map("".join)
"""Words, markup, control sequences, quotation marks and arbitrary code points, run together."""

random_bytes = st.one_of(
    st.binary(max_size=600),
    hostile_text.map(lambda s: s.encode("utf-8", "surrogatepass")),
    hostile_text.map(lambda s: s.encode("utf-16-le", "surrogatepass")),
    hostile_text.map(lambda s: s.encode("utf-16-be", "surrogatepass")),
    hostile_text.map(lambda s: s.encode("utf-16", "surrogatepass")),
    hostile_text.map(lambda s: s.encode("cp1252", "replace")),
)


def check_document(doc: Document) -> None:
    """The guarantees every loaded document gives the rest of quotelens."""
    text = doc.text
    assert isinstance(text, str)
    assert not FORBIDDEN.search(text), repr(FORBIDDEN.search(text).group())
    assert not FORBIDDEN.search(doc.title), repr(doc.title)
    assert "\n" not in doc.title and doc.title.strip() == doc.title and doc.title
    text.encode("utf-8")  # strict: what is shown or stored can always be written out
    previous_end = 0
    for block in doc.blocks:
        assert block.kind in BLOCK_KINDS
        assert previous_end <= block.start <= block.end <= len(text), (block, previous_end, len(text))
        previous_end = block.end
    for span in doc.spans:
        assert span.kind in SPAN_KINDS
        assert 0 <= span.start < span.end <= len(text), span


def expected_words(raw: str) -> list[str]:
    """The words a reader should find in a plain-text document loaded from ``raw``: every
    white-space separated word, less the characters that are never shown."""
    raw = raw.removeprefix("\ufeff")
    words = (FORBIDDEN.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", w)
             for w in raw.split())
    return [w for w in words if w]
