"""Bytes to text: BOMs, UTF-8, then charset detection, never a crash on odd encodings."""

from __future__ import annotations

import codecs


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


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``.  Raise :class:`NotText` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" in text[:8192] and text[:8192].count("\x00") > len(text[:8192]) // 100:
            raise NotText("this looks like a binary file, not text")
        return text, "utf-8"
    head = data[:8192]
    if head.count(0) > len(head) // 100:
        encoding = _utf16_without_bom(head)
        if encoding is not None:
            try:
                text = data[: len(data) - len(data) % 2].decode(encoding)
            except UnicodeDecodeError:  # lone surrogates: not UTF-16 after all
                pass
            else:
                if _printable_enough(text):
                    return text, encoding
        raise NotText("this looks like a binary file, not text")
    if len(data) < 4096:
        # Too short for detection to be reliable; Windows-1252 is by far the likeliest.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    best = from_bytes(data).best()
    if best is None:
        # Nothing fits: latin-1 maps every byte to a character, so no byte is lost.
        return data.decode("latin-1"), "latin-1"
    return str(best), best.encoding
