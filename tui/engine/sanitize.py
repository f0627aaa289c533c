"""Make untrusted text safe to show in a terminal, keeping every word.

Control characters other than tab and newline are removed (Textual passes ESC and 8-bit
CSI through to the terminal, so an article could clear the screen, retitle the window or
write the clipboard).  Bidi override and isolate characters are removed too: they can make
text read differently from what it is.  Line endings are normalised to ``\\n``.

Controls that separate words are not dropped but turned into white space, so that no two
words run together: form feed, vertical tab and NEL (U+0085) become ``\\n``, the
information separators (U+001C–U+001F) a space.  Lone surrogates (which only a Python
string can hold, e.g. a file name or argument decoded with ``surrogateescape``) cannot be
written to a file or a terminal: they become U+FFFD.
"""

from __future__ import annotations

import re

# C0 controls except \t (09) and \n (0a); DEL; C1 controls; bidi embeddings, overrides, isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SEPARATORS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n",
                             "\x1c": " ", "\x1d": " ", "\x1e": " ", "\x1f": " "})
_SURROGATE = re.compile("[\ud800-\udfff]")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def replace_surrogates(text: str) -> str:
    """Lone surrogates (unencodable) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def escape_surrogates(text: str) -> str:
    """A path as text that can be written out: the undecodable bytes a file name held (which
    Python turns into lone surrogates) become ``\\xNN`` escapes, so two such names stay apart."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is not an escaped byte
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


# the unsafe characters of plain ASCII text: deleted by bytes.translate, several times faster
# than the regex (an ASCII text holds no surrogate either)
_ASCII_UNSAFE = bytes(c for c in range(128) if _UNSAFE.match(chr(c)))


def sanitize(text: str) -> tuple[str, int]:
    """Return ``(clean_text, removed)``: line endings normalised, unsafe characters dropped."""
    text = normalise_newlines(text)
    text = text.removeprefix("\ufeff")
    text = text.translate(_SEPARATORS)
    if text.isascii():
        raw = text.encode("ascii")
        kept = raw.translate(None, _ASCII_UNSAFE)
        return kept.decode("ascii"), len(raw) - len(kept)
    clean, removed = _UNSAFE.subn("", replace_surrogates(text))
    return clean, removed


def one_line(text: str) -> str:
    """``text`` made safe and squeezed onto one line (messages, titles, names)."""
    return " ".join(sanitize(text)[0].split())
