"""Any bytes or string through the loaders: a Document that keeps its promises, or a LoadError."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui.engine import Document, LoadError, load_bytes, load_text

from .invariants import RICH_MARKUP, WORD, check_document, examples, expected_words, hostile_text, random_bytes

FORMATS = st.sampled_from([None, "text", "markdown"])
SETTINGS = settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(data=random_bytes, fmt=FORMATS)
@example(data=b"", fmt=None)
@example(data=b" \t\n\r\n\x0c ", fmt="markdown")
@example(data=b"\xff\xfe", fmt=None)
@example(data=codecs.BOM_UTF16_LE + b"a", fmt="text")
@example(data=b"\xed\xa0\x80 lone surrogate in UTF-8", fmt=None)
@example(data=b"\xc3\x28 \xa0\xa1 \xe2\x82", fmt="text")
def test_any_bytes_give_a_sound_document_or_a_load_error(data: bytes, fmt: str | None) -> None:
    try:
        doc = load_bytes(data, fmt=fmt, name="fuzz")
    except LoadError as err:
        message = str(err)
        assert message and "\n" not in message
        return
    check_document(doc)


@SETTINGS
@given(text=hostile_text, fmt=FORMATS)
def test_any_string_gives_a_sound_document(text: str, fmt: str | None) -> None:
    check_document(load_text(text, fmt=fmt, name="fuzz"))


@SETTINGS
@given(text=hostile_text)
@example(text="end of page\x0cNext page")
@example(text="record\x1eseparated\x1ffields")
@example(text="old mainframe\x85line")
@example(text="vertical\x0btab")
@example(text="lone \ud800 surrogate")
def test_plain_text_keeps_every_word(text: str) -> None:
    """Control characters go, but never take a word (or the space between two words) with them."""
    doc = load_text(text, fmt="text")
    assert doc.text.split() == expected_words(text)


@SETTINGS
@given(pieces=st.lists(st.one_of(WORD, st.sampled_from([t for t in RICH_MARKUP if "\\" not in t])), min_size=1,
                       max_size=30),
       seps=st.lists(st.sampled_from([" ", "\n", "\n\n"]), min_size=30, max_size=30),
       fmt=FORMATS)
def test_rich_markup_and_words_are_kept_verbatim(pieces: list[str], seps: list[str], fmt: str | None) -> None:
    text = "".join(p + s for p, s in zip(pieces, seps))
    doc = load_text(text, fmt=fmt)
    for piece in pieces:
        assert piece in doc.text, (piece, doc.text)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16", "utf-32", "utf-8-sig"])
def test_unicode_encodings_with_or_without_bom_are_read(encoding: str) -> None:
    text = "Zoë Ørsted said: “Ça ne va pas”, and left.\n\nSecond paragraph, 日本語 too.\n"
    doc = load_bytes(text.encode(encoding))
    assert doc.text.split() == text.split()


@pytest.mark.parametrize("depth", [15, 25, 60, 400])
def test_deeply_nested_markdown_loses_no_words(depth: int) -> None:
    for opener in ("> ", "- ", "1. "):
        text = "# Nested\n\n" + opener * depth + "deep words\n\nlater paragraph\n"
        doc = load_text(text, fmt="markdown")
        check_document(doc)
        assert "deep" in doc.text and "later paragraph" in doc.text, (opener, doc.text[:200])
        if depth >= 60:  # too deep for the Markdown parser: read as plain text, and the reader is told
            assert doc.format == "text" and any("plain text" in n for n in doc.notices)
        elif depth <= 15:
            assert doc.format == "markdown"


def test_markdown_character_references_cannot_smuggle_controls() -> None:
    doc = load_text("# &#x202E;Title\n\nA &#27;[2J &#x85; &#x2066;b&#x2069; &#xd800; &#0; c\n", fmt="markdown")
    check_document(doc)
    assert doc.title == "Title"
    assert "[2J" in doc.text


@pytest.mark.parametrize("text", ["x" * 3_000_000, "word " * 400_000, "“" * 200_000, "\n" * 500_000, " " * 10**6],
                         ids=["3MB-word", "400k-words", "200k-quote-marks", "500k-newlines", "1M-spaces"])
def test_huge_inputs_load(text: str) -> None:
    for fmt in ("text", "markdown"):
        doc = load_text(text, fmt=fmt)
        check_document(doc)
        assert doc.text.split() == text.split() or fmt == "markdown"


@pytest.mark.parametrize("name", ["\x1b[31mred\x1b[0m", "two\nlines", "\u202eevil", "bad\udcffbyte", "  "])
def test_a_hostile_file_name_never_reaches_the_title(name: str) -> None:
    doc = load_text("Chapter 1\n\nThe story begins.", name=name)
    check_document(doc)
    assert isinstance(doc, Document)


@pytest.mark.parametrize("name", ["two\nlines.txt", "\x1b]0;pwned\x07.txt", "bad\udcffbyte.txt"])
def test_load_errors_are_one_safe_line_whatever_the_path(tmp_path, name: str) -> None:
    from tui.engine import load_path

    from .invariants import FORBIDDEN

    with pytest.raises(LoadError) as info:
        load_path(tmp_path / name)
    message = str(info.value)
    assert "no such file" in message and "\n" not in message and not FORBIDDEN.search(message)
    message.encode("utf-8")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_not_read_forever() -> None:
    """/dev/zero reports size 0 and never ends: it used to be read until memory ran out."""
    from tui.engine import load_path

    with pytest.raises(LoadError, match="not a file"):
        load_path("/dev/zero")


@pytest.mark.parametrize("data", [bytes(range(256)) * 40, gzip.compress(b"The minister said no. " * 500),
                                  bytes((i * 7919 + 13) % 251 for i in range(5000))],
                         ids=["byte-cycle", "gzip", "pseudo-random"])
def test_compressed_or_random_data_is_refused_as_binary(data: bytes) -> None:
    """Few NULs, but a control byte in ten: shown as mojibake before, refused now."""
    with pytest.raises(LoadError, match="binary"):
        load_bytes(data)


def test_a_log_with_colour_codes_is_still_text() -> None:
    doc = load_bytes(b"\x1b[31mERROR\x1b[0m the minister said \xe2\x80\x9cno\xe2\x80\x9d\n" * 200)
    assert "ERROR" in doc.text and "“no”" in doc.text


def test_utf8_with_a_few_stray_windows_1252_bytes_keeps_its_quotation_marks() -> None:
    """One stray byte used to make the whole file Windows-1252: every “ became â€œ."""
    data = "“We will rebuild,” Brandt said. ‘Soon.’ ".encode() * 20 + b"Caf\xe9 owner, 5\x80."
    doc = load_bytes(data, fmt="text")
    assert doc.text.count("“We will rebuild,”") == 20 and "Café owner, 5€." in doc.text
    assert "â€" not in doc.text
    assert any("windows-1252" in n for n in doc.notices)


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"


@pytest.mark.parametrize("name, words", [
    ("utf16le_no_bom.txt", ["“We will stay out", "Ana Costa said."]),
    ("mixed_utf8_cp1252.txt", ["“We will stay out", "Café owners", "5€."]),
    ("deep_nesting.md", ["“Buried,” she said.", "listed words", "The end."]),
    ("entity_smuggling.md", ["Headline", "isolated", "word"]),
    ("form_feeds.txt", ["ends here", "Page two starts", "record", "next line"]),
    ("escape_sequences.txt", ["[bold]Officials[/bold]", "“We will rebuild,” Mayor Brandt said.", "evil"]),
])
def test_reproducer_files_load_with_every_word(name: str, words: list[str]) -> None:
    """Each file once broke a loader (see the commit that added it)."""
    from tui.engine import load_path

    doc = load_path(FIXTURES / name)
    check_document(doc)
    for w in words:
        assert w in doc.text, (w, doc.text[:300])
    assert " ".join(doc.text.split()).count("Page") in (0, 2)
