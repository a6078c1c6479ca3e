"""Imported lists are their own series: never merged with REHADAT or demo snapshots."""

from __future__ import annotations

import pandas as pd
import pytest
import sqlalchemy
from sqlalchemy import text

import store
from store import migrations


def _import(engine, rows, name, taken_at, url=None):
    frame = pd.DataFrame(rows, columns=list(store.PROVIDER_COLUMNS))
    expected = {"wfbm": len(rows)}
    meta = {"taken_at": taken_at, "origin": "import", "categories": expected,
            "source": name, "source_url": url}
    return store.write_snapshot(engine, meta, frame, store.build_quality_report(frame, expected))


def test_each_source_is_a_separate_series_and_rehadat_stays_served(engine, write, make_provider):
    live_old = write(engine, [make_provider("A1", "wfbm")], taken_at="2022-01-01T00:00:00Z")
    live_new = write(engine, [make_provider("A1", "wfbm"), make_provider("A2", "wfbm")],
                     taken_at="2022-06-01T00:00:00Z")
    bag_1 = _import(engine, [make_provider("x1", "wfbm")], "BAG WfbM Liste", "2023-01-01",
                    "https://bag.example/liste.xlsx")
    bag_2 = _import(engine, [make_provider("x1", "wfbm")], "BAG WfbM Liste", "2024-01-01")
    land = _import(engine, [make_provider("y1", "wfbm")], "Landesliste Sachsen", "2024-02-01")

    # the newest snapshot is an import, but the atlas still shows REHADAT by default
    assert store.served_snapshot(engine)["id"] == live_new
    assert store.served_series(engine)["id"].tolist() == [live_old, live_new]
    assert store.served_series(engine, bag_2)["id"].tolist() == [bag_1, bag_2]
    assert store.served_series(engine, land)["id"].tolist() == [land]
    listing = store.list_snapshots(engine).set_index("id")
    assert listing.loc[bag_1, "series"] == "import:BAG WfbM Liste"
    assert listing.loc[bag_1, "source_url"] == "https://bag.example/liste.xlsx"
    assert listing.loc[live_new, "series"] == "rehadat"
    snapshot = store.get_snapshot(engine, bag_1)
    assert (snapshot["origin"], snapshot["source"], snapshot["series"]) == (
        "import", "BAG WfbM Liste", "import:BAG WfbM Liste")


def test_imports_alone_are_served_and_demo_wins_over_them(engine, write, make_provider):
    only = _import(engine, [make_provider("x1", "wfbm")], "Liste", "2024-01-01")
    assert store.served_snapshot(engine)["id"] == only
    demo = write(engine, [make_provider("d1")], origin="demo", taken_at="2020-01-01T00:00:00Z")
    assert store.served_snapshot(engine)["id"] == demo
    assert store.served_series(engine)["id"].tolist() == [demo]


def test_an_import_without_a_list_name_is_refused(engine, make_provider):
    with pytest.raises(store.InvalidSnapshot, match="needs a source"):
        _import(engine, [make_provider("x1", "wfbm")], "  ", "2024-01-01")


def test_a_version_2_database_is_upgraded_keeping_its_snapshots(tmp_path, write, make_provider):
    """Turn a current SQLite database back into version 2 (old CHECK, no source_url), reconnect.
    SQLite only: its CHECK is rewritten in sqlite_master (PostgreSQL's constraint is replaced
    by plain DDL in the migration, which the PostgreSQL store tests run from scratch)."""
    db_url = f"sqlite:///{tmp_path / 'v2.sqlite'}"
    engine = store.connect(db_url)
    kept = write(engine, [make_provider("A1")])
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE snapshots DROP COLUMN source_url"))
        sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'snapshots'")
                           ).scalar_one()
        version = conn.execute(text("PRAGMA schema_version")).scalar_one()
        conn.execute(text("PRAGMA writable_schema = ON"))
        conn.execute(text("UPDATE sqlite_master SET sql = :sql WHERE name = 'snapshots'"),
                     {"sql": sql.replace(", 'import')", ")")})
        conn.execute(text(f"PRAGMA schema_version = {version + 1}"))
        conn.execute(text("PRAGMA writable_schema = OFF"))
        conn.execute(text("DELETE FROM schema_version WHERE version >= 3"))
        # migration 4 (access measures) came after: a version-2 database has none of it
        conn.execute(text("DROP TABLE access_gemeinden"))
        conn.execute(text("DROP TABLE access_runs"))
    engine.dispose()
    old = sqlalchemy.create_engine(db_url)
    with old.begin() as conn, pytest.raises(sqlalchemy.exc.IntegrityError):
        conn.execute(text("INSERT INTO snapshots (taken_at, created_at, origin, "
                          "parser_version, source, notes) VALUES "
                          "('2024-01-01', '2024-01-01', 'import', 'x', 'y', '')"))
    old.dispose()

    engine = store.connect(db_url)
    assert migrations.current_version(engine) == migrations.LATEST_VERSION >= 4
    assert store.get_snapshot(engine, kept)["origin"] == "live"
    new = _import(engine, [make_provider("x1", "wfbm")], "Liste", "2024-01-01", "https://l.example")
    assert store.get_snapshot(engine, new)["source_url"] == "https://l.example"
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        bad = conn.execute(text("PRAGMA foreign_key_check")).all()
    assert bad == []
    with engine.begin() as conn, pytest.raises(sqlalchemy.exc.IntegrityError):
        conn.execute(text("INSERT INTO snapshots (taken_at, created_at, origin, "
                          "parser_version, source, notes) VALUES "
                          "('2024-01-01', '2024-01-01', 'scraped', 'x', 'y', '')"))
