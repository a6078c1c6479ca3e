"""Which snapshots follow each other: the pairs a change feed compares.

A pair is two consecutive snapshots of the same series (store.served_series, never demo mixed
with real), the same source (`snapshots.source`, the portal a run read) and that both recorded
the category: a run of other categories in between is skipped, not read as "all vanished".
Pure functions on the frame of `list_snapshots`/`served_series`, and one light read of what
a diff compares (`load_compared`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, select

from store import schema
from store.errors import InvalidArgument
from store.schema import CATEGORIES
from store.times import iso


@dataclass(frozen=True)
class SnapshotPair:
    """An older and a newer snapshot of one source, compared for one category."""

    category: str
    source: str
    old_id: int
    old_taken_at: str  # ISO-8601 UTC
    new_id: int
    new_taken_at: str
    origin: str  # the newer snapshot's origin (live | replay | demo)


def consecutive_pairs(snapshots: pd.DataFrame, category: str) -> list[SnapshotPair]:
    """Consecutive pairs of `snapshots` (columns id, taken_at, origin, source,
    parsed_<category>) per source among those that recorded `category`, newest pair first."""
    if category not in CATEGORIES:
        raise InvalidArgument(f"category must be one of {', '.join(CATEGORIES)}, not {category!r}")
    recorded = snapshots[snapshots[f"parsed_{category}"].notna()]
    pairs: list[SnapshotPair] = []
    for source, group in recorded.groupby("source", sort=True):
        rows = group.sort_values(["taken_at", "id"]).to_dict("records")
        for old, new in zip(rows, rows[1:], strict=False):
            pairs.append(
                SnapshotPair(
                    category=category,
                    source=str(source),
                    old_id=int(old["id"]),
                    old_taken_at=iso(old["taken_at"]),
                    new_id=int(new["id"]),
                    new_taken_at=iso(new["taken_at"]),
                    origin=str(new["origin"]),
                )
            )
    return sorted(pairs, key=lambda p: (p.new_taken_at, p.new_id, p.old_id), reverse=True)


def feed_pairs(snapshots: pd.DataFrame, categories: tuple[str, ...]) -> list[SnapshotPair]:
    """consecutive_pairs for several categories, newest pair first, categories in the order
    given within one pair of snapshots."""
    order = {c: i for i, c in enumerate(categories)}
    pairs = [p for c in categories for p in consecutive_pairs(snapshots, c)]
    pairs.sort(key=lambda p: order[p.category])
    return sorted(pairs, key=lambda p: (p.new_taken_at, p.new_id, p.old_id), reverse=True)


def load_compared(engine: Engine, snapshot_id: int) -> pd.DataFrame:
    """Only what a diff compares and places (category, source_id, name, street, plz, city,
    land_code, kreis_ars) of one snapshot: a light read for diffing many snapshots, where
    load_providers' full frame (services, contacts, points) is not needed."""
    from store.diff import COMPARED

    table = schema.providers
    columns = ["category", "source_id", *COMPARED, "land_code", "kreis_ars"]
    query = select(*(table.c[c] for c in columns)).where(table.c.snapshot_id == snapshot_id)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return pd.DataFrame.from_records(rows, columns=columns)
