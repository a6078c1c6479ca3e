"""Car travel times beside the Luftlinie for the page, the data API and region profiles
(pure reads of store.traveltime; no Dash, no routing engine: times are computed offline
by `python -m store traveltime` and only read here)."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
from sqlalchemy import Engine

from store.traveltime import has_travel, travel_gemeinden, travel_regions, travel_run

MODES: tuple[str, ...] = ("line", "car")
GEMEINDE_CAR_COLUMNS = ("nearest_min", "road_km")
REGION_CAR_COLUMNS = ("mean_min", "median_min", "pop_beyond_30min", "pop_beyond_60min",
                      "pop_unreachable")  # fmt: skip
THRESHOLDS_MIN: tuple[int, ...] = (15, 30, 45, 60)


def car_available(engine: Engine, snapshot_id: int) -> bool:
    """True when car times were computed for the snapshot."""
    return has_travel(engine, snapshot_id, "car")


def car_provenance(engine: Engine, snapshot_id: int) -> dict | None:
    """engine, extract_name, extract_timestamp, extract_sha256, computed_at (or None)."""
    return travel_run(engine, snapshot_id, "car")


def method_line(provenance: dict) -> str:
    """One line naming the engine and the extract, for headers and exports."""
    stamp = provenance.get("extract_timestamp") or "undated"
    return (f"car time by road, {provenance['engine']} on OpenStreetMap extract "
            f"{provenance['extract_name']} ({stamp}, sha256 {provenance['extract_sha256'][:12]})")


def with_car_columns(
    frame: pd.DataFrame, engine: Engine, snapshot_id: int, level: str, category: str,
    service: str,
) -> pd.DataFrame:  # fmt: skip
    """The Luftlinie rows of GET /api/access with the car columns added to the same rows
    (matched by ARS). Raises store.traveltime.NoTravelTimes when none were computed."""
    if level == "gemeinde":
        times = travel_gemeinden(engine, snapshot_id, category, service)
        extra = times.set_index("ars")[list(GEMEINDE_CAR_COLUMNS)]
        extra = extra.assign(nearest_min=extra["nearest_min"].round(1),
                             road_km=extra["road_km"].round(3))  # fmt: skip
    else:
        extra = travel_regions(engine, snapshot_id, level, category, service)
        extra = extra.set_index("ars")[list(REGION_CAR_COLUMNS)]
        extra = extra.assign(mean_min=extra["mean_min"].round(2),
                             median_min=extra["median_min"].round(2))  # fmt: skip
    out = frame.join(extra, on="ars")
    out.attrs.update(frame.attrs)
    return out


@lru_cache(maxsize=16)
def _region_minutes(engine: Engine, snapshot_id: int, level: str, category: str,
                    service: str) -> pd.DataFrame:  # fmt: skip
    return travel_regions(engine, snapshot_id, level, category, service, THRESHOLDS_MIN)


def region_minutes(engine: Engine, snapshot_id: int, level: str, category: str,
                   service: str = "all") -> pd.DataFrame | None:  # fmt: skip
    """Kreis or Land minutes with every threshold (15/30/45/60), None without times.
    Snapshots never change, so the answer is cached per snapshot."""
    if not car_available(engine, snapshot_id):
        return None
    return _region_minutes(engine, snapshot_id, level, category, service).copy()


def profile_minutes(engine: Engine, snapshot_id: int | None, level: str, code: str,
                    category: str = "ala") -> dict | None:  # fmt: skip
    """A region profile's car figures beside its km: mean and median minutes to the
    nearest provider, the engine and the extract's date; None without times (or where
    nobody in the region reaches one by road)."""
    if snapshot_id is None or not car_available(engine, snapshot_id):
        return None
    frame = region_minutes(engine, snapshot_id, level, category)
    row = frame[frame["ars"] == code]
    if row.empty or pd.isna(row["mean_min"].iloc[0]):
        return None
    run = car_provenance(engine, snapshot_id)
    return {"mean_min": float(row["mean_min"].iloc[0]),
            "median_min": float(row["median_min"].iloc[0]), "engine": run["engine"],
            "date": (run["extract_timestamp"] or "–")[:10]}  # fmt: skip



def car_gemeinde_frame(engine: Engine, snapshot_id: int, category: str, service: str,
                       providers: pd.DataFrame, lang: str, land: str | None = None,
                       times: pd.DataFrame | None = None) -> pd.DataFrame:  # fmt: skip
    """Every Gemeinde (or one Land's) as the car Gemeinde map draws it: the Luftlinie
    map's frame (ars, name, kreis, kreis_ars, population, nearest_km: Luftlinie) with
    nearest_min, road_km, and `nearest` naming the provider nearest by road. `times`:
    planned times to draw instead of the stored ones (store.traveltime.planning)."""
    from dashboard.model.access_data import access_view, gemeinde_map_frame, nearest_names

    view = access_view(engine, snapshot_id, category, service, [])
    frame = gemeinde_map_frame(view, providers, lang, land)
    if times is None:
        times = travel_gemeinden(engine, snapshot_id, category, service)
    road = times.set_index("ars").reindex(frame["ars"])
    frame["nearest_min"] = road["nearest_min"].to_numpy(float)
    frame["road_km"] = road["road_km"].to_numpy(float)
    frame["nearest"] = nearest_names(road["nearest_provider"], providers, lang)
    return frame
