"""What travels, and how long the server takes, when the user switches the metric at Kreis level.

Measures the app's own map callback (a Patch with values only; the shapes come once from
/geo/kreis.geojson) beside a naive callback registered on the same app for this run, which
rebuilds the whole figure with the geometry inline. All are POSTed to /_dash-update-component
through the Flask test client with `Accept-Encoding: gzip`, as a browser would send them.

The app keeps the figures it built (AtlasData.memo), the naive callback does not, so the app
is measured twice and each labelled: "uncached" with its figure cache emptied before every
switch (the first reader of a view pays this; the honest comparison with the naive baseline)
and "cached" (the same switch again: a later reader of the same view). The region frames
read from the store are cached for all three alike.

    .venv/bin/python bench/callbacks.py [--rounds N] [--db URL]

Without --db a temporary SQLite file with the demo default is built (a few seconds).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dash import Input, Output  # noqa: E402

import store  # noqa: E402
from dashboard import create_app  # noqa: E402
from dashboard.figures.choropleth import choropleth_figure  # noqa: E402
from dashboard.frame import ids
from dashboard.model.data import AtlasData, map_frame  # noqa: E402
from dashboard.model.geometry import geojson  # noqa: E402
from dashboard.server.callback_client import callback_outputs, post_callback  # noqa: E402

METRICS = ("per_100k", "ala_share", "count", "ala_per_wfbm", "none_here")
NAIVE_GRAPH, NAIVE_METRIC = "bench-naive-graph", "bench-naive-metric"


def post(client: Any, outputs, inputs, state, changed) -> tuple[float, int, int]:
    """One callback round: server seconds, bytes on the wire (gzip), bytes of JSON."""
    start = time.perf_counter()
    response = post_callback(client, outputs, inputs, state, changed)
    wire = response.data  # the body is read inside the timing: compression is server work
    seconds = time.perf_counter() - start
    if response.status_code != 200:
        raise SystemExit(f"callback failed with {response.status_code}: {wire[:300]!r}")
    raw = gzip.decompress(wire) if response.headers.get("Content-Encoding") == "gzip" else wire
    return seconds, len(wire), len(raw)


def app_round(
    client: Any, outputs: list[Any], metric: str, snapshot_id: int
) -> tuple[float, int, int]:
    """The Karte's one view callback (map Patch, details, title, URL, controls)."""
    return post(
        client,
        outputs,
        [
            (ids.MAP_LEVEL, "value", "kreis"),
            (ids.MAP_CATEGORY, "value", "ala"),
            (ids.MAP_METRIC, "value", metric),
            (ids.MAP_CLASSES, "value", "quantiles"),
            (ids.MAP_VIEW, "value", "single"),
            (ids.MAP_POINTS, "value", []),
            (ids.MAP_REGION, "value", None),
            (ids.snapshot("karte"), "value", snapshot_id),
        ],
        [(ids.MAP_DRAWN, "data", {"level": "kreis"}), (ids.COMPARE_DRAWN, "data", {}),
         (ids.URL, "search", "?level=kreis")],
        [f"{ids.MAP_METRIC}.value"],
    )


def naive_round(client: Any, metric: str) -> tuple[float, int, int]:
    return post(
        client, [(NAIVE_GRAPH, "figure")], [(NAIVE_METRIC, "value", metric)], [],
        [f"{NAIVE_METRIC}.value"],
    )


def add_naive_callback(app: Any, data: AtlasData, snapshot_id: int) -> None:
    """The baseline: the whole figure, shapes included, on every metric change."""

    @app.callback(Output(NAIVE_GRAPH, "figure"), Input(NAIVE_METRIC, "value"))
    def naive(metric: str):
        frame = map_frame(data, snapshot_id, "kreis", "ala")
        return choropleth_figure(
            frame, metric, category="ala", level="kreis", lang="de", geojson=geojson("kreis")
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (default: temporary demo)")
    args = parser.parse_args()

    if args.db is not None:
        run(args.db, args.rounds)
        return
    from scrapers.demo import ensure_default  # only the benchmark builds demo data

    with tempfile.TemporaryDirectory(prefix="bench-callbacks-") as folder:
        url = f"sqlite:///{Path(folder) / 'atlas.sqlite'}"
        ensure_default(store.connect(url))
        run(url, args.rounds)


def run(url: str, rounds: int) -> None:
    app = create_app(url)
    views = app.server.config["ATLAS_DATA"]  # the app's own caches
    engine = store.connect(url)
    snapshot = store.served_snapshot(engine)
    if snapshot is None:
        raise SystemExit("the store holds no snapshot")
    snapshot_id = int(snapshot["id"])
    add_naive_callback(app, AtlasData(engine), snapshot_id)
    client = app.server.test_client()
    outputs = callback_outputs(app, f"{ids.MAP_GRAPH}.figure")

    shapes = client.get("/geo/kreis.geojson", headers={"Accept-Encoding": "gzip"})
    # warm caches (metrics frames, geometry) so both sides are measured steady-state
    app_round(client, outputs, "count", snapshot_id)
    naive_round(client, "count")

    results: dict[str, list[tuple[float, int, int]]] = {"uncached": [], "cached": [],
                                                         "naive": []}
    for _ in range(rounds):
        for metric in METRICS:  # interleaved, so all see the same machine load
            views.forget_views()
            results["uncached"].append(app_round(client, outputs, metric, snapshot_id))
            results["cached"].append(app_round(client, outputs, metric, snapshot_id))
            results["naive"].append(naive_round(client, metric))

    def summary(rows: list[tuple[float, int, int]]) -> tuple[float, float, float]:
        return (
            statistics.median(r[0] for r in rows) * 1000,
            statistics.median(r[1] for r in rows),
            statistics.median(r[2] for r in rows),
        )

    rows = {
        "app, uncached (Patch, figure built)": summary(results["uncached"]),
        "app, cached (Patch, figure kept)": summary(results["cached"]),
        "naive (whole figure with geometry)": summary(results["naive"]),
    }
    n = len(results["naive"])
    print(f"Switching the metric at Kreis level (401 regions), median of {n} switches each")
    print(f"snapshot {snapshot_id} ({snapshot['origin']}), metrics cycled: {', '.join(METRICS)}")
    print(
        f"geometry /geo/kreis.geojson, fetched once per level: "
        f"{len(shapes.data) / 1024:8.1f} KiB on the wire"
    )
    print(f"{'callback':<40}{'server ms':>10}{'wire KiB':>10}{'JSON KiB':>10}")
    for label, (ms, wire, raw) in rows.items():
        print(f"{label:<40}{ms:>10.1f}{wire / 1024:>10.1f}{raw / 1024:>10.1f}")
    naive_ms, naive_wire, naive_raw = rows["naive (whole figure with geometry)"]
    for label, key in (("uncached", "app, uncached (Patch, figure built)"),
                       ("cached", "app, cached (Patch, figure kept)")):
        ms, wire, raw = rows[key]
        print(f"ratio naive/app {label}: server time {naive_ms / ms:.1f}x, "
              f"wire {naive_wire / wire:.1f}x, JSON {naive_raw / raw:.1f}x")
    print("The uncached ratio is the callback's own win (values only, no geometry); the cached "
          "one adds the app's figure cache, which only a repeated view enjoys.")


if __name__ == "__main__":
    main()
