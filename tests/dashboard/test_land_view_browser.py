"""The Land view in real Chromium (issue 21): `/karte?level=kreis&land=09` draws Bayern's
Kreise only, fitted to the frame, titled with the Land and with its key figures in a sentence
computed from the store; the region box offers Länder at Kreis level; an unknown `land=` falls
back with the page's notice; the Land profile shows the same map and sentence."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import geodata
import store

pytestmark = pytest.mark.browser

DESKTOP, PHONE = (1440, 900), (390, 844)
BAYERN = "/karte?level=kreis&metric=none_here&land=09"
KREISE = len(geodata.region_table("kreis"))

DRAWN_JS = """
const plot = document.querySelector(arguments[0] + ' .js-plotly-plot');
const base = plot.querySelectorAll('.choroplethlayer > g.trace')[0];
const paths = [...base.querySelectorAll('path.choroplethlocation')];
const graph = plot.getBoundingClientRect();
let l = 1e9, t = 1e9, r = -1e9, b = -1e9;
for (const p of paths) {
  const q = p.getBoundingClientRect();
  if (!q.width) continue;
  l = Math.min(l, q.left); t = Math.min(t, q.top);
  r = Math.max(r, q.right); b = Math.max(b, q.bottom);
}
return {n: paths.length, locations: plot.data[0].locations,
        graph: [graph.width, graph.height], drawn: [r - l, b - t]};
"""


def bayern_counts(engine) -> tuple[int, int]:
    """Bayern's Kreise without an aLA and all its Kreise, straight from the store."""
    served = store.served_snapshot(engine)
    frame = store.region_metrics(engine, int(served["id"]), "kreis", "ala")
    kreise = frame[frame["code"].str.startswith("09")]
    return int((kreise["count"] == 0).sum()), len(kreise)


def choose(page, dropdown: str, typed: str, label: str) -> None:
    """Type into a Dash dropdown's search field and take the first option, by keyboard."""
    page.driver.find_element(By.ID, dropdown).click()
    search = page.wait_for(lambda d: d.find_elements(By.CSS_SELECTOR, ".dash-dropdown-search"))
    search[0].send_keys(typed)
    page.wait_for(lambda d: any(label in o.text for o in d.find_elements(
        By.CSS_SELECTOR, ".dash-dropdown-option")))
    search[0].send_keys(Keys.ENTER)


def open_land(page, path: str, graph: str = "karte-graph") -> dict:
    page.open(path)
    page.wait_for_map(graph)
    page.wait_idle()
    return page.js(DRAWN_JS, f"#{graph}")


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1440", "390"])
def test_bayern_kreis_map_draws_only_bayern_fitted_with_its_sentence(
    page, viewport, artifacts_dir, demo_engine, size
):
    viewport(*size)
    drawn = open_land(page, BAYERN)
    none, total = bayern_counts(demo_engine)
    assert drawn["n"] == total == 96
    assert all(code.startswith("09") for code in drawn["locations"])
    # fitted: Bayern spans most of the frame's width (Germany-wide it is about a third)
    assert drawn["drawn"][0] > 0.75 * drawn["graph"][0]
    title = page.driver.find_element(By.ID, "karte-title").text
    assert title.endswith("in Bayern")
    sentence = page.driver.find_element(By.ID, "karte-land-sentence")
    assert sentence.is_displayed()
    assert sentence.text.startswith(f"In Bayern haben {none} von {total} Kreisen keinen aLA")
    caption = page.js("return document.getElementById('karte-caption').textContent")
    assert "in Bayern" in caption
    assert "Bayern" in page.driver.find_element(By.ID, "karte-description").text
    page.js("window.scrollTo(0, 0)")
    page.driver.save_screenshot(str(artifacts_dir / f"land-bayern-ohne-{size[0]}.png"))
    assert page.console_errors() == []


def test_english_sentence_and_title(page, viewport):
    viewport(*DESKTOP)
    open_land(page, BAYERN + "&lang=en")
    assert page.driver.find_element(By.ID, "karte-title").text.endswith("in Bayern")
    text = page.driver.find_element(By.ID, "karte-land-sentence").text
    assert text.startswith("In Bayern, ") and "districts have no aLA" in text


def test_choosing_bayern_in_the_region_box_opens_the_land_view(page, viewport):
    viewport(*DESKTOP)
    open_land(page, "/karte?level=kreis")
    assert not page.driver.find_element(By.ID, "karte-land-sentence").is_displayed()
    choose(page, "karte-region", "Bayern", "Bayern (Land")
    page.wait_for(lambda d: "land=09" in d.current_url)
    page.wait_idle()
    page.wait_for(lambda d: d.find_element(By.ID, "karte-land-sentence").is_displayed())
    drawn = page.js(DRAWN_JS, "#karte-graph")
    assert len(drawn["locations"]) == 96
    assert "region=" not in page.driver.current_url
    # back to all of Germany with the Land choice
    assert page.console_errors() == []


def test_switching_the_land_back_to_germany_draws_every_kreis(page, viewport):
    viewport(*DESKTOP)
    open_land(page, "/karte?level=kreis&land=09")
    choose(page, "karte-land", "ganz", "ganz Deutschland")
    page.wait_for(lambda d: "land=" not in d.current_url)
    page.wait_idle()
    page.wait_for(lambda d: len(d.execute_script(DRAWN_JS, "#karte-graph")["locations"]) == KREISE)
    assert not page.driver.find_element(By.ID, "karte-land-sentence").is_displayed()
    assert not page.driver.find_element(By.ID, "karte-title").text.endswith("in Bayern")


@pytest.mark.parametrize("bad", ["99", "9", "abc"])
def test_an_unknown_land_falls_back_to_germany_with_the_notice(page, viewport, bad):
    viewport(*DESKTOP)
    drawn = open_land(page, f"/karte?level=kreis&land={bad}")
    assert f"land={bad}" in page.js("return document.body.innerText")
    assert len(drawn["locations"]) == KREISE


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1440", "390"])
def test_the_land_profile_shows_the_kreis_map_sentence_and_none_count(
    page, viewport, artifacts_dir, demo_engine, size
):
    viewport(*size)
    drawn = open_land(page, "/region/09", graph="region-land-map")
    none, total = bayern_counts(demo_engine)
    assert len(drawn["locations"]) == total
    assert page.driver.find_element(By.ID, "region-land-none").text == f"{none} von {total}"
    sentence = page.driver.find_element(By.ID, "region-land-sentence").text
    assert sentence.startswith(f"In Bayern haben {none} von {total} Kreisen keinen aLA")
    # the Kreise listed by name, each a link to its profile
    links = page.driver.find_elements(By.CSS_SELECTOR, ".region-peers a")
    names = [a.text for a in links]
    assert len(names) == total and names == sorted(names)
    page.js("document.querySelector('.region-land-map').scrollIntoView()")
    page.driver.save_screenshot(str(artifacts_dir / f"land-profile-bayern-{size[0]}.png"))
    assert page.console_errors() == []
