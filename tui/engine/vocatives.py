"""Names said to someone inside a quotation ("Come in, Tom.", "My dear Mrs. Pell, ...").

Who a turn speaks to tells the reader who answers (the person the turn before calls "Tom" is the
one who speaks next), and what the others call a first-person narrator.
"""

from __future__ import annotations

import re

from .lexicon import HONORIFICS, NOT_NAMES, TITLE_WORDS
from .model import Quote

_NAME = r"(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){0,2}"
# a name said to someone: after a comma, "dear", "my", or opening the quotation, before , ! ? .
# (the full stop of "Mr." is no sentence end: "Mr. Pell!" is not "Pell" said to someone)
_VOCATIVE = re.compile(rf"(?:^|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[,!?.;—–]\s+|\b(?:dear|my|Oh|oh|O)\s+)(?P<n>{_NAME})(?=\s*(?:[,!?.;]|$))")


def is_name(run: str) -> bool:
    toks = run.split()
    first = toks[0].lower().rstrip(".")
    if first in NOT_NAMES and first not in ("mr", "mrs", "ms", "dr"):
        return False
    return not (len(toks) == 1 and (first in HONORIFICS or first in TITLE_WORDS))


def vocatives(text: str, q: Quote) -> list[str]:
    """Names spoken to inside the quotation ``q``, in order."""
    out = []
    for m in _VOCATIVE.finditer(text, q.start, q.end):
        n = m.group("n")
        if is_name(n):
            out.append(n)
    return out
