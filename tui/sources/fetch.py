"""Fetch a web page once, keep the copy, read the copy.

``quotelens https://...`` fetches the page with the standard library (a time limit on the whole
fetch, a size cap, redirects followed between http and https only, the content type checked) and
writes the bytes to the user's data folder (``platformdirs``, as the database's default path is
found; ``$QUOTELENS_PAGES`` overrides).  Reopening the address reads that copy, online or not, so
the text annotations are anchored to is the text that was read; ``--refresh`` fetches it anew.
Every failure is one line (a :class:`FetchError`, which the commands report with exit status 2),
and nothing is written unless the whole page arrived.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..engine import Document, LoadError, load_bytes

MAX_PAGE_BYTES = 16 * 1024 * 1024
TIMEOUT = 20.0  # seconds for the whole fetch: connecting, waiting and reading
ENV_TIMEOUT = "QUOTELENS_FETCH_TIMEOUT"
ENV_PAGES = "QUOTELENS_PAGES"
_URL = re.compile(r"^https?://[^\s/]", re.IGNORECASE)
FORMATS = {  # content types quotelens reads, and how
    "text/html": "html", "application/xhtml+xml": "html", "text/plain": "text", "text/markdown": "markdown",
    "text/x-markdown": "markdown", "application/epub+zip": "epub",
}


class FetchError(LoadError):
    """A page could not be fetched; one line for the reader."""


def is_url(arg: str) -> bool:
    return bool(_URL.match(arg))


def pages_dir() -> Path:
    """The folder of fetched pages: ``$QUOTELENS_PAGES``, else ``<user data folder>/quotelens/pages``."""
    value = os.environ.get(ENV_PAGES)
    if value:
        return Path(value).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("quotelens", appauthor=False)) / "pages"


def _timeout() -> float:
    try:
        return max(0.1, float(os.environ.get(ENV_TIMEOUT, TIMEOUT)))
    except ValueError:
        return TIMEOUT


@dataclass(frozen=True)
class Page:
    url: str  # as asked for: the document's source, the key of its copy
    final_url: str  # after redirects
    content_type: str
    fetched: str  # ISO time
    data: bytes


def copy_paths(url: str) -> tuple[Path, Path]:
    """The saved body of ``url`` and its record (final address, content type, when)."""
    key = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    folder = pages_dir()
    return folder / f"{key}.page", folder / f"{key}.json"


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url


def fetch(url: str) -> Page:
    """GET ``url``; raise :class:`FetchError` for anything short of a whole page of a readable type."""
    import http.client
    import socket
    import urllib.error
    import urllib.request

    import tui

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = 10

        def redirect_request(self, req, fp, code, msg, headers, newurl):
            if not is_url(newurl):
                raise FetchError(f"{url}: redirected to {newurl!r}, which is not an http(s) address")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    limit = _timeout()
    deadline = time.monotonic() + limit
    opener = urllib.request.build_opener(Redirects)
    request = urllib.request.Request(url, headers={
        "User-Agent": f"quotelens/{getattr(tui, '__version__', '0')} (terminal news reader)",
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8,application/epub+zip;q=0.8,*/*;q=0.1",
    })
    try:
        with opener.open(request, timeout=limit) as resp:
            ctype = resp.headers.get_content_type()
            if ctype not in FORMATS:
                raise FetchError(f"{url}: not a page quotelens reads (the server sent {ctype})")
            declared = resp.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > MAX_PAGE_BYTES:
                raise FetchError(f"{url}: {int(declared) // (1024 * 1024)} MB is larger than the "
                                 f"{MAX_PAGE_BYTES // (1024 * 1024)} MB quotelens fetches")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(f"{url}: the page did not arrive within {limit:g} seconds")
                chunk = resp.read(64 * 1024)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_PAGE_BYTES:
                    raise FetchError(f"{url}: larger than the {MAX_PAGE_BYTES // (1024 * 1024)} MB quotelens fetches")
            final = resp.geturl()
    except FetchError:
        raise
    except urllib.error.HTTPError as err:
        raise FetchError(f"{url}: the server answered {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"{url}: no answer within {limit:g} seconds") from None
        raise FetchError(f"{url}: cannot reach {_host(url)} ({getattr(reason, 'strerror', None) or reason})") from None
    except TimeoutError:
        raise FetchError(f"{url}: no answer within {limit:g} seconds") from None
    except (http.client.HTTPException, OSError, ValueError) as err:
        raise FetchError(f"{url}: the fetch failed ({type(err).__name__}: {err})") from None
    return Page(url, final, ctype, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), b"".join(chunks))


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_copy(page: Page) -> None:
    """Keep the page: the body first, then its record (a record always names a whole body)."""
    body, record = copy_paths(page.url)
    body.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(body, page.data)
    info = {"url": page.url, "final_url": page.final_url, "content_type": page.content_type,
            "fetched": page.fetched}
    _write_atomic(record, json.dumps(info, ensure_ascii=True).encode())


def saved_copy(url: str) -> Page | None:
    """The copy kept of ``url``, or None (also when the copy is unreadable: it is fetched again)."""
    body, record = copy_paths(url)
    try:
        info: dict[str, Any] = json.loads(record.read_bytes())
        data = body.read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(info, dict) or info.get("url") != url or info.get("content_type") not in FORMATS:
        return None
    return Page(url, str(info.get("final_url") or url), str(info["content_type"]), str(info.get("fetched", "")), data)


def open_url(url: str, *, refresh: bool = False) -> Document:
    """The Document of ``url``: its saved copy, else (or when ``refresh``) fetched and saved."""
    page = None if refresh else saved_copy(url)
    fetched = page is None
    if page is None:
        page = fetch(url)
    fmt = FORMATS[page.content_type]
    data = page.data

    def parse() -> Document:
        return load_bytes(data, name=_host(page.final_url), fmt=fmt, source=url, url=page.final_url)

    if fmt == "html":
        from .parsed import cached

        doc = cached(data, url, fmt, parse)
    else:
        doc = parse()
    if fetched:  # kept only once it reads: a page with no article leaves nothing behind
        try:
            save_copy(page)
        except OSError as err:
            from dataclasses import replace

            notice = f"could not keep a copy for reading offline ({err.strerror or err})"
            doc = replace(doc, notices=(*doc.notices, notice))
    return doc
