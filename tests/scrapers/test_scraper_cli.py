"""`python -m scrapers` as a user runs it: parse, scrape --out, replay, failures.

`run_cli` runs the command as its own process (`python -m scrapers`): the tests that prove
each command (parse, scrape, replay) runs as a process use it. The other cases are about the
command's behaviour (exit code, stdout, stderr, files, requests) and call the same click
command in this process (`run_cli_here`, the `here` fixture: same environment, same working
directory, its SystemExit read as the exit code), without a Python start-up and the imports
per case."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scrapers.records import Provider
from scrapers.samples import sample_records

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
FAST_ENV = {
    "ATLAS_SCRAPER_RETRY_TIMES": "1",
    "ATLAS_SCRAPER_RETRY_BACKOFF": "0",
    "ATLAS_SCRAPER_RETRY_JITTER": "0",
    "ATLAS_SCRAPER_READ_TIMEOUT": "2",
}


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("ATLAS_SCRAPER_")}
    full_env.update(FAST_ENV)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "scrapers", *args],
        cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120,
    )


def run_cli_here(capsys, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The command in this process, as `run_cli` runs it in another: ATLAS_SCRAPER_* from
    FAST_ENV and `env` only, the project as working directory; stdout and stderr as written.
    An exception the command does not turn into an exit code fails the test."""
    from scrapers.cli import main

    logger = logging.getLogger("scrapers")
    handlers = logger.handlers[:]
    with pytest.MonkeyPatch.context() as patch, contextlib.ExitStack() as stack:
        for name in [k for k in os.environ if k.startswith("ATLAS_SCRAPER_")]:
            patch.delenv(name)
        for name, value in {**FAST_ENV, **(env or {})}.items():
            patch.setenv(name, value)
        patch.chdir(ROOT)
        # the CLI's warning handler writes to the stderr of the moment: this call's
        logger.handlers = []
        stack.callback(setattr, logger, "handlers", handlers)
        capsys.readouterr()
        try:
            main.main(args=list(args), prog_name="python -m scrapers")
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        out, err = capsys.readouterr()
    return subprocess.CompletedProcess(["python", "-m", "scrapers", *args], code, out, err)


@pytest.fixture
def here(capsys):
    """here(*args, env=None): `run_cli_here` with this test's captured output."""
    return lambda *args, env=None: run_cli_here(capsys, *args, env=env)


def read_jsonl(path: Path) -> list[Provider]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Provider.from_dict(json.loads(line)) for line in lines]


def test_parse_prints_records_then_the_total_and_next_page():
    result = run_cli("parse", "--category", "ala", str(FIXTURES / "ala_page1.html"))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    *records, trailer = lines
    assert [r["plz"] for r in records] == ["01067", "09111", "24103", "04109"]
    assert trailer["expected_total"] == 1020
    assert trailer["next_page"].endswith("page=2")
    assert result.stderr == ""


def test_parse_of_keine_treffer_prints_a_zero_total_and_no_next_page(here):
    result = here("parse", "--category", "ib", str(FIXTURES / "keine_treffer.html"))
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"expected_total": 0, "next_page": None}


def test_parse_of_an_error_page_exits_non_zero_with_one_line(here):
    result = here("parse", "--category", "ala", str(FIXTURES / "error_page.html"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "not a listing page" in result.stderr


def test_parse_of_a_page_with_problems_exits_1_and_names_them(here):
    result = here("parse", "--category", "wfbm", str(FIXTURES / "truncated.html"))
    assert result.returncode == 1
    assert "problem: page is truncated" in result.stderr
    assert "problem: entry 2 ('Werkstatt Am Berg')" in result.stderr


def test_scrape_writes_out_and_a_replay_of_the_recording_gives_the_same_records(site, tmp_path):
    expected = sample_records("ala", 47, seed=3, base_url=site.base_url)
    site.add_category("ala", expected)
    out, rec = tmp_path / "live.jsonl", tmp_path / "rec"
    result = run_cli("scrape", "--category", "ala", "--base-url", site.base_url,
                     "--delay", "0", "--save-pages", str(rec), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "ala: 47 of 47 entries from 3 pages - complete" in result.stderr
    assert read_jsonl(out) == expected
    run_meta = json.loads((rec / "run.json").read_text())
    assert run_meta["origin"] == "live" and run_meta["base_url"] == site.base_url
    assert run_meta["taken_at"] == run_meta["started_at"]
    index = [json.loads(line) for line in (rec / "index.jsonl").read_text().splitlines()]
    assert [e["file"] for e in index] == ["ala/0001.html", "ala/0002.html", "ala/0003.html"]
    assert all(e["status"] == 200 and e["category"] == "ala" for e in index)

    hits_before = len(site.hits)
    replayed = tmp_path / "replay.jsonl"
    result = run_cli("replay", str(rec), "--out", str(replayed))
    assert result.returncode == 0, result.stderr
    assert read_jsonl(replayed) == expected
    assert len(site.hits) == hits_before  # offline: no request reached the server


def test_a_failed_scrape_writes_nothing_and_keeps_the_pages_in_a_named_dir(here, site, tmp_path):
    site.add_category("ala", sample_records("ala", 45, base_url=site.base_url), total=50)
    out = tmp_path / "out" / "records.jsonl"
    out.parent.mkdir()
    failures = tmp_path / "failures"
    result = here("scrape", "--category", "ala", "--base-url", site.base_url,
                     "--delay", "0", "--out", str(out),
                     env={"ATLAS_SCRAPER_FAILURE_DIR": str(failures)})
    assert result.returncode == 1
    assert "parsed 45 entries but the site reports 50" in result.stderr
    assert "nothing written" in result.stderr
    assert not out.exists()
    assert list(out.parent.iterdir()) == []  # no temp file left behind
    [kept] = list(failures.iterdir())
    assert str(kept) in result.stderr
    assert len((kept / "index.jsonl").read_text().splitlines()) == 3
    assert (kept / "ala" / "0003.html").read_bytes().startswith(b"<!DOCTYPE html>")


def test_a_failed_scrape_with_save_pages_names_the_failed_pages_there(here, site, tmp_path):
    pages = site.add_category("ala", sample_records("ala", 50, base_url=site.base_url))
    site.pages["andere-leistungsanbieter"][1] = pages[1][:2000]
    rec, out = tmp_path / "rec", tmp_path / "out.jsonl"
    result = here("scrape", "--category", "ala", "--base-url", site.base_url,
                     "--delay", "0", "--save-pages", str(rec), "--out", str(out))
    assert result.returncode == 1
    assert "truncated" in result.stderr
    assert f"failed pages kept in {rec}: ala/0002.html" in result.stderr
    assert not out.exists()
    assert json.loads((rec / "run.json").read_text())["ok"] is False


def test_an_unknown_environment_setting_stops_the_cli_with_one_line(here, tmp_path):
    result = here("scrape", "--out", str(tmp_path / "x.jsonl"),
                     env={"ATLAS_SCRAPER_DELAY": "0"})
    assert result.returncode == 2
    assert "unknown environment setting ATLAS_SCRAPER_DELAY" in result.stderr
    assert "Traceback" not in result.stderr


def test_replay_of_a_directory_that_is_not_a_recording_says_so(here, tmp_path):
    result = here("replay", str(tmp_path))
    assert result.returncode == 2
    assert "not a recording (no index.jsonl)" in result.stderr
    assert "Traceback" not in result.stderr


def test_db_gets_a_snapshot_only_from_a_complete_run_with_the_right_origin(here, site, tmp_path):
    import store

    db = tmp_path / "atlas.sqlite"
    url = f"sqlite:///{db}"
    site.add_category("ala", sample_records("ala", 30, base_url=site.base_url), total=31)
    failed = here("scrape", "--category", "ala", "--base-url", site.base_url, "--delay", "0",
                     "--db", url, env={"ATLAS_SCRAPER_FAILURE_DIR": str(tmp_path / "f")})
    assert failed.returncode == 1
    assert not db.exists()  # a failed run never touches the store

    site.add_category("ala", sample_records("ala", 30, base_url=site.base_url))
    rec = tmp_path / "rec"
    ok = here("scrape", "--category", "ala", "--base-url", site.base_url, "--delay", "0",
                 "--db", url, "--save-pages", str(rec))
    assert ok.returncode == 0, ok.stderr
    meta = json.loads((rec / "run.json").read_text())
    meta.update(origin="demo", taken_at="2024-06-30T00:00:00+00:00")
    (rec / "run.json").write_text(json.dumps(meta))
    replayed = here("replay", str(rec), "--db", url)
    assert replayed.returncode == 0, replayed.stderr

    snapshots = store.list_snapshots(store.connect(url)).sort_values("id")
    assert list(snapshots["origin"]) == ["live", "demo"]
    assert list(snapshots["parsed_ala"]) == [30, 30]
    assert str(snapshots["taken_at"].iloc[1]).startswith("2024-06-30")


def test_a_second_scrape_with_cache_dir_revalidates_and_records_the_304s(here, site, tmp_path):
    expected = sample_records("ala", 47, seed=3, base_url=site.base_url)
    site.add_category("ala", expected)
    site.etags = True
    cache = tmp_path / "cache"
    args = ("scrape", "--category", "ala", "--base-url", site.base_url, "--delay", "0",
            "--cache-dir", str(cache))
    first = here(*args, "--out", str(tmp_path / "first.jsonl"))
    assert first.returncode == 0, first.stderr
    assert f"HTTP cache {cache}: 0 pages not modified (304), 3 stored" in first.stderr
    rec = tmp_path / "rec"
    second = here(*args, "--out", str(tmp_path / "second.jsonl"), "--save-pages", str(rec))
    assert second.returncode == 0, second.stderr
    assert f"HTTP cache {cache}: 3 pages not modified (304), 0 stored" in second.stderr
    assert read_jsonl(tmp_path / "second.jsonl") == read_jsonl(tmp_path / "first.jsonl")
    index = [json.loads(line) for line in (rec / "index.jsonl").read_text().splitlines()]
    assert [(e["status"], e["http_status"]) for e in index] == [(200, 304)] * 3
    replayed = here("replay", str(rec), "--out", str(tmp_path / "replayed.jsonl"))
    assert replayed.returncode == 0, replayed.stderr
    assert read_jsonl(tmp_path / "replayed.jsonl") == expected

    [entry] = list(cache.iterdir())[:1]
    entry.write_bytes(b"garbage")
    damaged = here(*args)
    assert damaged.returncode == 0, damaged.stderr
    assert f"warning: HTTP cache: entry {entry} for " in damaged.stderr
    assert "2 pages not modified (304), 1 stored, 1 damaged entries discarded" in damaged.stderr


def test_no_cache_sends_no_validators_and_the_environment_names_the_cache(here, site, tmp_path):
    site.add_category("ala", sample_records("ala", 10, base_url=site.base_url))
    site.etags = True
    cache = tmp_path / "env-cache"
    env = {"ATLAS_SCRAPER_HTTP_CACHE_DIR": str(cache)}
    base = ("scrape", "--category", "ala", "--base-url", site.base_url, "--delay", "0")
    assert here(*base, env=env).returncode == 0
    assert len(list(cache.iterdir())) == 1
    result = here(*base, "--no-cache", env=env)
    assert result.returncode == 0, result.stderr
    assert "HTTP cache" not in result.stderr
    assert "If-None-Match" not in site.hits[-1].headers and site.hits[-1].status == 200
    both = here(*base, "--no-cache", "--cache-dir", str(cache))
    assert both.returncode == 2 and "contradict" in both.stderr


def test_a_robots_txt_server_error_fails_the_scrape_once_naming_the_robots_url(
    here, site, tmp_path
):
    for category in ("ala", "wfbm", "ib"):
        site.add_category(category, sample_records(category, 5, base_url=site.base_url))
    site.robots_status = 503
    result = here("scrape", "--base-url", site.base_url, "--delay", "0",
                     "--out", str(tmp_path / "x.jsonl"), "--no-cache")
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith("problem:")]
    assert problems == [
        f"problem: {site.base_url}/robots.txt could not be fetched (HTTP 503 after retries); "
        "per RFC 9309 an unreachable robots.txt means every URL of the host is assumed "
        "disallowed, so the run stopped before any further request. Try again later."
    ]
    assert "run FAILED" in result.stderr and "Traceback" not in result.stderr
    assert len(site.robots_hits()) == 2  # RETRY_TIMES=1 here: one try, one retry, once
    assert [h.path for h in site.hits] == ["/robots.txt"] * 2
