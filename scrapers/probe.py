"""``python -m scrapers probe``: one listing page per category, diagnosed for a maintainer.

The first day against the live site is when the reconstructed markup meets the real
one. The probe asks robots.txt first, fetches each category's first listing page the way
a crawl starts (including the overview-page fallback after a 404), saves what it fetched,
and says what it found: status, the site's total, entries, how often each field was read,
the lines no rule matched, the next page and one parsed entry. Every finding names the
setting or selector to look at. A finding is *fatal* when it would make a full run fail.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from scrapers import normalise as norm
from scrapers import selectors as sel
from scrapers.crawl import Crawler
from scrapers.exceptions import ParseError, RobotsDisallowed, RobotsUnavailable
from scrapers.fetcher import LiveFetcher, Page
from scrapers.parse import ListingPage, decode_page, parse_listing
from scrapers.recording import Recorder
from scrapers.records import Provider
from scrapers.settings import Settings, Source

# Fields whose share of entries the report shows, in the data model's order.
SHARE_FIELDS: tuple[str, ...] = ("name", "operator", "street", "plz", "city", "land_listed",
                                 "phone", "email", "website", "services", "source_url")
# Fields that every listing shows for (nearly) every entry: 0 % means a rule missed them.
EXPECTED_FIELDS: dict[str, str] = {
    "street": "selectors.PLZ_LINE_RE (the street is the line before the PLZ line)",
    "phone": "selectors.PHONE_RE and span.telefon",
    "land_listed": "selectors.LAND_RE",
}
# Which selector a parser problem points at (first matching phrase wins).
PROBLEM_HINTS: tuple[tuple[str, str], ...] = (
    ("no name", "selectors.HEADING_TAGS (name = heading or link before p.kontaktdaten)"),
    ("no PLZ line", "selectors.PLZ_LINE_RE"),
    ("no hit count", "selectors.TOTAL_HINT_XPATH and selectors.TOTAL_RE"),
    ("truncated", "READ_TIMEOUT / the server (the page ended before </html>)"),
    ("declared encoding", "selectors.META_CHARSET_RE / the page's declared charset"),
)
MAX_UNMATCHED_SHOWN = 10


@dataclass
class Finding:
    """One thing the maintainer should know; ``fatal`` when a full run would fail on it."""

    message: str
    look_at: str
    fatal: bool = True


@dataclass
class CategoryProbe:
    """What probing one category found."""

    category: str
    source: Source
    robots: str = "not asked"
    pages: list[Page] = field(default_factory=list)
    page: Page | None = None
    listing: ListingPage | None = None
    saved: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(f.fatal for f in self.findings)

    def fail(self, message: str, look_at: str) -> None:
        self.findings.append(Finding(message, look_at, fatal=True))

    def warn(self, message: str, look_at: str) -> None:
        self.findings.append(Finding(message, look_at, fatal=False))


def field_shares(records: list[Provider]) -> dict[str, float]:
    """Share (0..1) of parsed entries that have each field; the REHADAT id counted apart."""
    if not records:
        return {}
    shares = {name: sum(1 for r in records if getattr(r, name)) / len(records)
              for name in SHARE_FIELDS}
    shares["rehadat_id"] = sum(
        1 for r in records if not r.source_id.startswith("hash:")) / len(records)
    return shares


def plz_containers(content: bytes, content_type: str | None = None) -> Counter:
    """Where the page's PLZ lines sit ('p.anschrift' → 3): the candidates for
    ``selectors.KONTAKTDATEN_XPATH`` when no ``p.kontaktdaten`` was found."""
    text, _ = decode_page(content, content_type)
    found: Counter = Counter()
    try:
        doc = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return found
    for el in doc.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        texts = [el.text] + [child.tail for child in el]
        if any(t and sel.PLZ_LINE_RE.match(norm.clean_text(t)) for t in texts):
            holder = next((a for a in [el, *el.iterancestors()] if a.get("class")), el)
            classes = ".".join((holder.get("class") or "").split())
            found[holder.tag + (f".{classes}" if classes else "")] += 1
    return found


def _no_entries_hint(report: CategoryProbe) -> str:
    """The selector to look at, with where the PLZ lines actually are."""
    hint = "selectors.KONTAKTDATEN_XPATH"
    if report.page is not None:
        where = plz_containers(report.page.content, report.page.content_type)
        if where:
            shown = ", ".join(f"{k} ({n}×)" for k, n in where.most_common(3))
            hint += f" (lines starting with a PLZ are in: {shown})"
    return hint


def _robots_verdict(report: CategoryProbe, fetcher: LiveFetcher, url: str) -> bool:
    """Ask robots.txt before anything else; False when the listing may not be fetched."""
    if fetcher.robots is None:
        report.robots = "not checked (ROBOTSTXT_OBEY is off)"
        report.warn("robots.txt was not asked", "ROBOTSTXT_OBEY (keep it on for real runs)")
        return True
    parts = urlsplit(url)
    robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
    try:
        fetcher.robots.check(url)
    except RobotsDisallowed as exc:
        report.robots = f"DISALLOWED ({robots_url})"
        report.fail(str(exc), f"SOURCES[{report.category!r}] path; or ask REHADAT "
                              "(kontakt@rehadat.de) before fetching")
        return False
    except RobotsUnavailable as exc:
        report.robots = f"UNREACHABLE ({robots_url})"
        report.fail(str(exc), f"BASE_URL / SOURCES[{report.category!r}] portal, the network")
        return False
    status = fetcher.robots.statuses.get(robots_url)
    rules = " (no robots.txt: everything allowed)" if status and 400 <= status < 500 else ""
    report.robots = f"allowed ({robots_url}: HTTP {status}){rules}"
    return True


def _check_listing(report: CategoryProbe, listing: ListingPage) -> None:
    """Findings from the parsed page: what a full crawl would fail on, and what looks off."""
    where = f"SOURCES[{report.category!r}]"
    total = listing.expected_total
    if total is None:
        report.fail("the page states no total ('… Treffer'): completeness cannot be checked",
                    "selectors.TOTAL_HINT_XPATH and selectors.TOTAL_RE")
    if listing.entries_found == 0 and (total or 0) > 0:
        report.fail(f"the site states {total} hits but no entry was found (no p.kontaktdaten)",
                    _no_entries_hint(report))
    for problem in listing.problems:
        if "no hit count" in problem:
            continue  # reported above
        hint = next((h for phrase, h in PROBLEM_HINTS if phrase in problem), "selectors.py")
        report.fail(problem, hint)
    more = total is not None and total > listing.entries_found
    if more and listing.next_page is None:
        report.fail(f"{total} hits but only {listing.entries_found} on this page and no "
                    "next-page link", "selectors.NEXT_HINT_XPATH, selectors.NEXT_TEXT_RE, "
                    "selectors.PAGE_PARAM")
    if total is not None and listing.next_page is None and len(listing.records) != total \
            and not listing.problems:
        report.fail(f"the only page lists {len(listing.records)} entries but the site states "
                    f"{total}", "selectors.KONTAKTDATEN_XPATH and selectors.TOTAL_RE")
    repeated = [sid for sid, n in Counter(r.source_id for r in listing.records).items() if n > 1]
    if repeated:
        report.fail(f"{len(repeated)} entries appear twice on the page (e.g. {repeated[0]})",
                    "selectors.ENTRY_ID_PARAM (ids) and the entry boundaries (ENTRY_TAGS)")
    if listing.next_page and report.page is not None:
        here, there = urlsplit(report.page.base_url).netloc, urlsplit(listing.next_page).netloc
        if here != there:
            report.warn(f"the next page is on another host ({there})", f"{where} portal")
    shares = field_shares(listing.records)
    if shares and shares["rehadat_id"] < 1:
        missing = round((1 - shares["rehadat_id"]) * len(listing.records))
        report.warn(f"{missing} of {len(listing.records)} entries without REHADAT id "
                    "(a hash: id is used; ids are how snapshots are compared)",
                    "selectors.ENTRY_ID_PARAM and selectors.ENTRY_ID_RE")
    for name, hint in EXPECTED_FIELDS.items():
        if shares and shares[name] == 0:
            report.warn(f"no entry has {name}", hint)
    if listing.unmatched:
        report.warn(f"{len(listing.unmatched)} contact lines matched no rule",
                    "selectors.py (add a pattern, or the line is noise)")


def probe_category(
    fetcher: LiveFetcher, settings: Settings, category: str, recorder: Recorder | None = None
) -> CategoryProbe:
    """Robots first, then the first listing page as a crawl starts it, parsed and judged."""
    source = settings.source(category)
    report = CategoryProbe(category, source)
    if not _robots_verdict(report, fetcher, source.listing_url()):
        return report
    crawler = Crawler(fetcher, settings, recorder=recorder)
    page, report.pages, error = crawler.first_page(category)
    if recorder is not None:
        report.saved = [recorder.files.get(id(p), "?") for p in report.pages]
    if error is not None:
        report.fail(error, f"SOURCES[{category!r}] portal and path, CATEGORY_SLUGS")
        return report
    report.page = page
    if len(report.pages) > 1:  # 404 first, found through the overview page
        report.warn(f"{source.listing_url()} answered {report.pages[0].status}; the listing "
                    f"was found on the overview page at {page.url}",
                    f"SOURCES[{category!r}] path (set it to that page's path)")
    if page.status != 200:
        report.fail(f"HTTP {page.status} for {page.url}",
                    f"SOURCES[{category!r}] portal and path")
        return report
    try:
        report.listing = parse_listing(page.content, page.base_url, category,
                                       content_type=page.content_type)
    except ParseError as exc:
        report.fail(str(exc), f"{_no_entries_hint(report)} and selectors.TOTAL_RE; is "
                              f"SOURCES[{category!r}] the listing page?")
        return report
    _check_listing(report, report.listing)
    return report


def _percent(share: float) -> str:
    return f"{round(share * 100)} %"


def render_report(report: CategoryProbe) -> str:
    """The plain-text diagnosis of one category (what the CLI prints)."""
    lines = [f"== {report.category}: {report.source.title} ==",
             f"source:        {report.source.listing_url()}",
             f"robots.txt:    {report.robots}"]
    page, listing = report.page, report.listing
    if page is not None:
        final = page.final_url or page.url
        lines.append(f"HTTP:          {page.status}, final URL {final}")
    if report.saved:
        lines.append(f"saved:         {', '.join(report.saved)}")
    if listing is not None:
        total = "none stated" if listing.expected_total is None else listing.expected_total
        lines += [f"total stated:  {total}",
                  f"entries:       {listing.entries_found} found, "
                  f"{len(listing.records)} parsed"]
        base = {0: "pages count from 0", 1: "pages count from 1"}.get(
            listing.page_base, "page numbering not shown")
        lines.append(f"next page:     {listing.next_page or 'none'} ({base})")
        shares = field_shares(listing.records)
        if shares:
            shown = [f"{name} {_percent(shares[name])}" for name in SHARE_FIELDS]
            shown.append(f"REHADAT id {_percent(shares['rehadat_id'])}")
            lines.append("fields:        " + " · ".join(shown))
        if listing.unmatched:
            lines.append(f"unmatched lines ({len(listing.unmatched)}):")
            lines += [f"  {u}" for u in listing.unmatched[:MAX_UNMATCHED_SHOWN]]
            if len(listing.unmatched) > MAX_UNMATCHED_SHOWN:
                lines.append(f"  … and {len(listing.unmatched) - MAX_UNMATCHED_SHOWN} more")
        else:
            lines.append("unmatched lines: none")
        if listing.records:
            sample = json.dumps(listing.records[0].to_dict(), ensure_ascii=False, indent=2)
            lines.append("sample entry:  " + sample.replace("\n", "\n               "))
    for finding in report.findings:
        kind = "FAIL" if finding.fatal else "warn"
        lines.append(f"{kind}: {finding.message}\n      → look at {finding.look_at}")
    lines.append(f"verdict:       {report.category} " + ("OK" if report.ok else "FAILED"))
    return "\n".join(lines)
