"""The schema is created and upgraded by the project itself, idempotently."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import DatabaseError

import store
from store import migrations, schema
from store.times import to_utc


def test_connect_creates_every_table_and_records_the_latest_version(tmp_path):
    path = tmp_path / "sub" / "atlas.sqlite"
    engine = store.connect(f"sqlite:///{path}")
    assert path.exists()
    tables = set(inspect(engine).get_table_names())
    assert {"schema_version", "snapshots", "snapshot_categories", "providers",
            "quality_reports"} <= tables
    assert migrations.current_version(engine) == migrations.LATEST_VERSION
    with engine.connect() as conn:
        versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    assert sorted(versions) == [v for v, _, _ in migrations.MIGRATIONS]


def test_connecting_again_applies_nothing_and_keeps_the_data(db_url, write, make_provider, dump):
    engine = store.connect(db_url)
    write(engine, [make_provider("A1")])
    before = dump(engine)
    engine.dispose()
    again = store.connect(db_url)
    assert migrations.upgrade(again) == []
    assert dump(again) == before


def test_an_old_database_is_upgraded_step_by_step(db_url, monkeypatch):
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    old = store.connect(db_url)
    assert migrations.current_version(old) == 1
    old.dispose()
    monkeypatch.undo()
    engine = store.connect(db_url)
    assert migrations.current_version(engine) == migrations.LATEST_VERSION


def test_a_database_newer_than_the_code_is_refused_with_a_clear_message(engine, db_url):
    with engine.begin() as conn:
        conn.execute(
            schema.schema_version.insert().values(
                version=migrations.LATEST_VERSION + 1, description="future",
                applied_at=to_utc("2030-01-01"),
            )
        )
    with pytest.raises(store.SchemaError, match="newer than this code"):
        store.connect(db_url)


def test_the_database_itself_refuses_to_change_a_snapshot(engine, write, make_provider, dump):
    snapshot_id = write(engine, [make_provider("A1")])
    before = dump(engine)
    for statement in (
        "UPDATE providers SET name = 'changed'",
        "UPDATE snapshots SET origin = 'demo'",
        "UPDATE snapshot_categories SET parsed_count = 99",
        "UPDATE quality_reports SET report = '{}'",
    ):
        with pytest.raises(DatabaseError, match="immutable"), engine.begin() as conn:
            conn.execute(text(statement))
    assert dump(engine) == before
    assert store.get_snapshot(engine, snapshot_id)["origin"] == "live"


def test_database_url_prefers_the_argument_then_the_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://atlas@db/atlas")
    assert store.database_url("sqlite:///x.sqlite") == "sqlite:///x.sqlite"
    assert store.database_url() == "postgresql://atlas@db/atlas"
    monkeypatch.delenv("DATABASE_URL")
    assert store.database_url().endswith("/data/atlas.sqlite")


_CONNECT = "import sys, store; store.connect(sys.argv[1]); print('ok')"


def test_processes_creating_the_schema_at_the_same_moment_all_succeed(tmp_path):
    repo = Path(__file__).resolve().parents[2]
    url = f"sqlite:///{tmp_path / 'race.sqlite'}"
    env = {**os.environ, "PYTHONPATH": str(repo)}
    processes = [
        subprocess.Popen([sys.executable, "-c", _CONNECT, url], cwd=repo, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    results = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0, 0, 0], [err for _, err in results]
    engine = store.connect(url)
    assert migrations.current_version(engine) == migrations.LATEST_VERSION
