"""The Markdown export: a citation header, the quotations grouped by speaker (with their share of
voice), then the annotations in reading order with their notes, tags and colours.

Article text is written inside block quotes and list items with Markdown's own characters
escaped, so a quotation can never turn into a heading, a link or a table in the notes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..engine.share import share_of_voice
from .table import paragraph_number

if TYPE_CHECKING:
    from . import Bundle

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def inline(text: str) -> str:
    """One line of Markdown that reads as ``text``."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def to_markdown(bundle: Bundle) -> str:
    doc, cite, analysis = bundle.doc, bundle.cite, bundle.analysis
    out = [f"# {inline(cite.title) or 'Untitled'}", ""]
    for label, value in (("By", cite.byline), ("Source", cite.source), ("Date", cite.date), ("File", cite.path)):
        if value and not (label == "File" and value == cite.source):
            shown = f"`{value.replace('`', '')}`" if value in (cite.path, cite.source) and value.startswith("/") \
                else inline(value)
            out.append(f"- **{label}:** {shown}")
    quotes = [q for q in analysis.quotes if not q.is_mark]
    out += [f"- **Quotations:** {len(quotes)}", f"- **Annotations:** {len(bundle.placements)}", ""]

    out += ["## Quotations by speaker", ""]
    if not quotes:
        out += ["No quotations found.", ""]
    for share in share_of_voice(doc, analysis):
        out += [f"### {inline(share.name)}", "",
                (f"{_plural(share.quotes, 'quotation')}, {_plural(share.words, 'word')} "
                f"({share.share:.0%} of the quoted words)"), ""]
        for q in quotes:
            speaker = analysis.speaker_of(q)
            if (speaker.id if speaker else None) != share.speaker:
                continue
            how = q.method + (f", “{inline(q.cue)}”" if q.cue else "") + f", {q.confidence:.2f}"
            out.append(f"- “{inline(doc.text[q.start:q.end])}” (¶{paragraph_number(doc, q.start)}; {how})")
        out.append("")

    out += ["## Annotations", ""]
    if not bundle.placements:
        out += ["No annotations.", ""]
    for i, p in enumerate(bundle.placements, 1):
        a = p.annotation
        text = doc.text[p.start:p.end] if p.start is not None and p.end is not None else a.exact
        where = f"¶{paragraph_number(doc, p.start)}" if p.start is not None else "no longer in the text"
        out += [f"{i}. > {inline(text)}", ""]
        details = [where, p.status]
        if a.color:
            details.append(f"colour: {a.color}")
        if a.tags:
            details.append("tags: " + ", ".join(f"`{t.replace('`', '')}`" for t in a.tags))
        out.append(f"   {' · '.join(details)}")
        if a.note.strip():
            out.append("")
        for line in a.note.splitlines():
            out.append(f"   {inline(line)}" if line.strip() else "")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
