"""The Erreichbarkeit page in headless Chromium: maps, thresholds, planning, URL state."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

pytestmark = pytest.mark.browser

MAP = "access-map"


def text_of(page, element_id: str) -> str:
    return page.js("const e = document.getElementById(arguments[0]); return e ? e.innerText : '';",
                   element_id)  # fmt: skip


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.driver.current_url).query)


def add_place(page, name: str) -> None:
    """Open the Gemeinde search (Dash 4 dropdown), type, choose the first matching option."""
    page.driver.find_element(By.CSS_SELECTOR, "#access-plan-search").click()
    page.wait_for(lambda d: d.find_elements(By.CSS_SELECTOR, ".dash-dropdown-search, "
                                            "[role=listbox] input, .dash-dropdown-content input"))
    page.driver.switch_to.active_element.send_keys(name)
    # by class: assets/a11y_repairs.js turns the list into plain labelled inputs (no role=option)
    option = ("//*[contains(concat(' ', normalize-space(@class), ' '), ' dash-dropdown-option ')]"
              f"[contains(., '{name}')]")
    page.wait_for(lambda d: d.find_elements(By.XPATH, option))
    page.driver.find_element(By.XPATH, option).click()
    page.driver.switch_to.active_element.send_keys(Keys.ESCAPE)


def headline(page) -> str:
    return text_of(page, "access-summary")


def test_the_page_shows_the_maps_with_luftlinie_and_no_console_errors(page, browser,
                                                                       artifacts_dir):  # fmt: skip
    page.open("/erreichbarkeit")
    page.wait_for_map(MAP)
    page.wait_for_map("access-sfca-map")
    page.wait_idle()
    assert "Luftlinie" in headline(page)
    count = page.js("return document.querySelectorAll('#access-map .choroplethlocation').length")
    assert count >= 401
    ranking = text_of(page, "access-rank-kreise")
    assert "weiter als 25 km" in ranking and len(ranking.splitlines()) >= 20
    assert page.console_errors() == []
    for width, height in ((1440, 900), (390, 844)):
        browser.set_window_size(width, height)
        page.wait_for_map(MAP)
        browser.save_screenshot(str(artifacts_dir / f"erreichbarkeit-{width}.png"))
    browser.set_window_size(1400, 1000)


def test_the_threshold_changes_figures_and_url(page):
    page.open("/erreichbarkeit")
    page.wait_for_map(MAP)
    page.wait_idle()
    before = headline(page)
    page.driver.find_element(By.CSS_SELECTOR, "#access-threshold input[value='50']").click()
    page.wait_for(lambda d: "mehr als 50 km" in headline(page))
    assert headline(page) != before
    page.wait_for(lambda d: query(page).get("threshold") == ["50"])


def test_planning_two_places_changes_the_figures_and_the_url_restores_them(page, browser):
    page.open("/erreichbarkeit?category=ala")
    page.wait_for_map(MAP)
    page.wait_idle()
    assert "Noch kein hypothetischer Standort" in text_of(page, "access-plan-result")
    add_place(page, "Flensburg")
    page.wait_for(lambda d: "Mit einem hypothetischen" in text_of(page, "access-plan-result"))
    first = text_of(page, "access-plan-result")
    add_place(page, "Görlitz")
    page.wait_for(lambda d: "Mit 2 hypothetischen" in text_of(page, "access-plan-result"))
    second = text_of(page, "access-plan-result")
    assert first != second
    numbers = [int(n.replace(".", "")) for n in re.findall(r"(\d[\d.]*) Menschen", second)]
    assert numbers and numbers[0] > 0
    page.wait_for(lambda d: len(query(page).get("plan", [""])[0].split(",")) == 2)
    plan = query(page)["plan"][0].split(",")
    assert all(re.fullmatch(r"\d{12}", p) for p in plan)
    # the hypothetical places are drawn as stars on the map
    stars = page.js("const g = document.querySelector('#access-map .js-plotly-plot');"
                    "return g._fullData[3].lon.length;")  # fmt: skip
    assert stars == 2
    # a fresh visit of the URL restores both places and the same figures
    url = page.driver.current_url
    page.driver.get("about:blank")
    page.driver.get(url)
    page.wait_for(lambda d: "Mit 2 hypothetischen" in text_of(page, "access-plan-result"))
    assert text_of(page, "access-plan-result") == second
    chosen = text_of(page, "access-plan-search")
    assert "Flensburg" in chosen and "Görlitz" in chosen
    assert page.console_errors() == []


def test_the_english_page_says_straight_line_and_the_embed_shows_the_maps_alone(page):
    page.open("/erreichbarkeit?lang=en")
    page.wait_for_map(MAP)
    assert "straight line" in headline(page)
    assert "Access" in text_of(page, "shell-nav")
    page.open("/erreichbarkeit?embed=1&threshold=50")
    page.wait_for_map(MAP)
    assert page.js("return document.querySelectorAll('nav').length") == 0
    assert "Luftlinie" in page.js("return document.body.innerText")
    assert not page.driver.find_elements(By.ID, "access-summary")


def test_no_serious_accessibility_violations_on_the_access_page(page, artifacts_dir):
    """The planning state (a hypothetical provider drawn as a star), which the per-page axe
    runs in test_accessibility.py do not open; the same current axe-core."""
    from tests.dashboard.test_accessibility import keep, run_axe, serious

    page.open("/erreichbarkeit?plan=010010000000")
    page.wait_for_map(MAP)
    page.wait_idle()
    result = run_axe(page)
    keep(artifacts_dir, "erreichbarkeit-planning", result)
    assert serious(result) == []


def test_a_clicked_kreis_shows_its_gemeinden_and_the_url_keeps_it(page):
    page.open("/erreichbarkeit")
    page.wait_for_map(MAP)
    page.wait_idle()
    assert "Klicken Sie auf einen Kreis" in text_of(page, "access-region")
    page.js("const g = document.querySelector('#access-map .js-plotly-plot');"
            "g.emit('plotly_click', {points: [{location: '16051', curveNumber: 1}]});")
    page.wait_for(lambda d: "Gemeinden in Erfurt" in text_of(page, "access-region"))
    assert "Luftlinie" in text_of(page, "access-region")
    page.wait_for(lambda d: query(page).get("akreis") == ["16051"])
    page.open("/erreichbarkeit?akreis=16051&category=wfbm")
    page.wait_for(lambda d: "Gemeinden in Erfurt" in text_of(page, "access-region"))
    assert page.console_errors() == []
