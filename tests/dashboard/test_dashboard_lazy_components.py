"""dash-ag-grid is downloaded only by pages that draw a grid (dashboard/frame/lazy_components.py and
assets/lazy_components.js), and a grid still appears when the reader comes from the map."""

from __future__ import annotations

import json

import pytest

from dashboard.frame.lazy_components import BLOCK_ID, address_block, split_scripts

GRID_SCRIPT = "/_dash-component-suites/dash_ag_grid/"
SCRIPTS = (
    '<script src="/_dash-component-suites/dash/dcc/dash_core_components.v4_4_1m1.js"></script>\n'
    '<script src="/_dash-component-suites/dash_ag_grid/dash_ag_grid.v35_3_0m2.min.js"></script>\n'
    '<script src="/assets/history.js?m=3"></script>'
)


def test_the_grid_script_leaves_the_page_and_its_address_is_kept():
    rest, found = split_scripts(SCRIPTS, ("dash_ag_grid",))
    assert GRID_SCRIPT not in rest and "dash_core_components" in rest and "history.js" in rest
    assert found == {"dash_ag_grid": "/_dash-component-suites/dash_ag_grid/"
                                     "dash_ag_grid.v35_3_0m2.min.js"}


def test_the_address_block_is_data_that_cannot_close_its_tag():
    block = address_block({"dash_ag_grid": "/a</script><b>"})
    assert block.startswith(f'<script type="application/json" id="{BLOCK_ID}">')
    assert block.count("</script>") == 1
    assert json.loads(block.split(">", 1)[1].rsplit("<", 1)[0]) == {
        "dash_ag_grid": {"src": "/a</script><b>", "components": ["AgGrid"]}}


def test_every_page_names_the_grid_script_instead_of_loading_it(app):
    html = app.server.test_client().get("/karte").get_data(as_text=True)
    assert f'<script src="{GRID_SCRIPT}' not in html.replace(app.config.requests_pathname_prefix
                                                             + "_dash", "/_dash")
    assert f'id="{BLOCK_ID}"' in html and GRID_SCRIPT in html
    # and the server still serves it
    block = json.loads(html.split(f'id="{BLOCK_ID}">')[1].split("</script>")[0])
    url = block["dash_ag_grid"]["src"]
    assert app.server.test_client().get(url).status_code == 200


def grid_downloads(page) -> list[str]:
    return page.js("return performance.getEntriesByType('resource').map(e => e.name)"
                   ".filter(n => n.includes(arguments[0]));", GRID_SCRIPT)


@pytest.mark.browser
def test_the_map_does_not_download_the_grid_and_the_table_draws_it_after_a_click(page):
    page.open("/karte")
    page.wait_for_map()
    page.wait_idle()
    assert grid_downloads(page) == []
    # to the Tabelle inside the app (no new page load): the grid arrives and draws its rows
    page.driver.find_element("css selector", "#shell-nav a.nav-link[href*='tabelle']").click()
    page.wait_in_page("return document.querySelectorAll('#tabelle-grid .ag-row').length > 0")
    assert len(grid_downloads(page)) >= 1
    # the library's functions beside its component work once it is loaded
    assert page.js("return dash_ag_grid.getApi('tabelle-grid').getDisplayedRowCount()") > 0
    assert page.console_errors() == []


@pytest.mark.browser
def test_the_table_page_opened_directly_draws_its_grid_without_errors(page):
    page.open("/anbieter")
    page.wait_in_page("return document.querySelectorAll('#anbieter-grid .ag-row').length > 0")
    assert page.console_errors() == []
