"""The Erreichbarkeit Gemeinde map in headless Chromium: every Gemeinde drawn, the threshold
restyles without new shapes, planning by a click, a Land view, axe in both languages."""

from __future__ import annotations

import re

import pytest

from tests.dashboard.test_access_browser import query, text_of

pytestmark = pytest.mark.browser

MAP = "access-map"
GEMEINDEN = 10_997
BAYERN_GEMEINDEN = 2_230  # VG5000 2021: 2,056 Gemeinden and 174 gemeindefreie Gebiete
BAYERN_KREISE = 96
FLENSBURG = "010010000000"



def paths(page) -> int:
    return page.js("return document.querySelectorAll('#access-map .choroplethlocation').length")


def full(page, key: str):
    return page.js("const g = document.querySelector('#access-map .js-plotly-plot');"
                   "return g && g.layout && g.layout.meta ? g.layout.meta[arguments[0]] : null;",
                   key)  # fmt: skip


def click(page, code: str, star: bool = False) -> None:
    """What plotly.js emits for a click on a Gemeinde (curve 0) or on a star."""
    point = "{customdata: arguments[0], curveNumber: 9, lon: 9, lat: 54}" if star else \
        "{location: arguments[0], customdata: arguments[0], curveNumber: 0}"
    page.js("const g = document.querySelector('#access-map .js-plotly-plot');"
            f"g.emit('plotly_click', {{points: [{point}]}});", code)


def screenshots(page, browser, artifacts_dir, name: str) -> None:
    """The map at 1440x900 and 390x844, scrolled to its heading."""
    for width, height in ((1440, 900), (390, 844)):
        browser.set_window_size(width, height)
        page.wait_for(lambda d: paths(page) >= GEMEINDEN)
        page.js("document.getElementById('access-map-title').scrollIntoView()")
        browser.save_screenshot(str(artifacts_dir / f"{name}-{width}.png"))
    browser.set_window_size(1400, 1000)


def open_gemeinden(page, path: str) -> None:
    page.open(path)
    page.wait_for(lambda d: paths(page) >= 1000, timeout=90)
    page.wait_idle()


def test_the_gemeinde_map_draws_every_gemeinde_under_kreis_and_land_outlines(
    page, browser, artifacts_dir
):
    open_gemeinden(page, "/erreichbarkeit?level=gemeinde")
    page.wait_for(lambda d: paths(page) >= GEMEINDEN + 401 + 16, timeout=90)
    assert paths(page) == GEMEINDEN + 401 + 16
    assert full(page, "level") == "gemeinde"
    legend = page.js("return document.querySelector('#access-map .legend').textContent")
    assert "bis 10 km" in legend and "über 50 km" in legend and "blass: bis 25 km" in legend
    assert "weiter als 25 km" in text_of(page, "access-map-description")
    assert "Gemeinden in Deutschland" in text_of(page, "access-gemeinden")
    assert query(page).get("alevel") == ["gemeinde"] or "level=gemeinde" in page.driver.current_url
    assert page.console_errors() == []
    screenshots(page, browser, artifacts_dir, "erreichbarkeit-gemeinden")


def test_a_threshold_switch_restyles_the_classes_without_fetching_shapes_again(page):
    open_gemeinden(page, "/erreichbarkeit?level=gemeinde")
    revision = full(page, "revision")
    page.js("performance.clearResourceTimings()")
    page.driver.find_element("css selector", "#access-threshold input[value='50']").click()
    page.wait_for(lambda d: "bis 50 km" in page.js(
        "return document.querySelector('#access-map .js-plotly-plot').layout.legend.title.text"))
    page.wait_idle()
    assert full(page, "revision") == revision  # the data did not change, only the opacity
    opacity = page.js("const g = document.querySelector('#access-map .js-plotly-plot');"
                      "return g.data.slice(0, 4).map(t => t.marker.opacity);")  # fmt: skip
    assert opacity == [0.35, 0.35, 0.35, 1]  # ≤ 10, 10–25, 25–50 faded; > 50 km full
    fetched = page.js("return performance.getEntriesByType('resource')"
                      ".filter(e => e.name.includes('geojson')).length")  # fmt: skip
    assert fetched == 0
    assert full(page, "level") == "gemeinde"
    assert "blass: bis 50 km" in page.js(
        "return document.querySelector('#access-map .legend').textContent")
    page.wait_for(lambda d: query(page).get("threshold") == ["50"])


def test_clicks_on_the_gemeinde_map_place_and_remove_hypothetical_providers(
    page, browser, artifacts_dir
):
    open_gemeinden(page, "/erreichbarkeit?level=gemeinde")
    click(page, FLENSBURG)
    page.wait_for(lambda d: "Mit einem hypothetischen Standort" in
                  text_of(page, "access-plan-result"))  # fmt: skip
    page.wait_for(lambda d: query(page).get("plan") == [FLENSBURG])
    second = page.js("return document.querySelector('#access-map .js-plotly-plot')"
                     ".data[0].locations.find(c => c.startsWith('14626'))")  # fmt: skip
    click(page, second)
    page.wait_for(lambda d: "Mit 2 hypothetischen Standorten" in
                  text_of(page, "access-plan-result"))  # fmt: skip
    result = text_of(page, "access-plan-result")
    assert "bisher weiter als 25 km" in result and "höchstens 50 km" in result
    assert "Flensburg" in text_of(page, "access-plan-search")
    page.wait_idle()
    # the stars lie on the plan's layer over the map (pages/erreichbarkeit_overlay.py)
    stars = page.js("const g = document.querySelector('#access-map-plan .js-plotly-plot');"
                    "return g.data[g.data.length - 1].lon.length;")  # fmt: skip
    assert stars == 2
    screenshots(page, browser, artifacts_dir, "erreichbarkeit-gemeinden-plan")
    click(page, FLENSBURG, star=True)
    page.wait_for(lambda d: "Mit einem hypothetischen Standort" in
                  text_of(page, "access-plan-result"))  # fmt: skip
    page.wait_for(lambda d: query(page).get("plan") == [second])
    assert page.console_errors() == []


def test_the_land_view_draws_only_that_lands_gemeinden_and_says_its_figures(page, browser,
                                                                            artifacts_dir):
    open_gemeinden(page, "/erreichbarkeit?level=gemeinde&land=09")
    page.wait_for(lambda d: paths(page) == BAYERN_GEMEINDEN + BAYERN_KREISE + 1)
    summary = text_of(page, "access-summary")
    assert re.search(r"In Bayern wohnen [\d,]+ % der Menschen", summary)
    assert "Bayern" in text_of(page, "access-map-title")
    assert "In Bayern wohnen" in text_of(page, "access-map-description")
    ranking = page.js("return [...document.querySelectorAll('#access-rank-kreise a')]"
                      ".map(a => a.getAttribute('href'))")  # fmt: skip
    assert ranking and all(re.fullmatch(r"/region/09\d{3}", h) for h in ranking)
    browser.save_screenshot(str(artifacts_dir / "erreichbarkeit-gemeinden-bayern-1400.png"))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_serious_accessibility_violations_on_the_gemeinde_map(page, artifacts_dir, lang):
    from tests.dashboard.test_accessibility import keep, run_axe, serious

    open_gemeinden(page, f"/erreichbarkeit?level=gemeinde&plan={FLENSBURG}&lang={lang}")
    result = run_axe(page)
    keep(artifacts_dir, f"erreichbarkeit-gemeinden-{lang}", result)
    assert serious(result) == []
