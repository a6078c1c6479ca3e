"""How long one export takes, per format: `python bench/export.py [--db URL] [--repeat N]`.

Builds the demo store in a temporary SQLite file unless --db is given, then times
`export_view` for the Kreis map (images) and the Kreis table (data files). The first image
includes starting Chromium ("cold"); it is reported separately, the rest with a warm browser
("warm"). Last, each case once more through the app's export service (dashboard/exports/
service.py) as a button asks for it again: "cached" is the answer from the export cache.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import store  # noqa: E402
from dashboard.exports import ExportRequest, export_view  # noqa: E402
from dashboard.exports.cache import view_key  # noqa: E402
from dashboard.exports.render import stop_renderer  # noqa: E402
from dashboard.exports.service import ExportService  # noqa: E402
from dashboard.model.data import AtlasData  # noqa: E402

MAP = {"page": "karte", "level": "kreis", "category": "ala", "metric": "per100k"}
TABLE = {"page": "tabelle", "level": "kreis", "category": "ala"}
CASES = [
    ("png", MAP), ("svg", MAP), ("pdf", MAP),
    ("csv", TABLE), ("csv-de", TABLE), ("xlsx", TABLE), ("geojson", TABLE), ("gpkg", TABLE),
]


def engine_for(db: str | None):
    if db:
        return store.connect(db)
    from scrapers import demo

    path = Path(tempfile.mkdtemp(prefix="ala-bench-")) / "atlas.sqlite"
    engine = store.connect(f"sqlite:///{path}")
    demo.ensure_default(engine)
    return engine


def timed(engine, fmt: str, choices: dict) -> tuple[float, int]:
    started = time.perf_counter()
    exported = export_view(engine, ExportRequest(format=fmt, **choices))
    return time.perf_counter() - started, len(exported.content)


def cached_ms(service: ExportService, data: AtlasData, fmt: str, choices: dict) -> float:
    """The second of two identical requests through the export service, in ms (the first
    renders and fills the cache)."""
    request = ExportRequest(format=fmt, **choices)
    key = view_key(data, request)
    service.build(key, lambda: export_view(data.engine, request), lambda *_: None)
    started = time.perf_counter()
    service.build(view_key(data, request), lambda: export_view(data.engine, request),
                  lambda *_: None)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    engine = engine_for(args.db)
    try:
        cold, _ = timed(engine, "png", MAP)
        print(f"cold: first PNG incl. Chromium start and data load: {cold:6.2f} s")
        print(f"{'format':8} {'warm median s':>13} {'min s':>7} {'cached ms':>10} {'size':>12}"
              "   what")
        service = ExportService(tempfile.mkdtemp(prefix="ala-bench-exports-"))
        data = AtlasData(engine)
        for fmt, choices in CASES:
            runs = [timed(engine, fmt, choices) for _ in range(args.repeat)]
            seconds = [r[0] for r in runs]
            what = f"{choices['page']} {choices['level']} {choices['category']}"
            print(f"{fmt:8} {statistics.median(seconds):13.2f} {min(seconds):7.2f} "
                  f"{cached_ms(service, data, fmt, choices):10.1f} {runs[0][1]:12,}   {what}")
    finally:
        stop_renderer()
        engine.dispose()


if __name__ == "__main__":
    main()
