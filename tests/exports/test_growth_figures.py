"""Figures of the Entwicklung page, checked without a browser."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.figures import growth as gf
from dashboard.model.geometry import geojson
from store import growth


@pytest.fixture(scope="module")
def series(demo_engine) -> pd.DataFrame:
    return growth.snapshot_counts(demo_engine, "ala")


def test_published_counts_are_a_separate_trace_with_their_sources(series):
    reference = growth.published_reference("ala")
    figure = gf.national_series_figure(series, reference, "de")
    ours, published = figure.data
    assert list(ours.y) == [60, 67, 88]
    assert ours.mode == "lines+markers+text" and published.mode == "markers"
    assert published.marker.symbol == "diamond-open"
    assert list(published.y) == [60, 67, 88]
    assert all("doi.org/10.35468/6002-22" in row[0] for row in published.customdata)


def test_small_multiples_have_one_panel_per_land_on_a_shared_axis(series):
    figure = gf.laender_series_figure(series, "de")
    assert len(figure.data) == 16
    titles = [a.text for a in figure.layout.annotations]
    assert titles[0] == "Schleswig-<br>Holstein" and titles[-1] == "Thüringen"
    # each line fits a quarter of a phone's width (long double names break at the hyphen)
    assert max(len(line) for title in titles for line in title.split("<br>")) <= 13
    axes = [figure.layout["yaxis" if i == 1 else f"yaxis{i}"] for i in range(1, 17)]
    anchors = {axis.matches for axis in axes} - {None}
    assert len(anchors) == 1  # every panel follows one y axis: heights compare
    assert sum(axis.matches is None for axis in axes) == 1


@pytest.mark.parametrize(("rows", "columns", "panels"), [(4, 4, 16), (3, 4, 10), (2, 3, 6)])
def test_small_multiples_grid_is_the_layout_make_subplots_would_build(rows, columns, panels):
    # issue 21: built directly, make_subplots cost seconds of the first Entwicklung page
    from plotly.subplots import make_subplots

    titles = [f"Land {i}" for i in range(panels)]
    expected = make_subplots(rows=rows, cols=columns, shared_xaxes="all", shared_yaxes="all",
                             subplot_titles=titles, vertical_spacing=0.08,
                             horizontal_spacing=0.03).layout.to_plotly_json()
    got = gf.grid_layout(rows, columns, titles, 0.08, 0.03, title_size=16)
    expected.pop("template")
    assert set(got) == set(expected)
    for key, axis in expected.items():
        if key == "annotations":
            continue
        assert got[key].keys() == axis.keys(), key
        assert got[key]["domain"] == pytest.approx(axis["domain"], abs=1e-9), key
        assert {k: v for k, v in got[key].items() if k != "domain"} == {
            k: v for k, v in axis.items() if k != "domain"}, key
    for mine, theirs in zip(got["annotations"], expected["annotations"], strict=True):
        assert mine["text"] == theirs["text"]
        assert (mine["x"], mine["y"]) == pytest.approx((theirs["x"], theirs["y"]), abs=1e-9)
        assert {k: mine[k] for k in ("xanchor", "yanchor", "xref", "yref", "font")} == {
            k: theirs[k] for k in ("xanchor", "yanchor", "xref", "yref", "font")}


def test_growth_bars_put_the_largest_growth_on_top(demo_engine, demo_ids):
    table = growth.land_growth_between(demo_engine, demo_ids[0], demo_ids[-1], "ala")
    bars = gf.growth_bar_figure(table, per_100k=False).data[0]
    assert bars.orientation == "h"
    assert bars.y[-1] == table.iloc[0]["land"]  # plotly draws the last category on top
    assert list(bars.x) == sorted(bars.x)


def test_change_map_is_diverging_and_centred_on_zero(demo_engine, demo_ids):
    change = growth.region_change_between(demo_engine, demo_ids[0], demo_ids[-1], "kreis", "ala")
    trace = gf.change_map_figure(change, geojson("kreis"), per_100k=True).data[0]
    assert trace.zmid == 0 and trace.zmin == -trace.zmax
    assert len(trace.locations) == 401
    assert trace.zmax >= change["change_per_100k"].abs().max()


def test_change_points_show_each_kind_with_its_own_colour_and_symbol(demo_engine, demo_ids):
    diff = growth.provider_changes(demo_engine, demo_ids[0], demo_ids[-1], "ala")
    figure = gf.changes_points_figure(diff, geojson("land"))
    points = {t.name.split(" ")[0]: t for t in figure.data[1:]}
    assert set(points) == {"neu", "weggefallen", "geändert"}
    assert len({t.marker.color for t in points.values()}) == 3
    assert len({t.marker.symbol for t in points.values()}) == 3
    assert len(points["neu"].lon) == (diff["change"] == "new").sum()
