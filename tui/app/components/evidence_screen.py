"""``i``: why the app thinks what it does of one quotation: speaker, method, cue, confidence and,
when the engine can explain its attribution, every rule it tried and what each decided."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ...engine.model import Quote
from .status_line import METHOD_WORDS, confidence_word
from .text_clip import clip, one_line


def evidence_rows(quote: Quote, speaker: str | None, text: str) -> list[tuple[str, str]]:
    """(label, value) rows of what the analysis recorded for ``quote``."""
    rows = [
        ("Quotation", clip(one_line(text[quote.start:quote.end]), 200) or "(empty)"),
        ("Speaker", one_line(speaker) if speaker else "nobody found"),
        ("How", METHOD_WORDS.get(quote.method, quote.method)),
        ("Cue", one_line(quote.cue) if quote.cue else "—"),
        ("Confidence", f"{confidence_word(quote.confidence)} ({quote.confidence:.2f})"),
        ("Kind", quote.kind + (", runs on into the next paragraph" if quote.continues else "")),
    ]
    return rows


def trace_lines(trace: Any) -> list[str]:
    """One line per rule the engine tried (``tui.engine.explain``'s Trace): what it decided or why not."""
    lines = []
    for step in getattr(trace, "steps", ()):
        rule = one_line(str(getattr(step, "rule", "?")))
        reason = getattr(step, "reason", None)
        if reason is not None:
            lines.append(f"✗ {rule}: {one_line(str(reason))}")
        else:
            mention = getattr(step, "mention", None)
            cue = getattr(step, "cue", None)
            said = ", ".join(x for x in (f"“{one_line(mention)}”" if mention else "",
                                          f"cue “{one_line(cue)}”" if cue else "") if x)
            lines.append(f"✓ {rule}: {getattr(step, 'method', '')}" + (f" ({said})" if said else ""))
    decided = getattr(trace, "decided_by", "")
    lines.append(f"→ decided by {one_line(decided)}" if decided else "→ no rule decided")
    return lines


class EvidenceScreen(ModalScreen[None]):
    """Rows of evidence, then the engine's rule-by-rule record (or a note that there is none)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,i", "close", "Close", show=True)]

    def __init__(self, rows: Sequence[tuple[str, str]], steps: Sequence[str] | None) -> None:
        super().__init__()
        self.rows = list(rows)
        self.steps = list(steps) if steps is not None else None

    def compose(self) -> ComposeResult:
        width = max(len(label) for label, _ in self.rows) if self.rows else 0
        with Vertical(id="evidence-dialog", classes="dialog"):
            yield Label("Why this speaker", classes="dialog-title")
            with VerticalScroll(id="evidence-body"):
                for label, value in self.rows:
                    yield Static(Content.assemble((label.ljust(width), "bold"), "  ", value), classes="evidence-row")
                yield Static(Content("Rules tried"), classes="help-section")
                if self.steps:
                    for line in self.steps:
                        yield Static(Content(line), classes="evidence-step")
                else:
                    yield Static(Content("This engine does not record the rules it tried: the method, cue and "
                                         "confidence above are what it decided."), classes="evidence-step")
            yield Static(Content("Esc, q or i closes"), classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
