"""Published national counts of providers (facts from studies, shown beside snapshots)."""

from __future__ import annotations

import pandas as pd

from geodata.paths import PUBLISHED_COUNTS


def published_counts() -> pd.DataFrame:
    """`as_of` (ISO date str), `category`, `region`, `count` (int), `source`."""
    table = pd.read_csv(
        PUBLISHED_COUNTS,
        dtype={"as_of": str, "category": str, "region": str, "source": str},
        keep_default_na=False,
    )
    table["count"] = table["count"].astype("int64")
    return table[["as_of", "category", "region", "count", "source"]]
