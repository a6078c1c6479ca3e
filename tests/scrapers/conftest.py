"""A fake REHADAT on loopback (pytest-httpserver) serving pages written by scrapers.render."""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from werkzeug import Request, Response

from scrapers.records import Provider
from scrapers.render import page_url, render_listing_page, render_overview_page
from scrapers.settings import Settings
from tests.quick_server import QuickHTTPServer

FIXTURES = Path(__file__).parent / "fixtures"
LISTING_PREFIX = "/adressen/arbeit-beschaeftigung/"

Hook = Callable[[Request, int], Response | None]


@dataclass
class Hit:
    path: str
    query: str
    at: float
    user_agent: str
    headers: dict[str, str] = field(default_factory=dict)
    status: int | None = None  # filled in once the answer is known


@dataclass
class FakeRehadat:
    """Listing pages per slug, robots.txt, an overview page, and hooks to misbehave.

    ``etags`` / ``last_modified`` make listing pages carry validators and answer a
    matching conditional request with 304 (If-None-Match first, as RFC 9110 says).
    """

    base_url: str
    pages: dict[str, list[bytes]] = field(default_factory=dict)
    robots: str = "User-agent: *\nAllow: /\n"
    robots_status: int = 200
    etags: bool = False
    last_modified: str | None = None
    overview: bytes | None = None
    hooks: dict[tuple[str, int], Hook] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    page_bases: dict[str, int] = field(default_factory=dict)  # slug → page value of page 1
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add_category(
        self,
        category: str,
        records: list[Provider],
        *,
        per_page: int = 20,
        slug: str | None = None,
        total: int | None = None,
        encoding: str = "utf-8",
        page_base: int = 1,
        numbered: bool = False,
    ) -> list[bytes]:
        """Render a category's listing into pages; ``total`` may lie (count mismatch).

        ``page_base``: the ``page`` value of the first page (0 or 1; a request without
        ``page`` gets the first page either way). ``numbered``: numbered page links
        instead of a "weiter" link.
        """
        from scrapers.render import DEFAULT_SLUGS

        slug = slug or DEFAULT_SLUGS[category]
        self.page_bases[slug] = page_base
        chunks = [records[i:i + per_page] for i in range(0, len(records), per_page)] or [[]]
        links = {n: self.url_of(category, n, slug) for n in range(1, len(chunks) + 1)}
        pages = []
        for number, chunk in enumerate(chunks, start=1):
            last = number == len(chunks)
            pages.append(
                render_listing_page(
                    chunk,
                    total=len(records) if total is None else total,
                    next_url=None if last or numbered else self.url_of(category, number + 1,
                                                                       slug),
                    prev_url=self.url_of(category, number - 1, slug) if number > 1 else None,
                    encoding=encoding,
                    page_links=links if numbered and len(chunks) > 1 else None,
                    current=number,
                )
            )
        self.pages[slug] = pages
        return pages

    def url_of(self, category: str, number: int, slug: str | None = None) -> str:
        """URL of the ``number``-th page (1 = first), in the site's own page numbering."""
        from scrapers.render import DEFAULT_SLUGS

        base = self.page_bases.get(slug or DEFAULT_SLUGS[category], 1)
        return page_url(self.base_url, category, number - 1 + base, slug=slug)

    def set_overview(self, links: dict[str, str]) -> None:
        self.overview = render_overview_page(links)

    def requests_to(self, slug: str) -> list[Hit]:
        return [h for h in self.hits if h.path.startswith(f"{LISTING_PREFIX}{slug}/")]

    def robots_hits(self) -> list[Hit]:
        return [h for h in self.hits if h.path == "/robots.txt"]

    def handle(self, request: Request) -> Response:
        hit = Hit(request.path, request.query_string.decode(), time.monotonic(),
                  request.headers.get("User-Agent", ""), dict(request.headers))
        with self._lock:
            self.hits.append(hit)
        response = self._answer(request)
        hit.status = response.status_code
        return response

    def _page(self, request: Request, body: bytes) -> Response:
        headers = {}
        if self.etags:
            headers["ETag"] = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.last_modified:
            headers["Last-Modified"] = self.last_modified
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match and "ETag" in headers:
            not_modified = if_none_match == headers["ETag"]
        else:
            since = request.headers.get("If-Modified-Since")
            not_modified = since is not None and since == self.last_modified
        if not_modified:
            return Response(status=304, headers=headers)
        return Response(body, content_type="text/html", headers=headers)

    def _answer(self, request: Request) -> Response:
        if request.path == "/robots.txt":
            return Response(self.robots, status=self.robots_status, mimetype="text/plain")
        if request.path == LISTING_PREFIX:
            if self.overview is None:
                return Response("not found", status=404)
            return Response(self.overview, content_type="text/html; charset=utf-8")
        parts = request.path[len(LISTING_PREFIX):].split("/")
        if request.path.startswith(LISTING_PREFIX) and len(parts) == 2 and parts[0] in self.pages:
            slug = parts[0]
            base = self.page_bases.get(slug, 1)
            number = int(request.args.get("page", str(base))) - base + 1
            hook = self.hooks.get((slug, number))
            if hook is not None:
                answer = hook(request, number)
                if answer is not None:
                    return answer
            pages = self.pages[slug]
            if 1 <= number <= len(pages):
                return self._page(request, pages[number - 1])
        return Response("<html><body>Seite nicht gefunden</body></html>", status=404,
                        content_type="text/html")


@pytest.fixture
def site():
    """A threaded loopback server (a hanging response must not block the retry)."""
    server = QuickHTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    fake = FakeRehadat(base_url=server.url_for("/").rstrip("/"))
    server.expect_request(re.compile(".*")).respond_with_handler(fake.handle)
    try:
        yield fake
    finally:
        server.clear()
        if server.is_running():
            server.stop()


@pytest.fixture
def fast_settings(site) -> Settings:
    """Polite-client settings shrunk for tests: no delay, short timeouts, no backoff sleep.
    The read timeout leaves a loaded machine's loopback answer time (at 0.3 s one ran out
    under load, and its retry added a request the tests count); a test about timeouts sets
    its own."""
    return Settings(
        BASE_URL=site.base_url,
        DOWNLOAD_DELAY=0,
        RETRY_TIMES=2,
        RETRY_BACKOFF=0,
        RETRY_JITTER=0,
        RETRY_AFTER_MAX=3,
        CONNECT_TIMEOUT=1,
        READ_TIMEOUT=2,
    )
