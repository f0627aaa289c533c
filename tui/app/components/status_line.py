"""The status line under the article: what the app thinks of the current quotation, the search's
``match N of M``, the speaker in focus.  Plain words, never markup from the article."""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widgets import Static

from ...engine.model import Method, Quote
from ..row_cache import RowCache
from .text_clip import clip, one_line

METHOD_WORDS: dict[Method, str] = {
    "cue": "speech verb",
    "narrator": "the narrator (“I said”)",
    "pronoun": "pronoun",
    "description": "description",
    "continuation": "same speaker goes on",
    "transcript": "transcript label",
    "alternation": "turn-taking",
    "guess": "nearest person named",
    "none": "no cue found",
    "reader": "your correction",
}


def confidence_word(confidence: float) -> str:
    """How sure the attribution is, in a word the reader does not have to decode from a shade."""
    if confidence >= 0.85:
        return "sure"
    if confidence >= 0.6:
        return "likely"
    if confidence > 0:
        return "a guess"
    return "no idea"


def quote_status(quote: Quote, speaker: str | None) -> Content:
    """``“Name” · speech verb “said” · sure``; titles and scare quotes say what they are."""
    if quote.is_mark:
        kind = "a title" if quote.kind == "title" else "words in quotation marks (no one speaks)"
        return Content.assemble(("quote", "dim"), " ", kind)
    if speaker is None:
        return Content.assemble(("quote", "dim"), " ", ("unattributed", "italic"), ("  · i: why", "dim"))
    parts: list[str | tuple[str, str]] = [("quote", "dim"), " ", (clip(one_line(speaker), 40), "bold"), " · ",
                                          METHOD_WORDS.get(quote.method, quote.method)]
    if quote.cue:
        parts += [" ", ("“" + clip(one_line(quote.cue), 30) + "”", "italic")]
    parts += [" · ", (confidence_word(quote.confidence), "bold"), (f" ({quote.confidence:.2f})", "dim"),
              ("  · i: why", "dim")]
    return Content.assemble(*parts)


def search_status(query: str, index: int | None, count: int, note_hits: int = 0) -> Content:
    """``/words  match 3 of 12`` (``index`` 0-based), or that nothing matched."""
    parts: list[str | tuple[str, str]] = [("/", "dim"), (clip(one_line(query), 40), "bold"), "  "]
    if not count:
        parts.append(("no match", "$warning"))
    elif index is None:
        parts.append(f"{count} matches")
    else:
        parts.append(f"match {index + 1} of {count}")
    if note_hits:
        parts.append(("  (" + (f"{note_hits} in annotations" if note_hits > 1 else "1 in an annotation") + ")",
                      "dim"))
    return Content.assemble(*parts)


LINES_KEPT = 64  # what the status line said lately, drawn: ] through a novel says the same thing 3 times in 4


class StatusLine(Static):
    """One line; the app decides what it says.  What it said lately is kept drawn: stepping from
    quotation to quotation mostly repeats a line said a few quotations before, and drawing it
    again (styles, cells, Strip) was half a millisecond of the keypress."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._said: Content | str = ""
        self._drawn: RowCache[tuple[object, ...], list[Strip]] = RowCache(LINES_KEPT)

    def render_line(self, y: int) -> Strip:
        said = self._said
        width, height = self.size
        style = self.visual_style
        # (a Content equals another with the same words whatever their styles: the spans are part of the key)
        words: tuple[object, ...] = (said.plain, tuple(said.spans)) if isinstance(said, Content) else (said, ())
        # (the theme: what $warning means; a mouse selection is drawn over the words)
        key = (*words, width, height, style, self.app.theme, self.text_selection)
        lines = self._drawn.get(key)
        if lines is None:
            lines = self._drawn[key] = Visual.to_strips(self, visualize(self, self.render(), markup=False),
                                                        width, height, style)
        return lines[y] if 0 <= y < len(lines) else Strip.blank(width, style.rich_style)

    def say(self, content: Content | str) -> None:
        """Show ``content``; one line of fixed size, so no layout pass (that costs a keypress ~10 ms).
        (What this line shows is set here only, never with ``update``: the drawn lines are kept by it.)"""
        if content == self._said:
            return
        self._said = content
        self.update(content, layout=False)
