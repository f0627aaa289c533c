"""The command palette's (Ctrl+P) reader commands: every action of the keymap, by its description,
with its key shown as help, so a key one has forgotten can be found by what it does."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..keymap import KEYMAP, Key


def _label(key: Key) -> str:
    from .help_screen import key_label

    return key.label or key_label(key.keys)


class KeymapCommands(Provider):
    """One command per KEYMAP action; article actions run on the article view."""

    def _commands(self) -> list[tuple[str, str, Callable[[], Any]]]:
        app = self.app
        try:
            article = app.query_one("#article")
        except Exception:  # noqa: BLE001 - no article on this screen: the app's own actions only
            article = None
        commands: list[tuple[str, str, Callable[[], Any]]] = []
        seen = set()
        for key in KEYMAP:
            if not key.action or key.action in seen:
                continue
            target = app if key.context == "app" else article
            if target is None:
                continue
            seen.add(key.action)
            commands.append((key.description, f"key: {_label(key)}", partial(app.run_action, key.action, target)))
        return commands

    async def discover(self) -> Hits:
        for text, help_text, run in self._commands():
            yield DiscoveryHit(text, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, run in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), run, help=help_text)
