"""One row of the speakers pane."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    id: int | None  # Speaker.id; None for the "unattributed" row
    name: str  # canonical name
    count: int  # number of quotes
    color: str  # hex
    style: str = ""  # text style past the tenth speaker: "italic", "underline", … ("" = none)
