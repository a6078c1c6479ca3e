"""How long the access measures (Erreichbarkeit) take, and how they grow.

1. All measures of one snapshot (10,997 Gemeinden × 3 categories, plus the two aLA services):
   the pure computation, and computing + storing (`recompute_access`).
2. The whole default store: build the three demo snapshots into a temporary SQLite file, then
   `recompute_access` over all of them.
3. One planning step, server side: two hypothetical providers added to the stored baseline
   (dashboard.model.access_data.access_view: distances to the new points, 2SFCA increment,
   Kreis/Land/Germany aggregates). Target: well under 200 ms.
4. Growth with 10× and 50× the providers (copies jittered by up to ±10 km).
5. The demo default's answers: the Kreise with the most people beyond 50 km from an aLA, and
   the national share beyond 25 and 50 km.

Run: `.venv/bin/python bench/access.py`.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import store  # noqa: E402
from dashboard.model.access_data import access_view, region_labels  # noqa: E402
from scrapers import demo  # noqa: E402
from store.access import (  # noqa: E402
    access_regions,
    compute_access,
    compute_all,
    gemeinde_frame,
    recompute_access,
)

REPEAT = 5
PLAN_REPEAT = 20
SCALES = (1, 10, 50)


CPU: list[float] = []  # CPU seconds of the last timed() runs (the machine may be shared)


def timed(func, *args, repeat: int = REPEAT, **kwargs) -> tuple[object, float]:
    """(last result, median wall seconds over `repeat` runs); CPU seconds land in CPU."""
    times, cpu, result = [], [], None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = func(*args, **kwargs)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    CPU[:] = [statistics.median(cpu)]
    return result, statistics.median(times)


def scaled(providers, factor: int, gemeinden, jitter: bool, seed: int = 1):
    """`factor` copies of every provider. Placed as the geocoder places them (at a random
    Gemeinde's point), or `jitter`ed by up to ±0.09° lat / ±0.14° lon (every point distinct:
    the worst case for the shared-point shortcut)."""
    if factor == 1:
        return providers
    import pandas as pd

    rng = np.random.default_rng(seed)
    copies = []
    for k in range(factor):
        copy = providers.copy()
        copy["source_id"] = copy["source_id"] + f"-{k}"
        if k and jitter:
            copy["lat"] = copy["lat"] + rng.uniform(-0.09, 0.09, len(copy))
            copy["lon"] = copy["lon"] + rng.uniform(-0.14, 0.14, len(copy))
        elif k:
            picked = gemeinden.iloc[rng.integers(0, len(gemeinden), len(copy))]
            copy["lat"], copy["lon"] = picked["lat"].to_numpy(), picked["lon"].to_numpy()
        copies.append(copy)
    return pd.concat(copies, ignore_index=True)


def main() -> None:
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, load average {load} (times scale with the load)")
    with tempfile.TemporaryDirectory() as tmp:
        engine = store.connect(f"sqlite:///{Path(tmp) / 'default.sqlite'}")
        start = time.perf_counter()
        demo.build_default(engine)
        print(f"default store built (3 demo snapshots, measures stored with each): "
              f"{time.perf_counter() - start:.1f} s")
        gemeinde_frame()  # load the reference geography once, as a running server has
        latest = store.served_snapshot(engine)
        sid = int(latest["id"])
        providers = store.load_providers(engine, sid)
        counts = providers["category"].value_counts().to_dict()
        print(f"\n1. One snapshot (id {sid}, {latest['taken_at'][:10]}, {counts}):")
        results, seconds = timed(compute_all, providers, list(latest["counts"]))
        label = f"all {len(results)} measures (category × service), pure:"
        print(f"   {label:<47}{seconds * 1000:8.0f} ms wall, {CPU[0] * 1000:6.0f} ms CPU")
        _, seconds = timed(recompute_access, engine, [sid], repeat=3)
        print(f"   computed and stored (recompute_access):        {seconds * 1000:8.0f} ms wall, "
              f"{CPU[0] * 1000:6.0f} ms CPU")

        ids = store.list_snapshots(engine)["id"].tolist()
        _, seconds = timed(recompute_access, engine, None, repeat=3)
        print(f"\n2. Whole default store ({len(ids)} snapshots), recompute_access: "
              f"{seconds:.2f} s wall, {CPU[0]:.2f} s CPU")

        gemeinden = gemeinde_frame()
        places = [gemeinden.loc[gemeinden["name"] == n, "ars"].iloc[0]
                  for n in ("Flensburg", "Görlitz")]
        access_view(engine, sid, "ala", "all", [])  # baseline read once (cached, as served)
        _, one = timed(access_view, engine, sid, "ala", "all", places[:1], repeat=PLAN_REPEAT)
        one_cpu = CPU[0]
        view, two = timed(access_view, engine, sid, "ala", "all", places, repeat=PLAN_REPEAT)
        two_cpu = CPU[0]
        print(f"\n3. Planning step (server time, median of {PLAN_REPEAT}; wall / CPU):")
        for n, wall, cpu in ((1, one, one_cpu), (2, two, two_cpu)):
            print(f"   {n} hypothetical provider(s):          {wall * 1000:8.1f} ms / "
                  f"{cpu * 1000:6.1f} ms")
        print(f"   (2 places: {view.plan.totals['newly_within_25km']:,} people newly within "
              f"25 km, {view.plan.totals['newly_within_50km']:,} within 50 km)")

        print("\n4. Growth with the providers (all kinds as one set; nearest + 2SFCA):")
        every = providers.assign(category="wfbm")
        for jitter in (False, True):
            where = "every point distinct (jittered)" if jitter else "at Gemeinde points"
            print(f"   copies {where}:")
            base = None
            for factor in SCALES:
                frame = scaled(every, factor, gemeinden, jitter)
                _, seconds = timed(compute_access, frame, "wfbm", gemeinden=gemeinden, repeat=3)
                cpu = CPU[0]
                base = base or cpu
                print(f"   {factor:>5}× ({len(frame):>7,} providers): {seconds * 1000:8.0f} ms "
                      f"wall, {cpu * 1000:8.0f} ms CPU ({cpu / base:5.1f}× the 1× CPU time)")

        print(f"\n5. Demo default (snapshot {sid}, {latest['origin']}, "
              f"{latest['taken_at'][:10]}), aLA, all services, Luftlinie:")
        germany = access_regions(engine, sid, "germany", "ala").iloc[0]
        print(f"   national share beyond 25 km: {germany['share_beyond_25km']:.1%} "
              f"({int(germany['pop_beyond_25km']):,} people)")
        print(f"   national share beyond 50 km: {germany['share_beyond_50km']:.1%} "
              f"({int(germany['pop_beyond_50km']):,} people)")
        kreise = access_regions(engine, sid, "kreis", "ala")
        top = kreise.sort_values(["pop_beyond_50km", "name"], ascending=[False, True]).head(10)
        print("   Kreise with the most people beyond 50 km from an aLA:")
        labels = region_labels("kreis")
        for row in top.itertuples(index=False):
            print(f"     {row.ars} {labels[row.ars]:<36} {int(row.pop_beyond_50km):>9,} of "
                  f"{row.population:>9,}  (median {row.median_km:5.1f} km)")
        engine.dispose()


if __name__ == "__main__":
    main()
