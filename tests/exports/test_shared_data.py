"""Exports over one engine share what they read from the store: a second map of the same
snapshot asks the database far less, and a new snapshot is still seen at once."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import event

import store
from dashboard.exports import ExportRequest, export_view
from dashboard.exports.export import _builder
from dashboard.exports.request import checked
from dashboard.exports.shared_data import export_data
from store import schema
from tests.conftest import copy_demo_store


@pytest.fixture
def own_engine(demo_store_file, tmp_path):
    engine = store.connect(f"sqlite:///{copy_demo_store(demo_store_file, tmp_path)}")
    yield engine
    engine.dispose()


def _statements(engine, work) -> int:
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        work()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def _map_view(engine, metric: str):
    request = checked(ExportRequest("karte", "svg", "kreis", "ala", metric))
    return _builder(request)(engine, request)


def test_one_engine_one_shared_reader(own_engine, demo_engine):
    assert export_data(own_engine) is export_data(own_engine)
    assert export_data(own_engine) is not export_data(demo_engine)


def test_a_second_map_of_the_same_snapshot_reads_far_less(own_engine):
    first = _statements(own_engine, lambda: _map_view(own_engine, "per100k"))
    second = _statements(own_engine, lambda: _map_view(own_engine, "count"))
    # the region metrics of the series were read once; only the list of snapshots is fresh
    assert second < first / 2, (first, second)


def test_a_snapshot_added_after_an_export_is_exported_next(own_engine):
    before = export_view(own_engine, ExportRequest("tabelle", "csv", "kreis", "ala"))
    with own_engine.begin() as conn:
        newest = conn.execute(
            schema.snapshots.insert().values(
                taken_at=datetime(2023, 6, 1, tzinfo=UTC),
                created_at=datetime.now(UTC),
                origin="demo",
                parser_version="1",
                source="demo",
                notes="",
            )
        ).inserted_primary_key[0]
        conn.execute(
            schema.snapshot_categories.insert(),
            [
                {"snapshot_id": newest, "category": kind, "expected_total": 0, "parsed_count": 0}
                for kind in ("ala", "wfbm", "ib")
            ],
        )
    after = export_view(
        own_engine, ExportRequest("tabelle", "csv", "kreis", "ala", snapshot=newest)
    )
    assert before.filename.endswith("2022-12-01.csv")
    assert after.filename.endswith("2023-06-01.csv")


def test_exports_over_the_apps_store_read_with_the_apps_reader(demo_store_file, tmp_path):
    from dashboard import create_app

    path = copy_demo_store(demo_store_file, tmp_path)
    app = create_app(f"sqlite:///{path}")
    serving = app.server.config["ATLAS_STORE"]
    data = export_data(serving.engine())
    # the app's reader (a served file), not one of the exports' own (a plain engine: None)
    assert data.store_file is not None and data.store_file.samefile(path)
