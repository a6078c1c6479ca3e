"""Ready for the live site: a page's unknown origin, scheme-less websites, session ids."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

import pytest

from scrapers import normalise as norm
from scrapers.crawl import Crawler
from scrapers.fetcher import LiveFetcher, RecordedFetcher
from scrapers.parse import parse_listing
from scrapers.recording import Recorder
from scrapers.render import render_listing_page
from scrapers.samples import sample_records
from tests.scrapers.test_scraper_cli import run_cli

FIXTURES = Path(__file__).parent / "fixtures"
PORTAL = "https://www.rehadat-adressen.de"
ALA_URL = f"{PORTAL}/adressen/arbeit-beschaeftigung/andere-leistungsanbieter/index.html?mode=detail"


def _records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()][:-1]


# ---------------------------------------------------------------- 1. origin unknown


def test_a_saved_page_parses_the_same_with_or_without_url():
    page = str(FIXTURES / "ala_page1.html")
    without = run_cli("parse", "--category", "ala", page)
    with_url = run_cli("parse", "--category", "ala", "--url", ALA_URL, page)
    assert without.returncode == with_url.returncode == 0, without.stderr
    assert without.stdout == with_url.stdout
    records = _records(without.stdout)
    linked = [r for r in records if r["source_url"]]
    assert {r["source_id"] for r in linked} >= {"ADR0012345", "ADR0020001"}
    assert all(r["source_id"].startswith("ADR") for r in linked)
    assert all(r["source_url"].startswith(PORTAL + "/adressen/") for r in linked)
    assert json.loads(without.stdout.splitlines()[-1])["next_page"].startswith(PORTAL)


def test_without_url_relative_links_belong_to_the_configured_portal():
    result = run_cli("parse", "--category", "ala", str(FIXTURES / "ala_page1.html"),
                     env={"ATLAS_SCRAPER_BASE_URL": "https://portal.beispiel.invalid"})
    assert result.returncode == 0, result.stderr
    first = _records(result.stdout)[0]
    assert first["source_id"] == "ADR0012345"
    assert first["source_url"].startswith("https://portal.beispiel.invalid/adressen/")


# ---------------------------------------------------------------- 2. websites


def _entry(contact: str, heading: str = '<a href="index.html?id=ADR0000001">Beispiel gGmbH</a>'):
    html = (
        '<html><body><p class="trefferanzahl">1 Treffer</p><ol><li>'
        f'<h3>{heading}</h3><p class="kontaktdaten">Hauptstraße 1<br>01067 Dresden<br>'
        f"{contact}</p></li></ol></body></html>"
    )
    [record] = parse_listing(html, ALA_URL, "ala").records
    return record


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        ('<a href="ib-beispiel0.example">ib-beispiel0.example</a>', "https://ib-beispiel0.example"),
        ('<a href="www.example.de">www.example.de</a>', "https://www.example.de"),
        ('<a href="http://alt.example/">Homepage</a>', "http://alt.example/"),
        # href a portal redirect, text the provider's host
        ('<a href="/redirect?to=1">werk-beispiel.example/kontakt</a>',
         "https://werk-beispiel.example/kontakt"),
        ("Internet: beispiel-werk.de", "https://beispiel-werk.de"),
        ("beispiel-werk.de", "https://beispiel-werk.de"),
        ("www.beispiel-werk.info/start", "https://www.beispiel-werk.info/start"),
    ],
)
def test_a_website_without_a_scheme_is_recognised_and_stored_as_https(contact, expected):
    assert _entry(contact).website == expected


@pytest.mark.parametrize(
    "contact",
    [
        '<a href="index.html?id=ADR0000001&amp;mode=detail">Details</a>',
        '<a href="detail.php?id=7">detail.php</a>',
        '<a href="www.rehadat-adressen.de/adressen/">www.rehadat-adressen.de/adressen/</a>',
        '<a href="https://rehadat-adressen.de/x">Mehr bei REHADAT</a>',
        '<a href="/adressen/x/index.html">www.rehadat-adressen.de</a>',
        "Internet: www.rehadat-adressen.de/x",
        "St.Georg",  # an address fragment, not a host (no common TLD in a text line)
        '<a href="mailto:info@example.org">info@example.org</a>',
    ],
)
def test_links_into_the_portal_and_non_hosts_are_not_websites(contact):
    assert _entry(contact).website is None


@pytest.mark.parametrize(
    ("value", "strict", "expected"),
    [
        ("ib-beispiel0.example", False, True),
        ("www.example.de", True, True),
        ("beispiel.de/kontakt?x=1", True, True),
        ("index.html", False, False),
        ("detail.php?id=1", False, False),
        ("info@example.org", False, False),
        ("St.Georg", True, False),
        ("St.Georg", False, True),  # in a link it could be a host; text lines are strict
        ("Hauptstraße 5", False, False),
        ("/adressen/index.html", False, False),
    ],
)
def test_looks_like_host(value, strict, expected):
    assert norm.looks_like_host(value, strict=strict) is expected


# ---------------------------------------------------------------- 3. jsessionid


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://x.example/a/index.html;jsessionid=089715457E9DC8CA8080F2DB1210A47F?page=2",
         "https://x.example/a/index.html?page=2"),
        ("https://x.example/a/index.html;JSESSIONID=abc", "https://x.example/a/index.html"),
        ("https://x.example/a;jsessionid=abc/b.html#top", "https://x.example/a/b.html#top"),
        ("https://x.example/a/index.html?page=2", "https://x.example/a/index.html?page=2"),
        (None, None),
    ],
)
def test_strip_session(raw, expected):
    assert norm.strip_session(raw) == expected


def test_session_ids_never_reach_ids_source_links_websites_or_the_next_page():
    html = (
        '<html><body><p class="trefferanzahl">40 Treffer</p><ol><li>'
        '<h3><a href="index.html;jsessionid=ABC123?id=ADR0000042&amp;mode=detail">A gGmbH</a></h3>'
        '<p class="kontaktdaten">Weg 1<br>01067 Dresden<br>'
        '<a href="https://provider.example/start;jsessionid=XYZ">provider.example</a></p>'
        '</li></ol><a class="weiter" href="index.html;jsessionid=ABC123?mode=detail&amp;page=2">'
        "weiter</a></body></html>"
    )
    page = parse_listing(html, ALA_URL.replace("index.html", "index.html;jsessionid=ABC123"),
                         "ala")
    [record] = page.records
    assert record.source_id == "ADR0000042"
    assert record.source_url == (PORTAL + "/adressen/arbeit-beschaeftigung/"
                                 "andere-leistungsanbieter/index.html?id=ADR0000042&mode=detail")
    assert record.website == "https://provider.example/start"
    assert page.next_page.endswith("/index.html?mode=detail&page=2")
    assert page.url == ALA_URL
    assert "jsessionid" not in json.dumps([record.to_dict(), page.next_page]).lower()


def test_a_crawl_over_session_id_links_requests_stores_and_records_none(
    site, fast_settings, tmp_path
):
    """The site writes ;jsessionid= into every link; the crawl neither sends it nor loops."""
    records = sample_records("ala", 30, seed=5, base_url=site.base_url)
    sid = ";jsessionid=089715457E9DC8CA8080F2DB1210A47F"
    shown = [replace(r, source_url=r.source_url.replace("index.html", "index.html" + sid))
             if r.source_url else r for r in records]
    slug = "andere-leistungsanbieter"

    def with_sid(number: int) -> str:
        return site.url_of("ala", number).replace("index.html", "index.html" + sid)

    site.pages[slug] = [
        render_listing_page(shown[:20], total=30, next_url=with_sid(2)),
        render_listing_page(shown[20:], total=30, next_url=None, prev_url=with_sid(1)),
    ]
    recorder = Recorder(tmp_path / "rec")
    run = Crawler(LiveFetcher(fast_settings), fast_settings, recorder=recorder).crawl(["ala"])
    assert run.ok, run.all_problems()
    assert run.records == records  # source links without the session id
    assert all("jsessionid" not in (h.path + h.query).lower() for h in site.hits)
    index = (tmp_path / "rec" / "index.jsonl").read_text()
    assert "jsessionid" not in index.lower()
    # a replay of a recording whose index still holds session ids finds its pages
    patched = re.sub(r"index\.html\?", "index.html" + sid + "?", index)
    (tmp_path / "rec" / "index.jsonl").write_text(patched)
    replayed = Crawler(RecordedFetcher(tmp_path / "rec"), fast_settings,
                       start_urls=RecordedFetcher(tmp_path / "rec").start_urls()).crawl(["ala"])
    assert replayed.ok, replayed.all_problems()
    assert replayed.records == records


# ---------------------------------------------------------------- 4. page from 0 or 1


@pytest.mark.parametrize("numbered", [False, True], ids=["weiter-link", "numbered-links"])
@pytest.mark.parametrize("page_base", [0, 1], ids=["page-from-0", "page-from-1"])
def test_pagination_counts_from_0_or_1_and_the_first_request_carries_no_page(
    site, fast_settings, page_base, numbered
):
    expected = sample_records("wfbm", 65, seed=9, base_url=site.base_url)
    site.add_category("wfbm", expected, page_base=page_base, numbered=numbered)
    run = Crawler(LiveFetcher(fast_settings), fast_settings).crawl(["wfbm"])
    assert run.ok, run.all_problems()
    assert run.records == expected
    listing = site.requests_to("werkstaetten-fuer-behinderte-menschen")
    pages = [dict(p.split("=", 1) for p in h.query.split("&")).get("page") for h in listing]
    assert pages == [None, str(page_base + 1), str(page_base + 2), str(page_base + 3)]
    assert all(h.status == 200 for h in listing)


@pytest.mark.parametrize("page_base", [0, 1])
def test_the_page_base_is_learned_from_the_pages_own_links(site, page_base):
    records = sample_records("ala", 45, seed=1, base_url=site.base_url)
    numbered = site.add_category("ala", records, page_base=page_base, numbered=True)
    first = parse_listing(numbered[0], site.url_of("ala", 1).replace(
        f"&page={page_base}", ""), "ala")
    assert first.page_base == page_base
    assert first.next_page == site.url_of("ala", 2)
    second = parse_listing(numbered[1], site.url_of("ala", 2), "ala")
    assert (second.page_base, second.next_page) == (page_base, site.url_of("ala", 3))
    last = parse_listing(numbered[2], site.url_of("ala", 3), "ala")
    assert last.next_page is None


# ---------------------------------------------------------------- 5. a source per category


@pytest.fixture
def second_portal():
    """Another REHADAT portal on loopback (think REHADAT-Werkstätten): its own robots.txt,
    its own listing path, and a listing that answers only the configured search."""
    from werkzeug import Response

    from tests.quick_server import QuickHTTPServer

    server = QuickHTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    state = {"pages": [], "hits": [], "filter": None, "query": None}
    path = "/werkstaetten/suche/index.html"

    def handle(request):
        state["hits"].append((request.path, dict(request.args)))
        if request.path == "/robots.txt":
            return Response("User-agent: *\nDisallow: /intern/\n", mimetype="text/plain")
        if (request.path == path and request.args.get("filter") == state["filter"]
                and request.args.get("query") == state["query"]):
            number = int(request.args.get("page", "0")) + 1  # this portal counts from 0
            if 1 <= number <= len(state["pages"]):
                return Response(state["pages"][number - 1], content_type="text/html")
        return Response("<html><body>Seite nicht gefunden</body></html>", status=404,
                        content_type="text/html")

    server.expect_request(re.compile(".*")).respond_with_handler(handle)
    state["url"] = server.url_for("/").rstrip("/")
    state["path"] = path
    try:
        yield state
    finally:
        server.clear()
        server.stop()


def test_wfbm_from_another_portal_by_configuration(site, fast_settings, second_portal):
    from scrapers.settings import from_env

    wfbm_filter = '(art_adr:(("Werkstatt für behinderte Menschen"))) AND doc_type:ADR'
    second_portal.update(filter=wfbm_filter, query='("Werkstatt für behinderte Menschen")')
    portal = second_portal["url"]
    wfbm = [replace(r, source_url=r.source_url.replace(site.base_url, portal))
            if r.source_url else r
            for r in sample_records("wfbm", 27, seed=4, base_url=site.base_url)]
    listing = portal + second_portal["path"]
    second_portal["pages"] = [
        render_listing_page(wfbm[:20], total=27, next_url=listing + "?" + urlencode(
            {"mode": "detail", "filter": wfbm_filter, "query": second_portal["query"],
             "page": "1"})),
        render_listing_page(wfbm[20:], total=27, next_url=None),
    ]
    ala = sample_records("ala", 12, seed=4, base_url=site.base_url)
    site.add_category("ala", ala)
    sources = json.dumps({"wfbm": {"portal": portal, "path": second_portal["path"],
                                   "filter": wfbm_filter,
                                   "query": second_portal["query"]}})
    settings = from_env({"ATLAS_SCRAPER_SOURCES": sources}, base=fast_settings)
    assert settings.source("ala").portal == site.base_url  # untouched categories
    assert settings.source("wfbm").listing_url().startswith(listing + "?mode=detail&filter=")

    run = Crawler(LiveFetcher(settings), settings).crawl(["ala", "wfbm"])
    assert run.ok, run.all_problems()
    assert run.categories["wfbm"].records == wfbm
    assert run.categories["ala"].records == ala
    assert run.portals == {"ala": site.base_url, "wfbm": portal}
    assert run.source == f"ala: {site.base_url}; wfbm: {portal}"
    # robots.txt read on each portal; nothing for wfbm asked of the first one
    assert [p for p, _ in second_portal["hits"]].count("/robots.txt") == 1
    assert len(site.robots_hits()) == 1
    assert site.requests_to("werkstaetten-fuer-behinderte-menschen") == []
    first = second_portal["hits"][1][1]
    assert "page" not in first and first["filter"] == wfbm_filter


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ('{"wfbm": {"portl": "x"}}', "unknown key(s) portl"),
        ('{"jobcenter": {"portal": "x"}}', "unknown category 'jobcenter'"),
        ("wfbm=https://x", "ATLAS_SCRAPER_SOURCES='wfbm=https://x' is not a valid dict"),
    ],
)
def test_a_misspelt_source_is_an_error_at_start_up(raw, message):
    from scrapers.exceptions import SettingsError
    from scrapers.settings import from_env

    with pytest.raises(SettingsError, match=re.escape(message)):
        from_env({"ATLAS_SCRAPER_SOURCES": raw})
