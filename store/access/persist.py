"""The access measures kept with each snapshot: written in the snapshot's own transaction
(store.write_snapshot hands `access_rows` to the snapshot writer as a derive step), read
back per (category, service), recomputed on demand.

They are derived data (a snapshot's providers + the reference geography), so unlike the
snapshot rows they may be deleted and written again: `recompute_access` does that, and a
snapshot stored before the tables existed gets its measures on first read.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from functools import lru_cache

import pandas as pd
from sqlalchemy import Connection, Engine, delete, insert, select

from store import schema
from store.access.aggregate import LEVELS, THRESHOLDS_KM, aggregate
from store.access.measures import (
    AccessResult,
    _empty,
    combinations,
    compute_all,
    placement_summary,
)
from store.access.places import gemeinde_frame
from store.errors import CategoryNotInSnapshot, InvalidArgument
from store.providers import load_providers
from store.snapshots import Derived, list_snapshots, require_snapshot

log = logging.getLogger(__name__)
_MEASURE_COLUMNS = ("nearest_km", "nearest_provider", "kreis_placed", "own_kreis", "sfca_per_100k")


def insert_access(conn: Connection, snapshot_id: int, results: list[AccessResult]) -> None:
    """Replace the snapshot's access rows by `results`, inside the caller's transaction."""
    for table in (schema.access_gemeinden, schema.access_runs):
        conn.execute(delete(table).where(table.c.snapshot_id == snapshot_id))
    now = datetime.now(UTC)
    runs = [
        {"snapshot_id": snapshot_id, "category": r.category, "service": r.service,
         "status": r.status, "providers_used": r.providers_used, "kreis_placed": r.kreis_placed,
         "excluded": r.excluded, "catchment_km": r.catchment_km, "notes": list(r.notes),
         "computed_at": now}
        for r in results
    ]  # fmt: skip
    conn.execute(insert(schema.access_runs), runs)
    for result in results:
        if result.status != "ok":
            continue  # undefined distances are not rows of zeros
        frame = result.gemeinden
        columns = {
            "ars": frame["ars"].tolist(),
            "nearest_km": frame["nearest_km"].astype(float).tolist(),
            "nearest_provider": frame["nearest_provider"].astype(str).tolist(),
            "kreis_placed": frame["kreis_placed"].astype(bool).tolist(),
            "own_kreis": frame["own_kreis"].astype(bool).tolist(),
            "sfca_per_100k": frame["sfca_per_100k"].astype(float).tolist(),
        }
        fixed = (snapshot_id, result.category, result.service)
        rows = [fixed + values for values in zip(*columns.values(), strict=True)]
        _insert_many(conn, ["snapshot_id", "category", "service", *columns], rows)


def access_rows(providers: pd.DataFrame, recorded: list[str]) -> Derived:
    """The snapshot writer's derive step: every measure of the providers being written, its
    quality-report section, and how to insert it inside the snapshot's transaction."""
    results = compute_all(providers, recorded=recorded)
    return Derived("access", placement_summary(results),
                   lambda conn, snapshot_id: insert_access(conn, snapshot_id, results))


_PLACEHOLDER = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def _insert_many(conn: Connection, names: list[str], rows: list[tuple], table=None) -> None:
    """55,000 Gemeinde rows per snapshot: straight to the driver's executemany (Core's
    per-row parameter processing took seconds), with the dialect's own placeholder.
    `table`: access_gemeinden unless given (travel times share the path)."""
    table = schema.access_gemeinden if table is None else table
    mark = _PLACEHOLDER.get(conn.dialect.paramstyle)
    if mark is None:
        conn.execute(insert(table), [dict(zip(names, row, strict=True)) for row in rows])
        return
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join([mark] * len(names))})"
    conn.exec_driver_sql(sql, rows)


def compute_snapshot(engine: Engine, snapshot_id: int) -> list[AccessResult]:
    """Every (category, service) measure of a stored snapshot (nothing written)."""
    snapshot = require_snapshot(engine, snapshot_id)
    return compute_all(load_providers(engine, snapshot_id), recorded=list(snapshot["counts"]))


def write_access(engine: Engine, snapshot_id: int, results: list[AccessResult]) -> None:
    """Store the results for an existing snapshot (one transaction)."""
    with engine.begin() as conn:
        insert_access(conn, snapshot_id, results)
    _read.cache_clear()


def recompute_access(engine: Engine, snapshot_ids: list[int] | None = None) -> dict[int, float]:
    """Compute and store the measures again (default: every snapshot); seconds per id."""
    import time

    ids = snapshot_ids if snapshot_ids is not None else list_snapshots(engine)["id"].tolist()
    seconds = {}
    for snapshot_id in ids:
        started = time.perf_counter()
        write_access(engine, int(snapshot_id), compute_snapshot(engine, int(snapshot_id)))
        seconds[int(snapshot_id)] = time.perf_counter() - started
    return seconds


def _check(category: str, service: str) -> None:
    if category not in schema.CATEGORIES:
        allowed = ", ".join(schema.CATEGORIES)
        raise InvalidArgument(f"category must be one of {allowed}, not {category!r}")
    services = [s for _, s in combinations([category])]
    if service not in services:
        allowed = ", ".join(services)
        raise InvalidArgument(f"service for {category} must be one of {allowed}, not {service!r}")


@lru_cache(maxsize=32)
def _read(engine: Engine, snapshot_id: int, created_at: str, category: str, service: str):
    """(run row, Gemeinde frame) or None; cached (write_access clears the cache)."""
    runs, rows = schema.access_runs, schema.access_gemeinden
    key = (runs.c.snapshot_id == snapshot_id) & (runs.c.category == category)
    with engine.connect() as conn:
        run = conn.execute(select(runs).where(key & (runs.c.service == service))).mappings().first()
        if run is None:
            return None
        data = conn.execute(
            select(rows.c.ars, *(rows.c[c] for c in _MEASURE_COLUMNS)).where(
                (rows.c.snapshot_id == snapshot_id) & (rows.c.category == category)
                & (rows.c.service == service)
            )
        ).all()  # fmt: skip
    return dict(run), _frame([tuple(row) for row in data], run["status"])


def _frame(data: list[tuple], status: str) -> pd.DataFrame:
    frame = _empty(gemeinde_frame())
    if status != "ok":
        return frame
    columns = ["ars", *_MEASURE_COLUMNS]
    stored = pd.DataFrame(data, columns=columns).set_index("ars").reindex(frame["ars"])
    if stored["nearest_km"].isna().any():
        raise ValueError("stored access rows do not cover every Gemeinde; recompute them")
    frame["nearest_km"] = stored["nearest_km"].to_numpy(dtype=float)
    frame["nearest_provider"] = stored["nearest_provider"].to_numpy(dtype=object)
    frame["kreis_placed"] = stored["kreis_placed"].to_numpy(dtype=bool)
    frame["own_kreis"] = stored["own_kreis"].to_numpy(dtype=bool)
    frame["sfca_per_100k"] = stored["sfca_per_100k"].to_numpy(dtype=float)
    return frame


def access_result(engine: Engine, snapshot_id: int, category: str, service: str = "all"):
    """The stored measures of one (category, service) as an AccessResult (Gemeinde frame in
    gemeinde_frame order). Raises SnapshotNotFound, InvalidArgument, and
    CategoryNotInSnapshot when the snapshot did not record the category."""
    _check(category, service)
    snapshot = require_snapshot(engine, snapshot_id)
    if category not in snapshot["counts"]:
        raise CategoryNotInSnapshot(int(snapshot_id), category)
    read = _read(engine, int(snapshot_id), snapshot["created_at"], category, service)
    if read is None:
        log.info("snapshot %s has no access measures yet: computing them", snapshot_id)
        write_access(engine, int(snapshot_id), compute_snapshot(engine, int(snapshot_id)))
        read = _read(engine, int(snapshot_id), snapshot["created_at"], category, service)
    run, frame = read
    return AccessResult(
        category, service, run["status"], frame.copy(),
        providers_used=run["providers_used"], kreis_placed=run["kreis_placed"],
        excluded=run["excluded"], catchment_km=run["catchment_km"], notes=list(run["notes"]),
    )  # fmt: skip


def access_regions(
    engine: Engine, snapshot_id: int, level: str, category: str, service: str = "all",
    thresholds: tuple[int, ...] = THRESHOLDS_KM,
) -> pd.DataFrame:  # fmt: skip
    """Kreis, Land or Germany figures (store.access.aggregate) of one stored measure; attrs
    hold status, notes and provider counts."""
    if level not in LEVELS:
        raise InvalidArgument(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    result = access_result(engine, snapshot_id, category, service)
    frame = aggregate(gemeinde_frame(), result.gemeinden, level, thresholds)
    frame.attrs.update(_attrs(result))
    return frame


def _attrs(result: AccessResult) -> dict:
    return {
        "status": result.status, "notes": list(result.notes),
        "providers_used": result.providers_used, "kreis_placed": result.kreis_placed,
        "excluded": result.excluded, "catchment_km": result.catchment_km,
    }  # fmt: skip

