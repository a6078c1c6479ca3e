"""What the dashboard shows of a region-metrics frame: values, classes, caution marks, ranks.

The frame is the store's (`store.region_metrics`): one row per region with `count`,
`per_100k`, `ala_count`, `wfbm_count`, `ala_share`, `ala_per_wfbm`, `none_here`. These are
pure functions of it, so figures and tables agree and tests need no browser.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

METRICS: tuple[str, ...] = ("count", "per_100k", "ala_share", "ala_per_wfbm", "none_here")
CATEGORIES: tuple[str, ...] = ("ala", "wfbm", "ib")
LEVELS: tuple[str, ...] = ("land", "kreis")
CLASSIFICATIONS: tuple[str, ...] = ("continuous", "quantiles", "equal")
N_CLASSES = 5
# A rate resting on fewer providers than this gets a caution mark: one provider in a small
# Kreis gives a high rate by chance, and the map must not read it as a leader.
FRAGILE_MIN = 3


@dataclass(frozen=True)
class MetricSpec:
    """How one metric is read from the frame and shown."""

    key: str
    decimals: int
    numerator: str  # the count the value rests on; 0 there means "none here"
    denominator: str | None  # a count column under the value, if any (None: population)
    scale: float = 1.0  # 100 for shares shown in percent


SPECS: dict[str, MetricSpec] = {
    "count": MetricSpec("count", 0, "count", None),
    "per_100k": MetricSpec("per_100k", 2, "count", None),
    "ala_share": MetricSpec("ala_share", 1, "ala_count", "ala_wfbm_sum", scale=100.0),
    "ala_per_wfbm": MetricSpec("ala_per_wfbm", 2, "ala_count", "wfbm_count"),
    "none_here": MetricSpec("none_here", 0, "count", None),
}

RATES = ("per_100k", "ala_share", "ala_per_wfbm")


def _counts(frame: pd.DataFrame, column: str) -> pd.Series:
    if column == "ala_wfbm_sum":
        return frame["ala_count"] + frame["wfbm_count"]
    return frame[column]


def metric_values(frame: pd.DataFrame, metric: str) -> pd.Series:
    """The metric as floats, NaN where undefined; shares in percent; none_here as 1/0."""
    spec = SPECS[metric]
    if metric == "none_here":
        return frame["count"].eq(0).astype("float64")
    return frame[spec.key].astype("float64") * spec.scale


def none_mask(frame: pd.DataFrame, metric: str) -> pd.Series:
    """Regions where the count the metric rests on is zero: shown apart from "few"."""
    return _counts(frame, SPECS[metric].numerator).eq(0)


def undefined_mask(frame: pd.DataFrame, metric: str) -> pd.Series:
    """Regions with providers but no defined value (e.g. aLA per WfbM where there is no WfbM)."""
    return ~none_mask(frame, metric) & metric_values(frame, metric).isna()


def fragile_mask(frame: pd.DataFrame, metric: str) -> pd.Series:
    """Rates that rest on fewer than FRAGILE_MIN providers (numerator or denominator)."""
    if metric not in RATES:
        return pd.Series(False, index=frame.index)
    spec = SPECS[metric]
    numerator = _counts(frame, spec.numerator)
    small = numerator.between(1, FRAGILE_MIN - 1)
    if spec.denominator is not None:
        small |= numerator.gt(0) & _counts(frame, spec.denominator).lt(FRAGILE_MIN)
    return small & metric_values(frame, metric).notna()


@dataclass(frozen=True)
class Classes:
    """A classification of values into steps: `index` per value (NaN where no value),
    `edges` the step boundaries (len = steps + 1)."""

    index: pd.Series
    edges: tuple[float, ...]

    @property
    def steps(self) -> int:
        return len(self.edges) - 1


def classify(values: pd.Series, scheme: str, k: int = N_CLASSES) -> Classes:
    """Put the values in at most k steps: `quantiles` (equal numbers of regions per step,
    fewer steps where values repeat) or `equal` (steps of equal width). NaN stays NaN."""
    if scheme not in ("quantiles", "equal"):
        raise ValueError(f"scheme must be 'quantiles' or 'equal', not {scheme!r}")
    present = values.dropna()
    if present.empty:
        return Classes(pd.Series(np.nan, index=values.index), (0.0, 1.0))
    low, high = float(present.min()), float(present.max())
    if low == high:
        return Classes(values.where(values.isna(), 0.0), (low, high))
    if scheme == "quantiles":
        edges = np.unique(np.quantile(present, np.linspace(0, 1, k + 1)))
    else:
        edges = np.linspace(low, high, k + 1)
    inner = edges[1:-1]
    # right-closed steps except the first: a value on an edge joins the lower step
    index = np.searchsorted(inner, present.to_numpy(), side="left").astype("float64")
    out = pd.Series(np.nan, index=values.index)
    out.loc[present.index] = index
    return Classes(out, tuple(float(e) for e in edges))


def rank_of(frame: pd.DataFrame, metric: str, code: str) -> tuple[int | None, int]:
    """Rank (1 = highest value, ties share the better rank) of region `code` among the rows
    of `frame` with a value, and how many rows have one. None if the region has no value."""
    values = metric_values(frame, metric)
    values.index = frame["code"].to_numpy()
    present = values.dropna()
    if code not in present.index:
        return None, int(len(present))
    ranks = present.rank(ascending=False, method="min")
    return int(ranks[code]), int(len(present))


def total_row(frame: pd.DataFrame, name: str, code: str = "") -> dict[str, object]:
    """The frame's regions summed: counts and population added, rates recomputed from sums."""
    population = int(frame["population"].sum())
    count = int(frame["count"].sum())
    ala = int(frame["ala_count"].sum())
    wfbm = int(frame["wfbm_count"].sum())
    return {
        "code": code,
        "name": name,
        "population": population,
        "count": count,
        "per_100k": count / population * 100_000 if population else None,
        "ala_count": ala,
        "wfbm_count": wfbm,
        "ala_share": ala / (ala + wfbm) if ala + wfbm else None,
        "ala_per_wfbm": ala / wfbm if wfbm else None,
        "none_here": count == 0,
    }
