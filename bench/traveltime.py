"""Travel time by road at Germany's scale, on a synthetic road lattice (no real extract
can be downloaded here).

1. Write the lattice as OSM PBF: residential roads every SPACING degrees over Germany's
   bounding box (5.8–15.1° E, 47.2–55.1° N), a motorway every 0.5° (120 km/h), so the
   graph has Valhalla's hierarchy levels. `--fraction F` keeps only the southern F of the
   box (for a machine too small or too shared), and the figures say so.
2. Cold: build the tiles (valhalla_build_tiles, one thread): wall time and the builder's
   peak memory (max RSS of the child). Cached: the same command again reuses the tiles.
3. Warm: the exact nearest provider by car time (store.traveltime) per category of the
   demo snapshot. Categories with few provider points (≤ REVERSE_MAX_POINTS: the aLA) are
   searched backwards from each provider, a cost that does not shrink with fewer Gemeinden:
   measured for every Gemeinde in the box. The others (forwards from each Gemeinde, speed
   bound) for `--sample` Gemeinden (default 1,000, seeded), extrapolated to 10,997.

Run: `.venv/bin/python bench/traveltime.py [--spacing 0.02] [--fraction 1] [--sample 1000]`
(needs `make routing`). Writes into a temporary directory, removed at the end.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import store  # noqa: E402
from bench._demo_store import demo_url  # noqa: E402

BBOX = (5.8, 47.2, 15.1, 55.1)  # Germany, lon/lat
MOTORWAY_EVERY = 0.5
GEMEINDEN = 10_997


def write_lattice(path: Path, spacing: float, fraction: float) -> dict:
    """The synthetic network as PBF (streamed: one way per line of the lattice)."""
    import osmium
    from osmium.osm.mutable import Node, Way

    lon0, lat0, lon1, lat1 = BBOX
    lat1 = lat0 + (lat1 - lat0) * fraction
    lons = np.round(np.arange(lon0, lon1 + 1e-9, spacing), 6)
    lats = np.round(np.arange(lat0, lat1 + 1e-9, spacing), 6)
    header = osmium.io.Header()
    header.set("osmosis_replication_timestamp", "2026-12-01T00:00:00Z")
    writer = osmium.SimpleWriter(str(path), header=header)
    node = lambda i, j: i * len(lats) + j + 1  # noqa: E731
    for i, lon in enumerate(lons):
        for j, lat in enumerate(lats):
            writer.add_node(Node(id=node(i, j), location=(float(lon), float(lat)), version=1))
    way = 0
    every = int(round(MOTORWAY_EVERY / spacing))

    def tags(k: int) -> dict:
        fast = k % every == 0
        return {"highway": "motorway" if fast else "residential",
                "maxspeed": "120" if fast else "50"}  # fmt: skip

    for i in range(len(lons)):
        way += 1
        writer.add_way(Way(id=way, nodes=[node(i, j) for j in range(len(lats))], tags=tags(i),
                           version=1))  # fmt: skip
    for j in range(len(lats)):
        way += 1
        writer.add_way(Way(id=way, nodes=[node(i, j) for i in range(len(lons))], tags=tags(j),
                           version=1))  # fmt: skip
    writer.close()
    return {"nodes": len(lons) * len(lats), "ways": way, "lat_max": float(lats[-1])}


def build(pbf: Path, tiles: Path):
    from store.traveltime.engine import build_tiles
    from store.traveltime.extract import describe_extract

    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    built = build_tiles(pbf, describe_extract(pbf), tiles)
    wall = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return built, wall, peak_mb if peak_mb > before / 1024 else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--spacing", type=float, default=0.02)
    parser.add_argument("--fraction", type=float, default=1.0)
    parser.add_argument("--sample", type=int, default=1000)
    parser.add_argument("--db", default=None, help="a store (default: the demo default)")
    args = parser.parse_args()
    from store.access.places import gemeinde_frame
    from store.traveltime.engine import Router
    from store.traveltime.measures import compute_travel
    from store.traveltime.search import REVERSE_MAX_POINTS

    folder = Path(tempfile.mkdtemp(prefix="bench-traveltime-"))
    try:
        pbf = folder / "lattice.osm.pbf"
        started = time.perf_counter()
        shape = write_lattice(pbf, args.spacing, args.fraction)
        print(f"lattice: spacing {args.spacing}°, {args.fraction:.0%} of Germany's box "
              f"(to {shape['lat_max']}° N): {shape['nodes']:,} nodes, {shape['ways']:,} ways, "
              f"PBF {pbf.stat().st_size / 1e3:.0f} kB, written in "
              f"{time.perf_counter() - started:.1f} s")  # fmt: skip
        built, wall, peak = build(pbf, folder / "tiles")
        size = sum(f.stat().st_size for f in (folder / "tiles").rglob("*.gph")) / 1e6
        print(f"cold: tiles built in {wall:.1f} s (valhalla_build_tiles, 1 thread), "
              f"builder peak memory {peak:.0f} MB, tiles {size:.0f} MB")  # fmt: skip
        _, cached, _ = build(pbf, folder / "tiles")
        print(f"cached: same extract, tiles reused in {cached:.2f} s (checksum only)")

        url = demo_url(args.db, "bench-traveltime-")
        engine = store.connect(url)
        snapshot = store.served_snapshot(engine)
        providers = store.load_providers(engine, snapshot["id"])
        gemeinden = gemeinde_frame()
        inside = gemeinden[gemeinden["lat"] <= shape["lat_max"]]
        rng = np.random.default_rng(18)
        take = min(args.sample, len(inside))
        sample = inside.iloc[np.sort(rng.choice(len(inside), take, replace=False))]
        router = Router(built.tile_dir)
        print(f"warm: {take} of {len(inside):,} Gemeinden in the box (seeded sample), "
              f"demo snapshot {snapshot['id']} ({snapshot['origin']})")  # fmt: skip
        total = 0.0
        for category in store.CATEGORIES:
            of_kind = providers[(providers["category"] == category)
                                & providers["geocode_quality"].isin(["gemeinde", "kreis"])]
            points = len(of_kind[["lon", "lat"]].drop_duplicates())
            backwards = points <= REVERSE_MAX_POINTS
            gemeinden_now = inside if backwards else sample
            calls = router.calls
            started = time.perf_counter()
            # aLA: its two services too (they reuse the aLA's asked pairs)
            results = compute_travel(providers, list(snapshot["counts"]), router,
                                     gemeinden_now, (category,))  # fmt: skip
            result = results[0]
            seconds = time.perf_counter() - started
            n = len(gemeinden_now)
            per = seconds / n
            requests = max(router.calls - calls, 1)
            # backwards: one search per provider point over the whole road graph, so the cost
            # grows with the points (all of them in Germany) and the graph (1 / fraction)
            estimate = (seconds / requests * points / args.fraction if backwards
                        else per * GEMEINDEN)  # fmt: skip
            total += estimate
            minutes = result.gemeinden["nearest_min"].to_numpy(float)
            label = category + (" (+ 2 services)" if len(results) > 1 else "")
            how = (f"backwards from each provider, {seconds / requests:.1f} s per search"
                   if backwards else "forwards, bound")
            print(f"  {label}: {result.providers_used} providers at {points} points ({how}): "
                  f"{seconds:.1f} s for {n:,} Gemeinden ({per * 1000:.1f} ms each, "
                  f"{router.calls - calls} matrix requests), median "
                  f"{np.nanmedian(minutes):.1f} min, {np.isnan(minutes).sum()} unreachable → "
                  f"all {GEMEINDEN:,}: {estimate / 60:.1f} min")  # fmt: skip
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  all three categories: {total / 60:.1f} min for "
              f"{GEMEINDEN:,} Gemeinden (extrapolated); this process's peak memory "
              f"{rss:.0f} MB")  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
