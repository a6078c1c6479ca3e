"""The choropleth map of one category and metric, at Land or Kreis level.

Trace order is fixed (see TRACES) so callbacks can patch values by index without resending
geometry: `geojson` is a URL in the app (fetched once) or a dict for static exports.

Every region sits in the grey base trace ("none") and in the value trace, whose z is null
where a region has no provider, so plotly leaves it out and the grey shows. Both keep all
regions in the same order, so a change of metric only sends new z values and colours
(METRIC_KEYS); hover texts, which depend on category, snapshot and language, stay put.

The legend is drawn by empty "key" traces (a square per class, "kein Anbieter", "nicht
berechenbar"): plotly's own choropleth swatches are gradients, not readable classes. The
caution marks take no hover (hoverinfo "skip"), so the region below always answers.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import common as c
from dashboard.figures.hover import provider_hover, region_hover
from dashboard.model import metrics as m
from dashboard.text.i18n import fmt_number, t

# Traces are built with _validate=False: plotly's per-value validation of 401-long lists was
# half the server time of a metric switch; the values are ours and JSON-ready (the figure
# JSON is the same as with validation, tests/dashboard/test_dashboard_figures.py).
KEY_SLOTS = m.N_CLASSES  # one legend key per class; unused keys stay empty and hidden
TRACES = (
    "none", "values", "undefined", "fragile", "selected", "points", "provider",
    *[f"key{i}" for i in range(KEY_SLOTS)], "key_none", "key_undefined",
)
KEYS = tuple(name for name in TRACES if name.startswith("key"))
# trace keys that carry values, colours and texts (what a Patch replaces); never geometry
VALUE_KEYS = (
    "locations",
    "z",
    "zmin",
    "zmax",
    "colorscale",
    "colorbar",
    "showscale",
    "hovertext",
    "customdata",
    "name",
    "lon",
    "lat",
    "text",
    "marker",
    "showlegend",
    "visible",
)
# what a change of metric or classes alone changes, per trace
METRIC_KEYS: dict[str, tuple[str, ...]] = {
    "none": ("colorscale", "name"),
    "values": ("z", "zmin", "zmax", "colorscale", "colorbar", "showscale", "name", "showlegend"),
    "undefined": ("locations", "z", "hovertext", "customdata", "showlegend", "name"),
    "fragile": ("lon", "lat", "customdata", "showlegend", "name"),
    **{key: ("name", "colorscale", "marker", "showlegend") for key in KEYS},
}


def map_title(metric: str, category: str, level: str, lang: str) -> str:
    """ "aLA: je 100.000 Einwohner nach Kreise" style title."""
    what = t(f"category.{category}.short", lang)
    if metric in ("ala_share", "ala_per_wfbm"):
        what = "aLA / WfbM"
    return t(
        "map.title",
        lang,
        category=what,
        metric=t(f"metric.{metric}", lang),
        level=t(f"level.by.{level}", lang),
    )


def _edge_label(low: float, high: float, decimals: int, lang: str) -> str:
    if fmt_number(low, lang, decimals) == fmt_number(high, lang, decimals):
        return fmt_number(low, lang, decimals)
    return f"{fmt_number(low, lang, decimals)} – {fmt_number(high, lang, decimals)}"


def _with_gaps(values: pd.Series, shown: pd.Series) -> list[float | None]:
    """One z per region in frame order; None (JSON null: not drawn) where not shown."""
    given = iter(float(v) for v in values)
    return [next(given) if flag else None for flag in shown.to_numpy()]


def _base_trace(
    frame: pd.DataFrame, colour: str, name: str, hover: pd.Series, geojson: Any
) -> go.Choropleth:
    """Every region in one flat colour, under the value trace."""
    return go.Choropleth(_validate=False,
        geojson=geojson,
        featureidkey="properties.code",
        locations=frame["code"].tolist(),
        z=[0] * len(frame),
        colorscale=c.flat_scale(colour),
        showscale=False,
        hovertext=hover.tolist(),
        hoverinfo="text",
        customdata=frame["code"].tolist(),
        name=name,
        showlegend=True,
        marker={"line": {"color": c.BORDER_COLOUR, "width": 0.5}},
    )


def _value_trace(
    frame: pd.DataFrame, metric: str, hover: pd.Series, lang: str, scale: m.Scale, geojson: Any
) -> go.Choropleth:
    """The coloured regions: class index per region (a stepped scale) or, for a continuous
    scale, the values with a horizontal colour bar under the map."""
    spec = m.SPECS[metric]
    values = m.metric_values(frame, metric)
    none = m.none_mask(frame, metric)
    shown = ~none & values.notna()
    z = values[shown]
    common = dict(
        geojson=geojson,
        featureidkey="properties.code",
        locations=frame["code"].tolist(),
        hovertext=hover.tolist(),
        hoverinfo="text",
        customdata=frame["code"].tolist(),
        marker={"line": {"color": c.BORDER_COLOUR, "width": 0.5}},
        showlegend=False,
    )
    unit = t(f"unit.{metric}", lang)
    if metric == "none_here":
        # the regions without a provider are the values here; all others show the base
        return go.Choropleth(_validate=False,
            z=[0 if flag else None for flag in none], zmin=0, zmax=1,
            colorscale=c.flat_scale(c.NONE_HIGHLIGHT), showscale=False,
            name=t("map.none_metric", lang), **common,
        )
    if not scale.classed:
        low, high = scale.low, scale.high
        colorbar: dict[str, Any] = {
            "title": {"text": unit, "side": "top"},
            "tickformat": f",.{spec.decimals}f",
            "orientation": "h", "x": 0.5, "xanchor": "center", "y": 0.0, "yanchor": "top",
            "len": 0.9, "thickness": 10,
        }
        return go.Choropleth(_validate=False,
            z=_with_gaps(z.round(4), shown),
            zmin=low,
            zmax=high if high > low else low + 1,
            colorscale=c.continuous_scale(),
            colorbar=colorbar,
            showscale=not z.empty,  # a scale for no value at all would suggest zeros
            name=unit,
            **common,
        )
    n = len(scale.bounds)
    return go.Choropleth(_validate=False,
        z=_with_gaps(scale.assign(z), shown),
        zmin=-0.5,
        zmax=n - 0.5,
        colorscale=c.stepped_scale(n),
        colorbar={"title": {"text": unit}},
        showscale=False,  # the legend keys name the classes
        name=unit,
        **common,
    )


def class_labels(scale: m.Scale, metric: str, lang: str) -> list[str]:
    """One label per class: "3", "3–4", "5+" for counts; "0,12 – 0,50" for rates."""
    decimals = m.SPECS[metric].decimals
    labels = []
    for i, (low, high) in enumerate(scale.bounds):
        if scale.integer:
            last = i == len(scale.bounds) - 1
            if low == high:
                labels.append(fmt_number(low, lang))
            elif last:
                labels.append(f"{fmt_number(low, lang)}+")
            else:
                labels.append(f"{fmt_number(low, lang)}–{fmt_number(high, lang)}")
        else:
            labels.append(_edge_label(low, high, decimals, lang))
    return labels


# a speck of a shape for the legend keys: they must not carry (or fetch) the real geometry
_KEY_SHAPE = {
    "type": "FeatureCollection",
    "features": [{
        "type": "Feature", "properties": {"code": "key"},
        "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [0, 1e-4], [1e-4, 0], [0, 0]]]},
    }],
}


def _key(
    name: str, colour: str, rank: int, shown: bool, line: str = c.BORDER_COLOUR
) -> go.Choropleth:
    """A legend entry that draws nothing: a choropleth whose one region has no value (plotly
    leaves it out, an empty trace would get no legend item), a flat swatch, no hover."""
    return go.Choropleth(_validate=False,
        geojson=_KEY_SHAPE, locations=["key"], z=[None], featureidkey="properties.code",
        name=name,
        showlegend=shown, hoverinfo="skip", colorscale=c.flat_scale(colour), showscale=False,
        marker={"line": {"color": line, "width": 1}}, legendrank=rank,
    )


def _class_keys(scale: m.Scale, metric: str, lang: str) -> list[go.Choropleth]:
    if metric == "none_here":
        colours, labels = [c.NONE_HIGHLIGHT], [t("map.none_metric", lang)]
    elif scale.classed:
        labels = class_labels(scale, metric, lang)
        colours = [colour for _, colour in c.stepped_scale(len(labels))[::2]]
    else:
        colours, labels = [], []
    keys = []
    for i in range(KEY_SLOTS):
        shown = i < len(labels)
        keys.append(_key(labels[i] if shown else "", colours[i] if shown else "#ffffff",
                         100 + i, shown))
    return keys


def _flat_trace(
    frame: pd.DataFrame,
    mask: pd.Series,
    colour: str,
    name: str,
    hover: pd.Series,
    geojson: Any,
    line: dict[str, Any] | None = None,
) -> go.Choropleth:
    part = frame[mask]
    return go.Choropleth(_validate=False,
        geojson=geojson,
        featureidkey="properties.code",
        locations=part["code"].tolist(),
        z=np.zeros(len(part)).tolist(),
        colorscale=c.flat_scale(colour),
        showscale=False,
        hovertext=hover[mask].tolist(),
        hoverinfo="text",
        customdata=part["code"].tolist(),
        name=name,
        showlegend=True,
        marker={"line": line or {"color": c.BORDER_COLOUR, "width": 0.5}},
    )


def _fragile_trace(frame: pd.DataFrame, metric: str, lang: str) -> go.Scattergeo:
    """Small open dots on regions whose rate rests on few providers. They take no hover or
    click (hoverinfo "skip"): the region under them answers, with the caution in its label."""
    mask = m.fragile_mask(frame, metric)
    part = frame[mask]
    return go.Scattergeo(_validate=False,
        lon=part["lon"].tolist() if "lon" in part else [],
        lat=part["lat"].tolist() if "lat" in part else [],
        mode="markers",
        name=t("map.caution", lang, n=m.FRAGILE_MIN),
        marker={
            "symbol": "circle",
            "size": 6,
            "color": "#ffffff",
            "line": {"color": "#1a1a1a", "width": 1.2},
        },
        hoverinfo="skip",
        customdata=part["code"].tolist(),
        showlegend=bool(mask.any()),
        legendrank=130,
    )


def _selected_trace(frame: pd.DataFrame, selected: str | None, geojson: Any) -> go.Choropleth:
    codes = [selected] if selected and selected in set(frame["code"]) else []
    return go.Choropleth(_validate=False,
        geojson=geojson,
        featureidkey="properties.code",
        locations=codes,
        z=[0] * len(codes),
        colorscale=c.flat_scale("rgba(0,0,0,0)"),
        showscale=False,
        hoverinfo="skip",
        marker={"line": {"color": "#000000", "width": 3}},
        showlegend=False,
        name="selected",
    )


def _points_trace(points: pd.DataFrame | None, lang: str) -> go.Scattergeo:
    located = points[points["lon"].notna() & points["lat"].notna()] if points is not None else None
    if located is None or located.empty:
        return go.Scattergeo(_validate=False,
            lon=[],
            lat=[],
            mode="markers",
            name=t("map.points", lang),
            showlegend=False,
            hoverinfo="text",
        )
    return go.Scattergeo(_validate=False,
        lon=located["lon"].round(5).tolist(),
        lat=located["lat"].round(5).tolist(),
        mode="markers",
        name=t("map.points", lang),
        showlegend=True,
        marker={"size": 6, "color": c.POINT_COLOUR, "line": {"color": "#ffffff", "width": 0.8}},
        hovertext=provider_hover(located, lang).tolist(),
        hoverinfo="text",
        customdata=located["source_id"].tolist(),
    )


def _provider_trace(provider: dict[str, Any] | None, lang: str) -> go.Scattergeo:
    if not provider or provider.get("lon") is None or pd.isna(provider.get("lon")):
        return go.Scattergeo(_validate=False,
            lon=[],
            lat=[],
            mode="markers",
            showlegend=False,
            hoverinfo="text",
            name=t("map.provider.selected", lang),
        )
    one = pd.DataFrame([provider])
    return go.Scattergeo(_validate=False,
        lon=[provider["lon"]],
        lat=[provider["lat"]],
        mode="markers",
        name=t("map.provider.selected", lang),
        showlegend=True,
        marker={
            "size": 16,
            "symbol": "star",
            "color": "#ffd400",
            "line": {"color": "#000000", "width": 1.5},
        },
        hovertext=provider_hover(one, lang).tolist(),
        hoverinfo="text",
        customdata=[provider["source_id"]],
    )


def figure_scale(frame: pd.DataFrame, metric: str, classes: str) -> m.Scale:
    """The scale of one frame alone: classes over the values it colours (zeros are drawn
    apart). The app passes a series scale instead (dashboard.model.scales), so colours mean
    the same in every snapshot."""
    return m.map_scale(m.shown_values(frame, metric), metric, classes)


def choropleth_figure(
    frame: pd.DataFrame,
    metric: str,
    *,
    category: str,
    level: str,
    lang: str,
    geojson: Any,
    classes: str = "quantiles",
    selected: str | None = None,
    points: pd.DataFrame | None = None,
    provider: dict[str, Any] | None = None,
    title: str | None = None,
    height: int = 560,
    compact: bool = False,
    scale: m.Scale | None = None,
    legend: bool = True,
) -> go.Figure:
    """The map. `frame`: region metrics (with `lon`, `lat` of a point inside each region for
    the caution marks); `points`: providers to draw, if any; `provider`: one to highlight.
    `scale`: a scale shared with other maps (the comparison), else the frame's own.
    `compact` (narrow maps side by side): fixed margins so the maps match; `legend` False
    leaves the legend to a neighbour with the same scale."""
    if metric not in m.METRICS:
        raise ValueError(f"metric must be one of {', '.join(m.METRICS)}, not {metric!r}")
    none_colour = c.SOME_COLOUR if metric == "none_here" else c.NONE_COLOUR
    none_name = t("map.some_metric" if metric == "none_here" else "map.none", lang)
    if metric in ("ala_share", "ala_per_wfbm"):
        none_name = t("map.none", lang) + " (aLA)"
    notice = None
    if not m.is_recorded(frame):
        # nothing is known here: no region may read as "no provider"
        none_colour, none_name = c.NOT_RECORDED_COLOUR, t("map.not_recorded", lang)
        notice = t("notice.not_recorded", lang, category=t(f"category.{category}", lang))
    scale = scale if scale is not None else figure_scale(frame, metric, classes)
    hover = region_hover(frame, category, lang)  # once: three traces share it
    undefined = _flat_trace(
        frame,
        m.undefined_mask(frame, metric),
        c.UNDEFINED_COLOUR,
        t("map.undefined", lang),
        hover,
        geojson,
        # white with a dark outline: visibly "no value", also in the legend
        line={"color": "#1a1a1a", "width": 1.2},
    )
    base = _base_trace(frame, none_colour, none_name, hover, geojson)
    base.showlegend = False  # the keys carry the legend
    undefined.showlegend = False
    traces = [
        base,
        _value_trace(frame, metric, hover, lang, scale, geojson),
        undefined,
        _fragile_trace(frame, metric, lang),
        _selected_trace(frame, selected, geojson),
        _points_trace(points, lang),
        _provider_trace(provider, lang),
        *_class_keys(scale, metric, lang),
        _key(none_name, none_colour, 110, True),
        _key(t("map.undefined", lang), c.UNDEFINED_COLOUR, 120,
             bool(len(undefined.locations)), line="#1a1a1a"),
    ]
    for name in ("points", "provider"):
        traces[TRACES.index(name)].legendrank = 140 if name == "points" else 150
    text = title if title is not None else map_title(metric, category, level, lang)
    text = c.esc(text) + (f"<br><sup>{c.esc(notice)}</sup>" if notice else "")
    top = 64 if notice else 36
    figure = go.Figure(traces, _validate=False)
    figure.update_geos(**c.germany_geo())
    unit = t(f"unit.{metric}", lang) if scale.classed else ""
    figure.update_layout(
        title={"text": text, "x": 0.01, "xanchor": "left", "y": 0.99, "yanchor": "top",
               "font": {"size": 16}},
        height=height,
        margin={"l": 0, "r": 0, "t": top, "b": 0},
        separators=c.separators(lang),
        font={"family": c.FONT_FAMILY, "color": c.TEXT_COLOUR},
        showlegend=legend,
        legend={
            # under the map, left-aligned; plotly widens the bottom margin to fit it
            "orientation": "h",
            "yanchor": "top",
            "y": 0.0 if scale.classed or metric == "none_here" else -0.12,
            "x": 0.0,
            "title": {"text": unit, "side": "top"},
            # a grid, not a ragged line: every entry as wide as the longest label, so a
            # phone shows fewer per row instead of clipping "ohne Anbieter" (issue 21)
            "entrywidth": legend_entry_width(traces),
            "entrywidthmode": "pixels",
            "bgcolor": "rgba(255,255,255,0)",
            "itemclick": False,
            "itemdoubleclick": False,
            "font": {"size": 13},
        },
        uirevision=level,
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        hoverlabel={"bgcolor": "#ffffff", "font": {"color": "#000000"}},
        meta={"level": level, "metric": metric, "category": category, "classes": classes},
    )
    if compact:
        _compact(figure)
    return figure


def legend_entry_width(traces: list[Any]) -> int:
    """Pixels for one legend entry: swatch, gap and the longest shown line at 13 px (a
    name broken with <br>, like "geringe Fallzahl<br>(unter 3 Anbietern)", is as wide as
    its longest line, not as all its lines in a row)."""
    lines = [line for tr in traces if tr.showlegend
             for line in re.split(r"<br\s*/?>", str(tr.name or ""))]
    return 40 + 8 * max((len(line) for line in lines), default=10)


def _compact(figure: go.Figure) -> None:
    """Side-by-side maps: the same fixed bottom margin on every panel (whether it shows the
    legend or not), so Germany is drawn at the same size in each."""
    figure.update_layout(
        margin={"l": 0, "r": 0, "t": figure.layout.margin.t, "b": 110, "autoexpand": False},
        legend={"font": {"size": 12}},
    )


def empty_map(message: str, height: int = 560) -> go.Figure:
    """A blank figure with a message, for when there is no snapshot yet."""
    figure = go.Figure()
    figure.update_layout(
        height=height,
        xaxis={"visible": False},
        yaxis={"visible": False},
        annotations=[{"text": c.esc(message), "showarrow": False, "font": {"size": 16}}],
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
    )
    return figure
