"""Per-Gemeinde car minutes → Kreis, Land and Germany figures, weighted by population (pure).

Per region: population-weighted mean and median minutes, people beyond each threshold
(minutes), and the people who reach no provider by road. Unreachable Gemeinden count as
beyond every threshold and as infinitely far for the median; the mean is over the people
who reach one (a mean with infinity would say nothing), so `pop_unreachable` travels with it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from store.access.aggregate import LEVELS, level_codes, weighted_median

THRESHOLDS_MIN: tuple[int, ...] = (15, 30, 45, 60)


def aggregate_minutes(
    gemeinden: pd.DataFrame,
    minutes: np.ndarray,
    level: str,
    thresholds: tuple[int, ...] = THRESHOLDS_MIN,
    defined: bool = True,
) -> pd.DataFrame:
    """One row per region of `level` (kreis | land | germany), sorted by code: ars,
    mean_min, median_min, pop_beyond_<m>min…, pop_unreachable. `defined` False (no
    provider of the kind): every figure is missing, never 0."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    codes, index = level_codes(gemeinden, level)
    k = len(index)
    people = gemeinden["population"].to_numpy().astype(float)
    minutes = np.asarray(minutes, float)
    unreachable = np.isnan(minutes)

    def total(weights: np.ndarray) -> np.ndarray:
        return np.bincount(codes, weights=weights, minlength=k)

    out: dict[str, object] = {"ars": np.asarray(index, dtype=object).astype(str)}
    if not defined:
        for column in ("mean_min", "median_min"):
            out[column] = np.full(k, np.nan)
        for m in (*thresholds, None):
            name = "pop_unreachable" if m is None else f"pop_beyond_{m}min"
            out[name] = pd.array([pd.NA] * k, dtype="Int64")
        return pd.DataFrame(out)
    reached = total(people * ~unreachable)
    reached_min = np.where(unreachable, 0.0, minutes)
    out["mean_min"] = np.divide(total(people * reached_min), reached,
                                out=np.full(k, np.nan), where=reached > 0)  # fmt: skip
    median = weighted_median(np.where(unreachable, np.inf, minutes), people, codes)
    out["median_min"] = np.where(np.isinf(median), np.nan, median)
    for m in thresholds:
        beyond = total(people * (unreachable | (reached_min > m)))
        out[f"pop_beyond_{m}min"] = np.round(beyond).astype("int64")
    out["pop_unreachable"] = np.round(total(people * unreachable)).astype("int64")
    return pd.DataFrame(out)
