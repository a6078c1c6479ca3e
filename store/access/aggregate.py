"""Per-Gemeinde measures → Kreis, Land and Germany figures, weighted by population (pure).

Each region: population; population-weighted mean and median distance (km, Luftlinie);
people and share beyond each threshold; people with no provider of the kind in their own
Kreis; 2SFCA providers per 100,000 within the catchment (population-weighted mean of the
Gemeinden's scores); people whose nearest provider is placed only at Kreis level (their
distance may be off by up to the size of that Kreis). Where distances are undefined (no
provider of the kind), the distance figures are missing, never 0.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

LEVELS: tuple[str, ...] = ("kreis", "land", "germany")
THRESHOLDS_KM: tuple[int, ...] = (10, 25, 50)
# The 2SFCA column, a public field of /api/access, its exports and the stored frames: its
# name states the catchment (measures.CATCHMENT_KM, 50 km) and is kept fixed for the readers
# of the API. A change of the catchment must rename it (and say so in the README); a test
# fails while name and catchment disagree (tests/store/test_access_constants.py).
SFCA_COLUMN = "providers_per_100k_within_50km"
_KEY = {"kreis": "kreis_ars", "land": "land_code"}


def weighted_median(values: np.ndarray, weights: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Per group code 0…k-1: the smallest value whose cumulative weight reaches half the
    group's weight (NaN for a group without weight)."""
    k = int(groups.max()) + 1 if len(groups) else 0
    order = np.lexsort((values, groups))
    g, v, w = groups[order], values[order], weights[order].astype(float)
    cumulative = np.cumsum(w)
    totals = np.bincount(g, weights=w, minlength=k)
    before = np.concatenate([[0.0], np.cumsum(totals)[:-1]])
    within = cumulative - before[g]
    reached = np.flatnonzero((within >= totals[g] / 2.0) & (totals[g] > 0))
    # positions are sorted within each group: the first occurrence per group is its median
    groups_reached, first = np.unique(g[reached], return_index=True)
    out = np.full(k, np.nan)
    out[groups_reached] = v[reached[first]]
    return out


_CODES: dict[tuple, tuple[np.ndarray, pd.Index]] = {}


def level_codes(gemeinden: pd.DataFrame, level: str) -> tuple[np.ndarray, pd.Index]:
    """(region code 0…k-1 per Gemeinde, the region keys sorted). Cached per frame shape and
    ends, since a planning step asks for the same 10,997 Gemeinden again and again."""
    if level == "germany":
        return np.zeros(len(gemeinden), int), pd.Index(["DE"])
    column = gemeinden[_KEY[level]]
    key = (level, len(column), *column.iloc[[0, -1]].tolist(), *gemeinden["ars"].iloc[[0, -1]])
    if key not in _CODES:
        codes, uniques = pd.factorize(column, sort=True)
        _CODES.clear() if len(_CODES) > 16 else None
        _CODES[key] = (codes, pd.Index(uniques))
    return _CODES[key]


@lru_cache(maxsize=2)
def _name_table(level: str) -> dict[str, str]:
    import geodata  # late: tests of the pure parts need no reference geography

    table = geodata.region_table(level)
    return dict(zip(table["code"], table["name"].astype(str), strict=True))


def _names(level: str, codes: pd.Index) -> list[str]:
    if level == "germany":
        return ["Deutschland"]
    table = _name_table(level)
    return [table.get(code, code) for code in codes]


def aggregate(
    gemeinden: pd.DataFrame,
    measures: pd.DataFrame,
    level: str,
    thresholds: tuple[int, ...] = THRESHOLDS_KM,
    names: bool = True,
) -> pd.DataFrame:
    """One row per region of `level` (kreis | land | germany), sorted by code.

    gemeinden: ars, kreis_ars, land_code, population (gemeinde_frame order);
    measures: nearest_km, own_kreis, sfca_per_100k, kreis_placed in the same order.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    codes, index = level_codes(gemeinden, level)
    k = len(index)
    people = gemeinden["population"].to_numpy().astype(float)
    distance = measures["nearest_km"].to_numpy(dtype=float)
    defined = not np.isnan(distance).all()

    def total(weights: np.ndarray) -> np.ndarray:
        return np.bincount(codes, weights=weights, minlength=k)

    population = total(people)
    # Columns gathered in a dict and the frame built once (a planning step aggregates three
    # levels; inserting column by column cost more than the arithmetic).
    out: dict[str, object] = {"ars": np.asarray(index, dtype=object).astype(str)}
    if names:
        out["name"] = _names(level, index)
    out["population"] = population.astype("int64")
    if defined:
        out["mean_km"] = total(people * distance) / population
        out["median_km"] = weighted_median(distance, people, codes)
    else:
        out["mean_km"] = out["median_km"] = np.full(k, np.nan)
    for km in thresholds:
        if defined:
            beyond = total(people * (distance > km))
            out[f"pop_beyond_{km}km"] = np.round(beyond).astype("int64")
        else:  # undefined, not zero: a nullable column of NA
            beyond = np.full(k, np.nan)
            out[f"pop_beyond_{km}km"] = pd.array([pd.NA] * k, dtype="Int64")
        out[f"share_beyond_{km}km"] = beyond / population
    no_own = total(people * ~measures["own_kreis"].to_numpy(dtype=bool))
    out["pop_no_provider_in_kreis"] = no_own.astype("int64")
    sfca = total(people * measures["sfca_per_100k"].to_numpy(dtype=float)) / population
    out[SFCA_COLUMN] = sfca
    kreis_placed = total(people * measures["kreis_placed"].to_numpy(dtype=bool))
    out["pop_nearest_kreis_placed"] = kreis_placed.astype("int64")
    return pd.DataFrame(out)


def germany_summary(gemeinden: pd.DataFrame, measures: pd.DataFrame) -> dict:
    """The one Germany row as a plain dict (NaN → None)."""
    row = aggregate(gemeinden, measures, "germany").iloc[0].to_dict()
    return {k: (None if pd.isna(v) else v) for k, v in row.items()}
