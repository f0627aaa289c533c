"""``quotelens quotes URL`` and friends against a web server on 127.0.0.1 that the test starts.

A page is fetched once and kept (``$QUOTELENS_PAGES`` here); reopening reads the copy, so it works
offline and annotations stay on the text that was read.  Every failure is one line, exit status 2,
and leaves nothing behind.  No test touches any address but 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pages_server import SAMPLE_TITLE, SENTINELS, PageServer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path):
    return dict(os.environ, PYTHONPATH=str(ROOT), QUOTELENS_PAGES=str(tmp_path / "pages"),
                QUOTELENS_DB=str(tmp_path / "db.json"), QUOTELENS_FETCH_TIMEOUT="1")


def quotelens(env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=60, check=False)


def speech(data: dict) -> list[tuple[str, str | None]]:
    return [(q["text"], q["speaker"]) for q in data["quotes"]]


def test_the_sample_served_as_a_news_page_gives_the_sample_quotes(page_server, env, tmp_path):
    by_url = quotelens(env, "quotes", page_server.url("/sample.html"), "--json")
    assert by_url.returncode == 0, by_url.stderr
    data = json.loads(by_url.stdout)
    sample = json.loads(quotelens(env, "quotes", str(ROOT / "tui" / "data" / "sample.md"), "--json").stdout)
    assert speech(data) == speech(sample) and speech(data)
    assert [s["name"] for s in data["speakers"]] == [s["name"] for s in sample["speakers"]]
    assert data["title"] == SAMPLE_TITLE
    assert data["meta"]["format"] == "html" and data["meta"]["source"] == "Island Gazette"
    assert set(sample) <= set(data) and set(data) - set(sample) == set()  # "meta" is in both, no key renamed
    assert len(list((tmp_path / "pages").glob("*.page"))) == 1


def test_a_redirect_is_followed_and_the_page_is_kept_under_the_address_asked_for(page_server, env, tmp_path):
    out = quotelens(env, "quotes", page_server.url("/moved"), "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["title"] == SAMPLE_TITLE
    record = json.loads(next((tmp_path / "pages").glob("*.json")).read_text())
    assert record["url"] == page_server.url("/moved") and record["final_url"] == page_server.url("/sample.html")


def test_reopening_reads_the_kept_copy_offline(env, tmp_path):
    with PageServer() as server:
        url = server.url("/sample.html")
        first = quotelens(env, "quotes", url, "--json")
        added = quotelens(env, "annotate", url, "--exact", "the island stops with it", "--note", "the crux")
        assert first.returncode == 0 and added.returncode == 0, added.stderr
    # the server is gone: nothing answers at that address any more
    again = quotelens(env, "quotes", url, "--json")
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout
    listed = quotelens(env, "annotations", url, "--json")
    assert listed.returncode == 0, listed.stderr
    notes = [a["note"] for a in json.loads(listed.stdout)["annotations"]]
    assert notes == ["the crux"]
    refreshed = quotelens(env, "quotes", url, "--refresh")  # asking to fetch anew needs the network
    assert refreshed.returncode == 2 and "cannot reach 127.0.0.1" in refreshed.stderr


def assert_fails(out: subprocess.CompletedProcess, *words: str) -> None:
    assert out.returncode == 2, out.stderr
    assert out.stderr.count("\n") == 1 and out.stderr.startswith("quotelens: "), out.stderr
    assert "Traceback" not in out.stderr
    for word in words:
        assert word in out.stderr
    assert out.stdout == ""


@pytest.mark.parametrize(("path", "words"), [
    ("/missing", ["404"]),
    ("/photo.png", ["image/png"]),
    ("/empty.html", ["no article text"]),
    ("/huge-declared", ["500 MB", "16 MB"]),
    ("/huge", ["larger than the 16 MB"]),
    ("/offsite", ["file:///etc/passwd", "not"]),
    ("/slow", ["no answer within 1 seconds"]),
    ("/drip", ["did not arrive within 1 seconds"]),
])
def test_a_page_that_cannot_be_read_is_one_line_and_leaves_nothing(page_server, env, tmp_path, path, words):
    out = quotelens(env, "quotes", page_server.url(path))
    assert_fails(out, page_server.url(path), *words)
    assert not (tmp_path / "pages").exists() or not any((tmp_path / "pages").iterdir())
    assert page_server.hits == [path] or path == "/offsite"  # fetched once, nothing else asked for


def test_nothing_listening_is_one_line(env):
    with PageServer() as server:
        url = server.url("/sample.html")
    assert_fails(quotelens(env, "quotes", url), "cannot reach 127.0.0.1")


def test_the_reader_refuses_a_failed_fetch_before_textual_starts(page_server, env):
    assert_fails(quotelens(env, page_server.url("/missing")), "404")


def test_no_boilerplate_of_the_served_page_reaches_the_reader(page_server, env, monkeypatch):
    from tui.sources import open_url

    monkeypatch.setenv("QUOTELENS_PAGES", env["QUOTELENS_PAGES"])
    doc = open_url(page_server.url("/sample.html"))
    assert not [s for s in SENTINELS if s in doc.text]
    assert doc.title == SAMPLE_TITLE and doc.source == page_server.url("/sample.html")
