"""Which Plotly map engine draws 10,997 Gemeinden (and 401 Kreise) fastest in a browser?

Compares, in Debian's headless Chromium on loopback, with the plotly.js of the installed
`plotly` package (the full bundle: it holds both engines):

- `geo`: `choropleth` on a `geo` subplot (one SVG path per region, drawn by the main thread);
- `map`: `choroplethmap` (MapLibre GL, WebGL) with a blank style: no tiles, no sources, works
  offline.

For each engine and level it prints: first draw (from `Plotly.newPlot` until the regions are
painted: SVG paths present, or MapLibre's `idle` event, plus one frame), and the median of N
repaints after a new `z` (a threshold or metric switch: `Plotly.react` with the same geometry
and new values, until painted). The geometry is fetched once before the clock starts, so the
figures are the browser's own work.

WebGL in headless Chromium: with `--disable-gpu` (the test flags) the page reports whether a
WebGL context exists at all; the bench tries the flag sets in FLAG_SETS and reports each.

    .venv/bin/python bench/map_engines.py [--repaints N] [--flags default|swiftshader|all]

Not a test: it prints figures. On a shared 2-core machine, numbers vary between runs.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.browser import chromium  # noqa: E402
from dashboard.server.loopback import serve_in_thread  # noqa: E402
from geodata.paths import GEMEINDEN_GEOJSON, KREISE_GEOJSON  # noqa: E402

TOPOJSON = Path(__file__).resolve().parent.parent / "assets" / "topojson"  # geo's base map
FLAG_SETS: dict[str, tuple[str, ...]] = {
    # what tests and bench/browser.py pass
    "default": ("--disable-gpu",),
    # software WebGL through ANGLE's SwiftShader (Chromium asks for the "unsafe" opt-in)
    "swiftshader": ("--use-angle=swiftshader", "--enable-unsafe-swiftshader"),
}

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script src="plotly.js"></script></head><body style="margin:0">
<div id="g" style="width:1000px;height:800px"></div>
<script>
const STYLE = {version: 8, sources: {}, layers: [
  {id: 'bg', type: 'background', paint: {'background-color': '#ffffff'}}]};
const COLOURS = [[0, '#fef0d9'], [0.25, '#fef0d9'], [0.25, '#fdcc8a'], [0.5, '#fdcc8a'],
  [0.5, '#fc8d59'], [0.75, '#fc8d59'], [0.75, '#d7301f'], [1, '#d7301f']];
window.webgl = (() => { try { const c = document.createElement('canvas');
  return !!(c.getContext('webgl2') || c.getContext('webgl')); } catch (e) { return false; } })();
window.shapes = {};
window.load = async (level) => {
  window.shapes[level] = await (await fetch('geo/' + level + '.json')).json();
};
function values(level, seed) {
  const n = window.shapes[level].features.length, z = new Array(n);
  for (let i = 0; i < n; i++) z[i] = ((i * 7919 + seed * 104729) % 1000) / 1000 * 4;
  return z;
}
function figure(engine, level, seed) {
  const geo = window.shapes[level];
  const ids = geo.features.map(f => f.id);
  // by URL, as the app passes it: plotly.js fetches it once and keeps it (PlotlyGeoAssets)
  const trace = {type: engine === 'geo' ? 'choropleth' : 'choroplethmap',
    geojson: 'geo/' + level + '.json',
    featureidkey: 'id', locations: ids, z: values(level, seed), zmin: 0, zmax: 4,
    colorscale: COLOURS, marker: {line: {width: level === 'kreis' ? 0.5 : 0.2,
    color: '#ffffff'}}, hoverinfo: 'location+z'};
  const layout = {margin: {l: 0, r: 0, t: 0, b: 0}, width: 1000, height: 800};
  if (engine === 'geo') {
    layout.geo = {fitbounds: 'locations', visible: false, projection: {type: 'mercator'}};
  } else {
    layout.map = {style: STYLE, center: {lon: 10.4, lat: 51.15}, zoom: 5.0};
  }
  return {data: [trace], layout};
}
function painted(engine, n) {
  const gd = document.getElementById('g');
  return new Promise(resolve => {
    const frame = () => requestAnimationFrame(() => requestAnimationFrame(resolve));
    if (engine === 'geo') {
      (function wait() { gd.querySelectorAll('.choroplethlocation').length >= n ? frame()
        : requestAnimationFrame(wait); })();
    } else {
      const map = gd._fullLayout.map._subplot.map;
      map.once('idle', frame);
      map.triggerRepaint();
    }
  });
}
window.firstDraw = async (engine, level) => {
  const gd = document.getElementById('g');
  Plotly.purge(gd);
  const f = figure(engine, level, 0), t0 = performance.now();
  await Plotly.newPlot(gd, f.data, f.layout, {topojsonURL: 'topojson/'});
  await painted(engine, f.data[0].locations.length);
  return performance.now() - t0;
};
window.repaint = async (engine, level, seed) => {
  const gd = document.getElementById('g');
  const f = figure(engine, level, seed), t0 = performance.now();
  // new values only, as a Dash Patch of `z` does
  await Plotly.restyle(gd, {z: [f.data[0].z]}, [0]);
  await painted(engine, f.data[0].locations.length);
  return performance.now() - t0;
};
</script></body></html>"""


def _plotly_js() -> bytes:
    import plotly

    return (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_bytes()


@contextmanager
def serve() -> Iterator[str]:
    """The test page, plotly.js and the two geometries on a free loopback port."""
    from werkzeug.wrappers import Request, Response

    files = {
        "/": (PAGE.encode(), "text/html"),
        "/plotly.js": (_plotly_js(), "text/javascript"),
        "/geo/gemeinde.json": (GEMEINDEN_GEOJSON.read_bytes(), "application/json"),
        "/geo/kreis.json": (KREISE_GEOJSON.read_bytes(), "application/json"),
    }
    for path in TOPOJSON.glob("*.json"):
        files[f"/topojson/{path.name}"] = (path.read_bytes(), "application/json")

    @Request.application
    def app(request: Request) -> Response:
        body, mimetype = files.get(request.path, (b"not found", "text/plain"))
        packed = gzip.compress(body, 1)
        return Response(packed, mimetype=mimetype, headers={"Content-Encoding": "gzip"})

    with serve_in_thread(app) as base:
        yield base + "/"


def _call(driver: Any, function: str, *args: Any) -> Any:
    script = (f"const done = arguments[arguments.length - 1];"
              f"{function}(...Array.from(arguments).slice(0, -1)).then(done,"
              f" e => done('error: ' + e));")  # fmt: skip
    return driver.execute_async_script(script, *args)


def measure(driver: Any, base: str, engine: str, level: str, repaints: int) -> dict[str, Any]:
    driver.get(base)
    _call(driver, "window.load", level)
    first = _call(driver, "window.firstDraw", engine, level)
    if isinstance(first, str):
        return {"error": first}
    times = [float(_call(driver, "window.repaint", engine, level, i + 1)) for i in range(repaints)]
    return {"first": float(first), "median": statistics.median(times), "max": max(times),
            "min": min(times)}  # fmt: skip


def run(flag_sets: list[str], repaints: int) -> None:
    sizes = {"gemeinde": os.path.getsize(GEMEINDEN_GEOJSON),
             "kreis": os.path.getsize(KREISE_GEOJSON)}  # fmt: skip
    print(f"plotly.js engines in headless Chromium, 1000x800 graph, loopback; repaints: {repaints}")
    print(f"geometry: gemeinde {sizes['gemeinde'] / 1e6:.2f} MB (10,997 shapes), "
          f"kreis {sizes['kreis'] / 1e6:.2f} MB (401 shapes), parsed before the clock starts")
    with serve() as base:
        for name in flag_sets:
            with chromium(1440, 900, FLAG_SETS[name]) as driver:
                driver.get(base)
                webgl = driver.execute_script("return window.webgl")
                print(f"\nflags {name} ({' '.join(FLAG_SETS[name])}): WebGL "
                      f"{'available' if webgl else 'NOT available'}")
                for level in ("gemeinde", "kreis"):
                    for engine in ("geo", "map"):
                        if engine == "map" and not webgl:
                            print(f"  {level:<9}{engine:<5} skipped: no WebGL context")
                            continue
                        r = measure(driver, base, engine, level, repaints)
                        if "error" in r:
                            print(f"  {level:<9}{engine:<5} {r['error']}")
                            continue
                        print(f"  {level:<9}{engine:<5} first draw {r['first']:>7.0f} ms   "
                              f"repaint median {r['median']:>6.0f} ms "
                              f"(min {r['min']:.0f}, max {r['max']:.0f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repaints", type=int, default=10)
    parser.add_argument("--flags", choices=[*FLAG_SETS, "all"], default="all")
    args = parser.parse_args()
    run(list(FLAG_SETS) if args.flags == "all" else [args.flags], args.repaints)


if __name__ == "__main__":
    main()
