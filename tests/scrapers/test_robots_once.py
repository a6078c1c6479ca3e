"""robots.txt over loopback: read once per run; RFC 9309 for 4xx (allowed) and 5xx or silence."""

from __future__ import annotations

import socket

import pytest

from scrapers.crawl import Crawler
from scrapers.fetcher import LiveFetcher
from scrapers.samples import sample_records
from scrapers.settings import Settings

ALL = ["ala", "wfbm", "ib"]


def crawl(settings, categories=ALL):
    return Crawler(LiveFetcher(settings), settings).crawl(list(categories))


@pytest.fixture
def three(site):
    expected = {}
    for n, category in enumerate(ALL):
        expected[category] = sample_records(category, 25 + n, seed=5, base_url=site.base_url)
        site.add_category(category, expected[category], per_page=20)
    return expected


def test_robots_txt_is_requested_once_for_three_categories(site, fast_settings, three):
    run = crawl(fast_settings)
    assert run.ok, run.all_problems()
    assert {c: r.records for c, r in run.categories.items()} == three
    assert len(site.robots_hits()) == 1
    assert site.hits[0].path == "/robots.txt"
    assert len(site.hits) == 1 + 3 * 2  # robots.txt + two pages per category


@pytest.mark.parametrize("status", [404, 410, 401, 403])
def test_a_4xx_robots_txt_means_everything_is_allowed(site, fast_settings, three, status):
    site.robots_status = status
    site.robots = "User-agent: *\nDisallow: /\n"  # an error body is never read as rules
    run = crawl(fast_settings)
    assert run.ok, run.all_problems()
    assert len(site.robots_hits()) == 1


@pytest.mark.parametrize("status", [503, 500, 429])
def test_a_robots_txt_server_error_stops_the_run_once_naming_the_robots_url(
    site, fast_settings, three, status
):
    site.robots_status = status
    run = crawl(fast_settings)
    assert not run.ok
    [problem] = run.all_problems()
    robots_url = f"{site.base_url}/robots.txt"
    assert problem.startswith(f"{robots_url} could not be fetched (HTTP {status} after retries)")
    assert "RFC 9309" in problem and "disallowed" in problem
    assert run.categories == {}
    # one try + RETRY_TIMES=2 retries, for the whole run, and no listing page asked for
    assert len(site.robots_hits()) == 3
    assert all(h.path == "/robots.txt" for h in site.hits)


def test_an_unreachable_host_stops_the_run_once_naming_the_robots_url():
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    settings = Settings(BASE_URL=base, DOWNLOAD_DELAY=0, RETRY_TIMES=1, RETRY_BACKOFF=0,
                        RETRY_JITTER=0, CONNECT_TIMEOUT=1, READ_TIMEOUT=1)
    run = crawl(settings)
    [problem] = run.all_problems()
    assert problem.startswith(f"{base}/robots.txt could not be fetched (no answer after retries")
    assert "assumed disallowed" in problem
    assert run.categories == {} and not run.ok


def test_categories_before_a_robots_failure_keep_their_results(site, fast_settings, three):
    # A later category on another host whose robots.txt fails: the run stops there.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = fast_settings.replace(RETRY_TIMES=0)
    fetcher = LiveFetcher(settings)
    dead = f"http://127.0.0.1:{port}/adressen/x/index.html"
    crawler = Crawler(fetcher, settings, start_urls={"wfbm": dead})
    run = crawler.crawl(ALL)
    assert list(run.categories) == ["ala"]
    assert run.categories["ala"].ok
    [problem] = run.problems
    assert f"127.0.0.1:{port}/robots.txt could not be fetched" in problem
    assert not run.ok
