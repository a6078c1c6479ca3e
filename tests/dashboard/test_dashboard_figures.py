"""The figure functions on real region frames: what the map and the ranking show."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.io as pio
import pytest

from dashboard.figures import choropleth_figure, ranking_figure
from dashboard.figures.choropleth import KEYS, METRIC_KEYS, TRACES
from dashboard.figures.ranking import ranking_frame, unique_names
from dashboard.model import metrics as m
from dashboard.model.geometry import geojson
from dashboard.pages.karte import value_patch
from dashboard.text.i18n import t

EVIL = "<b>X</b><script>alert(1)</script>"
URL = "/geo/kreis.geojson"


def trace(figure, name):
    return figure.data[TRACES.index(name)]


def draw(frame, metric="count", **kwargs):
    options = {"category": "ala", "level": "kreis", "lang": "de", "geojson": URL}
    options.update(kwargs)
    return choropleth_figure(frame, metric, **options)


def legend(figure) -> list[str]:
    """The legend entries shown, in legend order (the key traces carry the legend)."""
    shown = [tr for tr in figure.data if tr.showlegend]
    return [tr.name for tr in sorted(shown, key=lambda tr: tr.legendrank or 1000)]


def coloured(figure) -> set[str]:
    """Regions the value trace colours (z not null: plotly leaves the others out)."""
    values = trace(figure, "values")
    return {code for code, z in zip(values.locations, values.z, strict=True) if z is not None}


@pytest.mark.parametrize("metric", m.METRICS)
def test_every_kreis_is_on_the_base_and_the_value_trace_in_the_same_order(metrics_of, metric):
    frame = metrics_of("kreis", "ala")
    figure = draw(frame, metric)
    base, values = trace(figure, "none"), trace(figure, "values")
    assert list(base.locations) == list(values.locations) == frame["code"].tolist()
    assert len(values.z) == len(values.hovertext) == 401
    # a region is coloured by value or marked undefined, never both
    assert not coloured(figure) & set(trace(figure, "undefined").locations)


def test_regions_without_a_provider_are_drawn_apart_from_regions_with_few(metrics_of):
    frame = metrics_of("kreis", "ala")
    figure = draw(frame, "count")
    base, values = trace(figure, "none"), trace(figure, "values")
    assert coloured(figure) == set(frame.loc[frame["count"].gt(0), "code"])
    # the grey of "none" is not on the value scale, and the base shows wherever no value is
    none_colour = base.colorscale[0][1]
    assert none_colour not in {c for _, c in values.colorscale}
    # "kein Anbieter" has its own swatch in the legend, in the grey of the base
    key = trace(figure, "key_none")
    assert key.showlegend and key.name == "kein Anbieter" == base.name
    assert key.colorscale[0][1] == none_colour
    assert "kein Anbieter" in legend(figure)


def test_values_on_the_map_are_the_frames_values(metrics_of):
    frame = metrics_of("kreis", "wfbm").set_index("code", drop=False)
    figure = draw(frame.reset_index(drop=True), "per_100k", category="wfbm",
                  classes="continuous")
    values = trace(figure, "values")
    for code, z in zip(values.locations, values.z, strict=True):
        if frame.loc[code, "count"] == 0:
            assert z is None
        else:
            assert z == pytest.approx(frame.loc[code, "per_100k"], abs=1e-4)


def test_a_classed_rate_map_has_a_legend_swatch_per_class_in_german_numbers(metrics_of):
    frame = metrics_of("kreis", "wfbm")
    figure = draw(frame, "per_100k", category="wfbm", classes="quantiles")
    values = trace(figure, "values")
    keys = [trace(figure, k) for k in KEYS if k.startswith("key") and k[3:].isdigit()]
    labels = [k.name for k in keys if k.showlegend]
    steps = len(labels)
    assert 2 <= steps <= m.N_CLASSES
    assert {z for z in values.z if z is not None} == set(range(steps))
    assert values.zmin == -0.5 and values.zmax == steps - 0.5
    assert values.showscale is False  # no colour bar: the legend names the classes
    assert all("–" in label and "," in label for label in labels)  # German decimals
    # each swatch has the colour its class has on the map
    step_colours = [c for _, c in values.colorscale][::2]
    assert [k.colorscale[0][1] for k in keys[:steps]] == step_colours
    assert legend(figure)[:steps] == labels
    english = draw(frame, "per_100k", category="wfbm", classes="quantiles", lang="en")
    assert all("." in k.name for k in (trace(english, f"key{i}") for i in range(steps)))


def test_counts_get_whole_number_classes_from_the_data(metrics_of):
    frame = metrics_of("kreis", "wfbm")
    figure = draw(frame, "count", category="wfbm", classes="continuous")
    labels = [trace(figure, f"key{i}").name for i in range(m.N_CLASSES)
              if trace(figure, f"key{i}").showlegend]
    scale = m.map_scale(frame.loc[frame["count"].gt(0), "count"], "count", "continuous")
    assert scale.integer and scale.classed  # whatever the classes control says
    assert labels[0] == "1" and all("," not in label for label in labels)
    values = trace(figure, "values")
    for code, z in zip(values.locations, values.z, strict=True):
        count = int(frame.loc[frame["code"] == code, "count"].iloc[0])
        if z is None:
            assert count == 0
        else:
            low, high = scale.bounds[int(z)]
            assert low <= count <= high


def test_caution_marks_take_no_hover_and_the_region_label_carries_the_caution(metrics_of):
    frame = metrics_of("kreis", "ala")
    figure = draw(frame, "per_100k")
    fragile = trace(figure, "fragile")
    expected = frame[m.fragile_mask(frame, "per_100k")]
    assert list(fragile.customdata) == expected["code"].tolist()
    assert list(fragile.lon) == pytest.approx(expected["lon"].tolist())
    # the marks never capture the pointer: the region under them answers
    assert fragile.hoverinfo == "skip" and fragile.hovertext is None
    assert fragile.showlegend and "3" in fragile.name  # explained in the legend
    assert not trace(draw(frame, "count"), "fragile").customdata
    note = t("map.fragile.note", "de", n=m.FRAGILE_MIN)
    values = trace(figure, "values")
    by_code = dict(zip(values.locations, values.hovertext, strict=True))
    for row in frame.itertuples():
        label = by_code[row.code]
        assert row.name in label or "&" in row.name
        assert ("Einwohner" in label) and (note in label) == (
            row.code in set(expected["code"]) or bool(
                m.fragile_mask(frame, "ala_per_wfbm")[frame["code"] == row.code].any()))


def test_no_trace_above_the_regions_takes_hover_from_them(metrics_of):
    frame = metrics_of("kreis", "ala")
    figure = draw(frame, "per_100k")
    for name in ("fragile", "selected", *KEYS):
        assert trace(figure, name).hoverinfo == "skip", name


def test_the_none_here_map_highlights_regions_without_providers(metrics_of):
    frame = metrics_of("kreis", "ala")
    figure = draw(frame, "none_here")
    base, values = trace(figure, "none"), trace(figure, "values")
    assert coloured(figure) == set(frame.loc[frame["none_here"], "code"])
    assert base.colorscale[0][1] != values.colorscale[0][1]
    assert values.showscale is False
    assert base.name == "mit Anbieter" and values.name == "ohne Anbieter"
    assert legend(figure)[:2] == ["ohne Anbieter", "mit Anbieter"]
    assert trace(figure, "key0").colorscale[0][1] == values.colorscale[0][1]


def test_the_figure_carries_a_geometry_url_not_the_shapes(metrics_of):
    frame = metrics_of("kreis", "ala")
    app_figure = pio.to_json(draw(frame))
    inline_figure = pio.to_json(draw(frame, geojson=geojson("kreis")))
    # only the legend keys carry a shape: one speck each, never a region
    assert app_figure.count('"coordinates"') == len(KEYS)
    assert inline_figure.count('"coordinates"') > 401
    assert len(app_figure) * 5 < len(inline_figure)


def test_a_patch_for_a_new_metric_carries_values_and_no_geometry(metrics_of):
    frame = metrics_of("kreis", "ala")
    figure = draw(frame, "per_100k", classes="quantiles")
    full = json.dumps(value_patch(figure).to_plotly_json(), default=str)
    lean = json.dumps(value_patch(figure, keys=METRIC_KEYS).to_plotly_json(), default=str)
    for body in (full, lean):
        assert "geojson" not in body and "coordinates" not in body
        assert "colorscale" in body and '"z"' in body
    # a metric change alone leaves the region hover texts where they are
    assert "hovertext" in full and len(lean) * 5 < len(full)
    region_name = frame["name"].iloc[0]
    assert region_name in full and region_name not in lean


def test_provider_names_are_escaped_in_hover_labels(metrics_of):
    frame = metrics_of("kreis", "ala")
    code = frame["code"].iloc[0]
    row = frame[frame["code"] == code].iloc[0]
    points = pd.DataFrame(
        [
            {
                "source_id": "evil",
                "name": EVIL,
                "operator": "A & B <i>gGmbH</i>",
                "street": "<img src=x onerror=alert(2)>",
                "plz": "01067",
                "city": "Dresden",
                "services": ["<u>Arbeitsbereich</u>"],
                "lon": row["lon"],
                "lat": row["lat"],
            }
        ]
    )
    figure = draw(frame, points=points, provider=points.iloc[0].to_dict())
    for name in ("points", "provider"):
        label = trace(figure, name).hovertext[0]
        assert "&lt;script&gt;" in label and "<script>" not in label
        assert "<b>X</b>" not in label and "&lt;b&gt;X&lt;/b&gt;" in label
        assert "<img" not in label and "<i>" not in label and "<u>" not in label
        assert "A &amp; B" in label


def test_region_names_are_escaped_too(metrics_of):
    frame = metrics_of("land", "ala")
    frame.loc[0, "name"] = EVIL
    labels = trace(draw(frame, level="land"), "values").hovertext
    labels = list(labels) + list(trace(draw(frame, level="land"), "none").hovertext)
    assert not any("<script>" in label for label in labels)
    assert any("&lt;script&gt;" in label for label in labels)


def test_numbers_use_german_separators_in_german_and_english_ones_in_english(metrics_of):
    frame = metrics_of("land", "wfbm")
    de = draw(frame, "per_100k", level="land", category="wfbm")
    en = draw(frame, "per_100k", level="land", category="wfbm", lang="en")
    assert de.layout.separators == ",." and en.layout.separators == ".,"
    big = frame.sort_values("population").iloc[-1]
    population_de = f"{big['population']:,}".replace(",", ".")
    assert any(population_de in label for label in trace(de, "values").hovertext)


def test_the_legend_names_the_unit(metrics_of):
    frame = metrics_of("kreis", "ala")
    assert "100.000" in draw(frame, "per_100k").layout.legend.title.text
    assert "%" in draw(frame, "ala_share").layout.legend.title.text
    assert "Anzahl" in draw(frame, "count").layout.legend.title.text
    # continuous: the colour bar (under the map) names it
    ramp = trace(draw(frame, "per_100k", classes="continuous"), "values")
    assert ramp.showscale and "100.000" in ramp.colorbar.title.text
    assert ramp.colorbar.orientation == "h"


def test_an_unknown_metric_is_refused(metrics_of):
    with pytest.raises(ValueError, match="per_100k"):
        draw(metrics_of("land", "ala"), "density")


def test_ranking_lists_the_highest_values_first_and_leaves_out_zeros(metrics_of):
    frame = metrics_of("kreis", "ala")
    ranked = ranking_frame(frame, "count", top=20)
    assert ranked["value"].is_monotonic_decreasing
    assert ranked["value"].iloc[0] == frame["count"].max()
    assert ranked["value"].gt(0).all()
    figure = ranking_figure(frame, "per_100k", lang="de")
    bars = figure.data[0]
    assert list(bars.x) == sorted(bars.x, reverse=True)
    # the bars name a Kreis with its kind where the name is there twice (issue 21)
    fragile_names = set(unique_names(frame)[m.fragile_mask(frame, "per_100k")])
    for label, shape in zip(bars.y, bars.marker.pattern.shape, strict=True):
        assert (shape == "/") == label.endswith("⚠")
        assert (label.removesuffix(" ⚠") in fragile_names) == label.endswith("⚠")


def test_ranking_of_a_frame_without_values_is_empty_not_an_error(metrics_of):
    frame = metrics_of("land", "ala").assign(count=0, per_100k=0.0)
    figure = ranking_figure(frame, "per_100k", lang="en")
    assert len(figure.data[0].x) == 0


def test_geometry_for_the_browser_keeps_every_region(metrics_of):
    shapes = geojson("kreis")
    codes = [f["properties"]["code"] for f in shapes["features"]]
    assert sorted(codes) == sorted(metrics_of("kreis", "ala")["code"])
    first = shapes["features"][0]["geometry"]["coordinates"]
    flat = np.array(first[0][0] if first and isinstance(first[0][0][0], list) else first[0])
    assert (np.round(flat, 4) == flat).all()


def test_a_metric_patch_recolours_the_legend_keys_with_the_map(metrics_of):
    """After a switch from counts to a rate the swatches must show the rate's classes in the
    rate's colours: the lean Patch carries each key's name and colour."""
    frame = metrics_of("kreis", "wfbm")
    rate = draw(frame, "per_100k", category="wfbm")
    operations = value_patch(rate, keys=METRIC_KEYS).to_plotly_json()["operations"]
    assigned = {tuple(op["location"]): op["params"]["value"] for op in operations
                if op["operation"] == "Assign"}
    for key in KEYS:
        index = TRACES.index(key)
        for prop in ("name", "colorscale", "showlegend"):
            assert ("data", index, prop) in assigned, (key, prop)
        assert assigned[("data", index, "colorscale")] == list(
            map(list, trace(rate, key).colorscale))


@pytest.mark.parametrize("metric", m.METRICS)
def test_unvalidated_traces_are_what_plotly_would_validate(metrics_of, metric):
    """The figure is built without plotly's validation (speed); validating it afterwards
    must change nothing and must not fail."""
    frame = metrics_of("kreis", "ala")
    figure = draw(frame, metric)
    checked = pio.from_json(pio.to_json(figure, validate=False), skip_invalid=False)
    assert json.loads(pio.to_json(checked)) == json.loads(pio.to_json(figure, validate=False))
