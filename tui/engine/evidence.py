"""What attribution decides about one quotation, and why: the ``Attribution`` record.

Every rule of the pipeline (see ``attribution.RULES``) answers a quotation with either an
:class:`Attribution` (a speaker, how it was found, by which rule, from which words of the
text) or a :class:`Declined` that says why the rule could not decide.  The list of answers is
the quotation's :class:`Trace`, which ``quotelens quotes FILE --explain`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Method

# How sure each method is (0..1), as the reader sees it in the colour's strength.
CONFIDENCE: dict[str, float] = {
    "cue": 0.95, "narrator": 0.9, "pronoun": 0.8, "description": 0.7, "transcript": 0.9, "continuation": 0.7,
    "alternation": 0.5, "guess": 0.3, "none": 0.0,
}
GUESSED = 0.45  # a description ("the senator said") no one was introduced with: the latest speaker
CONTINUATION_AFTER = 0.6  # a quotation that goes on a closed one's speaker, not an open one's


@dataclass(frozen=True, slots=True)
class Attribution:
    """One answer to "who said this quotation?".

    ``speaker`` is a ``Speaker.id`` (None while nobody is known); ``mention`` the words of the
    text that name them ("Ms. Okafor", "she", "the harbour master"); ``span`` the offsets of
    the evidence in the document (the phrase, the label, the neighbouring quotation).
    """

    speaker: int | None
    method: Method
    rule: str
    cue: str | None = None  # the cue words ("said", "according to", ":")
    mention: str | None = None
    span: tuple[int, int] | None = None
    guessed: bool = False  # a description nobody was introduced with: the latest speaker, dimmed
    confidence: float = 0.0

    @property
    def decided(self) -> bool:
        return self.speaker is not None

    def with_confidence(self, confidence: float) -> Attribution:
        """This attribution with ``confidence``: built field by field (``dataclasses.replace``
        costs twice as much, and a novel decides thousands); a new field must be added here."""
        return Attribution(self.speaker, self.method, self.rule, self.cue, self.mention, self.span, self.guessed,
                           confidence)


UNDECIDED = Attribution(None, "none", "")


def confidence(method: str, guessed: bool, continues: bool) -> float:
    """The confidence of an attribution made by ``method`` for a quotation (``continues``: it
    runs on into the next paragraph)."""
    if guessed:
        return GUESSED
    if method == "continuation" and not continues:
        return CONTINUATION_AFTER
    return CONFIDENCE.get(method, 0.0)


@dataclass(frozen=True, slots=True)
class Declined:
    """A rule that could not decide a quotation, and why."""

    rule: str
    reason: str


Step = Attribution | Declined


@dataclass
class Trace:
    """The rules tried on one quotation, in order, and the attribution that stands."""

    steps: list[Step] = field(default_factory=list)
    final: Attribution = UNDECIDED

    @property
    def decided_by(self) -> str:
        return self.final.rule if self.final.decided else ""
