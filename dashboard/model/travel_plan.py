"""Planning in car mode: a hypothetical provider's car times on the fly, where the tiles
the snapshot's times were computed on are still at hand (the run records their directory)
and the engine is installed. Otherwise None, and the page says planning measures in
straight lines: the server never needs the engine to serve.

One RoadPlanner per tile directory (the engine's in-process Actor and the Gemeinden's
snap distances, both reused across steps); one planning step at a time per planner, as
the Actor is not known to answer two threads at once.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import pandas as pd
from sqlalchemy import Engine

from store.traveltime import travel_gemeinden, travel_run
from store.traveltime.planning import CarPlan, RoadPlanner


@lru_cache(maxsize=2)
def _planner(tile_dir: str, sha256: str) -> tuple[RoadPlanner, threading.Lock] | None:
    """`sha256` (the extract's) keys the cache: tiles rebuilt in the same directory from
    another extract get a new Actor."""
    from store.access.places import gemeinde_frame
    from store.traveltime.engine import EngineError, Router

    try:
        router = Router(tile_dir)  # the engine is imported here, on first use only
    except EngineError:
        return None
    return RoadPlanner(router, gemeinde_frame()), threading.Lock()


def road_planner(engine: Engine, snapshot_id: int) -> tuple[RoadPlanner, threading.Lock] | None:
    """The planner on the snapshot's tiles, or None: no car times, tiles not recorded,
    moved or rebuilt from another extract, or the engine not installed."""
    from store.traveltime.engine import tiles_match

    run = travel_run(engine, snapshot_id)
    if run is None or not tiles_match(run.get("tile_dir"), run["extract_sha256"]):
        return None
    return _planner(run["tile_dir"], run["extract_sha256"])


def can_plan_by_road(engine: Engine, snapshot_id: int | None) -> bool:
    return snapshot_id is not None and road_planner(engine, snapshot_id) is not None


def car_plan(engine: Engine, snapshot_id: int, category: str, service: str,
             places: list[str]) -> CarPlan | None:  # fmt: skip
    """The snapshot's car times with providers planned at `places` (None: cannot plan
    by road here, or the kind has no times: no provider of it, not recorded). Kept for
    the last few plans: the car section and the planning box ask for the same one."""
    run = travel_run(engine, snapshot_id)
    if not places or run is None or road_planner(engine, snapshot_id) is None:
        return None
    # the run's time in the key: times computed again for the snapshot are new times
    return _car_plan(engine, snapshot_id, category, service, tuple(places),
                     str(run["computed_at"]))  # fmt: skip


@lru_cache(maxsize=8)
def _car_plan(engine: Engine, snapshot_id: int, category: str, service: str,
              places: tuple[str, ...], computed_at: str) -> CarPlan | None:  # fmt: skip
    found = road_planner(engine, snapshot_id)
    if found is None:
        return None
    planner, lock = found
    baseline = travel_gemeinden(engine, snapshot_id, category, service, planner.gemeinden)
    if baseline.attrs["status"] == "not_recorded":
        return None
    known = [p for p in places if p in planner.position]  # a URL may name anything
    if not known:
        return None
    with lock:
        return planner.plan(baseline, known)


def planned_stars(planned: CarPlan) -> pd.DataFrame:
    """The planned Gemeinden where the car maps draw their stars (ars, name, lon, lat): the
    page's car section and its exports alike."""
    from store.access import gemeinde_frame

    gemeinden = gemeinde_frame(copy=False)
    return gemeinden[gemeinden["ars"].isin(planned.places)][["ars", "name", "lon", "lat"]]


def planned_regions(planned: CarPlan) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Kreis, Land and Germany minutes of planned times (as travel_regions gives stored);
    the page's car section and its exports alike."""
    from dashboard.model.travel_data import THRESHOLDS_MIN
    from store.access import gemeinde_frame
    from store.traveltime import aggregate_minutes

    gemeinden = gemeinde_frame(copy=False)
    minutes = planned.times["nearest_min"].to_numpy(float)
    return tuple(aggregate_minutes(gemeinden, minutes, level, THRESHOLDS_MIN)
                 for level in ("kreis", "land", "germany"))  # fmt: skip
