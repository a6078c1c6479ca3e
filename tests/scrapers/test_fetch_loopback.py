"""The fetch path over real HTTP on loopback: retries, timeouts, robots, fallbacks, broken pages."""

from __future__ import annotations

import time

from werkzeug import Response

from scrapers.crawl import Crawler
from scrapers.fetcher import LiveFetcher
from scrapers.render import render_error_page
from scrapers.samples import sample_records

SLUG = "andere-leistungsanbieter"


def crawl(settings, categories=("ala",)):
    return Crawler(LiveFetcher(settings), settings).crawl(list(categories))


def records(site, n=50, category="ala"):
    return sample_records(category, n, seed=7, base_url=site.base_url)


def fail_times(times: int, status: int, headers: dict | None = None):
    """A hook answering ``status`` for the first ``times`` requests, then the real page."""
    calls = {"n": 0}

    def hook(_request, _number):
        calls["n"] += 1
        if calls["n"] <= times:
            return Response("busy", status=status, headers=headers or {})
        return None

    return hook


def test_a_multi_page_listing_is_scraped_end_to_end(site, fast_settings):
    expected = records(site, 50)
    site.add_category("ala", expected, per_page=20)
    run = crawl(fast_settings)
    result = run.categories["ala"]
    assert run.ok, run.all_problems()
    assert result.expected_total == 50
    assert result.records == expected
    assert len(result.pages) == 3
    assert all(h.user_agent.startswith("aLA-Atlas/0.1 (+https://") for h in site.hits)
    assert site.hits[0].path == "/robots.txt"


def test_a_503_then_success_is_retried_and_the_run_completes(site, fast_settings):
    site.add_category("ala", records(site, 50))
    site.hooks[(SLUG, 2)] = fail_times(1, 503)
    run = crawl(fast_settings)
    assert run.ok, run.all_problems()
    assert len(run.categories["ala"].records) == 50
    assert len([h for h in site.requests_to(SLUG) if "page=2" in h.query]) == 2


def test_a_429_with_retry_after_waits_as_told_before_retrying(site, fast_settings):
    site.add_category("ala", records(site, 30))
    site.hooks[(SLUG, 2)] = fail_times(1, 429, {"Retry-After": "1"})
    run = crawl(fast_settings)
    assert run.ok, run.all_problems()
    first, second = [h for h in site.requests_to(SLUG) if "page=2" in h.query]
    # Backoff is 0 in these settings: only the Retry-After header explains the wait.
    assert second.at - first.at >= 0.9


def test_a_persistent_503_fails_the_run_and_keeps_the_error_page(site, fast_settings):
    site.add_category("ala", records(site, 50))
    site.hooks[(SLUG, 2)] = fail_times(99, 503)
    run = crawl(fast_settings)
    result = run.categories["ala"]
    assert not run.ok
    assert any("page 2" in p and "HTTP 503" in p for p in result.problems)
    assert [page.status for page, _ in run.kept_pages].count(503) == 1
    # 1 try + RETRY_TIMES retries
    assert len([h for h in site.requests_to(SLUG) if "page=2" in h.query]) == 3


def test_a_hanging_response_hits_the_read_timeout_and_is_retried(site, fast_settings):
    site.add_category("ala", records(site, 30))

    def hang_once(_request, _number, calls={"n": 0}):  # noqa: B006 - per-test closure state
        calls["n"] += 1
        if calls["n"] == 1:
            time.sleep(1.0)  # READ_TIMEOUT is 0.3 s
        return None

    site.hooks[(SLUG, 2)] = hang_once
    run = crawl(fast_settings.replace(READ_TIMEOUT=0.3))
    assert run.ok, run.all_problems()
    assert len([h for h in site.requests_to(SLUG) if "page=2" in h.query]) == 2


def test_a_response_that_always_hangs_fails_the_run_with_a_timeout_message(site, fast_settings):
    site.add_category("ala", records(site, 30))
    site.hooks[(SLUG, 2)] = lambda _r, _n: time.sleep(0.8)
    settings = fast_settings.replace(RETRY_TIMES=1, READ_TIMEOUT=0.2)
    run = crawl(settings)
    [problem] = run.categories["ala"].problems[:1]
    assert not run.ok
    assert "page 2" in problem and "no answer after retries" in problem
    assert "timed out" in problem.lower() or "timeout" in problem.lower()


def test_robots_txt_disallowing_the_listing_is_an_error_that_says_so(site, fast_settings):
    site.add_category("ala", records(site, 10))
    site.robots = "User-agent: aLA-Atlas\nDisallow: /adressen/\n\nUser-agent: *\nAllow: /\n"
    run = crawl(fast_settings)
    assert not run.ok
    [problem] = run.categories["ala"].problems
    assert "robots.txt" in problem and "disallows" in problem and "aLA-Atlas" in problem
    assert site.requests_to(SLUG) == []  # nothing fetched from the forbidden path


def test_a_404_category_url_is_found_on_the_overview_page_by_its_title(site, fast_settings):
    expected = records(site, 45, "wfbm")
    site.add_category("wfbm", expected, slug="werkstaetten-neu")
    site.set_overview({
        "Inklusionsbetriebe": "/adressen/arbeit-beschaeftigung/inklusionsbetriebe/",
        "Werkstätten für behinderte Menschen": "/adressen/arbeit-beschaeftigung/werkstaetten-neu/",
    })
    run = crawl(fast_settings, ["wfbm"])
    assert run.ok, run.all_problems()
    assert run.categories["wfbm"].records == expected
    paths = [h.path for h in site.hits]
    guessed = "/adressen/arbeit-beschaeftigung/werkstaetten-fuer-behinderte-menschen/index.html"
    assert guessed in paths
    assert "/adressen/arbeit-beschaeftigung/" in paths


def test_a_404_without_a_matching_overview_link_fails_naming_the_urls_tried(site, fast_settings):
    site.set_overview({"Inklusionsbetriebe": "/adressen/arbeit-beschaeftigung/inklusionsbetriebe/"})
    run = crawl(fast_settings, ["ala"])
    [problem] = run.categories["ala"].problems
    listing = f"{site.base_url}/adressen/arbeit-beschaeftigung/{SLUG}/index.html?mode=detail"
    assert listing in problem
    assert f"{site.base_url}/adressen/arbeit-beschaeftigung/ " in problem
    assert "'Andere Leistungsanbieter'" in problem
    assert not run.ok


def test_a_count_below_the_sites_total_fails_and_keeps_every_page(site, fast_settings):
    site.add_category("ala", records(site, 45), total=50)
    run = crawl(fast_settings)
    result = run.categories["ala"]
    assert not run.ok
    assert "parsed 45 entries but the site reports 50" in result.problems
    assert len(run.kept_pages) == len(result.pages) == 3


def test_a_truncated_page_fails_the_run_and_is_kept(site, fast_settings):
    pages = site.add_category("ala", records(site, 50))
    site.pages[SLUG][1] = pages[1][: len(pages[1]) // 2]
    run = crawl(fast_settings)
    result = run.categories["ala"]
    assert not run.ok
    assert any(p.startswith("page 2") and "truncated" in p for p in result.problems)
    assert any(page.url == site.url_of("ala", 2) for page, _ in run.kept_pages)


def test_a_page_repeating_the_previous_one_is_detected(site, fast_settings):
    pages = site.add_category("ala", records(site, 60))
    site.pages[SLUG][2] = pages[1]  # page 3 serves page 2 again
    run = crawl(fast_settings)
    result = run.categories["ala"]
    assert not run.ok
    assert any("page 3" in p and "repeats the previous page" in p for p in result.problems)


def test_a_pagination_loop_is_detected_and_stops(site, fast_settings):
    from scrapers.render import render_listing_page

    expected = records(site, 60)
    site.add_category("ala", expected)
    site.pages[SLUG][2] = render_listing_page(
        expected[40:], total=60, next_url=site.url_of("ala", 1)
    )
    run = crawl(fast_settings)
    result = run.categories["ala"]
    assert not run.ok
    # page 3 links to page 1 under another URL: page 4 is recognised as page 1 again
    assert any("page 4" in p and "pagination loop, same entries as page 1" in p
               for p in result.problems)
    assert len(result.pages) == 4


def test_an_error_page_with_status_200_fails_the_run(site, fast_settings):
    site.add_category("ala", records(site, 50))
    site.pages[SLUG][1] = render_error_page()
    run = crawl(fast_settings)
    result = run.categories["ala"]
    assert not run.ok
    assert any("page 2" in p and "not a listing page" in p for p in result.problems)


def test_an_empty_list_where_the_total_promises_entries_fails(site, fast_settings):
    from scrapers.render import render_listing_page

    site.add_category("ala", records(site, 50))
    site.pages[SLUG][1] = render_listing_page([], total=50, next_url=site.url_of("ala", 3))
    run = crawl(fast_settings)
    result = run.categories["ala"]
    assert not run.ok
    assert any("page 2" in p and "empty list" in p for p in result.problems)


def test_keine_treffer_is_a_complete_run_with_zero_records(site, fast_settings):
    site.add_category("ib", [])
    run = crawl(fast_settings, ["ib"])
    assert run.ok, run.all_problems()
    assert run.categories["ib"].expected_total == 0


def test_a_windows_1252_site_is_scraped_with_umlauts_intact(site, fast_settings):
    expected = records(site, 25, "ib")
    site.add_category("ib", expected, encoding="windows-1252")
    run = crawl(fast_settings, ["ib"])
    assert run.ok, run.all_problems()
    assert run.categories["ib"].records == expected


def test_the_throttle_is_consulted_for_every_request(site, fast_settings):
    from scrapers.throttle import Throttle

    calls = []

    class CountingThrottle(Throttle):
        def wait(self):
            calls.append(1)
            return super().wait()

    site.add_category("ala", records(site, 50))
    fetcher = LiveFetcher(fast_settings, throttle=CountingThrottle(0))
    Crawler(fetcher, fast_settings).crawl(["ala"])
    assert len(calls) == len(site.hits) == 4  # robots.txt + 3 pages


def test_a_last_page_linking_to_itself_ends_a_complete_list(site, fast_settings):
    from scrapers.render import render_listing_page

    expected = records(site, 30)
    site.add_category("ala", expected)
    site.pages[SLUG][1] = render_listing_page(
        expected[20:], total=30, next_url=site.url_of("ala", 2)
    )
    run = crawl(fast_settings)
    assert run.ok, run.all_problems()
    assert run.categories["ala"].records == expected


def test_a_crawl_stops_at_max_pages_and_fails(site, fast_settings):
    site.add_category("ala", records(site, 100), per_page=10)
    run = crawl(fast_settings.replace(MAX_PAGES=4))
    result = run.categories["ala"]
    assert not run.ok
    assert len(result.pages) == 4
    assert any("stopped after MAX_PAGES=4" in p for p in result.problems)


def test_a_total_that_changes_during_the_crawl_fails_the_run(site, fast_settings):
    from scrapers.render import render_listing_page

    expected = records(site, 50)
    site.add_category("ala", expected)
    site.pages[SLUG][1] = render_listing_page(
        expected[20:40], total=51, next_url=site.url_of("ala", 3)
    )
    run = crawl(fast_settings)
    assert not run.ok
    assert any("hit count changed from 50 to 51" in p for p in run.categories["ala"].problems)
