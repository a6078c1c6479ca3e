"""Colour scales that keep their meaning over time.

A map's classes and colours are derived from every snapshot of the shown snapshot's series
(store.served_series: one source, oldest to newest), not from the shown snapshot alone: a
Kreis whose count stays 3 keeps its colour while the timeline plays, and "2" is the same
colour on every date. A new snapshot in the series may move the classes of all its dates
together (the scale is kept per list of snapshots). Reads through AtlasData; the classing
itself is dashboard.model.metrics (pooled_scale), pure.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.model import metrics
from dashboard.model.data import AtlasData, map_frame


def series_ids(data: AtlasData, snapshot_id: int) -> tuple[int, ...]:
    """The ids of the snapshots in `snapshot_id`'s series, oldest first (AtlasData.series_ids,
    cached)."""
    return data.series_ids(snapshot_id)


def series_scale(
    data: AtlasData, snapshot_id: int, level: str, categories: Sequence[str], metric: str,
    classes: str,
) -> metrics.Scale:
    """One scale for `metric` at `level` over the shown values of `categories` (one, or the
    comparison's three) in every snapshot of `snapshot_id`'s series. A category a snapshot
    did not record adds no values (its frame holds NaN, never zeros)."""
    if metric not in metrics.METRICS:
        raise ValueError(f"metric must be one of {', '.join(metrics.METRICS)}, not {metric!r}")
    members = series_ids(data, snapshot_id)
    return data.memo(
        ("series-scale", members, level, tuple(categories), metric, classes),
        lambda: metrics.pooled_scale(
            (map_frame(data, sid, level, cat) for sid in members for cat in categories),
            metric, classes,
        ),
    )


# metrics whose three comparison maps (aLA, WfbM, IB side by side) share one scale: counts
# and rates per inhabitant compare across categories; the aLA/WfbM ratios do not
SHARED_METRICS = ("count", "per_100k")


def comparison_scale(
    data: AtlasData, snapshot_id: int, level: str, category: str, metric: str, classes: str
) -> metrics.Scale:
    """The scale of `category`'s map in the comparison: shared by the three categories where
    the metric compares across them, else its own; over the whole series either way."""
    shared = metric in SHARED_METRICS
    categories = metrics.CATEGORIES if shared else (category,)
    return series_scale(data, snapshot_id, level, categories, metric, classes)


def change_bound(
    data: AtlasData, snapshot_ids: Sequence[int], level: str, category: str, per_100k: bool
) -> float:
    """The change map's fixed colour range (-bound … +bound): the largest change of one region
    between any two of `snapshot_ids` (the series' snapshots that recorded `category`), so
    "+1" has the same shade whichever pair is compared. At least 1 (a count) or a hair above
    0 (a rate), so a series without change still has a range."""
    members = tuple(int(i) for i in snapshot_ids)
    return data.memo(
        ("change-bound", members, level, category, per_100k),
        lambda: largest_span(
            [data.region_metrics(sid, level, category) for sid in members], per_100k
        ),
    )


def largest_span(frames: Sequence[pd.DataFrame], per_100k: bool) -> float:
    """max over regions of (largest count - smallest count) across `frames` (region metrics
    of one level and category), per 100,000 inhabitants with `per_100k`."""
    floor = 1e-9 if per_100k else 1.0
    if not frames:
        return floor
    counts = pd.concat([f.set_index("code")["count"] for f in frames], axis=1)
    span = (counts.max(axis=1) - counts.min(axis=1)).astype("float64")
    if per_100k:
        population = frames[-1].set_index("code")["population"].astype("float64")
        span = (span / population.reindex(span.index) * 100_000).round(3)
    largest = span.max()
    return max(float(largest) if pd.notna(largest) else 0.0, floor)
