"""Region profiles, "near me", the not-found page and Leichte Sprache in headless Chromium over
a real server and the demo store: content against the store, navigation by the search box,
no console errors, axe-core, and screenshots at 1440 and 390 px."""

from __future__ import annotations

import base64

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import store
from dashboard.model.data import AtlasData
from dashboard.model.profile import figure_cells, load_profile, profile_paragraph
from dashboard.text.i18n import fmt_date, fmt_number
from dashboard.text.region_position import locator_text

pytestmark = pytest.mark.browser

VIEWS = {
    "region-kreis": ("/region/09187", "Im Landkreis Rosenheim gibt es am"),
    "region-de": ("/region/DE", "In Deutschland gibt es am"),
    "naehe": ("/naehe?plz=83022", "Anbieter in der Nähe von 83022"),
    "leichte-sprache": ("/leichte-sprache", "Was zeigt der Atlas?"),
    "region-404": ("/region/99999", "Region nicht gefunden"),
    "page-404": ("/gibt-es-nicht", "Seite nicht gefunden"),
    "page-404-en": ("/does-not-exist?lang=en", "Page not found"),
}


def _text(page) -> str:
    return page.js("return document.querySelector('main').innerText")


def _locator_drawn(page, graph: str) -> bool:
    return page.js(
        "const g = document.querySelector(arguments[0] + ' .js-plotly-plot');"
        "return !!g && g.querySelectorAll('path.choroplethlocation').length > 0;", f"#{graph}")


def test_a_kreis_profile_shows_the_numbers_paragraph_map_and_citation(page, demo_engine):
    data = AtlasData(demo_engine)
    served = data.served()
    profile = load_profile(data, served, "09187")
    page.open("/region/09187")
    page.wait_for_text("Zitiervorschlag")
    page.wait_for(lambda d: _locator_drawn(page, "region-locator"))
    page.wait_idle()
    paragraph = page.driver.find_element(By.ID, "region-paragraph").text
    assert paragraph == profile_paragraph(profile, "de")
    rows = page.js(
        "return Array.from(document.querySelectorAll('#region-figures tbody tr'))"
        ".map(tr => Array.from(tr.children).map(c => c.innerText));")
    cells = figure_cells(profile, "de")
    assert [r[1:] for r in rows[:1]] == [[cells["count"][c] for c in ("ala", "wfbm", "ib")]]
    listed = store.load_providers(demo_engine, served["id"], kreis="09187")
    text = _text(page)
    for name in listed["name"]:
        assert name in text
    citation = page.driver.find_element(By.ID, "region-citation").text
    assert "Regionalprofil Landkreis Rosenheim (Bayern)" in citation
    assert f"/region/09187?snapshot={served['id']}" in citation and "Beispieldaten" in citation
    assert locator_text(profile, "de") in text  # kind, Land and "im Süden"
    assert "Lagekarte: Landkreis Rosenheim, ein Kreis im Land Bayern, liegt im Süden" in text
    assert page.console_errors() == []


def test_an_older_snapshot_and_english_come_from_the_url(page, demo_engine):
    series = store.list_snapshots(demo_engine).sort_values("id")
    oldest, taken = int(series.iloc[0]["id"]), str(series.iloc[0]["taken_at"])
    page.open(f"/region/09187?snapshot={oldest}&lang=en")
    # English dates read "30 Nov 2021" (i18n.fmt_date), not ISO
    page.wait_for_text(f"In the district (Landkreis) of Rosenheim, on {fmt_date(taken, 'en')},")
    page.wait_for_text("How to cite")
    assert page.console_errors() == []


def test_the_germany_profile_links_down_to_the_laender(page):
    page.open("/region/DE")
    page.wait_for_text("Die 16 Länder")
    links = page.driver.find_elements(By.CSS_SELECTOR, ".region-peers a")
    assert len(links) == 16
    next(a for a in links if a.text == "Bayern").click()
    page.wait_for_text("In Bayern gibt es am")
    page.wait_for_text("Kreise in Bayern")
    assert len(page.driver.find_elements(By.CSS_SELECTOR, ".region-peers a")) == 96


def test_an_unknown_region_offers_a_search_that_leads_to_the_profile(page):
    page.open("/region/99999")
    page.wait_for_text("Region nicht gefunden")
    field = page.driver.find_element(By.ID, "search-notfound-q")
    field.send_keys("Rosenheim", Keys.ENTER)
    page.wait_for_text("Suchergebnisse für „Rosenheim“")
    page.driver.find_element(By.LINK_TEXT, "Landkreis Rosenheim").click()
    page.wait_for_text("Im Landkreis Rosenheim gibt es am")
    # the one expected entry: the not-found address itself answered 404 (on purpose)
    errors = [e for e in page.console_errors() if "/region/99999 - " not in e["message"]]
    assert errors == []


def test_a_plz_in_the_header_search_opens_near_me(page, app):
    page.open("/karte")
    field = page.driver.find_element(By.ID, "search-header-q")
    field.send_keys("83022", Keys.ENTER)
    page.wait_for_text("Anbieter in der Nähe von 83022")
    page.wait_for(lambda d: page.js(
        "return !!document.querySelector('#near-map .js-plotly-plot .scattergeo')"))
    page.wait_idle()
    api = app.server.test_client().get("/api/nearest?plz=83022&category=ala&limit=5").get_json()
    first_table = page.js(
        "return Array.from(document.querySelectorAll('.near-table')[0].querySelectorAll("
        "'tbody tr')).map(tr => [tr.children[0].innerText, tr.children[1].innerText]);")
    assert [name for _, name in first_table] == [p["name"] for p in api["providers"]]
    # providers in the place's own Gemeinde first, without a distance; then by distance
    same = [km for km, _ in first_table if km.startswith("im selben Ort")]
    assert [km for km, _ in first_table[:len(same)]] == same
    kms = [float(km.split(" km")[0].replace(".", "").replace(",", "."))
           for km, _ in first_table[len(same):]]
    assert kms == sorted(kms)
    assert "Luftlinie" in _text(page)
    assert page.console_errors() == []


def test_the_header_links_to_leichte_sprache_with_the_served_figures(page, app):
    page.open("/tabelle")
    page.driver.find_element(By.LINK_TEXT, "Leichte Sprache").click()
    page.wait_for_text("Was ist ein anderer Leistungs-Anbieter?")
    counts = app.server.test_client().get("/healthz").get_json()["snapshot"]["counts"]
    counts = {k: fmt_number(v, "de") for k, v in counts.items()}
    text = _text(page)
    assert f"In ganz Deutschland gibt es {counts['ala']} andere Leistungs-Anbieter." in text
    assert f"In ganz Deutschland gibt es {counts['wfbm']} Werkstätten." in text
    size = page.js("return parseFloat(getComputedStyle(document.querySelector("
                   "'.easy-sentence')).fontSize)")
    assert size >= 20  # large type
    assert page.console_errors() == []


@pytest.mark.parametrize("name", list(VIEWS))
def test_no_serious_accessibility_violations(page, name, artifacts_dir):
    """Every region view, the Germany profile and the not-found page included, with the
    project's current axe-core (tests/axe, `make axe`)."""
    from tests.dashboard.test_accessibility import keep, run_axe, serious

    path, text = VIEWS[name]
    page.open(path)
    page.wait_for_text(text)
    page.wait_idle()
    result = run_axe(page)
    keep(artifacts_dir, name, result)
    assert serious(result) == []


@pytest.mark.parametrize("width,height", [(1440, 900), (390, 844)])
@pytest.mark.parametrize("name", list(VIEWS))
def test_screenshots(page, browser, artifacts_dir, name, width, height):
    path, text = VIEWS[name]
    browser.set_window_size(width, height)
    try:
        page.open(path)
        page.wait_for_text(text)
        if name.startswith("region-") and name != "region-404":
            page.wait_for(lambda d: _locator_drawn(page, "region-locator"))
        page.wait_idle()
        shot = artifacts_dir / f"{name}-{width}.png"
        browser.save_screenshot(str(shot))
        # the whole page too, for reading it through
        full = browser.execute_cdp_cmd("Page.captureScreenshot",
                                       {"captureBeyondViewport": True, "format": "png"})
        whole = artifacts_dir / f"{name}-{width}-full.png"
        whole.write_bytes(base64.b64decode(full["data"]))
        overflow = page.js("return document.documentElement.scrollWidth - window.innerWidth")
        wide = page.js(
            "return Array.from(document.querySelectorAll('body *')).filter(e => "
            "e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll')"
            ").slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id);")
    finally:
        browser.set_window_size(1400, 1000)
    assert shot.stat().st_size > 10_000
    assert overflow <= 1, wide  # nothing wider than the screen


def test_the_map_text_alternative_follows_the_controls(page, demo_engine):
    from dashboard.model.data import map_frame
    from dashboard.text.describe import map_description

    data = AtlasData(demo_engine)
    sid = data.served()["id"]
    page.open("/karte")
    page.wait_for_map()
    shown = page.driver.find_element(By.ID, "karte-description")
    assert shown.text == map_description(map_frame(data, sid, "land", "ala"), "count", "ala",
                                         "land", "2022-12-01", "de")
    page.driver.find_element(By.CSS_SELECTOR, "#karte-metric input[value='per_100k']").click()
    expected = map_description(map_frame(data, sid, "land", "ala"), "per_100k", "ala", "land",
                               "2022-12-01", "de")
    page.wait_for(lambda d: d.find_element(By.ID, "karte-description").text == expected)
    page.driver.find_element(By.CSS_SELECTOR, "#karte-level input[value='kreis']").click()
    page.wait_for(lambda d: "nach Kreisen" in d.find_element(By.ID, "karte-description").text)
    page.wait_idle()
    assert page.console_errors() == []
