"""Security headers of the real app.py, and the dashboard working under its CSP in Chromium:
the map and the grids render with no CSP violation, and without 'unsafe-eval'."""

from __future__ import annotations

import shutil
import tempfile

import pytest

from tests.server.conftest import launch

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"
WAIT_S = 60
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--window-size=1440,900")
# Collect every CSP violation the page reports (runs before the page's own scripts).
LISTEN = ("window.__csp = []; document.addEventListener('securitypolicyviolation', e => "
          "window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")


@pytest.fixture(scope="module")
def app(demo_file, tmp_path_factory):
    folder = tmp_path_factory.mktemp("headers")
    target = folder / "atlas.sqlite"
    shutil.copyfile(demo_file, target)
    # one worker: nothing here is about several (each gunicorn worker costs CPU to warm)
    process = launch(f"sqlite:///{target}", folder, WEB_CONCURRENCY="1")
    yield process
    process.stop()


def _directives(policy: str) -> dict[str, list[str]]:
    parts = [p.strip().split() for p in policy.split(";") if p.strip()]
    return {p[0]: p[1:] for p in parts}


def test_pages_carry_a_csp_without_unsafe_eval_and_may_not_be_framed(app):
    page = app.get("/karte?level=kreis")
    assert page.status == 200 and page.headers["Server"] == "gunicorn"
    csp = _directives(page.headers["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"][0] == "'self'"
    assert all(s.startswith("'sha256-") for s in csp["script-src"][1:])
    assert len(csp["script-src"]) >= 2  # Dash's renderer and clientside callbacks, by hash
    assert "'unsafe-eval'" not in page.headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in csp["script-src"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
    assert page.headers["X-Frame-Options"] == "DENY"
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_only_the_embed_view_may_be_framed(app):
    embed = app.get("/karte?embed=1")
    csp = _directives(embed.headers["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["*"]
    assert "X-Frame-Options" not in embed.headers
    other = app.get("/karte?embed=0")
    assert _directives(other.headers["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize("path", ["/healthz", "/api/regions", "/api/nothing",
                                  "/geo/land.geojson", "/assets/style.css"])
def test_every_answer_is_nosniff_and_names_no_version(app, path):
    answer = app.get(path)
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["Server"] == "gunicorn"


@pytest.fixture(scope="module")
def driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="csp-chrome-")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    chrome = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    chrome.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LISTEN})
    try:
        yield chrome
    finally:
        chrome.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _wait(driver, script: str, *args):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT_S, poll_frequency=0.2).until(
        lambda d: d.execute_script(script, *args))


def _violations(driver) -> tuple[list[str], list[str]]:
    reported = driver.execute_script("return window.__csp || []")
    logged = [e["message"] for e in driver.get_log("browser")
              if "Content Security Policy" in e["message"] or e["level"] == "SEVERE"]
    return reported, logged


@pytest.mark.browser
@pytest.mark.parametrize("path, ready", [
    ("/karte?level=kreis&points=1",
     "const g = document.querySelector('#karte-graph .js-plotly-plot');"
     "return g && g.querySelectorAll('.choroplethlocation').length >= 401"
     " && g.querySelectorAll('.scatterlayer path.point').length > 0;"),
    ("/tabelle?level=kreis",
     "return document.querySelectorAll('#tabelle-grid .ag-row').length > 10;"),
    ("/anbieter", "return document.querySelectorAll('#anbieter-grid .ag-row').length > 10;"),
    ("/entwicklung", "return document.querySelectorAll('.js-plotly-plot .main-svg').length > 0;"),
])
def test_the_dashboard_renders_under_its_csp_with_no_violation(app, driver, path, ready):
    driver.get_log("browser")
    driver.get(app.base + path)
    assert _wait(driver, ready)
    _wait(driver, "return !document.querySelector('[data-dash-is-loading=\"true\"]');")
    assert driver.execute_script("return typeof window.__csp") == "object"  # listener ran
    reported, logged = _violations(driver)
    assert reported == [] and logged == []
