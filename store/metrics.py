"""Region metrics: pure functions on frames, plus the one that reads a snapshot.

Every region of the level appears (16 Länder, 401 Kreise), with zero where there is no
provider. Providers that could not be placed at the level (geocode_quality none, or only the
Land known at Kreis level) are counted nowhere regionally; unplaced_counts reports them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import Engine

from store.errors import CategoryNotInSnapshot, InvalidArgument
from store.schema import CATEGORIES

LEVELS: tuple[str, ...] = ("land", "kreis")
KEY_BY_LEVEL = {"land": "land_code", "kreis": "kreis_ars"}
METRIC_COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "bez",
    "land_code",
    "land",
    "population",
    "population_as_of",
    "count",
    "per_100k",
    "ala_count",
    "wfbm_count",
    "ala_share",
    "ala_per_wfbm",
    "none_here",
)


def check_level_category(level: str, category: str) -> None:
    if level not in LEVELS:
        raise InvalidArgument(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    if category not in CATEGORIES:
        raise InvalidArgument(f"category must be one of {', '.join(CATEGORIES)}, not {category!r}")


def _placed(providers_df: pd.DataFrame, level: str, codes: pd.Index) -> pd.DataFrame:
    key = KEY_BY_LEVEL[level]
    located = providers_df["geocode_quality"].ne("none") & providers_df[key].notna()
    placed = providers_df[located]
    return placed[placed[key].isin(codes)]


def unplaced_counts(
    providers_df: pd.DataFrame, level: str, category: str, regions: pd.DataFrame | None = None
) -> dict[str, int]:
    """How many providers of the category are missing from the level's table, and why:
    `not_located` (geocode_quality none), `coarser_than_level` (e.g. only the Land known at
    Kreis level), `unknown_region` (a code the region table does not have)."""
    check_level_category(level, category)
    regions = _regions(level, regions)
    key = KEY_BY_LEVEL[level]
    of_category = providers_df[providers_df["category"] == category]
    not_located = of_category["geocode_quality"].eq("none")
    coarse = ~not_located & of_category[key].isna()
    unknown = ~not_located & of_category[key].notna() & ~of_category[key].isin(regions["code"])
    return {
        "not_located": int(not_located.sum()),
        "coarser_than_level": int(coarse.sum()),
        "unknown_region": int(unknown.sum()),
    }


def _regions(level: str, regions: pd.DataFrame | None) -> pd.DataFrame:
    if regions is not None:
        return regions
    import geodata  # imported late: the pure functions are testable with hand-made regions

    return geodata.region_table(level)


def compute_region_metrics(
    providers_df: pd.DataFrame,
    level: str,
    category: str,
    regions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per region of `level` (ordered by code) with the columns METRIC_COLUMNS.

    `count` and `per_100k` are for `category`; `ala_share` (aLA / (aLA + WfbM)) and
    `ala_per_wfbm` compare the two whatever the category, NaN where undefined (no WfbM).
    `regions` defaults to geodata.region_table(level); tests pass small hand-made frames.
    """
    check_level_category(level, category)
    regions = _regions(level, regions).sort_values("code").reset_index(drop=True)
    key = KEY_BY_LEVEL[level]
    placed = _placed(providers_df, level, pd.Index(regions["code"]))
    counts = (
        placed.groupby([key, "category"]).size().unstack(fill_value=0)
        if len(placed)
        else pd.DataFrame()
    )
    counts = counts.reindex(index=regions["code"], columns=list(CATEGORIES), fill_value=0)
    out = regions.copy()
    for column in ("bez", "land_code", "land", "population_as_of"):
        if column not in out.columns:
            out[column] = None
    out["population"] = out["population"].astype("int64")
    out["count"] = counts[category].to_numpy().astype("int64")
    out["ala_count"] = counts["ala"].to_numpy().astype("int64")
    out["wfbm_count"] = counts["wfbm"].to_numpy().astype("int64")
    population = out["population"].astype("float64").replace(0, np.nan)
    out["per_100k"] = out["count"] / population * 100_000
    both = (out["ala_count"] + out["wfbm_count"]).astype("float64").replace(0, np.nan)
    out["ala_share"] = out["ala_count"] / both
    wfbm = out["wfbm_count"].astype("float64").replace(0, np.nan)
    out["ala_per_wfbm"] = out["ala_count"] / wfbm
    out["none_here"] = out["count"].eq(0)
    out = out[list(METRIC_COLUMNS)]
    out.attrs = {
        "level": level,
        "category": category,
        "unplaced": unplaced_counts(providers_df, level, category, regions),
    }
    return out


def region_metrics(engine: Engine, snapshot_id: int, level: str, category: str) -> pd.DataFrame:
    """compute_region_metrics over the providers of a stored snapshot (SnapshotNotFound for
    an unknown id). The frame's attrs carry level, category, unplaced counts and snapshot."""
    from store.providers import load_providers
    from store.snapshots import require_snapshot

    check_level_category(level, category)
    snapshot = require_snapshot(engine, snapshot_id)
    if category not in snapshot["counts"]:
        raise CategoryNotInSnapshot(snapshot_id, category)
    providers = load_providers(engine, snapshot_id)
    frame = compute_region_metrics(providers, level, category)
    if not {"ala", "wfbm"} <= set(snapshot["counts"]):
        # A run without aLA or WfbM cannot compare the two: no number beats a wrong one.
        frame["ala_share"] = np.nan
        frame["ala_per_wfbm"] = np.nan
    frame.attrs["snapshot"] = snapshot
    return frame
