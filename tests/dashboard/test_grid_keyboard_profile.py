"""A region's profile is one keypress away in the Tabelle's grid (issue 21): Tab reaches the
grid, the arrow keys a name, Enter opens its profile; no mouse, no script clicking for the
reader. (Tab itself leaves the grid, atlasTabOut, so the links inside were out of reach.)"""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

GRID_CELL = "return !!(document.activeElement && document.activeElement.closest('#tabelle-grid'))"
MAX_TABS = 80


def test_enter_on_a_name_cell_opens_the_regions_profile_by_keyboard_only(
    page, viewport, artifacts_dir
):
    viewport(1440, 900)
    page.open("/tabelle?level=kreis&land=09")
    page.wait_for(lambda d: d.find_elements(By.CSS_SELECTOR, "#tabelle-grid a.region-link"))
    page.wait_idle()
    page.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    page.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    for _ in range(MAX_TABS):  # Tab by Tab, as a keyboard user walks the page
        if page.js(GRID_CELL):
            break
        page.driver.switch_to.active_element.send_keys(Keys.TAB)
    assert page.js(GRID_CELL), "Tab never reached the grid"
    # into the rows: down from the header (or the first cell) to the first name
    for _ in range(3):
        if page.js("return !!document.activeElement.querySelector('a.region-link')"):
            break
        page.driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    cell = page.driver.switch_to.active_element
    link = cell.find_element(By.CSS_SELECTOR, "a.region-link")
    href, name = link.get_attribute("href"), link.text
    assert "/region/09" in href
    page.driver.save_screenshot(str(artifacts_dir / "tabelle-grid-keyboard-focus-1440.png"))
    cell.send_keys(Keys.ENTER)
    page.wait_for(lambda d: "/region/09" in d.current_url)
    assert page.driver.current_url == href
    page.wait_for(lambda d: name.split(" (")[0] in d.find_element(By.TAG_NAME, "h1").text)
    assert page.console_errors() == []


def test_enter_elsewhere_in_the_grid_stays_on_the_page(page, viewport):
    viewport(1440, 900)
    page.open("/tabelle?level=kreis&land=09")
    page.wait_for(lambda d: d.find_elements(By.CSS_SELECTOR, "#tabelle-grid a.region-link"))
    page.wait_idle()
    # a number cell of the first row: Enter there is the grid's, not a link's
    cell = page.driver.find_element(
        By.CSS_SELECTOR, "#tabelle-grid .ag-center-cols-container .ag-row[row-index='0'] .ag-cell")
    cell.click()
    before = page.driver.current_url
    page.driver.switch_to.active_element.send_keys(Keys.ENTER)
    page.wait_idle()
    assert page.driver.current_url == before
