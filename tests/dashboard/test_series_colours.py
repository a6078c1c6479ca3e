"""Colours that keep their meaning over time (issue 21, item 2): for a level, category and
metric, the Karte's classes and colours are the same in every snapshot of the series, so a
Kreis whose value does not change never changes colour while the timeline plays.

The maps are asked from the app's own view callback (as the timeline's "Abspielen" does, by
changing the snapshot picker), over the real demo store with its three snapshots."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import store
from dashboard.frame import ids
from dashboard.model import metrics as m
from dashboard.model.data import AtlasData, map_frame
from dashboard.server.callback_client import answer_bytes, callback_outputs

VALUES = 1  # trace index of the coloured regions (choropleth.TRACES)


@pytest.fixture(scope="module")
def series(demo_engine) -> list[int]:
    ids_ = store.served_series(demo_engine)["id"].tolist()
    assert len(ids_) == 3, "the demo default has three snapshots"
    return [int(i) for i in ids_]


def karte_figure(app, dash_post, snapshot_id: int, level: str, metric: str,
                 view: str = "single") -> dict | list[dict]:
    """The Karte's map (or the three comparison maps) for one snapshot, as the callback
    answers a change of the snapshot picker on a page that has not drawn it yet."""
    outputs = callback_outputs(app, f"{ids.MAP_GRAPH}.figure")
    inputs = [
        (ids.MAP_LEVEL, "value", level), (ids.MAP_CATEGORY, "value", "ala"),
        (ids.MAP_METRIC, "value", metric), (ids.MAP_CLASSES, "value", "quantiles"),
        (ids.MAP_VIEW, "value", view), (ids.MAP_POINTS, "value", []),
        (ids.MAP_REGION, "value", None), (ids.snapshot("karte"), "value", snapshot_id),
        (ids.MAP_LAND, "value", ""),  # all of Germany (the Land view is another test's)
    ]
    state = [(ids.MAP_DRAWN, "data", {}), (ids.COMPARE_DRAWN, "data", {}),
             (ids.URL, "search", f"?level={level}&metric={metric}&view={view}")]
    response = dash_post(app.server.test_client(), outputs, inputs, state,
                         [f"{json.dumps(ids.snapshot('karte'), separators=(',', ':'))}.value"])
    assert response.status_code == 200, response.data[:300]
    answer = json.loads(answer_bytes(response))["response"]
    if view == "compare":
        return [answer[ids.compare_graph(c)]["figure"] for c in m.CATEGORIES]
    return answer[ids.MAP_GRAPH]["figure"]


def colour_of(figure: dict, code: str) -> str | None:
    """The fill colour the value trace gives region `code` (None: not coloured there)."""
    trace = figure["data"][VALUES]
    z = trace["z"][trace["locations"].index(code)]
    if z is None:
        return None
    scale = trace["colorscale"]
    position = (z - trace["zmin"]) / (trace["zmax"] - trace["zmin"])
    # a stepped scale holds each colour from its band's start to its end
    return next(colour for stop, colour in scale if stop >= position - 1e-9)


def legend(figure: dict) -> list[str]:
    return [tr["name"] for tr in figure["data"] if tr.get("showlegend") and tr["name"]]


def counts_by_snapshot(demo_engine, series: list[int], level: str) -> pd.DataFrame:
    data = AtlasData(demo_engine)
    return pd.concat(
        {sid: map_frame(data, sid, level, "ala").set_index("code")["count"] for sid in series},
        axis=1,
    )


def test_a_kreis_whose_count_stays_the_same_keeps_its_colour_in_all_three_snapshots(
    app, dash_post, demo_engine, series
):
    counts = counts_by_snapshot(demo_engine, series, "kreis")
    steady = counts[(counts.nunique(axis=1) == 1) & (counts[series[0]] > 0)]
    assert len(steady), "the demo series has Kreise whose aLA count stays the same"
    figures = {sid: karte_figure(app, dash_post, sid, "kreis", "count") for sid in series}
    for code, row in steady.iterrows():
        colours = {sid: colour_of(figures[sid], code) for sid in series}
        assert len(set(colours.values())) == 1, (code, int(row.iloc[0]), colours)
    # and every count has one colour across the whole series
    by_count: dict[int, set[str]] = {}
    for sid in series:
        for code, count in counts[sid].items():
            if count > 0:
                by_count.setdefault(int(count), set()).add(colour_of(figures[sid], code))
    assert all(len(c) == 1 for c in by_count.values()), by_count


def test_the_same_kreis_at_three_snapshots_differs_in_classes_when_each_snapshot_is_classed_alone(
    demo_engine, series
):
    """Why the test above matters: classed per snapshot, the demo's counts put the same
    count in different classes on different dates (the slip the series scale mends)."""
    counts = counts_by_snapshot(demo_engine, series, "kreis")
    alone = [m.count_bounds(counts[sid]) for sid in series]
    assert len(set(alone)) > 1, alone


@pytest.mark.parametrize("level", ["land", "kreis"])
@pytest.mark.parametrize("metric", ["count", "per_100k", "ala_share"])
def test_the_legend_is_the_same_on_every_date_of_the_series(
    app, dash_post, series, level, metric
):
    legends = [legend(karte_figure(app, dash_post, sid, level, metric)) for sid in series]
    assert legends[0] == legends[1] == legends[2], legends


def test_a_rate_keeps_its_colour_across_snapshots(app, dash_post, demo_engine, series):
    data = AtlasData(demo_engine)
    values = pd.concat(
        {sid: m.metric_values(map_frame(data, sid, "kreis", "ala").set_index("code"),
                              "per_100k").round(2) for sid in series}, axis=1)
    steady = values[(values.nunique(axis=1) == 1) & values[series[0]].gt(0)]
    assert len(steady)
    figures = {sid: karte_figure(app, dash_post, sid, "kreis", "per_100k") for sid in series}
    for code in steady.index:
        assert len({colour_of(figures[sid], code) for sid in series}) == 1, code


def test_the_comparison_maps_share_one_scale_over_categories_and_snapshots(
    app, dash_post, series
):
    per_date = [karte_figure(app, dash_post, sid, "kreis", "count", view="compare")
                for sid in series]
    # one legend (under the first map), the same on every date
    assert len({tuple(legend(maps[0])) for maps in per_date}) == 1
    scales = {json.dumps(f["data"][VALUES]["colorscale"]) for maps in per_date for f in maps}
    assert len(scales) == 1


def test_the_change_map_keeps_its_colour_range_for_every_pair(app, demo_engine, series):
    from dashboard.pages import entwicklung

    data = AtlasData(demo_engine)
    ranges = set()
    for newer, base in ((series[1], series[0]), (series[2], series[1]), (series[2], series[0])):
        got = entwicklung.content(app, data, newer, base, "ala", "kreis", "count", "de")
        trace = got[entwicklung.CHANGE_MAP].data[0]
        ranges.add((trace.zmin, trace.zmax))
    assert len(ranges) == 1, ranges
    (low, high), = ranges
    counts = counts_by_snapshot(demo_engine, series, "kreis")
    assert high == -low == max(1, int((counts.max(axis=1) - counts.min(axis=1)).max()))


def test_a_series_scale_over_no_values_is_an_empty_scale_not_an_error():
    scale = m.pooled_scale([], "per_100k", "quantiles")
    assert not scale.classed


def test_an_unknown_metric_gets_a_clear_error(demo_engine, series):
    from dashboard.model.scales import series_scale

    with pytest.raises(ValueError, match="metric must be one of"):
        series_scale(AtlasData(demo_engine), series[-1], "kreis", ("ala",), "nonsense",
                     "quantiles")


def test_the_map_export_has_the_pages_classes_on_every_date(app, dash_post, demo_engine, series):
    from dashboard.exports.map_views import map_view
    from dashboard.exports.request import ExportRequest

    for sid in series:
        request = ExportRequest("karte", "png", "kreis", "ala", "count", snapshot=sid,
                                classes="quantiles")
        exported = map_view(demo_engine, request).figure.to_plotly_json()
        page = karte_figure(app, dash_post, sid, "kreis", "count")
        assert legend(exported)[:5] == legend(page)[:5]
        assert exported["data"][VALUES]["colorscale"] == page["data"][VALUES]["colorscale"]


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)])
def test_the_drawn_legend_is_the_same_on_the_first_and_the_last_date(
    page, viewport, artifacts_dir, demo_engine, series, width, height
):
    """In Chromium: the Kreis map's legend as drawn, on the oldest and the newest snapshot,
    with the details of a Kreis holding one aLA (screenshots for a look)."""
    counts = counts_by_snapshot(demo_engine, series, "kreis")
    code = counts[counts[series[-1]].eq(1)].index[0]
    viewport(width, height)
    legends = []
    for sid in (series[0], series[-1]):
        page.open(f"/karte?level=kreis&metric=count&region={code}&snapshot={sid}")
        page.wait_for_map()
        page.wait_idle()
        legends.append(page.js(
            "return [...document.querySelectorAll('#karte-graph .legendtext')]"
            ".map(e => e.textContent);"))
        page.driver.save_screenshot(str(artifacts_dir / f"karte-series-{sid}-{width}.png"))
        page.js("document.getElementById('karte-details').scrollIntoView()")
        page.driver.save_screenshot(
            str(artifacts_dir / f"karte-series-{sid}-{width}-details.png"))
    assert legends[0] == legends[1] and len(legends[0]) >= 3, legends
    assert not page.console_errors()
