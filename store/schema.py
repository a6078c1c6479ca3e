"""The tables of the store (portable SQLAlchemy Core types only: SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
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
)

CATEGORIES: tuple[str, ...] = ("ala", "wfbm", "ib")
ORIGINS: tuple[str, ...] = ("live", "replay", "demo", "import")
# A series is what may be compared over time: REHADAT's own snapshots (live and replayed),
# the demo data, and each imported list on its own (named by its source).
REHADAT_ORIGINS: tuple[str, ...] = ("live", "replay")
GEOCODE_QUALITIES: tuple[str, ...] = ("gemeinde", "kreis", "land", "none")

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", String(200), nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

snapshots = Table(
    "snapshots",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("taken_at", DateTime(timezone=True), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("origin", String(16), nullable=False),
    Column("parser_version", String(40), nullable=False),
    Column("source", String(300), nullable=False),
    Column("notes", Text, nullable=False),
    # Where an imported list can be found (None for REHADAT and demo snapshots).
    Column("source_url", String(2000), nullable=True),
    CheckConstraint("origin IN ('live', 'replay', 'demo', 'import')", name="ck_snapshots_origin"),
    Index("ix_snapshots_taken_at", "taken_at"),
    # An id is never reused after a delete (SQLite AUTOINCREMENT; sequences elsewhere), so
    # a snapshot id in a published link or a cache always means the same data.
    sqlite_autoincrement=True,
)

# The site's expected total and what was parsed, per category of a snapshot.
snapshot_categories = Table(
    "snapshot_categories",
    metadata,
    Column("snapshot_id", Integer, ForeignKey("snapshots.id"), primary_key=True),
    Column("category", String(8), primary_key=True),
    Column("expected_total", Integer, nullable=True),
    Column("parsed_count", Integer, nullable=False),
    CheckConstraint("category IN ('ala', 'wfbm', 'ib')", name="ck_snapshot_categories_category"),
)

providers = Table(
    "providers",
    metadata,
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
    CheckConstraint(
        "geocode_quality IN ('gemeinde', 'kreis', 'land', 'none')",
        name="ck_providers_geocode_quality",
    ),
    UniqueConstraint("snapshot_id", "category", "source_id", name="uq_providers_source"),
    Index("ix_providers_snapshot_category", "snapshot_id", "category"),
    Index("ix_providers_snapshot_kreis", "snapshot_id", "kreis_ars"),
)

# One quality report per snapshot, written in the same transaction (see store.quality).
quality_reports = Table(
    "quality_reports",
    metadata,
    Column("snapshot_id", Integer, ForeignKey("snapshots.id"), primary_key=True),
    Column("report", JSON, nullable=False),
)

# Columns of a provider as the data model names them (design.md), in display order.
PROVIDER_FIELDS: tuple[str, ...] = (
    "category",
    "source_id",
    "name",
    "operator",
    "street",
    "plz",
    "city",
    "land_listed",
    "phone",
    "email",
    "website",
    "services",
    "source_url",
)
GEOCODE_FIELDS: tuple[str, ...] = (
    "gemeinde_ags",
    "gemeinde",
    "kreis_ars",
    "kreis",
    "land_code",
    "land",
    "lon",
    "lat",
    "geocode_quality",
    "geocode_note",
)
PROVIDER_COLUMNS: tuple[str, ...] = PROVIDER_FIELDS + GEOCODE_FIELDS


def series_key(origin: str, source: str | None) -> str:
    """'rehadat', 'demo' or 'import:<list name>': snapshots of one key form one series."""
    if origin in REHADAT_ORIGINS:
        return "rehadat"
    if origin == "import":
        return f"import:{source or ''}"
    return str(origin)
# Access measures (store.access): derived from a snapshot and the reference geography, so
# they may be recomputed (`python -m store access --recompute`); one run row per
# (snapshot, category, service) and, where distances are defined, one row per Gemeinde.
access_runs = Table(
    "access_runs",
    metadata,
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
    CheckConstraint("status IN ('ok', 'no_provider', 'not_recorded')", name="ck_access_status"),
)

access_gemeinden = Table(
    "access_gemeinden",
    metadata,
    Column("snapshot_id", Integer, ForeignKey("snapshots.id"), primary_key=True),
    Column("category", String(8), primary_key=True),
    Column("service", String(24), primary_key=True),
    Column("ars", String(12), primary_key=True),
    Column("nearest_km", Float, nullable=False),
    Column("nearest_provider", String(100), nullable=False),
    Column("kreis_placed", Boolean, nullable=False),
    Column("own_kreis", Boolean, nullable=False),
    Column("sfca_per_100k", Float, nullable=False),
)

# Travel times (store.traveltime): car minutes and road km from every Gemeinde to the
# provider nearest by time, computed by Valhalla on the operator's OSM extract
# (`python -m store traveltime`); one run row per (snapshot, mode, category, service)
# carrying the extract's provenance, and one row per Gemeinde where times are defined
# (nearest_min NULL: no provider of the kind reachable by road, never 0).
TRAVEL_MODES: tuple[str, ...] = ("car",)

traveltime_runs = Table(
    "traveltime_runs",
    metadata,
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
    # where the tiles of that extract were built (absolute): planning asks them on the fly
    Column("tile_dir", String(1000), nullable=True),
    CheckConstraint("status IN ('ok', 'no_provider', 'not_recorded')",
                    name="ck_traveltime_status"),
    CheckConstraint("mode IN ('car')", name="ck_traveltime_mode"),
)

traveltime_gemeinden = Table(
    "traveltime_gemeinden",
    metadata,
    Column("snapshot_id", Integer, ForeignKey("snapshots.id"), primary_key=True),
    Column("mode", String(12), primary_key=True),
    Column("category", String(8), primary_key=True),
    Column("service", String(24), primary_key=True),
    Column("ars", String(12), primary_key=True),
    Column("nearest_min", Float, nullable=True),
    Column("road_km", Float, nullable=True),
    Column("nearest_provider", String(100), nullable=True),
)
