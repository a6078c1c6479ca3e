"""How long the change feed takes to answer.

1. The demo default (3 snapshots, ≈2,000 providers each): the first request after start
   (reads the providers of each snapshot, diffs each pair) and a repeated one (diffs cached).
2. A year of weekly snapshots: 52 copies of the demo's last snapshot, each with 10 providers
   renamed, 5 dropped and 5 re-added, in a fresh SQLite file; the default feed (500 entries:
   only the newest pairs are diffed), the whole year (limit=2000), and one Land.

Run: `.venv/bin/python bench/feeds.py`. Prints seconds per request and the feed's size.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import store  # noqa: E402
from dashboard import create_app  # noqa: E402
from scrapers.demo import ensure_default  # noqa: E402

WEEKS = 52


def _get(client, url: str, label: str) -> None:
    start = time.perf_counter()
    response = client.get(url)
    seconds = time.perf_counter() - start
    assert response.status_code == 200, response.data[:200]
    entries = response.data.count(b"<entry>")
    print(f"  {label:<46} {seconds:7.3f} s  {entries:5d} entries  {len(response.data):>9,} B")


def bench_default(db: str) -> None:
    print("Demo default (3 snapshots):")
    client = create_app(db).server.test_client()
    _get(client, "/feeds/changes.atom", "first request (cold)")
    _get(client, "/feeds/changes.atom", "again (diffs cached)")
    _get(client, "/feeds/changes.atom?category=ala&land=09", "aLA in Bayern")


def _weekly(db: str) -> None:
    """52 weekly snapshots after the demo's last: 10 renamed, 5 dropped, last week's 5 back."""
    engine = store.connect(db)
    last = store.served_snapshot(engine)
    frame = store.load_providers(engine, last["id"])
    held_back = frame.iloc[0:0]
    first = datetime(2023, 1, 2, tzinfo=UTC)
    for week in range(WEEKS):
        frame = frame.copy()
        rows = frame.sample(10, random_state=week).index
        frame.loc[rows, "name"] = frame.loc[rows, "name"] + f" (Woche {week})"
        dropped = frame.sample(5, random_state=1000 + week)
        frame = pd.concat([frame.drop(dropped.index), held_back], ignore_index=True)
        held_back = dropped
        counts = {c: int((frame["category"] == c).sum()) for c in store.CATEGORIES}
        meta = {"taken_at": first + timedelta(weeks=week), "origin": "demo",
                "categories": counts, "source": last["source"],
                "parser_version": last["parser_version"]}
        store.write_snapshot(engine, meta, frame, {})


def bench_year(db: str) -> None:
    start = time.perf_counter()
    _weekly(db)
    print(f"\nA year of weekly snapshots ({WEEKS} written in {time.perf_counter() - start:.1f} s):")
    client = create_app(db).server.test_client()
    _get(client, "/feeds/changes.atom", "default feed (newest 500, cold)")
    _get(client, "/feeds/changes.atom", "default feed again")
    _get(client, "/feeds/changes.atom?limit=2000", "whole year (limit=2000, partly cold)")
    _get(client, "/feeds/changes.atom?limit=2000", "whole year again")
    _get(client, "/feeds/changes.atom?land=05&limit=2000", "one Land, whole year")


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-feeds-"))
    try:
        db = f"sqlite:///{tmp / 'atlas.sqlite'}"
        ensure_default(store.connect(db))
        bench_default(db)
        bench_year(db)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
