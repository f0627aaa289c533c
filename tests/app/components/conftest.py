"""A small host app loading the repository's styles/components.tcss for component tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Footer, Static

STYLES = Path(__file__).resolve().parents[3] / "styles" / "components.tcss"


class Host(App[None]):
    """Shows ``widgets`` (if any) and records every message the components post."""

    CSS_PATH = str(STYLES)

    def __init__(self, *widgets) -> None:
        super().__init__()
        self._widgets = widgets
        self.received: list[object] = []
        self.results: list[object] = []

    def compose(self) -> ComposeResult:
        yield from self._widgets or [Static("host")]
        yield Footer()

    def on_speaker_list_renamed(self, message) -> None:
        self.received.append(message)

    def on_speaker_list_merged(self, message) -> None:
        self.received.append(message)

    def on_speaker_list_highlighted(self, message) -> None:
        self.received.append(message)

    def on_speaker_list_selected(self, message) -> None:
        self.received.append(message)

    def on_annotation_list_highlighted(self, message) -> None:
        self.received.append(message)

    def on_annotation_list_jump(self, message) -> None:
        self.received.append(message)

    def on_annotation_list_edited(self, message) -> None:
        self.received.append(message)

    def on_annotation_list_deleted(self, message) -> None:
        self.received.append(message)

    def on_annotation_list_undo_requested(self, message) -> None:
        self.received.append(message)

    def open(self, screen) -> None:
        """Push ``screen``, recording what it dismisses with in ``results``."""
        self.push_screen(screen, self.results.append)


@pytest.fixture
def host_cls():
    return Host


def _screen_text(app: App) -> str:
    """What the terminal shows, as plain text (one line per row)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.fixture
def screen_text():
    return _screen_text
