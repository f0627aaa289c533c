"""A saved page's extraction is kept in the cache folder: reopening skips trafilatura, same Document."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tui.sources import open_document

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"
PAGE = json.loads((PAGES / "pages.json").read_text(encoding="utf-8"))["pages"][0]

PROBE = """
import sys, json
from tui.sources import open_document
doc = open_document(sys.argv[1])
print(json.dumps({"trafilatura": "trafilatura" in sys.modules, "title": doc.title, "text": doc.text,
                  "blocks": [[b.kind, b.start, b.end, b.level, b.marker] for b in doc.blocks],
                  "spans": [[s.kind, s.start, s.end] for s in doc.spans], "meta": doc.meta.as_dict()}))
"""


def probe(page: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, str(page)], capture_output=True, text=True, cwd=ROOT,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=60, check=True)
    return json.loads(out.stdout)


def test_reopening_a_saved_page_skips_the_extractor_and_gives_the_same_document(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes((PAGES / PAGE["page"]).read_bytes())
    first, second = probe(page), probe(page)
    assert first.pop("trafilatura") and not second.pop("trafilatura")
    assert first == second and first["title"] == PAGE["title"]


def test_a_changed_page_is_extracted_again(tmp_path):
    page = tmp_path / "page.html"
    raw = (PAGES / PAGE["page"]).read_text(encoding="utf-8")
    page.write_text(raw, encoding="utf-8")
    assert open_document(str(page)).title == PAGE["title"]
    page.write_text(raw.replace(PAGE["title"], "A different headline for the same story"), encoding="utf-8")
    assert open_document(str(page)).title == "A different headline for the same story"


def test_a_spoiled_cache_entry_is_ignored_and_rewritten(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes((PAGES / PAGE["page"]).read_bytes())
    doc = open_document(str(page))
    [entry] = Path(os.environ["QUOTELENS_CACHE"]).glob("*.json")
    for junk in (b"{not json", b'{"text": "x", "blocks": [["paragraph", 0, 99, 0, ""]], "spans": []}'):
        entry.write_bytes(junk)
        again = open_document(str(page))
        assert (again.text, again.blocks, again.meta) == (doc.text, doc.blocks, doc.meta)
        assert entry.read_bytes() != junk


def test_an_unwritable_cache_changes_nothing(tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setenv("QUOTELENS_CACHE", str(blocked / "cache"))
    assert open_document(str(PAGES / PAGE["page"])).title == PAGE["title"]


def test_the_reader_parses_a_page_in_a_child_and_gets_the_same_document(tmp_path):
    from tui.commands.read import load_while_importing_the_app
    from tui.engine import LoadError

    page = str(PAGES / PAGE["page"])
    doc = load_while_importing_the_app(page)
    here = open_document(page)
    assert (doc.title, doc.text, doc.blocks, doc.spans, doc.meta) == (here.title, here.text, here.blocks,
                                                                      here.spans, here.meta)
    missing = tmp_path / "gone.html"
    try:
        load_while_importing_the_app(str(missing))
    except LoadError as err:  # the child's failure, as one line in the parent
        assert str(err) == f"{missing}: no such file"
    else:
        raise AssertionError("a missing page loaded")
