"""The snapshot writer takes what is derived from a snapshot (the access measures) as steps it
is given (store.snapshots.insert_snapshot, below store.access), and store.write_snapshot hands
it the access step: computed before the transaction, written inside it, all or nothing."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import func, select

import store
from store import schema
from store.snapshots import Derived, insert_snapshot


def frame_and_meta(make_provider) -> tuple[pd.DataFrame, dict]:
    rows = [make_provider("A1"), make_provider("W1", "wfbm")]
    frame = pd.DataFrame(rows, columns=list(store.PROVIDER_COLUMNS))
    meta = {"taken_at": "2022-12-01T00:00:00Z", "origin": "live",
            "categories": {"ala": 1, "wfbm": 1, "ib": 0}}
    return frame, meta


def count(engine, table) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_a_step_sees_the_providers_and_writes_in_the_snapshots_transaction(engine, make_provider):
    frame, meta = frame_and_meta(make_provider)
    seen = {}

    def step(providers: pd.DataFrame, recorded: list[str]) -> Derived:
        seen["rows"], seen["recorded"] = len(providers), recorded

        def write(conn, snapshot_id: int) -> None:
            # inside the transaction: the snapshot's own rows are already visible here
            seen["providers_then"] = conn.execute(
                select(func.count()).select_from(schema.providers)
                .where(schema.providers.c.snapshot_id == snapshot_id)).scalar_one()

        return Derived("extra", {"checked": True}, write)

    snapshot_id = insert_snapshot(engine, meta, frame, {}, derive=(step,))
    assert seen == {"rows": 2, "recorded": ["ala", "wfbm", "ib"], "providers_then": 2}
    assert store.quality_report(engine, snapshot_id)["extra"] == {"checked": True}


def test_a_step_that_fails_inside_the_transaction_leaves_no_snapshot(engine, make_provider):
    frame, meta = frame_and_meta(make_provider)

    def failing(providers: pd.DataFrame, recorded: list[str]) -> Derived:
        def write(conn, snapshot_id: int) -> None:
            raise ValueError("derived rows could not be written")

        return Derived("extra", {}, write)

    with pytest.raises(store.StoreError, match="snapshot not written: derived rows"):
        insert_snapshot(engine, meta, frame, {}, derive=(failing,))
    assert store.list_snapshots(engine).empty
    assert count(engine, schema.providers) == 0


def test_the_bare_writer_stores_no_access_and_write_snapshot_stores_it(engine, make_provider):
    frame, meta = frame_and_meta(make_provider)
    bare = insert_snapshot(engine, meta, frame, {})
    assert "access" not in store.quality_report(engine, bare)
    assert count(engine, schema.access_runs) == 0
    full = store.write_snapshot(engine, meta, frame, {})
    assert store.quality_report(engine, full)["access"]["measures"]
    with engine.connect() as conn:
        ids = set(conn.execute(select(schema.access_runs.c.snapshot_id)).scalars())
    assert ids == {full}
