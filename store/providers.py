"""Reading the providers of a snapshot.

Snapshots never change, so the full provider frame of a snapshot is cached (a few recent
ones) and filters are applied in pandas: the dashboard and the API ask for the same
snapshot again and again. The key includes created_at, so a deleted snapshot whose id is
reused later can never be answered from the cache.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
from sqlalchemy import Engine, select

from store import schema
from store.clean import URL_FIELDS, safe_url
from store.snapshots import require_snapshot

CACHED_SNAPSHOTS = 8


def load_providers(
    engine: Engine,
    snapshot_id: int,
    category: str | None = None,
    land: str | None = None,
    kreis: str | None = None,
) -> pd.DataFrame:
    """The providers of one snapshot (columns: store.schema.PROVIDER_COLUMNS; `services` a
    list of str; missing text as NaN), ordered by category, name and source_id.
    Raises SnapshotNotFound for an unknown id."""
    snapshot = require_snapshot(engine, snapshot_id)
    frame = _snapshot_frame(engine, int(snapshot_id), snapshot["created_at"])
    keep = pd.Series(True, index=frame.index)
    if category is not None:
        keep &= frame["category"] == category
    if land is not None:
        keep &= frame["land_code"] == land
    if kreis is not None:
        keep &= frame["kreis_ars"] == kreis
    # A copy: callers may add columns without touching the cached frame.
    return frame[keep].reset_index(drop=True).copy()


@lru_cache(maxsize=CACHED_SNAPSHOTS)
def _snapshot_frame(engine: Engine, snapshot_id: int, created_at: str) -> pd.DataFrame:
    table = schema.providers
    query = (
        select(*(table.c[name] for name in schema.PROVIDER_COLUMNS))
        .where(table.c.snapshot_id == snapshot_id)
        .order_by(table.c.category, table.c.name, table.c.source_id)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    frame = pd.DataFrame.from_records(rows, columns=list(schema.PROVIDER_COLUMNS))
    frame["lon"] = frame["lon"].astype("float64")
    frame["lat"] = frame["lat"].astype("float64")
    # Only http(s) leaves the store, also from snapshots written before the ingest checked it.
    for field in URL_FIELDS:
        frame[field] = frame[field].map(safe_url)
    return frame
