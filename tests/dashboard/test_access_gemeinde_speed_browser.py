"""The Gemeinde map's fast paths in headless Chromium: a threshold switch repaints in the
browser (no answer carries the map, Plotly.react never runs on it), a planning click answers
with a Patch and redraws once, and the fading holds for the planned Gemeinden too."""

from __future__ import annotations

import pytest

from dashboard.figures.access_gemeinde import CLASSES, MASK, PLANNED, STARS
from tests.dashboard.test_access_browser import query, text_of
from tests.dashboard.test_access_gemeinde_browser import (
    FLENSBURG,
    GEMEINDEN,
    click,
    open_gemeinden,
    paths,
)

pytestmark = pytest.mark.browser

# counts Plotly.react on the Gemeinde map and keeps the callback answers' outputs (by id and
# property: "patch" for a Patch, "figure" for a whole one)
WATCH = """
const gd = document.querySelector('#access-map .js-plotly-plot');
window.__reacts = 0;
window.__answers = [];
if (!window.__watched) {
  window.__watched = true;
  const react = Plotly.react;
  Plotly.react = function (target, ...rest) {
    if (target === document.querySelector('#access-map .js-plotly-plot')) window.__reacts += 1;
    return react.call(this, target, ...rest);
  };
  const fetched = window.fetch;
  window.fetch = function (...args) {
    return fetched.apply(this, args).then(response => {
      if (String(args[0]).includes('_dash-update-component')) {
        response.clone().json().then(body => {
          const map = (body.response || {})['access-map'];
          window.__answers.push(map === undefined ? 'none'
            : (map.figure && map.figure.__dash_patch_update ? 'patch' : 'figure'));
        }).catch(() => window.__answers.push('unreadable'));
      }
      return response;
    });
  };
}
"""
GRAPH = "document.querySelector('#access-map .js-plotly-plot')"


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


def test_a_planning_click_answers_with_a_patch_and_keeps_the_fading(page, browser,
                                                                    artifacts_dir):
    open_gemeinden(page, "/erreichbarkeit?level=gemeinde&threshold=50")
    page.js(WATCH)
    classes = page.js(f"const g = {GRAPH}; return [0, 1, 2, 3, 4].map(i => g.data[i].locations"
                      ".length);")  # fmt: skip
    click(page, FLENSBURG)
    page.wait_for(lambda d: "Mit einem hypothetischen Standort" in
                  text_of(page, "access-plan-result"))  # fmt: skip
    page.wait_for(lambda d: page.js(f"return {GRAPH}.data[{STARS}].lon.length") == 1)
    page.wait_idle()
    assert "patch" in page.js("return window.__answers")
    assert "figure" not in page.js("return window.__answers")
    assert page.js("return window.__reacts") == 1  # one redraw, with the stars and the plan
    # the snapshot's classes stay; the planned Gemeinden lie over them, Flensburg among them
    assert page.js(f"const g = {GRAPH}; return [0, 1, 2, 3, 4].map(i => g.data[i].locations"
                   ".length);") == classes  # fmt: skip
    planned = page.js(f"const g = {GRAPH}; return arguments[0].flatMap(i => g.data[i]"
                      ".locations);", list(PLANNED))  # fmt: skip
    assert FLENSBURG in planned
    assert page.js(f"return {GRAPH}.data[{MASK}].locations.length") == len(planned)
    assert opacities(page, PLANNED) == [0.35, 0.35, 0.35, 1]
    # a threshold switch after planning fades the planned Gemeinden as their classes
    page.driver.find_element("css selector", "#access-threshold input[value='10']").click()
    page.wait_for(lambda d: "bis 10 km" in page.js(f"return {GRAPH}.layout.legend.title.text"))
    assert opacities(page, CLASSES) == opacities(page, PLANNED) == [0.35, 1, 1, 1]
    page.wait_for(lambda d: query(page).get("threshold") == ["10"])
    page.wait_idle()
    for width, height in ((1440, 900), (390, 844)):
        browser.set_window_size(width, height)
        page.js("document.getElementById('access-map-title').scrollIntoView()")
        browser.save_screenshot(str(artifacts_dir / f"erreichbarkeit-plan-patch-{width}.png"))
    browser.set_window_size(1400, 1000)
    # and the star's click takes the plan away again, by a Patch too
    page.js(WATCH)
    click(page, FLENSBURG, star=True)
    page.wait_for(lambda d: page.js(f"return {GRAPH}.data[{STARS}].lon.length") == 0)
    page.wait_for(lambda d: query(page).get("plan") is None)
    page.wait_idle()
    assert "patch" in page.js("return window.__answers")
    assert page.js(f"return {GRAPH}.data[{MASK}].locations.length") == 0
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
