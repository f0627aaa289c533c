"""A full screen over one DataTable with a hidden filter box: ``/`` (or ``f``) shows the box,
typing refills the table, Enter goes back to the table, Esc in the box clears and hides it, and
Esc elsewhere closes the screen.  The library and the speakers-across-the-library screens are
made of it; each says how to fill its table from ``self.filter``."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import DataTable, Input


class FilteredTableScreen(Screen[None]):
    FILTER_ID = ""  # the id of the screen's filter Input

    filter: str

    def _fill(self) -> None:
        raise NotImplementedError

    def _filter_box(self) -> Input:
        return self.query_one(f"#{self.FILTER_ID}", Input)

    def action_filter(self) -> None:
        box = self._filter_box()
        box.display = True
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.filter = event.value
        self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    def action_close(self) -> None:
        box = self._filter_box()
        if box.has_focus:  # Esc in the filter clears it
            box.value = ""
            box.display = False
            self.query_one(DataTable).focus()
            return
        self.dismiss(None)
