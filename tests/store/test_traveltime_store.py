"""Stored travel times on SQLite and PostgreSQL: migration 5's tables, provenance, NULL
for unreachable Gemeinden (never 0), the minutes aggregates, and removal with a snapshot.
Results are made by hand here; the engine's own tests are in tests/traveltime."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import inspect

import store
from store import migrations
from store.traveltime import (
    NoTravelTimes,
    aggregate_minutes,
    has_travel,
    travel_gemeinden,
    travel_regions,
    travel_run,
    write_travel,
)
from store.traveltime.extract import Extract
from store.traveltime.measures import TravelResult

EXTRACT = Extract("germany-latest.osm.pbf", "2026-11-30T21:21:02Z", "ab" * 32, 4_300_000_000)


def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "ars": ["000000000001", "000000000002", "000000000003", "000000000004"],
        "kreis_ars": ["00001", "00001", "00002", "00002"], "land_code": ["01"] * 4,
        "population": [1000, 3000, 500, 500],
    })  # fmt: skip


def result(minutes: list[float], status: str = "ok", category: str = "wfbm") -> TravelResult:
    g = frame()
    times = pd.DataFrame({"ars": g["ars"], "nearest_min": minutes,
                          "road_km": [m * 0.9 for m in minutes],
                          "nearest_provider": [None if m != m else "W1" for m in minutes]})
    return TravelResult(category, "all", status, times, providers_used=1)


def test_migration_5_creates_the_travel_tables(engine):
    assert migrations.current_version(engine) == migrations.LATEST_VERSION >= 5
    tables = set(inspect(engine).get_table_names())
    assert {"traveltime_runs", "traveltime_gemeinden"} <= tables


def test_times_round_trip_with_provenance_and_unreachable_as_null(engine, write, make_provider):
    snapshot = write(engine, [make_provider("W1", "wfbm")])
    assert not has_travel(engine, snapshot)
    others = [result([np.nan] * 4, "no_provider", c) for c in ("ala", "ib")]
    write_travel(engine, snapshot, [result([5.0, 20.5, 61.0, np.nan]), *others], EXTRACT,
                 "Valhalla 3.9.1")  # fmt: skip
    run = travel_run(engine, snapshot)
    assert run["extract_name"] == "germany-latest.osm.pbf"
    assert run["extract_timestamp"] == "2026-11-30T21:21:02Z"
    assert run["extract_sha256"] == "ab" * 32 and run["engine"] == "Valhalla 3.9.1"
    times = travel_gemeinden(engine, snapshot, "wfbm", gemeinden=frame())
    assert times["nearest_min"].tolist()[:3] == [5.0, 20.5, 61.0]
    assert np.isnan(times["nearest_min"].iloc[3]) and np.isnan(times["road_km"].iloc[3])
    assert times.attrs["status"] == "ok"
    ala = travel_gemeinden(engine, snapshot, "ala", gemeinden=frame())
    assert ala.attrs["status"] == "no_provider" and ala["nearest_min"].isna().all()


def test_a_snapshot_without_times_names_the_command(engine, write, make_provider):
    snapshot = write(engine, [make_provider("W1", "wfbm")])
    with pytest.raises(NoTravelTimes) as caught:
        travel_gemeinden(engine, snapshot, "wfbm", gemeinden=frame())
    assert caught.value.command == f"python -m store traveltime --osm FILE.osm.pbf " \
                                   f"--snapshot {snapshot}"
    with pytest.raises(store.InvalidArgument):
        travel_gemeinden(engine, snapshot, "bus", gemeinden=frame())


def test_region_minutes_from_the_stored_times(engine, write, make_provider):
    snapshot = write(engine, [make_provider("W1", "wfbm")])
    write_travel(engine, snapshot, [result([5.0, 20.5, 61.0, np.nan])], EXTRACT, "Valhalla")
    kreise = travel_regions(engine, snapshot, "kreis", "wfbm", gemeinden=frame())
    first, second = kreise.iloc[0], kreise.iloc[1]
    assert first["mean_min"] == pytest.approx((1000 * 5 + 3000 * 20.5) / 4000)
    assert first["median_min"] == 20.5 and first["pop_beyond_15min"] == 3000
    # the unreachable half counts beyond every threshold; the mean is over those who reach
    assert second["mean_min"] == 61.0 and second["pop_beyond_60min"] == 1000
    assert second["pop_unreachable"] == 500
    assert kreise.attrs["extract_timestamp"] == "2026-11-30T21:21:02Z"


def test_deleting_a_snapshot_removes_its_times(engine, write, make_provider):
    snapshot = write(engine, [make_provider("W1", "wfbm")])
    write_travel(engine, snapshot, [result([5.0, 6.0, 7.0, 8.0])], EXTRACT, "Valhalla")
    store.delete_snapshot(engine, snapshot)
    assert travel_run(engine, snapshot) is None


def test_aggregate_minutes_is_missing_not_zero_without_providers():
    out = aggregate_minutes(frame(), np.full(4, np.nan), "germany", defined=False)
    assert np.isnan(out["mean_min"].iloc[0]) and out["pop_beyond_30min"].isna().all()


def test_a_median_beyond_reach_is_missing_not_a_number_of_minutes():
    out = aggregate_minutes(frame(), np.array([5.0, np.nan, np.nan, np.nan]), "germany")
    assert np.isnan(out["median_min"].iloc[0]) and out["mean_min"].iloc[0] == 5.0
    assert out["pop_unreachable"].iloc[0] == 4000
