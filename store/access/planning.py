"""What if: hypothetical providers at chosen Gemeinden, measured against a stored baseline.

Incremental: only the distances to the new points are computed (a cKDTree of a few points,
queried by 10,997 Gemeinden) and combined with the baseline by a minimum; the 2SFCA ratio of
an existing provider depends only on population, so the new providers' ratios are added to
the baseline scores. Nothing here is ever stored.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from store.access.aggregate import _KEY, level_codes
from store.access.measures import (
    CATCHMENT_KM,
    catchment_pairs,
    catchment_scores,
    provider_ratios,
)

HYPOTHETICAL_PREFIX = "hypothetisch:"
# every threshold the page offers: exports count the newly reached for the chosen one
PLAN_THRESHOLDS_KM: tuple[int, ...] = (10, 25, 50)


@dataclass
class PlanResult:
    """The measures with the hypothetical providers, and who newly gets one within reach."""

    measures: pd.DataFrame  # same columns and order as the baseline's Gemeinde frame
    newly: dict[str, pd.DataFrame]  # level (kreis | land) → ars, newly_within_10km, …
    totals: dict[str, int]  # newly_within_{10,25,50}km for Germany
    places: list[str]  # the hypothetical Gemeinden's ARS, as given (known ones only)


def plan(
    gemeinden: pd.DataFrame,
    baseline: pd.DataFrame,
    places: list[str],
    catchment_km: float = CATCHMENT_KM,
    tree: cKDTree | None = None,
) -> PlanResult:
    """Add one hypothetical provider at the representative point of each Gemeinde in
    `places` (12-digit ARS; unknown ones raise ValueError) to `baseline` (an
    AccessResult.gemeinden frame, in gemeinde_frame order)."""
    position = pd.Index(gemeinden["ars"])
    index = position.get_indexer(places)
    if (index < 0).any():
        unknown = [p for p, i in zip(places, index, strict=True) if i < 0]
        raise ValueError(f"unknown Gemeinde ARS: {', '.join(map(str, unknown[:3]))}")
    measures = baseline.copy()
    if len(index) == 0:
        zero = {f"newly_within_{km}km": 0 for km in PLAN_THRESHOLDS_KM}
        return PlanResult(measures, _by_region(gemeinden, {}), zero, [])
    gem_xy = gemeinden[["x", "y"]].to_numpy()
    new_xy = gem_xy[index]
    new_km, which = cKDTree(new_xy).query(gem_xy, k=1)
    new_km = new_km / 1000.0
    before = baseline["nearest_km"].to_numpy(dtype=float)
    closer = np.isnan(before) | (new_km < before)
    after = np.where(closer, new_km, before)
    measures["nearest_km"] = after
    labels = np.array([HYPOTHETICAL_PREFIX + p for p in places], dtype=object)
    measures["nearest_provider"] = np.where(closer, labels[which], baseline["nearest_provider"])
    measures["kreis_placed"] = baseline["kreis_placed"].to_numpy(bool) & ~closer
    kreise = set(gemeinden["kreis_ars"].to_numpy()[index])
    measures["own_kreis"] = baseline["own_kreis"].to_numpy(bool) | gemeinden["kreis_ars"].isin(
        kreise
    ).to_numpy()
    tree = cKDTree(gem_xy) if tree is None else tree
    population = gemeinden["population"].to_numpy(dtype=float)
    pairs = catchment_pairs(new_xy, tree, catchment_km)
    ratios = provider_ratios(pairs, population, len(new_xy))
    measures["sfca_per_100k"] = baseline["sfca_per_100k"].to_numpy(float) + catchment_scores(
        pairs, ratios, len(gemeinden)
    )
    newly = {}
    for km in PLAN_THRESHOLDS_KM:
        was_within = ~np.isnan(before) & (before <= km)
        newly[km] = population * (~was_within & (after <= km))
    totals = {f"newly_within_{km}km": int(round(v.sum())) for km, v in newly.items()}
    return PlanResult(measures, _by_region(gemeinden, newly), totals, list(places))


def _by_region(gemeinden: pd.DataFrame, newly: dict[int, np.ndarray]) -> dict[str, pd.DataFrame]:
    out = {}
    for level in _KEY:
        codes, uniques = level_codes(gemeinden, level)
        frame = pd.DataFrame({"ars": np.asarray(uniques, dtype=object)})
        for km in PLAN_THRESHOLDS_KM:
            people = newly.get(km, np.zeros(len(gemeinden)))
            frame[f"newly_within_{km}km"] = np.round(
                np.bincount(codes, weights=people, minlength=len(uniques))
            ).astype("int64")
        frame = frame[frame.drop(columns="ars").sum(axis=1) > 0]
        out[level] = frame.sort_values(
            [f"newly_within_{km}km" for km in reversed(PLAN_THRESHOLDS_KM)], ascending=False
        ).reset_index(drop=True)
    return out
