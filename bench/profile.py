"""How long a region profile page and the nearest-provider answer take on the server.

    .venv/bin/python bench/profile.py [--rounds N] [--db URL]

Posts the router's callback for /region/<ARS> (what the browser asks when it opens a profile:
the whole page, shell included) and for /naehe?plz=…, and GETs /api/nearest, all through the
Flask test client with gzip as a browser would. The first round of each profile is reported
apart (it fills the snapshot caches); the rest are warm. Without --db a temporary SQLite file
with the demo default is built (a few seconds).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _demo_store import demo_url  # noqa: E402  (bench/ is first on the path of a script)

from dashboard import create_app  # noqa: E402
from dashboard.frame import ids
from dashboard.server.callback_client import post_callback  # noqa: E402

PROFILES = (("Kreis 09187", "/region/09187"), ("Land 09", "/region/09"),
            ("Deutschland", "/region/DE"), ("unbekannt 99999", "/region/99999"))
NEAR = ("/naehe", "?plz=83022")
PLZ = ("83022", "10115", "01067", "24937", "79098")


def route(client: Any, path: str, search: str = "") -> tuple[float, int]:
    start = time.perf_counter()
    response = post_callback(
        client,
        [(ids.ROOT, "children"), (ids.ROOT, "lang")],
        [(ids.URL, "pathname", path), (ids.LANG_STORE, "data", None)],
        [(ids.URL, "search", search)],
        [f"{ids.URL}.pathname"],
    )
    body = response.data
    seconds = time.perf_counter() - start
    if response.status_code != 200:
        raise SystemExit(f"{path}: callback failed with {response.status_code}: {body[:200]!r}")
    return seconds, len(body)


def nearest(client: Any, plz: str, category: str) -> float:
    start = time.perf_counter()
    response = client.get(f"/api/nearest?plz={plz}&category={category}&limit=10")
    response.get_data()
    seconds = time.perf_counter() - start
    if response.status_code != 200:
        raise SystemExit(f"/api/nearest {plz}: {response.status_code}")
    return seconds


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:7.1f} ms, max {max(values) * 1000:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    db = demo_url(args.db, "ala-bench-")
    client = create_app(db).server.test_client()
    print(f"store: {db}; {args.rounds} warm rounds each")
    print("profile page (router callback, whole page):")
    for label, path in PROFILES:
        first, size = route(client, path)
        warm = [route(client, path)[0] for _ in range(args.rounds)]
        print(f"  {label:16} first {first * 1000:7.1f} ms; warm {ms(warm)}; {size:,} B gzip")
    first, size = route(client, *NEAR)
    warm = [route(client, *NEAR)[0] for _ in range(args.rounds)]
    print(f"near me {NEAR[1]:12} first {first * 1000:7.1f} ms; warm {ms(warm)}; {size:,} B gzip")
    print("GET /api/nearest (limit 10):")
    for category in ("ala", "wfbm", "ib"):
        first = nearest(client, PLZ[0], category)
        warm = [nearest(client, plz, category) for _ in range(args.rounds) for plz in PLZ]
        print(f"  {category:5} first {first * 1000:7.1f} ms; warm {ms(warm)} over {len(warm)}")


if __name__ == "__main__":
    main()
