"""Saved web pages: the article's text and metadata through trafilatura, then into blocks.

trafilatura (imported here only, so only for HTML: it costs about half a second) finds the main
text of a page and leaves out navigation, scripts, ads, comments, cookie banners and related
links; it also reads the title, author, date and site name from the page's metadata.  Its
output is an XML tree (``head``, ``p``, ``quote``, ``list``/``item``, ``table``, ``hi``), which
:mod:`.markup` turns into the Document's blocks.  benchmarks/html_extractors.py measures it
against readability-lxml.
"""

from __future__ import annotations

import re
from typing import Any

from .builder import DocumentBuilder
from .markup import (
    BREAK,
    CELL,
    CODE,
    CONTAINER,
    HEADING,
    INLINE,
    ITEM,
    LIST,
    PARAGRAPH,
    QUOTE,
    ROW,
    RULE,
    SKIP,
    TABLE,
    BlockWalker,
    Role,
    clean,
)

_HI = {"#i": "emphasis", "#b": "strong", "#u": "emphasis", "#t": "code", "#sub": None, "#sup": None}


class NoArticle(ValueError):
    """The page has no article text that an extractor can find."""


def _classify(el: Any) -> Role:
    tag = el.tag
    if tag == "head":
        rend = el.get("rend") or "h2"
        return Role(HEADING, level=int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2)
    if tag == "p":
        return Role(PARAGRAPH)
    if tag == "quote":
        return Role(QUOTE)
    if tag == "list":
        return Role(LIST, ordered=el.get("rend") == "ol")
    if tag == "item":
        return Role(ITEM)
    if tag == "table":
        return Role(TABLE)
    if tag == "row":
        return Role(ROW)
    if tag == "cell":
        return Role(CELL)
    if tag == "code":
        parent = el.getparent()
        return Role(CODE) if parent is None or parent.tag in ("body", "main", "quote", "doc") else Role(INLINE, span="code")
    if tag == "lb":
        return Role(BREAK)
    if tag in ("graphic", "note", "fw"):
        return Role(SKIP)
    if tag == "hi":
        return Role(INLINE, span=_HI.get(el.get("rend") or "", None))
    if tag == "ref":
        return Role(INLINE, span="link", href=el.get("target"))
    if tag == "del":
        return Role(INLINE, span="strike")
    if tag == "hr":
        return Role(RULE)
    if tag in ("body", "main", "div", "doc"):
        return Role(CONTAINER)
    return Role(INLINE)


_SETTINGS: Any = None


def _config() -> Any:
    """trafilatura's settings, with a short article accepted (its default wants 250 characters)."""
    global _SETTINGS
    if _SETTINGS is None:
        from trafilatura.settings import use_config

        config = use_config()
        config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")
        config.set("DEFAULT", "MIN_OUTPUT_SIZE", "10")
        config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals are the main thread's: no alarm
        _SETTINGS = config
    return _SETTINGS


def extract(html: str, url: str | None = None) -> Any:
    """trafilatura's extraction of ``html``: a result with ``body``, ``title``, ``author``... or None."""
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its warnings would print over the screen
    return trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                       include_tables=True, include_formatting=True, include_links=False,
                                       include_images=False, deduplicate=False, config=_config(),
                                       # a date the page states in its markup, never one guessed from
                                       # a year in the text ("retired in 2009")
                                       date_extraction_params={"extensive_search": False, "original_date": True})


def _meta(value: Any) -> str | None:
    if not value:
        return None
    text = " ".join(clean(str(value)).split())
    return text or None


def build_html(builder: DocumentBuilder, html: str, url: str | None = None) -> tuple[str | None, dict[str, str]]:
    """Fill ``builder`` with the article of ``html``; return its title and metadata
    (``byline``, ``date``, ``source``: the site's name).  Raise :class:`NoArticle` when there is none."""
    try:
        found = extract(html, url)
    except Exception as err:  # noqa: BLE001 - lxml and trafilatura on a hostile page: one line, not a traceback
        raise NoArticle(f"no article text found in this page ({type(err).__name__})") from None
    if found is None or found.body is None:
        raise NoArticle("no article text found in this page")
    title = _meta(found.title)
    first = found.body[0] if len(found.body) else None
    if title and not (first is not None and first.tag == "head"
                      and " ".join("".join(first.itertext()).split()) == title):
        builder.add_block("heading", title, level=1)  # the headline above the article, as in a plain text copy
    walker = BlockWalker(builder, _classify)
    walker.walk(found.body)
    if not walker.words:
        raise NoArticle("no article text found in this page")
    meta = {"byline": _meta(found.author), "date": _meta(found.date), "source": _meta(found.sitename)}
    if not title and walker.headings:
        title = walker.headings[0]
    return title, {k: v for k, v in meta.items() if v}
