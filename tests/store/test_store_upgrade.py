"""A database written by each earlier schema version, upgraded to today's, keeps its data.

Each version's tables come from tests/store/frozen_schemas.py (frozen copies, not today's
code); the test writes rows into them as that version's code did, then connects with today's
store, which walks every migration there is (a new one is covered without a change here), on
a SQLite file and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.exc import DatabaseError

import store
from store import migrations, schema
from tests.store.frozen_schemas import FROZEN_VERSIONS, frozen_metadata, frozen_triggers

TAKEN = datetime(2022, 12, 1, tzinfo=UTC)
PROVIDERS = [
    {"snapshot_id": 1, "category": "ala", "source_id": "A1", "name": "Werkraum Dresden",
     "operator": "Lebenshilfe", "street": "Hauptstr. 1", "plz": "01067", "city": "Dresden",
     "land_listed": "Sachsen", "phone": "+49 351 1234-5", "email": "info@example.org",
     "website": "https://example.org", "services": ["Arbeitsbereich"],
     "source_url": "https://www.rehadat-adressen.de/x/1", "gemeinde_ags": "14612000",
     "gemeinde": "Dresden", "kreis_ars": "14612", "kreis": "Dresden", "land_code": "14",
     "land": "Sachsen", "lon": 13.74, "lat": 51.05, "geocode_quality": "gemeinde",
     "geocode_note": None},
    {"snapshot_id": 1, "category": "wfbm", "source_id": "W1", "name": "Werkstatt Süd",
     "operator": None, "street": None, "plz": "83022", "city": "Rosenheim",
     "land_listed": "Bayern", "phone": None, "email": None, "website": None, "services": [],
     "source_url": None, "gemeinde_ags": None, "gemeinde": None, "kreis_ars": "09163",
     "kreis": "Rosenheim", "land_code": "09", "land": "Bayern", "lon": None, "lat": None,
     "geocode_quality": "kreis", "geocode_note": "nur Kreis"},
]


def seed(url: str, version: int) -> dict[str, list[dict]]:
    """A database at schema `version` holding one snapshot; returns the rows written."""
    meta = frozen_metadata(version)
    rows: dict[str, list[dict]] = {
        # ids as the old code got them: from the database (1 in a new one)
        "snapshots": [{"taken_at": TAKEN, "created_at": TAKEN, "origin": "live",
                       "parser_version": "1", "source": "REHADAT", "notes": "alt"}],
        "snapshot_categories": [
            {"snapshot_id": 1, "category": "ala", "expected_total": 1, "parsed_count": 1},
            {"snapshot_id": 1, "category": "wfbm", "expected_total": 1, "parsed_count": 1},
            {"snapshot_id": 1, "category": "ib", "expected_total": 0, "parsed_count": 0}],
        "providers": PROVIDERS,
        "quality_reports": [{"snapshot_id": 1, "report": {"ok": True, "found": 2}}],
    }
    if version >= 4:
        rows["access_runs"] = [{"snapshot_id": 1, "category": "ala", "service": "all",
                                "status": "ok", "providers_used": 1, "kreis_placed": 0,
                                "excluded": 0, "catchment_km": 50.0, "notes": {"n": 1},
                                "computed_at": TAKEN}]
        rows["access_gemeinden"] = [{"snapshot_id": 1, "category": "ala", "service": "all",
                                     "ars": "146120000000", "nearest_km": 1.5,
                                     "nearest_provider": "A1", "kreis_placed": False,
                                     "own_kreis": True, "sfca_per_100k": 0.2}]
    if version >= 5:
        rows["traveltime_runs"] = [{"snapshot_id": 1, "mode": "car", "category": "ala",
                                    "service": "all", "status": "ok", "providers_used": 1,
                                    "points_unroutable": 0, "gemeinden_unreachable": 0,
                                    "engine": "Valhalla 3.9.1", "extract_name": "x.osm.pbf",
                                    "extract_timestamp": None, "extract_sha256": "ab" * 32,
                                    "notes": [], "computed_at": TAKEN,
                                    **({"tile_dir": "/srv/tiles"} if version >= 6 else {})}]
        rows["traveltime_gemeinden"] = [{"snapshot_id": 1, "mode": "car", "category": "ala",
                                         "service": "all", "ars": "146120000000",
                                         "nearest_min": 12.5, "road_km": 9.8,
                                         "nearest_provider": "A1"}]
    engine = create_engine(url)
    with engine.begin() as conn:
        meta.create_all(conn)
        for table, values in rows.items():
            conn.execute(meta.tables[table].insert(), values)
        conn.execute(meta.tables["schema_version"].insert(), [
            {"version": v, "description": f"frozen {v}", "applied_at": TAKEN}
            for v in range(1, version + 1)])
        frozen_triggers(conn, version)
    engine.dispose()
    return rows


def read_back(engine, rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The seeded columns of every seeded table, as the upgraded database returns them."""
    found = {}
    with engine.connect() as conn:
        for table, values in rows.items():
            columns = [schema.metadata.tables[table].c[name] for name in values[0]]
            result = conn.execute(select(*columns)).mappings().all()
            found[table] = [dict(row) for row in result]
    return found


def _utc(value):
    # SQLite hands back naive datetimes for timezone-aware columns: compare in UTC
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def normalised(rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    return {table: sorted(({k: _utc(v) for k, v in row.items()} for row in values),
                          key=lambda r: tuple(str(v) for v in r.values()))
            for table, values in rows.items()}


@pytest.mark.parametrize("version", FROZEN_VERSIONS)
def test_a_database_of_each_earlier_version_upgrades_with_its_data_intact(db_url, version):
    written = seed(db_url, version)
    engine = store.connect(db_url)  # what every start does: upgrade, then serve
    try:
        assert migrations.current_version(engine) == migrations.LATEST_VERSION
        with engine.connect() as conn:
            recorded = conn.execute(select(schema.schema_version.c.version)).scalars().all()
        assert sorted(recorded) == [v for v, _, _ in migrations.MIGRATIONS]
        assert normalised(read_back(engine, written)) == normalised(written)
        # and the store reads it as it reads a new database
        providers = store.load_providers(engine, 1).sort_values("source_id")
        assert providers["plz"].tolist() == ["01067", "83022"]  # PLZ stay strings
        assert providers["phone"].tolist()[0] == "+49 351 1234-5"
        assert store.get_snapshot(engine, 1)["origin"] == "live"
    finally:
        engine.dispose()


@pytest.mark.parametrize("version", FROZEN_VERSIONS)
def test_an_upgraded_database_has_todays_tables_and_rules(db_url, version):
    seed(db_url, version)
    engine = store.connect(db_url)
    try:
        seen = inspect(engine)
        for name, table in schema.metadata.tables.items():
            assert seen.has_table(name), name
            have = {c["name"] for c in seen.get_columns(name)}
            assert {c.name for c in table.columns} <= have, name
        # migration 2's rule holds, and migration 3's origin is accepted
        with pytest.raises(DatabaseError, match="immutable"), engine.begin() as conn:
            conn.execute(text("UPDATE providers SET name = 'x'"))
        with engine.begin() as conn:
            conn.execute(schema.snapshots.insert().values(
                taken_at=TAKEN, created_at=TAKEN, origin="import", parser_version="1",
                source="Liste", notes="", source_url="https://example.org/liste.csv"))
    finally:
        engine.dispose()


@pytest.mark.parametrize("version", FROZEN_VERSIONS)
def test_an_upgraded_database_never_hands_out_a_snapshot_id_twice(db_url, version):
    seed(db_url, version)  # snapshot 1; v1 and v2 files were made without AUTOINCREMENT
    engine = store.connect(db_url)
    try:
        def add() -> int:
            with engine.begin() as conn:
                return conn.execute(schema.snapshots.insert().values(
                    taken_at=TAKEN, created_at=TAKEN, origin="live", parser_version="1",
                    source="REHADAT", notes="")).inserted_primary_key[0]

        newest = add()
        assert newest == 2
        store.delete_snapshot(engine, newest)
        assert add() == 3, "the deleted snapshot's id was handed out again"
        if engine.dialect.name == "sqlite":
            with engine.connect() as conn:
                assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
                assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        assert store.get_snapshot(engine, 1)["notes"] == "alt"  # the old row is untouched
    finally:
        engine.dispose()


def test_every_earlier_schema_version_has_a_frozen_definition():
    assert set(range(1, migrations.LATEST_VERSION)) <= set(FROZEN_VERSIONS)


def test_an_unknown_frozen_version_is_refused():
    with pytest.raises(ValueError, match="no frozen schema 99"):
        frozen_metadata(99)
