"""The document model: plain text plus ranges over it.

Everything quotelens knows about an article is a range of character offsets into
``Document.text`` (the canonical plain text): blocks, inline spans, quotations,
annotations and search hits alike.  All classes are frozen so that a document can
be shared between threads and cached without copying.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

BLOCK_KINDS = ("heading", "paragraph", "list_item", "blockquote", "code", "rule", "table")
SPAN_KINDS = ("emphasis", "strong", "code", "link", "strike", "footnote")


@dataclass(frozen=True, slots=True)
class Block:
    """A block of the document: ``text[start:end]`` is its content."""

    kind: str
    start: int
    end: int
    level: int = 0  # heading level, or nesting depth of a list item / block quote
    marker: str = ""  # list marker ("•", "3.") for list items


@dataclass(frozen=True, slots=True)
class Span:
    """Inline formatting over ``text[start:end]``."""

    kind: str
    start: int
    end: int
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Meta:
    """What is known about a document besides its text; None where the source did not say.

    ``source`` is the site or publisher when the page names one, else the URL or path the
    document came from; ``format`` is how it was read ("text", "markdown", "html", "epub");
    ``encoding`` is the character encoding its bytes were decoded from.
    """

    title: str | None = None
    byline: str | None = None
    date: str | None = None
    source: str | None = None
    format: str | None = None
    encoding: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"title": self.title, "byline": self.byline, "date": self.date, "source": self.source,
                "format": self.format, "encoding": self.encoding}


@dataclass(frozen=True)
class Document:
    """A loaded article: its title, canonical text, blocks and inline spans."""

    title: str
    text: str
    blocks: tuple[Block, ...]
    spans: tuple[Span, ...] = ()
    source: str | None = None  # path the document was read from, "-" for stdin
    format: str = "text"  # "text" or "markdown"
    notices: tuple[str, ...] = ()  # what loading changed (control characters removed, ...)
    meta: Meta = field(default_factory=Meta)  # title, byline, date, source, format, encoding

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def block_index_at(self, offset: int) -> int | None:
        """Index of the block holding ``offset`` (or the last block starting before it)."""
        if not self.blocks:
            return None
        i = bisect.bisect_right(self._block_starts, offset) - 1
        return max(i, 0)

    def block_at(self, offset: int) -> Block | None:
        i = self.block_index_at(offset)
        return None if i is None else self.blocks[i]


MARK_KINDS = ("title", "scare")  # quotation marks around words no one is quoted as saying

# How a quotation's speaker was found ("reader": the reader said so, in the store).
# "guess": nothing but proximity (the nearest person before it), shown dimmed.
# "narrator": "I said" in a novel told in the first person.
Method = Literal["cue", "narrator", "pronoun", "description", "continuation", "transcript", "alternation", "guess",
                 "none", "reader"]
# direct, partial: speech; title, scare: quotation marks around words no one said
QuoteKind = Literal["direct", "partial", "title", "scare"]
Gender = Literal["m", "f"]
SpeakerKind = Literal["person", "group"]


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``text[start:end]`` are the quoted words, marks excluded.

    ``mark_start``/``mark_end`` include the quotation marks (equal to start/end when a
    mark is missing, e.g. a quote running to the end of a paragraph).
    """

    start: int
    end: int
    mark_start: int
    mark_end: int
    speaker: int | None = None  # Speaker.id
    cue: str | None = None  # the words that attribute it ("said", "according to")
    method: Method = "none"
    confidence: float = 0.0  # 0..1
    kind: QuoteKind = "direct"
    continues: bool = False  # no closing mark: the quotation runs on into the next paragraph

    @property
    def is_mark(self) -> bool:
        """A title or scare quote: found, never attributed, listed apart from speech."""
        return self.kind in MARK_KINDS

    def attributed(self, speaker: int | None, cue: str | None, method: Method, confidence: float) -> Quote:
        """This quotation with its speaker: built field by field (``dataclasses.replace`` costs
        twice as much, once per quotation of a novel); a new field must be added here."""
        return Quote(self.start, self.end, self.mark_start, self.mark_end, speaker, cue, method, confidence,
                     self.kind, self.continues)


@dataclass(frozen=True, slots=True)
class Speaker:
    """One person or group that is quoted, with every name the text uses for them."""

    id: int
    name: str  # canonical: the fullest form
    aliases: tuple[str, ...] = ()
    gender: Gender | None = None  # None when unknown
    kind: SpeakerKind = "person"


@dataclass(frozen=True)
class Analysis:
    """What the engine found in one document."""

    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...]
    by_id: dict[int, Speaker] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.by_id:
            self.by_id.update({s.id: s for s in self.speakers})

    def speaker_of(self, quote: Quote) -> Speaker | None:
        return None if quote.speaker is None else self.by_id.get(quote.speaker)

    def quote_counts(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for q in self.quotes:
            if q.speaker is not None:
                counts[q.speaker] = counts.get(q.speaker, 0) + 1
        return counts
