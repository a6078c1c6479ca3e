"""Issue 21's views on a phone (390 x 844), pictured and checked: Entwicklung's Land view and
the Tabelle's ranking of a Land's Kreise fit the screen (nothing runs past its right edge,
no bar label is cut at the left) and their headings say what they show."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

PHONE = (390, 844)
OVERFLOW_JS = "return document.documentElement.scrollWidth - window.innerWidth;"
# the ranking's bar labels: their left edges inside the chart and the screen
LABELS_JS = """
return [...document.querySelectorAll('#tabelle-ranking .ytick text')].map(t => {
  const r = t.getBoundingClientRect();
  return {text: t.textContent, left: r.left, right: r.right};
});
"""


@pytest.mark.browser
def test_entwicklung_land_view_fits_a_phone(page, viewport, artifacts_dir):
    viewport(*PHONE)
    page.open("/entwicklung?level=kreis&land=09&category=wfbm")
    page.wait_for_map("entwicklung-change-map")
    page.wait_idle()
    assert page.js(OVERFLOW_JS) <= 0
    heading = page.driver.find_element(By.ID, "entwicklung-change-map-heading").text
    assert heading.startswith("WfbM: Veränderung je Region in Bayern, ")
    page.js("document.getElementById('entwicklung-change-map-heading').scrollIntoView()")
    page.driver.save_screenshot(str(artifacts_dir / "entwicklung-land-09-390.png"))
    # the change table of the Land names both Münchens apart
    page.js("document.getElementById('entwicklung-change-table-summary').click()")
    # 96 Kreise: a grid (rows drawn as they scroll into view), ordered by key: 09162 is near
    # the top
    cells = "#entwicklung-change-table .ag-cell"
    page.wait_for(lambda d: d.find_elements(By.CSS_SELECTOR, cells))
    page.wait_for(lambda d: "München (Kreisfreie Stadt)" in d.execute_script(
        f"return [...document.querySelectorAll('{cells}')].map(c => c.textContent)"))
    assert page.js(OVERFLOW_JS) <= 0
    page.js("document.getElementById('entwicklung-change-table').scrollIntoView()")
    page.driver.save_screenshot(str(artifacts_dir / "entwicklung-land-09-table-390.png"))
    assert page.console_errors() == []


@pytest.mark.browser
def test_tabelle_ranking_of_a_land_fits_a_phone(page, viewport, artifacts_dir):
    viewport(*PHONE)
    page.open("/tabelle?level=kreis&land=09")
    page.wait_for(lambda d: d.find_elements(By.CSS_SELECTOR, "#tabelle-ranking .ytick text"))
    page.wait_idle()
    assert page.js(OVERFLOW_JS) <= 0
    labels = page.js(LABELS_JS)
    assert labels
    assert all(label["left"] >= 0 and label["right"] <= PHONE[0] for label in labels), labels
    page.js("document.getElementById('tabelle-ranking').scrollIntoView()")
    page.driver.save_screenshot(str(artifacts_dir / "tabelle-ranking-bayern-390.png"))
    assert page.console_errors() == []
