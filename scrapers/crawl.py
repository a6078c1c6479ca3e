"""The crawl: follow a category's pages, check them, and decide if the run is complete.

Same logic for live scrapes and replays (only the fetcher differs). A run is
complete only if every category's parsed count equals the site's total and every
entry has a name and a PLZ; every broken page (error status, error page with 200,
truncated, empty list, repeat, pagination loop) is reported and kept.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from scrapers.exceptions import CategoryNotFound, FetchError, ParseError, RobotsUnavailable
from scrapers.fetcher import Fetcher, Page, now_iso
from scrapers.parse import find_category_link, parse_listing
from scrapers.progress import NoProgress, Progress
from scrapers.recording import Recorder
from scrapers.records import Provider
from scrapers.settings import Settings


@dataclass
class CategoryResult:
    """One category's crawl: the site's total, the records, the pages and what went wrong."""

    category: str
    expected_total: int | None = None
    records: list[Provider] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    failed_pages: list[str] = field(default_factory=list)  # URLs of the pages kept

    @property
    def ok(self) -> bool:
        return (
            not self.problems
            and self.expected_total is not None
            and len(self.records) == self.expected_total
        )


@dataclass
class RunResult:
    """A whole run. ``ok`` only when every category is complete."""

    categories: dict[str, CategoryResult] = field(default_factory=dict)
    started_at: str = ""
    finished_at: str = ""
    base_url: str = ""
    problems: list[str] = field(default_factory=list)
    kept_pages: list[tuple[Page, str]] = field(default_factory=list)
    portals: dict[str, str] = field(default_factory=dict)  # category → portal it came from

    @property
    def source(self) -> str:
        """The portal(s) of the run: one site root, or 'wfbm: https://…; …' when they differ."""
        distinct = sorted(set(self.portals.values()))
        if len(distinct) <= 1:
            return distinct[0] if distinct else self.base_url
        return "; ".join(f"{c}: {p}" for c, p in self.portals.items())

    @property
    def ok(self) -> bool:
        return bool(self.categories) and not self.problems and all(
            c.ok for c in self.categories.values()
        )

    @property
    def records(self) -> list[Provider]:
        return [r for c in self.categories.values() for r in c.records]

    def all_problems(self) -> list[str]:
        out = list(self.problems)
        for c in self.categories.values():
            out += [f"[{c.category}] {p}" for p in c.problems]
        return out

    def summary(self) -> str:
        lines = []
        for c in self.categories.values():
            total = "?" if c.expected_total is None else c.expected_total
            state = "complete" if c.ok else "FAILED"
            lines.append(
                f"{c.category}: {len(c.records)} of {total} entries from {len(c.pages)} pages"
                f" - {state}"
            )
        return "\n".join(lines)


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _with_listing_query(url: str, query: str) -> str:
    """A category link from the overview page, pointed at its detail listing."""
    parts = urlsplit(url)
    if parts.query or not query:
        return url
    path = parts.path + ("index.html" if parts.path.endswith("/") else "")
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


class _CategoryCrawl:
    """The state of one category's crawl: pages seen, pages kept, what went wrong."""

    def __init__(self, crawler: Crawler, category: str) -> None:
        self.crawler = crawler
        self.category = category
        self.result = CategoryResult(category)
        self.seen: list[Page] = []  # every page fetched, in order
        self.keep: list[Page] = []  # pages a failed run must keep
        self.visited: set[str] = set()
        self.earlier: dict = {}  # content digest / entry ids → page number

    def fail(self, page: Page | None, message: str) -> None:
        self.result.problems.append(message)
        if page is not None:
            self.keep_page(page)

    def keep_page(self, page: Page) -> None:
        if all(page is not kept for kept in self.keep):
            self.keep.append(page)
            self.result.failed_pages.append(page.url)

    def fetch(self, url: str) -> Page:
        page = self.crawler.fetcher.get(url)
        if self.crawler.recorder is not None:
            self.crawler.recorder.save(page, self.category)
        self.seen.append(page)
        return page

    def run(self) -> CategoryResult:
        try:
            page: Page | None = self.crawler.start_page(self)
        except RobotsUnavailable:
            raise  # the whole run stops (Crawler.crawl), not just this category
        except (FetchError, CategoryNotFound) as exc:
            self.fail(self.seen[-1] if self.seen else None, str(exc))
            return self.result
        number = 0
        while page is not None:
            number += 1
            next_url = self.take_page(page, number)
            page = self.follow(page, number, next_url) if next_url else None
        self.crawler.progress.close()
        self.check_totals()
        return self.result

    def take_page(self, page: Page, number: int) -> str | None:
        """Check and parse one page, add its records; returns the next URL or None to stop."""
        where = f"page {number} ({page.url})"
        self.visited.add(page.url)
        self.result.pages.append(page.url)
        if page.status != 200:
            self.fail(page, f"{where}: HTTP {page.status}")
            return None
        try:
            listing = parse_listing(
                page.content, page.base_url, self.category, content_type=page.content_type
            )
        except ParseError as exc:
            self.fail(page, f"page {number}: {exc}")
            return None
        if number == 1:
            self.result.expected_total = listing.expected_total
            self.crawler.progress.start(self.category, listing.expected_total)
        elif listing.expected_total not in (None, self.result.expected_total):
            self.fail(page, f"{where}: hit count changed from {self.result.expected_total} "
                            f"to {listing.expected_total} during the crawl")
        for problem in listing.problems:
            self.fail(page, f"{where}: {problem}")
        # The same page again under another URL: a repeat (previous page) or a loop.
        digest = hashlib.sha1(page.content).hexdigest()
        ids = tuple(r.source_id for r in listing.records)
        earlier = self.earlier.get(digest) or (self.earlier.get(ids) if ids else None)
        if earlier == number - 1:
            self.fail(page, f"{where}: repeats the previous page (same entries)")
            return None
        if earlier is not None:
            self.fail(page, f"{where}: pagination loop, same entries as page {earlier}")
            return None
        self.earlier[digest] = self.earlier[ids] = number
        expected = self.result.expected_total or 0
        if listing.entries_found == 0 and len(self.result.records) < expected:
            self.fail(page, f"{where}: empty list although the site reports {expected} hits "
                            f"and only {len(self.result.records)} were read")
            return None
        self.result.records.extend(listing.records)
        self.crawler.progress.page_done(len(listing.records))
        return listing.next_page

    def follow(self, current: Page, number: int, next_url: str) -> Page | None:
        """Fetch the next page unless the link closes a loop or the page limit is reached."""
        where = f"page {number} ({current.url})"
        limit = self.crawler.settings.MAX_PAGES
        if next_url == current.url and len(self.result.records) == self.result.expected_total:
            return None  # a last page whose "weiter" points at itself: the list is complete
        if next_url in self.visited:
            self.fail(current, f"{where}: pagination loop, next page {next_url} "
                               "was already fetched")
            return None
        if number >= limit:
            self.fail(current, f"{where}: stopped after MAX_PAGES={limit}")
            return None
        try:
            return self.fetch(next_url)
        except RobotsUnavailable:
            raise
        except FetchError as exc:
            self.fail(None, f"page {number + 1}: {exc}")
            return None

    def check_totals(self) -> None:
        """Count and uniqueness checks; on a mismatch every page is kept (any may be wrong)."""
        result = self.result
        parsed = len(result.records)
        broken = False
        if result.expected_total is None and result.pages:
            result.problems.append("no hit count was read, so completeness cannot be checked")
            broken = True
        elif result.expected_total is not None and parsed != result.expected_total:
            result.problems.append(
                f"parsed {parsed} entries but the site reports {result.expected_total}"
            )
            broken = True
        counts = Counter(r.source_id for r in result.records)
        duplicates = [sid for sid, n in counts.items() if n > 1]
        if duplicates:
            result.problems.append(
                f"{len(duplicates)} entries listed more than once (e.g. {duplicates[0]}): "
                "the listing shifted during the crawl"
            )
            broken = True
        if broken:
            for page in self.seen:
                self.keep_page(page)


class Crawler:
    """Crawls categories with a fetcher; records pages when given a :class:`Recorder`."""

    def __init__(
        self,
        fetcher: Fetcher,
        settings: Settings,
        *,
        recorder: Recorder | None = None,
        progress: Progress | None = None,
        start_urls: dict[str, str] | None = None,
    ) -> None:
        self.fetcher = fetcher
        self.settings = settings
        self.recorder = recorder
        self.progress = progress or NoProgress()
        self.start_urls = start_urls or {}

    def start_page(self, state: _CategoryCrawl) -> Page:
        """First listing page; after a 404, the category's link on the overview page."""
        category = state.category
        source = self.settings.source(category)
        url = self.start_urls.get(category) or source.listing_url()
        page = state.fetch(url)
        if page.status != 404:
            return page
        title = source.title
        overview_url = source.overview_url()
        overview = state.fetch(overview_url)
        link = None
        if overview.status == 200:
            link = find_category_link(
                overview.content, overview.base_url, title, content_type=overview.content_type
            )
        if link is None:
            raise CategoryNotFound(
                f"category {category!r}: {url} answered 404 and the overview page "
                f"{overview_url} (HTTP {overview.status}) has no link titled {title!r}; "
                f"set ATLAS_SCRAPER_SOURCES (\"{category}\": portal, path) or "
                "ATLAS_SCRAPER_CATEGORY_SLUGS or --base-url"
            )
        query = urlsplit(source.listing_url()).query
        return state.fetch(_with_listing_query(link, query))

    def first_page(self, category: str) -> tuple[Page | None, list[Page], str | None]:
        """The category's first listing page as a crawl starts it (404 → overview page),
        every page fetched on the way, and the error when there is no listing page."""
        state = _CategoryCrawl(self, category)
        try:
            return self.start_page(state), state.seen, None
        except RobotsUnavailable:
            raise
        except (FetchError, CategoryNotFound) as exc:
            return None, state.seen, str(exc)

    def crawl_category(self, category: str) -> tuple[CategoryResult, list[Page]]:
        """Crawl one category; returns its result and the pages to keep (failed ones)."""
        state = _CategoryCrawl(self, category)
        return state.run(), state.keep

    def crawl(self, categories: list[str]) -> RunResult:
        """Crawl the categories in order; the run is ``ok`` only if every one is complete.

        An unreadable robots.txt ends the run at once with one problem: RFC 9309 says
        to treat the host as disallowed, and the next category would only pay the
        same retries to learn the same thing.
        """
        run = RunResult(started_at=now_iso(), base_url=self.settings.BASE_URL)
        for category in categories:
            run.portals[category] = (
                _origin_of(self.start_urls[category]) if category in self.start_urls
                else self.settings.source(category).portal
            )
            try:
                result, keep = self.crawl_category(category)
            except RobotsUnavailable as exc:
                self.progress.close()
                run.problems.append(str(exc))
                break
            run.categories[category] = result
            run.kept_pages += [(page, category) for page in keep]
        run.finished_at = now_iso()
        return run
