"""The Erreichbarkeit Gemeinde map: all 10,997 Gemeinden (or one Land's) in distance classes,
Kreis and Land outlines over them, providers as dots, hypothetical ones as stars.

Why it is built like this (bench/map_engines.py has the figures):
- Plotly `geo` (SVG), not `choroplethmap` (WebGL): in headless Chromium it drew and repainted
  the 10,997 shapes faster, and it needs no WebGL (which headless Chromium only had with
  SwiftShader flags that a reader's browser would not need).
- One trace per distance class with a flat colour, the same in every snapshot, threshold and
  plan: a colour always means the same distance. The threshold only fades the classes within
  it; `layout.datarevision` stays the same across a threshold switch, so Plotly.react restyles
  the opacity and never re-projects the shapes.
- Shapes by URL (`/geo/gemeinde.geojson`), fetched once; exports pass the dict instead.
- Planning draws over the snapshot, not into it: the class traces always hold the Gemeinden
  as the snapshot has them (`before`), and only the Gemeinden a plan brings nearer are drawn
  again on top (a white mask, then their new class). A planning click then changes a few
  small traces and the stars (`plan_traces`), which the page draws on its own layer over the
  map (figures/plan_overlay.py; exports keep one figure); moving Gemeinden between the
  10,997-strong class traces made it re-send 2.8 MB of figure.
- Traces built without plotly's per-value validation (`_validate=False`, as in choropleth.py):
  the values are ours and JSON-ready, and validating 10,997-long lists was most of the
  server's time for this figure.

Pure functions of frames; no Dash here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import common as c
from dashboard.text.i18n import t

# class edges in km: ≤ 10 | 10–25 | 25–50 | > 50; the page's thresholds are these edges
EDGES_KM: tuple[int, ...] = (10, 25, 50)
# distance: light = near, dark = far (a yellow-orange-brown ramp, apart from the Karte's
# Viridis and the 2SFCA map's blues; readable in greyscale and for red-green blindness)
DISTANCE_COLOURS: tuple[str, ...] = ("#fee391", "#fe9929", "#cc4c02", "#662506")
NO_PROVIDER_COLOUR = "#9e9e9e"
FADED = 0.35  # opacity of the classes within the threshold
CLASS_KEYS: tuple[str, ...] = ("le10", "10_25", "25_50", "gt50")
PLAN_COLOUR = "#000000"
# trace order: 0–3 the classes, 4 no provider, then what planning changes (the mask, the
# planned Gemeinden per class), the outlines, the providers, the stars last


def plan_indices(classes: int) -> tuple[int, tuple[int, ...], int]:
    """Trace indices of the mask, the planned classes and the stars on a map of `classes`
    classes (the car map in minutes has five, the Luftlinie map four)."""
    mask = classes + 1
    return mask, tuple(range(mask + 1, mask + 1 + classes)), 2 * classes + 5


CLASSES = (0, 1, 2, 3)
MASK, PLANNED, STARS = plan_indices(len(CLASSES))  # 5, (6, 7, 8, 9), 13
FADED_TRACES = CLASSES + PLANNED  # what a threshold switch fades


def fitted_geo(bounds: tuple[float, float, float, float] | None) -> dict[str, Any]:
    """The `geo` settings of a map fitted to (lon_min, lon_max, lat_min, lat_max) with a small
    margin (a Land view), or Germany's (None). Ranges, not fitbounds: fitbounds is computed
    again on every redraw over every vertex."""
    geo = c.germany_geo()
    if bounds is None:
        return geo
    lon_min, lon_max, lat_min, lat_max = bounds
    pad = 0.04 * max(lon_max - lon_min, lat_max - lat_min, 0.2)
    geo["lonaxis_range"] = [round(lon_min - pad, 3), round(lon_max + pad, 3)]
    geo["lataxis_range"] = [round(lat_min - pad, 3), round(lat_max + pad, 3)]
    return geo


def distance_class(values: pd.Series | np.ndarray,
                   edges: tuple[int, ...] = EDGES_KM) -> np.ndarray:  # fmt: skip
    """Class index per value (default: ≤10, 10–25, 25–50, >50 km → 0…3); -1 where
    undefined."""
    values = np.asarray(values, dtype=float)
    index = np.searchsorted(np.asarray(edges, dtype=float), values, side="left")
    return np.where(np.isnan(values), -1, index)


def class_label(index: int, lang: str) -> str:
    """"≤ 10 km", "10–25 km", "25–50 km", "> 50 km" (Luftlinie)."""
    return t(f"access.gem.class.{CLASS_KEYS[index]}", lang)


def faded(index: int, threshold: int, edges: tuple[int, ...] = EDGES_KM) -> bool:
    """A class lies within the threshold (all its values ≤ threshold)."""
    return index < edges.index(threshold) + 1


def hover_rows(frame: pd.DataFrame, lang: str = "de") -> list[list[Any]]:
    """Per Gemeinde what its hover says, as customdata for `hover_template`: name, Kreis
    (escaped), people, km (rounded to 0.1; None where no provider) and the nearest provider
    (escaped). Numbers stay numbers: plotly.js formats them with the layout's separators.
    Finished hover texts were 1.8 of the figure's 2.2 MB of JSON."""
    km = frame["nearest_km"].to_numpy(dtype=float).round(1)
    return [list(row) for row in zip(
        map(c.esc, frame["name"]), map(c.esc, frame["kreis"]),
        frame["population"].to_numpy(dtype="int64").tolist(),
        [None if v != v else v for v in km.tolist()], map(c.esc, frame["nearest"]),
        strict=True)]  # fmt: skip


def hover_template(lang: str, reachable: bool = True) -> str:
    """Gemeinde, Kreis, people, km Luftlinie (or that no provider is within reach) and the
    nearest provider, over `hover_rows`."""
    km = t("access.gem.hover.km", lang, km="%{customdata[3]:,.1f}") if reachable else \
        t("access.gem.none", lang)
    return "<br>".join([
        "<b>%{customdata[0]}</b>", "%{customdata[1]}",
        t("access.gem.hover.population", lang, n="%{customdata[2]:,}"), km,
        t("access.gem.hover.nearest", lang, name="%{customdata[4]}"),
    ]) + "<extra></extra>"  # fmt: skip


def legend_title(threshold: int, lang: str) -> str:
    """The legend's heading: which classes are faded."""
    return t("access.gem.legend", lang, km=threshold)


@dataclass(frozen=True)
class ClassScale:
    """What the Gemeinde map classes and how it says so: the frame's column, the class
    edges (the page's thresholds are among them), one colour per class, the class and
    legend labels, the label of an undefined value, and the hover (customdata rows per
    Gemeinde and the template over them, for reachable and unreachable Gemeinden)."""

    column: str
    edges: tuple[int, ...]
    colours: tuple[str, ...]
    label: Callable[[int, str], str]  # (class index, lang)
    legend: Callable[[int, str], str]  # (threshold, lang)
    none_label: Callable[[str], str]
    rows: Callable[[pd.DataFrame, str], list[list[Any]]]  # (frame, lang)
    template: Callable[[str, bool], str]  # (lang, reachable)


KM_SCALE = ClassScale(
    "nearest_km", EDGES_KM, DISTANCE_COLOURS, class_label, legend_title,
    lambda lang: t("access.gem.none", lang), hover_rows, hover_template,
)  # fmt: skip


def _class_trace(frame: pd.DataFrame, geojson: Any, name: str, colour: str, opacity: float,
                 lang: str, reachable: bool = True,
                 scale: ClassScale = KM_SCALE) -> go.Choropleth:  # fmt: skip
    codes = frame["ars"].tolist()
    return go.Choropleth(
        geojson=geojson, featureidkey="properties.code", locations=codes, z=[0] * len(codes),
        colorscale=c.flat_scale(colour), showscale=False, name=name, showlegend=True,
        marker={"line": {"width": 0}, "opacity": opacity},
        customdata=scale.rows(frame, lang), hovertemplate=scale.template(lang, reachable),
        _validate=False,
    )  # fmt: skip


def outline(geojson: Any, codes: list[str], width: float, name: str) -> go.Choropleth:
    """Borders only (transparent fill, no hover): orientation over the Gemeinden."""
    return go.Choropleth(
        geojson=geojson, featureidkey="properties.code", locations=codes, z=[0] * len(codes),
        colorscale=c.flat_scale("rgba(0,0,0,0)"), showscale=False, showlegend=False,
        marker={"line": {"color": "#2b2b2b", "width": width}}, hoverinfo="skip", name=name,
        _validate=False,
    )  # fmt: skip


STAR_MARKER = {"size": 16, "symbol": "star", "color": "#ffffff",
               "line": {"color": PLAN_COLOUR, "width": 2}}  # fmt: skip


def ui_revision(geo: dict[str, Any]) -> str:
    """The map's uirevision: pan and zoom stay until the frame (a Land view) changes."""
    return f"access-gemeinde-{geo.get('lonaxis_range')}"


def star_key(name: str) -> go.Scattergeo:
    """A legend key for the stars without stars on this figure (the page draws them on its
    overlay, figures.plan_overlay)."""
    return go.Scattergeo(lon=[None], lat=[None], mode="markers", name=name, showlegend=True,
                         marker=STAR_MARKER, hoverinfo="skip", _validate=False)  # fmt: skip


def points(frame: pd.DataFrame | None, name: str, star: bool) -> go.Scattergeo:
    """Providers as dots (star False) or hypothetical providers as stars."""
    if frame is None or frame.empty:
        return go.Scattergeo(lon=[], lat=[], mode="markers", showlegend=False, name=name,
                             _validate=False)  # fmt: skip
    marker = (STAR_MARKER if star else
              {"size": 5, "color": "#1f4e9e", "line": {"color": "#ffffff", "width": 0.6}})
    hover = [f"{c.esc(name)}: {c.esc(n)}" if star else c.esc(n) for n in frame["name"]]
    return go.Scattergeo(
        lon=frame["lon"].round(5).tolist(), lat=frame["lat"].round(5).tolist(), mode="markers",
        name=name, showlegend=True, marker=marker, hovertext=hover, hoverinfo="text",
        customdata=frame["ars"].tolist() if star and "ars" in frame else None, _validate=False,
    )  # fmt: skip


def planned_rows(gemeinden: pd.DataFrame, before: pd.DataFrame | None,
                 column: str = "nearest_km") -> pd.DataFrame:  # fmt: skip
    """The rows of `gemeinden` whose distance or nearest provider differ from `before` (the
    same Gemeinden in the same order, without the plan): what planning draws on top."""
    if before is None:
        return gemeinden.iloc[:0]
    if not gemeinden["ars"].equals(before["ars"]):
        raise ValueError("gemeinden and before must hold the same Gemeinden in the same order")
    now = gemeinden[column].to_numpy(dtype=float)
    was = before[column].to_numpy(dtype=float)
    moved = ~np.isclose(now, was, equal_nan=True)
    moved |= gemeinden["nearest"].to_numpy() != before["nearest"].to_numpy()
    return gemeinden[moved]


def plan_traces(gemeinden: pd.DataFrame, before: pd.DataFrame | None, *, threshold: int,
                lang: str, shape: Any, places: pd.DataFrame | None,
                scale: ClassScale = KM_SCALE) -> dict[int, Any]:  # fmt: skip
    """The traces planning changes, by their index in the figure: the white mask under the
    planned Gemeinden (so a faded class does not show the old colour through), the planned
    Gemeinden in their new classes (no legend: the classes' keys name them) and the stars."""
    if threshold not in scale.edges:
        raise ValueError(f"threshold must be one of {scale.edges}, not {threshold!r}")
    planned = planned_rows(gemeinden, before, scale.column)
    classes = distance_class(planned[scale.column], scale.edges)
    codes = planned["ars"].tolist()
    mask = go.Choropleth(
        geojson=shape, featureidkey="properties.code", locations=codes, z=[0] * len(codes),
        colorscale=c.flat_scale("#ffffff"), showscale=False, name="plan-mask",
        showlegend=False, marker={"line": {"width": 0}}, hoverinfo="skip", _validate=False,
    )  # fmt: skip
    mask_at, planned_at, stars_at = plan_indices(len(scale.colours))
    traces: dict[int, Any] = {mask_at: mask}
    for index, colour in enumerate(scale.colours):
        chosen = classes == index
        trace = _class_trace(planned[chosen], shape, scale.label(index, lang), colour,
                             FADED if faded(index, threshold, scale.edges) else 1.0, lang,
                             scale=scale)  # fmt: skip
        trace.showlegend = False
        traces[planned_at[index]] = trace
    traces[stars_at] = points(places, t("access.map.places", lang), star=True)
    return traces


def gemeinde_map(
    gemeinden: pd.DataFrame,
    *,
    threshold: int,
    lang: str,
    shapes: dict[str, Any],
    outlines: dict[str, list[str]],
    geo: dict[str, Any],
    revision: str,
    providers: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
    before: pd.DataFrame | None = None,
    height: int = 600,
    title: str = "",
    scale: ClassScale = KM_SCALE,
    stars_elsewhere: bool = False,
) -> go.Figure:
    """The map of `gemeinden` (ars, name, kreis, population, nearest_km, nearest; or the
    columns `scale` reads) in the scale's classes (default: Luftlinie km). `shapes`:
    geometry (URL or dict) per level gemeinde/kreis/land; `outlines`: the Kreis and Land
    codes to outline; `geo`: the geo subplot's settings (ranges);
    `revision`: changes exactly when the drawn data change (not with the threshold);
    `before`: the same Gemeinden without the plan, drawn in the classes, with the Gemeinden
    the plan changes drawn over them (None: `gemeinden` in the classes, nothing over them);
    `stars_elsewhere`: no plan here, but a legend key for the stars another figure draws
    (the page's overlay, figures.plan_overlay)."""
    if threshold not in scale.edges:
        raise ValueError(f"threshold must be one of {scale.edges}, not {threshold!r}")
    base = gemeinden if before is None else before
    classes = distance_class(base[scale.column], scale.edges)
    traces: list[Any] = []
    for index, colour in enumerate(scale.colours):
        mask = classes == index
        traces.append(_class_trace(base[mask], shapes["gemeinde"], scale.label(index, lang),
                                   colour, FADED if faded(index, threshold, scale.edges) else 1.0,
                                   lang, scale=scale))  # fmt: skip
    missing = classes == -1
    none = _class_trace(base[missing], shapes["gemeinde"], scale.none_label(lang),
                        NO_PROVIDER_COLOUR, 1.0, lang, reachable=False, scale=scale)  # fmt: skip
    none.showlegend = bool(missing.any())
    planned = plan_traces(gemeinden, before, threshold=threshold, lang=lang,
                          shape=shapes["gemeinde"], places=places, scale=scale)  # fmt: skip
    mask_at, planned_at, stars_at = plan_indices(len(scale.colours))
    traces += [
        none,
        *(planned[i] for i in (mask_at, *planned_at)),
        outline(shapes["kreis"], outlines["kreis"], 0.5, "kreise"),
        outline(shapes["land"], outlines["land"], 1.4, "laender"),
        points(providers, t("access.map.providers", lang), star=False),
        star_key(t("access.map.places", lang)) if stars_elsewhere else planned[stars_at],
    ]
    figure = go.Figure(traces, _validate=False)
    figure.update_geos(**geo)
    figure.update_layout(
        title={"text": c.esc(title), "x": 0.01, "font": {"size": 16}} if title else None,
        height=height, margin={"l": 0, "r": 0, "t": 44 if title else 8, "b": 0},
        separators=c.separators(lang), font={"family": c.FONT_FAMILY, "color": c.TEXT_COLOUR},
        # under the map: over it, it hid Nordfriesland (the farthest Gemeinden) and, on a
        # phone, the whole north
        legend={"title": {"text": scale.legend(threshold, lang), "side": "top"},
                "orientation": "h", "yanchor": "top", "y": 0, "x": 0, "xanchor": "left",
                "bgcolor": "rgba(255,255,255,0.9)", "itemclick": False,
                "itemdoubleclick": False},
        uirevision=ui_revision(geo), paper_bgcolor="#ffffff",
        hoverlabel={"bgcolor": "#ffffff", "font": {"color": "#000000"}},
        # unchanged across a threshold switch: plotly.js then restyles, never re-projects
        datarevision=revision,
        # no threshold here: a threshold switch must not touch `meta` (FADE_CLASSES)
        meta={"level": "gemeinde", "revision": revision},
    )  # fmt: skip
    return figure
