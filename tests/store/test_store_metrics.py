"""Region metrics on small hand-made frames, values worked out by hand; and every real
region present."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import store
from store.metrics import METRIC_COLUMNS, compute_region_metrics, unplaced_counts

KREISE = pd.DataFrame({
    "code": ["01002", "01001", "02000"],  # deliberately unsorted
    "name": ["Kiel", "Flensburg", "Hamburg"],
    "bez": ["Kreisfreie Stadt"] * 3,
    "land_code": ["01", "01", "02"],
    "land": ["Schleswig-Holstein", "Schleswig-Holstein", "Hamburg"],
    "population": [50_000, 100_000, 200_000],
    "population_as_of": ["2019-12-31"] * 3,
})
LAENDER = pd.DataFrame({
    "code": ["01", "02"],
    "name": ["Schleswig-Holstein", "Hamburg"],
    "bez": ["Land", "Freie und Hansestadt"],
    "land_code": ["01", "02"],
    "land": ["Schleswig-Holstein", "Hamburg"],
    "population": [150_000, 200_000],
    "population_as_of": ["2019-12-31"] * 2,
})


@pytest.fixture
def providers(make_provider) -> pd.DataFrame:
    rows = [
        make_provider("A1", kreis="01001", land="01"),
        make_provider("A2", kreis="01001", land="01"),
        make_provider("A3", kreis="02000", land="02", quality="kreis"),
        make_provider("A4", kreis=None, land="01", quality="land"),
        make_provider("A5", kreis=None, land=None, quality="none"),
        make_provider("A6", kreis="99999", land="01"),  # a code the region table lacks
        make_provider("W1", "wfbm", kreis="01001", land="01"),
        *(make_provider(f"W{i}", "wfbm", kreis="02000", land="02") for i in range(2, 6)),
        make_provider("I1", "ib", kreis="01002", land="01"),
    ]
    return pd.DataFrame(rows, columns=list(store.PROVIDER_COLUMNS))


def test_kreis_metrics_for_ala_match_the_hand_computed_values(providers):
    out = compute_region_metrics(providers, "kreis", "ala", regions=KREISE)
    assert list(out.columns) == list(METRIC_COLUMNS)
    assert list(out["code"]) == ["01001", "01002", "02000"]
    row = out.set_index("code")
    assert list(row["count"]) == [2, 0, 1]
    assert list(row["ala_count"]) == [2, 0, 1]
    assert list(row["wfbm_count"]) == [1, 0, 4]
    assert row.loc["01001", "per_100k"] == pytest.approx(2.0)
    assert row.loc["02000", "per_100k"] == pytest.approx(0.5)
    assert row.loc["01001", "ala_share"] == pytest.approx(2 / 3)
    assert row.loc["02000", "ala_share"] == pytest.approx(0.2)
    assert row.loc["01001", "ala_per_wfbm"] == pytest.approx(2.0)
    assert row.loc["02000", "ala_per_wfbm"] == pytest.approx(0.25)
    assert math.isnan(row.loc["01002", "ala_share"])  # no aLA and no WfbM: undefined
    assert math.isnan(row.loc["01002", "ala_per_wfbm"])
    assert list(row["none_here"]) == [False, True, False]
    assert out.attrs["unplaced"] == {"not_located": 1, "coarser_than_level": 1,
                                     "unknown_region": 1}


def test_land_metrics_count_providers_known_only_to_their_land(providers):
    out = compute_region_metrics(providers, "land", "ala", regions=LAENDER).set_index("code")
    assert list(out["count"]) == [4, 1]  # A1, A2, A4 (Land only), A6 (unknown Kreis)
    assert out.loc["01", "per_100k"] == pytest.approx(4 / 150_000 * 100_000)
    assert out.loc["01", "ala_share"] == pytest.approx(0.8)
    assert out.loc["01", "ala_per_wfbm"] == pytest.approx(4.0)
    assert out.loc["02", "ala_share"] == pytest.approx(0.2)
    assert unplaced_counts(providers, "land", "ala", regions=LAENDER) == {
        "not_located": 1, "coarser_than_level": 0, "unknown_region": 0}


def test_count_and_rate_follow_the_chosen_category(providers):
    out = compute_region_metrics(providers, "kreis", "wfbm", regions=KREISE).set_index("code")
    assert list(out["count"]) == [1, 0, 4]
    assert list(out["per_100k"]) == pytest.approx([1.0, 0.0, 2.0])
    ib = compute_region_metrics(providers, "kreis", "ib", regions=KREISE).set_index("code")
    assert list(ib["count"]) == [0, 1, 0]
    assert list(ib["none_here"]) == [True, False, True]


@pytest.mark.parametrize(("level", "expected_rows"), [("land", 16), ("kreis", 401)])
def test_every_real_region_appears_with_zero_where_there_is_nothing(
    providers, level, expected_rows
):
    out = compute_region_metrics(providers, level, "ib")
    assert len(out) == expected_rows
    assert out["code"].is_unique
    assert int(out["population"].sum()) == 83_166_711
    assert set(out["population_as_of"]) == {"2019-12-31"}
    assert int(out["count"].sum()) == 1
    assert int(out["none_here"].sum()) == expected_rows - 1


def test_an_empty_snapshot_still_lists_every_region():
    empty = pd.DataFrame(columns=list(store.PROVIDER_COLUMNS))
    out = compute_region_metrics(empty, "kreis", "ala")
    assert len(out) == 401
    assert out["count"].eq(0).all() and out["none_here"].all()


@pytest.mark.parametrize(("level", "category"), [("gemeinde", "ala"), ("land", "all"),
                                                  ("Land", "ala"), ("kreis", "")])
def test_unknown_level_or_category_is_refused(providers, level, category):
    with pytest.raises(store.InvalidArgument, match="must be one of"):
        compute_region_metrics(providers, level, category, regions=KREISE)


def test_region_metrics_reads_a_stored_snapshot(engine, write, make_provider):
    snapshot_id = write(engine, [make_provider("A1", kreis="14612", land="14"),
                                 make_provider("W1", "wfbm", kreis="14612", land="14")])
    out = store.region_metrics(engine, snapshot_id, "kreis", "ala").set_index("code")
    assert len(out) == 401
    assert out.loc["14612", "count"] == 1
    assert out.loc["14612", "ala_share"] == pytest.approx(0.5)
    assert out.attrs["snapshot"]["id"] == snapshot_id
    with pytest.raises(store.SnapshotNotFound):
        store.region_metrics(engine, snapshot_id + 1, "kreis", "ala")


def test_a_snapshot_without_a_category_has_no_numbers_for_it(engine, write, make_provider):
    snapshot_id = write(engine, [make_provider("A1")], categories=("ala",))
    with pytest.raises(store.CategoryNotInSnapshot, match="no data for category 'wfbm'"):
        store.region_metrics(engine, snapshot_id, "land", "wfbm")
    out = store.region_metrics(engine, snapshot_id, "land", "ala")
    assert out["ala_share"].isna().all()  # aLA vs WfbM needs both


def test_a_lands_population_is_the_sum_of_its_kreise(providers):
    laender = compute_region_metrics(providers, "land", "ala").set_index("code")["population"]
    kreise = compute_region_metrics(providers, "kreis", "ala")
    summed = kreise.groupby("land_code")["population"].sum()
    assert laender.to_dict() == summed.to_dict()
