"""One row of the speakers pane."""

from __future__ import annotations

from dataclasses import dataclass

MARKS_ROW = -1  # the id of the row for titles and scare quotes (never a Speaker.id)


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    id: int | None  # Speaker.id; None for the "unattributed" row, MARKS_ROW for titles and scare quotes
    name: str  # canonical name
    count: int  # number of quotes
    color: str  # hex
    style: str = ""  # text style past the tenth speaker: "italic", "underline", … ("" = none)

    @property
    def is_speaker(self) -> bool:
        """A person or group that can be renamed or merged (not one of the two summary rows)."""
        return self.id is not None and self.id != MARKS_ROW
