"""The Karte in real Chromium at a desktop and a phone size: bounding boxes of the map,
Germany, legend, toolbar, controls and timeline (sizes and overlaps), hover through the
caution marks, one callback round trip per switch, and links that follow the data."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

import store
from dashboard.text.i18n import fmt_date, t

pytestmark = pytest.mark.browser

DESKTOP, PHONE = (1440, 900), (390, 844)
VIEWS = {
    "land": "/karte",
    "kreis-per100k": "/karte?level=kreis&metric=per_100k",
    "english": "/karte?level=kreis&lang=en",
}

# page boxes (document coordinates) of what must not overlap, measured in one script
BOXES_JS = """
const box = (el) => {
  if (!el) return null;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return null;
  return {x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height};
};
const union = (els) => {
  const bs = els.map(box).filter(Boolean);
  if (!bs.length) return null;
  const x = Math.min(...bs.map(b => b.x)), y = Math.min(...bs.map(b => b.y));
  const r = Math.max(...bs.map(b => b.x + b.w)), btm = Math.max(...bs.map(b => b.y + b.h));
  return {x: x, y: y, w: r - x, h: btm - y};
};
const graphs = [...document.querySelectorAll('.map-graph')].filter(g => g.offsetParent);
return {
  scrollY: scrollY,
  viewport: [innerWidth, innerHeight],
  title: box(document.querySelector('#karte-single:not([hidden]) .map-title')),
  side: box(document.querySelector('.karte-side')),
  aside: box(document.querySelector('.karte-aside')),
  marks: [...document.querySelectorAll('.timeline .rc-slider-mark-text')]
    .filter(m => m.textContent.trim()).map(box),
  maps: graphs.map(g => {
    const plot = g.querySelector('.js-plotly-plot');
    const base = plot.querySelectorAll('.choroplethlayer > g.trace')[0];
    return {
      id: g.id,
      graph: box(g),
      germany: union([...base.querySelectorAll('path.choroplethlocation')]),
      legend: box(plot.querySelector('.legend')),
      modebar: box(plot.querySelector('.modebar-container .modebar')),
    };
  }),
};
"""


def area(b: dict[str, float] | None) -> float:
    return 0.0 if not b else b["w"] * b["h"]


def overlap(a: dict[str, float] | None, b: dict[str, float] | None) -> float:
    """Area shared by two boxes (0 when either is missing)."""
    if not a or not b:
        return 0.0
    w = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
    h = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
    return max(w, 0) * max(h, 0)


@pytest.fixture()
def sized(browser) -> Iterator[Any]:
    """Set the viewport to a given size (CSS pixels); restored afterwards."""

    def resize(width: int, height: int) -> None:
        browser.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    yield resize
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def open_map(page, path: str, graph: str = "karte-graph") -> dict[str, Any]:
    page.open(path)
    page.wait_for_map(graph)
    page.wait_idle()
    page.js("window.scrollTo(0, 0)")
    return page.js(BOXES_JS)


def shot(page, artifacts_dir, name: str) -> None:
    page.driver.save_screenshot(str(artifacts_dir / f"karte-{name}.png"))


def assert_nothing_overlaps(boxes: dict[str, Any]) -> None:
    for m in boxes["maps"]:
        name = m["id"]
        assert m["germany"], f"{name}: no regions drawn"
        assert overlap(m["legend"], m["germany"]) < 1, f"{name}: the legend covers the map"
        assert overlap(m["modebar"], m["germany"]) < 1, f"{name}: the toolbar covers the map"
        assert overlap(m["modebar"], boxes["title"]) < 1, f"{name}: toolbar over the title"
        assert overlap(boxes["title"], m["germany"]) < 1, f"{name}: title over the map"
        if m["legend"]:  # the legend stays inside its graph (allow a few px of rounding)
            assert m["legend"]["x"] + m["legend"]["w"] <= m["graph"]["x"] + m["graph"]["w"] + 8
        assert overlap(boxes["side"], m["graph"]) < 1, f"{name}: controls over the map"
        assert overlap(boxes["aside"], m["graph"]) < 1, f"{name}: details over the map"
    maps = boxes["maps"]
    for i, a in enumerate(maps):
        for b in maps[i + 1:]:
            assert overlap(a["graph"], b["graph"]) < 1, f"{a['id']} overlaps {b['id']}"
    marks = boxes["marks"]
    for i, a in enumerate(marks):
        for b in marks[i + 1:]:
            assert overlap(a, b) < 1, "timeline dates print over each other"
        for m in maps:
            assert overlap(a, m["graph"]) < 1, "a timeline date prints over the map"


@pytest.mark.parametrize("view", VIEWS)
def test_at_1440_germany_fills_the_map_frame_and_nothing_overlaps(
    page, sized, artifacts_dir, view
):
    sized(*DESKTOP)
    boxes = open_map(page, VIEWS[view])
    shot(page, artifacts_dir, f"1440-{view}")
    (single,) = boxes["maps"]
    germany, graph = single["germany"], single["graph"]
    assert germany["h"] >= 600, f"Germany drawn {germany['h']:.0f} px tall"
    assert area(germany) >= 0.5 * area(graph), (
        f"Germany's box {area(germany) / area(graph):.0%} of the map frame")
    assert graph["h"] > graph["w"], "the frame is shaped like Germany (portrait)"
    assert_nothing_overlaps(boxes)


@pytest.mark.parametrize("view", VIEWS)
def test_on_a_phone_the_map_starts_on_the_first_screen_and_germany_is_wide(
    page, sized, artifacts_dir, view
):
    sized(*PHONE)
    boxes = open_map(page, VIEWS[view])
    shot(page, artifacts_dir, f"390-{view}")
    (single,) = boxes["maps"]
    assert boxes["viewport"][0] == PHONE[0]
    assert single["graph"]["y"] < PHONE[1], f"map starts at {single['graph']['y']:.0f} px"
    assert single["germany"]["w"] >= 300, f"Germany {single['germany']['w']:.0f} px wide"
    assert single["germany"]["x"] >= 0 and (
        single["germany"]["x"] + single["germany"]["w"] <= PHONE[0])
    # the legend is below the map, not beside it eating its width
    assert single["legend"]["y"] >= single["germany"]["y"] + single["germany"]["h"] - 1
    # the controls are folded into one line above the map
    assert boxes["side"]["h"] < 80
    assert_nothing_overlaps(boxes)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_on_a_phone_the_header_leaves_room_for_the_map(page, sized, lang):
    """The language button rides beside the title and the six page links take two rows, so
    the map's title and its first lines are on the first screen."""
    sized(*PHONE)
    boxes = open_map(page, f"/karte?lang={lang}")
    brand, button, rows, title = page.driver.execute_script("""
        const box = e => e.getBoundingClientRect();
        const b = box(document.querySelector('.brand-box'));
        const l = box(document.querySelector('.lang-button'));
        const tops = [...document.querySelectorAll('.site-header nav .nav-link')]
            .map(a => Math.round(box(a).top));
        return [[b.top, b.bottom], [l.top, l.bottom], new Set(tops).size,
                box(document.getElementById('karte-title')).top];
    """)
    assert brand[0] <= (button[0] + button[1]) / 2 <= brand[1], (brand, button)
    assert rows <= 2, f"the page links take {rows} rows"
    (single,) = boxes["maps"]
    assert title < PHONE[1] * 0.8 and single["graph"]["y"] < PHONE[1] * 0.85, (title, single)


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1440", "390"])
def test_the_comparison_keeps_its_maps_apart_and_its_legend_off_them(
    page, sized, artifacts_dir, size
):
    sized(*size)
    boxes = open_map(page, "/karte?level=kreis&view=compare", graph="karte-compare-ib")
    shot(page, artifacts_dir, f"{size[0]}-vergleich")
    assert len(boxes["maps"]) == 3
    assert_nothing_overlaps(boxes)
    for m in boxes["maps"][1:]:  # one shared scale: one legend, the other maps none
        assert m["legend"] is None
    # the "Art" control does nothing here: hidden
    assert page.js("return document.getElementById('karte-category-box').hidden") is True


def test_hovering_regions_under_caution_marks_shows_their_values(page, sized):
    sized(*DESKTOP)
    open_map(page, "/karte?level=kreis&metric=per_100k")
    dots = page.driver.find_elements(
        By.CSS_SELECTOR, "#karte-graph .scatterlayer .trace.scattergeo path.point")
    assert len(dots) >= 5, "the demo has Kreise resting on few providers"
    rate, people = t("hover.rate", "de"), t("hover.population", "de")
    note = t("map.fragile.note", "de", n=3)
    for dot in dots[:: max(1, len(dots) // 6)][:6]:
        page.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", dot)
        for dx in (0, 7):  # on the mark and just beside it
            ActionChains(page.driver).move_to_element_with_offset(dot, dx, 0).perform()
            label = page.wait_for(lambda d: d.execute_script(
                "const h = document.querySelector('#karte-graph .hoverlayer .hovertext');"
                "return h ? h.textContent : null;"))
            assert rate in label and people in label, label
            if dx == 0:  # on the mark: its region, with the caution in its own label
                assert note in label, label
        ActionChains(page.driver).move_by_offset(0, 0).perform()


def _posts_after(page, action) -> int:
    """Callback POSTs the browser made for one user action (resource timing entries)."""
    page.wait_idle()
    page.js("performance.clearResourceTimings()")
    action()
    page.wait_for(lambda d: d.execute_script(
        "return performance.getEntriesByType('resource')"
        ".some(e => e.name.includes('_dash-update-component'))"))
    page.wait_idle()
    return page.js(
        "return performance.getEntriesByType('resource')"
        ".filter(e => e.name.includes('_dash-update-component')).length")


def _level_switch(page, level: str) -> list[str]:
    """Click a level; the callback requests it made, once the map shows the level."""
    page.wait_idle()
    page.js("performance.clearResourceTimings()")
    page.driver.find_element(By.CSS_SELECTOR, f"#karte-level input[value='{level}']").click()
    page.wait_for(lambda d: d.execute_script(
        "const g = document.querySelector('#karte-graph .js-plotly-plot');"
        "return g.layout && g.layout.meta && g.layout.meta.level === arguments[0];", level))
    page.wait_for(lambda d: f"level={level}" in d.current_url or level == "land")
    page.wait_idle()
    return page.js(
        "return performance.getEntriesByType('resource')"
        ".filter(e => e.name.includes('_dash-update-component')).map(e => e.name)")


def test_a_level_switch_draws_the_map_in_one_round_trip(page, sized):
    """The view and the region list are asked for side by side; the region list no longer
    re-sets an unchanged region, which made the map come in a second round trip."""
    sized(*DESKTOP)
    open_map(page, "/karte")
    assert len(_level_switch(page, "kreis")) == 2
    page.wait_for(lambda d: d.execute_script(  # the Kreis geometry arrives after the values
        "return document.querySelectorAll('#karte-graph .choroplethlocation').length >= 401"))
    page.wait_idle()
    assert len(_level_switch(page, "land")) == 2


def test_a_level_switch_still_clears_a_region_of_the_other_level(page, sized):
    sized(*DESKTOP)
    open_map(page, "/karte?region=09")
    _level_switch(page, "kreis")
    page.wait_for(lambda d: "region=" not in d.current_url)
    assert "region" not in page.driver.current_url


@pytest.mark.parametrize("group,value", [
    ("karte-metric", "per_100k"), ("karte-category", "wfbm"), ("karte-metric", "ala_share"),
])
def test_one_metric_or_category_switch_costs_one_callback_round_trip(page, sized, group, value):
    sized(*DESKTOP)
    open_map(page, "/karte?level=kreis")
    before = page.js("return document.querySelector('#karte-single h2').textContent")
    n = _posts_after(page, lambda: page.driver.find_element(
        By.CSS_SELECTOR, f"#{group} input[value='{value}']").click())
    # a chained callback (URL → nav links, details …) would start after the first answer:
    # count again once the URL shows the switch and nothing is loading
    page.wait_for(lambda d: value in d.current_url)
    page.wait_idle()
    assert page.js(
        "return performance.getEntriesByType('resource')"
        ".filter(e => e.name.includes('_dash-update-component')).length") == n == 1
    # and that one answer brought the map, title, URL and the nav links along
    assert page.js("return document.querySelector('#karte-single h2').textContent") != before
    nav = page.js("return document.querySelector('a.nav-link[href*=\"tabelle\"]').href")
    assert value in nav


def test_a_link_without_snapshot_follows_the_data(page, sized, demo_engine):
    sized(*DESKTOP)
    open_map(page, "/karte?level=kreis")
    page.driver.find_element(By.CSS_SELECTOR, "#karte-metric input[value='per_100k']").click()
    page.wait_for(lambda d: "metric=per_100k" in d.current_url)
    page.wait_idle()
    assert "snapshot=" not in page.driver.current_url
    nav = page.js("return [...document.querySelectorAll('a.nav-link')].map(a => a.href)")
    assert nav and not any("snapshot=" in href for href in nav)
    assert "fest" not in page.js("return document.getElementById('shell-notice').innerText")


def test_a_link_with_a_snapshot_stays_pinned_and_says_so(page, sized, demo_engine):
    sized(*DESKTOP)
    series = store.list_snapshots(demo_engine).sort_values("taken_at")
    older, newest = series.iloc[0], series.iloc[-1]
    open_map(page, f"/karte?snapshot={int(older['id'])}")
    notice = page.js("return document.getElementById('shell-notice').innerText")
    assert fmt_date(str(older["taken_at"]), "de") in notice
    assert fmt_date(str(newest["taken_at"]), "de") in notice
    page.driver.find_element(By.CSS_SELECTOR, "#karte-metric input[value='per_100k']").click()
    page.wait_for(lambda d: "metric=per_100k" in d.current_url)
    assert f"snapshot={int(older['id'])}" in page.driver.current_url
    # in English too
    open_map(page, f"/karte?snapshot={int(older['id'])}&lang=en")
    notice = page.js("return document.getElementById('shell-notice').innerText")
    assert "pinned" in notice and fmt_date(str(older["taken_at"]), "en") in notice
