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
