"""Make untrusted text safe to show in a terminal, keeping every word.

Control characters other than tab and newline are removed (Textual passes ESC and 8-bit
CSI through to the terminal, so an article could clear the screen, retitle the window or
write the clipboard).  Bidi override and isolate characters are removed too: they can make
text read differently from what it is.  Line endings are normalised to ``\\n``.
"""

from __future__ import annotations

import re

# C0 controls except \t (09) and \n (0a); DEL; C1 controls; bidi embeddings, overrides, isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sanitize(text: str) -> tuple[str, int]:
    """Return ``(clean_text, removed)``: line endings normalised, unsafe characters dropped."""
    text = normalise_newlines(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    clean, removed = _UNSAFE.subn("", text)
    return clean, removed
