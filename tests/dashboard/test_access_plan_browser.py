"""Issue 17 in headless Chromium: planning by a real click on the Kreis map, the full
Gemeinde grid (search, sort, axe), and touch pan/zoom of the Gemeinde map on a phone."""

from __future__ import annotations

import json

import pytest
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from shapely.geometry import shape

import geodata
from store.access import gemeinde_frame
from tests.dashboard.test_access_browser import query, text_of
from tests.dashboard.test_access_gemeinde_browser import GEMEINDEN, open_gemeinden, paths

pytestmark = pytest.mark.browser

ROSENHEIM_LK = "09187"
GRID = "access-gemeinde-grid"

# client (viewport) position of a lon/lat on the access map, through the geo subplot's
# projection and the background rectangle's screen matrix (how plotly.js maps the pointer)
SCREEN_AT = """
const gd = document.querySelector('#access-map .js-plotly-plot');
const sub = gd._fullLayout.geo._subplot;
const xy = sub.projection([arguments[0], arguments[1]]);
const p = new DOMPoint(xy[0], xy[1]).matrixTransform(sub.bgRect.node().getScreenCTM());
return [p.x, p.y];
"""


def click_at(page, lon: float, lat: float) -> None:
    """A real mouse click (pointer moved there, pressed, released) at lon/lat on the map."""
    x, y = page.js(SCREEN_AT, lon, lat)
    actions = ActionBuilder(page.driver)
    actions.pointer_action.move_to_location(int(round(x)), int(round(y)))
    actions.pointer_action.pause(0.3)  # let plotly.js see the pointer there (its hover)
    actions.pointer_action.click()
    actions.perform()


def stars(page) -> int:
    return page.js("const g = document.querySelector('#access-map .js-plotly-plot');"
                   "const t = g.data.find(t => t.marker && t.marker.symbol === 'star');"
                   "return t && t.lon ? t.lon.length : 0;")  # fmt: skip


def a_gemeinde_of(kreis: str) -> tuple[str, str, float, float]:
    """(ARS, name, lon, lat inside it) of the Kreis's largest-area Gemeinde that is not its
    most populous (so a fallback to the most populous would show)."""
    gemeinden = gemeinde_frame(copy=False)
    own = gemeinden[gemeinden["kreis_ars"] == kreis]
    largest = own.loc[own["population"].idxmax(), "ars"]
    with open(geodata.gemeinde_shapes_path(), encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    shapes = {f["id"]: shape(f["geometry"]) for f in features if f["id"][:5] == kreis}
    ars = max((a for a in shapes if a != largest), key=lambda a: shapes[a].area)
    point = shapes[ars].point_on_surface()
    name = own.set_index("ars").loc[ars, "name"]
    return ars, str(name), point.x, point.y


def test_a_click_on_the_kreis_map_plans_in_the_gemeinde_clicked_and_a_star_click_removes_it(
    page, browser, artifacts_dir
):
    ars, name, lon, lat = a_gemeinde_of(ROSENHEIM_LK)
    page.open("/erreichbarkeit?land=09")
    page.wait_for_map("access-map")
    page.wait_idle()
    before = text_of(page, "access-plan-result")
    page.js("document.getElementById('access-map').scrollIntoView({block: 'center'})")
    click_at(page, lon, lat)
    page.wait_for(lambda d: query(page).get("plan") == [ars], timeout=60)
    page.wait_for(lambda d: "Mit einem hypothetischen Standort" in
                  text_of(page, "access-plan-result"), timeout=60)  # fmt: skip
    page.wait_idle()
    assert text_of(page, "access-plan-result") != before
    note = text_of(page, "access-kreis-plan-note")
    assert name in note and "wo Sie geklickt haben" in note
    # plotly.js's own hit test named the Kreis, and its Gemeinde table opened as before
    assert "Rosenheim" in text_of(page, "access-region")
    assert query(page).get("akreis") == [ROSENHEIM_LK]
    page.wait_for(lambda d: stars(page) == 1)
    browser.save_screenshot(str(artifacts_dir / "erreichbarkeit-kreis-plan-1400.png"))
    click_at(page, *page.js(
        "const g = document.querySelector('#access-map .js-plotly-plot');"
        "const t = g.data.find(t => t.marker && t.marker.symbol === 'star');"
        "return [t.lon[0], t.lat[0]];"))  # fmt: skip
    page.wait_for(lambda d: "plan" not in query(page), timeout=60)
    page.wait_for(lambda d: stars(page) == 0)
    assert "aus der Planung genommen" in text_of(page, "access-kreis-plan-note")
    assert page.console_errors() == []


def grid_js(page, script: str, *args):
    return page.js(f"const api = dash_ag_grid.getApi('{GRID}'); {script}", *args)


def filtered(page) -> list[dict]:
    return grid_js(page, "const out = []; api.forEachNodeAfterFilter(n => out.push(n.data));"
                         "return out;")  # fmt: skip


def open_grid(page, path: str) -> None:
    open_gemeinden(page, path)
    page.wait_for(lambda d: page.js(
        f"return !!document.querySelector('#{GRID} .ag-row')"), timeout=60)  # fmt: skip
    page.js(f"document.getElementById('{GRID}').scrollIntoView()")


def test_the_gemeinde_grid_lists_every_gemeinde_searches_and_sorts_largest_first(
    page, browser, artifacts_dir
):
    open_grid(page, "/erreichbarkeit?alevel=gemeinde")
    assert grid_js(page, "return api.getDisplayedRowCount()") == GEMEINDEN
    label = page.js("return document.querySelector(\"label[for='access-gemeinde-search']\")"
                    ".innerText")  # fmt: skip
    assert label == "Gemeinde, Kreis oder Anbieter suchen"
    box = page.driver.find_element(By.ID, "access-gemeinde-search")
    box.send_keys("Rosenheim")

    def matching(rows: list[dict]) -> bool:
        return all("rosenheim" in " ".join(str(v) for v in r.values()).lower() for r in rows)

    # typed letter by letter: until the whole word filters
    page.wait_for(lambda d: grid_js(page, "return api.getDisplayedRowCount()") < 1000
                  and matching(filtered(page)))  # fmt: skip
    rows = filtered(page)
    gemeinden = gemeinde_frame(copy=False)
    expected = set(gemeinden.loc[gemeinden["kreis_ars"].isin([ROSENHEIM_LK, "09163"]), "ars"])
    assert expected <= {r["ars"] for r in rows}
    page.wait_for(lambda d: text_of(page, "access-gemeinde-count").startswith(f"{len(rows)} von"))
    browser.save_screenshot(str(artifacts_dir / "erreichbarkeit-gemeinde-grid-1400.png"))
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)  # an empty search: every row again
    page.wait_for(lambda d: grid_js(page, "return api.getDisplayedRowCount()") == GEMEINDEN)
    # sort by people (a click), then by km: its first click puts the largest distance first
    header = "#{} .ag-header-cell[col-id='{}'] .ag-header-cell-label"
    page.driver.find_element(By.CSS_SELECTOR, header.format(GRID, "population")).click()
    page.wait_for(lambda d: grid_js(page, "return api.getDisplayedRowAtIndex(0).data.population")
                  == int(gemeinden["population"].max()))  # fmt: skip
    page.driver.find_element(By.CSS_SELECTOR, header.format(GRID, "km")).click()
    page.wait_for(lambda d: grid_js(
        page, "return api.getColumnState().find(c => c.colId === 'km').sort") == "desc")
    top = grid_js(page, "return api.getDisplayedRowAtIndex(0).data.km")
    every = grid_js(page, "const k = []; api.forEachNode(n => k.push(n.data.km)); return k;")
    assert top == max(k for k in every if k is not None)
    first = page.js(f"return document.querySelector(\"#{GRID} .ag-row[row-index='0'] "
                    "[col-id='km']\").innerText")  # fmt: skip
    assert first == f"{top:.1f}".replace(".", ",")
    for width, height in ((1440, 900), (390, 844)):
        browser.set_window_size(width, height)
        page.js("document.getElementById('access-gemeinde-heading').scrollIntoView()")
        browser.save_screenshot(str(artifacts_dir / f"erreichbarkeit-gemeinde-grid-{width}.png"))
    browser.set_window_size(1400, 1000)
    assert page.console_errors() == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_serious_accessibility_violations_in_the_gemeinde_grid(page, artifacts_dir, lang):
    from tests.dashboard.test_accessibility import keep, run_axe, serious

    open_grid(page, f"/erreichbarkeit?alevel=gemeinde&land=09&lang={lang}")
    page.driver.find_element(By.ID, "access-gemeinde-search").send_keys("Rosenheim")
    page.wait_for(lambda d: grid_js(page, "return api.getDisplayedRowCount()") < 200)
    result = run_axe(page)
    keep(artifacts_dir, f"erreichbarkeit-gemeinde-grid-{lang}", result)
    assert serious(result) == []
    assert result["passes"] > 0


# ------------------------------------------------------------------ touch on a phone


def touch(browser, kind: str, points: list[tuple[float, float]]) -> None:
    browser.execute_cdp_cmd("Input.dispatchTouchEvent", {
        "type": kind, "touchPoints": [{"x": x, "y": y, "id": i} for i, (x, y) in
                                      enumerate(points)]})  # fmt: skip


def geo_view(page) -> dict:
    """The map's centre and zoom as plotly.js keeps them after a pan or zoom."""
    return page.js("const geo = document.querySelector('#access-map .js-plotly-plot')"
                   "._fullLayout.geo;"
                   "return {lon: geo.center.lon, lat: geo.center.lat,"
                   " scale: geo.projection.scale};")  # fmt: skip


# the map's and the plan layer's projections (scale, translate, rotation)
PROJECTIONS = """
const of = id => document.querySelector(`#${id} .js-plotly-plot`)._fullLayout.geo._subplot
    .projection;
return ['access-map', 'access-map-plan'].map(id => [of(id).scale(), ...of(id).translate(),
                                                     ...of(id).rotate()]);
"""


def aligned(page) -> bool:
    """The plan's layer lies exactly over the map (the same projection)."""
    base, plan = page.js(PROJECTIONS)
    return base == plan


def test_the_gemeinde_map_pans_and_zooms_by_touch_on_a_phone(page, browser, viewport,
                                                             artifacts_dir):  # fmt: skip
    viewport(390, 844)
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled",
                            {"enabled": True, "maxTouchPoints": 2})  # fmt: skip
    try:
        # two planned places: the plan's layer over the map follows every touch pan and zoom
        open_gemeinden(page, "/erreichbarkeit?alevel=gemeinde&plan=010010000000,031590016016")
        page.wait_for(lambda d: paths(page) >= GEMEINDEN)
        page.wait_for(lambda d: aligned(page))
        page.js("document.getElementById('access-map').scrollIntoView()")
        germany = page.js(
            "const g = document.querySelector('#access-map .js-plotly-plot');"
            "const r = g.querySelector('.choroplethlayer').getBoundingClientRect();"
            "return [r.left, r.top, r.width, r.height];")  # fmt: skip
        assert germany[2] >= 300  # Germany drawn at least 300 px wide at first
        browser.save_screenshot(str(artifacts_dir / "erreichbarkeit-gemeinden-touch-390.png"))
        before = geo_view(page)
        x, y = germany[0] + germany[2] / 2, germany[1] + germany[3] / 2
        # one finger drags 80 px to the right: the map pans (the view's longitudes move west)
        touch(browser, "touchStart", [(x, y)])
        for step in range(1, 9):
            touch(browser, "touchMove", [(x + 10 * step, y)])
        touch(browser, "touchEnd", [])
        page.wait_for(lambda d: geo_view(page)["lon"] != before["lon"])
        page.wait_for(lambda d: aligned(page))
        panned = geo_view(page)
        assert panned["lon"] < before["lon"] and panned["scale"] == before["scale"]
        # two fingers spread apart: the map zooms in
        touch(browser, "touchStart", [(x - 20, y), (x + 20, y)])
        for step in range(1, 9):
            touch(browser, "touchMove", [(x - 20 - 8 * step, y), (x + 20 + 8 * step, y)])
        touch(browser, "touchEnd", [])
        page.wait_for(lambda d: geo_view(page)["scale"] > panned["scale"] * 1.2)
        page.wait_for(lambda d: aligned(page))
        # the map zoomed, not the page; and the map stays put under it
        assert page.js("return window.visualViewport.scale") == 1
        # a vertical swipe over the map scrolls the page (a phone-wide map never traps)
        scrolled = page.js("return window.scrollY")
        zoomed = geo_view(page)
        touch(browser, "touchStart", [(x, y + 100)])
        for step in range(1, 9):
            touch(browser, "touchMove", [(x, y + 100 - 20 * step)])
        touch(browser, "touchEnd", [])
        page.wait_for(lambda d: page.js("return window.scrollY") > scrolled + 50)
        assert geo_view(page)["scale"] == zoomed["scale"]
        assert aligned(page)
        browser.save_screenshot(str(artifacts_dir / "erreichbarkeit-gemeinden-touch-zoom-390.png"))
        # Chromium's "intervention" notes are about plotly.js's own touch listeners
        # (preventDefault in a passive listener), not errors of the page
        errors = [e for e in page.console_errors() if e.get("source") != "intervention"]
        assert errors == []
    finally:
        browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
