"""The store's schema as each released version left it, frozen: table definitions and the
triggers copied from the code of that version (git history of store/schema.py and
store/migrations.py), never imported from today's code, so an upgrade test starts from what
an old database really holds.

Add the definition of version N here when migration N+1 is written (the test
`test_every_earlier_schema_version_has_a_frozen_definition` asks for it).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Connection,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

IMMUTABLE = ("snapshots", "snapshot_categories", "providers", "quality_reports")


def _schema_version(meta: MetaData) -> None:
    Table("schema_version", meta,
          Column("version", Integer, primary_key=True, autoincrement=False),
          Column("description", String(200), nullable=False),
          Column("applied_at", DateTime(timezone=True), nullable=False))


def _snapshots(meta: MetaData, version: int) -> None:
    """aab90fb (v1, v2); v3 added source_url and origin 'import' (4e7bdf5), and ids were made
    AUTOINCREMENT in between (2865cb8), which only new SQLite files got."""
    origins = "'live', 'replay', 'demo'" + (", 'import'" if version >= 3 else "")
    extra = [Column("source_url", String(2000), nullable=True)] if version >= 3 else []
    Table("snapshots", meta,
          Column("id", Integer, primary_key=True, autoincrement=True),
          Column("taken_at", DateTime(timezone=True), nullable=False),
          Column("created_at", DateTime(timezone=True), nullable=False),
          Column("origin", String(16), nullable=False),
          Column("parser_version", String(40), nullable=False),
          Column("source", String(300), nullable=False),
          Column("notes", Text, nullable=False),
          *extra,
          CheckConstraint(f"origin IN ({origins})", name="ck_snapshots_origin"),
          Index("ix_snapshots_taken_at", "taken_at"),
          sqlite_autoincrement=version >= 3)


def _base(meta: MetaData) -> None:
    """snapshot_categories, providers, quality_reports as aab90fb wrote them."""
    Table("snapshot_categories", meta,
          Column("snapshot_id", Integer, ForeignKey("snapshots.id"), primary_key=True),
          Column("category", String(8), primary_key=True),
          Column("expected_total", Integer, nullable=True),
          Column("parsed_count", Integer, nullable=False),
          CheckConstraint("category IN ('ala', 'wfbm', 'ib')",
                          name="ck_snapshot_categories_category"))
    Table("providers", meta,
          Column("id", Integer, primary_key=True, autoincrement=True),
          Column("snapshot_id", Integer, ForeignKey("snapshots.id"), nullable=False),
          Column("category", String(8), nullable=False),
          Column("source_id", String(100), nullable=False),
          Column("name", String(500), nullable=False),
          Column("operator", String(500), nullable=True),
          Column("street", String(300), nullable=True),
          Column("plz", String(5), nullable=False),
          Column("city", String(200), nullable=True),
          Column("land_listed", String(100), nullable=True),
          Column("phone", String(100), nullable=True),
          Column("email", String(300), nullable=True),
          Column("website", String(500), nullable=True),
          Column("services", JSON, nullable=False),
          Column("source_url", String(2000), nullable=True),
          Column("gemeinde_ags", String(8), nullable=True),
          Column("gemeinde", String(200), nullable=True),
          Column("kreis_ars", String(5), nullable=True),
          Column("kreis", String(200), nullable=True),
          Column("land_code", String(2), nullable=True),
          Column("land", String(100), nullable=True),
          Column("lon", Float, nullable=True),
          Column("lat", Float, nullable=True),
          Column("geocode_quality", String(10), nullable=False),
          Column("geocode_note", Text, nullable=True),
          CheckConstraint("category IN ('ala', 'wfbm', 'ib')", name="ck_providers_category"),
          CheckConstraint("geocode_quality IN ('gemeinde', 'kreis', 'land', 'none')",
                          name="ck_providers_geocode_quality"),
          UniqueConstraint("snapshot_id", "category", "source_id", name="uq_providers_source"),
          Index("ix_providers_snapshot_category", "snapshot_id", "category"),
          Index("ix_providers_snapshot_kreis", "snapshot_id", "kreis_ars"))
    Table("quality_reports", meta,
          Column("snapshot_id", Integer, ForeignKey("snapshots.id"), primary_key=True),
          Column("report", JSON, nullable=False))


def _access(meta: MetaData) -> None:
    """access_runs, access_gemeinden as ab58ab2 wrote them (migration 4 after the merge)."""
    Table("access_runs", meta,
          Column("snapshot_id", Integer, ForeignKey("snapshots.id"), primary_key=True),
          Column("category", String(8), primary_key=True),
          Column("service", String(24), primary_key=True),
          Column("status", String(16), nullable=False),
          Column("providers_used", Integer, nullable=False),
          Column("kreis_placed", Integer, nullable=False),
          Column("excluded", Integer, nullable=False),
          Column("catchment_km", Float, nullable=False),
          Column("notes", JSON, nullable=False),
          Column("computed_at", DateTime(timezone=True), nullable=False),
          CheckConstraint("status IN ('ok', 'no_provider', 'not_recorded')",
                          name="ck_access_status"))
    Table("access_gemeinden", meta,
          Column("snapshot_id", Integer, ForeignKey("snapshots.id"), primary_key=True),
          Column("category", String(8), primary_key=True),
          Column("service", String(24), primary_key=True),
          Column("ars", String(12), primary_key=True),
          Column("nearest_km", Float, nullable=False),
          Column("nearest_provider", String(100), nullable=False),
          Column("kreis_placed", Boolean, nullable=False),
          Column("own_kreis", Boolean, nullable=False),
          Column("sfca_per_100k", Float, nullable=False))


def _traveltime(meta: MetaData, version: int) -> None:
    """traveltime_runs, traveltime_gemeinden as migration 5 wrote them, with migration 6's
    tile_dir from version 6 on."""
    extra = [Column("tile_dir", String(1000), nullable=True)] if version >= 6 else []
    Table("traveltime_runs", meta,
          Column("snapshot_id", Integer, ForeignKey("snapshots.id"), primary_key=True),
          Column("mode", String(12), primary_key=True),
          Column("category", String(8), primary_key=True),
          Column("service", String(24), primary_key=True),
          Column("status", String(16), nullable=False),
          Column("providers_used", Integer, nullable=False),
          Column("points_unroutable", Integer, nullable=False),
          Column("gemeinden_unreachable", Integer, nullable=False),
          Column("engine", String(60), nullable=False),
          Column("extract_name", String(300), nullable=False),
          Column("extract_timestamp", String(40), nullable=True),
          Column("extract_sha256", String(64), nullable=False),
          Column("notes", JSON, nullable=False),
          Column("computed_at", DateTime(timezone=True), nullable=False),
          *extra,
          CheckConstraint("status IN ('ok', 'no_provider', 'not_recorded')",
                          name="ck_traveltime_status"),
          CheckConstraint("mode IN ('car')", name="ck_traveltime_mode"))
    Table("traveltime_gemeinden", meta,
          Column("snapshot_id", Integer, ForeignKey("snapshots.id"), primary_key=True),
          Column("mode", String(12), primary_key=True),
          Column("category", String(8), primary_key=True),
          Column("service", String(24), primary_key=True),
          Column("ars", String(12), primary_key=True),
          Column("nearest_min", Float, nullable=True),
          Column("road_km", Float, nullable=True),
          Column("nearest_provider", String(100), nullable=True))


def frozen_metadata(version: int) -> MetaData:
    """The tables of schema `version` (1..6)."""
    if version not in FROZEN_VERSIONS:
        raise ValueError(f"no frozen schema {version}; known: {FROZEN_VERSIONS}")
    meta = MetaData()
    _schema_version(meta)
    _snapshots(meta, version)
    _base(meta)
    if version >= 4:
        _access(meta)
    if version >= 5:
        _traveltime(meta, version)
    return meta


def frozen_triggers(conn: Connection, version: int) -> None:
    """Migration 2's triggers as released (refuse UPDATE on snapshot rows)."""
    if version < 2:
        return
    if conn.dialect.name == "sqlite":
        for table in IMMUTABLE:
            conn.execute(text(
                f"CREATE TRIGGER tr_{table}_immutable BEFORE UPDATE ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END"))
        return
    conn.execute(text(
        "CREATE OR REPLACE FUNCTION atlas_refuse_update() RETURNS trigger AS $$ "
        "BEGIN RAISE EXCEPTION 'snapshots are immutable'; END; $$ LANGUAGE plpgsql"))
    for table in IMMUTABLE:
        conn.execute(text(
            f"CREATE TRIGGER tr_{table}_immutable BEFORE UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION atlas_refuse_update()"))


FROZEN_VERSIONS: tuple[int, ...] = (1, 2, 3, 4, 5, 6)
