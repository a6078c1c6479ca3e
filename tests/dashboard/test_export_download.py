"""Export buttons in a real browser: a click downloads the file the export layer makes.

Uses the dashboard fixtures (demo store, app on a loopback server) and its own headless
Chromium whose download preferences point at a temporary folder.
"""

from __future__ import annotations

import shutil
import struct
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.exports.conftest import read_export_csv

pytestmark = pytest.mark.browser

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
    "--no-first-run", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--window-size=1400,1000",
)
WAIT_S = 120  # a PNG export starts Chromium and renders 401 shapes; slow on a busy machine


@pytest.fixture(scope="module")
def downloads() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="atlas-downloads-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def downloading_browser(downloads) -> Iterator[Any]:
    """Headless Chromium that saves downloads into `downloads` without asking."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="atlas-chrome-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "download.directory_upgrade": True,
            "safebrowsing.enabled": False,
        },
    )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    # headless Chromium honours the preference only with downloads allowed over CDP as well
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_until(condition, timeout: float = WAIT_S) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out")


def downloaded(folder: Path, name: str) -> Path:
    """The finished download `name` (Chromium writes *.crdownload until it is done)."""
    target = folder / name
    return wait_until(lambda: target if target.exists() and target.stat().st_size else None)


def click_export(driver: Any, slot: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    button = WebDriverWait(driver, WAIT_S).until(
        ec.element_to_be_clickable((By.ID, f"{slot}-button"))
    )
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
    button.click()


def status_text(driver: Any, slot: str) -> str:
    return driver.execute_script(
        "const e = document.getElementById(arguments[0]); return e ? e.innerText : '';",
        f"{slot}-status",
    )


def test_the_map_export_button_downloads_the_kreis_map_png(
    downloading_browser, live_server, downloads
):
    driver = downloading_browser
    driver.get(live_server + "/karte?level=kreis&metric=per_100k")
    slot = "karte-export-slot"
    click_export(driver, slot)
    path = downloaded(downloads, "ala_je-100k_kreise_2022-12-01.png")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (2000, 2500)
    wait_until(lambda: "ala_je-100k_kreise_2022-12-01.png" in status_text(driver, slot))


def test_the_table_export_button_downloads_the_csv_of_the_filtered_view(
    downloading_browser, live_server, downloads
):
    driver = downloading_browser
    driver.get(live_server + "/tabelle?level=kreis&land=14&category=wfbm")
    click_export(driver, "tabelle-export-slot")
    path = downloaded(downloads, "wfbm_kennzahlen_kreise_land-14_2022-12-01.csv")
    table = read_export_csv(path.read_bytes())  # the table from line 1, as pandas opens it
    assert set(table["Land"].dropna()) == {"Sachsen"}
    assert table["Region"].iloc[-1] == "Sachsen insgesamt"
    assert len(table) == 13 + 1  # Sachsen's 13 Kreise and the total row, as on screen


def test_an_entwicklung_export_button_downloads_the_growth_chart_of_the_chosen_pair(
    downloading_browser, live_server, downloads
):
    driver = downloading_browser
    driver.get(live_server + "/entwicklung?base=1&metric=per_100k")
    click_export(driver, "entwicklung-export-wachstum")
    path = downloaded(downloads, "ala_wachstum-nach-land_2021-11-30_2022-12-01.png")
    data = path.read_bytes()
    assert struct.unpack(">II", data[16:24]) == (2200, 1520)


def test_the_karte_timeline_plays_through_the_snapshots_and_keeps_the_url(
    downloading_browser, live_server
):
    """(Not a download, but the same browser: the Karte page's snapshot timeline.)"""
    from selenium.webdriver.common.by import By

    driver = downloading_browser
    driver.get(live_server + "/karte?level=kreis")
    play = wait_until(lambda: driver.find_elements(By.ID, "karte-timeline-play"))[0]

    def source() -> str:
        return driver.execute_script(
            "const e = document.getElementById('shell-source-line'); return e ? e.innerText : ''"
        )

    wait_until(lambda: "01.12.2022" in source())
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", play)
    play.click()
    wait_until(lambda: "30.11.2021" in source())  # at the end, play starts over
    assert "snapshot=" in driver.current_url  # an older snapshot: the link is pinned
    ids_in_url = driver.current_url.split("snapshot=")[1].split("&")[0]
    assert ids_in_url.isdigit()
    wait_until(lambda: "31.01.2022" in source())
    wait_until(lambda: "01.12.2022" in source())
    wait_until(lambda: play.get_attribute("aria-pressed") == "false")  # stops at the end
    # back at the newest snapshot the link follows the data again
    wait_until(lambda: "snapshot=" not in driver.current_url)


# ---------------------------------------------------------------- the grid as arranged
def grid_rows_shown(driver: Any, grid: str, field: str) -> list[str]:
    """`field` of the grid's data rows as displayed, top to bottom (not the pinned total)."""
    return driver.execute_script(
        """
        const rows = [...document.querySelectorAll(
            `#${arguments[0]} .ag-center-cols-container .ag-row`)];
        rows.sort((a, b) => +a.getAttribute('row-index') - +b.getAttribute('row-index'));
        return rows.map(r => r.querySelector(`[col-id="${arguments[1]}"]`).textContent.trim());
        """,
        grid, field,
    )


def grid_headers_shown(driver: Any, grid: str) -> list[str]:
    """The header texts as displayed, left to right (pinned columns included)."""
    return driver.execute_script(
        """
        const cells = [...document.querySelectorAll(`#${arguments[0]} .ag-header-cell[col-id]`)];
        cells.sort((a, b) => +a.getAttribute('aria-colindex') - +b.getAttribute('aria-colindex'));
        return cells.map(c => c.querySelector('.ag-header-cell-text').textContent.trim());
        """,
        grid,
    )


def click_header(driver: Any, grid: str, column: str) -> None:
    from selenium.webdriver.common.by import By

    label = driver.find_element(
        By.CSS_SELECTOR, f"#{grid} .ag-header-cell[col-id='{column}'] .ag-header-cell-label"
    )
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", label)
    label.click()


def test_the_table_export_follows_the_grids_sort_filter_and_columns(
    downloading_browser, live_server, downloads
):
    """Sort by a header click, filter and rearrange columns in the grid: the CSV holds the
    rows in the order shown and the columns shown, with the total row last."""
    driver = downloading_browser
    grid = "tabelle-grid"
    driver.get(live_server + "/tabelle?level=kreis&land=14&category=wfbm")
    wait_until(lambda: len(grid_rows_shown(driver, grid, "code")) == 13)  # Sachsen's Kreise
    page_order = grid_rows_shown(driver, grid, "code")

    click_header(driver, grid, "count")  # ascending
    click_header(driver, grid, "count")  # descending
    wait_until(lambda: grid_rows_shown(driver, grid, "code") != page_order)
    # a column filter (the grid's own API, as its filter menu would set it) and a column
    # hidden and one moved, as a user does through the grid's menu and by dragging
    driver.execute_script(
        """
        const api = dash_ag_grid.getApi(arguments[0]);
        api.setFilterModel({count: {filterType: 'number', type: 'greaterThan', filter: 1}});
        api.setColumnsVisible(['population', 'fragile'], false);
        api.moveColumns(['code'], 6);
        """,
        grid,
    )
    wait_until(lambda: 0 < len(grid_rows_shown(driver, grid, "code")) < 13)
    shown = grid_rows_shown(driver, grid, "code")
    counts = [int(c) for c in grid_rows_shown(driver, grid, "count")]
    assert counts == sorted(counts, reverse=True) and min(counts) > 1
    headers = grid_headers_shown(driver, grid)
    assert "Einwohner" not in " ".join(headers) and headers[0] == "Region"

    name = "wfbm_kennzahlen_kreise_land-14_2022-12-01.csv"
    (downloads / name).unlink(missing_ok=True)  # the unsorted view's test saves this name too
    click_export(driver, "tabelle-export-slot")
    path = downloaded(downloads, name)
    text = path.read_bytes().decode("utf-8-sig")
    table = read_export_csv(path.read_bytes())
    assert list(table.columns) == headers
    assert table["Schlüssel (ARS)"].tolist()[:-1] == shown
    assert table["Region"].iloc[-1] == "Sachsen insgesamt"
    assert f"{len(shown)} von 13" in text
    wait_until(lambda: name in status_text(driver, "tabelle-export-slot"))


def test_the_provider_export_follows_the_grids_sort(downloading_browser, live_server, downloads):
    driver = downloading_browser
    grid = "anbieter-grid"
    driver.get(live_server + "/anbieter?pcat=wfbm&pland=02")  # Hamburg's 11 workshops
    wait_until(lambda: len(grid_rows_shown(driver, grid, "plz")) == 11)
    page_order = grid_rows_shown(driver, grid, "plz")
    click_header(driver, grid, "plz")
    click_header(driver, grid, "plz")  # descending
    wait_until(lambda: grid_rows_shown(driver, grid, "plz") != page_order)
    shown = grid_rows_shown(driver, grid, "plz")
    assert shown == sorted(page_order, reverse=True)

    click_export(driver, "anbieter-export-slot")
    path = downloaded(downloads, "wfbm_anbieter_land-02_2022-12-01.csv")
    table = read_export_csv(path.read_bytes(), dtype=str)
    assert table["PLZ"].tolist() == shown
    assert list(table.columns) == grid_headers_shown(driver, grid)


@pytest.mark.parametrize("width", [1440, 390])
def test_the_gemeinden_of_a_clicked_kreis_download_as_the_page_lists_them(
    downloading_browser, live_server, downloads, artifacts_dir, width
):
    from selenium.webdriver.common.by import By

    driver = downloading_browser
    driver.set_window_size(width, 900)
    try:
        driver.get(live_server + "/erreichbarkeit?akreis=09187")
        wait_until(lambda: "Gemeinden in Rosenheim" in driver.execute_script(
            "const e = document.getElementById('access-region'); return e ? e.innerText : '';"))
        shown = driver.execute_script(
            "return Array.from(document.querySelectorAll('#access-region-table tbody tr'))"
            ".map(tr => tr.children[0].innerText);")
        section = driver.find_element(By.ID, "access-region")
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", section)
        section.screenshot(str(artifacts_dir / f"i21-access-gemeinden-export-{width}.png"))
        name = "ala_erreichbarkeit_gemeinden-09187_2022-12-01.csv"
        (downloads / name).unlink(missing_ok=True)
        click_export(driver, "access-region-export-slot")
        table = read_export_csv(downloaded(downloads, name).read_bytes())
    finally:
        driver.set_window_size(1400, 1000)
    assert len(shown) > 20 and table["Gemeinde"].tolist() == shown  # farthest first, as shown
    assert list(table.columns) == ["Schlüssel (ARS)", "Gemeinde", "Einwohner",
                                   "Entfernung km (Luftlinie)", "nächster Anbieter"]
