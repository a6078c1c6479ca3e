"""What changed between two snapshots: providers new, vanished and changed (name or
address), matched by (category, source_id)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine

from store.errors import InvalidArgument
from store.schema import CATEGORIES

COMPARED: tuple[str, ...] = ("name", "street", "plz", "city")
DIFF_COLUMNS: tuple[str, ...] = (
    "change",
    "category",
    "source_id",
    "changed_fields",
    *(f"{field}_{side}" for field in COMPARED for side in ("old", "new")),
    "land_code",
    "kreis_ars",
)


def compute_diff(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Pure diff of two provider frames. One row per provider that is new, vanished or
    changed; `land_code`/`kreis_ars` from the newer side (the older one for vanished);
    `changed_fields` like "street, plz". Ordered by change, category, source_id."""
    keys = ["category", "source_id"]
    keep = keys + list(COMPARED) + ["land_code", "kreis_ars"]
    merged = old.reindex(columns=keep).merge(
        new.reindex(columns=keep), on=keys, how="outer", suffixes=("_old", "_new"), indicator=True
    )
    change = pd.Series("same", index=merged.index, dtype=object)
    change[merged["_merge"] == "right_only"] = "new"
    change[merged["_merge"] == "left_only"] = "vanished"
    both = merged["_merge"] == "both"
    differs = {
        field: both & ~_same(merged[f"{field}_old"], merged[f"{field}_new"]) for field in COMPARED
    }
    any_diff = pd.concat(differs.values(), axis=1).any(axis=1)
    change[any_diff] = "changed"
    merged["change"] = change
    merged["changed_fields"] = [
        ", ".join(f for f in COMPARED if differs[f].iat[i]) for i in range(len(merged))
    ]
    is_vanished = merged["change"] == "vanished"
    for column in ("land_code", "kreis_ars"):
        merged[column] = merged[f"{column}_new"].where(~is_vanished, merged[f"{column}_old"])
    out = merged[merged["change"] != "same"]
    order = {"new": 0, "vanished": 1, "changed": 2}
    out = out.assign(_order=out["change"].map(order)).sort_values(["_order", *keys])
    return out[list(DIFF_COLUMNS)].reset_index(drop=True).astype(object).where(
        lambda f: f.notna(), None
    )


def _same(a: pd.Series, b: pd.Series) -> pd.Series:
    # Whitespace and missing-vs-empty are not a change of address.
    left = a.fillna("").astype(str).str.strip()
    right = b.fillna("").astype(str).str.strip()
    return left == right


def diff_snapshots(
    engine: Engine, old_id: int, new_id: int, category: str | None = None
) -> pd.DataFrame:
    """compute_diff over two stored snapshots (SnapshotNotFound for an unknown id)."""
    from store.providers import load_providers

    if category is not None and category not in CATEGORIES:
        raise InvalidArgument(f"category must be one of {', '.join(CATEGORIES)}, not {category!r}")
    old = load_providers(engine, old_id, category=category)
    new = load_providers(engine, new_id, category=category)
    return compute_diff(old, new)
