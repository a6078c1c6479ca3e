"""The Gemeinde map's fast paths in headless Chromium: a threshold switch repaints in the
browser (no answer carries the map, Plotly.react never runs on it), a planning click redraws
only the plan's layer over the map (the map's 10,997 paths stay untouched), the layer stays
aligned with the map through zoom and pan, its hover says the planned values, and the fading
holds for the planned Gemeinden too."""

from __future__ import annotations

import pytest

from dashboard.figures.access_gemeinde import CLASSES
from dashboard.figures.plan_overlay import MASK, PLANNED, STARS
from tests.dashboard.test_access_browser import query, text_of
from tests.dashboard.test_access_gemeinde_browser import (
    FLENSBURG,
    GEMEINDEN,
    click,
    open_gemeinden,
    paths,
)

ELSEWHERE = "031590016016"  # in Landkreis Göttingen

pytestmark = pytest.mark.browser

# counts Plotly.react on the Gemeinde map and on the plan's layer, keeps the callback answers'
# outputs for both (by id and property: "patch" for a Patch, "figure" for a whole one), and
# counts changes of the map's paths (a re-projection sets every path's `d`)
WATCH = """
window.__reacts = 0;
window.__planReacts = 0;
window.__answers = [];
window.__planAnswers = [];
window.__pathChanges = 0;
if (!window.__watched) {
  window.__watched = true;
  const react = Plotly.react;
  Plotly.react = function (target, ...rest) {
    if (target === document.querySelector('#access-map .js-plotly-plot')) window.__reacts += 1;
    if (target === document.querySelector('#access-map-plan .js-plotly-plot')) {
      window.__planReacts += 1;
    }
    return react.call(this, target, ...rest);
  };
  const kind = (out) => out === undefined ? 'none'
    : (out.figure && out.figure.__dash_patch_update ? 'patch' : 'figure');
  const fetched = window.fetch;
  window.fetch = function (...args) {
    return fetched.apply(this, args).then(response => {
      if (String(args[0]).includes('_dash-update-component') && response.status === 204) {
        // no content: a callback whose outputs all stay (the car parts on a plan change)
        window.__answers.push('none');
        window.__planAnswers.push('none');
      } else if (String(args[0]).includes('_dash-update-component')) {
        response.clone().json().then(body => {
          window.__answers.push(kind((body.response || {})['access-map']));
          window.__planAnswers.push(kind((body.response || {})['access-map-plan']));
        }).catch(() => window.__answers.push('unreadable'));
      }
      return response;
    });
  };
  new MutationObserver(records => { window.__pathChanges += records.length; }).observe(
    document.querySelector('#access-map .js-plotly-plot'),
    {subtree: true, childList: true, attributes: true, attributeFilter: ['d']});
}
"""
GRAPH = "document.querySelector('#access-map .js-plotly-plot')"
PLAN = "document.querySelector('#access-map-plan .js-plotly-plot')"
# the map's Gemeinde paths, each marked (a redraw that replaced them would lose the mark)
MARK = """
const paths = [...document.querySelectorAll('#access-map .choroplethlocation')];
paths.forEach(p => { p.__atlasMark = true; });
return paths.length;
"""
MARKED = """
const paths = [...document.querySelectorAll('#access-map .choroplethlocation')];
return [paths.length, paths.filter(p => p.__atlasMark).length];
"""
# the projection of the map and of the plan's layer (scale, translate, rotation) and where the
# plan's first planned Gemeinde lies on screen in each graph
ALIGNMENT = """
const base = document.querySelector('#access-map .js-plotly-plot');
const plan = document.querySelector('#access-map-plan .js-plotly-plot');
const of = gd => gd._fullLayout.geo._subplot.projection;
const box = gd => gd.querySelector('.geo').getBoundingClientRect();
return {base: [of(base).scale(), ...of(base).translate(), ...of(base).rotate()],
        plan: [of(plan).scale(), ...of(plan).translate(), ...of(plan).rotate()],
        baseBox: [box(base).left, box(base).top], planBox: [box(plan).left, box(plan).top],
        size: [base._fullLayout._size, plan._fullLayout._size]};
"""


def opacities(page, traces) -> list[float]:
    return page.js(f"const g = {GRAPH}; return arguments[0].map(i => g.data[i].marker.opacity);",
                   list(traces))  # fmt: skip


def test_a_threshold_switch_repaints_in_the_browser_without_the_server_sending_the_map(page):
    open_gemeinden(page, "/erreichbarkeit?level=gemeinde")
    page.js(WATCH)
    page.driver.find_element("css selector", "#access-threshold input[value='10']").click()
    page.wait_for(lambda d: "bis 10 km" in page.js(f"return {GRAPH}.layout.legend.title.text"))
    page.wait_for(lambda d: query(page).get("threshold") == ["10"])
    page.wait_idle()
    page.wait_for(lambda d: len(page.js("return window.__answers")) >= 2)  # update, keep_url
    assert opacities(page, CLASSES) == [0.35, 1, 1, 1]
    # the texts still follow, from the server
    page.wait_for(lambda d: "weiter als 10 km" in text_of(page, "access-map-description"))
    assert page.js("return window.__reacts") == 0  # no redraw of the 10,997 shapes
    assert set(page.js("return window.__answers")) == {"none"}  # no answer carried the map
    assert "blass: bis 10 km" in page.js(
        "return document.querySelector('#access-map .legend').textContent")
    assert page.console_errors() == []


def settled(page) -> None:
    """Until the map's paths have stayed as they are for a second (a resize redraws them)."""
    import time

    for _ in range(30):
        page.js("window.__pathChanges = 0;")
        time.sleep(1)
        if page.js("return window.__pathChanges") == 0:
            return
    raise AssertionError("the map kept redrawing")


def opacities_of(page, graph: str, traces) -> list[float]:
    return page.js(f"const g = {graph}; return arguments[0].map(i => g.data[i].marker.opacity);",
                   list(traces))  # fmt: skip


def test_a_planning_click_redraws_only_the_plans_layer_and_keeps_the_fading(page, browser,
                                                                           artifacts_dir):
    open_gemeinden(page, "/erreichbarkeit?level=gemeinde&threshold=50")
    page.wait_for(lambda d: paths(page) >= GEMEINDEN)
    page.js(WATCH)
    assert page.js(MARK) >= GEMEINDEN
    classes = page.js(f"const g = {GRAPH}; return [0, 1, 2, 3, 4].map(i => g.data[i].locations"
                      ".length);")  # fmt: skip
    click(page, FLENSBURG)
    page.wait_for(lambda d: "Mit einem hypothetischen Standort" in
                  text_of(page, "access-plan-result"))  # fmt: skip
    page.wait_for(lambda d: page.js(f"return {PLAN}.data[{STARS}].lon.length") == 1)
    page.wait_idle()
    # the map was neither sent nor redrawn: the same path elements, not one `d` set again
    assert set(page.js("return window.__answers")) == {"none"}
    assert page.js("return window.__reacts") == 0
    assert page.js("return window.__pathChanges") == 0
    drawn, marked = page.js(MARKED)
    assert drawn == marked >= GEMEINDEN
    # the plan's layer was sent whole (it is small) and drawn once
    assert "figure" in page.js("return window.__planAnswers")
    assert page.js("return window.__planReacts") == 1
    # the snapshot's classes stay; the planned Gemeinden lie over them, Flensburg among them
    assert page.js(f"const g = {GRAPH}; return [0, 1, 2, 3, 4].map(i => g.data[i].locations"
                   ".length);") == classes  # fmt: skip
    planned = page.js(f"const g = {PLAN}; return arguments[0].flatMap(i => g.data[i]"
                      ".locations);", list(PLANNED))  # fmt: skip
    assert FLENSBURG in planned
    assert page.js(f"return {PLAN}.data[{MASK}].locations.length") == len(planned)
    # the planned Gemeinden are drawn on the layer, in the map's place and scale
    assert page.js("return document.querySelectorAll('#access-map-plan .choroplethlocation')"
                   ".length") >= 2 * len(planned)  # mask and class  # fmt: skip
    aligned = page.js(ALIGNMENT)
    assert aligned["base"] == aligned["plan"] and aligned["baseBox"] == aligned["planBox"]
    assert opacities_of(page, PLAN, PLANNED) == [0.35, 0.35, 0.35, 1]
    # a threshold switch after planning fades the planned Gemeinden as their classes
    page.driver.find_element("css selector", "#access-threshold input[value='10']").click()
    page.wait_for(lambda d: "bis 10 km" in page.js(f"return {GRAPH}.layout.legend.title.text"))
    assert opacities(page, CLASSES) == opacities_of(page, PLAN, PLANNED) == [0.35, 1, 1, 1]
    page.wait_for(lambda d: query(page).get("threshold") == ["10"])
    page.wait_idle()
    for width, height in ((1440, 900), (390, 844)):
        browser.set_window_size(width, height)
        page.js("document.getElementById('access-map-title').scrollIntoView()")
        page.wait_for(lambda d: page.js(ALIGNMENT)["base"] == page.js(ALIGNMENT)["plan"])
        browser.save_screenshot(str(artifacts_dir / f"erreichbarkeit-plan-layer-{width}.png"))
    browser.set_window_size(1400, 1000)
    page.wait_for(lambda d: page.js(ALIGNMENT)["base"] == page.js(ALIGNMENT)["plan"])
    settled(page)  # the resizes' redraws of the map are done
    # and the star's click takes the plan away again, the map untouched again
    page.js(WATCH)
    click(page, FLENSBURG, star=True)
    page.wait_for(lambda d: page.js(f"return {PLAN}.data[{STARS}].lon.length") == 0)
    page.wait_for(lambda d: query(page).get("plan") is None)
    page.wait_idle()
    assert page.js(f"return {PLAN}.data[{MASK}].locations.length") == 0
    assert page.js("return window.__reacts") == 0 and page.js("return window.__pathChanges") == 0
    assert page.console_errors() == []


# a real zoom by the map's own "zoom in" button (the mode bar shows while the pointer is on the
# map)
ZOOM_IN = """
document.querySelector('#access-map .js-plotly-plot').dispatchEvent(
    new MouseEvent('mousemove', {bubbles: true}));
document.querySelector('#access-map .modebar-btn[data-val="in"]').click();
"""
# client position of a lon/lat on the plan's layer (its projection and background rectangle)
SCREEN_AT = """
const sub = document.querySelector('#access-map-plan .js-plotly-plot')._fullLayout.geo._subplot;
const xy = sub.projection([arguments[0], arguments[1]]);
const p = new DOMPoint(xy[0], xy[1]).matrixTransform(sub.bgRect.node().getScreenCTM());
return [p.x, p.y];
"""


def inside_a_planned_gemeinde(page) -> tuple[str, str, float, float]:
    """(ARS, name, lon, lat inside it) of the largest planned Gemeinde that holds no star."""
    import json

    from shapely.geometry import shape

    import geodata
    from store.access import gemeinde_frame

    planned = set(page.js(f"const g = {PLAN}; return arguments[0].flatMap(i => g.data[i]"
                          ".locations);", list(PLANNED)))  # fmt: skip
    planned -= set(page.js(f"return {PLAN}.data[{STARS}].customdata"))
    with open(geodata.gemeinde_shapes_path(), encoding="utf-8") as handle:
        shapes = {f["id"]: shape(f["geometry"]) for f in json.load(handle)["features"]
                  if f["id"] in planned}  # fmt: skip
    ars = max(shapes, key=lambda a: shapes[a].area)
    point = shapes[ars].representative_point()
    name = gemeinde_frame(copy=False).set_index("ars").loc[ars, "name"]
    return ars, str(name), point.x, point.y


def test_the_plans_layer_follows_the_maps_zoom_and_pan_and_hovers_with_planned_values(
    page, browser, artifacts_dir
):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    open_gemeinden(page, f"/erreichbarkeit?level=gemeinde&plan={FLENSBURG},{ELSEWHERE}")
    page.wait_for(lambda d: paths(page) >= GEMEINDEN)
    # the first load with a plan in its URL draws the plan on the layer, aligned with the map
    page.wait_for(lambda d: page.js(f"return {PLAN}.data[{STARS}].lon.length") == 2)
    page.js("document.getElementById('access-map').scrollIntoView({block: 'center'})")
    page.wait_for(lambda d: page.js(ALIGNMENT)["base"] == page.js(ALIGNMENT)["plan"])
    start = page.js(ALIGNMENT)
    assert start["baseBox"] == start["planBox"] and start["size"][0] == start["size"][1]
    page.js(ZOOM_IN)
    page.wait_for(lambda d: page.js(ALIGNMENT)["base"][0] > start["base"][0] * 1.2)
    page.wait_for(lambda d: page.js(ALIGNMENT)["base"] == page.js(ALIGNMENT)["plan"])
    zoomed = page.js(ALIGNMENT)
    assert zoomed["size"][0] == zoomed["size"][1]  # the same plot area
    # a drag with the mouse pans the map; the layer follows
    actions = ActionChains(page.driver)
    actions.move_to_element(page.driver.find_element("id", "access-map")).click_and_hold()
    actions.move_by_offset(60, 40).move_by_offset(40, 20).release().perform()
    page.wait_for(lambda d: page.js(ALIGNMENT)["base"][1:] != zoomed["base"][1:])
    page.wait_for(lambda d: page.js(ALIGNMENT)["base"] == page.js(ALIGNMENT)["plan"])
    browser.save_screenshot(str(artifacts_dir / "erreichbarkeit-plan-layer-zoomed-1400.png"))
    # the pointer over a planned Gemeinde: the layer's hover says its planned distance, the
    # map's label (the snapshot's distance) is hidden
    ars, name, lon, lat = inside_a_planned_gemeinde(page)
    page.js("window.scrollTo(0, 0)")
    page.js("document.getElementById('access-map').scrollIntoView({block: 'center'})")
    x, y = page.js(SCREEN_AT, lon, lat)
    pointer = ActionBuilder(page.driver)
    pointer.pointer_action.move_to_location(int(round(x)), int(round(y)))
    pointer.perform()
    label = ("return (document.querySelector('#access-map-plan .hoverlayer') || {})"
             ".textContent || ''")  # fmt: skip
    page.wait_for(lambda d: name in page.js(label))
    planned_km = page.js(f"const g = {PLAN}; for (const i of arguments[0]) {{"
                         "const at = g.data[i].locations.indexOf(arguments[1]);"
                         "if (at >= 0) return g.data[i].customdata[at][3]; }",
                         list(PLANNED), ars)  # fmt: skip
    assert f"{planned_km:.1f}".replace(".", ",") + " km Luftlinie" in page.js(label)
    assert page.js("return document.querySelector('.map-stack').classList.contains("
                   "'plan-hover')")  # fmt: skip
    assert page.js("const h = document.querySelector('#access-map .hoverlayer');"
                   "return getComputedStyle(h).visibility") == "hidden"  # fmt: skip
    browser.save_screenshot(str(artifacts_dir / "erreichbarkeit-plan-layer-hover-1400.png"))
    assert page.console_errors() == []


def test_the_hover_of_a_gemeinde_is_written_out_in_the_pages_language(page, browser,
                                                                      artifacts_dir):
    """The hover comes from a hovertemplate over customdata rows: the numbers are formatted
    by plotly.js with the layout's separators (German: 3.124 Einwohner, 44,9 km)."""
    import re

    from selenium.webdriver.common.action_chains import ActionChains

    open_gemeinden(page, "/erreichbarkeit?level=gemeinde")
    page.wait_for(lambda d: paths(page) >= GEMEINDEN + 401 + 16, timeout=90)
    page.js("document.getElementById('access-map-title').scrollIntoView()")
    # the Kreis outlines lie over the Gemeinden and let hover through to them
    kreise = page.js("return [...document.querySelectorAll('#access-map .trace.choropleth')]"
                     ".map(g => [...g.querySelectorAll('path.choroplethlocation')])"
                     ".find(p => p.length === 401)")  # fmt: skip
    assert kreise and len(kreise) == 401
    ActionChains(page.driver).move_to_element(kreise[len(kreise) // 2]).perform()
    label = "return (document.querySelector('#access-map .hoverlayer') || {}).textContent || ''"
    page.wait_for(lambda d: "Einwohner" in page.js(label))
    text = page.js(label)
    assert re.search(r"\d Einwohner", text) and not re.search(r"\d,\d{3} Einwohner", text)
    assert re.search(r"\d+,\d km Luftlinie zum nächsten Anbieter", text)
    assert "nächster: " in text and "customdata" not in text and "%{" not in text
    browser.save_screenshot(str(artifacts_dir / "erreichbarkeit-gemeinde-hover-1400.png"))


# installed before the page's own scripts: the outputs of every callback answer, and how
# often Plotly.react ran on the Gemeinde map
LOAD_WATCH = """
window.__loadAnswers = [];
window.__mapReacts = 0;
const fetched = window.fetch;
window.fetch = function (...args) {
  // how many shapes the map had drawn when the request left
  const drawn = document.querySelectorAll('#access-map .choroplethlocation').length;
  return fetched.apply(this, args).then(response => {
    if (String(args[0]).includes('_dash-update-component')) {
      response.clone().json().then(body => window.__loadAnswers.push(
        [...Object.keys(body.response || {}), drawn]))
        .catch(() => window.__loadAnswers.push(['?']));
    }
    return response;
  });
};
(function () {
  // wrapped as plotly.js sets window.Plotly: from the cache dcc.Graph calls Plotly.react at once
  let plotly;
  Object.defineProperty(window, 'Plotly', {configurable: true, get: () => plotly, set(value) {
    plotly = value;
    const react = value.react;
    value.react = function (target, ...rest) {
      if (target && target.closest && target.closest('#access-map')) window.__mapReacts += 1;
      return react.call(this, target, ...rest);
    };
  }});
})();
"""


def test_the_gemeinde_map_is_sent_and_drawn_once_on_load_and_the_grid_rows_after_it(page):
    """The page's layout holds the map; no callback answers it again when the page is
    inserted (a memory dcc.Store holding None sets its data again when mounted, which fired
    the page's update: a second 1.3 MB answer and a second Plotly.react). The Gemeinde grid's
    grid is asked for once the map is drawn, and then holds every Gemeinde."""
    from tests.dashboard.test_access_plan_browser import GRID, grid_js

    # a first visit, as the preload hints are for: the session's browser has loaded plotly.js
    # for earlier tests, and from its memory cache the page takes it without the preload
    page.driver.get("about:blank")
    page.driver.execute_cdp_cmd("Network.enable", {})
    page.driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    script = page.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                                         {"source": LOAD_WATCH})  # fmt: skip
    try:
        open_gemeinden(page, "/erreichbarkeit?level=gemeinde")
        page.wait_for(lambda d: paths(page) >= GEMEINDEN, timeout=90)
        page.wait_idle()
    finally:
        page.driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument",
                                    {"identifier": script["identifier"]})  # fmt: skip
    answers = page.js("return window.__loadAnswers")
    assert any("app-root" in outputs for outputs in answers)  # the route: the page's layout
    assert not any("access-map" in outputs for outputs in answers)
    assert page.js("return window.__mapReacts") == 1
    page.wait_for(lambda d: page.js(f"return !!document.querySelector('#{GRID} .ag-row')"))
    assert grid_js(page, "return api.getDisplayedRowCount()") == GEMEINDEN
    [rows] = [outputs for outputs in page.js("return window.__loadAnswers")
              if "access-gemeinde-grid-slot" in outputs]  # fmt: skip
    assert rows[-1] >= GEMEINDEN  # asked for once the map was drawn
    assert text_of(page, "access-gemeinde-count") == "10.997 von 10.997 Gemeinden angezeigt"
    # the shapes and plotly.js came once each, by the index's preload hints
    for name in ("gemeinde.geojson", "kreis.geojson", "plotly.min.js", "async-graph.js"):
        loads = page.js("return performance.getEntriesByType('resource').filter(e => "
                        "e.name.includes(arguments[0])).map(e => e.initiatorType);", name)
        assert loads == ["link"], name
    logged = page.driver.get_log("browser")
    assert not [e for e in logged if e["level"] == "SEVERE" or "preload" in e["message"]]
