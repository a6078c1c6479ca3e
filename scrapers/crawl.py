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

from scrapers.exceptions import CategoryNotFound, FetchError, ParseError
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


def _with_listing_query(url: str, query: str) -> str:
    """A category link from the overview page, pointed at its detail listing."""
    parts = urlsplit(url)
    if parts.query or not query:
        return url
    path = parts.path + ("index.html" if parts.path.endswith("/") else "")
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


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

    # -- fetching -------------------------------------------------------------

    def _fetch(self, url: str, category: str, seen: list[Page]) -> Page:
        page = self.fetcher.get(url)
        if self.recorder is not None:
            self.recorder.save(page, category)
        seen.append(page)
        return page

    def _start_page(self, category: str, seen: list[Page]) -> Page:
        """First listing page; after a 404, the category's link on the overview page."""
        url = self.start_urls.get(category) or self.settings.listing_url(category)
        page = self._fetch(url, category, seen)
        if page.status != 404:
            return page
        title = self.settings.CATEGORY_TITLES[category]
        overview_url = self.settings.overview_url()
        overview = self._fetch(overview_url, category, seen)
        link = None
        if overview.status == 200:
            link = find_category_link(
                overview.content, overview.base_url, title, content_type=overview.content_type
            )
        if link is None:
            raise CategoryNotFound(
                f"category {category!r}: {url} answered 404 and the overview page "
                f"{overview_url} (HTTP {overview.status}) has no link titled {title!r}; "
                "set ATLAS_SCRAPER_CATEGORY_SLUGS or --base-url"
            )
        return self._fetch(_with_listing_query(link, self.settings.LISTING_QUERY), category, seen)

    # -- one category ---------------------------------------------------------

    def crawl_category(self, category: str) -> tuple[CategoryResult, list[Page]]:
        """Crawl one category; returns its result and the pages to keep (failed ones)."""
        result = CategoryResult(category)
        seen: list[Page] = []
        keep: list[Page] = []

        def fail(page: Page | None, message: str) -> None:
            result.problems.append(message)
            if page is not None and page not in keep:
                keep.append(page)
                result.failed_pages.append(page.url)

        try:
            page: Page | None = self._start_page(category, seen)
        except (FetchError, CategoryNotFound) as exc:
            fail(seen[-1] if seen else None, str(exc))
            return result, keep

        visited: set[str] = set()
        seen_content: dict = {}  # content digest / entry ids → page number
        number = 0
        while page is not None:
            number += 1
            where = f"page {number} ({page.url})"
            visited.add(page.url)
            result.pages.append(page.url)
            if page.status != 200:
                fail(page, f"{where}: HTTP {page.status}")
                break
            try:
                listing = parse_listing(
                    page.content, page.base_url, category, content_type=page.content_type
                )
            except ParseError as exc:
                fail(page, f"page {number}: {exc}")
                break
            if number == 1:
                result.expected_total = listing.expected_total
                self.progress.start(category, listing.expected_total)
            elif (
                listing.expected_total is not None
                and listing.expected_total != result.expected_total
            ):
                fail(page, f"{where}: hit count changed from {result.expected_total} "
                           f"to {listing.expected_total} during the crawl")
            for problem in listing.problems:
                fail(page, f"{where}: {problem}")

            # The same page again under another URL: a repeat (previous page) or a loop.
            digest = hashlib.sha1(page.content).hexdigest()
            ids = tuple(r.source_id for r in listing.records)
            earlier = seen_content.get(digest) or (seen_content.get(ids) if ids else None)
            if earlier == number - 1:
                fail(page, f"{where}: repeats the previous page (same entries)")
                break
            if earlier is not None:
                fail(page, f"{where}: pagination loop, same entries as page {earlier}")
                break
            seen_content[digest] = seen_content[ids] = number
            expected = result.expected_total or 0
            if listing.entries_found == 0 and len(result.records) < expected:
                fail(page, f"{where}: empty list although the site reports {expected} hits "
                           f"and only {len(result.records)} were read")
                break
            result.records.extend(listing.records)
            self.progress.page_done(len(listing.records))

            current, page = page, None
            next_url = listing.next_page
            if next_url is None:
                break
            if next_url == current.url and len(result.records) == result.expected_total:
                break  # a last page whose "weiter" points at itself: the list is complete
            if next_url in visited:
                fail(current, f"{where}: pagination loop, next page {next_url} "
                              "was already fetched")
                break
            if number >= self.settings.MAX_PAGES:
                fail(current, f"{where}: stopped after MAX_PAGES={self.settings.MAX_PAGES}")
                break
            try:
                page = self._fetch(next_url, category, seen)
            except FetchError as exc:
                fail(None, f"page {number + 1}: {exc}")
        self.progress.close()
        self._check_totals(result, seen, keep)
        return result, keep

    def _check_totals(self, result: CategoryResult, seen: list[Page], keep: list[Page]) -> None:
        """Count and uniqueness checks; on a mismatch every page is kept (any may be wrong)."""
        parsed = len(result.records)
        mismatch = None
        if result.expected_total is None and result.pages:
            mismatch = "no hit count was read, so completeness cannot be checked"
        elif result.expected_total is not None and parsed != result.expected_total:
            mismatch = (f"parsed {parsed} entries but the site reports "
                        f"{result.expected_total}")
        duplicates = [sid for sid, n in Counter(r.source_id for r in result.records).items()
                      if n > 1]
        if duplicates:
            result.problems.append(
                f"{len(duplicates)} entries listed more than once (e.g. {duplicates[0]}): "
                "the listing shifted during the crawl"
            )
            mismatch = mismatch or "duplicates"
        if mismatch and mismatch != "duplicates":
            result.problems.append(mismatch)
        if mismatch:
            for page in seen:
                if page not in keep:
                    keep.append(page)
                    result.failed_pages.append(page.url)

    # -- a run ----------------------------------------------------------------

    def crawl(self, categories: list[str]) -> RunResult:
        run = RunResult(started_at=now_iso(), base_url=self.settings.BASE_URL)
        for category in categories:
            result, keep = self.crawl_category(category)
            run.categories[category] = result
            run.kept_pages += [(page, category) for page in keep]
        run.finished_at = now_iso()
        return run
