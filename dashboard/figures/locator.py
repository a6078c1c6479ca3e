"""Small static maps: where a region lies in Germany, and a place with its nearest providers.

Geometry is referenced, not embedded: `geojson` is the app's `/geo/<level>.geojson` URL in the
browser (fetched once and cached, as on Karte) or `dashboard.model.geometry.geojson(level)` for a
static export. No base map, no tiles: nothing leaves the machine.
"""

from __future__ import annotations

import math
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


NEAR_SYMBOLS = {"ala": "circle", "wfbm": "square", "ib": "diamond"}
NEAR_COLOURS = {"ala": "#d55e00", "wfbm": "#0072b2", "ib": "#009e73"}
KREIS_FILL = "#f4f4f4"
LAND_LINE = "#7a7a7a"
RING_CAPACITY = 8  # markers on the innermost circle around a shared point
MIN_SPAN = (0.5, 0.32)  # degrees lon, lat: enough of the neighbourhood to read the outlines


def _key(lon: float, lat: float) -> tuple[float, float]:
    return (round(lon, 6), round(lat, 6))


def spread_shared_points(
    lons: list[float], lats: list[float], radius: float,
    centre: tuple[float, float] | None = None,
) -> tuple[list[float], list[float]]:
    """Where several markers share one point (the geocoder places providers at their
    Gemeinde's point), or one sits on `centre` (the searched place's cross), lay them on a
    small circle of `radius` degrees around that point, so every marker shows; any other
    point stays where it is. Display only: distances are measured on the true points."""
    groups: dict[tuple[float, float], list[int]] = {}
    for i, (lon, lat) in enumerate(zip(lons, lats, strict=True)):
        groups.setdefault(_key(lon, lat), []).append(i)
    out_lon, out_lat = list(lons), list(lats)
    keep_clear = _key(*centre) if centre is not None else None
    for (lon, lat), members in groups.items():
        if len(members) < 2 and (lon, lat) != keep_clear:
            continue
        # longitude degrees are shorter than latitude degrees at 48–55° N
        stretch = 1 / max(math.cos(math.radians(lat)), 0.1)
        for i, (ring, angle) in zip(members, ring_slots(len(members)), strict=True):
            out_lon[i] = lon + ring * radius * stretch * math.cos(angle)
            out_lat[i] = lat + ring * radius * math.sin(angle)
    return out_lon, out_lat


def ring_slots(n: int, first: int = RING_CAPACITY) -> list[tuple[int, float]]:
    """(ring number, angle) for `n` markers: `first` on ring 1, twice as many on ring 2 …,
    the last ring shared evenly, so neighbours keep about the same gap."""
    slots: list[tuple[int, float]] = []
    ring = 1
    while len(slots) < n:
        here = min(first * ring, n - len(slots))
        offset = math.pi / 2 + (math.pi / here if ring % 2 == 0 else 0.0)
        slots += [(ring, offset + 2 * math.pi * k / here) for k in range(here)]
        ring += 1
    return slots


def _frame_range(lons: list[float], lats: list[float], pad: float) -> tuple[list[float], ...]:
    """Lon and lat ranges around the points, at least MIN_SPAN wide."""
    ranges = []
    for values, least in ((lons, MIN_SPAN[0]), (lats, MIN_SPAN[1])):
        low, high = min(values) - pad, max(values) + pad
        if high - low < least:
            middle = (low + high) / 2
            low, high = middle - least / 2, middle + least / 2
        ranges.append([low, high])
    return tuple(ranges)


RING_GAP = 0.045  # ring spacing as a share of the map's height (about 16 px at 360 px)


def _rings(providers: pd.DataFrame, place: tuple[float, float]) -> int:
    """How many rings the markers on the place's own point take."""
    here = sum(_key(lo, la) == _key(*place)
               for lo, la in zip(providers["lon"], providers["lat"], strict=True))
    return max((r for r, _ in ring_slots(here)), default=0)


def _place_names(
    labels: pd.DataFrame, place: tuple[float, float], lon_range: list[float], clear: float
) -> go.Scattergeo:
    """Place names beside their points, on the side facing the map's middle (no name runs
    off the edge); the searched place's name above the markers ringed around it."""
    middle = sum(lon_range) / 2
    lats, positions = [], []
    for lon, lat in zip(labels["lon"], labels["lat"], strict=True):
        if _key(lon, lat) == _key(*place):
            lats.append(lat + clear)
            positions.append("top center")
        else:
            lats.append(lat)
            positions.append("middle left" if lon > middle else "middle right")
    return go.Scattergeo(
        lon=labels["lon"].tolist(), lat=lats, mode="text",
        text=[f" {c.esc(n)} " for n in labels["name"]], textposition=positions,
        textfont={"size": 12, "color": c.TEXT_COLOUR}, hoverinfo="skip",
        showlegend=False, name="Orte",
    )


def nearby_figure(
    laender: list[str],
    land_geojson: Any,
    place: tuple[float, float],
    place_label: str,
    providers: pd.DataFrame,
    height: int = 320,
    title: str | None = None,
    kreise: list[str] | None = None,
    kreis_geojson: Any = None,
    labels: pd.DataFrame | None = None,
) -> go.Figure:
    """An offline map of a place and its nearest providers: Kreis outlines (`kreise` in
    `kreis_geojson`) under the Land borders, place names (`labels`: `name`, `lon`, `lat`),
    the searched place as a cross and the providers (`lon`, `lat`, `name`, `category`,
    `category_label`) on top of it, one colour and shape per category; providers that share
    a point are spread around it so none hides another or the cross."""
    traces = []
    if kreise:
        traces.append(_outline(kreise, kreis_geojson, KREIS_FILL, "Kreise"))
    land = _outline(laender, land_geojson, LAND_FILL, "Deutschland")
    if kreise:  # Land borders only, over the Kreise
        land.update(colorscale=c.flat_scale("rgba(0,0,0,0)"),
                    marker={"line": {"color": LAND_LINE, "width": 1.5}})
    traces.append(land)
    figure = go.Figure(traces)
    lons = [place[0], *providers["lon"].tolist()]
    lats = [place[1], *providers["lat"].tolist()]
    lon_range, lat_range = _frame_range(lons, lats, 0.12)
    radius = (lat_range[1] - lat_range[0]) * RING_GAP
    if labels is not None and len(labels):
        figure.add_trace(_place_names(labels, place, lon_range, radius * _rings(providers, place)))
    # the cross first: the providers are drawn over it
    figure.add_trace(go.Scattergeo(
        lon=[place[0]], lat=[place[1]], mode="markers",
        marker={"size": 16, "symbol": "x-thin", "color": PLACE_COLOUR,
                "line": {"color": PLACE_COLOUR, "width": 3}},
        text=[c.esc(place_label)], hoverinfo="text", name=c.esc(place_label),
    ))
    shown_lon, shown_lat = spread_shared_points(
        providers["lon"].tolist(), providers["lat"].tolist(), radius, centre=place)
    spread = providers.assign(shown_lon=shown_lon, shown_lat=shown_lat)
    for category, group in spread.groupby("category", sort=False):
        figure.add_trace(
            go.Scattergeo(
                lon=group["shown_lon"].tolist(),
                lat=group["shown_lat"].tolist(),
                mode="markers",
                marker={"size": 10, "color": NEAR_COLOURS.get(str(category), c.POINT_COLOUR),
                        "symbol": NEAR_SYMBOLS.get(str(category), "circle"),
                        "line": {"color": "#ffffff", "width": 1.2}},
                text=[c.esc(n) for n in group["name"]],
                hoverinfo="text",
                name=c.esc(group["category_label"].iloc[0]),
            )
        )
    figure = _frame(figure, height, title)
    figure.update_geos(fitbounds=False, lonaxis_range=lon_range, lataxis_range=lat_range)
    figure.update_layout(showlegend=True, legend={"orientation": "h", "y": 0, "x": 0,
                                                  "bgcolor": "rgba(255,255,255,0.85)"})
    return figure
