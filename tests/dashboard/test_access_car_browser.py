"""Erreichbarkeit in car mode, in headless Chromium, over a store whose served snapshot has
car times the real engine computed on a test-written extract over Saarland."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.common.by import By

pytestmark = pytest.mark.browser
pytest.importorskip("valhalla", reason="routing engine: make routing")


@pytest.fixture(scope="module")
def car_page(browser, serve, tmp_path_factory):
    from dashboard import create_app
    from tests.dashboard.conftest import Page
    from tests.traveltime.saarland import demo_store_with_car_times

    url = demo_store_with_car_times(tmp_path_factory.mktemp("car-page"))
    with serve(create_app(url).server) as base:
        page = Page(browser, base)
        page.db_url = url  # the tests read the stored times to choose where to plan
        yield page


WIDER_THAN_PAGE = """
const limit = document.documentElement.clientWidth;
return [...document.querySelectorAll('#access-car *, #access-car-controls *')]
  .filter(e => e.getBoundingClientRect().right > limit + 1 && !e.closest('.table-scroll, svg'))
  .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right);
"""


MAP_FITS = """
const svg = document.querySelector('#access-car-map .main-svg');
return !!svg && svg.getBoundingClientRect().right <= document.documentElement.clientWidth + 1;
"""


def text_of(page, element_id: str) -> str:
    return page.js("const e = document.getElementById(arguments[0]); return e ? e.innerText : '';",
                   element_id)  # fmt: skip


def shown(page, element_id: str) -> bool:
    return page.js("const e = document.getElementById(arguments[0]);"
                   "return !!e && e.offsetParent !== null;", element_id)  # fmt: skip


def test_car_mode_shows_minutes_the_engine_and_the_extract_date(car_page, browser,
                                                                 artifacts_dir):  # fmt: skip
    page = car_page
    page.open("/erreichbarkeit?category=wfbm&amode=car&minutes=15")
    page.wait_for_map("access-car-map")
    page.wait_idle()
    car = text_of(page, "access-car")
    assert "Valhalla 3." in car and "saarland.osm.pbf" in car and "2026-11-30" in car
    for left_out in ("Verkehr", "Fahrdienst", "Bus und Bahn"):
        assert left_out in car
    assert "länger als 15 Minuten" in car and "Minuten Fahrzeit" in car
    # the Luftlinie maps and rankings give way; the switch says which measure is on
    assert not shown(page, "access-map") and not shown(page, "access-summary")
    checked = page.js("return document.querySelector('#access-mode input:checked').value")
    assert checked == "car"
    assert page.console_errors() == []
    for width, height in ((1440, 900), (390, 844)):
        browser.set_window_size(width, height)
        page.wait_for_map("access-car-map")
        page.wait_for(lambda d: page.js(MAP_FITS))  # plotly follows the window a moment later
        wide = page.js(WIDER_THAN_PAGE)
        assert wide == [], wide  # nothing pushes the page sideways
        browser.save_screenshot(str(artifacts_dir / f"erreichbarkeit-auto-{width}.png"))
        page.js("document.getElementById('access-car-controls').scrollIntoView()")
        browser.save_screenshot(str(artifacts_dir / f"erreichbarkeit-auto-{width}-map.png"))
        page.js("document.getElementById('travel-rank-kreis').scrollIntoView()")
        browser.save_screenshot(str(artifacts_dir / f"erreichbarkeit-auto-{width}-tables.png"))
    browser.set_window_size(1400, 1000)


def test_switching_the_mode_and_minutes_changes_the_view_and_the_url(car_page):
    page = car_page
    page.open("/erreichbarkeit?category=wfbm")
    page.wait_for_map("access-map")
    page.wait_idle()
    assert shown(page, "access-mode") and not shown(page, "access-minutes")
    page.driver.find_element(By.CSS_SELECTOR, "#access-mode input[value=car]").click()
    page.wait_for_map("access-car-map")
    page.driver.find_element(By.CSS_SELECTOR, "#access-minutes input[value='60']").click()
    page.wait_for(lambda d: "länger als 60 Minuten" in text_of(page, "access-car"))
    query = parse_qs(urlsplit(page.driver.current_url).query)
    assert query.get("amode") == ["car"] and query.get("minutes") == ["60"]
    page.driver.find_element(By.CSS_SELECTOR, "#access-mode input[value=line]").click()
    page.wait_for(lambda d: shown(page, "access-map"))
    assert text_of(page, "access-car") == ""


def test_a_snapshot_without_times_offers_no_car_mode(car_page):
    page = car_page
    page.open("/erreichbarkeit?snapshot=1&amode=car")
    page.wait_for_map("access-map")
    page.wait_idle()
    assert not shown(page, "access-mode") and shown(page, "access-map")
    assert text_of(page, "access-car") == ""


def test_no_serious_accessibility_violations_in_car_mode(car_page, artifacts_dir):
    from tests.dashboard.test_accessibility import keep, run_axe, serious

    page = car_page
    page.open("/erreichbarkeit?category=wfbm&amode=car")
    page.wait_for_map("access-car-map")
    page.wait_idle()
    result = run_axe(page)
    keep(artifacts_dir, "erreichbarkeit-auto", result)
    assert serious(result) == []


def farthest_saarland_gemeinde(db_url: str) -> str:
    """The Saarland Gemeinde with the longest stored drive to a WfbM (on the test roads)."""
    import numpy as np

    import store
    from store.access import gemeinde_frame
    from store.traveltime import travel_gemeinden

    engine = store.connect(db_url)
    try:
        sid = int(store.served_snapshot(engine)["id"])
        minutes = travel_gemeinden(engine, sid, "wfbm")["nearest_min"].to_numpy(float)
    finally:
        engine.dispose()
    g = gemeinde_frame(copy=False)
    minutes = np.where((g["land_code"] == "10").to_numpy(), minutes, -1)
    return str(g["ars"].iat[int(np.nanargmax(minutes))])


def test_saarland_gemeinden_in_minutes_and_planning_by_road(car_page, browser, artifacts_dir):
    """The test extract covers Saarland: its Land view at Gemeinde level shows the minute
    classes; planning at its farthest Gemeinde is computed on the roads and said in
    minutes, in place of the Luftlinie result."""
    page = car_page
    place = farthest_saarland_gemeinde(page.db_url)
    page.open("/erreichbarkeit?category=wfbm&amode=car&minutes=15&alevel=gemeinde&land=10")
    page.wait_for_map("access-car-map")
    page.wait_idle()
    names = page.js("return document.getElementById('access-car-map')"
                    ".querySelector('.js-plotly-plot').data.map(t => t.name)")  # fmt: skip
    assert "bis 15 min" in names and "über 60 min" in names
    assert "Saarland: " in text_of(page, "access-car")  # the headline speaks of the Land
    for width, height in ((1440, 900), (390, 844)):
        browser.set_window_size(width, height)
        page.wait_for_map("access-car-map")
        page.wait_for(lambda d: page.js(MAP_FITS))
        assert page.js(WIDER_THAN_PAGE) == []
        page.js("document.getElementById('access-car-map').closest('section').scrollIntoView()")
        browser.save_screenshot(str(artifacts_dir / f"erreichbarkeit-auto-saarland-{width}.png"))
    browser.set_window_size(1400, 1000)

    page.open("/erreichbarkeit?category=wfbm&amode=car&minutes=15&alevel=gemeinde&land=10"
              f"&plan={place}")  # fmt: skip
    page.wait_for(lambda d: "jetzt näher" in text_of(page, "access-car-plan"))
    said = text_of(page, "access-car-plan")
    assert "länger als 15 Minuten" in said and "Mit dem Auto" in said
    assert not shown(page, "access-plan-result")  # the Luftlinie result gives way
    assert "rechnet in Luftlinie" not in text_of(page, "access-car")
    # the map and headline show the plan: a star at the planned Gemeinde
    assert "hypothetische Standorte: 1" in text_of(page, "access-car")
    stars = page.js("return document.getElementById('access-car-map')"
                    ".querySelector('.js-plotly-plot').data"
                    ".filter(t => t.marker && t.marker.symbol === 'star')"
                    ".map(t => t.customdata)")  # fmt: skip
    assert stars == [[place]]
    for width, height in ((1440, 900), (390, 844)):
        browser.set_window_size(width, height)
        page.wait_for_map("access-car-map")
        # the map follows the window (plotly resizes a moment after it): never past the edge
        page.wait_for(lambda d: page.js(MAP_FITS))
        assert page.js(WIDER_THAN_PAGE) == []
        page.js("document.getElementById('access-car-plan').scrollIntoView()")
        browser.save_screenshot(str(artifacts_dir / f"erreichbarkeit-auto-plan-{width}.png"))
        page.js("document.getElementById('access-car-map').closest('section').scrollIntoView()")
        browser.save_screenshot(str(artifacts_dir / f"erreichbarkeit-auto-plan-map-{width}.png"))
    browser.set_window_size(1400, 1000)
    # back to straight lines: the Luftlinie result returns, the road block is gone
    page.driver.find_element(By.CSS_SELECTOR, "#access-mode input[value=line]").click()
    page.wait_for(lambda d: shown(page, "access-plan-result"))
    assert not shown(page, "access-car-plan") or text_of(page, "access-car-plan") == ""
