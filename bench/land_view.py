"""What the Karte's Land view costs the server: choosing a Land (a whole figure of that Land's
Kreise, its title, sentence and text), the first time after start (cold: nothing memoised)
and again (cached: the figure and texts memoised per snapshot), beside switching back to all
of Germany, and the bytes each answer sends. Through the Flask test client with gzip, as a
browser would post them.

    .venv/bin/python bench/land_view.py [--rounds N] [--db URL]

Without --db a temporary SQLite file with the demo default is built (a few seconds).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import store  # noqa: E402
from bench.callbacks import post  # noqa: E402
from dashboard import create_app  # noqa: E402
from dashboard.frame import ids  # noqa: E402
from dashboard.server.callback_client import callback_outputs  # noqa: E402


def land_round(client, outputs, land: str) -> tuple[float, int, int]:
    """One change of the Land choice at Kreis level ("" is all of Germany)."""
    inputs = [
        (ids.MAP_LEVEL, "value", "kreis"), (ids.MAP_CATEGORY, "value", "ala"),
        (ids.MAP_METRIC, "value", "none_here"), (ids.MAP_CLASSES, "value", "quantiles"),
        (ids.MAP_VIEW, "value", "single"), (ids.MAP_POINTS, "value", []),
        (ids.MAP_REGION, "value", None), (ids.snapshot("karte"), "value", None),
        (ids.MAP_LAND, "value", land),
    ]
    state = [(ids.MAP_DRAWN, "data", {"level": "kreis", "land": None if land else "09"}),
             (ids.COMPARE_DRAWN, "data", {}), (ids.URL, "search", "?level=kreis")]
    return post(client, outputs, inputs, state, [f"{ids.MAP_LAND}.value"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    url = args.db
    if url is None:
        from scrapers.demo import ensure_default

        url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'atlas.sqlite'}"
        ensure_default(store.connect(url))
    app = create_app(url)
    client = app.server.test_client()
    outputs = callback_outputs(app, f"{ids.MAP_GRAPH}.figure")
    print(f"store: {url}")
    for land, label in (("09", "Bayern (96 Kreise)"), ("01", "Schleswig-Holstein (15)"),
                        ("", "all of Germany (401)")):
        cold = land_round(client, outputs, land)
        cached = [land_round(client, outputs, land) for _ in range(args.rounds)]
        median = statistics.median(c[0] for c in cached)
        print(f"{label:<26} cold {cold[0] * 1000:7.1f} ms  cached (median of {args.rounds}) "
              f"{median * 1000:6.1f} ms  {cold[1] / 1024:6.1f} KiB gzip "
              f"({cold[2] / 1024:6.1f} KiB JSON)")



if __name__ == "__main__":
    main()
