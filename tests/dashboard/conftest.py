"""Fixtures for the dashboard tests: real region frames, a real SQLite store with the demo
default, the app on a real loopback server, and headless Chromium driven by Selenium."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import geodata
import store
from dashboard.server.loopback import serve_in_thread

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)
WAIT_S = 30


# ---------------------------------------------------------------- frames without a browser
def synthetic_providers(seed: int = 7) -> pd.DataFrame:
    """Providers placed in real Kreise (from geodata.region_table): a few aLA in some Kreise,
    more WfbM and IB, so frames have zeros, ones and large counts."""
    rng = np.random.default_rng(seed)
    kreise = geodata.region_table("kreis")
    rows: list[dict[str, Any]] = []
    for category, n in (("ala", 90), ("wfbm", 600), ("ib", 500)):
        picks = rng.choice(len(kreise), size=n, replace=True)
        for i, pick in enumerate(picks):
            kreis = kreise.iloc[int(pick)]
            rows.append(
                {
                    "category": category,
                    "source_id": f"T{category}{i:04d}",
                    "name": f"Anbieter {category} {i}",
                    "kreis_ars": kreis["code"],
                    "land_code": kreis["land_code"],
                    "geocode_quality": "gemeinde",
                }
            )
    return pd.DataFrame(rows)


@pytest.fixture(scope="session")
def providers_frame() -> pd.DataFrame:
    return synthetic_providers()


@pytest.fixture(scope="session")
def metrics_of(providers_frame) -> Callable[[str, str], pd.DataFrame]:
    """Region metrics (the store's pure function) over the synthetic providers, with the
    point inside each region the map uses for caution marks."""
    cache: dict[tuple[str, str], pd.DataFrame] = {}

    def make(level: str, category: str) -> pd.DataFrame:
        if (level, category) not in cache:
            frame = store.compute_region_metrics(providers_frame, level, category)
            shapes = geodata.load_regions(level)
            inside = shapes.geometry.representative_point()
            points = pd.DataFrame({"code": shapes["code"], "lon": inside.x, "lat": inside.y})
            cache[(level, category)] = frame.merge(points, on="code", how="left")
        return cache[(level, category)].copy()

    return make


# ---------------------------------------------------------------- a real store and server
@pytest.fixture(scope="session")
def demo_db_url(demo_store_file, tmp_path_factory) -> str:
    """A real SQLite file with the demo default (three demo snapshots): this session's copy."""
    from tests.conftest import copy_demo_store

    path = copy_demo_store(demo_store_file, tmp_path_factory.mktemp("dashboard-store"))
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def demo_engine(demo_db_url):
    return store.connect(demo_db_url)


@pytest.fixture(scope="session")
def app(demo_db_url):
    from dashboard import create_app

    return create_app(demo_db_url)


@pytest.fixture(scope="session")
def serve() -> Callable[[Any], Any]:
    """serve_in_thread, for test modules that need a second app on its own port."""
    return serve_in_thread


@pytest.fixture(scope="session")
def live_server(app) -> Iterator[str]:
    """The demo app on a free loopback port."""
    with serve_in_thread(app.server) as url:
        yield url


# ---------------------------------------------------------------- the browser
@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium through its own chromedriver (Selenium Manager never runs:
    the Service names the driver, the options name the binary)."""
    if not (Path(CHROMEDRIVER).exists() and Path(CHROMIUM).exists()):
        pytest.fail("Chromium and chromedriver are needed at /usr/bin (make browser)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="atlas-chrome-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


# Waits on a condition in the page itself, checked as often as WebDriverWait checked it (at once,
# then every 100 ms) but by a timer in the page: polling from Python costs a chromedriver round
# trip per check, 5-10 ms of Chromium CPU each (measured on /karte, /tabelle, /quellen,
# /erreichbarkeit), where the check itself takes well under 1 ms. One call waits up to `ms`;
# Python repeats it until the timeout.
WAIT_IN_PAGE_JS = """
const args = arguments[0], ms = arguments[1], done = arguments[arguments.length - 1];
const test = function () { /*CONDITION*/ };
let ticker = null, timer = null;
function finish(result) {
  clearInterval(ticker);
  clearTimeout(timer);
  done(result);
}
function check() {
  try {
    const value = test.apply(null, args);
    if (value) { finish({ok: true, value: value}); return true; }
  } catch (e) {
    finish({error: String(e)});
    return true;
  }
  return false;
}
if (!check()) {
  ticker = setInterval(check, 100);
  timer = setTimeout(() => finish({ok: false}), ms);
}
"""
# One call waits at most 2 s: the driver's script timeout (30 s) runs from the call's start, and
# a page busy for long stretches (a click that redraws the map on a loaded machine) delays the
# call's own end; a 10 s wait failed so once in a full browser run.
CHUNK_S = 2.0


class Page:
    """Small helpers over the driver: open a view, wait for text or a condition, read logs."""

    def __init__(self, driver: Any, base: str) -> None:
        self.driver = driver
        self.base = base

    def open(self, path: str) -> None:
        self.driver.get_log("browser")  # drop what earlier pages logged
        self.driver.get(self.base + path)
        self.wait_in_page("return !!document.querySelector('main');")

    def wait_for(self, condition: Callable[[Any], Any], timeout: float = WAIT_S) -> Any:
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, timeout, poll_frequency=0.1).until(condition)

    def wait_in_page(self, body: str, *args: Any, timeout: float = WAIT_S) -> Any:
        """Until the JavaScript function `body` (called with `args`) returns a truthy value in
        the page; that value. TimeoutException as WebDriverWait raises it; an error the
        condition throws is raised as it would be from execute_script."""
        import time

        from selenium.common.exceptions import JavascriptException, TimeoutException

        script = WAIT_IN_PAGE_JS.replace("/*CONDITION*/", body)
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                result = self.driver.execute_async_script(
                    script, list(args), int(1000 * max(0.0, min(left, CHUNK_S))))
            except JavascriptException as error:  # a navigation replaced the document
                if "unloaded" not in str(error) or time.monotonic() >= deadline:
                    raise
                continue
            except TimeoutException:  # the driver's script timeout: the page was busy
                if time.monotonic() >= deadline:
                    raise
                continue
            if "error" in result:
                raise JavascriptException(result["error"])
            if result["ok"]:
                return result["value"]
            if time.monotonic() >= deadline:
                raise TimeoutException(f"not true within {timeout} s: {body}")

    def wait_for_text(self, text: str, timeout: float = WAIT_S) -> None:
        self.wait_in_page("return document.body.innerText.includes(arguments[0]);", text,
                          timeout=timeout)

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def wait_for_map(self, graph_id: str = "karte-graph") -> None:
        """Until plotly has drawn region paths into the graph."""
        self.wait_in_page(
            "const g = document.querySelector(arguments[0] + ' .js-plotly-plot');"
            "return g && g._fullData && g.querySelectorAll('.choroplethlocation').length > 0;",
            f"#{graph_id}",
        )

    def wait_idle(self) -> None:
        """Until Dash has no callback in flight (the renderer marks the title/body)."""
        self.wait_in_page("return !document.querySelector('[data-dash-is-loading=\"true\"]');")

    def console_errors(self) -> list[dict[str, Any]]:
        return [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]


@pytest.fixture()
def page(browser, live_server) -> Page:
    return Page(browser, live_server)


@pytest.fixture()
def viewport(browser) -> Iterator[Callable[[int, int], None]]:
    """Set the page's viewport exactly (CSS pixels), put back afterwards."""

    def size(width: int, height: int) -> None:
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})

    yield size
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# ---------------------------------------------------------------- callbacks without a browser
@pytest.fixture(scope="session")
def dash_post() -> Callable[..., Any]:
    """dashboard.server.callback_client.post_callback, as a fixture."""
    from dashboard.server.callback_client import post_callback

    return post_callback


@pytest.fixture
def entwicklung_answer(app, dash_post) -> Callable[[str, str], dict[str, Any]]:
    """The Entwicklung update callback's answer, in English, for aLA per 100,000 by Land
    against the served snapshot: `answer(graph_id, changed_control_id)` -> response dict."""
    import json

    from dashboard.frame import ids
    from dashboard.pages import entwicklung
    from dashboard.server.callback_client import answer_bytes, callback_outputs

    def answer(graph: str, changed: str) -> dict[str, Any]:
        outputs = callback_outputs(app, f"{graph}.figure")
        inputs = [
            (entwicklung.CATEGORY, "value", "ala"), (entwicklung.BASE, "value", None),
            (entwicklung.MEASURE, "value", "per_100k"), (entwicklung.LEVEL, "value", "land"),
            (ids.snapshot("entwicklung"), "value", None), (entwicklung.LAND, "value", ""),
        ]
        response = dash_post(app.server.test_client(), outputs, inputs,
                             [(ids.URL, "search", "?lang=en")], [f"{changed}.value"])
        assert response.status_code == 200
        raw = answer_bytes(response)
        return json.loads(raw)["response"]

    return answer
