"""Travel times kept with each snapshot: write them (one transaction per snapshot), read
them back per (category, service) and aggregate them per Kreis, Land or Germany."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine, delete, insert, inspect, select

from store import schema
from store.access.aggregate import LEVELS
from store.access.persist import _check, _insert_many
from store.errors import InvalidArgument, StoreError
from store.snapshots import require_snapshot
from store.traveltime.aggregate import THRESHOLDS_MIN, aggregate_minutes
from store.traveltime.extract import Extract
from store.traveltime.measures import TravelResult

COMMAND = "python -m store traveltime --osm FILE.osm.pbf --snapshot {snapshot}"


class NoTravelTimes(StoreError, LookupError):
    """The snapshot has no travel times of this mode: they must be computed first."""

    def __init__(self, snapshot_id: int, mode: str = "car") -> None:
        self.command = COMMAND.format(snapshot=snapshot_id)
        super().__init__(f"snapshot {snapshot_id} has no {mode} travel times; compute them "
                         f"with: {self.command}")  # fmt: skip
        self.snapshot_id = snapshot_id


def insert_travel(conn: Connection, snapshot_id: int, results: list[TravelResult],
                  extract: Extract, engine_name: str, mode: str = "car",
                  tile_dir: Path | None = None) -> None:  # fmt: skip
    """Replace the snapshot's rows of this mode by `results`, in the caller's transaction;
    `tile_dir`: the tiles they were computed on, for planning by road."""
    for table in (schema.traveltime_gemeinden, schema.traveltime_runs):
        key = (table.c.snapshot_id == snapshot_id) & (table.c.mode == mode)
        conn.execute(delete(table).where(key))
    now = datetime.now(UTC)
    runs = [
        {"snapshot_id": snapshot_id, "mode": mode, "category": r.category,
         "service": r.service, "status": r.status, "providers_used": r.providers_used,
         "points_unroutable": r.points_unroutable,
         "gemeinden_unreachable": r.gemeinden_unreachable, "engine": engine_name,
         "extract_name": extract.name, "extract_timestamp": extract.timestamp,
         "extract_sha256": extract.sha256, "notes": list(r.notes), "computed_at": now,
         "tile_dir": None if tile_dir is None else str(Path(tile_dir).resolve())}
        for r in results
    ]  # fmt: skip
    conn.execute(insert(schema.traveltime_runs), runs)
    for result in results:
        if result.status != "ok":
            continue  # undefined times are not rows
        frame = result.gemeinden
        fixed = (snapshot_id, mode, result.category, result.service)
        rows = [
            fixed + (ars, _num(minutes), _num(km), provider)
            for ars, minutes, km, provider in zip(
                frame["ars"], frame["nearest_min"], frame["road_km"],
                frame["nearest_provider"], strict=True)
        ]  # fmt: skip
        names = ["snapshot_id", "mode", "category", "service", "ars", "nearest_min", "road_km",
                 "nearest_provider"]  # fmt: skip
        _insert_many(conn, names, rows, schema.traveltime_gemeinden)


def _num(value: float) -> float | None:
    return None if value != value else round(float(value), 3)


def write_travel(
    engine: Engine, snapshot_id: int, results: list[TravelResult], extract: Extract,
    engine_name: str, tile_dir: Path | None = None,
) -> None:  # fmt: skip
    """Store the results for an existing snapshot (one transaction)."""
    require_snapshot(engine, snapshot_id)
    with engine.begin() as conn:
        insert_travel(conn, snapshot_id, results, extract, engine_name, tile_dir=tile_dir)
    _read.cache_clear()


def travel_run(engine: Engine, snapshot_id: int, mode: str = "car") -> dict | None:
    """Provenance of the snapshot's times (engine, extract name, date, checksum, when, the
    tile directory or None), or None when it has none."""
    if not inspect(engine).has_table("traveltime_runs"):
        return None
    runs = schema.traveltime_runs
    key = (runs.c.snapshot_id == snapshot_id) & (runs.c.mode == mode)
    with engine.connect() as conn:
        row = conn.execute(select(runs).where(key).limit(1)).mappings().first()
    if row is None:
        return None
    fields = ("engine", "extract_name", "extract_timestamp", "extract_sha256", "computed_at",
              "tile_dir")
    return {k: row[k] for k in fields}


def has_travel(engine: Engine, snapshot_id: int, mode: str = "car") -> bool:
    return travel_run(engine, snapshot_id, mode) is not None


@lru_cache(maxsize=32)
def _read(engine: Engine, snapshot_id: int, mode: str, category: str, service: str):
    runs, rows = schema.traveltime_runs, schema.traveltime_gemeinden
    key = ((runs.c.snapshot_id == snapshot_id) & (runs.c.mode == mode)
           & (runs.c.category == category) & (runs.c.service == service))  # fmt: skip
    with engine.connect() as conn:
        run = conn.execute(select(runs).where(key)).mappings().first()
        if run is None:
            return None
        data = conn.execute(
            select(rows.c.ars, rows.c.nearest_min, rows.c.road_km, rows.c.nearest_provider)
            .where((rows.c.snapshot_id == snapshot_id) & (rows.c.mode == mode)
                   & (rows.c.category == category) & (rows.c.service == service))
        ).all()  # fmt: skip
    frame = pd.DataFrame([tuple(r) for r in data],
                         columns=["ars", "nearest_min", "road_km", "nearest_provider"])
    return dict(run), frame


def travel_gemeinden(
    engine: Engine, snapshot_id: int, category: str, service: str = "all",
    gemeinden: pd.DataFrame | None = None, mode: str = "car",
) -> pd.DataFrame:  # fmt: skip
    """nearest_min, road_km, nearest_provider per Gemeinde in the order of `gemeinden`
    (default: gemeinde_frame()), NaN where undefined or unreachable; attrs: status,
    notes and the run's provenance. Raises NoTravelTimes, InvalidArgument."""
    from store.access.places import gemeinde_frame

    _check(category, service)
    require_snapshot(engine, snapshot_id)
    if not inspect(engine).has_table("traveltime_runs"):
        raise NoTravelTimes(snapshot_id, mode)
    read = _read(engine, int(snapshot_id), mode, category, service)
    if read is None:
        raise NoTravelTimes(snapshot_id, mode)
    run, stored = read
    gemeinden = gemeinde_frame(copy=False) if gemeinden is None else gemeinden
    frame = stored.set_index("ars").reindex(gemeinden["ars"]).reset_index()
    frame["nearest_min"] = frame["nearest_min"].astype(float)
    frame["road_km"] = frame["road_km"].astype(float)
    frame.attrs.update(status=run["status"], notes=list(run["notes"]),
                       **{k: run[k] for k in ("engine", "extract_name", "extract_timestamp",
                                              "extract_sha256")})  # fmt: skip
    return frame


def travel_regions(
    engine: Engine, snapshot_id: int, level: str, category: str, service: str = "all",
    thresholds: tuple[int, ...] = THRESHOLDS_MIN, gemeinden: pd.DataFrame | None = None,
) -> pd.DataFrame:  # fmt: skip
    """Kreis / Land / Germany minutes (store.traveltime.aggregate) of the stored times."""
    from store.access.places import gemeinde_frame

    if level not in LEVELS:
        raise InvalidArgument(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    gemeinden = gemeinde_frame(copy=False) if gemeinden is None else gemeinden
    times = travel_gemeinden(engine, snapshot_id, category, service, gemeinden)
    defined = times.attrs["status"] == "ok"
    minutes = times["nearest_min"].to_numpy(float) if defined else np.full(len(times), np.nan)
    frame = aggregate_minutes(gemeinden, minutes, level, thresholds, defined)
    frame.attrs.update(times.attrs)
    return frame
