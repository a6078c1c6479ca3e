"""First-load bytes per page: what a browser with an empty cache transfers to show each page.

Serves the app on a free loopback port (werkzeug, threads; responses compressed by the app as in
production), opens every page in headless Chromium with the cache disabled, waits until the
page has drawn what it is for (the map's regions, the grid's rows, the charts) and no further
resource has arrived for a second, then sums the transfer sizes (compressed bytes plus headers)
of the document and every resource from the Performance API. Two passes: the first visits
after the server started (large scripts compressed on the fly), then the same pages once the
server's Brotli cache of those scripts is filled (dashboard/server/static_compression.py).

    .venv/bin/python bench/page_weight.py [--db URL] [--pages karte,tabelle] [--top N]

Without --db a temporary SQLite file with the demo default (three demo snapshots) is built.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import store  # noqa: E402
from dashboard import create_app  # noqa: E402

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
# what each page shows once it is ready (a CSS selector that must match)
PAGES: dict[str, tuple[str, str]] = {
    "karte": ("/karte?level=kreis", ".choroplethlocation"),
    "karte-land": ("/karte", ".choroplethlocation"),
    "tabelle": ("/tabelle?level=kreis", ".ag-row"),
    "entwicklung": ("/entwicklung", ".js-plotly-plot"),
    "anbieter": ("/anbieter", ".ag-row"),
    "quellen": ("/quellen", "main h1"),
}
QUIET_S, TIMEOUT_S = 1.0, 90.0
ENTRIES_JS = """
const nav = performance.getEntriesByType('navigation')[0];
const res = performance.getEntriesByType('resource');
return [[nav.name, nav.transferSize, nav.decodedBodySize]].concat(
    res.map(r => [r.name, r.transferSize, r.decodedBodySize]));
"""


def start_server(db_url: str) -> tuple[Any, Any, str]:
    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    app = create_app(db_url)
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return app, server, f"http://127.0.0.1:{server.server_port}"


def browser() -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1440,900", "--disable-background-networking"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(TIMEOUT_S)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


def settle(driver: Any, ready: str) -> None:
    """Until `ready` matches and no resource arrived for QUIET_S seconds (or TIMEOUT_S)."""
    deadline = time.monotonic() + TIMEOUT_S
    count, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        seen = driver.execute_script(
            "return [!!document.querySelector(arguments[0]),"
            " performance.getEntriesByType('resource').length]", ready)
        if seen[1] != count:
            count, since = seen[1], time.monotonic()
        elif seen[0] and time.monotonic() - since >= QUIET_S:
            return
        time.sleep(0.1)
    raise SystemExit(f"page not ready after {TIMEOUT_S:.0f} s (waiting for {ready!r})")


def weigh(driver: Any, base: str, path: str, ready: str) -> list[tuple[str, int, int]]:
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.get(base + path)
    settle(driver, ready)
    return [(name.replace(base, ""), int(sent), int(body))
            for name, sent, body in driver.execute_script(ENTRIES_JS)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="store URL (default: a temporary demo store)")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated page names")
    parser.add_argument("--top", type=int, default=6, help="largest resources listed per page")
    args = parser.parse_args()
    db_url = args.db or f"sqlite:///{tempfile.mkdtemp(prefix='atlas-weight-')}/atlas.sqlite"
    if not args.db:
        from scrapers.demo import ensure_default

        ensure_default(store.connect(db_url))
    app, server, base = start_server(db_url)
    cache = app.server.config["ATLAS_BROTLI"]
    driver = browser()
    try:
        print(f"store {db_url}; scripts cached as Brotli-11 in {cache.directory}")
        for label in ("first visits after start", "visits once the Brotli cache is filled"):
            print(f"\n{label}\n{'page':<12} {'requests':>8} {'transferred':>12} {'decoded':>12}")
            for name in args.pages.split(","):
                path, ready = PAGES[name]
                entries = weigh(driver, base, path, ready)
                sent = sum(e[1] for e in entries)
                body = sum(e[2] for e in entries)
                print(f"{name:<12} {len(entries):>8} {sent:>12,} {body:>12,}   {path}")
                for url, size, _ in sorted(entries, key=lambda e: -e[1])[: args.top]:
                    print(f"{'':<12} {size:>21,}   {url.split('?')[0][:90]}")
            while not cache.idle():  # the server compresses in the background
                time.sleep(0.5)
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
