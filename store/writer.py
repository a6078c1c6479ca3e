"""The one way a snapshot is stored: its rows (store.snapshots) and the access measures
derived from them (store.access) in one transaction. It sits above both, so the snapshot
writer never reaches up into store.access and store.access may read snapshots."""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import Engine

from store.snapshots import insert_snapshot


def write_snapshot(
    engine: Engine, meta: dict[str, Any], providers_df: pd.DataFrame, quality_report: dict
) -> int:
    """Validate, compute the access measures, then write snapshot, counts, providers, the
    quality report (with its `access` section) and the measures in one transaction; return
    the new snapshot id. Nothing is written on error (see `insert_snapshot` for `meta`)."""
    from store.access.persist import access_rows  # late: scipy and geography only here

    return insert_snapshot(engine, meta, providers_df, quality_report, derive=(access_rows,))
