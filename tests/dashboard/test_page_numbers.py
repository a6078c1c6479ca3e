"""Every page, drawn in headless Chromium, writes decimals in its language: in English no
German decimal comma, in German no English decimal point, in the text on screen, the plots'
drawn texts (ticks, bar labels, legends) and what their hovers substitute."""

from __future__ import annotations

import json

import pytest
from selenium.webdriver.common.by import By

from tests.dashboard.test_accessibility import open_view
from tests.numbers.separators import strings_in, wrong_numbers

pytestmark = pytest.mark.browser

PAGES = [
    "/karte?level=kreis&metric=per_100k&", "/karte?view=compare&metric=per_100k&",
    "/tabelle?level=kreis&", "/anbieter?", "/entwicklung?", "/quellen?", "/erreichbarkeit?",
    "/region/09187?", "/region/DE?", "/naehe?plz=83022&", "/leichte-sprache?",
]
# what each plot shows or substitutes into its hover
PLOT_TEXTS = """
return Array.from(document.querySelectorAll('.js-plotly-plot')).map(function (gd) {
  return JSON.stringify({
    drawn: Array.from(gd.querySelectorAll('text')).map(t => t.textContent),
    data: (gd.data || []).map(t => [t.text, t.hovertext, t.customdata, t.hovertemplate,
                                    t.name]),
    annotations: ((gd.layout || {}).annotations || []).map(a => a.text)});
});
"""


def page_texts(page) -> list[str]:
    texts = [page.js("return document.body.innerText")]
    for plot in page.js(PLOT_TEXTS):
        texts += list(strings_in(json.loads(plot)))
    return texts


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("path", PAGES)
def test_a_page_writes_decimals_in_its_language(page, path, lang):
    open_view(page, f"{path}lang={lang}", lang)
    texts = page_texts(page)
    if path.startswith("/entwicklung"):  # growth per 100,000 writes two decimals
        page.driver.find_element(By.CSS_SELECTOR, "input[value='per_100k']").click()
        page.wait_idle()
        texts += page_texts(page)
    assert len(" ".join(texts)) > 200
    assert wrong_numbers(texts, lang) == []
