"""Loaders: plain text and Markdown become one canonical text with blocks and spans over it."""

from __future__ import annotations

import pytest

from tui.engine import LoadError, load_bytes, load_path, load_text


def test_plain_text_joins_hard_wrapped_lines_and_splits_on_blank_lines():
    doc = load_text("Title\n\nFirst line\nwrapped here.\n\nSecond  paragraph.\r\n", fmt="text")
    assert [doc.text[b.start:b.end] for b in doc.blocks] == [
        "Title", "First line wrapped here.", "Second  paragraph."]
    assert doc.blocks[0].kind == "heading"
    assert doc.title == "Title"


def test_crlf_and_lone_cr_become_newlines():
    doc = load_text("Head\r\n\r\nOne\r\ntwo\r\rThree", fmt="text")
    assert [doc.text[b.start:b.end] for b in doc.blocks][1:] == ["One two", "Three"]


def test_text_without_blank_lines_has_a_paragraph_per_line():
    doc = load_text("Head\nOne.\nTwo.\nThree.", fmt="text")
    assert len(doc.blocks) == 4


def test_markdown_blocks_and_inline_spans():
    src = ("# The Title\n\nSome *emphasis*, **strong**, `code` and [a link](http://x.org).\n\n"
           "- first\n- second\n\n1. one\n2. two\n\n> quoted block\n\n```\ncode block\n```\n")
    doc = load_text(src, fmt="markdown")
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["heading", "paragraph", "list_item", "list_item", "list_item", "list_item",
                     "blockquote", "code"]
    assert doc.title == "The Title"
    assert [b.marker for b in doc.blocks if b.kind == "list_item"] == ["•", "•", "1.", "2."]
    spans = {(s.kind, doc.text[s.start:s.end]) for s in doc.spans}
    assert {("emphasis", "emphasis"), ("strong", "strong"), ("code", "code"), ("link", "a link")} <= spans
    link = next(s for s in doc.spans if s.kind == "link")
    assert link.href == "http://x.org"
    assert doc.text[doc.blocks[-1].start:doc.blocks[-1].end] == "code block"


def test_control_characters_removed_and_reported():
    doc = load_text("Head\n\nA\x1b[2Jb\x07c \x9b31m d\u202eevil\u202c ok\ttab", fmt="text")
    body = doc.text[doc.blocks[1].start:]
    assert body == "A[2Jbc 31m devil ok\ttab"
    assert any("control character" in n for n in doc.notices)


def test_markup_like_text_is_kept_verbatim():
    raw = "He [sic] said [the minister] was [@click=app.quit] here, a [/bold] b."
    doc = load_text("Head\n\n" + raw, fmt="text")
    assert raw in doc.text


def test_odd_encodings_decode_without_loss():
    latin = "Caf\u00e9 \u201cna\u00efve\u201d".encode("cp1252")
    assert "Café" in load_bytes(latin, fmt="text").text
    utf16 = "Title\n\n“Hi,” she said.".encode("utf-16")
    assert "“Hi,” she said." in load_bytes(utf16, fmt="text").text


def test_binary_file_is_refused_with_a_clear_message(tmp_path):
    p = tmp_path / "x.bin"
    p.write_bytes(b"\x00\x01\x02" * 1000)
    with pytest.raises(LoadError, match="binary"):
        load_path(p)


def test_missing_file_and_folder_messages(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_path(tmp_path / "nope.txt")
    with pytest.raises(LoadError, match="folder"):
        load_path(tmp_path)


def test_block_at_finds_the_block_holding_an_offset():
    doc = load_text("Head\n\nOne.\n\nTwo.", fmt="text")
    two = doc.text.index("Two")
    assert doc.block_at(two + 1) == doc.blocks[2]


def test_long_unwrapped_lines_between_blank_lines_stay_separate_paragraphs():
    first = "Para one is a long line of news copy that nobody wrapped, as web pages and exports give it to us today."
    second = "“A second paragraph,” she said, in a line of its own that also runs well past any wrap width at all."
    doc = load_text(f"Head\n\n{first}\n{second}\n\nThird.", fmt="text")
    assert [doc.text[b.start:b.end] for b in doc.blocks][1:] == [first, second, "Third."]


def test_hard_wrapped_lines_still_join_into_one_paragraph():
    doc = load_text("Head\n\n“Now, Tobias, you may knock as loud as you please,” said\nMrs. Penhallow; and, as she spoke,"
                    "\nshe bolted the bakery door.\n\nNext.", fmt="text")
    assert doc.text[doc.blocks[1].start:doc.blocks[1].end].count("\n") == 0
    assert len(doc.blocks) == 3


def test_a_section_breadcrumb_above_the_headline_is_not_the_title():
    doc = load_text("News / World\n\nLeaders meet to talk about the harbour\n\nBody text here.", fmt="text")
    assert doc.title == "Leaders meet to talk about the harbour"
    assert doc.title == load_text("Leaders meet to talk about the harbour\n\nBody.", fmt="text").title
