"""The scraper's errors. Each docstring says who raises it and when.

All derive from :class:`ScraperError`, so the CLI can turn any of them into a
one-line message and a non-zero exit without a stack trace.
"""

from __future__ import annotations


class ScraperError(Exception):
    """Base class of every error the scraper raises on purpose."""


class SettingsError(ScraperError):
    """Raised by ``scrapers.settings`` for an unknown or malformed setting
    (environment variable or CLI override), at start-up, before any request."""


class ParseError(ScraperError):
    """Raised by ``scrapers.parse.parse_listing`` when a page is not a listing page
    at all: no hit count and no entries (e.g. an error page served with status 200),
    or bytes that cannot be decoded. Problems inside a listing page are not raised
    but returned in ``ListingPage.problems``."""

    def __init__(self, message: str, url: str | None = None) -> None:
        super().__init__(f"{url}: {message}" if url else message)
        self.url = url


class FetchError(ScraperError):
    """Raised by ``scrapers.fetcher`` when a URL cannot be fetched after the retries
    configured on the session (connection refused, timeouts, too many 5xx/429).
    Carries ``url`` and, where the server answered, ``status``."""

    def __init__(self, message: str, url: str, status: int | None = None) -> None:
        super().__init__(f"{message}: {url}")
        self.url = url
        self.status = status


class RobotsDisallowed(FetchError):
    """Raised by ``scrapers.robots.RobotsPolicy.check`` (called by the live fetcher
    before every request) when robots.txt forbids the URL for our user agent.
    Never a silent skip: the run fails and says which rule stopped it."""


class RobotsUnavailable(FetchError):
    """Raised by ``scrapers.robots.RobotsPolicy`` when a host's robots.txt cannot be
    read: no answer after the retries, or a 5xx (or 429) status. RFC 9309 says to assume
    every URL of the host is disallowed then, so ``scrapers.crawl`` stops the whole run
    at once (one message naming the robots.txt URL) instead of failing each category."""

    def __init__(self, reason: str, robots_url: str, status: int | None = None) -> None:
        ScraperError.__init__(
            self,
            f"{robots_url} could not be fetched ({reason}); per RFC 9309 an unreachable "
            "robots.txt means every URL of the host is assumed disallowed, so the run "
            "stopped before any further request. Try again later.",
        )
        self.url = robots_url
        self.status = status


class NotRecorded(FetchError):
    """Raised by ``scrapers.fetcher.RecordedFetcher`` when a replay asks for a URL
    that the recording does not contain (the recording is incomplete or the crawl
    logic changed since it was made)."""


class CategoryNotFound(ScraperError):
    """Raised by ``scrapers.crawl`` when a category's listing URL answers 404 and
    the overview page has no link with the category's German title either.
    The message names every URL tried."""


class RecordingError(ScraperError):
    """Raised by ``scrapers.recording`` for a recording directory that is missing,
    lacks index.jsonl, or has an index line that does not match its files."""


class StoreUnavailable(ScraperError):
    """Raised by ``scrapers.cli`` when ``--db`` is given but ``scrapers.pipeline``
    or ``store`` cannot be imported (the store part is not installed yet)."""


class TableError(ScraperError):
    """Raised by ``scrapers.tabular.read_table`` for a file that cannot be read as a table
    (missing, empty, a binary format other than XLSX, one column only)."""


class ListImportError(ScraperError):
    """Raised by ``scrapers.importer`` when a list cannot become a snapshot: no column for
    the name or PLZ, an unknown ``--column`` field or header, invalid rows without
    ``--skip-invalid``, or a refused write. Nothing was stored."""
