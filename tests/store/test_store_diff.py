"""Diffs between snapshots: new, vanished and changed providers, matched by source_id."""

from __future__ import annotations

import pytest

import store


def test_new_vanished_and_changed_providers_are_found(engine, write, make_provider):
    old = write(engine, [
        make_provider("A1"),
        make_provider("A2", kreis="09162", land="09"),
        make_provider("A3"),
        make_provider("A4", street="Alte Straße 1"),
        make_provider("W1", "wfbm"),
    ], taken_at="2022-01-31")
    new = write(engine, [
        make_provider("A1", phone="0351 999"),  # phone is not name or address: unchanged
        make_provider("A3", name="Beispiel A3 gGmbH"),
        make_provider("A4", street="Neue Straße 7", plz="01069"),
        make_provider("A5", kreis="05315", land="05"),
        make_provider("W1", "wfbm", street=" Hauptstraße 1 "),  # whitespace only
    ], taken_at="2022-12-01")
    diff = store.diff_snapshots(engine, old, new)
    got = {(r.change, r.category, r.source_id, r.changed_fields)
           for r in diff.itertuples()}
    assert got == {
        ("new", "ala", "A5", ""),
        ("vanished", "ala", "A2", ""),
        ("changed", "ala", "A3", "name"),
        ("changed", "ala", "A4", "street, plz"),
    }
    assert list(diff["change"]) == ["new", "vanished", "changed", "changed"]
    rows = diff.set_index("source_id")
    assert rows.loc["A5", "kreis_ars"] == "05315" and rows.loc["A5", "name_old"] is None
    assert rows.loc["A2", "land_code"] == "09" and rows.loc["A2", "name_new"] is None
    assert rows.loc["A4", "street_old"] == "Alte Straße 1"
    assert rows.loc["A4", "street_new"] == "Neue Straße 7"


def test_the_same_source_id_in_another_category_is_another_provider(engine, write, make_provider):
    old = write(engine, [make_provider("X1", "ala")])
    new = write(engine, [make_provider("X1", "ib")])
    diff = store.diff_snapshots(engine, old, new)
    assert sorted(zip(diff["change"], diff["category"], strict=True)) == [
        ("new", "ib"), ("vanished", "ala")]
    only_ib = store.diff_snapshots(engine, old, new, category="ib")
    assert list(only_ib["change"]) == ["new"]


def test_a_snapshot_compared_with_itself_has_no_differences(engine, write, make_provider):
    snapshot_id = write(engine, [make_provider("A1"), make_provider("W1", "wfbm")])
    diff = store.diff_snapshots(engine, snapshot_id, snapshot_id)
    assert diff.empty
    assert list(diff.columns)[:3] == ["change", "category", "source_id"]


def test_diff_refuses_unknown_snapshots_and_categories(engine, write, make_provider):
    snapshot_id = write(engine, [make_provider("A1")])
    with pytest.raises(store.SnapshotNotFound):
        store.diff_snapshots(engine, snapshot_id, 12345)
    with pytest.raises(store.InvalidArgument):
        store.diff_snapshots(engine, snapshot_id, snapshot_id, category="all")
