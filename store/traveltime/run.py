"""The travel-time command's work: describe the extract, build or reuse its tiles, compute
and store the times of each chosen snapshot. Prints what it does through `say`."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sqlalchemy import Engine

from store.traveltime.engine import Router, build_tiles, engine_name
from store.traveltime.extract import describe_extract
from store.traveltime.measures import TravelResult, compute_travel
from store.traveltime.persist import write_travel


def default_tiles(osm: Path) -> Path:
    """data/valhalla/<extract name without .osm.pbf>: one tile set per extract."""
    return Path("data") / "valhalla" / osm.name.removesuffix(".pbf").removesuffix(".osm")


def compute_snapshot_travel(engine: Engine, snapshot_id: int, router: Router,
                            gemeinden=None) -> list[TravelResult]:  # fmt: skip
    """Every (category, service) of one stored snapshot (nothing written)."""
    from store.access.places import gemeinde_frame
    from store.providers import load_providers
    from store.snapshots import require_snapshot

    snapshot = require_snapshot(engine, snapshot_id)
    gemeinden = gemeinde_frame() if gemeinden is None else gemeinden
    providers = load_providers(engine, snapshot_id)
    return compute_travel(providers, list(snapshot["counts"]), router, gemeinden)


def traveltime(engine: Engine, osm: Path, tiles: Path | None, snapshot_ids: list[int],
               say: Callable[[str], None] = print, gemeinden=None) -> dict[int, list]:  # fmt: skip
    """Build/reuse tiles for `osm`, then compute and store each snapshot's car times."""
    extract = describe_extract(osm)
    size = f"{extract.bytes / 1e6:.1f} MB" if extract.bytes >= 1e5 else f"{extract.bytes} bytes"
    say(f"extract {extract.name}: {size}, header date "
        f"{extract.timestamp or 'none'}, sha256 {extract.sha256[:12]}…")  # fmt: skip
    built = build_tiles(osm, extract, tiles or default_tiles(osm))
    if built.built_now:
        say(f"tiles built in {built.seconds:.1f} s into {built.tile_dir}")
    else:
        say(f"tiles reused from {built.tile_dir} (same extract)")
    router = Router(built.tile_dir)
    name = engine_name()
    out = {}
    for snapshot_id in snapshot_ids:
        started = time.perf_counter()
        results = compute_snapshot_travel(engine, snapshot_id, router, gemeinden)
        write_travel(engine, snapshot_id, results, extract, name, built.tile_dir)
        seconds = time.perf_counter() - started
        say(f"snapshot {snapshot_id}: car times stored in {seconds:.1f} s ({name}, "
            f"{router.calls} matrix requests)")  # fmt: skip
        for r in results:
            say("  " + _line(r))
        out[snapshot_id] = results
    return out


def _line(result: TravelResult) -> str:
    head = f"{result.category}/{result.service}: {result.status}"
    if result.status != "ok":
        return head
    minutes = result.gemeinden["nearest_min"].to_numpy(float)
    reached = minutes[~np.isnan(minutes)]
    median = f"{np.median(reached):.1f} min" if len(reached) else "–"
    return (f"{head}, {result.providers_used} providers, {len(reached)} Gemeinden reached "
            f"(median {median}), {result.gemeinden_unreachable} unreachable (of which "
            f"{result.gemeinden_off_road} off the extract's roads)")
