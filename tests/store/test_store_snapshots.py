"""Snapshots are written whole or not at all, read back unchanged, and never altered."""

from __future__ import annotations

import pandas as pd
import pytest

import store
from store import schema


def test_a_snapshot_reads_back_with_every_field(engine, write, make_provider):
    rows = [
        make_provider("A1", plz="01067", services=["Eingangsverfahren", "Arbeitsbereich"]),
        make_provider("W1", "wfbm", quality="land", kreis=None, plz="99084", city="Erfurt"),
        make_provider("I1", "ib", quality="none", kreis=None, land=None, phone=None),
    ]
    snapshot_id = write(engine, rows, origin="replay", taken_at="2022-12-01T10:30:00+01:00")
    snapshot = store.get_snapshot(engine, snapshot_id)
    assert snapshot["origin"] == "replay"
    assert snapshot["taken_at"] == "2022-12-01T09:30:00Z"
    assert snapshot["counts"] == {
        "ala": {"expected": 1, "parsed": 1},
        "wfbm": {"expected": 1, "parsed": 1},
        "ib": {"expected": 1, "parsed": 1},
    }
    loaded = store.load_providers(engine, snapshot_id).set_index("source_id")
    assert list(loaded.columns) == [c for c in store.PROVIDER_COLUMNS if c != "source_id"]
    assert loaded.loc["A1", "plz"] == "01067"
    assert loaded.loc["A1", "services"] == ["Eingangsverfahren", "Arbeitsbereich"]
    assert loaded.loc["W1", "geocode_quality"] == "land"
    assert pd.isna(loaded.loc["W1", "kreis_ars"])
    assert pd.isna(loaded.loc["I1", "phone"])
    assert pd.isna(loaded.loc["I1", "lon"])
    assert loaded.loc["A1", "lon"] == pytest.approx(13.7)


def test_load_providers_filters_by_category_land_and_kreis(engine, write, make_provider):
    snapshot_id = write(engine, [
        make_provider("A1"),
        make_provider("A2", kreis="09162", land="09"),
        make_provider("W1", "wfbm", kreis="09162", land="09"),
    ])
    assert list(store.load_providers(engine, snapshot_id, category="ala").source_id) == ["A1", "A2"]
    assert list(store.load_providers(engine, snapshot_id, land="09").source_id) == ["A2", "W1"]
    both = store.load_providers(engine, snapshot_id, category="wfbm", kreis="09162")
    assert list(both.source_id) == ["W1"]
    with pytest.raises(store.SnapshotNotFound):
        store.load_providers(engine, snapshot_id + 1)


def test_snapshots_are_listed_newest_first_with_their_counts(engine, write, make_provider):
    old = write(engine, [make_provider("A1")], taken_at="2021-11-30", origin="demo")
    new = write(engine, [make_provider("A1"), make_provider("A2")], taken_at="2022-01-31",
                categories=("ala",))
    listing = store.list_snapshots(engine)
    assert list(listing["id"]) == [new, old]
    assert list(listing["parsed_ala"]) == [2, 1]
    assert pd.isna(listing.loc[0, "parsed_wfbm"])  # the newer run did not cover WfbM
    assert listing.loc[1, "expected_wfbm"] == 0
    assert str(listing["taken_at"].dt.tz) == "UTC"


def test_deleting_a_snapshot_removes_all_its_rows_and_nothing_else(
    engine, write, make_provider, dump
):
    keep = write(engine, [make_provider("A1")])
    before = dump(engine)
    gone = write(engine, [make_provider("A1"), make_provider("W1", "wfbm")])
    store.delete_snapshot(engine, gone)
    after = dump(engine)
    assert store.get_snapshot(engine, gone) is None
    assert store.get_snapshot(engine, keep) is not None
    assert after == before
    with pytest.raises(store.SnapshotNotFound, match=str(gone)):
        store.delete_snapshot(engine, gone)


def test_writing_a_new_snapshot_leaves_the_earlier_one_untouched(
    engine, write, make_provider, dump
):
    first = write(engine, [make_provider("A1")])
    providers_before = store.load_providers(engine, first)
    snapshot_before = store.get_snapshot(engine, first)
    write(engine, [make_provider("A1", name="Beispiel neu", street="Neue Straße 2")])
    pd.testing.assert_frame_equal(store.load_providers(engine, first), providers_before)
    assert store.get_snapshot(engine, first) == snapshot_before


def test_an_error_in_the_middle_of_a_write_leaves_nothing(engine, write, make_provider, dump):
    write(engine, [make_provider("A1")])
    before = dump(engine)
    frame = pd.DataFrame([make_provider("A9")], columns=list(store.PROVIDER_COLUMNS))
    # The report is written last, after snapshot, counts and providers: a value JSON
    # cannot encode makes that last insert fail inside the transaction.
    with pytest.raises(store.StoreError, match="snapshot not written"):
        store.write_snapshot(
            engine,
            {"taken_at": "2022-12-01", "origin": "live", "categories": {"ala": 1}},
            frame,
            {"unserialisable": object()},
        )
    assert dump(engine) == before


def _frame(rows):
    return pd.DataFrame(rows, columns=list(store.PROVIDER_COLUMNS))


@pytest.mark.parametrize(
    ("meta", "rows", "message"),
    [
        ({"origin": "scraped"}, [], "origin must be one of"),
        ({"taken_at": None}, [], "taken_at is missing"),
        ({"taken_at": "yesterday"}, [], "not an ISO-8601"),
        ({"categories": {}}, [], "categories must name"),
        ({"categories": {"xyz": 1}}, [], "unknown categories"),
        ({"categories": {"ala": -1}}, [], "must be a count"),
        ({}, [{"plz": 1067}], "bad PLZ"),
        ({}, [{"plz": "1067"}], "bad PLZ"),
        ({}, [{"name": "  "}], "name is empty"),
        ({}, [{"category": "wfbm"}], "categories not in the snapshot"),
        ({}, [{"geocode_quality": "street"}], "unknown geocode_quality"),
        ({}, [{}, {}], "duplicate source_id"),
        ({}, [{"city": "x" * 201}], "city longer than 200"),
    ],
)
def test_invalid_input_is_refused_with_a_clear_message_and_nothing_is_written(
    engine, make_provider, dump, meta, rows, message
):
    before = dump(engine)
    full_meta = {"taken_at": "2022-12-01", "origin": "live", "categories": {"ala": None}, **meta}
    frame = _frame([make_provider("A1", **overrides) for overrides in rows])
    with pytest.raises(store.InvalidSnapshot, match=message):
        store.write_snapshot(engine, full_meta, frame, {})
    assert dump(engine) == before


def test_the_served_snapshot_prefers_real_data_over_demo_data(engine, write, make_provider):
    assert store.served_snapshot(engine) is None
    demo_old = write(engine, [make_provider("A1")], origin="demo", taken_at="2021-11-30")
    demo_new = write(engine, [make_provider("A1")], origin="demo", taken_at="2022-12-01")
    assert store.served_snapshot(engine)["id"] == demo_new
    # A live snapshot is served even when it is dated before the newest demo.
    live = write(engine, [make_provider("A1")], origin="live", taken_at="2020-01-01")
    assert store.served_snapshot(engine)["id"] == live
    replay = write(engine, [make_provider("A1")], origin="replay", taken_at="2020-06-01")
    assert store.served_snapshot(engine)["id"] == replay
    series = store.served_series(engine)
    assert list(series["id"]) == [live, replay]
    assert "demo" not in set(series["origin"])
    store.delete_snapshot(engine, live)
    store.delete_snapshot(engine, replay)
    assert list(store.served_series(engine)["id"]) == [demo_old, demo_new]


def test_the_quality_report_is_stored_with_the_snapshot(engine, write, make_provider):
    snapshot_id = write(engine, [
        make_provider("A1"),
        make_provider("A2", quality="kreis"),
        make_provider("W1", "wfbm", quality="none", kreis=None, land=None),
    ])
    report = store.quality_report(engine, snapshot_id)
    assert report["categories"]["ala"] == {
        "expected_total": 2, "parsed": 2,
        "geocode_quality": {"gemeinde": 1, "kreis": 1, "land": 0, "none": 0},
    }
    assert report["geocode_quality"] == {"gemeinde": 1, "kreis": 1, "land": 0, "none": 1}
    listed = {(e["source_id"], e["geocode_quality"], e["geocode_note"])
              for e in report["not_gemeinde"]}
    assert listed == {("A2", "kreis", "only kreis"), ("W1", "none", "only none")}
    with pytest.raises(store.SnapshotNotFound):
        store.quality_report(engine, 999)


def test_schema_columns_and_data_model_agree():
    table_columns = set(schema.providers.c.keys())
    assert set(store.PROVIDER_COLUMNS) <= table_columns


def test_a_deleted_snapshots_id_is_never_given_again(engine, write, make_provider):
    first = write(engine, [make_provider("A1")])
    store.load_providers(engine, first)  # now cached
    store.delete_snapshot(engine, first)
    second = write(engine, [make_provider("B1")])
    assert second != first
    assert list(store.load_providers(engine, second)["source_id"]) == ["B1"]
