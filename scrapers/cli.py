"""``python -m scrapers scrape|replay|parse|settings``: the command line (click).

A run's records are written (``--out``, ``--db``) only when the run is complete;
a failed run names what failed, keeps the failed pages and exits 1. Errors are one
line on stderr, never a stack trace.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import click

from scrapers.crawl import Crawler, RunResult
from scrapers.exceptions import ParseError, ScraperError, StoreUnavailable
from scrapers.fetcher import LiveFetcher, RecordedFetcher, load_run_meta, now_iso
from scrapers.http_cache import HttpCache
from scrapers.parse import parse_listing
from scrapers.progress import Progress
from scrapers.recording import Recorder, save_pages
from scrapers.records import CATEGORIES
from scrapers.settings import describe, from_env

PROJECT_ROOT = Path(__file__).resolve().parent.parent
EXIT_FAILED_RUN = 1
EXIT_ERROR = 2


class CliError(click.ClickException):
    """One line on stderr and exit 2: an error outside the crawl (bad setting, bad DIR…)."""

    exit_code = EXIT_ERROR


def write_records_atomically(run: RunResult, out: Path) -> None:
    """JSON lines of records into ``out`` via a temp file in the same dir + rename."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for record in run.records:
                handle.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def ingest(run: RunResult, db_url: str, origin: str, taken_at: str) -> int:
    """Hand a complete run to the store (imported lazily: the store part may be absent)."""
    try:
        import store
        from scrapers.pipeline import ingest_run
    except ImportError as exc:
        raise StoreUnavailable(
            f"--db needs scrapers.pipeline and store, which cannot be imported ({exc})"
        ) from exc
    engine = store.connect(db_url)
    return ingest_run(run, engine, origin, taken_at)


def _run_meta(run: RunResult, origin: str) -> dict:
    return {
        "taken_at": run.started_at,  # the data is as of when it was fetched
        "started_at": run.started_at,
        "finished_at": run.finished_at,
        "base_url": run.base_url,
        "portals": run.portals,
        "origin": origin,
        "ok": run.ok,
        "counts": {
            c.category: {"expected_total": c.expected_total, "parsed": len(c.records)}
            for c in run.categories.values()
        },
        "problems": run.all_problems(),
    }


def finish_run(
    run: RunResult,
    *,
    out: Path | None,
    db: str | None,
    origin: str,
    taken_at: str,
    recorder: Recorder | None,
    failure_root: str,
) -> None:
    """Report; on success write outputs, on failure keep pages and exit 1."""
    if run.categories:  # a run stopped at robots.txt has none to sum up
        click.echo(run.summary(), err=True)
    if not run.ok:
        for problem in run.all_problems():
            click.echo(f"problem: {problem}", err=True)
        click.echo(_keep_failed_pages(run, recorder, failure_root, origin), err=True)
        click.echo("run FAILED: nothing written to --out or --db", err=True)
        sys.exit(EXIT_FAILED_RUN)
    if out is not None:
        write_records_atomically(run, out)
        click.echo(f"wrote {len(run.records)} records to {out}", err=True)
    if db is not None:
        snapshot_id = ingest(run, db, origin, taken_at)
        click.echo(f"stored snapshot {snapshot_id} ({origin})", err=True)


def _keep_failed_pages(
    run: RunResult, recorder: Recorder | None, failure_root: str, origin: str
) -> str:
    """Make sure the failed pages are on disk; returns the line that says where."""
    if not run.kept_pages:
        return "no page was fetched, so none was kept"
    if recorder is not None:  # already saved with every other page
        names = [recorder.files.get(id(page), page.url) for page, _ in run.kept_pages]
        return f"failed pages kept in {recorder.directory}: {', '.join(names)}"
    root = _project_path(failure_root)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    where = root / f"run-{stamp}-{os.getpid()}"
    save_pages(where, run.kept_pages, _run_meta(run, origin))
    names = [f"{c}/{i:04d}.html" for c, i in _numbering(run)]
    return f"failed pages kept in {where}: {', '.join(names)}"


def _numbering(run: RunResult) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    out = []
    for _, category in run.kept_pages:
        counts[category] = counts.get(category, 0) + 1
        out.append((category, counts[category]))
    return out


def _project_path(path: str) -> Path:
    """A setting's path; relative ones live beside the store's data/, wherever we started."""
    resolved = Path(path)
    return resolved if resolved.is_absolute() else PROJECT_ROOT / resolved


def _http_cache(directory: str) -> HttpCache | None:
    return HttpCache(_project_path(directory)) if directory else None


def _cache_line(cache: HttpCache) -> str:
    stats = cache.stats
    line = (f"HTTP cache {cache.directory}: {stats.not_modified} pages not modified (304), "
            f"{stats.stored} stored")
    if stats.dropped:
        line += f", {stats.dropped} damaged entries discarded (those pages fetched in full)"
    return line


def _categories(choice: str) -> list[str]:
    return list(CATEGORIES) if choice == "all" else [choice]


def _log_warnings_to_stderr() -> None:
    """Our own warnings (e.g. a damaged HTTP cache entry) as one plain line on stderr.

    Only the ``scrapers`` loggers: urllib3's retry chatter stays as quiet as before.
    """
    logger = logging.getLogger("scrapers")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("warning: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)


@click.group()
def main() -> None:
    """aLA-Atlas scraper for REHADAT-Adressen (ala, wfbm, ib)."""
    _log_warnings_to_stderr()


@main.command()
@click.option("--category", type=click.Choice([*CATEGORIES, "all"]), default="all",
              show_default=True)
@click.option("--save-pages", type=click.Path(file_okay=False, path_type=Path),
              help="Record every fetched page (index.jsonl + run.json + page files).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write records as JSON lines (only when the run is complete).")
@click.option("--db", "db_url", help="Store a complete run as a snapshot (SQLAlchemy URL).")
@click.option("--base-url", help="Site root (default from settings / ATLAS_SCRAPER_BASE_URL).")
@click.option("--delay", type=float, help="Seconds between requests (default 1).")
@click.option("--cache-dir", help="HTTP validator cache for conditional re-fetches "
              "(default data/http-cache, or ATLAS_SCRAPER_HTTP_CACHE_DIR).")
@click.option("--no-cache", is_flag=True, help="Fetch every page in full; no HTTP cache.")
def scrape(category, save_pages, out, db_url, base_url, delay, cache_dir, no_cache) -> None:
    """Scrape REHADAT live (politely) into records."""
    try:
        if no_cache and cache_dir:
            raise CliError("--cache-dir and --no-cache contradict each other; give one")
        if cache_dir:
            cache_dir = str(Path(cache_dir).resolve())  # a flag is relative to where we are
        settings = from_env().replace(BASE_URL=base_url, DOWNLOAD_DELAY=delay,
                                      HTTP_CACHE_DIR="" if no_cache else cache_dir)
        recorder = Recorder(save_pages) if save_pages else None
        cache = _http_cache(settings.HTTP_CACHE_DIR)
        fetcher = LiveFetcher(settings, cache=cache)
        crawler = Crawler(fetcher, settings, recorder=recorder, progress=Progress())
        run = crawler.crawl(_categories(category))
        if cache is not None:
            click.echo(_cache_line(cache), err=True)
        if recorder is not None:
            recorder.write_run(_run_meta(run, "live"))
        finish_run(run, out=out, db=db_url, origin="live", taken_at=run.started_at,
                   recorder=recorder, failure_root=settings.FAILURE_DIR)
    except ScraperError as exc:
        raise CliError(str(exc)) from exc


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--category", type=click.Choice([*CATEGORIES, "all"]), default="all",
              show_default=True, help="Replay only this category (default: all recorded).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--db", "db_url")
def replay(directory, category, out, db_url) -> None:
    """Run the same crawl over a recording, offline."""
    try:
        meta = load_run_meta(directory)
        fetcher = RecordedFetcher(directory)
        starts = fetcher.start_urls()
        settings = from_env().replace(BASE_URL=meta.get("base_url"))
        chosen = list(starts) if category == "all" else [category]
        missing = [c for c in chosen if c not in starts]
        if missing:
            raise CliError(f"{directory} has no pages for {', '.join(missing)}")
        crawler = Crawler(fetcher, settings, progress=Progress(), start_urls=starts)
        run = crawler.crawl(chosen)
        origin = "demo" if meta.get("origin") == "demo" else "replay"
        finish_run(run, out=out, db=db_url, origin=origin,
                   taken_at=meta.get("taken_at") or meta.get("started_at") or run.started_at,
                   recorder=None, failure_root=settings.FAILURE_DIR)
    except ScraperError as exc:
        raise CliError(str(exc)) from exc


@main.command()
@click.option("--category", type=click.Choice(CATEGORIES), required=True)
@click.option("--url", default=None, help="URL the page came from (for relative links); "
              "default: the category's configured listing URL on its portal.")
@click.argument("page", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def parse(category, url, page) -> None:
    """Parse one saved page: JSON lines of records, then expected_total and next_page.

    A page whose origin is not given is taken to come from the category's configured
    portal, so its relative links (record ids, source links) resolve as on the live site.
    Exit 0 when the page parses cleanly; 1 when it parses but has problems (each
    named on stderr, e.g. an entry without PLZ or a truncated page); 2 when it is
    not a listing page at all.
    """
    try:
        url = url or from_env().listing_url(category)
    except ScraperError as exc:
        raise CliError(str(exc)) from exc
    try:
        listing = parse_listing(page.read_bytes(), url, category)
    except ParseError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    for record in listing.records:
        click.echo(json.dumps(record.to_dict(), ensure_ascii=False))
    click.echo(json.dumps({"expected_total": listing.expected_total,
                           "next_page": listing.next_page}))
    for problem in listing.problems:
        click.echo(f"problem: {problem}", err=True)
    if listing.problems:
        sys.exit(EXIT_FAILED_RUN)


@main.command()
@click.option("--category", type=click.Choice([*CATEGORIES, "all"]), default="all",
              show_default=True)
@click.option("--base-url", help="Site root (default from settings / ATLAS_SCRAPER_BASE_URL).")
@click.option("--delay", type=float, help="Seconds between requests (default 1).")
@click.option("--save-pages", type=click.Path(file_okay=False, path_type=Path),
              help="Where the fetched pages go (default data/probe/probe-<time>/).")
def probe(category, base_url, delay, save_pages) -> None:
    """Fetch each category's first listing page (robots.txt first) and diagnose it.

    Exit 0 when a full run would get past every first page; 1 when something would make
    it fail (each finding names the setting or selector to look at); 2 on a bad setting.
    """
    from scrapers.probe import probe_category, render_report

    try:
        settings = from_env().replace(BASE_URL=base_url, DOWNLOAD_DELAY=delay)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        directory = save_pages or _project_path("data/probe") / f"probe-{stamp}"
        recorder = Recorder(directory)
        fetcher = LiveFetcher(settings, cache=None)  # the probe wants what the site says now
        reports = []
        started = now_iso()
        for name in _categories(category):
            reports.append(probe_category(fetcher, settings, name, recorder))
            click.echo(render_report(reports[-1]) + "\n")
        recorder.write_run({"started_at": started, "finished_at": now_iso(),
                            "base_url": settings.BASE_URL, "origin": "probe",
                            "ok": all(r.ok for r in reports)})
    except ScraperError as exc:
        raise CliError(str(exc)) from exc
    failed = [r.category for r in reports if not r.ok]
    click.echo(f"pages saved in {directory}")
    if failed:
        click.echo(f"probe FAILED for {', '.join(failed)}: a full run would fail; "
                   "see the FAIL lines above")
        sys.exit(EXIT_FAILED_RUN)
    click.echo(f"probe OK: {len(reports)} categories would start cleanly")


def _column_overrides(pairs: tuple[str, ...]) -> dict[str, str]:
    overrides = {}
    for pair in pairs:
        name, sep, header = pair.partition("=")
        if not sep or not name.strip() or not header.strip():
            raise CliError(f"--column {pair!r}: write FIELD=HEADER, e.g. name=Einrichtung")
        overrides[name.strip()] = header.strip()
    return overrides


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--category", type=click.Choice(CATEGORIES), required=True)
@click.option("--source", "source_name", required=True,
              help="Name of the list, shown as its source (e.g. \"BAG WfbM Mitglieder\").")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), required=True,
              help="Date the list describes (YYYY-MM-DD).")
@click.option("--source-url", help="Where the list can be found.")
@click.option("--column", "columns", multiple=True, metavar="FIELD=HEADER",
              help="Take FIELD from the column HEADER (repeatable); fields: name, operator, "
                   "street, house_number, plz, city, plz_city, phone, email, website, "
                   "services, land_listed, source_id.")
@click.option("--skip-invalid", is_flag=True,
              help="Store the valid rows and leave the invalid ones out (they are listed).")
@click.option("--db", "db_url", help="Store URL (default DATABASE_URL or data/atlas.sqlite).")
def import_list(file, category, source_name, as_of, source_url, columns, skip_invalid,
                db_url) -> None:
    """Import another list (CSV or XLSX) as a snapshot of its own source.

    Exit 0 when stored; 1 when rows are invalid and --skip-invalid was not given (each
    named by line, nothing stored); 2 for an unreadable file or a bad option.
    """
    from scrapers.importer import geocode_checked, quality_counts, read_list, store_import

    if not source_name.strip():
        raise CliError("--source must name the list")
    try:
        result = read_list(file, category, _column_overrides(columns))
        click.echo(f"read {file}: {result.description}, header on line {result.header_line}")
        click.echo("columns: " + ", ".join(f"{f} ← {h!r}" for f, h in result.columns.items()))
        if result.ignored:
            click.echo("ignored columns: " + ", ".join(repr(h) for h in result.ignored))
        for note in result.notes:
            click.echo(f"note: {note}")
        located = geocode_checked(result)
        click.echo(f"rows: {len(result.records) + len(result.invalid)} read, "
                   f"{len(result.records)} valid, {len(result.invalid)} invalid")
        for problem in sorted(result.invalid, key=_line_number):
            click.echo(f"invalid: {problem}")
        if result.invalid and not skip_invalid:
            click.echo("import refused: fix the rows above or pass --skip-invalid; "
                       "nothing stored", err=True)
            sys.exit(EXIT_FAILED_RUN)
        if not result.records:
            raise CliError("no valid row to store")
        import store

        engine = store.connect(db_url)
        snapshot_id = store_import(engine, file, result, located, category=category,
                                   source=source_name.strip(),
                                   as_of=as_of.date().isoformat(), source_url=source_url)
    except ScraperError as exc:
        raise CliError(str(exc)) from exc
    click.echo(f"stored snapshot {snapshot_id} (import {source_name.strip()!r}, as of "
               f"{as_of.date().isoformat()}): {len(result.records)} {category}, placed by "
               f"{quality_counts(located)}")


def _line_number(problem: str) -> int:
    digits = problem.split(" ", 2)[1].rstrip(":")
    return int(digits) if digits.isdigit() else 0


@main.command("settings")
def show_settings() -> None:
    """List every setting with its current value and what it does."""
    try:
        current = from_env()
    except ScraperError as exc:
        raise CliError(str(exc)) from exc
    for name, help_text in describe().items():
        click.echo(f"{name} = {getattr(current, name)!r}\n    {help_text}")
    for category in CATEGORIES:  # what the sources resolve to
        click.echo(f"source {category}: {current.source(category).listing_url()}")


if __name__ == "__main__":  # pragma: no cover
    main()
