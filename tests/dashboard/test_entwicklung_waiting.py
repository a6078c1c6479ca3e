"""Entwicklung's first charts come without a wait for what nobody sees yet (issue 21, item
10): the folded tables arrive when their box is opened, and the page Dash just inserted is
not drawn a second time. (How long it takes is measured in bench/browser.py, not here.)"""

from __future__ import annotations

import json

from plotly.utils import PlotlyJSONEncoder

from dashboard.frame import ids
from dashboard.pages import entwicklung as ew
from dashboard.server.callback_client import answer_bytes, callback_outputs

CONTROLS = [
    (ew.CATEGORY, "value", "ala"), (ew.BASE, "value", None), (ew.MEASURE, "value", "count"),
    (ew.LEVEL, "value", "land"), (ids.snapshot("entwicklung"), "value", None),
    (ew.LAND, "value", ""),  # all of Germany (the Land view is tested elsewhere)
]


def test_the_first_answer_of_the_page_holds_no_table_cells(app, demo_engine):
    from dashboard.model.context import PageContext
    from dashboard.model.data import AtlasData
    from dashboard.model.state import parse_query

    data = AtlasData(demo_engine)
    state, _ = parse_query("?")
    page = ew.layout(PageContext(app, data, state, data.served(), []))
    tree = json.loads(json.dumps(page, cls=PlotlyJSONEncoder))  # as Dash sends it
    found = {node["props"]["id"]: node for node in _walk(tree) if "id" in node["props"]}
    for table in ew.TABLES:
        assert ew.table_box_id(table) in found  # the folded box is there …
        assert found[table]["props"].get("children") is None  # … and its table is not
    # a page of charts, not of cells (the tables were ~1,000 components): the controls, the
    # Land choice and the feed links for each Land (issue 21) come to under 300
    assert sum(1 for _ in _walk(tree)) < 300


def _walk(node):
    """Every Dash component of a layout (JSON)."""
    if isinstance(node, list):
        for item in node:
            yield from _walk(item)
    elif isinstance(node, dict) and "type" in node and "props" in node:
        yield node
        yield from _walk(node["props"].get("children"))


def test_the_update_does_not_redraw_the_page_dash_just_inserted(app, dash_post):
    outputs = callback_outputs(app, f"{ew.NATIONAL}.figure")
    response = dash_post(app.server.test_client(), outputs, CONTROLS,
                         [(ids.URL, "search", "")], [f"{c[0]}.value" for c in CONTROLS[:4]])
    assert response.status_code == 204  # PreventUpdate: nothing to send


def test_a_reader_changing_one_control_gets_the_new_charts(app, dash_post):
    outputs = callback_outputs(app, f"{ew.NATIONAL}.figure")
    response = dash_post(app.server.test_client(), outputs, CONTROLS,
                         [(ids.URL, "search", "")], [f"{ew.CATEGORY}.value"])
    assert response.status_code == 200
    answer = json.loads(answer_bytes(response))["response"]
    assert answer[ew.NATIONAL]["figure"]["data"]
    assert ew.SERIES_TABLE not in answer  # tables come with their box


def _tables(app, dash_post, opened: list[bool], changed: list[str]):
    outputs = callback_outputs(app, f"{ew.SERIES_TABLE}.children")
    inputs = [(ew.table_summary_id(t), "n_clicks", 1 if o else None)
              for t, o in zip(ew.TABLES, opened, strict=True)]
    return dash_post(app.server.test_client(), outputs, inputs + CONTROLS,
                     [(ids.URL, "search", "")], changed)


def test_an_opened_box_gets_its_table_and_the_folded_ones_stay_empty(app, dash_post):
    response = _tables(app, dash_post, [True, False, False, False],
                       [f"{ew.table_summary_id(ew.SERIES_TABLE)}.n_clicks"])
    assert response.status_code == 200
    answer = json.loads(answer_bytes(response))["response"]
    series = json.dumps(answer[ew.SERIES_TABLE]["children"])
    assert "Caption" in series and '"Td"' in series
    assert all(answer[t]["children"] is None for t in ew.TABLES[1:])


def test_no_table_is_built_when_the_page_is_inserted_with_folded_boxes(app, dash_post):
    changed = [f"{ew.table_summary_id(t)}.n_clicks" for t in ew.TABLES]
    changed.append(f"{ew.CATEGORY}.value")
    assert _tables(app, dash_post, [False] * 4, changed).status_code == 204


def test_opening_the_table_in_the_browser_shows_its_rows(page, artifacts_dir):
    page.open("/entwicklung")
    page.wait_in_page("return !!document.querySelector('#entwicklung-national .main-svg')")
    page.wait_idle()
    assert page.js(f"return document.querySelectorAll('#{ew.SERIES_TABLE} td').length") == 0
    page.js(f"document.querySelector('#{ew.table_box_id(ew.SERIES_TABLE)} summary').click()")
    page.wait_in_page(f"return document.querySelectorAll('#{ew.SERIES_TABLE} td').length > 0")
    caption = page.js(f"return document.querySelector('#{ew.SERIES_TABLE} caption').textContent")
    assert caption == ew.headed("series", "ala", "de") == "aLA: Anzahl je Datenstand"
    # another kind while the box is open: the table follows
    before = page.js(f"return document.querySelector('#{ew.SERIES_TABLE} tbody').innerText")
    page.js(f"document.querySelector('#{ew.CATEGORY} input[value=\"wfbm\"]').click()")
    page.wait_in_page(
        f"const b = document.querySelector('#{ew.SERIES_TABLE} tbody');"
        "return b && b.innerText !== arguments[0];", before)
    page.js(f"document.getElementById('{ew.SERIES_TABLE}').scrollIntoView()")
    page.driver.save_screenshot(str(artifacts_dir / "entwicklung-table-open.png"))
    assert not page.console_errors()
