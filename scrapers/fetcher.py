"""Fetchers answer ``get(url) -> Page``: live over HTTP, or from a recording.

The crawl only knows this interface, so a replay runs exactly the same logic as a
live scrape. `Page` itself lives in scrapers/page.py, below both the fetchers and the
recorder (re-exported here for the callers that always took it from this module).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Protocol

import requests

from scrapers.exceptions import FetchError, NotRecorded, RecordingError
from scrapers.http import build_session
from scrapers.http_cache import HttpCache
from scrapers.normalise import strip_session
from scrapers.page import Page, now_iso
from scrapers.recording import read_index
from scrapers.robots import RobotsPolicy
from scrapers.settings import Settings
from scrapers.throttle import Throttle

__all__ = ["Fetcher", "LiveFetcher", "Page", "RecordedFetcher", "load_run_meta", "now_iso"]


class Fetcher(Protocol):
    def get(self, url: str) -> Page: ...


class LiveFetcher:
    """Polite HTTP: robots.txt checked, throttled, retried and timed out by the session.

    With an :class:`HttpCache` every page is asked for conditionally when an earlier
    run stored its validators; a 304 is answered with the stored body.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        session: requests.Session | None = None,
        throttle: Throttle | None = None,
        robots: RobotsPolicy | None = None,
        cache: HttpCache | None = None,
    ) -> None:
        self.settings = settings
        self.session = session or build_session(settings)
        self.throttle = throttle or Throttle(settings.DOWNLOAD_DELAY)
        if robots is None and settings.ROBOTSTXT_OBEY:
            robots = RobotsPolicy(self.session, settings.USER_AGENT, self.throttle)
        self.robots = robots
        self.cache = cache

    def get(self, url: str) -> Page:
        # A session id is not part of the page: one key for the cache, recording and crawl
        # (the session's cookie jar keeps the servlet session where the server wants one).
        url = strip_session(url) or url
        if self.robots is not None:
            self.robots.check(url)
        cached = self.cache.lookup(url) if self.cache is not None else None
        self.throttle.wait()
        fetched_at = now_iso()
        try:
            response = self.session.get(
                url, headers=cached.conditional_headers() if cached else None
            )
        except requests.RequestException as exc:
            reason = type(exc).__name__
            raise FetchError(f"no answer after retries ({reason}: {exc})", url) from exc
        final_url = strip_session(response.url)
        final_url = final_url if final_url != url else None
        if response.status_code == 304 and cached is not None and self.cache is not None:
            entry = self.cache.revalidated(cached, response.headers)
            return Page(
                url=url,
                status=200,
                content=entry.body,
                content_type=entry.content_type,
                fetched_at=fetched_at,
                final_url=final_url,
                http_status=304,
                note=f"HTTP 304 Not Modified: body from the HTTP cache (stored {entry.stored_at})",
            )
        if self.cache is not None:
            self.cache.record(url, response.status_code, response.headers, response.content)
        return Page(
            url=url,
            status=response.status_code,
            content=response.content,
            content_type=response.headers.get("Content-Type"),
            fetched_at=fetched_at,
            final_url=final_url,
        )


class RecordedFetcher:
    """Answers from a recording (DIR/index.jsonl + page files), offline."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.entries = read_index(self.directory)
        self._by_url: dict[str, dict] = {}
        for entry in self.entries:  # recordings made before session ids were stripped too
            self._by_url.setdefault(strip_session(entry["url"]), entry)

    def start_urls(self) -> dict[str, str]:
        """First URL recorded per category, in recording order."""
        starts: dict[str, str] = {}
        for entry in self.entries:
            starts.setdefault(entry["category"], strip_session(entry["url"]))
        return starts

    def get(self, url: str) -> Page:
        url = strip_session(url) or url
        entry = self._by_url.get(url)
        if entry is None:
            raise NotRecorded("the recording has no page for this URL", url)
        path = self.directory / entry["file"]
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise RecordingError(f"{path}: listed in index.jsonl but unreadable ({exc})") from exc
        return Page(
            url=url,
            status=int(entry["status"]),
            content=content,
            content_type=entry.get("content_type"),
            fetched_at=entry["fetched_at"],
            final_url=strip_session(entry.get("final_url")),
            http_status=entry.get("http_status"),
            note=entry.get("note"),
        )


def load_run_meta(directory: str | Path) -> dict:
    """DIR/run.json as a dict ({} when absent)."""
    path = Path(directory) / "run.json"
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RecordingError(f"{path}: not valid JSON ({exc})") from exc
