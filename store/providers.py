"""Reading the providers of a snapshot, filtered in SQL."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from store import schema
from store.snapshots import require_snapshot


def load_providers(
    engine: Engine,
    snapshot_id: int,
    category: str | None = None,
    land: str | None = None,
    kreis: str | None = None,
) -> pd.DataFrame:
    """The providers of one snapshot (columns: store.schema.PROVIDER_COLUMNS; `services` a
    list of str), ordered by category and name. Raises SnapshotNotFound for an unknown id."""
    require_snapshot(engine, snapshot_id)
    table = schema.providers
    query = select(*(table.c[name] for name in schema.PROVIDER_COLUMNS)).where(
        table.c.snapshot_id == snapshot_id
    )
    if category is not None:
        query = query.where(table.c.category == category)
    if land is not None:
        query = query.where(table.c.land_code == land)
    if kreis is not None:
        query = query.where(table.c.kreis_ars == kreis)
    query = query.order_by(table.c.category, table.c.name, table.c.source_id)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    frame = pd.DataFrame.from_records(rows, columns=list(schema.PROVIDER_COLUMNS))
    frame["lon"] = frame["lon"].astype("float64")
    frame["lat"] = frame["lat"].astype("float64")
    return frame
