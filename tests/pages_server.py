"""A web server on 127.0.0.1 for the tests: the sample article as a news page, and pages that fail."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Self

ROOT = Path(__file__).resolve().parents[1]
BOILERPLATE_TOP = ('<nav><a href="/">Front page</a> <a href="/local">Local news</a> <a href="/sub">Subscribe now'
                   '</a></nav><div class="cookie-banner">This site uses cookies for analytics. <button>OK</button>'
                   '</div><script>var tracker = "quotelens-test"; console.log("page view counted");</script>')
BOILERPLATE_BOTTOM = ('<aside class="related"><h2>More from the coast</h2><ul><li><a href="/1">Lighthouse '
                      'repainted for its centenary</a></li></ul></aside><footer>© Island Gazette. All rights '
                      'reserved.</footer>')
SENTINELS = ["Front page", "Subscribe now", "uses cookies", "page view counted", "More from the coast",
             "Lighthouse repainted", "All rights reserved"]
SAMPLE_TITLE = "Harbour Town Votes to Keep Its Ferry, for Now"


def sample_page() -> bytes:
    """tui/data/sample.md rendered as a news site would serve it."""
    from markdown_it import MarkdownIt

    md = (ROOT / "tui" / "data" / "sample.md").read_text(encoding="utf-8")
    body = MarkdownIt("commonmark").render(md)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{SAMPLE_TITLE} | Island Gazette'
            f'</title><meta property="og:site_name" content="Island Gazette"></head><body>{BOILERPLATE_TOP}'
            f"<article>{body}</article>{BOILERPLATE_BOTTOM}</body></html>").encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        server: PageServer = self.server  # type: ignore[assignment]
        server.hits.append(self.path)
        path = self.path
        try:
            if path == "/sample.html":
                self._send(200, sample_page())
            elif path == "/moved":
                self._send(301, b"", Location="/sample.html")
            elif path == "/offsite":
                self._send(302, b"", Location="file:///etc/passwd")
            elif path == "/missing":
                self._send(404, b"<html><body>Not here</body></html>")
            elif path == "/slow":
                time.sleep(server.slow)
                self._send(200, sample_page())
            elif path == "/drip":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(int(server.slow * 10)):
                    self.wfile.write(b"<p>a</p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            elif path == "/huge":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                chunk = b"<p>" + b"word " * 13000 + b"</p>\n"
                for _ in range(17 * 1024 * 1024 // len(chunk) + 2):
                    self.wfile.write(chunk)
            elif path == "/huge-declared":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(500 * 1024 * 1024))
                self.end_headers()
                self.wfile.write(b"<html>")
            elif path == "/photo.png":
                self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
            elif path == "/empty.html":
                self._send(200, b"<!DOCTYPE html><html><head><title>Nothing</title></head><body><nav>Menu</nav>"
                                b"</body></html>")
            else:
                self._send(404, b"no such page")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should


class PageServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.hits: list[str] = []
        self.slow = 3.0  # seconds /slow waits and /drip drips
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()
