"""Geocoding speed: every row of the PLZ table (13,108 PLZ + Ort pairs) through `locate_many`.

Prints the one-off cost of building the lookup (read BKG + PLZ table, match names, spatial
join) separately from the bulk geocode, then the same rows through `locate` one by one, and
the coverage figures of that run. Run: `.venv/bin/python bench/geocode.py [--repeat 3]`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geodata import locate, locate_many  # noqa: E402
from geodata.coverage import coverage  # noqa: E402
from geodata.lookup import get_lookup  # noqa: E402
from geodata.regions import ensure_built  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="bulk runs; the best is printed")
    args = parser.parse_args()

    ensure_built()
    started = time.perf_counter()
    lookup = get_lookup()
    print(f"lookup build (one-off): {time.perf_counter() - started:.2f} s")

    rows = lookup.rows[["plz", "ort", "table_kreis_ars"]].copy()
    best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        located = locate_many(rows, plz_col="plz", city_col="ort")
        best = min(best, time.perf_counter() - started)
    print(
        f"locate_many, {len(rows):,} rows: {best:.3f} s "
        f"({len(rows) / best:,.0f} rows/s, best of {args.repeat})"
    )

    started = time.perf_counter()
    for plz, ort in rows[["plz", "ort"]].itertuples(index=False):
        locate(plz, ort)
    single = time.perf_counter() - started
    print(f"locate one by one, {len(rows):,} rows: {single:.2f} s ({len(rows) / single:,.0f}/s)")

    figures = coverage(located)
    print(
        f"coverage: at least Kreis {figures['at_least_kreis_share']:.2%}, "
        f"Gemeinde {figures['gemeinde_share']:.2%} ({figures['gemeinde']:,} rows), "
        f"Kreis only {figures['kreis_only']}, joined Kreis = table Kreis "
        f"{figures['kreis_agrees_share']:.3%} ({figures['kreis_disagreements']} differ)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
