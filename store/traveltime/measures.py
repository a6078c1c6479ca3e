"""Car time and road km to the nearest provider, per Gemeinde, category and service.

The providers counted are exactly those the Luftlinie measures count (store.access: the
category's providers offering the service, placed to a Gemeinde or a Kreis), measured from
their distinct points. Statuses as there: ok, no_provider, not_recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from store.access.measures import combinations, counted_providers
from store.access.places import project
from store.traveltime.search import (
    REVERSE_MAX_POINTS,
    PairCache,
    TimeSource,
    nearest_by_road,
    nearest_from_providers,
)

COLUMNS = ("ars", "nearest_min", "road_km", "nearest_provider")


class Router(TimeSource):
    def snap_m(self, lonlat: np.ndarray) -> np.ndarray: ...


@dataclass
class TravelResult:
    """One (category, service): per Gemeinde in the given frame's order, minutes and road
    km to the provider nearest by car time (NaN: none reachable by road)."""

    category: str
    service: str
    status: str
    gemeinden: pd.DataFrame
    providers_used: int = 0
    points_unroutable: int = 0
    gemeinden_unreachable: int = 0
    gemeinden_off_road: int = 0  # farther than SNAP_CUTOFF_M from any road of the extract
    notes: list[str] = field(default_factory=list)


def _empty(gemeinden: pd.DataFrame) -> pd.DataFrame:
    n = len(gemeinden)
    return pd.DataFrame({"ars": gemeinden["ars"].to_numpy(), "nearest_min": np.full(n, np.nan),
                         "road_km": np.full(n, np.nan),
                         "nearest_provider": pd.Series([None] * n, dtype=object)})  # fmt: skip


def with_xy(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with EPSG:3035 x/y added where missing (tests pass lon/lat only)."""
    if {"x", "y"} <= set(frame.columns):
        return frame
    xy = project(frame["lon"].to_numpy(), frame["lat"].to_numpy())
    return frame.assign(x=xy[:, 0], y=xy[:, 1])


def compute_travel(
    providers: pd.DataFrame,
    recorded: list[str] | tuple[str, ...],
    router: Router,
    gemeinden: pd.DataFrame,
    categories: tuple[str, ...] | None = None,
) -> list[TravelResult]:
    """Every (category, service) of the categories (default: all three) for `gemeinden`
    (ars, lon, lat; x/y optional). Snaps every point once and shares asked pairs."""
    from store.schema import CATEGORIES

    gemeinden = with_xy(gemeinden.reset_index(drop=True))
    g_lonlat = gemeinden[["lon", "lat"]].to_numpy(float)
    g_snap = router.snap_m(g_lonlat)
    snaps: dict[tuple[float, float], float] = {}
    cache = PairCache()
    results = []
    for category, service in combinations(categories or CATEGORIES):
        result, placed = _one(providers, category, service, category in recorded, gemeinden)
        if result.status == "ok":
            _route(result, placed, router, gemeinden, g_lonlat, g_snap, snaps, cache)
            result.gemeinden_off_road = int(np.isnan(g_snap).sum())
        results.append(result)
    return results


def _one(providers, category, service, recorded, gemeinden) -> tuple[TravelResult, pd.DataFrame]:
    """The result before any routing, and the providers it counts (the Luftlinie
    measures' rule, store.access.measures.counted_providers)."""
    counted = counted_providers(providers, category, service, recorded)
    result = TravelResult(
        category, service, counted.status, _empty(gemeinden),
        providers_used=len(counted.placed), notes=list(counted.notes),
    )  # fmt: skip
    if counted.status == "no_provider":
        result.notes.append("no provider of this kind could be placed: times are undefined")
    return result, counted.placed


def _route(result, placed, router, gemeinden, g_lonlat, g_snap, snaps, cache) -> None:
    """Fill the result's minutes and road km (snaps: distinct point → metres, shared)."""
    lonlat, first = np.unique(placed[["lon", "lat"]].to_numpy(float), axis=0, return_index=True)
    missing = [tuple(p) for p in lonlat if tuple(p) not in snaps]
    if missing:
        for point, metres in zip(missing, router.snap_m(np.array(missing)), strict=True):
            snaps[point] = float(metres)
    p_snap = np.array([snaps[tuple(p)] for p in lonlat])
    p_xy = project(lonlat[:, 0], lonlat[:, 1])
    if (~np.isnan(p_snap)).sum() <= REVERSE_MAX_POINTS:
        found = nearest_from_providers(router, g_lonlat, g_snap, lonlat, p_snap, cache)
    else:
        found = nearest_by_road(router, g_lonlat, gemeinden[["x", "y"]].to_numpy(), g_snap,
                                lonlat, p_xy, p_snap, cache)  # fmt: skip
    ids = placed["source_id"].to_numpy()[first]
    frame = result.gemeinden
    frame["nearest_min"] = found.minutes
    frame["road_km"] = found.road_km
    names = [ids[i] if i >= 0 else None for i in found.point]
    frame["nearest_provider"] = pd.Series(names, dtype=object, index=frame.index)
    result.points_unroutable = int(np.isnan(p_snap).sum())
    result.gemeinden_unreachable = int(np.isnan(found.minutes).sum())
    if result.points_unroutable:
        result.notes.append(f"{result.points_unroutable} provider points lie farther than "
                            "5 km from any car road and are not routed")  # fmt: skip
    off_road = int(np.isnan(g_snap).sum())
    if off_road:
        result.notes.append(f"{off_road} Gemeinden lie farther than 5 km from any road of "
                            "the extract (outside it?) and are not routed")  # fmt: skip
    if result.gemeinden_unreachable:
        result.notes.append(f"{result.gemeinden_unreachable} Gemeinden reach no provider "
                            "of this kind by road")  # fmt: skip
