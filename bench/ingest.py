"""How long ingesting takes, and how it grows.

1. The full default dataset: generate the demo recordings, replay them through the real
   crawl and parser, and ingest the three snapshots (what `make run` does on a fresh clone).
2. The pipeline alone (validate → bulk geocode → one-transaction bulk insert) on the last
   demo run at 1×, 10× and 50× its size (50× ≈ 100,000 providers), each into a fresh SQLite
   file; then reading that snapshot back and computing Kreis metrics.

Target: linear growth, under a minute at 50×. Run: `.venv/bin/python bench/ingest.py`.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import store  # noqa: E402
from scrapers import demo, pipeline  # noqa: E402
from scrapers.crawl import CategoryResult, RunResult  # noqa: E402

SCALES = (1, 10, 50)


def _timed(label: str, func, *args):
    start = time.perf_counter()
    result = func(*args)
    seconds = time.perf_counter() - start
    print(f"  {label:<44} {seconds:8.2f} s")
    return result, seconds


def bench_default(tmp: Path) -> None:
    print("Full default dataset (generate + replay + ingest 3 demo snapshots):")
    engine = store.connect(f"sqlite:///{tmp / 'default.sqlite'}")
    _timed("candidate places (PLZ table geocoded once)", demo.candidate_places)
    ids, seconds = _timed("build_default (generate, replay, ingest)", demo.build_default, engine)
    providers = int(store.list_snapshots(engine)[["parsed_ala", "parsed_wfbm", "parsed_ib"]]
                    .sum().sum())
    print(f"  {len(ids)} snapshots, {providers} providers in all")


def _scaled_run(records, factor: int) -> RunResult:
    run = RunResult(started_at="2022-12-01T06:00:00+00:00",
                    finished_at="2022-12-01T06:10:00+00:00", base_url=demo.BASE_URL)
    for category in ("ala", "wfbm", "ib"):
        mine = [r for r in records if r.category == category]
        scaled = [replace(r, source_id=f"{r.source_id}-{k}") for k in range(factor) for r in mine]
        run.categories[category] = CategoryResult(category, len(scaled), scaled, [], [])
    return run


def bench_scaling(tmp: Path) -> None:
    last = list(demo.generate_providers().values())[-1]
    print(f"\nPipeline alone on the last demo run ({len(last)} providers) scaled up:")
    baseline = None
    rows = []
    for factor in SCALES:
        run = _scaled_run(last, factor)
        n = len(run.records)
        print(f" {factor}× = {n} providers")
        # Best of a few runs at the small scales: the machine is shared, and one busy
        # moment would otherwise decide the growth factor.
        times = []
        for attempt in range(max(1, 10 // factor)):
            engine = store.connect(f"sqlite:///{tmp / f'x{factor}-{attempt}.sqlite'}")
            snapshot_id, seconds = _timed("ingest_run (validate, geocode, write)",
                                          pipeline.ingest_run, run, engine, "replay",
                                          run.started_at)
            times.append(seconds)
        ingest = min(times)
        frame, _ = _timed("load_providers", store.load_providers, engine, snapshot_id)
        _timed("region_metrics kreis (all 401)", store.region_metrics, engine, snapshot_id,
               "kreis", "ala")
        assert len(frame) == n
        per = ingest / n * 1e6
        baseline = baseline or ingest
        rows.append((factor, n, ingest, per, ingest / baseline))
    print("\n scale  providers   ingest s   µs/provider   time vs 1×")
    for factor, n, seconds, per, ratio in rows:
        print(f" {factor:>4}×  {n:>9}   {seconds:8.2f}   {per:11.1f}   {ratio:8.1f}×")
    biggest = rows[-1]
    verdict = "under" if biggest[2] < 60 else "OVER"
    print(f"\n {biggest[1]} providers ingested in {biggest[2]:.1f} s ({verdict} the 60 s target);"
          f" per-provider cost at {SCALES[-1]}× is {biggest[3] / rows[0][3]:.2f}× that at 1×"
          " (1.0 = linear)")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as folder:
        tmp = Path(folder)
        bench_default(tmp)
        bench_scaling(tmp)


if __name__ == "__main__":
    main()
