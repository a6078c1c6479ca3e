"""Growth over the three demo snapshots, checked against independent reads of the store."""

from __future__ import annotations

import pandas as pd

import geodata
import store
from store import growth


def test_national_ala_counts_are_60_67_88_at_the_three_dates(demo_engine):
    series = growth.snapshot_counts(demo_engine, "ala")
    germany = series[series["region"] == "DE"].sort_values("taken_at")
    assert germany["count"].tolist() == [60, 67, 88]
    dates = pd.to_datetime(germany["taken_at"], utc=True).dt.strftime("%Y-%m-%d").tolist()
    assert dates == ["2021-11-30", "2022-01-31", "2022-12-01"]


def test_land_counts_match_providers_loaded_per_land(demo_engine, demo_ids):
    series = growth.snapshot_counts(demo_engine, "ala")
    last = series[(series["snapshot_id"] == demo_ids[-1]) & (series["region"] != "DE")]
    assert len(last) == 16
    for row in last.itertuples():
        expected = len(store.load_providers(demo_engine, demo_ids[-1], "ala", land=row.region))
        assert row.count == expected, row.region_name


def test_counts_are_read_without_loading_any_snapshots_providers(demo_engine, demo_ids):
    # issue 21: the counts are a grouped query; decoding three snapshots' providers cost a
    # fresh server about two seconds of its first Entwicklung page
    from store.providers import _snapshot_frame

    _snapshot_frame.cache_clear()
    series = growth.snapshot_counts(demo_engine, "wfbm")
    assert _snapshot_frame.cache_info().misses == 0
    stacked = pd.concat([store.load_providers(demo_engine, sid).assign(snapshot_id=sid)
                         for sid in demo_ids], ignore_index=True)
    snapshots = store.served_series(demo_engine)
    from_frames = growth.count_series(stacked, snapshots, "wfbm", geodata.region_table("land"))
    pd.testing.assert_frame_equal(series.reset_index(drop=True), from_frames)
    assert series[series["region"] == "DE"]["count"].min() > 0


def test_published_counts_stay_separate_from_snapshot_counts(demo_engine):
    series = growth.snapshot_counts(demo_engine, "ala")
    reference = growth.published_reference("ala")
    assert reference["count"].tolist() == [60, 67, 88]
    assert "source" in reference.columns and "source" not in series.columns
    assert set(series["snapshot_id"]) <= set(store.list_snapshots(demo_engine)["id"])


def test_diff_of_first_and_last_lists_exactly_the_added_and_removed_providers(
    demo_engine, demo_ids
):
    first, last = demo_ids[0], demo_ids[-1]
    old = store.load_providers(demo_engine, first, "ala")
    new = store.load_providers(demo_engine, last, "ala")
    old_ids, new_ids = set(old["source_id"]), set(new["source_id"])
    changes = growth.provider_changes(demo_engine, first, last, "ala")
    assert set(changes.loc[changes["change"] == "new", "source_id"]) == new_ids - old_ids
    assert set(changes.loc[changes["change"] == "vanished", "source_id"]) == old_ids - new_ids
    assert new_ids - old_ids, "the demo should add providers between the first and last date"
    vanished = changes[changes["change"] == "vanished"]
    by_id = old.set_index("source_id")
    for row in vanished.itertuples():  # vanished ones are placed where they were
        assert row.name == by_id.loc[row.source_id, "name"]
        assert row.lon == by_id.loc[row.source_id, "lon"]


def test_land_growth_adds_up_to_the_national_growth_of_placed_providers(demo_engine, demo_ids):
    first, last = demo_ids[0], demo_ids[-1]
    table = growth.land_growth_between(demo_engine, first, last, "ala")
    placed = [
        store.load_providers(demo_engine, sid, "ala")["land_code"].notna().sum()
        for sid in (first, last)
    ]
    assert table["growth"].sum() == placed[1] - placed[0]
    assert table["growth"].is_monotonic_decreasing
    assert table["rank"].tolist() == list(range(1, 17))


def test_region_change_per_kreis_matches_region_metrics(demo_engine, demo_ids):
    first, last = demo_ids[0], demo_ids[-1]
    change = growth.region_change_between(demo_engine, first, last, "kreis", "ala")
    assert len(change) == 401
    old = store.region_metrics(demo_engine, first, "kreis", "ala").set_index("code")["count"]
    new = store.region_metrics(demo_engine, last, "kreis", "ala").set_index("code")["count"]
    expected = (new - old).rename("change")
    got = change.set_index("code")["change"]
    pd.testing.assert_series_equal(got, expected.loc[got.index], check_dtype=False)
