"""Growth arithmetic on hand-made frames (the demo-store tests are in test_growth_demo.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from store import InvalidArgument, growth

LAENDER = pd.DataFrame(
    {"code": ["01", "02", "09"], "name": ["Schleswig-Holstein", "Hamburg", "Bayern"],
     "population": [2_900_000, 1_850_000, 13_100_000]}
)


def providers(snapshot_id: int, lands: list[str | None], category: str = "ala") -> pd.DataFrame:
    return pd.DataFrame(
        {"snapshot_id": snapshot_id, "category": category, "land_code": lands,
         "source_id": [f"{snapshot_id}-{i}" for i in range(len(lands))]}
    )


def test_count_series_counts_germany_including_unplaced_and_every_land():
    stacked = pd.concat([
        providers(1, ["01", "09", None]),
        providers(2, ["01", "01", "09", "09"]),
        providers(2, ["02"], category="wfbm"),
    ])
    snapshots = pd.DataFrame(
        {"id": [2, 1], "taken_at": pd.to_datetime(["2022-12-01", "2021-11-30"]),
         "origin": "demo"}
    )
    series = growth.count_series(stacked, snapshots, "ala", LAENDER)
    germany = series[series["region"] == "DE"]
    assert germany["count"].tolist() == [3, 4]  # oldest first; the unplaced one counts
    land = series[series["snapshot_id"] == 2].set_index("region")["count"]
    assert land.to_dict() == {"DE": 4, "01": 2, "02": 0, "09": 2}


def test_land_growth_is_ranked_with_rates_per_100k():
    old = providers(1, ["01", "09"])
    new = providers(2, ["01", "09", "09", "09", "02"])
    table = growth.land_growth(old, new, "ala", LAENDER)
    assert table["land"].tolist() == ["Bayern", "Hamburg", "Schleswig-Holstein"]
    assert table["rank"].tolist() == [1, 2, 3]
    bayern = table.iloc[0]
    assert (bayern["count_old"], bayern["count_new"], bayern["growth"]) == (1, 3, 2)
    assert bayern["growth_per_100k"] == pytest.approx(2 / 13_100_000 * 100_000, abs=1e-3)


def test_changes_by_land_keeps_unplaced_changes_in_their_own_row():
    diff = pd.DataFrame(
        {"change": ["new", "new", "vanished", "changed"], "land_code": ["09", None, "01", "09"]}
    )
    table = growth.changes_by_land(diff, LAENDER).set_index("land")
    assert table.loc["Bayern", ["new", "vanished", "changed"]].tolist() == [1, 0, 1]
    assert table.loc["Schleswig-Holstein", "vanished"] == 1
    assert table.loc["ohne Land", "new"] == 1
    assert table[["new", "vanished", "changed"]].to_numpy().sum() == len(diff)


def test_region_change_subtracts_counts_per_region():
    old = pd.DataFrame({"code": ["01", "09"], "count": [3, 1]})
    new = pd.DataFrame(
        {"code": ["01", "09"], "name": ["SH", "BY"], "land_code": ["01", "09"],
         "land": ["SH", "BY"], "population": [2_000_000, 100_000], "count": [1, 4]}
    )
    change = growth.region_change(old, new)
    assert change["change"].tolist() == [-2, 3]
    assert change["change_per_100k"].tolist() == pytest.approx([-0.1, 3.0])


def test_reference_points_stay_a_separate_frame_of_published_counts():
    published = pd.DataFrame(
        {"as_of": ["2022-12-01", "2021-11-30"], "category": ["ala", "ala"],
         "region": ["DE", "DE"], "count": [88, 60], "source": ["b", "a"]}
    )
    points = growth.reference_points(published, "ala")
    assert points["count"].tolist() == [60, 88]
    assert list(points.columns) == ["as_of", "region", "count", "source"]


def test_an_unknown_category_is_refused():
    with pytest.raises(InvalidArgument, match="category must be one of"):
        growth.land_growth(providers(1, []), providers(2, []), "xyz", LAENDER)
