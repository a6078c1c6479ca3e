"""What the dashboard shows of a region-metrics frame: values, classes, caution marks, ranks.

The frame is the store's (`store.region_metrics`): one row per region with `count`,
`per_100k`, `ala_count`, `wfbm_count`, `ala_share`, `ala_per_wfbm`, `none_here`. These are
pure functions of it, so figures and tables agree and tests need no browser.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

METRICS: tuple[str, ...] = ("count", "per_100k", "ala_share", "ala_per_wfbm", "none_here")
CATEGORIES: tuple[str, ...] = ("ala", "wfbm", "ib")
LEVELS: tuple[str, ...] = ("land", "kreis")
# rates: classed by default (a legend of ranges reads better than a ramp); counts always get
# whole-number classes of their own (count_bounds), whatever is chosen here
CLASSIFICATIONS: tuple[str, ...] = ("quantiles", "equal", "continuous")
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


def is_recorded(frame: pd.DataFrame) -> bool:
    """False for the frame of a category the snapshot's run did not cover (see mark_unrecorded)."""
    return bool(frame.attrs.get("recorded", True))


def mark_unrecorded(frame: pd.DataFrame, category: str, recorded: Iterable[str]) -> pd.DataFrame:
    """Blank what rests on categories the snapshot's run did not cover: their counts (and the
    aLA/WfbM comparisons) become NaN, and a frame of such a category gets NaN counts and
    attrs["recorded"] False. Zeros there would claim "no provider here" where the truth is
    "not looked at". A frame without such numbers is returned as it is."""
    covered = set(recorded)
    unknown = [f"{cat}_count" for cat in ("ala", "wfbm") if cat not in covered]
    if unknown:
        unknown += ["ala_share", "ala_per_wfbm"]
    if category not in covered:
        unknown += ["count", "per_100k", "none_here"]
    if not unknown:
        return frame
    out = frame.copy()
    out.attrs = dict(frame.attrs, recorded=category in covered)
    for column in unknown:
        out[column] = pd.Series(np.nan, index=out.index, dtype="float64")
    return out


def metric_values(frame: pd.DataFrame, metric: str) -> pd.Series:
    """The metric as floats, NaN where undefined; shares in percent; none_here as 1/0."""
    spec = SPECS[metric]
    if metric == "none_here":
        return frame["count"].eq(0).astype("float64").where(frame["count"].notna())
    return frame[spec.key].astype("float64") * spec.scale


def none_mask(frame: pd.DataFrame, metric: str) -> pd.Series:
    """Regions where the count the metric rests on is zero: shown apart from "few". None in
    the frame of a category the snapshot did not record (nothing is known there)."""
    if not is_recorded(frame):
        return pd.Series(False, index=frame.index)
    return _counts(frame, SPECS[metric].numerator).eq(0)


def undefined_mask(frame: pd.DataFrame, metric: str) -> pd.Series:
    """Regions with providers but no defined value (e.g. aLA per WfbM where there is no WfbM).
    Counts not recorded at all are neither "none" nor "undefined"."""
    if not is_recorded(frame):
        return pd.Series(False, index=frame.index)
    recorded = _counts(frame, SPECS[metric].numerator).notna()
    return recorded & ~none_mask(frame, metric) & metric_values(frame, metric).isna()


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
    """A classification of values into steps: `index` per value (NaN where no value) and
    `bounds`, the lowest and highest value each step covers (steps are closed intervals)."""

    index: pd.Series
    bounds: tuple[tuple[float, float], ...]

    @property
    def steps(self) -> int:
        return len(self.bounds)


def classify(values: pd.Series, scheme: str, k: int = N_CLASSES, integer: bool = False) -> Classes:
    """Put the values in at most k steps: `quantiles` (about equal numbers of regions per
    step, fewer steps where values repeat) or `equal` (steps of equal width). With `integer`
    (counts), step bounds are whole numbers and each count falls in exactly one step, one step
    per distinct count when there are at most k of them. NaN stays NaN."""
    if scheme not in ("quantiles", "equal"):
        raise ValueError(f"scheme must be 'quantiles' or 'equal', not {scheme!r}")
    present = values.dropna()
    out = pd.Series(np.nan, index=values.index)
    if present.empty:
        return Classes(out, ())
    low, high = float(present.min()), float(present.max())
    distinct = np.unique(present.to_numpy())
    if integer and len(distinct) <= k:
        out.loc[present.index] = np.searchsorted(distinct, present.to_numpy()).astype("float64")
        return Classes(out, tuple((float(v), float(v)) for v in distinct))
    if low == high:
        out.loc[present.index] = 0.0
        return Classes(out, ((low, high),))
    if scheme == "quantiles":
        edges = np.quantile(present, np.linspace(0, 1, k + 1))
    else:
        edges = np.linspace(low, high, k + 1)
    if integer:
        edges = np.round(edges)
    edges = np.unique(edges)
    inner = edges[1:-1]
    # a value on an inner edge joins the lower step: steps are (e_i, e_i+1], the first closed
    index = np.searchsorted(inner, present.to_numpy(), side="left")
    out.loc[present.index] = index.astype("float64")
    bounds = []
    for i in range(len(edges) - 1):
        lo, hi = float(edges[i]), float(edges[i + 1])
        if integer and i > 0:
            lo += 1  # (e_i, e_i+1] in whole numbers starts at e_i + 1
        bounds.append((lo, hi))
    return Classes(out, tuple(bounds))


# lower bounds a count class may start at: round numbers a reader can add up in their head
_NICE_STEPS = (1, 2, 3, 4, 5, 6, 8)
NICE_COUNTS: tuple[int, ...] = tuple(
    sorted({n * 10**d for d in range(5) for n in _NICE_STEPS if n * 10**d >= 1})
)


def _snap_down(value: float) -> int:
    return max(n for n in NICE_COUNTS if n <= max(value, 1))


def count_bounds(values: pd.Series, k: int = N_CLASSES) -> tuple[tuple[float, float], ...]:
    """Whole-number classes for counts, from the data: one class per count when there are at
    most k distinct counts above zero (1 | 2 | 3 | 4), otherwise classes starting at round
    numbers near the quantiles (1 | 2 | 3–4 | 5–9 | 10+). Zero is never a class: "no
    provider" is drawn apart. The last class reaches the largest count."""
    positive = values.dropna()
    positive = positive[positive > 0]
    if positive.empty:
        return ()
    distinct = np.unique(positive.to_numpy())
    if len(distinct) <= k:
        return tuple((float(v), float(v)) for v in distinct)
    # 1 and 2 keep classes of their own where they occur (one provider or two is the point
    # where small numbers mislead); the other classes start at round numbers near quantiles
    small = [v for v in (1, 2) if (positive == v).any()]
    floor = small[-1] + 1 if small else 1
    rest = positive[positive >= floor].to_numpy()
    quantiles = np.quantile(rest, np.linspace(0, 1, k - len(small) + 1)[:-1])
    lows = sorted(set(small) | {max(_snap_down(q), floor) for q in quantiles})
    top = float(distinct.max())
    bounds = []
    for i, low in enumerate(lows):
        high = float(lows[i + 1] - 1) if i + 1 < len(lows) else top
        bounds.append((float(low), high))
    return tuple(bounds)


@dataclass(frozen=True)
class Scale:
    """The colour scale of a map, possibly shared by several maps (the comparison, every
    snapshot of a series): class `bounds` (closed, ascending; empty for a continuous ramp),
    the value range `low`–`high`, whether the values are whole numbers, and `decimals`, the
    precision values are shown in: a value is classed as it is shown, so the classes never
    share an edge in the legend ("0,09 – 0,26", "0,27 – 0,39")."""

    bounds: tuple[tuple[float, float], ...]
    low: float
    high: float
    integer: bool = False
    decimals: int = 0

    @property
    def classed(self) -> bool:
        return bool(self.bounds)

    def assign(self, values: pd.Series) -> pd.Series:
        """The class index of each value (NaN stays NaN), after rounding it as it is shown;
        values above the last bound join the last class, below the first the first."""
        out = pd.Series(np.nan, index=values.index)
        present = values.dropna()
        if present.empty or not self.bounds:
            return out
        highs = np.array([hi for _, hi in self.bounds])
        shown = np.array([round(float(v), self.decimals) for v in present])
        index = np.searchsorted(highs, shown, side="left")
        out.loc[present.index] = np.clip(index, 0, len(highs) - 1).astype("float64")
        return out


def shown_values(frame: pd.DataFrame, metric: str) -> pd.Series:
    """The values a map colours: defined, and not in a region without a provider (those are
    drawn apart)."""
    values = metric_values(frame, metric)
    return values[~none_mask(frame, metric) & values.notna()]


def map_scale(values: pd.Series, metric: str, scheme: str) -> Scale:
    """The scale for `values` (the shown values of one or several maps, of one or several
    snapshots): counts get whole-number classes (count_bounds), rates the chosen scheme
    (quantiles, equal or continuous) over the values rounded as shown, with bounds in that
    precision, so neighbouring classes never share a shown value."""
    present = values.dropna()
    low = float(present.min()) if len(present) else 0.0
    high = float(present.max()) if len(present) else 1.0
    if metric == "count":
        return Scale(count_bounds(present), low, high, integer=True)
    decimals = SPECS[metric].decimals
    if scheme == "continuous" or metric == "none_here" or present.empty:
        return Scale((), low, high, decimals=decimals)
    # classed as whole numbers of the last shown digit (0,26 is 26 hundredths), so each
    # class starts one shown step above the last one's end
    unit = 10**decimals
    steps = pd.Series([round(round(float(v), decimals) * unit) for v in present],
                      dtype="float64")
    bounds = classify(steps, scheme, integer=True).bounds
    in_unit = tuple((lo / unit, hi / unit) for lo, hi in bounds)
    return Scale(in_unit, low, high, decimals=decimals)


def pooled_scale(frames: Iterable[pd.DataFrame], metric: str, scheme: str) -> Scale:
    """One scale over the shown values of several frames (snapshots, categories): a value
    gets the same class and colour in each of them."""
    parts = [shown_values(frame, metric) for frame in frames]
    joined = pd.concat(parts, ignore_index=True) if parts else pd.Series(dtype="float64")
    return map_scale(joined, metric, scheme)


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
    count = _total(frame["count"])
    ala = _total(frame["ala_count"])
    wfbm = _total(frame["wfbm_count"])
    both = None if ala is None or wfbm is None else ala + wfbm
    return {
        "code": code,
        "name": name,
        "population": population,
        "count": count,
        "per_100k": count / population * 100_000 if population and count is not None else None,
        "ala_count": ala,
        "wfbm_count": wfbm,
        "ala_share": ala / both if both else None,
        "ala_per_wfbm": ala / wfbm if wfbm and ala is not None else None,
        "none_here": None if count is None else count == 0,
    }


def _total(counts: pd.Series) -> int | None:
    """The sum of a count column; None when any count is unknown (not recorded)."""
    return None if counts.isna().any() else int(counts.sum())
