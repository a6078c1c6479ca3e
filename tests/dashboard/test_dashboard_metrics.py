"""The metric functions behind map, table and details, on real region frames."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.model import metrics as m


@pytest.mark.parametrize("metric", m.METRICS)
def test_none_undefined_and_valued_regions_partition_every_kreis(metrics_of, metric):
    frame = metrics_of("kreis", "ala")
    none = m.none_mask(frame, metric)
    undefined = m.undefined_mask(frame, metric)
    valued = ~none & m.metric_values(frame, metric).notna()
    assert (none.astype(int) + undefined.astype(int) + valued.astype(int)).eq(1).all()
    assert len(frame) == 401


def test_regions_without_a_provider_are_those_with_count_zero(metrics_of):
    frame = metrics_of("kreis", "ala")
    assert m.none_mask(frame, "count").equals(frame["count"].eq(0))
    assert m.none_mask(frame, "per_100k").equals(frame["count"].eq(0))
    # the aLA comparisons rest on the aLA count whatever category is chosen
    assert m.none_mask(metrics_of("kreis", "wfbm"), "ala_share").equals(frame["ala_count"].eq(0))


def test_aLA_per_wfbm_is_undefined_where_there_are_aLA_but_no_wfbm(metrics_of):
    frame = metrics_of("kreis", "ala")
    expected = frame["ala_count"].gt(0) & frame["wfbm_count"].eq(0)
    assert m.undefined_mask(frame, "ala_per_wfbm").equals(expected)


def test_shares_are_shown_in_percent(metrics_of):
    frame = metrics_of("land", "ala")
    values = m.metric_values(frame, "ala_share")
    expected = frame["ala_count"] / (frame["ala_count"] + frame["wfbm_count"]) * 100
    assert np.allclose(values, expected, equal_nan=True)


def test_rates_on_fewer_than_three_providers_carry_a_caution_mark(metrics_of):
    frame = metrics_of("kreis", "ala")
    fragile = m.fragile_mask(frame, "per_100k")
    assert fragile.equals(frame["count"].between(1, m.FRAGILE_MIN - 1))
    assert fragile.any() and not fragile.all()
    # counts are counts: never marked
    assert not m.fragile_mask(frame, "count").any()


def test_a_ratio_with_few_workshops_under_it_is_marked_too(metrics_of):
    frame = metrics_of("kreis", "ala")
    fragile = m.fragile_mask(frame, "ala_per_wfbm")
    few_below = frame["ala_count"].gt(0) & frame["wfbm_count"].between(1, m.FRAGILE_MIN - 1)
    assert fragile[few_below].all()


@pytest.mark.parametrize("scheme", ["quantiles", "equal"])
def test_classes_keep_the_order_of_the_values(metrics_of, scheme):
    frame = metrics_of("kreis", "wfbm")
    values = m.metric_values(frame, "per_100k").where(frame["count"].gt(0))
    classes = m.classify(values, scheme)
    present = values.notna()
    assert classes.index[present].notna().all() and classes.index[~present].isna().all()
    order = values[present].sort_values().index
    assert classes.index[order].is_monotonic_increasing
    assert 2 <= classes.steps <= m.N_CLASSES
    for step, (low, high) in enumerate(classes.bounds):
        inside = values[classes.index == step]
        if inside.empty:  # equal steps may leave a step without regions
            continue
        assert inside.min() >= low - 1e-9 and inside.max() <= high + 1e-9


def test_quantile_steps_hold_about_equal_numbers_of_regions(metrics_of):
    frame = metrics_of("kreis", "wfbm")
    values = m.metric_values(frame, "per_100k").where(frame["count"].gt(0))
    sizes = m.classify(values, "quantiles").index.value_counts()
    assert sizes.max() - sizes.min() <= 0.1 * values.notna().sum()


def test_integer_classes_put_every_count_in_exactly_one_whole_number_step(metrics_of):
    frame = metrics_of("kreis", "wfbm")
    counts = frame["count"].where(frame["count"].gt(0)).astype("float64")
    classes = m.classify(counts, "equal", integer=True)
    bounds = classes.bounds
    assert all(float(lo).is_integer() and float(hi).is_integer() for lo, hi in bounds)
    assert all(prev[1] < nxt[0] for prev, nxt in zip(bounds, bounds[1:], strict=False))
    for value, step in zip(counts.dropna(), classes.index.dropna(), strict=True):
        low, high = bounds[int(step)]
        assert low <= value <= high


def test_few_distinct_counts_get_one_step_each(metrics_of):
    frame = metrics_of("kreis", "ala")
    counts = frame["count"].where(frame["count"].gt(0)).astype("float64")
    classes = m.classify(counts, "quantiles", integer=True)
    distinct = sorted(counts.dropna().unique())
    assert [lo for lo, _ in classes.bounds] == distinct


def test_rank_counts_the_regions_with_a_higher_value(metrics_of):
    frame = metrics_of("kreis", "ib")
    values = m.metric_values(frame, "per_100k")
    for code in frame["code"].iloc[::37]:
        rank, n = m.rank_of(frame, "per_100k", code)
        mine = values[frame["code"] == code].iloc[0]
        assert rank == 1 + int((values > mine).sum())
        assert n == int(values.notna().sum())


def test_rank_is_none_where_the_value_is_undefined(metrics_of):
    frame = metrics_of("kreis", "ala")
    undefined = frame[m.metric_values(frame, "ala_per_wfbm").isna()]
    rank, _ = m.rank_of(frame, "ala_per_wfbm", undefined["code"].iloc[0])
    assert rank is None


def test_total_row_adds_counts_and_recomputes_rates_from_the_sums(metrics_of):
    frame = metrics_of("kreis", "ala")
    bavaria = frame[frame["land_code"] == "09"]
    total = m.total_row(bavaria, "Bayern")
    assert total["count"] == bavaria["count"].sum()
    assert total["population"] == bavaria["population"].sum()
    assert total["per_100k"] == pytest.approx(
        bavaria["count"].sum() / bavaria["population"].sum() * 100_000
    )
    ala, wfbm = bavaria["ala_count"].sum(), bavaria["wfbm_count"].sum()
    assert total["ala_share"] == pytest.approx(ala / (ala + wfbm))
    # not the mean of the Kreis rates
    assert total["per_100k"] != pytest.approx(bavaria["per_100k"].mean())


def test_kreis_totals_of_a_land_equal_its_land_row(metrics_of):
    kreise = metrics_of("kreis", "wfbm")
    laender = metrics_of("land", "wfbm").set_index("code")
    for code in ("01", "09", "16"):
        total = m.total_row(kreise[kreise["land_code"] == code], "x")
        assert total["count"] == laender.loc[code, "count"]
        assert total["population"] == laender.loc[code, "population"]


def test_an_unknown_classification_is_refused_with_the_allowed_names():
    with pytest.raises(ValueError, match="quantiles"):
        m.classify(pd.Series([1.0, 2.0]), "jenks")


# ---------------------------------------------------------------- map scales (Karte legend)
def test_few_distinct_counts_get_one_class_each():
    counts = pd.Series([0, 1, 1, 2, 4, 3, None])
    assert m.count_bounds(counts) == ((1, 1), (2, 2), (3, 3), (4, 4))


def test_many_counts_get_round_whole_number_classes_that_cover_every_count():
    counts = pd.Series([1] * 40 + [2] * 30 + [3] * 20 + [4] * 12 + list(range(5, 46)))
    bounds = m.count_bounds(counts)
    assert 3 <= len(bounds) <= m.N_CLASSES
    assert bounds[0][0] == 1 and bounds[-1][1] == 45
    for (_, high), (low, _) in zip(bounds, bounds[1:], strict=False):
        assert low == high + 1  # no gap, no overlap
    assert all(low in m.NICE_COUNTS for low, _ in bounds)
    scale = m.map_scale(counts, "count", "quantiles")
    index = scale.assign(counts)
    for value, step in zip(counts, index, strict=True):
        low, high = bounds[int(step)]
        assert low <= value <= high


def test_a_shared_scale_puts_other_maps_values_in_its_classes():
    scale = m.map_scale(pd.Series([0.5, 1.0, 2.0, 3.0, 4.0, 8.0]), "per_100k", "equal")
    assert scale.classed and not scale.integer
    index = scale.assign(pd.Series([0.1, 4.0, 100.0, None]))
    assert index.iloc[0] == 0 and index.iloc[2] == len(scale.bounds) - 1
    assert pd.isna(index.iloc[3])
    assert not m.map_scale(pd.Series([1.0, 2.0]), "per_100k", "continuous").classed
