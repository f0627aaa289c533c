"""Bytes to text, never a crash on odd encodings.

The order: a BOM; UTF-8 (and UTF-8 with a few stray Windows-1252 bytes); Windows-1252 (which
reads Latin-1 text the same) when the bytes above 0x7F sit alone or in pairs among ASCII, as
accented letters and curly quotes do in Western European text; only then a statistical guess
(charset-normalizer), and a guess that would turn printable characters into C1 control codes
(which the sanitiser then strips: every curly quote lost) is not taken.  Binary data (NULs or
control bytes anywhere in the file, not only in its first kilobytes) is refused.
"""

from __future__ import annotations

import codecs
import re


class NotText(ValueError):
    """The bytes are not a text document (binary data)."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the NUL bytes fall on one side of the code units, as in
    UTF-16 text that is mostly Latin script (Windows tools write it, often without a BOM)."""
    even, odd = head[0::2], head[1::2]
    if len(odd) < 2:
        return None
    zeros_even, zeros_odd = even.count(0), odd.count(0)
    if zeros_odd >= len(odd) * 0.3 and zeros_even <= len(even) * 0.02:
        return "utf-16-le"
    if zeros_even >= len(even) * 0.3 and zeros_odd <= len(odd) * 0.02:
        return "utf-16-be"
    return None


def _printable_enough(text: str) -> bool:
    sample = text[:4096]
    bad = sum(1 for c in sample if c < " " and c not in "\t\n\r\x0c")
    return bad <= len(sample) // 100


# Bytes that text files do not hold (white space and ESC, seen in coloured logs, excepted).
_CONTROL_BYTES = bytes([*range(9), *range(14, 27), *range(28, 32), 127])
BINARY_MSG = "this looks like a binary file, not text"


def _mostly_controls(head: bytes) -> bool:
    """Compressed or random data: about one byte in ten is a control code; text has next to none."""
    return len(head) - len(head.translate(None, _CONTROL_BYTES)) > len(head) // 20


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                             rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                             rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)  # registered for decoding only
    return err.object[err.start:err.end].decode("cp1252", errors="replace"), err.end


codecs.register_error("quotelens-cp1252", _cp1252_fallback)


def _mixed_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray Windows-1252 bytes (text pasted together from two sources): decode
    it as UTF-8 and only the stray bytes as Windows-1252, rather than turning every curly quote
    of the UTF-8 part into mojibake."""
    sequences = _UTF8_MULTIBYTE.findall(data)
    if not sequences:
        return None
    stray = sum(len(m) for m in re.findall(rb"[\x80-\xff]+", data)) - sum(map(len, sequences))
    if stray > len(sequences):  # Windows-1252 text can form the odd UTF-8 sequence by chance
        return None
    return data.decode("utf-8", errors="quotelens-cp1252")


_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_C1 = re.compile("[\x80-\x9f]")


def _western(data: bytes) -> bool:
    """Do the bytes above 0x7F come alone or in pairs (an accented letter, a curly quote, a
    dash), as in Western European text?  Cyrillic, Greek or CJK text in a legacy encoding
    writes whole words of them: long runs."""
    high = long = 0
    for run in _HIGH_RUN.findall(data):
        high += len(run)
        if len(run) > 3:
            long += len(run)
    return long <= high // 10


def _as_cp1252(data: bytes) -> tuple[str, str]:
    # the five bytes Windows-1252 leaves undefined become U+FFFD: never a C1 control code
    return data.decode("cp1252", errors="replace"), "cp1252"


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``.  Raise :class:`NotText` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    head = data[:8192]
    if head.count(0) > len(head) // 100 or data.count(0) > len(data) // 100:
        # NULs: UTF-16 without a BOM (ASCII-only UTF-16 is valid UTF-8 too), else binary
        utf16 = _utf16_without_bom(head)
        if utf16 is not None:
            try:
                text = data[: len(data) - len(data) % 2].decode(utf16)
            except UnicodeDecodeError:  # lone surrogates: not UTF-16 after all
                pass
            else:
                if _printable_enough(text):
                    return text, utf16
        raise NotText(BINARY_MSG)
    if _mostly_controls(head) or _mostly_controls(data):
        raise NotText(BINARY_MSG)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return mixed, "utf-8 (stray bytes as windows-1252)"
    if len(data) < 4096 or _western(data):
        # Windows-1252 (a superset of Latin-1's printable characters) is by far the likeliest,
        # and too short a text fools a statistical guess
        return _as_cp1252(data)
    from charset_normalizer import from_bytes  # only for files that are neither UTF-8 nor Western

    best = from_bytes(data).best()
    if best is None:
        return _as_cp1252(data)
    text = str(best)
    if _C1.search(text):  # a guess that reads printable bytes as control codes is a wrong guess
        return _as_cp1252(data)
    return text, best.encoding
