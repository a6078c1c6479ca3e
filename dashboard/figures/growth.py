"""Figures of the Entwicklung page: counts over time, growth per Land, change maps.

Plain functions of frames from `store.growth` (no store access, no Dash), so they can be
tested without a browser and exported by `dashboard.exports` exactly as shown. Colours are
Okabe-Ito (safe for colour blindness); the diverging scale is purple-orange around zero.
Maps are `geo` subplots like the Karte page's.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.common import esc, germany_geo, separators
from dashboard.text.i18n import fmt_number

# Okabe-Ito
BLUE, ORANGE, VERMILLION, GREEN, GREY = "#0072B2", "#E69F00", "#D55E00", "#009E73", "#595959"
CHANGE_COLOURS = {"new": BLUE, "vanished": VERMILLION, "changed": ORANGE}
# a second cue besides colour, for readers who cannot tell the colours apart
CHANGE_SYMBOLS = {"new": "circle", "vanished": "x", "changed": "diamond"}
DIVERGING = "PuOr_r"  # purple = fewer, orange = more; readable with all common colour deficits

TEXTS = {
    "de": {
        "snapshots": "Datenstände",
        "reference": "veröffentlichte Zählung",
        "count": "Anzahl",
        "date": "Datum",
        "new": "neu",
        "vanished": "weggefallen",
        "changed": "geändert",
        "growth": "Zuwachs",
        "growth_per_100k": "Zuwachs je 100.000 Einw.",
        "change": "Veränderung",
        "change_count": "Veränderung (Anzahl Anbieter)",
        "change_per_100k": "Veränderung je 100.000 Einw.",
        "germany": "Deutschland",
        "empty": "Kein Datenstand hat diese Art erfasst.",
    },
    "en": {
        "snapshots": "snapshots",
        "reference": "published count",
        "count": "Count",
        "date": "Date",
        "new": "new",
        "vanished": "gone",
        "changed": "changed",
        "growth": "Growth",
        "growth_per_100k": "Growth per 100,000 inhabitants",
        "change": "Change",
        "change_count": "Change (number of providers)",
        "change_per_100k": "Change per 100,000 inhabitants",
        "germany": "Germany",
        "empty": "No snapshot recorded this kind.",
    },
}


def tx(key: str, lang: str) -> str:
    return TEXTS.get(lang, TEXTS["de"])[key]


def national_series_figure(series: pd.DataFrame, reference: pd.DataFrame, lang: str = "de"):
    """Germany's count per snapshot as a line, the published counts as separate diamonds.

    The two are never joined into one line: a published count is someone else's measurement
    with its own source (shown on hover), not a snapshot of ours.
    """
    germany = series[series["region"] == "DE"].sort_values("taken_at")
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=_dates(germany["taken_at"]),
            y=germany["count"],
            mode="lines+markers+text",
            text=germany["count"],
            textposition="top left",
            name=tx("snapshots", lang),
            line={"color": BLUE, "width": 3},
            marker={"size": 9},
            customdata=germany[["snapshot_id", "origin"]].to_numpy(),
            hovertemplate="%{x|%d.%m.%Y}: %{y}<br>Snapshot %{customdata[0]} "
            "(%{customdata[1]})<extra></extra>",
        )
    )
    if len(reference):
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(reference["as_of"]),
                y=reference["count"],
                mode="markers",
                name=tx("reference", lang),
                marker={"symbol": "diamond-open", "size": 14, "color": VERMILLION,
                        "line": {"width": 2.5}},
                customdata=[[esc(v)] for v in reference["source"]],
                hovertemplate="%{x|%d.%m.%Y}: %{y}<br>%{customdata[0]}<extra></extra>",
            )
        )
    fig.update_layout(
        xaxis={"title": tx("date", lang), "tickformat": "%m/%Y"},
        yaxis={"title": tx("count", lang), "rangemode": "tozero"},
        legend={"orientation": "h", "y": -0.2},
        margin={"t": 30, "r": 20, "l": 60, "b": 60},
        plot_bgcolor="white",
        hovermode="closest",
    )
    fig.update_xaxes(gridcolor="#e5e5e5")
    fig.update_yaxes(gridcolor="#e5e5e5")
    fig.update_layout(separators=separators(lang))  # 0,25 in German, 0.25 in English
    return fig


def panel_title(name: str) -> str:
    """A small-multiple title that fits a quarter of a phone's width: long double names break
    at their hyphen ("Baden-<br>Württemberg"), so neighbouring titles never print over each
    other at 390 px."""
    text = esc(name)
    return text.replace("-", "-<br>") if len(name) > 12 else text


def laender_series_figure(series: pd.DataFrame, lang: str = "de", columns: int = 4):
    """Small multiples: one panel per Land with the same y axis, so heights compare."""
    laender = series[series["region"] != "DE"]
    names = laender.drop_duplicates("region").sort_values("region")
    if names.empty:
        return _empty_figure(lang)
    rows = math.ceil(len(names) / columns)
    layout = grid_layout(rows, columns, [panel_title(n) for n in names["region_name"]],
                         vertical_spacing=0.08, horizontal_spacing=0.03)
    by_land = {code: mine.sort_values("taken_at") for code, mine in laender.groupby("region")}
    traces = []
    for i, land in enumerate(names.itertuples()):
        mine = by_land[land.region]
        suffix = "" if i == 0 else str(i + 1)
        traces.append({
            "type": "scatter", "x": _dates(mine["taken_at"]), "y": mine["count"].tolist(),
            "mode": "lines+markers", "name": esc(land.region_name), "showlegend": False,
            "line": {"color": BLUE}, "xaxis": f"x{suffix}", "yaxis": f"y{suffix}",
            # the name as data, not inside the template (a "%{" in it would be read)
            "text": [esc(land.region_name)] * len(mine),
            "hovertemplate": "%{text}<br>%{x|%d.%m.%Y}: %{y}<extra></extra>",
        })
    for key in list(layout):
        if key.startswith("xaxis"):
            layout[key].update(tickformat="%m/%y", nticks=4, gridcolor="#eeeeee")
        elif key.startswith("yaxis"):
            layout[key].update(rangemode="tozero", gridcolor="#eeeeee")
    # room above the first row's two-line titles for the toolbar (it covered them on a phone)
    layout.update(plot_bgcolor="white", margin={"t": 72, "r": 10, "l": 40, "b": 30},
                  height=170 * rows + 112,
                  separators=separators(lang))  # 0,25 in German, 0.25 in English
    # built as plain data: plotly's make_subplots and its many updates of 32 axes were the
    # largest figure cost of a fresh server's first Entwicklung page (issue 21); grid_layout
    # gives the same axes (the tests compare the two)
    return go.Figure(data=traces, layout=layout)


def grid_layout(rows: int, columns: int, titles: list[str], vertical_spacing: float,
                horizontal_spacing: float, title_size: int = 12) -> dict[str, Any]:
    """The layout `make_subplots(rows, columns, shared_xaxes="all", shared_yaxes="all",
    subplot_titles=titles)` builds, without its cost: panels numbered row by row from the top
    left, every axis following the bottom-left panel's, tick labels on the bottom row and the
    left column only, each title centred above its panel."""
    width = (1 - (columns - 1) * horizontal_spacing) / columns
    height = (1 - (rows - 1) * vertical_spacing) / rows
    anchor = (rows - 1) * columns + 1  # the bottom-left panel's axes lead
    layout: dict[str, Any] = {"annotations": []}
    for row in range(rows):
        for col in range(columns):
            n = row * columns + col + 1
            suffix = "" if n == 1 else str(n)
            x0 = col * (width + horizontal_spacing)
            y1 = 1 - row * (height + vertical_spacing)
            # rounded: the bottom row's 1 - 4 x 0.19 - 3 x 0.08 is -5.6e-17, outside [0, 1]
            xaxis: dict[str, Any] = {"anchor": f"y{suffix}",
                                     "domain": [_unit(x0), _unit(x0 + width)]}
            yaxis: dict[str, Any] = {"anchor": f"x{suffix}",
                                     "domain": [_unit(y1 - height), _unit(y1)]}
            if n != anchor:
                xaxis["matches"] = f"x{anchor}"
                yaxis["matches"] = f"y{anchor}"
            if row != rows - 1:
                xaxis["showticklabels"] = False
            if col != 0:
                yaxis["showticklabels"] = False
            layout[f"xaxis{suffix}"], layout[f"yaxis{suffix}"] = xaxis, yaxis
            if n <= len(titles):
                layout["annotations"].append({
                    "text": titles[n - 1], "showarrow": False, "font": {"size": title_size},
                    "x": _unit(x0 + width / 2), "xanchor": "center", "xref": "paper",
                    "y": _unit(y1), "yanchor": "bottom", "yref": "paper",
                })
    return layout


def _unit(value: float) -> float:
    return min(1.0, max(0.0, round(value, 12)))


def growth_bar_figure(table: pd.DataFrame, per_100k: bool = False, lang: str = "de"):
    """Länder ranked by growth between two snapshots (absolute or per 100,000), best on top."""
    column = "growth_per_100k" if per_100k else "growth"
    ordered = table.sort_values([column, "land_code"], ascending=[True, False])
    colours = [BLUE if v > 0 else VERMILLION if v < 0 else GREY for v in ordered[column]]
    decimals = 2 if per_100k else 0
    fig = go.Figure(
        go.Bar(
            x=ordered[column], y=[esc(n) for n in ordered["land"]], orientation="h",
            marker_color=colours,
            text=[fmt_number(v, lang, decimals, signed=True) for v in ordered[column]],
            textposition="outside",
            customdata=ordered[["count_old", "count_new"]].to_numpy(),
            hovertemplate="%{y}: %{customdata[0]} → %{customdata[1]}<extra></extra>",
            cliponaxis=False,
        )
    )
    fig.update_layout(
        xaxis={"title": tx(column, lang), "zeroline": True, "zerolinecolor": "#333",
               "gridcolor": "#e5e5e5"},
        yaxis={"automargin": True},
        plot_bgcolor="white", margin={"t": 30, "r": 50, "l": 10, "b": 50},
        height=max(420, 28 * len(ordered) + 80),
    )
    fig.update_layout(separators=separators(lang))  # 0,25 in German, 0.25 in English
    return fig


def change_map_figure(
    change: pd.DataFrame, geojson: dict[str, Any] | str, per_100k: bool = False,
    lang: str = "de", bound: float | None = None,
):
    """The difference between two snapshots per region on a diverging scale centred on zero.

    `geojson` is a FeatureCollection whose feature ids are region codes, or its URL (the
    dashboard passes the URL so the browser loads geometry once). `bound`: the colour range
    (-bound … +bound) fixed for the series (dashboard.model.scales.change_bound), so a
    change has the same shade for every pair; else this pair's largest change.
    """
    column = "change_per_100k" if per_100k else "change"
    values = change[column].astype("float64")
    own = max(float(values.abs().max() or 0), 1e-9 if per_100k else 1)
    bound = own if bound is None else max(bound, own)
    fig = go.Figure(
        go.Choropleth(
            geojson=geojson, locations=change["code"], featureidkey="properties.code", z=values,
            zmin=-bound, zmax=bound, zmid=0, colorscale=DIVERGING,
            marker={"line": {"width": 0.4, "color": "#6b6b6b"}},
            # under the map, as the Karte's legend: beside it, it took a phone's width
            colorbar={"title": {"text": tx(column, lang), "side": "top"}, "thickness": 12,
                      "orientation": "h", "x": 0, "xanchor": "left", "y": 0,
                      "yanchor": "top", "len": 0.9,
                      **({} if per_100k or bound > 10 else {"dtick": 1})},
            customdata=list(zip([esc(n) for n in change["name"]], change["count_old"],
                                change["count_new"], strict=True)),
            hovertemplate="%{customdata[0]}: %{customdata[1]} → %{customdata[2]} "
            "(%{z:+})<extra></extra>",
        )
    )
    _blank_map(fig)
    fig.update_layout(separators=separators(lang))  # 0,25 in German, 0.25 in English
    return fig


def changes_points_figure(
    diff: pd.DataFrame, geojson: dict[str, Any] | str, lang: str = "de"
):
    """New, vanished and changed providers as points over the Länder outlines."""
    features = geojson["features"] if isinstance(geojson, dict) else None
    outline = [f["properties"]["code"] for f in features] if features else None
    fig = go.Figure()
    fig.add_trace(
        go.Choropleth(
            geojson=geojson, locations=outline or _LAND_CODES, featureidkey="properties.code",
            z=[0] * len(outline or _LAND_CODES), colorscale=[[0, "#f4f4f4"], [1, "#f4f4f4"]],
            showscale=False, hoverinfo="skip", marker={"line": {"width": 0.8, "color": "#888"}},
        )
    )
    located = diff.dropna(subset=["lon", "lat"])
    for kind in ("new", "vanished", "changed"):
        mine = located[located["change"] == kind]
        fig.add_trace(
            go.Scattergeo(
                lon=mine["lon"], lat=mine["lat"], mode="markers",
                name=f"{tx(kind, lang)} ({int((diff['change'] == kind).sum())})",
                marker={"size": 10, "color": CHANGE_COLOURS[kind], "symbol": CHANGE_SYMBOLS[kind],
                        "line": {"width": 1, "color": "#ffffff"}},
                text=[esc(n) for n in mine["name"]], hovertemplate="%{text}<extra></extra>",
            )
        )
    _blank_map(fig)
    fig.update_layout(legend={"x": 0.01, "y": 0.99, "bgcolor": "rgba(255,255,255,0.85)"})
    fig.update_layout(separators=separators(lang))  # 0,25 in German, 0.25 in English
    return fig


_LAND_CODES = [f"{i:02d}" for i in range(1, 17)]


def _empty_figure(lang: str) -> go.Figure:
    """A short figure that says there is nothing to draw (no snapshot recorded the kind)."""
    fig = go.Figure()
    fig.add_annotation(text=tx("empty", lang), showarrow=False, x=0.5, y=0.5,
                       xref="paper", yref="paper", font={"size": 14})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(height=160, plot_bgcolor="white", margin={"t": 10, "r": 10, "l": 10, "b": 10})
    fig.update_layout(separators=separators(lang))  # 0,25 in German, 0.25 in English
    return fig


MAP_HEIGHT = 680  # portrait, as the Karte's frame (exports; on the page CSS sizes the frame)


def _blank_map(fig: go.Figure) -> None:
    """Only our own shapes, in a frame shaped like Germany, like the Karte page (the graph's
    topojsonURL points at the app's local copy, so no base map is fetched from a CDN)."""
    fig.update_geos(**germany_geo())
    fig.update_layout(margin={"t": 0, "r": 0, "l": 0, "b": 0}, paper_bgcolor="#ffffff",
                      height=MAP_HEIGHT)


def _dates(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, utc=True).dt.tz_localize(None)
