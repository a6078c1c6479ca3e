"""Nearest provider by car time for every Gemeinde: candidates by Luftlinie, times from the
engine, and the speed bound (bound.py) deciding when enough candidates were asked.

Per Gemeinde: ask the K_START nearest provider points by Luftlinie; if the next one's
straight line alone would take longer than the best time found, stop (exact); else double
k and ask the new ones. A Gemeinde that reaches none of them goes on until every provider
point was asked, and only then is reported unreachable (NaN minutes, never 0).

Few providers (the aLA: 88 in Germany) make that search expensive: the bound asks every
provider within best time × v_max, and each request searches the roads out to the farthest.
There `nearest_from_providers` is used instead: one backward search from each provider
point reaches every Gemeinde (Valhalla's many-to-one matrix), and the minimum over the
providers is exact with no bound at all. REVERSE_MAX_POINTS decides (bench/traveltime.py).

`router` is anything with `times(source, targets)` and `times_to(sources, target)` giving
(seconds, km), so the search is tested with the real engine on test-written networks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
from scipy.spatial import cKDTree

from store.traveltime.bound import settled

K_START = 4
REVERSE_MAX_POINTS = 200


class TimeSource(Protocol):
    def times(self, source: np.ndarray, targets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        ...

    def times_to(self, sources: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        ...


@dataclass
class RoadNearest:
    """Per Gemeinde (input order): minutes and road km to the provider point nearest by
    time, its index (-1 where none is reachable), and how many candidates were asked."""

    minutes: np.ndarray
    road_km: np.ndarray
    point: np.ndarray
    asked: np.ndarray


class PairCache:
    """Times already asked, by (Gemeinde index, provider lon/lat): the aLA services are
    subsets of the aLA, so their searches reuse the aLA's answers."""

    def __init__(self) -> None:
        self._pairs: dict[tuple[int, float, float], tuple[float, float]] = {}
        self._columns: dict[tuple[float, float], tuple[np.ndarray, np.ndarray]] = {}

    def ask_to(self, router: TimeSource, sources: np.ndarray, target: np.ndarray):
        """Times from every source to one provider point, once per point (the sources are
        the same routable Gemeinden throughout one computation)."""
        key = (float(target[0]), float(target[1]))
        if key not in self._columns:
            self._columns[key] = router.times_to(sources, target)
        return self._columns[key]

    def ask(self, router: TimeSource, index: int, source: np.ndarray, targets: np.ndarray):
        keys = [(index, float(lon), float(lat)) for lon, lat in targets]
        missing = [i for i, key in enumerate(keys) if key not in self._pairs]
        if missing:
            seconds, km = router.times(source, targets[missing])
            for i, s, d in zip(missing, seconds, km, strict=True):
                self._pairs[keys[i]] = (float(s), float(d))
        found = np.array([self._pairs[key] for key in keys], float).reshape(-1, 2)
        return found[:, 0], found[:, 1]


def nearest_by_road(
    router: TimeSource,
    gemeinde_lonlat: np.ndarray,
    gemeinde_xy: np.ndarray,
    gemeinde_snap_m: np.ndarray,
    point_lonlat: np.ndarray,
    point_xy: np.ndarray,
    point_snap_m: np.ndarray,
    cache: PairCache | None = None,
) -> RoadNearest:
    """The exact nearest provider point by car time for every Gemeinde (see module doc).

    xy: EPSG:3035 metres (candidate order and the bound); snap_m: metres from each point
    to its road (NaN: no road within reach: a Gemeinde so placed is unreachable, a
    provider point so placed is never a candidate)."""
    n = len(gemeinde_lonlat)
    out = RoadNearest(np.full(n, np.nan), np.full(n, np.nan), np.full(n, -1), np.zeros(n, int))
    routable = np.flatnonzero(~np.isnan(point_snap_m))
    if len(routable) == 0:
        return out
    tree = cKDTree(point_xy[routable])
    slack_points = float(np.nanmax(point_snap_m[routable]))
    cache = cache or PairCache()
    for g in np.flatnonzero(~np.isnan(gemeinde_snap_m)):
        best = _search(router, cache, int(g), gemeinde_lonlat[g], gemeinde_xy[g], tree,
                       point_lonlat[routable], gemeinde_snap_m[g] + slack_points)  # fmt: skip
        seconds, km, local, asked = best
        out.asked[g] = asked
        if local >= 0:
            out.minutes[g], out.road_km[g], out.point[g] = seconds / 60.0, km, routable[local]
    return out


def nearest_from_providers(
    router: TimeSource,
    gemeinde_lonlat: np.ndarray,
    gemeinde_snap_m: np.ndarray,
    point_lonlat: np.ndarray,
    point_snap_m: np.ndarray,
    cache: PairCache | None = None,
) -> RoadNearest:
    """The same answer as nearest_by_road, by one many-to-one request per provider point
    (every routable Gemeinde to it) and the minimum per Gemeinde (ties: the shorter road,
    then the lower point index)."""
    n = len(gemeinde_lonlat)
    out = RoadNearest(np.full(n, np.nan), np.full(n, np.nan), np.full(n, -1), np.zeros(n, int))
    rows = np.flatnonzero(~np.isnan(gemeinde_snap_m))
    best_s, best_km = np.full(len(rows), np.inf), np.full(len(rows), np.inf)
    cache = cache or PairCache()
    for p in np.flatnonzero(~np.isnan(point_snap_m)):
        if len(rows) == 0:
            break
        seconds, km = cache.ask_to(router, gemeinde_lonlat[rows], point_lonlat[p])
        better = (seconds < best_s) | ((seconds == best_s) & (km < best_km))
        best_s, best_km = np.where(better, seconds, best_s), np.where(better, km, best_km)
        out.point[rows[better]] = p
        out.asked[rows] += 1
    reached = np.isfinite(best_s)
    out.minutes[rows[reached]] = best_s[reached] / 60.0
    out.road_km[rows[reached]] = best_km[reached]
    return out


def _search(router, cache, g, lonlat, xy, tree, targets_lonlat, slack_m):
    """(seconds, km, local point index or -1, candidates asked) for one Gemeinde."""
    total = tree.n
    k = min(K_START, total)
    while True:
        # one more than asked: the first one not asked is the bound's witness
        distance, index = tree.query(xy, k=min(k + 1, total))
        distance, index = np.atleast_1d(distance), np.atleast_1d(index)
        asked = index[:k]
        seconds, km = cache.ask(router, g, lonlat, targets_lonlat[asked])
        best_s, best_km, best_i = _best(seconds, km, asked)
        if k >= total or settled(best_s, float(distance[k]), slack_m):
            return best_s, best_km, best_i, k
        k = min(2 * k, total)


def _best(seconds: np.ndarray, km: np.ndarray, index: np.ndarray) -> tuple[float, float, int]:
    """The fastest reachable one (ties: the shorter road, then the nearer by Luftlinie)."""
    if np.isnan(seconds).all():
        return np.nan, np.nan, -1
    order = np.lexsort((np.arange(len(seconds)), km, np.where(np.isnan(seconds), np.inf, seconds)))
    i = order[0]
    return float(seconds[i]), float(km[i]), int(index[i])
