"""The quality report written with every snapshot: what was expected, what was parsed, how
well it geocoded, and which entries located only to Kreis or Land (or not at all) and why."""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import Engine, select

from store import schema
from store.snapshots import require_snapshot

REPORT_VERSION = 1
_LISTED = ("source_id", "category", "name", "plz", "city", "geocode_quality", "geocode_note")


def build_quality_report(
    providers_df: pd.DataFrame,
    expected: dict[str, int | None],
    problems: list[str] | None = None,
) -> dict[str, Any]:
    """A JSON-able report. `expected` maps each covered category to the site's total."""
    by_category: dict[str, Any] = {}
    for category, total in expected.items():
        rows = providers_df[providers_df["category"] == category]
        quality = rows["geocode_quality"].value_counts()
        by_category[category] = {
            "expected_total": total,
            "parsed": int(len(rows)),
            "geocode_quality": {q: int(quality.get(q, 0)) for q in schema.GEOCODE_QUALITIES},
        }
    coarse = providers_df[providers_df["geocode_quality"] != "gemeinde"]
    coarse = coarse.reindex(columns=list(_LISTED)).sort_values(["category", "source_id"])
    entries = coarse.astype(object).where(coarse.notna(), None).to_dict("records")
    quality_all = providers_df["geocode_quality"].value_counts()
    return {
        "version": REPORT_VERSION,
        "categories": by_category,
        "geocode_quality": {q: int(quality_all.get(q, 0)) for q in schema.GEOCODE_QUALITIES},
        "not_gemeinde": entries,
        "problems": list(problems or []),
    }


def quality_report(engine: Engine, snapshot_id: int) -> dict[str, Any]:
    """The report stored with a snapshot (SnapshotNotFound for an unknown id)."""
    require_snapshot(engine, snapshot_id)
    table = schema.quality_reports
    with engine.connect() as conn:
        report = conn.execute(
            select(table.c.report).where(table.c.snapshot_id == snapshot_id)
        ).scalar_one()
    return report
