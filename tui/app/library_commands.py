"""Command-palette entries (Ctrl+P, once the palette is on) for the library side of the reader:
the exports, the library, share of voice and copying the current quotation."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (title, help, action name, arguments)
COMMANDS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("Export: Markdown notes", "citation, quotations by speaker, annotations", "export", ("md", "quotes")),
    ("Export: CSV of quotations", "one row per quotation", "export", ("csv", "quotes")),
    ("Export: CSV of annotations", "one row per annotation", "export", ("csv", "annotations")),
    ("Export: W3C Web Annotations (JSON-LD)", "for other annotation tools", "export", ("w3c", "quotes")),
    ("Library", "documents read before: open, forget, sort, filter", "library", ()),
    ("Speakers across the library", "every quotation of each speaker, by date", "library_speakers", ()),
    ("Share of voice", "who is quoted, and how much", "share_of_voice", ()),
    ("Copy quotation with citation", "the current quotation, its speaker and the source", "copy_quote", ()),
)


class LibraryCommands(Provider):
    def _run(self, action: str, args: tuple[str, ...]) -> None:
        getattr(self.app, f"action_{action}")(*args)

    async def discover(self) -> Hits:
        for title, help_text, action, args in COMMANDS:
            yield DiscoveryHit(title, partial(self._run, action, args), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action, args in COMMANDS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self._run, action, args), help=help_text)
