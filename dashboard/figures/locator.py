"""Small static maps: where a region lies in Germany, and a place with its nearest providers.

Geometry is referenced, not embedded: `geojson` is the app's `/geo/<level>.geojson` URL in the
browser (fetched once and cached, as on Karte) or `dashboard.model.geometry.geojson(level)` for a
static export. No base map, no tiles: nothing leaves the machine.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import common as c

HIGHLIGHT = "#440154"  # the darkest step of the sequential scale
PLACE_COLOUR = "#1a1a1a"
LAND_FILL = "#e6e6e6"
CONTEXT_FILL = "#b8b8b8"


def _outline(codes: list[str], geojson: Any, colour: str, name: str) -> go.Choropleth:
    return go.Choropleth(
        geojson=geojson,
        featureidkey="properties.code",
        locations=codes,
        z=[0] * len(codes),
        colorscale=c.flat_scale(colour),
        showscale=False,
        hoverinfo="skip",
        name=name,
        marker={"line": {"color": c.BORDER_COLOUR, "width": 0.5}},
    )


def _frame(figure: go.Figure, height: int, title: str | None) -> go.Figure:
    figure.update_geos(
        visible=False,
        fitbounds="locations",
        projection_type="mercator",
        bgcolor="rgba(0,0,0,0)",
        showframe=False,
    )
    figure.update_layout(
        height=height,
        margin={"l": 0, "r": 0, "t": 30 if title else 0, "b": 0},
        title={"text": c.esc(title), "x": 0.01, "font": {"size": 14}} if title else None,
        showlegend=False,
        paper_bgcolor="#ffffff",
        font={"family": c.FONT_FAMILY, "color": c.TEXT_COLOUR},
    )
    return figure


def locator_figure(
    laender: list[str],
    land_geojson: Any,
    highlight: list[str],
    highlight_geojson: Any,
    height: int = 260,
    title: str | None = None,
    context: list[str] | None = None,
) -> go.Figure:
    """The 16 Länder in light grey, the Länder `context` (a Kreis's Land) a little darker,
    the regions `highlight` (codes in `highlight_geojson`: Länder or Kreise) dark on top."""
    traces = [
        _outline(laender, land_geojson, LAND_FILL, "Deutschland"),
        _outline(context or [], land_geojson, CONTEXT_FILL, "Land"),
        _outline(highlight, highlight_geojson, HIGHLIGHT, "Region"),
    ]
    return _frame(go.Figure(traces), height, title)


def nearby_figure(
    laender: list[str],
    land_geojson: Any,
    place: tuple[float, float],
    place_label: str,
    providers: pd.DataFrame,
    height: int = 320,
    title: str | None = None,
) -> go.Figure:
    """The Länder in light grey, the searched place as a cross and the providers (`lon`, `lat`,
    `name`, `category_label`) as dots, one colour per category; framed on the points."""
    figure = go.Figure([_outline(laender, land_geojson, LAND_FILL, "Deutschland")])
    symbols = {"ala": "circle", "wfbm": "square", "ib": "diamond"}
    colours = {"ala": "#d55e00", "wfbm": "#0072b2", "ib": "#009e73"}
    for category, group in providers.groupby("category", sort=False):
        figure.add_trace(
            go.Scattergeo(
                lon=group["lon"].tolist(),
                lat=group["lat"].tolist(),
                mode="markers",
                marker={"size": 9, "color": colours.get(str(category), c.POINT_COLOUR),
                        "symbol": symbols.get(str(category), "circle"),
                        "line": {"color": "#ffffff", "width": 1}},
                text=[c.esc(n) for n in group["name"]],
                hoverinfo="text",
                name=c.esc(group["category_label"].iloc[0]),
            )
        )
    figure.add_trace(
        go.Scattergeo(
            lon=[place[0]], lat=[place[1]], mode="markers",
            marker={"size": 14, "symbol": "x", "color": PLACE_COLOUR},
            text=[c.esc(place_label)], hoverinfo="text", name=c.esc(place_label),
        )
    )
    figure = _frame(figure, height, title)
    lons = [place[0], *providers["lon"].tolist()]
    lats = [place[1], *providers["lat"].tolist()]
    pad = 0.15
    figure.update_geos(
        fitbounds=False,
        lonaxis_range=[min(lons) - pad, max(lons) + pad],
        lataxis_range=[min(lats) - pad, max(lats) + pad],
    )
    figure.update_layout(showlegend=True, legend={"orientation": "h", "y": 0, "x": 0})
    return figure
