"""The Tabelle and Anbieter grids show their numbers first: the region's name pinned left, the
values next (right-aligned, in the page's number format), all of them in view at 1440 px at Kreis
level, the chosen metric in view on a phone, a total row that is not cut, and the pager in the
page's language. Real Chromium over the demo store."""

from __future__ import annotations

import re

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from dashboard.views.region_table import VALUE_COLUMNS, column_defs

pytestmark = pytest.mark.browser
VALUE_FIELDS = [field for field, _, _ in VALUE_COLUMNS]
GRID = "#tabelle-grid"


def test_the_name_comes_first_then_the_values_with_the_chosen_metric_first():
    fields = [c["field"] for c in column_defs("kreis", "ala", "de", "ala_per_wfbm")]
    assert fields[0] == "name"
    assert fields[1 : 1 + len(VALUE_FIELDS)] == ["ala_per_wfbm"] + [
        f for f in VALUE_FIELDS if f != "ala_per_wfbm"]
    assert fields[1 + len(VALUE_FIELDS) :] == ["fragile", "none_here", "code", "bez", "land"]
    values = column_defs("land", "wfbm", "en")[1 : 1 + len(VALUE_FIELDS)]
    assert all(c["type"] == "numericColumn" and "'en'" in c["valueFormatter"]["function"]
               for c in values)


def open_grid(page, path: str, grid: str = GRID) -> None:
    page.open(path)
    page.wait_in_page(
        "return document.querySelectorAll(arguments[0] + ' .ag-center-cols-container .ag-row')"
        ".length > 0", grid)
    page.wait_idle()


def header_boxes(page) -> dict[str, dict]:
    """Each column header's box and the box of the grid part that scrolls sideways."""
    return page.js(
        "const grid = document.querySelector(arguments[0]);"
        "const view = grid.querySelector('.ag-body-viewport .ag-center-cols-viewport')"
        "  || grid.querySelector('.ag-center-cols-viewport');"
        "const v = view.getBoundingClientRect();"
        "const out = {_view: {left: v.left, right: v.right}};"
        "grid.querySelectorAll('.ag-header-cell[col-id]').forEach(h => {"
        "  const r = h.getBoundingClientRect();"
        "  out[h.getAttribute('col-id')] = {left: r.left, right: r.right, width: r.width,"
        "    pinned: !!h.closest('.ag-pinned-left-header')}; });"
        "return out;", GRID)


def total_cells(page) -> dict[str, dict]:
    return page.js(
        "const out = {};"
        "document.querySelectorAll(arguments[0] + ' .ag-floating-bottom .ag-cell[col-id]')"
        ".forEach(c => { const t = c.querySelector('.ag-cell-value') || c;"
        "  out[c.getAttribute('col-id')] = {text: c.innerText.trim(),"
        "    cut: t.scrollWidth > t.clientWidth + 1, align: getComputedStyle(c).textAlign}; });"
        "return out;", GRID)


def test_at_1440_every_value_column_is_in_view_at_kreis_level_without_scrolling(page, viewport):
    viewport(1440, 900)
    open_grid(page, "/tabelle?level=kreis")
    boxes = header_boxes(page)
    assert boxes["name"]["pinned"] and boxes["name"]["left"] < boxes["count"]["left"]
    view = boxes["_view"]
    for field in VALUE_FIELDS:
        box = boxes[field]
        assert view["left"] - 1 <= box["left"] and box["right"] <= view["right"] + 1, field
        assert box["right"] <= 1440, field
    # the page itself does not scroll sideways
    assert page.js("return document.documentElement.scrollWidth") <= 1440


@pytest.mark.parametrize(
    ("lang", "population", "share"),
    [("de", r"\d{1,3}(\.\d{3})+", r"\d+,\d"), ("en", r"\d{1,3}(,\d{3})+", r"\d+\.\d")],
)
def test_the_total_row_is_whole_right_aligned_and_in_the_pages_number_format(
    page, viewport, lang, population, share
):
    viewport(1440, 900)
    open_grid(page, f"/tabelle?level=kreis&lang={lang}")
    cells = total_cells(page)
    assert re.fullmatch(population, cells["population"]["text"]), cells["population"]
    assert re.fullmatch(share, cells["ala_share"]["text"]), cells["ala_share"]
    for field in VALUE_FIELDS:
        assert not cells[field]["cut"] and "…" not in cells[field]["text"], (field, cells[field])
        assert cells[field]["align"] == "right", field
    assert not cells["name"]["cut"]


@pytest.mark.parametrize("metric", ["count", "per_100k", "ala_per_wfbm"])
def test_on_a_phone_the_chosen_metric_is_in_view_beside_the_name(page, viewport, metric):
    viewport(390, 844)
    open_grid(page, f"/tabelle?level=kreis&metric={metric}")
    page.js("document.querySelector(arguments[0]).scrollIntoView()", GRID)
    boxes = header_boxes(page)
    assert boxes["name"]["pinned"]
    assert 0 <= boxes[metric]["left"] and boxes[metric]["right"] <= 390, boxes[metric]
    assert boxes[metric]["right"] <= boxes["_view"]["right"] + 1
    assert page.js("return document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("lang", ["de", "en"])
def test_on_a_phone_the_rankings_texts_stay_inside_the_chart(page, viewport, lang):
    """The note above the bars ("the 20 highest values above zero", "401 regions in all")
    starts where the bars do, after the names: as one line it ran off a 390 px chart."""
    viewport(390, 844)
    open_grid(page, f"/tabelle?level=kreis&lang={lang}")
    page.js("document.querySelector('.ranking-graph').scrollIntoView()")
    WebDriverWait(page.driver, 30).until(
        lambda d: d.execute_script("return document.querySelectorAll("
                                   "'.ranking-graph .annotation-text').length > 0"))
    svg, texts = page.js(
        "const g = document.querySelector('.ranking-graph .main-svg').getBoundingClientRect();"
        "const t = [...document.querySelectorAll('.ranking-graph .annotation-text, "
        ".ranking-graph .gtitle')].map(e => { const r = e.getBoundingClientRect();"
        "  return [e.textContent, r.left, r.right]; });"
        "return [[g.left, g.right], t];")
    assert texts
    for text, left, right in texts:
        assert svg[0] - 1 <= left and right <= svg[1] + 1, (text, left, right, svg)


@pytest.mark.parametrize(
    ("lang", "pager", "count"),
    [("de", r"1 bis 50 von (\d{1,3}(\.\d{3})*)", r"(\d{1,3}(\.\d{3})*) Anbieter gefunden"),
     ("en", r"1 to 50 of (\d{1,3}(,\d{3})*)", r"(\d{1,3}(,\d{3})*) providers found")],
)
def test_the_provider_pager_counts_in_the_pages_language(page, lang, pager, count):
    open_grid(page, f"/anbieter?lang={lang}", "#anbieter-grid")
    summary = page.js("return document.querySelector('#anbieter-grid "
                      ".ag-paging-row-summary-panel').innerText.replace(/\\s+/g, ' ').trim()")
    shown = re.fullmatch(pager, summary)
    assert shown, summary
    found = re.search(count, page.js("return document.getElementById('anbieter-count')"
                                     ".innerText"))
    assert found and found.group(1) == shown.group(1)
    assert int(re.sub(r"\D", "", shown.group(1))) > 999  # a number that needs the separator


@pytest.mark.parametrize(("lang", "kinds"), [
    ("de", {"München (Kreisfreie Stadt)", "München (Landkreis)"}),
    ("en", {"München (independent city)", "München (rural district)"}),
])
def test_a_name_used_twice_in_the_grid_says_its_kind_and_the_files_keep_the_name(
    demo_engine, lang, kinds
):
    from dashboard.model.data import AtlasData
    from dashboard.pages import tabelle
    from dashboard.views.region_table import table_rows

    data = AtlasData(demo_engine)
    snapshot = data.snapshots().iloc[-1].to_dict()
    names = [row["name"] for row in
             tabelle._content(data, snapshot, "kreis", "ala", "09", "count", lang)[0]]
    assert kinds <= set(names) and "München" not in names
    assert len(names) == len(set(names)) == 96  # every Bayern Kreis, each told apart
    # the table file (the export reads table_rows) keeps the official name beside its kind
    frame = data.region_metrics(int(snapshot["id"]), "kreis", "ala")
    assert [row["name"] for row in table_rows(frame, "kreis", "09", lang)[0]].count(
        "München") == 2
