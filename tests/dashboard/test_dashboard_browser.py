"""The dashboard in headless Chromium over a real server and a real SQLite store."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import store

pytestmark = pytest.mark.browser

PAGES = ("karte", "tabelle", "entwicklung", "anbieter", "quellen")
GD = "document.querySelector('#karte-graph .js-plotly-plot')"


def map_meta(page) -> dict:
    return page.js(f"const g = {GD}; return g && g.layout ? g.layout.meta : null;") or {}


def value_fills(page) -> list[str]:
    """Fill colours of the value trace's drawn regions (trace 1; trace 0 is the grey base)."""
    return page.js(
        f"const t = {GD}.querySelectorAll('.choroplethlayer > g.trace')[1];"
        "return Array.from(t.querySelectorAll('path.choroplethlocation'))"
        ".map(p => getComputedStyle(p).fill);"
    )


def click_radio(page, group: str, value: str) -> None:
    page.driver.find_element(By.CSS_SELECTOR, f"#{group} input[value='{value}']").click()


def resources(page) -> list[dict]:
    return page.js(
        "return performance.getEntriesByType('resource').map(e => ({name: e.name,"
        " size: e.decodedBodySize, wire: e.encodedBodySize}));"
    )


@pytest.mark.parametrize("name", PAGES)
def test_each_page_loads_without_console_errors_and_shows_source_and_demo_banner(page, name):
    page.open(f"/{name}")
    page.wait_for_text("Quelle: REHADAT-Adressen (IW Köln), Stand ")
    page.wait_for_text("Beispieldaten")
    page.wait_idle()
    assert page.console_errors() == []


def test_no_request_leaves_the_machine(page):
    page.open("/karte?level=kreis&points=1&view=compare")
    page.wait_for_map("karte-compare-ala")
    page.wait_idle()
    names = [r["name"] for r in resources(page)]
    assert names and all(n.startswith(page.base) for n in names), names
    assert any("/assets/topojson/world_110m.json" in n for n in names)


def test_the_kreis_map_draws_401_regions(page):
    page.open("/karte?level=kreis")
    page.wait_for_map()
    drawn = page.js(
        f"const t = {GD}.querySelectorAll('.choroplethlayer > g.trace')[0];"
        "return t.querySelectorAll('path.choroplethlocation').length;"
    )
    assert drawn == 401
    assert page.js(f"return {GD}._fullData[0].locations.length") == 401


def test_switching_the_metric_recolours_without_fetching_geometry_again(page):
    page.open("/karte?level=kreis&category=wfbm")
    page.wait_for_map()
    page.wait_idle()
    url = page.js(f"return {GD}._fullData[0].geojson")
    assert url.endswith("/geo/kreis.geojson")
    page.js("window.__shapes = window.PlotlyGeoAssets[arguments[0]];", url)
    before = value_fills(page)
    seen = len(resources(page))

    click_radio(page, "karte-metric", "per_100k")
    page.wait_for(lambda d: map_meta(page).get("metric") == "per_100k")
    page.wait_idle()

    assert value_fills(page) != before
    assert page.js("return window.PlotlyGeoAssets[arguments[0]] === window.__shapes;", url)
    new = resources(page)[seen:]
    assert not any("geojson" in r["name"] for r in new)
    updates = [r for r in new if "_dash-update-component" in r["name"]]
    assert updates, "the switch went through a callback"
    # tens of kilobytes at most, not the megabytes of the shapes
    assert max(r["size"] for r in updates) < 60_000
    assert page.js("return performance.getEntriesByType('resource')"
                   ".filter(e => e.name.includes('/geo/kreis.geojson')).length") == 1


def test_a_copied_url_restores_the_same_view(page, browser):
    page.open("/karte")
    page.wait_for_map()
    page.wait_idle()
    click_radio(page, "karte-level", "kreis")
    page.wait_for(lambda d: map_meta(page).get("level") == "kreis")
    click_radio(page, "karte-category", "ib")
    click_radio(page, "karte-metric", "per_100k")
    # the classes control applies to rates only: it appears with the rate
    page.wait_for(lambda d: d.find_element(By.ID, "karte-classes-box").is_displayed())
    click_radio(page, "karte-classes", "equal")
    expected = {"level": "kreis", "metric": "per_100k", "category": "ib", "classes": "equal"}
    page.wait_for(lambda d: "classes=equal" in d.current_url)
    page.wait_for(lambda d: map_meta(page) == expected)
    page.wait_idle()
    copied = browser.current_url

    browser.get("about:blank")
    browser.get(copied)
    page.wait_for_map()
    assert map_meta(page) == expected
    checked = page.js(
        "return ['karte-level','karte-category','karte-metric','karte-classes']"
        ".map(id => document.querySelector('#' + id + ' input:checked').value);"
    )
    assert checked == ["kreis", "ib", "per_100k", "equal"]


def test_clicking_a_region_opens_its_details_with_rank_and_providers(page, demo_engine):
    sid = int(store.served_snapshot(demo_engine)["id"])
    frame = store.region_metrics(demo_engine, sid, "land", "wfbm")
    top = frame.sort_values("count", ascending=False).iloc[0]
    page.open("/karte?category=wfbm")
    page.wait_for_map()
    page.wait_idle()
    # click the value-trace path of the Land with the most workshops
    index = frame.reset_index(drop=True).index[frame["code"] == top["code"]][0]
    path = page.js(
        f"const t = {GD}.querySelectorAll('.choroplethlayer > g.trace')[1];"
        "return t.querySelectorAll('path.choroplethlocation')[arguments[0]];",
        int(index),
    )
    from selenium.webdriver import ActionChains

    ActionChains(page.driver).move_to_element(path).click().perform()
    page.wait_for_text(f"Details: {top['name']}")
    page.wait_for_text("Rang 1 von 16")
    page.wait_for_text(f"Anbieter in dieser Region ({int(top['count'])})")
    page.wait_for(lambda d: f"region={top['code']}" in d.current_url)
    # a Land's hundreds are not rows here (the browser took seconds to build them): a link
    # opens the Anbieter page's grid of the Land and category
    assert page.js("return document.querySelectorAll('#karte-details tbody tr').length") == 0
    link = page.driver.find_element(By.CSS_SELECTOR, "#karte-details a.providers-link")
    assert link.text == f"Werkstätten (WfbM) in {top['name']} in der Liste der Anbieter"
    assert f"pland={top['code']}" in link.get_attribute("href")
    assert "pcat=wfbm" in link.get_attribute("href")
    link.click()
    page.wait_in_page("return document.querySelector('.result-count') && "
                      "document.querySelector('.result-count').innerText.startsWith(arguments[0]);",
                      f"{int(top['count'])} Anbieter")


def test_the_table_sorts_by_a_column(page, demo_engine):
    sid = int(store.served_snapshot(demo_engine)["id"])
    frame = store.region_metrics(demo_engine, sid, "kreis", "wfbm")
    page.open("/tabelle?level=kreis&category=wfbm")
    header = page.wait_for(
        lambda d: d.find_element(By.CSS_SELECTOR, ".ag-header-cell[col-id='count']")
    )

    def first_count() -> str:
        return page.js(
            "const c = document.querySelector(\"#tabelle-grid .ag-center-cols-container "
            ".ag-row[row-index='0'] [col-id='count']\"); return c && c.innerText;"
        )

    header.click()
    page.wait_for(lambda d: first_count() == str(int(frame["count"].min())))
    header.click()
    page.wait_for(lambda d: first_count() == str(int(frame["count"].max())))
    total = page.js(
        "return document.querySelector(\"#tabelle-grid .ag-floating-bottom "
        "[col-id='count']\").innerText;"
    )
    assert total.replace(".", "") == str(int(frame["count"].sum()))


def test_the_provider_search_finds_a_provider_and_shows_it_on_the_map(page, demo_engine):
    sid = int(store.served_snapshot(demo_engine)["id"])
    providers = store.load_providers(demo_engine, sid)
    unique = providers[~providers["name"].duplicated(keep=False)]
    wanted = unique[unique["category"] == "ala"].iloc[0]
    page.open("/anbieter")
    box = page.wait_for(lambda d: d.find_element(By.ID, "anbieter-search"))
    box.send_keys(wanted["name"])
    page.wait_for_text("1 Anbieter gefunden")
    cell = page.wait_for(
        lambda d: d.find_element(By.CSS_SELECTOR, "#anbieter-grid .ag-row [col-id='name']")
    )
    assert cell.text == wanted["name"]
    assert f"q={wanted['name'].split()[0]}" in page.driver.current_url.replace("+", " ")
    cell.click()
    link = page.wait_for(lambda d: d.find_element(By.ID, "anbieter-show-on-map"))
    page.wait_for(lambda d: link.is_displayed() and wanted["name"] in link.text)
    link.click()
    page.wait_for_map()
    page.wait_for(lambda d: page.js(f"return {GD}._fullData[6].lon.length") == 1)
    assert page.js(f"return {GD}._fullData[6].customdata[0]") == wanted["source_id"]
    page.wait_for_text(f"Details: {wanted['kreis']}")


def test_a_malformed_url_falls_back_to_defaults_with_a_notice(page):
    page.open("/karte?metric=%3Cscript%3Ealert(1)%3C/script%3E&level=gemeinde&snapshot=999")
    page.wait_for_map()
    page.wait_for_text("Ungültiger Parameter „metric=<script>alert(1)</script>“")
    page.wait_for_text("„snapshot=999“")
    assert map_meta(page)["metric"] == "count" and map_meta(page)["level"] == "land"
    assert page.js("return document.querySelectorAll('main script').length") == 0
    assert page.console_errors() == []


def test_an_unknown_page_shows_the_not_found_page_with_search_and_links(page):
    page.open("/gibt-es-nicht")
    page.wait_for_text("Seite nicht gefunden")
    page.wait_for_text("Die Adresse „/gibt-es-nicht“ gibt es im aLA-Atlas nicht.")
    assert page.driver.find_elements(By.ID, "search-notfound-q")
    links = {a.text: a.get_attribute("href") for a in
             page.driver.find_elements(By.CSS_SELECTOR, ".not-found-links a")}
    assert links["Karte"].endswith("/karte") and links["Quellen"].endswith("/quellen")
    page.driver.find_element(By.LINK_TEXT, "Tabelle").click()
    page.wait_for(lambda d: d.find_elements(By.CSS_SELECTOR, ".ag-row"))
    # the one expected entry: the unknown address itself answered 404 (on purpose)
    assert [e for e in page.console_errors() if "/gibt-es-nicht - " not in e["message"]] == []


def test_an_unknown_page_in_english_keeps_the_language(page):
    page.open("/does-not-exist?lang=en")
    page.wait_for_text("Page not found")
    page.wait_for_text("There is no address “/does-not-exist” in the aLA Atlas.")
    links = {a.text: a.get_attribute("href") for a in
             page.driver.find_elements(By.CSS_SELECTOR, ".not-found-links a")}
    assert links["Map"].endswith("/karte?lang=en")


def test_the_embed_view_shows_the_map_alone_with_its_source(page):
    page.open("/karte?embed=1&level=kreis")
    page.wait_for_map()
    # the controls stay in the DOM, hidden (the map's callbacks read them): none is shown
    assert page.js("return Array.from(document.querySelectorAll('nav, header, .controls'))"
                   ".filter(e => e.offsetParent).length") == 0
    page.wait_for_text("Quelle: REHADAT-Adressen")
    page.wait_for_text("GeoBasis-DE / BKG")


def test_the_language_switch_turns_the_ui_english_and_keeps_the_view(page):
    page.open("/karte?level=kreis&metric=per_100k")
    page.wait_for_map()
    page.wait_idle()
    page.driver.find_element(By.ID, "shell-lang-button").click()
    page.wait_for_text("Source: REHADAT addresses (IW Köln), as of")
    page.wait_for(lambda d: "lang=en" in d.current_url)
    page.wait_for_map()
    assert map_meta(page)["metric"] == "per_100k" and map_meta(page)["level"] == "kreis"
    assert page.js("return document.documentElement.lang") == "en"
    assert page.js(f"return {GD}.layout.separators") == ".,"


def test_the_snapshot_picker_changes_the_data_and_the_date_line(page, demo_engine):
    snapshots = store.list_snapshots(demo_engine)
    older = snapshots.sort_values("taken_at").iloc[0]
    page.open(f"/karte?snapshot={int(older['id'])}")
    page.wait_for_map()
    date = older["taken_at"].strftime("%d.%m.%Y")
    page.wait_for_text(f"Stand {date}")
    expected = store.region_metrics(demo_engine, int(older["id"]), "land", "ala")
    # the value trace holds each region's class (counts: whole-number classes named by the
    # legend keys); a region without providers has no class (null) and shows the grey base
    z = page.js(f"return {GD}._fullData[1].z")
    keys = page.js(f"return {GD}._fullData.filter(t => t.legendrank >= 100 && "
                   "t.legendrank < 110 && t.showlegend).map(t => t.name)")
    for value, count in zip(z, expected["count"], strict=True):
        if count == 0:
            assert value is None
        else:
            label = keys[int(value)]
            low = int(label.split("–")[0].rstrip("+"))
            high = int(label.split("–")[1]) if "–" in label else (
                10**9 if label.endswith("+") else low)
            assert low <= count <= high, (label, count)


def test_everything_is_reachable_by_keyboard(page):
    page.open("/karte?metric=per_100k")  # a rate: the classes control applies
    page.wait_for_map()
    page.wait_idle()
    page.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    seen = []
    for _ in range(45):
        page.driver.switch_to.active_element.send_keys(Keys.TAB)
        seen.append(page.js(
            "const e = document.activeElement; const g = e.closest('[id]');"
            "return [e.tagName, e.id, e.getAttribute('type') || '', g ? g.id : '',"
            " e.innerText || e.value || '', String(e.className)];"
        ))
    groups = {s[3] for s in seen}
    for expected in ("karte-level", "karte-category", "karte-metric", "karte-classes",
                     "karte-view", "karte-points", "karte-region", "shell-lang-button"):
        assert any(expected in g for g in groups), (expected, seen)
    assert any(s[0] == "A" and "skip-link" in s[5] for s in seen)
    assert any(s[0] == "A" and s[4].startswith("Tabelle") for s in seen)

    # operate a control with the keyboard alone: arrow keys move within a radio group
    level = page.driver.find_element(By.CSS_SELECTOR, "#karte-level input[value='land']")
    level.send_keys(Keys.ARROW_RIGHT)
    page.wait_for(lambda d: map_meta(page).get("level") == "kreis")


def test_controls_that_do_nothing_in_a_view_are_hidden_there(page):
    page.open("/karte?level=kreis")
    page.wait_for_map()
    page.wait_idle()

    def hidden(box: str) -> bool:
        return page.js(f"return document.getElementById('{box}').hidden")

    assert hidden("karte-classes-box")  # counts get their own whole-number classes
    click_radio(page, "karte-metric", "per_100k")
    page.wait_for(lambda d: not hidden("karte-classes-box"))
    assert not hidden("karte-category-box")
    click_radio(page, "karte-view", "compare")
    page.wait_for(lambda d: hidden("karte-category-box"))  # all three kinds are shown


@pytest.mark.parametrize(
    ("name", "query", "graph"),
    [
        ("karte-land", "", "karte-graph"),
        ("karte-kreis", "?level=kreis&metric=per_100k&points=1", "karte-graph"),
        ("karte-vergleich", "?level=kreis&view=compare", "karte-compare-ib"),
    ],
)
def test_screenshots_of_the_map(page, browser, artifacts_dir, name, query, graph):
    browser.set_window_size(1400, 1250)  # header, controls and the whole map in one picture
    try:
        page.open("/karte" + query)
        page.wait_for_map(graph)
        page.wait_idle()
        path = artifacts_dir / f"{name}.png"
        browser.save_screenshot(str(path))
    finally:
        browser.set_window_size(1400, 1000)
    assert path.stat().st_size > 20_000


def test_clicking_a_provider_point_marks_it_and_lists_it_with_its_source_link(page, demo_engine):
    from urllib.parse import parse_qs, urlsplit

    from selenium.webdriver import ActionChains

    page.open("/karte?level=kreis&points=1")
    page.wait_for_map()
    page.wait_idle()
    point = page.js(
        f"const layers = Array.from({GD}.querySelectorAll('.scatterlayer > g.trace'));"
        "const most = layers.sort((a, b) => b.querySelectorAll('path.point').length"
        " - a.querySelectorAll('path.point').length)[0];"
        "const pts = most.querySelectorAll('path.point');"
        "return pts[Math.floor(pts.length / 2)];"
    )
    ActionChains(page.driver).move_to_element(point).click().perform()
    page.wait_for(lambda d: "provider=" in d.current_url)
    chosen = parse_qs(urlsplit(page.driver.current_url).query)["provider"][0]
    page.wait_for(lambda d: page.js(f"return {GD}._fullData[6].customdata") == [chosen])
    sid = int(store.served_snapshot(demo_engine)["id"])
    providers = store.load_providers(demo_engine, sid)
    row = providers[providers["source_id"] == chosen].iloc[0]
    page.wait_for_text(f"Details: {row['kreis']}")
    highlighted = page.wait_for(
        lambda d: d.find_element(By.CSS_SELECTOR, "#karte-details tr.highlight")
    )
    assert row["name"] in highlighted.text
    link = highlighted.find_element(By.TAG_NAME, "a")
    assert link.get_attribute("href") == row["source_url"]


def test_a_provider_can_be_chosen_with_the_keyboard(page):
    page.open("/anbieter?pcat=ala")
    page.wait_for(lambda d: d.find_element(By.CSS_SELECTOR, "#anbieter-grid .ag-row"))
    box = page.driver.find_element(By.ID, "anbieter-search")
    box.click()  # start from the search field, then keyboard only
    active = page.driver.switch_to.active_element
    for _ in range(12):
        active.send_keys(Keys.TAB)
        active = page.driver.switch_to.active_element
        if page.js("return !!document.activeElement.closest('#anbieter-grid')"):
            break
    assert page.js("return !!document.activeElement.closest('#anbieter-grid')")
    active.send_keys(Keys.ARROW_DOWN)
    page.driver.switch_to.active_element.send_keys(Keys.SPACE)
    link = page.wait_for(lambda d: d.find_element(By.ID, "anbieter-show-on-map"))
    page.wait_for(lambda d: link.is_displayed())
    page.driver.switch_to.active_element.send_keys(Keys.TAB)
    # the link is the next stop after the grid, and Enter follows it
    for _ in range(10):
        if page.driver.switch_to.active_element.get_attribute("id") == "anbieter-show-on-map":
            break
        page.driver.switch_to.active_element.send_keys(Keys.TAB)
    assert page.driver.switch_to.active_element.get_attribute("id") == "anbieter-show-on-map"
    page.driver.switch_to.active_element.send_keys(Keys.ENTER)
    page.wait_for_map()
    page.wait_for(lambda d: "provider=" in d.current_url)


def test_the_comparison_shows_three_kinds_and_follows_the_metric(page, demo_engine):
    sid = int(store.served_snapshot(demo_engine)["id"])
    page.open("/karte?level=kreis&view=compare")
    for cat in ("ala", "wfbm", "ib"):
        page.wait_for_map(f"karte-compare-{cat}")
    assert page.js("return document.querySelector('#karte-single').hidden") is True

    def metrics_shown() -> list:
        return page.js(
            "return ['ala','wfbm','ib'].map(c => document.querySelector("
            "'#karte-compare-' + c + ' .js-plotly-plot').layout.meta.metric);"
        )

    click_radio(page, "karte-metric", "per_100k")
    page.wait_for(lambda d: metrics_shown() == ["per_100k"] * 3)
    for cat in ("ala", "wfbm", "ib"):
        expected = store.region_metrics(demo_engine, sid, "kreis", cat)
        coloured = page.js(
            "return document.querySelector('#karte-compare-' + arguments[0] +"
            " ' .js-plotly-plot')._fullData[1].z.filter(v => v !== null).length;",
            cat,
        )
        assert coloured == int(expected["count"].gt(0).sum())
    assert page.js("return performance.getEntriesByType('resource')"
                   ".filter(e => e.name.includes('/geo/kreis.geojson')).length") == 1
