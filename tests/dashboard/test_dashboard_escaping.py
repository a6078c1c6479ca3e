"""Strings from the source stay text wherever they are shown, in a real browser.

A store whose only provider is named like an attack; the app over it on its own server.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pandas as pd
import pytest
from selenium.webdriver.common.by import By

import store

pytestmark = pytest.mark.browser

EVIL = "<b>X</b><script>alert(1)</script>"
GD = "document.querySelector('#karte-graph .js-plotly-plot')"


@pytest.fixture(scope="module")
def evil_server(tmp_path_factory) -> Iterator[str]:
    from werkzeug.serving import make_server

    from dashboard import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('evil-store') / 'atlas.sqlite'}"
    engine = store.connect(url)
    providers = pd.DataFrame(
        [
            {
                "category": "ala",
                "source_id": "EVIL1",
                "name": EVIL,
                "operator": "A & B <i>gGmbH</i>",
                "street": "<img src=x onerror=alert(2)>",
                "plz": "01067",
                "city": "Dresden",
                "services": ["<u>Arbeitsbereich</u>"],
                "source_url": "javascript:alert(3)",
                "kreis_ars": "14612",
                "kreis": "Dresden",
                "land_code": "14",
                "land": "Sachsen",
                "lon": 13.74,
                "lat": 51.05,
                "geocode_quality": "gemeinde",
            }
        ]
    )
    store.write_snapshot(
        engine,
        {"taken_at": "2024-01-01", "origin": "replay", "categories": {"ala": 1}},
        providers,
        {},
    )
    server = make_server("127.0.0.1", 0, create_app(url).server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture()
def evil_page(browser, evil_server, page):
    # count alert() calls from the first script of every document
    browser.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument",
        {"source": "window.__alerts = []; window.alert = m => window.__alerts.push(m);"},
    )
    page.base = evil_server
    return page


def assert_no_markup_from_source(page, scope: str) -> None:
    tags = page.js(
        "return Array.from(document.querySelectorAll(arguments[0] + ' b, ' + arguments[0] +"
        " ' script, ' + arguments[0] + ' img, ' + arguments[0] + ' u, ' + arguments[0] + ' i'))"
        ".map(e => e.outerHTML).filter(h => h.includes('X') || h.includes('onerror')"
        " || h.includes('Arbeitsbereich') || h.includes('gGmbH'));",
        scope,
    )
    assert tags == []
    assert page.js("return window.__alerts") == []


def test_the_provider_list_shows_the_name_as_text(evil_page):
    evil_page.open("/anbieter")
    cell = evil_page.wait_for(
        lambda d: d.find_element(By.CSS_SELECTOR, "#anbieter-grid .ag-row [col-id='name']")
    )
    assert cell.text == EVIL
    source = evil_page.js(
        "return document.querySelector(\"#anbieter-grid .ag-row [col-id='source']\").innerHTML"
    )
    assert "javascript:" not in source
    assert_no_markup_from_source(evil_page, "#anbieter-grid")


def test_region_details_and_hover_labels_show_the_name_as_text(evil_page):
    evil_page.open("/karte?level=kreis&points=1&region=14612")
    evil_page.wait_for_map()
    evil_page.wait_for_text("Details: Dresden")
    evil_page.wait_for_text(EVIL)
    assert "javascript:" not in evil_page.js(
        "return document.querySelector('#karte-details').innerHTML"
    )
    assert_no_markup_from_source(evil_page, "#karte-details")
    # hover the provider point as a mouse would, through plotly's own hover
    evil_page.js(f"Plotly.Fx.hover({GD}, [{{curveNumber: 5, pointNumber: 0}}], 'geo');")
    label = evil_page.wait_for(
        lambda d: d.execute_script(
            f"const h = {GD}.querySelector('.hoverlayer .hovertext'); return h && h.textContent;"
        )
    )
    assert EVIL in label and "A & B <i>gGmbH</i>" in label
    assert_no_markup_from_source(evil_page, "#karte-graph")
