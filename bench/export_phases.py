"""Where one warm map export's time goes: `python bench/export_phases.py [--db URL] [--repeat N]`.

Runs the steps of `export_view` (dashboard/exports/export.py) one by one for the Kreis map as
PNG, SVG and PDF, each with a fresh AtlasData as an export gets it, after one throw-away PNG
that starts Chromium (so every figure printed is "warm": renderer running, nothing cached).
Per phase the median wall time in ms; `render` is the whole kaleido round trip and is split by
kaleido's own profile ticks into serialising+sending the figure and plotly.js drawing it
(`js`), and what follows the answer (`after`: kaleido puts its tab back before it returns).
CPU time of the whole export is printed too, since machine load inflates it less than wall
time: `CPU` of this process, `Chromium CPU` of the browser's processes (all that are alive).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psutil  # noqa: E402
from plotly.utils import PlotlyJSONEncoder  # noqa: E402

from bench.export import MAP, engine_for  # noqa: E402
from dashboard.exports import ExportRequest, export_view  # noqa: E402
from dashboard.exports import render as render_module  # noqa: E402
from dashboard.exports.alt_text import embed_description  # noqa: E402
from dashboard.exports.export import _builder  # noqa: E402
from dashboard.exports.publication import Publication, publish  # noqa: E402
from dashboard.exports.render import render_image, stop_renderer  # noqa: E402
from dashboard.exports.request import checked  # noqa: E402


def browser_cpu_s() -> float:
    """User+system seconds of this process's children (Chromium and its helpers)."""
    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:  # a helper that just ended
            continue
        total += times.user + times.system
    return total


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def one(engine, fmt: str) -> dict[str, float]:
    phases: dict[str, float] = {}
    cpu0, wall0, browser0 = time.process_time(), time.perf_counter(), browser_cpu_s()
    request = checked(ExportRequest(format=fmt, **MAP))
    t = time.perf_counter()
    view = _builder(request)(engine, request)
    phases["view"] = _ms(t)
    t = time.perf_counter()
    width, height = view.size
    pub = Publication(
        title=view.title,
        subtitle=view.subtitle,
        legend_title=view.legend_title,
        provenance=view.provenance,
        width=width,
        height=height,
        with_plz=view.with_plz,
    )
    fig = publish(view.figure, pub)
    phases["publish"] = _ms(t)
    # what kaleido does to the figure before sending it (measured apart, then repeated inside)
    t = time.perf_counter()
    as_dict = fig.to_dict() if hasattr(fig, "to_dict") else fig
    phases["(to_dict)"] = _ms(t)
    t = time.perf_counter()
    phases["(json KB)"] = len(json.dumps(as_dict, cls=PlotlyJSONEncoder)) / 1024
    phases["(json)"] = _ms(t)
    t = time.perf_counter()
    image = render_image(fig, fmt, width, height, request.scale if fmt == "png" else 1)
    phases["render"] = _ms(t)
    browser = render_module._BROWSER._kaleido  # noqa: SLF001 - a bench may look inside
    logs = browser.profiler[-1].renders[-1].profile_log.get_logs() if browser else {}
    if "sending javascript" in logs and "javascript sent" in logs:
        phases["  js"] = (logs["javascript sent"] - logs["sending javascript"]) * 1000
    if "returning tab" in logs and "tab returned" in logs:
        phases["  after"] = (logs["tab returned"] - logs["returning tab"]) * 1000
    t = time.perf_counter()
    embed_description(image, fmt, view.title, view.description or view.title, request.lang)
    phases["embed"] = _ms(t)
    phases["TOTAL"] = _ms(wall0)
    phases["CPU"] = (time.process_time() - cpu0) * 1000
    phases["Chromium CPU"] = (browser_cpu_s() - browser0) * 1000
    return phases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    engine = engine_for(args.db)
    try:
        export_view(engine, ExportRequest(format="png", **MAP))  # starts Chromium
        print(
            f"warm (renderer running, nothing cached), median of {args.repeat}, ms; "
            f"load {os.getloadavg()[0]:.2f}"
        )
        for fmt in ("png", "svg", "pdf"):
            runs = [one(engine, fmt) for _ in range(args.repeat)]
            print(f"-- {fmt}")
            for name in runs[0]:
                print(f"   {name:12} {statistics.median(r[name] for r in runs):8.1f}")
    finally:
        stop_renderer()
        engine.dispose()


if __name__ == "__main__":
    main()
