"""Completes the tag being typed (the last comma-separated item) from the known tags."""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import Suggester


class TagSuggester(Suggester):
    """Suggests ``value`` with its last comma-separated item completed to a known tag.

    Matching ignores case; tags already in the value are not offered again.
    """

    def __init__(self, known_tags: Iterable[str]) -> None:
        # case_sensitive=True so get_suggestion sees the value as typed; we fold case ourselves.
        super().__init__(use_cache=False, case_sensitive=True)
        self._known = [t for t in dict.fromkeys(" ".join(k.split()) for k in known_tags) if t]

    async def get_suggestion(self, value: str) -> str | None:
        return complete_tag(value, self._known)


def complete_tag(value: str, known_tags: Iterable[str]) -> str | None:
    head, _, last = value.rpartition(",")
    prefix = last.lstrip()
    if not prefix:
        return None
    folded = prefix.casefold()
    taken = {t.strip().casefold() for t in head.split(",")} if head else set()
    for tag in known_tags:
        key = tag.casefold()
        if key.startswith(folded) and key != folded and key not in taken:
            return value + tag[len(prefix):]
    return None
