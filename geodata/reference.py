"""Published national counts of providers (facts from studies, shown beside snapshots)."""

from __future__ import annotations

import pandas as pd

from geodata.paths import OTHER_COUNTS, PUBLISHED_COUNTS

# The bodies behind published_counts_other.csv, by how their `counted_by` begins; each counts
# on its own basis, so each is a series of its own. A body not named here is its own series
# under its full `counted_by` text.
BODIES: tuple[tuple[str, str], ...] = (("BAGüS", "bagues"), ("BIH", "bih"), ("BAG WfbM", "bagwfbm"))
MEASURES: tuple[str, ...] = ("providers", "people_served")


def published_counts() -> pd.DataFrame:
    """`as_of` (ISO date str), `category`, `region`, `count` (int), `source`."""
    table = pd.read_csv(
        PUBLISHED_COUNTS,
        dtype={"as_of": str, "category": str, "region": str, "source": str},
        keep_default_na=False,
    )
    table["count"] = table["count"].astype("int64")
    return table[["as_of", "category", "region", "count", "source"]]


def _body(counted_by: str) -> str:
    for prefix, key in BODIES:
        if counted_by.startswith(prefix):
            return key
    return counted_by


def other_counts() -> pd.DataFrame:
    """Counts published by other bodies on their own counting basis (never REHADAT's):
    `as_of` (ISO date str), `category`, `region`, `measure` (providers | people_served),
    `value` (int), `counted_by`, `source`, and `body` (a short key of the counting body:
    bagues, bih, bagwfbm, else the full `counted_by`). Sorted by body, date, measure
    (providers first)."""
    table = pd.read_csv(OTHER_COUNTS, dtype=str, keep_default_na=False)
    unknown = set(table["measure"]) - set(MEASURES)
    if unknown:
        raise ValueError(f"{OTHER_COUNTS.name}: unknown measure {sorted(unknown)[0]!r}")
    table["value"] = table["value"].astype("int64")
    table["body"] = table["counted_by"].map(_body)
    columns = ["as_of", "category", "region", "measure", "value", "counted_by", "source", "body"]
    rank = table["measure"].map(MEASURES.index)
    ordered = table.assign(_rank=rank).sort_values(["body", "as_of", "_rank"])
    return ordered[columns].reset_index(drop=True)
