"""The same store code on a real PostgreSQL server.

On the session's throw-away cluster (tests/pg_cluster.py), or the server that
ATLAS_TEST_POSTGRES_URL names; each test gets a database of its own.
"""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

import store
from store import migrations


@pytest.fixture
def pg(pg_database):
    """A PostgreSQL store in a fresh database."""
    engine = store.connect(pg_database())
    yield engine
    engine.dispose()


def test_postgres_gets_the_schema_and_refuses_updates(pg, write, make_provider):
    assert migrations.current_version(pg) == migrations.LATEST_VERSION
    assert migrations.upgrade(pg) == []
    snapshot_id = write(pg, [make_provider("A1"), make_provider("W1", "wfbm")])
    with pytest.raises(DatabaseError, match="immutable"), pg.begin() as conn:
        conn.execute(text("UPDATE providers SET name = 'x'"))
    assert store.load_providers(pg, snapshot_id)["name"].str.startswith("Beispiel").all()


def test_postgres_round_trip_served_snapshot_and_delete(pg, write, make_provider, dump):
    demo = write(pg, [make_provider("A1")], origin="demo", taken_at="2022-12-01")
    live = write(pg, [make_provider("A1", plz="01069", services=["Arbeitsbereich"])],
                 origin="live", taken_at="2021-01-01T12:00:00+01:00")
    assert store.served_snapshot(pg)["id"] == live
    assert store.get_snapshot(pg, live)["taken_at"] == "2021-01-01T11:00:00Z"
    row = store.load_providers(pg, live).iloc[0]
    assert row["plz"] == "01069" and row["services"] == ["Arbeitsbereich"]
    diff = store.diff_snapshots(pg, demo, live)
    assert list(diff["changed_fields"]) == ["plz"]
    before = dump(pg)
    frame = pd.DataFrame([make_provider("A9")], columns=list(store.PROVIDER_COLUMNS))
    with pytest.raises(store.StoreError):
        store.write_snapshot(pg, {"taken_at": "2023-01-01", "origin": "live",
                                  "categories": {"ala": 1}}, frame, {"bad": object()})
    assert dump(pg) == before
    store.delete_snapshot(pg, live)
    assert store.served_snapshot(pg)["id"] == demo


def test_postgres_serves_the_demo_default_through_the_api(pg):
    from flask import Flask

    from dashboard.endpoints.api import register_api
    from scrapers.demo import ensure_default
    from store.serving import ServingStore

    ids = ensure_default(pg)
    assert len(ids) == 3
    server = Flask("pg")
    register_api(server, ServingStore(pg.url.render_as_string(hide_password=False)))
    client = server.test_client()
    land = client.get("/api/regions?level=land").get_json()
    assert len(land["regions"]) == 16
    assert sum(r["population"] for r in land["regions"]) == 83_166_711
    assert sum(r["count"] for r in land["regions"]) == 88
    assert len(client.get("/api/regions?level=kreis").get_json()["regions"]) == 401
