"""Planning by road: a hypothetical provider's car times, asked of the engine on the fly
and combined with a snapshot's stored times (never stored; the Luftlinie counterpart is
store.access.planning).

For a planned Gemeinde's point P only the Gemeinden whose time could improve are asked:
by the speed bound (bound.py) a Gemeinde g whose straight line to P alone takes at least
its current best time cannot get closer, whatever the roads. The rest are asked in one
many-to-one matrix (each candidate to P: the direction the stored times were measured in,
one-way streets kept), one backward search from P. Before the matrix a candidate's road
distance is not known, so the first cut takes the farthest a point may snap
(engine.SNAP_CUTOFF_M) as its slack; candidates are then snapped (cached: the tiles never
change) and those without a road are dropped, since Valhalla refuses a matrix holding one.

Gemeinden that reach no provider by road yet (NaN) have no time to beat; they are asked
when within NEW_REACH_KM of P (a road there can make them reachable, one farther could
only bring a time beyond every threshold of the page).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from store.access.aggregate import level_codes
from store.access.planning import HYPOTHETICAL_PREFIX
from store.traveltime.aggregate import THRESHOLDS_MIN
from store.traveltime.bound import lower_bound_s
from store.traveltime.engine import SNAP_CUTOFF_M  # a constant: no engine is imported
from store.traveltime.search import TimeSource

NEW_REACH_KM = 150.0


class Snapping(TimeSource):
    def snap_m(self, lonlat: np.ndarray) -> np.ndarray: ...


@dataclass
class CarPlan:
    """The times with the hypothetical providers, and who is newly within each threshold."""

    times: pd.DataFrame  # ars, nearest_min, road_km, nearest_provider (the baseline's order)
    before_min: np.ndarray
    totals: dict[int, int]  # minutes → people beyond it before (or unreachable), within now
    newly: dict[str, pd.DataFrame]  # kreis | land → ars, newly_within_<m>min …
    places: list[str]
    asked: int = 0  # Gemeinden asked of the engine, all places together
    off_road: list[str] = field(default_factory=list)  # planned Gemeinden with no road near


class RoadPlanner:
    """Plans on one tile set for one Gemeinde frame (ars, lon, lat, x, y, kreis_ars,
    land_code, population); remembers each Gemeinde's snap distance once asked."""

    def __init__(self, router: Snapping, gemeinden: pd.DataFrame) -> None:
        self.router = router
        self.gemeinden = gemeinden.reset_index(drop=True)
        self.position = pd.Index(self.gemeinden["ars"])
        self._lonlat = self.gemeinden[["lon", "lat"]].to_numpy(float)
        self._xy = self.gemeinden[["x", "y"]].to_numpy(float)
        self._snap = np.full(len(self.gemeinden), np.nan)
        self._snapped = np.zeros(len(self.gemeinden), bool)

    def snap(self, index: np.ndarray) -> np.ndarray:
        """Metres from these Gemeinden's points to a road (NaN: none within reach)."""
        todo = index[~self._snapped[index]]
        if len(todo):
            self._snap[todo] = self.router.snap_m(self._lonlat[todo])
            self._snapped[todo] = True
        return self._snap[index]

    def plan(self, baseline: pd.DataFrame, places: list[str],
             thresholds: tuple[int, ...] = THRESHOLDS_MIN) -> CarPlan:  # fmt: skip
        """Hypothetical providers at the points of `places` (12-digit ARS; unknown ones
        raise ValueError) added to `baseline` (travel_gemeinden's frame, same order)."""
        index = self.position.get_indexer(places)
        if (index < 0).any():
            unknown = [p for p, i in zip(places, index, strict=True) if i < 0]
            raise ValueError(f"unknown Gemeinde ARS: {', '.join(unknown[:3])}")
        before = baseline["nearest_min"].to_numpy(float)
        seconds = before * 60.0
        km = baseline["road_km"].to_numpy(float).copy()
        provider = baseline["nearest_provider"].to_numpy(object).copy()
        asked, off_road = 0, []
        for place, p in zip(places, index, strict=True):
            (snap_p,) = self.snap(np.array([p]))
            if np.isnan(snap_p):
                off_road.append(place)
                continue
            candidates = self._candidates(p, seconds, snap_p)
            if len(candidates) == 0:
                continue
            asked += len(candidates)
            s, d = self.router.times_to(self._lonlat[candidates], self._lonlat[p])
            better = ~np.isnan(s) & (np.isnan(seconds[candidates]) | (s < seconds[candidates]))
            won = candidates[better]
            seconds[won], km[won] = s[better], d[better]
            provider[won] = HYPOTHETICAL_PREFIX + place
        times = baseline[["ars"]].copy()
        times["nearest_min"] = seconds / 60.0
        times["road_km"] = km
        times["nearest_provider"] = pd.Series(provider, index=times.index, dtype=object)
        totals, newly = self._newly(before, seconds / 60.0, thresholds)
        return CarPlan(times, before, totals, newly, list(places), asked, off_road)

    def _candidates(self, p: int, seconds: np.ndarray, snap_p: float) -> np.ndarray:
        """The Gemeinden whose best time the point of Gemeinde p could beat (module doc)."""
        metres = np.hypot(*(self._xy - self._xy[p]).T)
        unreached = np.isnan(seconds)
        loose = np.where(unreached, metres <= NEW_REACH_KM * 1000.0,
                         lower_bound_s(metres, SNAP_CUTOFF_M + snap_p) < np.nan_to_num(seconds))
        loose = np.flatnonzero(loose)
        if len(loose) == 0:
            return loose
        snaps = self.snap(loose)
        routable = ~np.isnan(snaps)
        loose, snaps = loose[routable], snaps[routable]
        tight = unreached[loose] | (
            lower_bound_s(metres[loose], snaps + snap_p) < seconds[loose])
        return loose[tight]

    def _newly(self, before: np.ndarray, after: np.ndarray, thresholds: tuple[int, ...]):
        people = self.gemeinden["population"].to_numpy(float)
        was_beyond = {m: np.isnan(before) | (before > m) for m in thresholds}
        gained = {m: people * (was_beyond[m] & ~np.isnan(after) & (after <= m))
                  for m in thresholds}  # fmt: skip
        totals = {m: int(round(v.sum())) for m, v in gained.items()}
        newly = {}
        for level in ("kreis", "land"):
            codes, uniques = level_codes(self.gemeinden, level)
            frame = pd.DataFrame({"ars": np.asarray(uniques, dtype=object).astype(str)})
            for m in thresholds:
                frame[f"newly_within_{m}min"] = np.round(
                    np.bincount(codes, weights=gained[m], minlength=len(uniques))
                ).astype("int64")
            frame = frame[frame.drop(columns="ars").sum(axis=1) > 0]
            newly[level] = frame.sort_values(
                [f"newly_within_{m}min" for m in thresholds], ascending=False
            ).reset_index(drop=True)
        return totals, newly
