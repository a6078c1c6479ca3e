"""The embed view (`?embed=1`) of every page: no console error, no export controls and no
site chrome, the source line, and a small link that opens the same view in the full atlas."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from selenium.webdriver.common.by import By

pytestmark = pytest.mark.browser

PAGES = ("karte", "tabelle", "entwicklung", "anbieter", "quellen")
SOURCE = {"de": "Quelle: REHADAT-Adressen (IW Köln), Stand ",
          "en": "Source: REHADAT addresses (IW Köln), as of "}
OPEN = {"de": "In aLA-Atlas öffnen", "en": "Open in the aLA Atlas"}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_an_embed_loads_without_console_errors_or_export_controls(page, artifacts_dir,
                                                                   name, lang):
    query = f"embed=1&level=kreis&metric=per_100k&lang={lang}"
    page.open(f"/{name}?{query}")
    page.wait_for_text(SOURCE[lang])
    if name == "karte":
        page.wait_for_map()
    page.wait_idle()
    assert page.console_errors() == []

    visible = ("return Array.from(document.querySelectorAll(arguments[0]))"
               ".filter(e => e.offsetParent).length")
    assert page.js(visible, ".export-slot, .export-controls, .export-button") == 0
    assert page.js("return document.querySelectorAll('.export-slot').length") == 0
    assert page.js(visible, "nav, header, .site-header, .data-bar") == 0

    link = page.driver.find_element(By.ID, "embed-open")
    assert link.is_displayed() and link.text == OPEN[lang]
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in link.get_attribute("rel").split()
    href = urlsplit(link.get_attribute("href"))
    assert href.path == f"/{name}"
    expected = dict(parse_qsl(query))
    expected.pop("embed")
    if lang == "de":  # the default language is left out of links
        expected.pop("lang")
    shown = dict(parse_qsl(href.query))
    assert "embed" not in shown
    assert {k: shown.get(k) for k in expected} == expected
    if lang == "en":
        page.driver.save_screenshot(str(artifacts_dir / f"embed-{name}.png"))
    assert page.console_errors() == []


def test_the_embed_link_opens_the_same_map_without_embed(page):
    page.open("/karte?embed=1&level=kreis&category=wfbm")
    page.wait_for_map()
    page.wait_idle()
    href = page.driver.find_element(By.ID, "embed-open").get_attribute("href")
    page.open(href.replace(page.base, ""))
    page.wait_for_map()
    meta = page.js("return document.querySelector('#karte-graph .js-plotly-plot').layout.meta")
    assert meta["level"] == "kreis" and meta["category"] == "wfbm"
    assert page.js("return document.querySelectorAll('nav').length") == 1
    assert page.console_errors() == []
