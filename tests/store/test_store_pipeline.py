"""The ingest pipeline: a complete run becomes one geocoded snapshot; a failed run, even one
killed mid-way, leaves the store exactly as it was."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from werkzeug import Request, Response

import store
from scrapers.crawl import CategoryResult, RunResult
from scrapers.pipeline import IngestError, ingest_run
from scrapers.records import Provider
from scrapers.render import page_url, render_listing_page
from scrapers.settings import Settings
from tests.quick_server import QuickHTTPServer

REPO = Path(__file__).resolve().parents[2]
FAST_ENV = {
    "ATLAS_SCRAPER_RETRY_TIMES": "0",
    "ATLAS_SCRAPER_RETRY_BACKOFF": "0",
    "ATLAS_SCRAPER_RETRY_JITTER": "0",
    "ATLAS_SCRAPER_DOWNLOAD_DELAY": "0",
    "ATLAS_SCRAPER_READ_TIMEOUT": "60",
}


def _provider(source_id: str, plz: str, city: str, category: str = "ala", **kw) -> Provider:
    return Provider(category=category, source_id=source_id, name=f"Beispiel-{source_id}",
                    plz=plz, city=city, street="Hauptstraße 1", **kw)


def _run(records: list[Provider], expected: dict[str, int] | None = None) -> RunResult:
    run = RunResult(started_at="2022-12-01T06:00:00+00:00",
                    finished_at="2022-12-01T06:05:00+00:00", base_url="https://example.invalid")
    for category in sorted({r.category for r in records} | set(expected or {})):
        mine = [r for r in records if r.category == category]
        total = (expected or {}).get(category, len(mine))
        run.categories[category] = CategoryResult(category, total, mine, ["p1"], [])
    return run


def test_a_complete_run_becomes_one_geocoded_snapshot(engine):
    run = _run([
        _provider("ADR1", "01067", "Dresden"),
        _provider("ADR2", "80331", "München", services=("Arbeitsbereich",)),
        _provider("ADR3", "99999", "Nirgendwo", category="wfbm"),  # no such PLZ
    ])
    snapshot_id = ingest_run(run, engine, "live", "2022-12-01T06:00:00+00:00")
    snapshot = store.get_snapshot(engine, snapshot_id)
    assert snapshot["origin"] == "live"
    assert snapshot["taken_at"] == "2022-12-01T06:00:00Z"
    assert snapshot["counts"] == {"ala": {"expected": 2, "parsed": 2},
                                  "wfbm": {"expected": 1, "parsed": 1}}
    assert snapshot["parser_version"]
    rows = store.load_providers(engine, snapshot_id).set_index("source_id")
    assert rows.loc["ADR1", "kreis_ars"] == "14612"
    assert rows.loc["ADR1", "land_code"] == "14"
    assert rows.loc["ADR1", "geocode_quality"] == "gemeinde"
    assert rows.loc["ADR2", "kreis_ars"] == "09162"
    assert rows.loc["ADR2", "services"] == ["Arbeitsbereich"]
    assert rows.loc["ADR3", "geocode_quality"] == "none"
    report = store.quality_report(engine, snapshot_id)
    assert report["categories"]["wfbm"]["geocode_quality"]["none"] == 1
    assert [e["source_id"] for e in report["not_gemeinde"]] == ["ADR3"]
    assert report["not_gemeinde"][0]["geocode_note"]


@pytest.mark.parametrize(
    ("records", "expected", "message"),
    [
        ([_provider("ADR1", "01067", "Dresden")], {"ala": 2}, "parsed 1 entries, the site says 2"),
        ([_provider("ADR1", "01067", "Dresden"), _provider("ADR1", "01067", "Dresden")], None,
         "listed twice"),
        ([_provider("ADR1", "", "Dresden")], None, "without name or PLZ"),
        ([], {}, "covered no category"),
    ],
)
def test_a_failed_run_writes_nothing(engine, write, make_provider, dump, records, expected,
                                     message):
    write(engine, [make_provider("A1")])
    before = dump(engine)
    with pytest.raises(IngestError, match=message):
        ingest_run(_run(records, expected), engine, "live", "2022-12-01")
    assert dump(engine) == before
    assert store.served_snapshot(engine)["origin"] == "live"


def test_a_run_the_crawl_marked_as_broken_is_not_stored(engine, dump):
    run = _run([_provider("ADR1", "01067", "Dresden")])
    run.categories["ala"].problems.append("page 2: HTTP 500")
    before = dump(engine)
    with pytest.raises(IngestError, match="page 2: HTTP 500"):
        ingest_run(run, engine, "live", "2022-12-01")
    assert dump(engine) == before


# --- the CLI against a loopback site ------------------------------------------------------


class _Site:
    """A tiny REHADAT on loopback: aLA listing pages, and page 2 may hang or lie."""

    def __init__(self, server: QuickHTTPServer, records: list[Provider], total: int) -> None:
        self.base = server.url_for("/").rstrip("/")
        self.release = threading.Event()
        self.hung = threading.Event()
        self.hang_page: int | None = None
        url2 = page_url(self.base, "ala", 2)
        self.pages = [
            render_listing_page(records[:2], total=total, next_url=url2),
            render_listing_page(records[2:], total=total, next_url=None),
        ]
        server.expect_request(re.compile(".*")).respond_with_handler(self.handle)

    def handle(self, request: Request) -> Response:
        if request.path == "/robots.txt":
            return Response("User-agent: *\nAllow: /\n", mimetype="text/plain")
        number = int(request.args.get("page", "1"))
        if number == self.hang_page:
            self.hung.set()
            self.release.wait(30)  # the scraper is killed while it waits here
        if 1 <= number <= len(self.pages):
            return Response(self.pages[number - 1], content_type="text/html; charset=utf-8")
        return Response("not found", status=404)


@pytest.fixture
def loopback():
    server = QuickHTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    sites: list[_Site] = []

    def make(records: list[Provider], total: int) -> _Site:
        site = _Site(server, records, total)
        sites.append(site)
        return site

    yield make
    for site in sites:
        site.release.set()
    server.clear()
    server.stop()


RECORDS = [_provider(f"ADR{i}", "01067", "Dresden") for i in range(1, 4)]


def _scrape_command(site: _Site, db_url: str, tmp_path: Path) -> tuple[list[str], dict]:
    env = {**os.environ, **FAST_ENV, "ATLAS_SCRAPER_FAILURE_DIR": str(tmp_path / "failed"),
           "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "scrapers", "scrape", "--category", "ala",
               "--base-url", site.base, "--delay", "0", "--db", db_url]
    return command, env


def test_the_cli_stores_a_complete_scrape(loopback, engine, db_url, tmp_path):
    site = loopback(RECORDS, total=3)
    command, env = _scrape_command(site, db_url, tmp_path)
    done = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    snapshot = store.served_snapshot(engine)
    assert snapshot["origin"] == "live"
    assert snapshot["counts"] == {"ala": {"expected": 3, "parsed": 3}}
    assert Settings(BASE_URL=site.base).BASE_URL in snapshot["source"]


def _scrape_here(command: list[str], env: dict, capsys, monkeypatch) -> tuple[int, str]:
    """The scrape command of `_scrape_command` in this process (the CLI's click command, its
    environment and working directory): exit code and stderr. An exception the command does
    not turn into an exit code fails the test, as a traceback would."""
    import logging

    from scrapers.cli import main

    for name, value in env.items():
        if name.startswith("ATLAS_SCRAPER_"):
            monkeypatch.setenv(name, value)
    monkeypatch.chdir(REPO)
    logger = logging.getLogger("scrapers")  # the CLI's warning handler: this test's stderr
    monkeypatch.setattr(logger, "handlers", [])
    capsys.readouterr()
    try:
        main.main(args=command[command.index("scrapers") + 1:], prog_name="python -m scrapers")
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    return code, capsys.readouterr().err


def test_a_scrape_whose_count_does_not_match_leaves_the_store_as_it_was(
    loopback, engine, db_url, tmp_path, write, make_provider, dump, capsys, monkeypatch
):
    # the command's behaviour, in this process (the test above runs it as a process)
    write(engine, [make_provider("A1")])
    before = dump(engine)
    site = loopback(RECORDS, total=4)  # the site claims 4, lists 3
    command, env = _scrape_command(site, db_url, tmp_path)
    code, stderr = _scrape_here(command, env, capsys, monkeypatch)
    assert code != 0
    assert "Traceback" not in stderr
    assert "run FAILED" in stderr
    assert dump(engine) == before


def test_a_scrape_killed_mid_run_leaves_the_store_as_it_was(
    loopback, engine, db_url, tmp_path, write, make_provider, dump
):
    write(engine, [make_provider("A1")])
    before = dump(engine)
    site = loopback(RECORDS, total=3)
    site.hang_page = 2
    command, env = _scrape_command(site, db_url, tmp_path)
    process = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        assert site.hung.wait(60), "the scraper never asked for page 2"
        process.send_signal(signal.SIGKILL)
        assert process.wait(30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
    assert dump(engine) == before


_KILLED_IN_WRITE = """
import sys, time
import pandas as pd
from sqlalchemy import event
import store
engine = store.connect(sys.argv[1])

@event.listens_for(engine, "before_cursor_execute")
def _pause(conn, cursor, statement, parameters, context, executemany):
    if statement.startswith("INSERT INTO providers"):
        print("inside the transaction", flush=True)
        time.sleep(60)

rows = [dict(category="ala", source_id=f"K{i}", name="Beispiel", plz="01067",
             geocode_quality="none", services=[]) for i in range(100)]
store.write_snapshot(engine, {"taken_at": "2023-01-01", "origin": "live",
                              "categories": {"ala": 100}}, pd.DataFrame(rows), {})
"""


def test_a_process_killed_inside_the_write_transaction_leaves_nothing(
    engine, db_url, write, make_provider, dump
):
    write(engine, [make_provider("A1")])
    before = dump(engine)
    process = subprocess.Popen([sys.executable, "-c", _KILLED_IN_WRITE, db_url], cwd=REPO,
                               stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert process.stdout.readline().strip() == "inside the transaction"
        time.sleep(0.2)
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    finally:
        if process.poll() is None:
            process.kill()
    fresh = store.connect(db_url)
    assert dump(fresh) == before
    if fresh.dialect.name == "sqlite":  # PostgreSQL rolls back a lost session by itself
        with fresh.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
