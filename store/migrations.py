"""Schema versions: ordered steps, each applied once and recorded in schema_version.

The project creates and upgrades its own schema; nobody runs DDL by hand. Every step is
idempotent (checkfirst / IF NOT EXISTS) because SQLite's driver commits DDL on its own:
a step interrupted half-way is simply run again on the next connect.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

from store import schema
from store.errors import SchemaError

IMMUTABLE_TABLES = ("snapshots", "snapshot_categories", "providers", "quality_reports")


def _create_base_tables(conn: Connection) -> None:
    tables = [
        schema.snapshots,
        schema.snapshot_categories,
        schema.providers,
        schema.quality_reports,
    ]
    schema.metadata.create_all(conn, tables=tables, checkfirst=True)


def _refuse_updates(conn: Connection) -> None:
    """Snapshots are never changed: the database itself refuses an UPDATE on their rows.

    Deleting a whole snapshot stays possible (store.delete_snapshot). Dialects other than
    SQLite and PostgreSQL get no trigger; the store's API offers no update there either.
    """
    dialect = conn.dialect.name
    if dialect == "sqlite":
        for table in IMMUTABLE_TABLES:
            conn.execute(
                text(
                    f"CREATE TRIGGER IF NOT EXISTS tr_{table}_immutable BEFORE UPDATE ON {table} "
                    "BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END"
                )
            )
    elif dialect == "postgresql":
        conn.execute(
            text(
                "CREATE OR REPLACE FUNCTION atlas_refuse_update() RETURNS trigger AS $$ "
                "BEGIN RAISE EXCEPTION 'snapshots are immutable'; END; $$ LANGUAGE plpgsql"
            )
        )
        for table in IMMUTABLE_TABLES:
            conn.execute(text(f"DROP TRIGGER IF EXISTS tr_{table}_immutable ON {table}"))
            conn.execute(
                text(
                    f"CREATE TRIGGER tr_{table}_immutable BEFORE UPDATE ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION atlas_refuse_update()"
                )
            )


_OLD_ORIGIN_CHECK = "origin IN ('live', 'replay', 'demo')"
_NEW_ORIGIN_CHECK = "origin IN ('live', 'replay', 'demo', 'import')"


def _allow_imports(conn: Connection) -> None:
    """Origin 'import' (lists imported from files) and the column naming where a list is.

    SQLite cannot alter a CHECK constraint; changing its text in the schema is the way its
    documentation gives for changes that leave the stored rows as they are (section
    "Making Other Kinds Of Table Schema Changes" of ALTER TABLE), and bumping
    schema_version makes every open connection re-read the schema.
    """
    dialect = conn.dialect.name
    columns = {c["name"] for c in inspect(conn).get_columns("snapshots")}
    if "source_url" not in columns:
        conn.execute(text("ALTER TABLE snapshots ADD COLUMN source_url VARCHAR(2000)"))
    if dialect == "sqlite":
        sql = conn.execute(text(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'snapshots'"
        )).scalar_one()
        if _OLD_ORIGIN_CHECK in sql:
            version = conn.execute(text("PRAGMA schema_version")).scalar_one()
            conn.execute(text("PRAGMA writable_schema = ON"))
            conn.execute(
                text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' "
                     "AND name = 'snapshots'"),
                {"sql": sql.replace(_OLD_ORIGIN_CHECK, _NEW_ORIGIN_CHECK)},
            )
            conn.execute(text(f"PRAGMA schema_version = {int(version) + 1}"))
            conn.execute(text("PRAGMA writable_schema = OFF"))
    elif dialect == "postgresql":
        conn.execute(text("ALTER TABLE snapshots DROP CONSTRAINT IF EXISTS ck_snapshots_origin"))
        conn.execute(text(f"ALTER TABLE snapshots ADD CONSTRAINT ck_snapshots_origin "
                          f"CHECK ({_NEW_ORIGIN_CHECK})"))


def _never_reuse_snapshot_ids(conn: Connection) -> None:
    """Snapshot ids are never handed out twice on SQLite either, also in files made before
    `snapshots` was declared AUTOINCREMENT (2865cb8: only new files got it). Without it SQLite
    gives max(id)+1, so deleting the newest snapshot and writing another reused its id, and a
    published link or a cache keyed by that id would show other data.

    The key column stays the same rowid, so only the table's text changes (PRIMARY KEY (id)
    becomes PRIMARY KEY (id AUTOINCREMENT), SQLite's own table-constraint form), in place as
    for migration 3, and sqlite_sequence starts at the highest id present. PostgreSQL's
    sequences never go back: nothing to do there.
    """
    if conn.dialect.name != "sqlite":
        return
    sql = conn.execute(text(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'snapshots'"
    )).scalar_one()
    if "AUTOINCREMENT" in sql.upper():
        return
    if _PLAIN_KEY not in sql:
        raise SchemaError(f"snapshots has an unexpected primary key; cannot upgrade: {sql}")
    # sqlite_sequence exists once any AUTOINCREMENT table was created (never by hand)
    conn.execute(text(
        "CREATE TABLE IF NOT EXISTS atlas_sequence_probe (id INTEGER PRIMARY KEY AUTOINCREMENT)"
    ))
    conn.execute(text("DROP TABLE atlas_sequence_probe"))
    version = conn.execute(text("PRAGMA schema_version")).scalar_one()
    conn.execute(text("PRAGMA writable_schema = ON"))
    conn.execute(
        text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = 'snapshots'"),
        {"sql": sql.replace(_PLAIN_KEY, _COUNTED_KEY)},
    )
    conn.execute(text(f"PRAGMA schema_version = {int(version) + 1}"))
    conn.execute(text("PRAGMA writable_schema = OFF"))
    conn.execute(text("DELETE FROM sqlite_sequence WHERE name = 'snapshots'"))
    conn.execute(text(
        "INSERT INTO sqlite_sequence (name, seq) SELECT 'snapshots', COALESCE(MAX(id), 0) "
        "FROM snapshots"
    ))


_PLAIN_KEY = "PRIMARY KEY (id)"
_COUNTED_KEY = "PRIMARY KEY (id AUTOINCREMENT)"


def _create_access_tables(conn: Connection) -> None:
    tables = [schema.access_runs, schema.access_gemeinden]
    schema.metadata.create_all(conn, tables=tables, checkfirst=True)


def _create_traveltime_tables(conn: Connection) -> None:
    tables = [schema.traveltime_runs, schema.traveltime_gemeinden]
    schema.metadata.create_all(conn, tables=tables, checkfirst=True)


def _record_tile_dir(conn: Connection) -> None:
    # a database made at version 5 by this code already has the column (create_all
    # follows the current schema); one made by older code lacks it
    columns = {c["name"] for c in inspect(conn).get_columns("traveltime_runs")}
    if "tile_dir" not in columns:
        conn.execute(text("ALTER TABLE traveltime_runs ADD COLUMN tile_dir VARCHAR(1000)"))


# (version, description, step). Append only; never edit a released step.
MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "snapshots, snapshot_categories, providers, quality_reports", _create_base_tables),
    (2, "refuse UPDATE on snapshot rows", _refuse_updates),
    (3, "origin 'import' and snapshots.source_url (imported lists)", _allow_imports),
    (4, "access_runs, access_gemeinden (derived access measures)", _create_access_tables),
    (5, "traveltime_runs, traveltime_gemeinden (car times, Valhalla)", _create_traveltime_tables),
    (6, "traveltime_runs.tile_dir (planning by road asks those tiles)", _record_tile_dir),
    (7, "snapshot ids never reused on SQLite (AUTOINCREMENT in older files)",
     _never_reuse_snapshot_ids),
]
LATEST_VERSION = MIGRATIONS[-1][0]


def current_version(engine: Engine) -> int:
    """The highest applied version, 0 for an empty database."""
    if not inspect(engine).has_table("schema_version"):
        return 0
    with engine.connect() as conn:
        versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    return max(versions, default=0)


def upgrade(engine: Engine) -> list[int]:
    """Apply every missing step in order; return the versions applied now."""
    try:
        schema.metadata.create_all(engine, tables=[schema.schema_version], checkfirst=True)
    except SQLAlchemyError:
        # Another process created it between our check and our CREATE: fine if it is there.
        if not inspect(engine).has_table("schema_version"):
            raise
    have = current_version(engine)
    if have > LATEST_VERSION:
        raise SchemaError(
            f"database schema version {have} is newer than this code ({LATEST_VERSION}); "
            "update the project"
        )
    applied = []
    for version, description, step in MIGRATIONS:
        if version <= have:
            continue
        try:
            with engine.begin() as conn:
                step(conn)
                conn.execute(
                    schema.schema_version.insert().values(
                        version=version, description=description, applied_at=datetime.now(UTC)
                    )
                )
        except SQLAlchemyError:
            # Another process applied the same step at the same moment (a duplicate version
            # row, or "table already exists"): fine once the version is recorded.
            if not _wait_for_version(engine, version):
                raise
            continue
        applied.append(version)
    return applied


def _wait_for_version(engine: Engine, version: int, seconds: float = 10.0) -> bool:
    """True once `version` is recorded (the other process may still be committing it)."""
    deadline = time.monotonic() + seconds
    while True:
        if current_version(engine) >= version:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
