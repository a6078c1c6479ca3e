"""Writing, listing, fetching and deleting snapshots. A snapshot is written in one
transaction and never changed afterwards (the database refuses UPDATEs, see migrations)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, and_, case, delete, desc, func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from store import schema
from store.errors import InvalidSnapshot, SnapshotNotFound, StoreError
from store.times import iso, to_utc

_PLZ = re.compile(r"^\d{5}$")
_TEXT_LIMITS = {
    col.name: col.type.length
    for col in schema.providers.columns
    if getattr(col.type, "length", None) is not None
}


@dataclass(frozen=True)
class Derived:
    """Data computed from a snapshot's providers and kept with it (the access measures): made
    before the transaction, so a slow computation holds no lock, and written inside it."""

    name: str  # its section in the quality report
    summary: dict
    write: Callable[[Connection, int], None]  # (connection in the transaction, snapshot id)


# A step the writer is given: (providers, categories the run covered) -> Derived.
Derive = Callable[[pd.DataFrame, list[str]], Derived]


def insert_snapshot(
    engine: Engine,
    meta: dict[str, Any],
    providers_df: pd.DataFrame,
    quality_report: dict,
    derive: Sequence[Derive] = (),
) -> int:
    """Validate everything first, then write snapshot, counts, providers, the quality report
    and whatever each `derive` step made in one transaction; return the new snapshot id.
    Nothing is written on error. The full writer with the access measures is
    `store.write_snapshot` (store/writer.py): this module stays below store.access.

    meta: taken_at (datetime/date/ISO str), origin (live|replay|demo|import), categories
    ({category: expected_total or None} for every category the run covered), and optionally
    parser_version, source (required for import: the list's name), source_url, notes.
    """
    header, counts = _validated_meta(meta, providers_df)
    rows = _provider_rows(providers_df, set(counts))
    frame = providers_df.reindex(columns=list(schema.PROVIDER_COLUMNS))
    derived = [step(frame, list(counts)) for step in derive]
    quality_report = {**quality_report, **{d.name: d.summary for d in derived}}
    try:
        return _insert(engine, header, counts, rows, quality_report, derived)
    except (SQLAlchemyError, TypeError, ValueError) as exc:
        # The transaction was rolled back: say so in the store's own terms. Drivers raise
        # TypeError/ValueError themselves for values they cannot bind (psycopg, JSON).
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise StoreError(f"snapshot not written: {reason}") from exc


def _insert(
    engine: Engine,
    header: dict[str, Any],
    counts: dict[str, dict[str, Any]],
    rows: list[dict[str, Any]],
    quality_report: dict,
    derived: list[Derived],
) -> int:
    with engine.begin() as conn:
        snapshot_id = conn.execute(insert(schema.snapshots), header).inserted_primary_key[0]
        conn.execute(
            insert(schema.snapshot_categories),
            [{"snapshot_id": snapshot_id, **c} for c in counts.values()],
        )
        if rows:
            for row in rows:
                row["snapshot_id"] = snapshot_id
            conn.execute(insert(schema.providers), rows)
        conn.execute(
            insert(schema.quality_reports),
            [{"snapshot_id": snapshot_id, "report": quality_report}],
        )
        for item in derived:
            item.write(conn, int(snapshot_id))
    return int(snapshot_id)


def _validated_meta(
    meta: dict[str, Any], df: pd.DataFrame
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    origin = meta.get("origin")
    if origin not in schema.ORIGINS:
        raise InvalidSnapshot(f"origin must be one of {', '.join(schema.ORIGINS)}, not {origin!r}")
    if meta.get("taken_at") is None:
        raise InvalidSnapshot("taken_at is missing")
    categories = meta.get("categories")
    if not isinstance(categories, dict) or not categories:
        raise InvalidSnapshot("categories must name every category the run covered")
    unknown = set(categories) - set(schema.CATEGORIES)
    if unknown:
        raise InvalidSnapshot(f"unknown categories: {', '.join(sorted(map(str, unknown)))}")
    parsed = (
        df["category"].value_counts().to_dict() if "category" in df.columns and len(df) else {}
    )
    counts = {}
    for category, expected in categories.items():
        if expected is not None and (not isinstance(expected, int) or expected < 0):
            raise InvalidSnapshot(f"expected total of {category} must be a count, not {expected!r}")
        counts[category] = {
            "category": category,
            "expected_total": expected,
            "parsed_count": int(parsed.get(category, 0)),
        }
    header = {
        "taken_at": to_utc(meta["taken_at"]),
        "created_at": datetime.now(UTC),
        "origin": origin,
        "parser_version": str(meta.get("parser_version") or "unknown")[:40],
        "source": str(meta.get("source") or "")[:300],
        "notes": str(meta.get("notes") or ""),
        "source_url": str(meta["source_url"])[:2000] if meta.get("source_url") else None,
    }
    if origin == "import" and not header["source"].strip():
        raise InvalidSnapshot("an imported snapshot needs a source (the list's name)")
    return header, counts


def _provider_rows(df: pd.DataFrame, categories: set[str]) -> list[dict[str, Any]]:
    if len(df) == 0:
        return []
    required = {"category", "source_id", "name", "plz", "geocode_quality"}
    missing = required - set(df.columns)
    if missing:
        raise InvalidSnapshot(f"providers lack columns: {', '.join(sorted(missing))}")
    frame = df.reindex(columns=list(schema.PROVIDER_COLUMNS))
    frame = frame.astype(object).where(frame.notna(), None)
    stray = set(frame["category"]) - categories
    if stray:
        raise InvalidSnapshot(
            f"providers of categories not in the snapshot: {', '.join(sorted(map(str, stray)))}"
        )
    bad_quality = set(frame["geocode_quality"]) - set(schema.GEOCODE_QUALITIES)
    if bad_quality:
        raise InvalidSnapshot(f"unknown geocode_quality values: {sorted(map(str, bad_quality))}")
    dupes = frame.duplicated(subset=["category", "source_id"], keep=False)
    if dupes.any():
        sample = frame.loc[dupes, ["category", "source_id"]].head(3).values.tolist()
        raise InvalidSnapshot(f"duplicate source_id within a category, e.g. {sample}")
    rows = frame.to_dict("records")
    for position, row in enumerate(rows):
        _check_row(position, row)
    return rows


def _check_row(position: int, row: dict[str, Any]) -> None:
    for field in ("source_id", "name"):
        if not isinstance(row[field], str) or not row[field].strip():
            raise InvalidSnapshot(f"provider {position}: {field} is empty")
    if not isinstance(row["plz"], str) or not _PLZ.match(row["plz"]):
        raise InvalidSnapshot(f"provider {position} ({row['source_id']}): bad PLZ {row['plz']!r}")
    services = row["services"]
    if services is None:
        row["services"] = []
    elif isinstance(services, str):
        row["services"] = [services]
    else:
        row["services"] = [str(s) for s in services]
    for field, limit in _TEXT_LIMITS.items():
        value = row[field]
        if isinstance(value, str) and len(value) > limit:
            raise InvalidSnapshot(
                f"provider {position} ({row['source_id']}): {field} longer than {limit} characters"
            )


def _counts_by_snapshot(conn, ids: list[int]) -> dict[int, dict[str, dict[str, int | None]]]:
    table = schema.snapshot_categories
    out: dict[int, dict[str, dict[str, int | None]]] = {i: {} for i in ids}
    if not ids:
        return out
    for row in conn.execute(select(table).where(table.c.snapshot_id.in_(ids))).mappings():
        out[row["snapshot_id"]][row["category"]] = {
            "expected": row["expected_total"],
            "parsed": row["parsed_count"],
        }
    return out


def _as_dict(row: Any, counts: dict[str, dict[str, int | None]]) -> dict[str, Any]:
    return {
        "id": int(row["id"]),
        "taken_at": iso(row["taken_at"]),
        "created_at": iso(row["created_at"]),
        "origin": row["origin"],
        "parser_version": row["parser_version"],
        "source": row["source"],
        "source_url": row["source_url"],
        "series": schema.series_key(row["origin"], row["source"]),
        "notes": row["notes"],
        "counts": {c: counts[c] for c in schema.CATEGORIES if c in counts},
    }


def get_snapshot(engine: Engine, snapshot_id: int) -> dict[str, Any] | None:
    """One snapshot as a JSON-able dict (taken_at as ISO-8601 UTC), or None."""
    with engine.connect() as conn:
        row = (
            conn.execute(select(schema.snapshots).where(schema.snapshots.c.id == snapshot_id))
            .mappings()
            .first()
        )
        if row is None:
            return None
        counts = _counts_by_snapshot(conn, [row["id"]])[row["id"]]
    return _as_dict(row, counts)


def require_snapshot(engine: Engine, snapshot_id: int) -> dict[str, Any]:
    """Like get_snapshot, but raises SnapshotNotFound."""
    snapshot = get_snapshot(engine, snapshot_id)
    if snapshot is None:
        raise SnapshotNotFound(snapshot_id)
    return snapshot


def served_snapshot(engine: Engine) -> dict[str, Any] | None:
    """The snapshot the atlas shows by default: the latest REHADAT one (live/replay) if any
    exists, else the latest demo one, else the latest imported list, else None. Demo data is
    never mixed with real data, and an imported list is shown only when picked (or alone)."""
    table = schema.snapshots
    rank = case((table.c.origin.in_(schema.REHADAT_ORIGINS), 0),
                (table.c.origin == "demo", 1), else_=2)
    query = select(table.c.id).order_by(rank, desc(table.c.taken_at), desc(table.c.id))
    with engine.connect() as conn:
        snapshot_id = conn.execute(query.limit(1)).scalar()
    return None if snapshot_id is None else get_snapshot(engine, snapshot_id)


def served_series(engine: Engine, snapshot_id: int | None = None) -> pd.DataFrame:
    """The snapshots comparable with one snapshot (default: the served one), oldest first:
    what a time series or a diff picker should offer. Each source is its own series
    (`series` column): REHADAT (live and replayed), the demo data, and every imported list
    by its name; they are never mixed."""
    snapshots = list_snapshots(engine)
    if snapshots.empty:
        return snapshots
    anchor = get_snapshot(engine, snapshot_id) if snapshot_id is not None else None
    anchor = anchor or served_snapshot(engine)
    chosen = snapshots[snapshots["series"] == anchor["series"]]
    return chosen.sort_values(["taken_at", "id"]).reset_index(drop=True)


def list_snapshots(engine: Engine) -> pd.DataFrame:
    """Every snapshot, newest first: id, taken_at (UTC datetime), origin, expected_<cat>,
    parsed_<cat> (missing where the run did not cover the category), parser_version, source,
    source_url, series (store.schema.series_key), notes, created_at."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(schema.snapshots).order_by(
                desc(schema.snapshots.c.taken_at), desc(schema.snapshots.c.id)
            )
        ).mappings().all()
        counts = _counts_by_snapshot(conn, [r["id"] for r in rows])
    records = []
    for row in rows:
        record = {
            "id": int(row["id"]),
            "taken_at": to_utc(row["taken_at"]),
            "origin": row["origin"],
        }
        for category in schema.CATEGORIES:
            count = counts[row["id"]].get(category, {})
            record[f"expected_{category}"] = count.get("expected")
            record[f"parsed_{category}"] = count.get("parsed")
        record.update(
            parser_version=row["parser_version"],
            source=row["source"],
            source_url=row["source_url"],
            series=schema.series_key(row["origin"], row["source"]),
            notes=row["notes"],
            created_at=to_utc(row["created_at"]),
        )
        records.append(record)
    columns = ["id", "taken_at", "origin"]
    columns += [f"{k}_{c}" for c in schema.CATEGORIES for k in ("expected", "parsed")]
    columns += ["parser_version", "source", "source_url", "series", "notes", "created_at"]
    frame = pd.DataFrame.from_records(records, columns=columns)
    for category in schema.CATEGORIES:
        for kind in ("expected", "parsed"):
            frame[f"{kind}_{category}"] = frame[f"{kind}_{category}"].astype("Int64")
    frame["id"] = frame["id"].astype("int64")
    frame["taken_at"] = pd.to_datetime(frame["taken_at"], utc=True)
    frame["created_at"] = pd.to_datetime(frame["created_at"], utc=True)
    return frame


def delete_snapshot(engine: Engine, snapshot_id: int) -> None:
    """Remove a snapshot and everything written with it, in one transaction."""
    with engine.begin() as conn:
        exists = conn.execute(
            select(func.count()).select_from(schema.snapshots).where(
                schema.snapshots.c.id == snapshot_id
            )
        ).scalar_one()
        if not exists:
            raise SnapshotNotFound(snapshot_id)
        tables = (schema.access_gemeinden, schema.access_runs, schema.traveltime_gemeinden,
                  schema.traveltime_runs, schema.quality_reports)
        for table in (*tables, schema.providers, schema.snapshot_categories):
            conn.execute(delete(table).where(and_(table.c.snapshot_id == snapshot_id)))
        conn.execute(delete(schema.snapshots).where(schema.snapshots.c.id == snapshot_id))
