"""What a reader's browser pays: first-load bytes per page, the cold Kreis map, metric switches.

Serves the demo app on a free loopback port (werkzeug, in a thread) and drives Debian's
headless Chromium through Selenium:

- first load of each page with an empty cache: bytes transferred (resource timing
  `transferSize`, headers included, and `encodedBodySize`, the compressed bodies), counted
  once the page is idle (Karte: once the map is drawn, so the lazily loaded plotly.js and
  the geometry are in);
- the Kreis map, cold: milliseconds from navigation start until all 401 Kreise are drawn (a
  requestAnimationFrame watcher installed before the page's own scripts), each run on a
  server started for it (nothing built yet) with an empty browser cache; then warm: the same
  server again, browser cache still emptied, so the two are told apart;
- the first chart of Karte, Tabelle and Entwicklung after navigation, cold and warm as above
  (navigation start until the page's first plotly trace is painted);
- a metric switch at Kreis level, 20 times: click to repaint (the radio's click until the
  map holds the new metric, plus one frame), median and spread, and how many callback
  requests (`/_dash-update-component`) each switch made;
- a level switch (Länder <-> Kreise), 10 times: click until the new map is drawn and Dash is
  idle, and the callback requests each made;
- Entwicklung's first chart alone (`--part entwicklung`), five cold and five warm runs;
- Erreichbarkeit's Gemeinde map (`--part gemeinde`): navigation until all 10,997 Gemeinden
  are drawn, the first run on the server started for this run (warmed at start as
  gunicorn's master does, dashboard/server/warm.py) and an empty browser cache (cold), one on
  a server started without warming, then with the server warm and the browser cache
  emptied, and where that time goes (GEMEINDE_BREAKDOWN); the Gemeinde geometry's
  bytes on the wire; N threshold switches (click until the map holds the new threshold, plus
  one frame); 10 planning clicks (a click on a Gemeinde until the map (the plan's layer over
  it, where the page has one), the plan result and Dash are done, plus one frame; adding five
  places, then removing them by their stars), with where a click's time goes (when the
  page's answer was asked, its server time, when it was in; the rest is the browser applying
  and drawing).

    .venv/bin/python bench/browser.py [--switches N] [--db URL]
        [--part all|karte|gemeinde|entwicklung]

Without --db a temporary SQLite file with the demo default is built (a few seconds).
Not a test: it prints figures. Loopback, so network time is near zero; the figures are
about bytes, round trips and the browser's own work.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import store  # noqa: E402

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
PAGES = ("karte", "tabelle", "entwicklung", "anbieter", "quellen")
METRICS = ("per_100k", "ala_share", "count", "ala_per_wfbm", "none_here")
TIMEOUT_S = 90
CALLBACK = "_dash-update-component"

# installed before any page script: notes when the Kreis map is fully drawn
def watch_map(graph: str, regions: int) -> str:
    """A script that notes when the graph has painted `regions` region paths."""
    return """
window.__mapDrawnAt = null;
(function watch() {
  const n = document.querySelectorAll('#GRAPH .choroplethlocation').length;
  if (n >= REGIONS) { window.__mapDrawnAt = performance.now(); return; }
  requestAnimationFrame(watch);
})();
""".replace("GRAPH", graph).replace("REGIONS", str(regions))


WATCH_MAP = watch_map("karte-graph", 401)
# the same for a page's first chart: any plotly trace (a line, a bar, a region) inside <main>
WATCH_FIRST_CHART = """
window.__chartAt = null;
(function watch() {
  if (document.querySelector('main .js-plotly-plot .trace, main .js-plotly-plot '
                             + '.choroplethlocation')) {
    window.__chartAt = performance.now(); return;
  }
  requestAnimationFrame(watch);
})();
"""
FIRST_CHART_PAGES = ("karte", "tabelle", "entwicklung")
IDLE = "return !document.querySelector('[data-dash-is-loading=\"true\"]');"
MAP_DRAWN = (
    "const g = document.querySelector('#karte-graph .js-plotly-plot');"
    "return !!(g && g._fullData && g.querySelectorAll('.choroplethlocation').length);"
)
BYTES = f"""
const nav = performance.getEntriesByType('navigation')[0];
const res = performance.getEntriesByType('resource');
const all = [nav, ...res];
return {{
  transfer: all.reduce((s, e) => s + (e.transferSize || 0), 0),
  encoded: all.reduce((s, e) => s + (e.encodedBodySize || 0), 0),
  decoded: all.reduce((s, e) => s + (e.decodedBodySize || 0), 0),
  requests: all.length,
  callbacks: res.filter(e => e.name.includes('{CALLBACK}')).length,
  largest: res.sort((a, b) => b.transferSize - a.transferSize).slice(0, 4)
    .map(e => [e.name.split('/').pop().split('?')[0].slice(0, 40), e.transferSize]),
}};
"""
# click a metric, resolve when the map holds it and one frame has been painted
SWITCH = """
const [metric, done] = [arguments[0], arguments[arguments.length - 1]];
const gd = document.querySelector('#karte-graph .js-plotly-plot');
performance.clearResourceTimings();
const start = performance.now();
document.querySelector(`#karte-metric input[value='${metric}']`).click();
(function wait() {
  if (gd.layout && gd.layout.meta && gd.layout.meta.metric === metric) {
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start)));
  } else { requestAnimationFrame(wait); }
})();
"""
# click a level, resolve when the map shows it, Dash is idle and a frame has been painted
LEVEL_SWITCH = """
const [level, done] = [arguments[0], arguments[arguments.length - 1]];
const gd = document.querySelector('#karte-graph .js-plotly-plot');
performance.clearResourceTimings();
const start = performance.now();
document.querySelector(`#karte-level input[value='${level}']`).click();
(function wait() {
  const drawn = gd.layout && gd.layout.meta && gd.layout.meta.level === level;
  const busy = document.querySelector('[data-dash-is-loading="true"]');
  if (drawn && !busy) {
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start)));
  } else { requestAnimationFrame(wait); }
})();
"""
WATCH_GEMEINDEN = watch_map("access-map", 10997)
# the same, noting on the way when plotly.js was there and when Plotly.react was first called
# on the map (for the breakdown below); installed before any page script
WATCH_GEMEINDEN_PARTS = WATCH_GEMEINDEN + """
window.__parts = {plotly: null, react: null};
(function () {
  // wrapped as plotly.js sets window.Plotly: dcc.Graph calls Plotly.react at once
  let plotly;
  Object.defineProperty(window, 'Plotly', {configurable: true, get: () => plotly, set(value) {
    plotly = value;
    window.__parts.plotly = performance.now();
    const react = value.react;
    value.react = function (gd, ...rest) {
      if (window.__parts.react === null && gd && gd.closest && gd.closest('#access-map')) {
        window.__parts.react = performance.now();
      }
      return react.call(this, gd, ...rest);
    };
  }});
})();
"""
# Where the time to the Gemeinde map goes (ms from navigation start, medians; printed by
# `--part gemeinde`). Issue 17, loopback, 2-core machine shared with other runs (load 6-9):
#
# before (ba1f83b), server warm, browser cache emptied, drawn at 3.9-5.5 s:
#   HTML 0.03 s, scripts and DOMContentLoaded 0.4 s; route callback (the page's layout) asked
#   0.5 s, answered 0.7-1.1 s: 3.0 MB of JSON (the map 1.2 MB, the grid's 10,997 rows 1.6 MB);
#   plotly.js (lazy, after the layout) in at 0.76 s but only run at 1.4-2.2 s (the main thread
#   parsed the answer and AG Grid took in its rows); Plotly.react on the map 1.6-2.4 s; only
#   then the shapes were fetched (0.78 MB, 1.7-2.2 s); parse, projection and paint of 10,997
#   paths ~1.7 s. Meanwhile a second callback (`update`, fired by a dcc.Store that set its
#   None again when mounted) sent the map, the 2SFCA map and texts again (1.3 MB), and
#   Plotly.react ran a second time on the map. On a server started for the run the route
#   answer took ~2 s more (access view, Gemeinde frame computed on the first request).
# after (issue 17 branch w17c), same load, back to back with before (5.2 s cold, 6.1 s
#   warm there): drawn at 3.1-3.4 s warm, 3.6 s cold (at load 8 falling: 2.0-2.1 / 3.0 s):
#   HTML 0.03 s; shapes and plotly.js preloaded by the index, in by 0.3-0.55 s (before the map
#   asks, one request each); DOMContentLoaded 0.4-0.85 s; route asked 0.5-1.0 s, answered
#   0.1-0.2 s later with 1.4 MB (the grid and its rows come after the map is drawn, on
#   demand: 1.6 MB); plotly.js run 1.0-1.9 s; Plotly.react once; drawn 1.1-1.5 s after it.
#   No second answer or draw; the data warmed at start (gunicorn's master, before the fork;
#   the bench's servers likewise). What is left is the browser's own work: the renderer's
#   scripts and layout, plotly.js's start (~0.4 s after the route answer) and its projecting
#   and painting the 10,997 shapes (~1.1 s, most of the rest).
GEMEINDE_BREAKDOWN = f"""
const res = performance.getEntriesByType('resource');
const nav = performance.getEntriesByType('navigation')[0];
const first = (part) => res.filter(e => e.name.includes(part))
  .sort((a, b) => a.startTime - b.startTime)[0];
const answers = res.filter(e => e.name.includes('{CALLBACK}'))
  .sort((a, b) => a.startTime - b.startTime);
const route = answers[0];
const rows = answers.filter(e => e.decodedBodySize > 500000)[1];
const shapes = first('gemeinde.geojson');
const plotly = first('plotly.min.js');
return {{
  html: nav.responseEnd,
  dom_ready: nav.domContentLoadedEventEnd,
  route_asked: route ? route.startTime : null,
  route_answered: route ? route.responseEnd : null,
  route_mb: route ? route.decodedBodySize / 1e6 : null,
  plotly_in: plotly ? plotly.responseEnd : null,
  plotly_ready: window.__parts.plotly,
  map_react: window.__parts.react,
  shapes_asked: shapes ? shapes.startTime : null,
  shapes_in: shapes ? shapes.responseEnd : null,
  drawn: window.__mapDrawnAt,
  rows_asked: rows ? rows.startTime : null,
  rows_mb: rows ? rows.decodedBodySize / 1e6 : null,
  big_answers: answers.filter(e => e.decodedBodySize > 500000).length,
}};
"""
GEMEINDE_BYTES = """
return performance.getEntriesByType('resource').filter(e => e.name.includes('gemeinde.geojson'))
  .map(e => [e.transferSize, e.encodedBodySize, e.decodedBodySize]);
"""
GEMEINDEN_DRAWN = ("return document.querySelectorAll('#access-map .choroplethlocation')"
                   ".length >= 10997;")
# click a threshold, resolve when the Gemeinde map's legend names it and one frame has been
# painted (the legend title is what the switch patches, with the classes' opacity)
THRESHOLD_SWITCH = """
const [km, done] = [arguments[0], arguments[arguments.length - 1]];
const gd = document.querySelector('#access-map .js-plotly-plot');
const start = performance.now();
document.querySelector(`#access-threshold input[value='${km}']`).click();
(function wait() {
  const title = gd.layout && gd.layout.legend && gd.layout.legend.title.text;
  if (title && title.includes(` ${km} km`)) {
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start)));
  } else { requestAnimationFrame(wait); }
})();
"""
# a click on a Gemeinde (or its star); resolve when the map holds the new plan (on the plan's
# own layer over the map, or on the map where there is none), the result text has changed and
# Dash is idle, plus one frame
PLAN_CLICK = """
const [code, done] = [arguments[0], arguments[arguments.length - 1]];
const gd = document.querySelector('#access-map .js-plotly-plot');
const drawn = document.querySelector('#access-map-plan .js-plotly-plot') || gd;
const before = drawn.layout.meta.revision;
const text = document.getElementById('access-plan-result').innerText;
performance.clearResourceTimings();
const start = performance.now();
window.__planClickAt = start;
gd.emit('plotly_click', {points: [{location: code, customdata: code, curveNumber: 0}]});
(function wait() {
  const busy = document.querySelector('[data-dash-is-loading="true"]');
  const now = document.getElementById('access-plan-result').innerText;
  if (drawn.layout.meta.revision !== before && now !== text && !busy) {
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start)));
  } else { requestAnimationFrame(wait); }
})();
"""
PLAN_PLACES = ("010010000000", "031590016016", "091620000000", "120540000000", "146120000000")
# the callback answers since the last clearResourceTimings: [requests, decoded bytes]
ANSWER_BYTES = (
    f"const a = performance.getEntriesByType('resource')"
    f".filter(e => e.name.includes('{CALLBACK}'));"
    f"return [a.length, a.reduce((s, e) => s + (e.decodedBodySize || 0), 0)];"
)
# where a planning click's time went, from the resource timing of its callback requests (ms
# from the click): requests made, when the page's answer (the largest) was asked, the
# server's part of it (request to first byte), when it was in; the rest of the click is the
# browser applying the answers and drawing
PLAN_PARTS = f"""
const a = performance.getEntriesByType('resource').filter(e => e.name.includes('{CALLBACK}'));
const big = a.slice().sort((x, y) => (y.decodedBodySize || 0) - (x.decodedBodySize || 0))[0];
const t0 = arguments[0];
return big ? {{requests: a.length, asked: big.requestStart - t0,
              server: big.responseStart - big.requestStart, answered: big.responseEnd - t0,
              kb: (big.decodedBodySize || 0) / 1e3}} : null;
"""
CALLBACKS = (
    f"return performance.getEntriesByType('resource')"
    f".filter(e => e.name.includes('{CALLBACK}')).length;"
)


@contextmanager
def serve(db_url: str, warm: bool = False) -> Iterator[str]:
    """The app on a loopback port; `warm`: started as gunicorn's master starts it in
    production, with the Erreichbarkeit Gemeinde view's data computed first
    (dashboard/server/warm.py)."""
    import logging

    from dashboard import create_app
    from dashboard.server.loopback import serve_in_thread
    from dashboard.server.warm import warm_views

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request
    app = create_app(db_url)
    if warm:
        warm_views(app)
    with serve_in_thread(app.server) as url:  # the tests' loopback server
        yield url


@contextmanager
def chromium(width: int = 1440, height: int = 900,
             flags: tuple[str, ...] = ("--disable-gpu",)) -> Iterator[Any]:  # fmt: skip
    """Debian's headless Chromium; `flags` beside the fixed ones (GPU or WebGL choices)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="bench-chrome-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", *flags, "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", f"--window-size={width},{height}",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(TIMEOUT_S)
    driver.set_script_timeout(TIMEOUT_S)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        yield driver
    finally:
        driver.quit()
        import shutil

        shutil.rmtree(profile, ignore_errors=True)


def wait(driver: Any, script: str) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, TIMEOUT_S, poll_frequency=0.05).until(
        lambda d: d.execute_script(script))


def cold(driver: Any) -> None:
    """An empty HTTP cache (and no service of the previous page)."""
    driver.get("about:blank")
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})


def first_load(driver: Any, base: str, page: str) -> dict[str, Any]:
    cold(driver)
    driver.get(f"{base}/{page}")
    wait(driver, "return !!document.querySelector('main')")
    if page == "karte":
        wait(driver, MAP_DRAWN)
    wait(driver, IDLE)
    return driver.execute_script(BYTES)


def drawn_after_navigation(driver: Any, url: str, watcher: str, flag: str) -> float:
    """Milliseconds from navigation start until `watcher` sets window.`flag`, with an empty
    browser cache."""
    cold(driver)
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": watcher})
    try:
        driver.get(url)
        wait(driver, f"return window.{flag} !== null")
        return float(driver.execute_script(f"return window.{flag}"))
    finally:
        driver.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})


def kreis_map(driver: Any, base: str) -> float:
    return drawn_after_navigation(driver, f"{base}/karte?level=kreis", WATCH_MAP,
                                  "__mapDrawnAt")


def first_chart(driver: Any, base: str, page: str) -> float:
    return drawn_after_navigation(driver, f"{base}/{page}", WATCH_FIRST_CHART, "__chartAt")


def cold_and_warm(driver: Any, db_url: str, measure: Any, runs: int = 3
                  ) -> tuple[list[float], list[float]]:
    """`measure(driver, base)` `runs` times on a server started for each run (cold: no
    figure, frame or answer built yet), then `runs` times on the last one (warm)."""
    cold_runs = []
    for _ in range(runs - 1):
        with serve(db_url) as fresh:
            cold_runs.append(measure(driver, fresh))
    with serve(db_url) as fresh:
        cold_runs.append(measure(driver, fresh))
        warm_runs = [measure(driver, fresh) for _ in range(runs)]
    return cold_runs, warm_runs


def _runs(values: list[float]) -> str:
    return (f"median {statistics.median(values):.0f} ms "
            f"(runs: {', '.join(f'{v:.0f}' for v in values)})")


def switches(driver: Any, base: str, n: int) -> tuple[list[float], list[int]]:
    driver.get(f"{base}/karte?level=kreis")
    wait(driver, MAP_DRAWN)
    wait(driver, IDLE)
    times, calls = [], []
    current = "count"
    for i in range(n):
        metric = METRICS[i % len(METRICS)]
        if metric == current:
            metric = METRICS[(i + 1) % len(METRICS)]
        times.append(float(driver.execute_async_script(SWITCH, metric)))
        wait(driver, IDLE)
        calls.append(int(driver.execute_script(CALLBACKS)))
        current = metric
    return times, calls


def level_switches(driver: Any, base: str, n: int) -> tuple[list[float], list[int]]:
    """Land -> Kreise -> Land ... on the Karte: click to the new map drawn and Dash idle."""
    driver.get(f"{base}/karte")
    wait(driver, MAP_DRAWN)
    wait(driver, IDLE)
    times, calls = [], []
    for i in range(n):
        level = "kreis" if i % 2 == 0 else "land"
        times.append(float(driver.execute_async_script(LEVEL_SWITCH, level)))
        wait(driver, IDLE)
        calls.append(int(driver.execute_script(CALLBACKS)))
    return times, calls


def gemeinde_map_cold(driver: Any, base: str, parts: list[dict[str, Any]] | None = None
                      ) -> tuple[float, list[list[int]]]:  # fmt: skip
    """Navigation start until all Gemeinden are painted (empty browser cache), and the
    Gemeinde geometry's (transferred, encoded, decoded) bytes; `parts` gets the breakdown
    (GEMEINDE_BREAKDOWN), once the grid's rows are in."""
    drawn = drawn_after_navigation(driver, f"{base}/erreichbarkeit?level=gemeinde",
                                   WATCH_GEMEINDEN_PARTS, "__mapDrawnAt")
    if parts is not None:
        wait(driver, IDLE)
        wait(driver, "return !!document.querySelector('#access-gemeinde-grid .ag-row')")
        parts.append(driver.execute_script(GEMEINDE_BREAKDOWN))
    return drawn, driver.execute_script(GEMEINDE_BYTES)


def threshold_switches(driver: Any, base: str, n: int) -> list[float]:
    driver.get(f"{base}/erreichbarkeit?level=gemeinde")
    wait(driver, GEMEINDEN_DRAWN)
    wait(driver, IDLE)
    times, current = [], 25
    for i in range(n):
        km = (10, 25, 50)[i % 3]
        km = 50 if km == current else km
        times.append(float(driver.execute_async_script(THRESHOLD_SWITCH, km)))
        wait(driver, IDLE)
        current = km
    return times


def planning_clicks(driver: Any, base: str, parts: list[dict[str, float]] | None = None
                    ) -> tuple[list[float], list[int]]:  # fmt: skip
    """Click to repaint per planning click, and the callback answers' decoded bytes; `parts`
    gets each click's PLAN_PARTS."""
    driver.get(f"{base}/erreichbarkeit?level=gemeinde")
    wait(driver, GEMEINDEN_DRAWN)
    wait(driver, IDLE)
    times, sizes = [], []
    for code in (*PLAN_PLACES, *PLAN_PLACES):  # five added, then the same five removed
        times.append(float(driver.execute_async_script(PLAN_CLICK, code)))
        wait(driver, IDLE)
        sizes.append(int(driver.execute_script(ANSWER_BYTES)[1]))
        if parts is not None:
            found = driver.execute_script(PLAN_PARTS, driver.execute_script(
                "return window.__planClickAt;"))  # fmt: skip
            if found:
                parts.append({**found, "done": times[-1]})
    return times, sizes


def _spread(times: list[float]) -> str:
    q = statistics.quantiles(times, n=10) if len(times) >= 2 else times
    return (f"median {statistics.median(times):.0f} ms, p10 {q[0]:.0f} ms, p90 {q[-1]:.0f} ms "
            f"(n={len(times)})")


def run_gemeinde(driver: Any, base: str, n: int, db_url: str) -> None:
    print("\nErreichbarkeit, Gemeinde map (10,997 Gemeinden, Plotly geo)")
    parts: list[dict[str, Any]] = []
    drawn, sizes = gemeinde_map_cold(driver, base, parts)
    print(f"navigation to all Gemeinden drawn, server started for this run (warmed at start "
          f"as in production), empty browser cache: {drawn:.0f} ms")
    with serve(db_url) as unwarmed:
        print(f"the same on a server started without warming: "
              f"{gemeinde_map_cold(driver, unwarmed)[0]:.0f} ms")
    warm = [gemeinde_map_cold(driver, base, parts)[0] for _ in range(2)]
    print(f"the same with the server warm, browser cache emptied: "
          f"{', '.join(f'{w:.0f}' for w in warm)} ms")
    medians = {k: statistics.median(p[k] for p in parts if p[k] is not None)
               for k in parts[0] if any(p[k] is not None for p in parts)}
    times = sorted((v, k) for k, v in medians.items() if "mb" not in k and k != "big_answers")
    print("  where the time goes, medians of these runs (ms from navigation start): "
          + ", ".join(f"{k.replace('_', ' ')} {v:.0f}" for v, k in times))
    print(f"  route answer {medians.get('route_mb', 0):.2f} MB, grid rows "
          f"{medians.get('rows_mb', 0):.2f} MB (decoded); answers over 0.5 MB: "
          f"{medians['big_answers']:.0f}")
    for transfer, encoded, decoded in sizes:
        print(f"Gemeinde geometry on the wire: {transfer / 1e6:.2f} MB transferred "
              f"({encoded / 1e6:.2f} MB body, {decoded / 1e6:.2f} MB decoded)")
    print(f"threshold switch, click to repaint: {_spread(threshold_switches(driver, base, n))}")
    clicks: list[dict[str, float]] = []
    times, sizes = planning_clicks(driver, base, clicks)
    print(f"planning click to updated map, figures and idle: {_spread(times)}; callback "
          f"answers per click: median {statistics.median(sizes) / 1e3:.0f} kB decoded")
    if clicks:
        med = {k: statistics.median(c[k] for c in clicks) for k in clicks[0]}
        print(f"  where a click's time goes, medians (ms from the click): {med['requests']:.0f} "
              f"callback requests; the page's answer ({med['kb']:.0f} kB) asked at "
              f"{med['asked']:.0f}, server {med['server']:.0f}, in at {med['answered']:.0f}; "
              f"applied and drawn until {med['done']:.0f} (median of per-click rest: "
              f"{statistics.median(c['done'] - c['answered'] for c in clicks):.0f})")


# where the time before Entwicklung's first chart goes: when the page's answers arrived
# (ms from navigation start): the HTML, the route callback (the page's layout, built on the
# server), plotly.js, and the chart's paint
BREAKDOWN = """
const res = performance.getEntriesByType('resource');
const nav = performance.getEntriesByType('navigation')[0];
const first = (part) => res.filter(e => e.name.includes(part))
  .sort((a, b) => a.startTime - b.startTime)[0];
const route = first('_dash-update-component');
const plotly = first('plotly');
return {
  html: nav.responseEnd,
  scripts: Math.max(...res.filter(e => e.initiatorType === 'script').map(e => e.responseEnd)),
  route_asked: route ? route.startTime : null,
  route_answered: route ? route.responseEnd : null,
  plotly: plotly ? plotly.responseEnd : null,
  chart: window.__chartAt,
};
"""


def run_entwicklung(driver: Any, db_url: str, runs: int = 5) -> None:
    """Entwicklung's first chart alone (issue 21's goal: within 2 s of navigation on
    loopback): more runs than the all-pages line, since one cold run is one server; then
    when each part of the way arrived, medians over the cold runs."""
    print("\nEntwicklung, navigation start until the first chart is painted; cold = a server "
          "started for the run and an empty browser cache, warm = the same server again "
          "(browser cache emptied)")
    parts: list[dict[str, float]] = []

    def measure(d: Any, b: str) -> float:
        drawn = first_chart(d, b, "entwicklung")
        parts.append(d.execute_script(BREAKDOWN))
        return drawn

    cold_runs, warm_runs = cold_and_warm(driver, db_url, measure, runs)
    print(f"entwicklung, first chart     cold {_runs(cold_runs)}; warm {_runs(warm_runs)}")
    for label, chosen in (("cold", parts[:runs]), ("warm", parts[runs:])):
        medians = {k: statistics.median(p[k] for p in chosen if p[k] is not None)
                   for k in chosen[0]}
        print(f"  {label}, medians (ms from navigation start): "
              + ", ".join(f"{k.replace('_', ' ')} {v:.0f}" for k, v in medians.items()))


def run(db_url: str, n: int, part: str = "all") -> None:
    snapshot = store.served_snapshot(store.connect(db_url))
    if snapshot is None:
        raise SystemExit("the store holds no snapshot")
    # the Gemeinde part first, on a server started as in production (warmed)
    with serve(db_url, warm=part in ("all", "gemeinde")) as base, chromium() as driver:
        print(f"aLA-Atlas in headless Chromium at 1440x900, {base} (loopback), "
              f"snapshot {snapshot['id']} ({snapshot['origin']})")
        # first, so that the Gemeinde map meets a server started for this run
        if part in ("all", "gemeinde"):
            run_gemeinde(driver, base, n, db_url)
        if part == "gemeinde":
            return
        if part == "entwicklung":
            run_entwicklung(driver, db_url)
            return
        print("\nFirst load, empty cache (once idle; Karte: once the map is drawn)")
        print(f"{'page':<13}{'transferred':>13}{'bodies':>11}{'decoded':>11}{'requests':>10}"
              f"{'callbacks':>11}  largest")
        for page in PAGES:
            b = first_load(driver, base, page)
            largest = ", ".join(f"{name} {size / 1024:.0f}K" for name, size in b["largest"])
            print(f"{page:<13}{b['transfer'] / 1e6:>10.2f} MB{b['encoded'] / 1e6:>8.2f} MB"
                  f"{b['decoded'] / 1e6:>8.2f} MB{b['requests']:>10}{b['callbacks']:>11}  "
                  f"{largest}")
        print("\nFrom navigation start until painted; cold = a server started for the run "
              "and an empty browser cache, warm = the same server again (browser cache emptied)")
        cold_runs, warm_runs = cold_and_warm(driver, db_url, kreis_map)
        print(f"Kreis map, all 401 Kreise   cold {_runs(cold_runs)}; warm {_runs(warm_runs)}")
        for page in FIRST_CHART_PAGES:
            cold_runs, warm_runs = cold_and_warm(
                driver, db_url, lambda d, b, page=page: first_chart(d, b, page))
            print(f"{page + ', first chart':<28}cold {_runs(cold_runs)}; warm {_runs(warm_runs)}")
        times, calls = switches(driver, base, n)
        q = statistics.quantiles(times, n=10) if len(times) >= 2 else times
        print(f"\nMetric switch at Kreis level, {len(times)} switches (cycling "
              f"{', '.join(METRICS)}): click to repaint median {statistics.median(times):.0f} ms, "
              f"p10 {q[0]:.0f} ms, p90 {q[-1]:.0f} ms")
        print(f"callback requests per switch: {', '.join(str(c) for c in sorted(set(calls)))} "
              f"(median {statistics.median(calls):.0f}, total {sum(calls)})")
        times, calls = level_switches(driver, base, max(4, n // 2))
        q = statistics.quantiles(times, n=10) if len(times) >= 2 else times
        print(f"\nLevel switch Länder <-> Kreise, {len(times)} switches: click to the new map "
              f"drawn and idle, median {statistics.median(times):.0f} ms, p10 {q[0]:.0f} ms, "
              f"p90 {q[-1]:.0f} ms; callback requests per switch: median "
              f"{statistics.median(calls):.0f} (total {sum(calls)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switches", type=int, default=20)
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (default: temporary demo)")
    parser.add_argument("--part", choices=("all", "karte", "gemeinde", "entwicklung"),
                        default="all")
    args = parser.parse_args()
    if args.db is not None:
        run(args.db, args.switches, args.part)
        return
    from scrapers.demo import ensure_default  # only the benchmark builds demo data

    with tempfile.TemporaryDirectory(prefix="bench-browser-") as folder:
        url = f"sqlite:///{Path(folder) / 'atlas.sqlite'}"
        ensure_default(store.connect(url))
        run(url, args.switches, args.part)


if __name__ == "__main__":
    main()
