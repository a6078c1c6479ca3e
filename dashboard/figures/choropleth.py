"""The choropleth map of one category and metric, at Land or Kreis level.

Trace order is fixed (see TRACES) so callbacks can patch values by index without resending
geometry: `geojson` is a URL in the app (fetched once) or a dict for static exports.

Every region sits in the grey base trace ("none") and in the value trace, whose z is null
where a region has no provider, so plotly leaves it out and the grey shows. Both keep all
regions in the same order, so a change of metric only sends new z values and colours
(METRIC_KEYS); hover texts, which depend on category, snapshot and language, stay put.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import metrics as m
from dashboard.figures import common as c
from dashboard.figures.hover import provider_hover, region_hover
from dashboard.i18n import fmt_number, t

TRACES = ("none", "values", "undefined", "fragile", "selected", "points", "provider")
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
    "fragile": ("lon", "lat", "hovertext", "customdata", "showlegend", "name"),
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
    return go.Choropleth(
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
    frame: pd.DataFrame, metric: str, hover: pd.Series, lang: str, classes: str, geojson: Any
) -> go.Choropleth:
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
    )
    if metric == "none_here":
        # the regions without a provider are the values here; all others show the base
        return go.Choropleth(
            z=[0 if flag else None for flag in none],
            zmin=0,
            zmax=1,
            colorbar={},
            colorscale=c.flat_scale(c.NONE_HIGHLIGHT),
            showscale=False,
            name=t("map.none_metric", lang),
            showlegend=True,
            **common,
        )
    unit = t(f"unit.{metric}", lang)
    if classes == "continuous" or z.empty:
        low = float(z.min()) if len(z) else 0.0
        high = float(z.max()) if len(z) else 1.0
        colorbar: dict[str, Any] = {
            "title": {"text": unit},
            "tickformat": f",.{spec.decimals}f",
            "len": 0.75,
            "thickness": 14,
        }
        if spec.decimals == 0 and high - low <= 8:
            # whole numbers: one tick per count, never "2, 2, 3, 3"
            colorbar.update(tickmode="linear", tick0=0, dtick=1)
        return go.Choropleth(
            z=_with_gaps(z.round(4), shown),
            zmin=low,
            zmax=high if high > low else low + 1,
            colorscale=c.continuous_scale(),
            colorbar=colorbar,
            showscale=not z.empty,  # a scale for no value at all would suggest zeros
            showlegend=False,
            name=unit,
            **common,
        )
    steps = m.classify(z, classes, integer=spec.decimals == 0)
    labels = [_edge_label(lo, hi, spec.decimals, lang) for lo, hi in steps.bounds]
    n = max(steps.steps, 1)
    return go.Choropleth(
        z=_with_gaps(steps.index, shown),
        zmin=-0.5,
        zmax=n - 0.5,
        colorscale=c.stepped_scale(n),
        showscale=True,
        colorbar={
            "tickmode": "array",
            "title": {"text": unit},
            "tickvals": list(range(n)),
            "ticktext": labels[:n],
            "len": 0.75,
            "thickness": 14,
        },
        showlegend=False,
        name=unit,
        **common,
    )


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
    return go.Choropleth(
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
    mask = m.fragile_mask(frame, metric)
    part = frame[mask]
    note = t("map.fragile.note", lang, n=m.FRAGILE_MIN)
    return go.Scattergeo(
        lon=part["lon"].tolist() if "lon" in part else [],
        lat=part["lat"].tolist() if "lat" in part else [],
        mode="markers",
        name="⚠ " + t("map.fragile", lang),
        marker={
            "symbol": "triangle-up",
            "size": 9,
            "color": "#ffffff",
            "line": {"color": "#1a1a1a", "width": 1.5},
        },
        hovertext=[f"{c.esc(n)}: {note}" for n in part["name"]],
        hoverinfo="text",
        customdata=part["code"].tolist(),
        showlegend=bool(mask.any()),
    )


def _selected_trace(frame: pd.DataFrame, selected: str | None, geojson: Any) -> go.Choropleth:
    codes = [selected] if selected and selected in set(frame["code"]) else []
    return go.Choropleth(
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
        return go.Scattergeo(
            lon=[],
            lat=[],
            mode="markers",
            name=t("map.points", lang),
            showlegend=False,
            hoverinfo="text",
        )
    return go.Scattergeo(
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
        return go.Scattergeo(
            lon=[],
            lat=[],
            mode="markers",
            showlegend=False,
            hoverinfo="text",
            name=t("map.provider.selected", lang),
        )
    one = pd.DataFrame([provider])
    return go.Scattergeo(
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


def choropleth_figure(
    frame: pd.DataFrame,
    metric: str,
    *,
    category: str,
    level: str,
    lang: str,
    geojson: Any,
    classes: str = "continuous",
    selected: str | None = None,
    points: pd.DataFrame | None = None,
    provider: dict[str, Any] | None = None,
    title: str | None = None,
    height: int = 560,
    compact: bool = False,
) -> go.Figure:
    """The map. `frame`: region metrics (with `lon`, `lat` of a point inside each region for
    the caution marks); `points`: providers to draw, if any; `provider`: one to highlight.
    `compact` (narrow maps side by side): colour bar below the map, legend at the top."""
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
    hover = region_hover(frame, category, lang)  # once: three traces share it
    traces = [
        _base_trace(frame, none_colour, none_name, hover, geojson),
        _value_trace(frame, metric, hover, lang, classes, geojson),
        _flat_trace(
            frame,
            m.undefined_mask(frame, metric),
            c.UNDEFINED_COLOUR,
            t("map.undefined", lang),
            hover,
            geojson,
            # white with a dark outline: visibly "no value", also in the legend
            line={"color": "#1a1a1a", "width": 1.2},
        ),
        _fragile_trace(frame, metric, lang),
        _selected_trace(frame, selected, geojson),
        _points_trace(points, lang),
        _provider_trace(provider, lang),
    ]
    traces[2].showlegend = bool(len(traces[2].locations))
    text = title if title is not None else map_title(metric, category, level, lang)
    text = c.esc(text) + (f"<br><sup>{c.esc(notice)}</sup>" if notice else "")
    top = 64 if notice else 40
    figure = go.Figure(traces)
    figure.update_geos(
        visible=False,
        fitbounds="locations",
        projection_type="mercator",
        bgcolor="rgba(0,0,0,0)",
        showframe=False,
    )
    figure.update_layout(
        title={"text": text, "x": 0.01, "font": {"size": 16}},
        height=height,
        margin={"l": 0, "r": 0, "t": top, "b": 0},
        separators=c.separators(lang),
        font={"family": c.FONT_FAMILY, "color": c.TEXT_COLOUR},
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 0.0,
            "x": 0.0,
            "bgcolor": "rgba(255,255,255,0.85)",
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


def _compact(figure: go.Figure) -> None:
    """Colour bar horizontal under the map, legend under the title: a narrow map keeps its
    width for Germany."""
    values = figure.data[TRACES.index("values")]
    if values.showscale:
        values.colorbar.update(
            orientation="h", x=0.5, xanchor="center", y=0.0, yanchor="top", len=0.9,
            thickness=10, title={"side": "top"},
        )
    figure.update_layout(
        margin={"l": 0, "r": 0, "t": figure.layout.margin.t, "b": 80},
        legend={"orientation": "h", "yanchor": "top", "y": 1.0, "x": 0.0},
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
