"""A planning click on the Gemeinde map in headless Chromium, for the 2SFCA map under it: the
answer carries a Patch of the Kreise the plan moved (not the whole 160 kB map); out of sight,
the map is redrawn when it comes into sight (not during the click), and then draws exactly the
values and hover texts of the map the server draws for that plan, star included; the click
asks the server nothing before the page's answer (the Kreis a click chooses is told in the
browser)."""

from __future__ import annotations

import json

import plotly
import pytest

from dashboard.frame import ids
from dashboard.model.data import AtlasData
from dashboard.pages import erreichbarkeit as page_module
from tests.dashboard.test_access_browser import text_of
from tests.dashboard.test_access_gemeinde_browser import FLENSBURG, click, open_gemeinden

pytestmark = pytest.mark.browser

SFCA = "document.querySelector('#access-sfca-map .js-plotly-plot')"
# each callback request's outputs, and how each answer carried the 2SFCA map
WATCH = """
window.__asked = [];
window.__sfcaAnswers = [];
if (!window.__sfcaWatched) {
  window.__sfcaWatched = true;
  const fetched = window.fetch;
  window.fetch = function (...args) {
    if (String(args[0]).includes('_dash-update-component')) {
      try { window.__asked.push(JSON.parse(args[1].body).output); } catch (e) {}
    }
    return fetched.apply(this, args).then(response => {
      if (String(args[0]).includes('_dash-update-component') && response.status === 200) {
        response.clone().json().then(body => {
          const out = (body.response || {})['access-sfca-map'];
          if (out) {
            window.__sfcaAnswers.push(out.figure.__dash_patch_update ? 'patch' : 'figure');
          }
        });
      }
      return response;
    });
  };
}
"""
# what the 2SFCA map draws, Kreis by Kreis: the value and hover of the drawn paths (plotly's
# own data on each path, set when it draws), of the values' trace
DRAWN = f"""
const g = {SFCA};
const traces = g.querySelectorAll('.trace.choropleth');
const paths = [...traces[traces.length - 1].querySelectorAll('.choroplethlocation')];
return Object.fromEntries(paths.map(p => [p.__data__.loc, [p.__data__.z, p.__data__.htx,
                                                           getComputedStyle(p).fill]]));
"""


def expected(app, demo_engine, places: tuple[str, ...]) -> dict:
    """The 2SFCA figure the server draws whole for this plan (as JSON)."""
    import store

    choice = page_module.Choice(category="ala", service="all", threshold=25, places=places,
                                level="gemeinde")  # fmt: skip
    made = page_module.figures(app, AtlasData(demo_engine), store.served_snapshot(demo_engine),
                               choice, "de", draw_gemeinden=False)  # fmt: skip
    return json.loads(json.dumps(made["sfca"], cls=plotly.utils.PlotlyJSONEncoder))


def test_a_planning_click_patches_the_2sfca_map_which_then_draws_the_planned_values(
    page, app, demo_engine, browser, artifacts_dir
):
    open_gemeinden(page, "/erreichbarkeit?level=gemeinde")
    page.wait_for(lambda d: page.js(f"return {SFCA}.querySelectorAll('.choroplethlocation')"
                                    ".length") >= 401)  # fmt: skip
    page.js(WATCH)
    before = page.js(DRAWN)
    page.js("window.scrollTo(0, 0)")
    # out of sight while one plans on the map above it
    assert page.js(f"return {SFCA}.getBoundingClientRect().top > window.innerHeight + 100")
    click(page, FLENSBURG)
    page.wait_for(lambda d: "Mit einem hypothetischen Standort" in
                  text_of(page, "access-plan-result"))  # fmt: skip
    page.wait_idle()
    # not redrawn during the click: its paths still hold the values without the plan
    assert page.js(DRAWN) == before
    assert page.js(f"return {SFCA}.data[3].lon.length") == 0
    # and drawn as it comes into sight
    page.js("document.getElementById('access-sfca-title').scrollIntoView()")
    page.wait_for(lambda d: page.js(f"return {SFCA}.data[3].lon.length") == 1)
    page.wait_for(lambda d: page.js(DRAWN) != before)
    # one answer carried the 2SFCA map, as a Patch
    assert page.js("return window.__sfcaAnswers") == ["patch"]
    # no round trip for the Kreis a click chooses (a Gemeinde chooses none)
    asked = page.js("return window.__asked")
    assert f"{ids.ACCESS_REGION_STORE}.data" not in asked
    assert any(ids.ACCESS_SFCA_MAP in out for out in asked)
    # the map in the browser is now the server's whole map for the plan, trace by trace
    want = expected(app, demo_engine, (FLENSBURG,))
    have = page.js(f"return {SFCA}.data.map(t => [t.z, t.hovertext, t.customdata, t.lon]);")
    assert have == [[t.get("z"), t.get("hovertext"), t.get("customdata"), t.get("lon")]
                    for t in want["data"]]  # fmt: skip
    # and draws it: the Kreise the plan moved have their new value, hover and colour
    after = page.js(DRAWN)
    values = want["data"][1]
    moved = {code for code in after if after[code][0] != before[code][0]}
    assert "01001" in moved and len(moved) < 50  # Flensburg's own Kreis among a few
    for code, (z, hover, fill) in after.items():
        index = values["locations"].index(code)
        assert (z, hover) == (values["z"][index], values["hovertext"][index])
        if code not in moved:
            assert fill == before[code][2]
    assert after["01001"][2] != before["01001"][2]  # a new colour where the star stands
    assert page.js(f"return {SFCA}.querySelectorAll('.scattergeo .point').length") >= 1
    browser.save_screenshot(str(artifacts_dir / "erreichbarkeit-sfca-planned-1400.png"))
    assert page.console_errors() == []
