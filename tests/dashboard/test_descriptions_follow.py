"""Descriptions follow the view (issue 21): every visually hidden caption is rewritten in the
same callback answer as its chart: the Karte's after Länder → Kreise and a Land, the Tabelle's
ranking after a Land, Entwicklung's three comparison captions after "Verglichen mit
Datenstand"; Entwicklung's change map has the Land view and links its regions' profiles."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from dashboard.text.i18n import fmt_date
from tests.dashboard.test_land_view_browser import DRAWN_JS, choose

pytestmark = pytest.mark.browser


def caption(page, element_id: str) -> str:
    return page.js("return document.getElementById(arguments[0]).textContent", element_id)


def test_the_karte_caption_follows_level_and_land(page, viewport):
    viewport(1440, 900)
    page.open("/karte")
    page.wait_for_map()
    page.wait_idle()
    assert "nach Ländern" in caption(page, "karte-caption")
    page.driver.find_element(By.CSS_SELECTOR, "#karte-level input[value='kreis']").click()
    page.wait_for(lambda d: "nach Kreisen" in caption(page, "karte-caption"))
    assert "nach Ländern" not in caption(page, "karte-caption")
    choose(page, "karte-land", "Bayern", "Bayern")
    page.wait_for(lambda d: caption(page, "karte-caption").endswith(
        "in Bayern. Die Seite Tabelle zeigt dieselben Werte als Tabelle."))
    assert page.console_errors() == []


def test_the_tabelle_caption_and_chart_title_name_category_and_land(page, viewport,
                                                                     artifacts_dir):
    viewport(1440, 900)
    page.open("/tabelle?level=kreis")
    page.wait_idle()
    assert caption(page, "tabelle-ranking-caption") == "aLA – Rangfolge: Anzahl"
    choose(page, "tabelle-land", "Bayern", "Bayern")
    page.wait_for(lambda d: caption(page, "tabelle-ranking-caption")
                  == "aLA in Bayern – Rangfolge: Anzahl")
    title = page.js("return document.querySelector('#tabelle-ranking .gtitle').textContent")
    assert title == "aLA in Bayern – Rangfolge: Anzahl"
    # integer ticks only on a count axis
    ticks = page.js("return [...document.querySelectorAll('#tabelle-ranking .xtick text')]"
                    ".map(t => t.textContent)")
    assert ticks and len(ticks) == len(set(ticks)), ticks
    assert all(t.isdigit() for t in ticks), ticks
    # every row's name links to its profile
    page.wait_for(lambda d: d.find_elements(By.CSS_SELECTOR, "#tabelle-grid a.region-link"))
    link = page.driver.find_element(By.CSS_SELECTOR, "#tabelle-grid a.region-link")
    assert "/region/09" in link.get_attribute("href")
    page.js("document.getElementById('tabelle-ranking').scrollIntoView()")
    page.driver.save_screenshot(str(artifacts_dir / "tabelle-ranking-bayern-1440.png"))
    assert page.console_errors() == []


def test_entwicklung_captions_follow_the_comparison_date_and_the_land(
    page, viewport, demo_engine, artifacts_dir
):
    import store

    series = store.served_series(demo_engine)
    first, second = (fmt_date(str(d)[:10], "de") for d in series["taken_at"].iloc[:2])
    viewport(1440, 900)
    page.open("/entwicklung?level=kreis&land=09")
    page.wait_for_map("entwicklung-change-map")
    page.wait_idle()
    drawn = page.js(DRAWN_JS, "#entwicklung-change-map")
    assert drawn["locations"] and all(c.startswith("09") for c in drawn["locations"])
    heading = page.driver.find_element(By.ID, "entwicklung-change-map-heading").text
    assert "je Region in Bayern, " in heading and first in heading
    for graph in ("entwicklung-bars", "entwicklung-change-map", "entwicklung-points"):
        assert first in caption(page, f"{graph}-caption")
    page.driver.find_element(By.ID, "entwicklung-base").click()
    option = page.wait_for(lambda d: [o for o in d.find_elements(
        By.CSS_SELECTOR, ".dash-dropdown-option") if o.text.strip() == second])
    option[0].click()
    page.wait_for(lambda d: second in caption(page, "entwicklung-change-map-caption"))
    for graph in ("entwicklung-bars", "entwicklung-change-map", "entwicklung-points"):
        text = caption(page, f"{graph}-caption")
        assert second in text and first not in text, (graph, text)
        assert text == page.driver.find_element(By.ID, f"{graph}-heading").text
    # the change table's region names link to their profiles (the table arrives when its
    # box is opened by a click or Enter on the summary: setting `open` tells Dash nothing)
    page.js("document.getElementById('entwicklung-change-table-summary').click()")
    page.wait_for(lambda d: d.find_elements(By.CSS_SELECTOR,
                                            "#entwicklung-change-table a[href*='/region/09']"))
    page.js("document.getElementById('entwicklung-change-map-heading').scrollIntoView()")
    page.driver.save_screenshot(str(artifacts_dir / "entwicklung-land-bayern-1440.png"))
    assert page.console_errors() == []
