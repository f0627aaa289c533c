"""The modal for choosing a speaker: type to filter the names, Enter picks."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from .text_clip import one_line

NEW_NAME_ID = "new-name"


def filter_names(names: Sequence[str], query: str) -> list[str]:
    """Names containing every word of ``query``, ignoring case.

    Names starting with the query come first, then names with a word starting with it, then
    the rest, each group in the given order.
    """
    words = query.casefold().split()
    if not words:
        return list(names)
    hits = [n for n in names if all(w in n.casefold() for w in words)]
    folded = one_line(query).casefold()

    def rank(name: str) -> int:
        name = name.casefold()
        if name.startswith(folded):
            return 0
        return 1 if (" " + folded) in (" " + one_line(name)) else 2

    return sorted(hits, key=rank)


class SpeakerPicker(ModalScreen[str | None]):
    """Pick one of ``names`` or type a new one; dismisses with the name, or None on Esc."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", show=True),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
    ]

    def __init__(
        self,
        names: Sequence[str],
        current: str | None = None,
        *,
        allow_new: bool = True,
        title: str = "Who said it?",
    ) -> None:
        super().__init__()
        self.names = list(dict.fromkeys(one_line(n) for n in names if one_line(n)))
        self.current = one_line(current) if current is not None else None
        self.allow_new = allow_new
        self.title_text = one_line(title)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-dialog", classes="dialog"):
            yield Label(Content(self.title_text), classes="dialog-title")
            yield Input(placeholder="Type to filter" + (" or a new name" if self.allow_new else ""), id="picker-input")
            yield OptionList(id="picker-options", markup=False)
            yield Static(
                Content("↑↓ choose · Enter picks" + (" (or adds the typed name)" if self.allow_new else "")
                        + " · Esc cancels"),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self._refill("")
        self.query_one(Input).focus()

    @property
    def options(self) -> OptionList:
        return self.query_one("#picker-options", OptionList)

    def _refill(self, query: str) -> None:
        options = self.options
        options.clear_options()
        names = filter_names(self.names, query)
        for index, name in enumerate(names):
            prompt = Content(name)
            if name == self.current:
                prompt = Content.assemble(prompt, ("  (current)", "dim italic"))
            options.add_option(Option(prompt, id=f"name-{index}"))
        self._shown = names
        typed = one_line(query)
        if self.allow_new and typed and typed.casefold() not in {n.casefold() for n in self.names}:
            options.add_option(Option(Content.assemble(("+ new speaker: ", "italic"), (typed, "bold")), id=NEW_NAME_ID))
        if options.option_count:
            current = names.index(self.current) if not typed and self.current in names else 0
            options.highlighted = current

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._pick(self.options.highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option_index)

    def _pick(self, index: int | None) -> None:
        if index is None:
            self.app.bell()
            return
        option = self.options.get_option_at_index(index)
        if option.id == NEW_NAME_ID:
            self.dismiss(one_line(self.query_one(Input).value))
        else:
            self.dismiss(self._shown[index])

    def action_move(self, delta: int) -> None:
        options = self.options
        if delta > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
