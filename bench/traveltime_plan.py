"""Planning by road: the time of one planning step (store.traveltime.planning), on the
synthetic lattice of bench/traveltime.py (no real extract can be downloaded here).

1. Write the lattice over the southern `--fraction` of Germany's box and build its tiles.
2. The baseline: the demo snapshot's car times for the Gemeinden in the box (the command's
   own computation; Gemeinden outside the box have none, as off an extract).
3. `--steps` planning steps, each one hypothetical provider at a seeded random Gemeinde in
   the box, as the page asks them: the first on a fresh planner (it snaps the Gemeinden it
   asks about; later steps reuse those snaps), then the rest. Printed per category: the
   first step, median and slowest later step, and how many Gemeinden the bound let through;
   then the time to snap every Gemeinde once and the same steps again with all snaps known
   (the matrix alone).

Run: `.venv/bin/python bench/traveltime_plan.py [--fraction 0.25] [--steps 20]`
(needs `make routing`). Quote `uptime` beside the figures: the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import store  # noqa: E402
from bench._demo_store import demo_url  # noqa: E402
from bench.traveltime import build, write_lattice  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--spacing", type=float, default=0.02)
    parser.add_argument("--fraction", type=float, default=0.25)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--categories", default="wfbm,ala")
    args = parser.parse_args()
    from store.access.places import gemeinde_frame
    from store.traveltime.engine import Router
    from store.traveltime.measures import compute_travel
    from store.traveltime.planning import RoadPlanner

    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    folder = Path(tempfile.mkdtemp(prefix="bench-traveltime-plan-"))
    try:
        pbf = folder / "lattice.osm.pbf"
        shape = write_lattice(pbf, args.spacing, args.fraction)
        built, wall, _ = build(pbf, folder / "tiles")
        print(f"lattice: spacing {args.spacing}°, {args.fraction:.0%} of Germany's box "
              f"(to {shape['lat_max']}° N), {shape['nodes']:,} nodes; "
              f"tiles in {wall:.0f} s")  # fmt: skip
        engine = store.connect(demo_url(None, "bench-traveltime-plan-"))
        snapshot = store.served_snapshot(engine)
        providers = store.load_providers(engine, snapshot["id"])
        gemeinden = gemeinde_frame()
        inside = (gemeinden["lat"] <= shape["lat_max"]).to_numpy()
        rng = np.random.default_rng(18)
        router = Router(built.tile_dir)
        for category in args.categories.split(","):
            started = time.perf_counter()
            # the aLA come with their two services: the first result is all of them
            result = compute_travel(providers, list(snapshot["counts"]), router,
                                    gemeinden[inside], (category,))[0]  # fmt: skip
            baseline_s = time.perf_counter() - started
            times = result.gemeinden.set_index("ars").reindex(gemeinden["ars"]).reset_index()
            minutes = times["nearest_min"].to_numpy(float)
            planner = RoadPlanner(Router(built.tile_dir), gemeinden)
            chosen = rng.choice(np.flatnonzero(inside), args.steps, replace=False)
            seconds, asked = [], []
            for g in chosen:
                started = time.perf_counter()
                planned = planner.plan(times, [str(gemeinden["ars"].iat[g])])
                seconds.append(time.perf_counter() - started)
                asked.append(planned.asked)
            # the same places again: every snap is now known, so the step is the matrix alone
            started = time.perf_counter()
            planner.snap(np.arange(len(gemeinden)))
            snap_all = time.perf_counter() - started
            warm = []
            for g in chosen:
                started = time.perf_counter()
                planner.plan(times, [str(gemeinden["ars"].iat[g])])
                warm.append(time.perf_counter() - started)
            later = np.array(seconds[1:]) if len(seconds) > 1 else np.array(seconds)
            print(f"  {category}: {result.providers_used} providers, baseline for "
                  f"{inside.sum():,} Gemeinden in {baseline_s:.0f} s (median "
                  f"{np.nanmedian(minutes):.1f} min); planning step: first "
                  f"{seconds[0] * 1000:.0f} ms (snaps), then median "
                  f"{np.median(later) * 1000:.0f} ms, slowest {later.max() * 1000:.0f} ms; "
                  f"Gemeinden asked per step: median {int(np.median(asked))}, most "
                  f"{max(asked)}; snapping all {len(gemeinden):,} Gemeinden once: "
                  f"{snap_all:.1f} s, after which a step takes median "
                  f"{np.median(warm) * 1000:.0f} ms, "
                  f"slowest {max(warm) * 1000:.0f} ms")  # fmt: skip
        print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
