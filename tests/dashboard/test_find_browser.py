"""Finding things, as a reader sees them in headless Chromium over a real server and the demo
store (issue 21): near me without "0,0 km" and with a readable map, the search for the names
the atlas itself shows, and the change feed linked where people look. Screenshots at 1440 and
390 px under tests/artifacts/."""

from __future__ import annotations

import base64
import re
import urllib.request

import feedparser
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import store

pytestmark = pytest.mark.browser

NEAR = "/naehe?plz=80331"


def _near_tables(page) -> list[list[list[str]]]:
    return page.js(
        "return Array.from(document.querySelectorAll('.near-table')).map(t => Array.from("
        "t.querySelectorAll('tbody tr')).map(tr => [tr.children[0].innerText, "
        "tr.children[1].innerText, tr.children[2].innerText]));")


def _open_near(page) -> None:
    page.open(NEAR)
    page.wait_for_text("Anbieter in der Nähe von 80331")
    page.wait_for(lambda d: page.js(
        "return document.querySelectorAll('#near-map path.choroplethlocation').length > 100"))
    page.wait_idle()


def test_near_me_never_says_zero_km_between_addresses_in_one_town(page, app):
    _open_near(page)
    tables = _near_tables(page)
    text = page.js("return document.querySelector('main').innerText")
    assert "0,0 km" not in text
    assert "im selben Ort" in text and "Der Atlas kennt Orte und Anbieter nur als Punkt" in text
    client = app.server.test_client()
    for table, category in zip(tables, store.CATEGORIES, strict=True):
        api = client.get(f"/api/nearest?plz=80331&category={category}&limit=5").get_json()
        assert [row[1] for row in table] == [p["name"] for p in api["providers"]]
        for (distance, _, place), given in zip(table, api["providers"], strict=True):
            if given["same_gemeinde"]:
                expected = "im selben Ort, gleiche PLZ" if given["same_plz"] else "im selben Ort"
                assert distance == expected and given["km"] is None
                assert place.startswith(given["plz"])
            else:
                assert distance.endswith(" km") and not distance.startswith("0,0")
    assert page.console_errors() == []


def test_near_me_map_has_kreis_outlines_place_names_and_every_marker_visible(page):
    _open_near(page)
    rows = sum(len(t) for t in _near_tables(page))
    outlines = page.js("return document.querySelectorAll('#near-map path.choroplethlocation')"
                       ".length")
    assert outlines > 400  # 401 Kreise under the 16 Land borders
    names = page.js("return Array.from(document.querySelectorAll('#near-map .scattergeo text'))"
                    ".map(t => t.textContent)")
    assert "München" in [n.strip() for n in names]
    # every provider marker drawn, none on the same spot as another or under the cross
    centres = page.js(
        "return Array.from(document.querySelectorAll('#near-map .scattergeo path.point'))"
        ".map(p => { const b = p.getBoundingClientRect();"
        " return [Math.round(b.x + b.width / 2), Math.round(b.y + b.height / 2)]; });")
    assert len(centres) == rows + 1  # the providers and the cross
    assert len({tuple(c) for c in centres}) == len(centres)
    smallest = min(abs(a[0] - b[0]) + abs(a[1] - b[1])
                   for i, a in enumerate(centres) for b in centres[i + 1:])
    assert smallest >= 6  # pixels: apart enough to see each
    caption = page.driver.find_element(By.CSS_SELECTOR, ".near-map figcaption").text
    assert "Kreisgrenzen und Ortsnamen" in caption and "0,0 km" not in caption


def test_near_me_in_english_says_same_town(page):
    page.open(NEAR + "&lang=en")
    page.wait_for_text("Providers near 80331")
    page.wait_idle()
    text = page.js("return document.querySelector('main').innerText")
    assert "same town" in text and "0.0 km" not in text


@pytest.mark.parametrize(("typed", "lands_on", "heading"), [
    ("Landkreis München", "/region/09184", "Landkreis München"),
    ("Stadt Augsburg", "/suche?q=Stadt+Augsburg", "Kreisfreie Stadt Augsburg"),
    ("Muenchen", "/suche?q=Muenchen", "Kreisfreie Stadt München"),
])
def test_the_header_search_accepts_the_names_the_atlas_shows(page, typed, lands_on, heading):
    page.open("/karte")
    page.driver.find_element(By.ID, "search-header-q").send_keys(typed, Keys.ENTER)
    page.wait_for_text(heading)
    page.wait_idle()
    assert page.driver.current_url.endswith(lands_on)
    text = page.js("return document.querySelector('main').innerText")
    assert not re.search(r"(\w+) \(\1\)", text)  # never "München (München)"
    assert page.console_errors() == []


def test_a_provider_name_from_the_served_snapshot_is_found(page, demo_engine):
    served = store.served_snapshot(demo_engine)
    providers = store.load_providers(demo_engine, served["id"], category="ala")
    name = providers.sort_values("name")["name"].iloc[0]
    page.open("/suche?q=" + urllib.request.quote(name))
    page.wait_idle()
    if "/karte" in page.driver.current_url:  # the one hit: straight to the map
        assert "provider=" in page.driver.current_url
    else:
        page.wait_for_text("Anbieter")
        links = page.driver.find_elements(By.CSS_SELECTOR, ".search-hits a")
        assert name in [a.text for a in links]


def test_search_results_say_what_each_hit_is(page):
    page.open("/suche?q=Muenchen")
    page.wait_for_text("Kreisfreie Stadt München")
    items = page.js("return Array.from(document.querySelectorAll('.search-hits li'))"
                    ".map(li => li.innerText)")
    assert "Kreisfreie Stadt München" in items and "Landkreis München" in items
    assert "München – Kreisfreie Stadt" in items  # the place, with its kind, named once


def test_entwicklung_offers_the_feed_for_germany_and_each_land(page, live_server):
    page.open("/entwicklung")
    page.wait_for_text("Änderungen in Deutschland abonnieren (Atom-Feed)")
    link = page.driver.find_element(By.CSS_SELECTOR, ".feed-links .feed-link")
    assert link.get_attribute("href") == live_server + "/feeds/changes.atom"
    page.driver.find_element(By.CSS_SELECTOR, ".feed-laender summary").click()
    bayern = page.driver.find_element(By.LINK_TEXT, "Bayern")
    assert bayern.is_displayed()
    href = bayern.get_attribute("href")
    assert href == live_server + "/feeds/changes.atom?land=09"
    parsed = feedparser.parse(urllib.request.urlopen(href, timeout=60).read())
    assert parsed.feed.title.startswith("aLA-Atlas: Änderungen") and "Bayern" in parsed.feed.title
    assert all(", Bayern" in e.summary for e in parsed.entries)


@pytest.mark.parametrize(("code", "query", "name"), [
    ("09", "?land=09", "Bayern"),
    ("09162", "?kreis=09162", "München (Kreisfreie Stadt)"),
    ("DE", "", "Deutschland"),
])
def test_a_profile_links_its_own_region_s_feed_visibly_and_in_its_head(
    page, live_server, artifacts_dir, code, query, name
):
    page.open(f"/region/{code}")
    page.wait_for_text(f"Änderungen in {name} abonnieren (Atom-Feed)")
    link = page.driver.find_element(By.CSS_SELECTOR, ".region-history .feed-link")
    history = page.driver.find_element(By.CSS_SELECTOR, ".region-history")
    page.js("arguments[0].scrollIntoView({block: 'start'})", history)
    history.screenshot(str(artifacts_dir / f"i21-profile-feed-{code}.png"))
    assert link.is_displayed()
    assert link.get_attribute("href") == f"{live_server}/feeds/changes.atom{query}"
    head = page.js("return document.querySelector('link[rel=alternate]"
                   "[type=\"application/atom+xml\"]').href")
    assert head == f"{live_server}/feeds/changes.atom{query}"


@pytest.mark.parametrize("width,height", [(1440, 900), (390, 844)])
@pytest.mark.parametrize("name,path,text", [
    ("near-80331", NEAR, "Anbieter in der Nähe von 80331"),
    ("suche-landkreis-muenchen", "/suche?q=Landkreis+M%C3%BCnchen", "Landkreis München"),
    ("suche-muenchen", "/suche?q=Muenchen", "Kreisfreie Stadt München"),
    ("entwicklung-feed", "/entwicklung", "Atom-Feed"),
])
def test_screenshots(page, browser, artifacts_dir, name, path, text, width, height):
    browser.set_window_size(width, height)
    try:
        page.open(path)
        page.wait_for_text(text)
        if name.startswith("near"):
            page.wait_for(lambda d: page.js(
                "return document.querySelectorAll('#near-map .scattergeo text').length > 0"))
        page.wait_idle()
        shot = artifacts_dir / f"i21-{name}-{width}.png"
        browser.save_screenshot(str(shot))
        # the whole page too, to read it through (the near-me map sits below the fold)
        full = browser.execute_cdp_cmd("Page.captureScreenshot",
                                       {"captureBeyondViewport": True, "format": "png"})
        (artifacts_dir / f"i21-{name}-{width}-full.png").write_bytes(
            base64.b64decode(full["data"]))
        if name.startswith("near"):  # the map and the first rows, as a reader scrolls to them
            figure = page.driver.find_element(By.CSS_SELECTOR, ".near-map")
            page.js("arguments[0].scrollIntoView({block: 'start'})", figure)
            figure.screenshot(str(artifacts_dir / f"i21-{name}-map-{width}.png"))
        overflow = page.js("return document.documentElement.scrollWidth - window.innerWidth")
    finally:
        browser.set_window_size(1400, 1000)
    assert shot.stat().st_size > 10_000
    assert overflow <= 1
