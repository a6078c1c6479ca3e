"""Conditional re-fetch over loopback: validators kept and sent, 304s reused, damage survived."""

from __future__ import annotations

import json
import logging

import pytest

from scrapers.crawl import Crawler
from scrapers.fetcher import LiveFetcher, RecordedFetcher
from scrapers.http_cache import SUFFIX, HttpCache
from scrapers.recording import Recorder, read_index
from scrapers.samples import sample_records

SLUG = "andere-leistungsanbieter"
LAST_MODIFIED = "Wed, 21 Oct 2026 07:28:00 GMT"


def scrape(settings, cache, recorder=None, categories=("ala",)):
    fetcher = LiveFetcher(settings, cache=cache)
    return Crawler(fetcher, settings, recorder=recorder).crawl(list(categories))


def listing_hits(site, since: int = 0):
    return site.requests_to(SLUG)[since:] if since else site.requests_to(SLUG)


def cache_files(directory):
    return sorted(directory.glob("*" + SUFFIX)) if directory.exists() else []


@pytest.fixture
def ala(site):
    expected = sample_records("ala", 50, seed=11, base_url=site.base_url)
    site.add_category("ala", expected, per_page=20)  # 3 pages
    return expected


def test_a_second_scrape_sends_the_etags_gets_304s_and_yields_identical_records(
    site, fast_settings, ala, tmp_path
):
    site.etags = True
    first_rec, second_rec = tmp_path / "first", tmp_path / "second"
    first = scrape(fast_settings, HttpCache(tmp_path / "cache"), Recorder(first_rec))
    assert first.ok, first.all_problems()
    assert [h.status for h in listing_hits(site)] == [200, 200, 200]
    assert not any("If-None-Match" in h.headers for h in listing_hits(site))

    before = len(listing_hits(site))
    cache = HttpCache(tmp_path / "cache")  # a new run: nothing kept in memory
    second = scrape(fast_settings, cache, Recorder(second_rec))
    assert second.ok, second.all_problems()
    assert second.records == first.records == ala
    again = listing_hits(site, before)
    assert [h.status for h in again] == [304, 304, 304]
    assert all(h.headers["If-None-Match"].startswith('"') for h in again)
    assert cache.stats.not_modified == 3

    # The recording keeps full pages, the 200 they were served with and a note of the 304.
    index = read_index(second_rec)
    assert [e["status"] for e in index] == [200, 200, 200]
    assert [e["http_status"] for e in index] == [304, 304, 304]
    assert all("304" in e["note"] and "HTTP cache" in e["note"] for e in index)
    for entry in index:
        assert (second_rec / entry["file"]).read_bytes() == (first_rec / entry["file"]).read_bytes()
    assert "http_status" not in read_index(first_rec)[0]

    # ... so a replay of the second recording is the same run, offline.
    replayed = Crawler(RecordedFetcher(second_rec), fast_settings).crawl(["ala"])
    assert replayed.ok and replayed.records == ala


def test_a_server_with_only_last_modified_gets_if_modified_since(
    site, fast_settings, ala, tmp_path
):
    site.last_modified = LAST_MODIFIED
    scrape(fast_settings, HttpCache(tmp_path / "cache"))
    before = len(listing_hits(site))
    run = scrape(fast_settings, HttpCache(tmp_path / "cache"))
    assert run.ok and run.records == ala
    again = listing_hits(site, before)
    assert [h.headers.get("If-Modified-Since") for h in again] == [LAST_MODIFIED] * 3
    assert not any("If-None-Match" in h.headers for h in again)
    assert [h.status for h in again] == [304, 304, 304]


def test_a_server_without_validators_gets_plain_gets_and_nothing_is_stored(
    site, fast_settings, ala, tmp_path
):
    cache_dir = tmp_path / "cache"
    for _ in range(2):
        run = scrape(fast_settings, HttpCache(cache_dir))
        assert run.ok and run.records == ala
    hits = listing_hits(site)
    assert len(hits) == 6 and {h.status for h in hits} == {200}
    assert not any({"If-None-Match", "If-Modified-Since"} & set(h.headers) for h in hits)
    assert cache_files(cache_dir) == []


def test_a_changed_page_is_fetched_in_full_and_replaces_the_stored_one(
    site, fast_settings, ala, tmp_path
):
    site.etags = True
    scrape(fast_settings, HttpCache(tmp_path / "cache"))
    changed = sample_records("ala", 50, seed=12, base_url=site.base_url)
    site.add_category("ala", changed, per_page=20)
    before = len(listing_hits(site))
    run = scrape(fast_settings, HttpCache(tmp_path / "cache"))
    assert run.ok and run.records == changed
    assert [h.status for h in listing_hits(site, before)] == [200, 200, 200]
    before = len(listing_hits(site))
    third = scrape(fast_settings, HttpCache(tmp_path / "cache"))
    assert third.records == changed
    assert [h.status for h in listing_hits(site, before)] == [304, 304, 304]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[:-40], id="truncated body"),
        pytest.param(lambda raw: b"{not json\n" + raw.partition(b"\n")[2], id="garbled header"),
        pytest.param(lambda raw: b"", id="empty file"),
        pytest.param(
            lambda raw: raw.replace(b"<html", b"<HTML", 1), id="body altered, checksum not"
        ),
    ],
)
def test_a_damaged_cache_entry_falls_back_to_a_full_get_and_says_so(
    site, fast_settings, ala, tmp_path, caplog, damage
):
    site.etags = True
    cache_dir = tmp_path / "cache"
    scrape(fast_settings, HttpCache(cache_dir))
    page2 = site.url_of("ala", 2)
    entry = HttpCache(cache_dir).path_for(page2)
    entry.write_bytes(damage(entry.read_bytes()))

    before = len(listing_hits(site))
    cache = HttpCache(cache_dir)
    with caplog.at_level(logging.WARNING, logger="scrapers.http_cache"):
        run = scrape(fast_settings, cache)
    assert run.ok, run.all_problems()
    assert run.records == ala
    first, second, third = listing_hits(site, before)
    assert (first.status, second.status, third.status) == (304, 200, 304)
    assert "If-None-Match" not in second.headers  # a plain GET for the damaged one
    [warning] = [r.getMessage() for r in caplog.records if r.name == "scrapers.http_cache"]
    assert page2 in warning and "unusable" in warning and "in full" in warning
    assert cache.stats.dropped == 1

    before = len(listing_hits(site))
    scrape(fast_settings, HttpCache(cache_dir))  # the full answer was stored again
    assert [h.status for h in listing_hits(site, before)] == [304, 304, 304]


def test_a_cache_entry_for_a_missing_body_file_or_another_url_is_a_miss(tmp_path, caplog):
    cache = HttpCache(tmp_path)
    cache.record("http://a/1", 200, {"ETag": '"x"', "Content-Type": "text/html"}, b"<p>1</p>")
    assert cache.lookup("http://a/1").body == b"<p>1</p>"
    assert cache.lookup("http://a/2") is None  # never stored: a quiet miss
    cache.path_for("http://a/1").rename(cache.path_for("http://a/2"))  # a stray file
    with caplog.at_level(logging.WARNING, logger="scrapers.http_cache"):
        assert cache.lookup("http://a/2") is None
    assert "belongs to another URL" in caplog.text
    assert not cache.path_for("http://a/2").exists()


def test_an_unwritable_cache_directory_is_logged_and_the_run_completes(
    site, fast_settings, ala, tmp_path, caplog
):
    site.etags = True
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the cache directory should be")
    with caplog.at_level(logging.WARNING, logger="scrapers.http_cache"):
        run = scrape(fast_settings, HttpCache(blocked))
    assert run.ok and run.records == ala
    assert "could not store" in caplog.text and "fetches it in full" in caplog.text


def test_no_store_and_error_answers_do_not_replace_a_usable_entry(tmp_path):
    cache = HttpCache(tmp_path)
    cache.record("http://a/1", 200, {"ETag": '"v1"'}, b"one")
    cache.record("http://a/1", 503, {"ETag": '"v2"'}, b"busy")
    assert cache.lookup("http://a/1").etag == '"v1"'  # a passing 503 keeps it
    cache.record("http://a/1", 200, {"ETag": '"v3"', "Cache-Control": "private, no-store"}, b"x")
    assert cache.lookup("http://a/1") is None  # the server asked us not to keep it


def test_a_304_with_a_new_etag_updates_the_stored_validator(tmp_path):
    cache = HttpCache(tmp_path)
    cache.record("http://a/1", 200, {"ETag": '"v1"', "Content-Type": "text/html"}, b"one")
    entry = cache.lookup("http://a/1")
    assert entry.conditional_headers() == {"If-None-Match": '"v1"'}
    cache.revalidated(entry, {"ETag": '"v2"'})
    stored = cache.lookup("http://a/1")
    assert (stored.etag, stored.body, stored.content_type) == ('"v2"', b"one", "text/html")
    header = json.loads(cache.path_for("http://a/1").read_bytes().partition(b"\n")[0])
    assert header["url"] == "http://a/1" and header["etag"] == '"v2"'
