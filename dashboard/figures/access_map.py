"""Erreichbarkeit maps: a Kreis choropleth of one access figure (share of people beyond a
distance, or 2SFCA providers per 100,000 within reach), existing providers as small dots,
hypothetical providers as large stars (never confused with real ones).

Pure functions of frames; the geometry comes by URL (the app) or as a dict (exports).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import common as c
from dashboard.text.i18n import fmt_number, t

PLAN_COLOUR = "#000000"
# Two meanings, two palettes (issue 21, item 7): on the distance map dark = many people far
# away (bad), yellow to brown; on the 2SFCA map dark = more supply (good), blues.
DISTANCE_SCALE: tuple[str, ...] = (
    "#fff7bc", "#fee391", "#fec44f", "#fe9929", "#ec7014", "#cc4c02", "#993404", "#662506",
)  # fmt: skip
SFCA_SCALE: tuple[str, ...] = (
    "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b",
)  # fmt: skip
SFCA_QUANTILE = 0.98  # the 2SFCA scale ends here; the few higher values take the darkest colour
TRACES: tuple[str, ...] = ("undefined", "values", "providers", "places")


def kreis_hover(kreise: pd.DataFrame, threshold: int, lang: str) -> list[str]:
    """One escaped hover text per Kreis: people beyond the threshold, median and mean
    distance (Luftlinie), 2SFCA."""
    out = []
    for row in kreise.itertuples(index=False):
        beyond = getattr(row, f"pop_beyond_{threshold}km")
        share = getattr(row, f"share_beyond_{threshold}km")
        lines = [
            f"<b>{c.esc(row.name)}</b>",
            t("access.hover.beyond", lang, km=threshold,
              people=fmt_number(None if pd.isna(beyond) else int(beyond), lang),
              share=fmt_number(None if pd.isna(share) else share * 100, lang, 1)),
            t("access.hover.median", lang, km=fmt_number(row.median_km, lang, 1)),
            t("access.hover.mean", lang, km=fmt_number(row.mean_km, lang, 1)),
            t("access.hover.sfca", lang, value=fmt_number(row.providers_per_100k_within_50km,
                                                          lang, 2)),
        ]  # fmt: skip
        out.append("<br>".join(lines))
    return out


def access_map(
    kreise: pd.DataFrame,
    column: str,
    *,
    title: str,
    scale_title: str,
    lang: str,
    geojson: Any,
    threshold: int,
    providers: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
    percent: bool = False,
    height: int = 560,
    note: str | None = None,
    colours: tuple[str, ...] = DISTANCE_SCALE,
    zmax: float | None = None,
    geo: dict[str, Any] | None = None,
    hover: list[str] | None = None,
    undefined_colour: str = c.UNDEFINED_COLOUR,
) -> go.Figure:
    """The map of `column` per Kreis (a share shown in percent when `percent`); `zmax` fixes
    the scale's end (else 100 % or the 98th percentile), `geo` the frame (a Land view);
    `hover`: one text per Kreis (default: the Luftlinie figures, kreis_hover);
    `undefined_colour`: the Kreise without a value (and their legend swatch)."""
    values = kreise[column].astype(float) * (100 if percent else 1)
    hover = kreis_hover(kreise, threshold, lang) if hover is None else hover
    codes = kreise["ars"].tolist()
    defined = values.notna()
    line = {"color": c.BORDER_COLOUR, "width": 0.5}
    undefined = go.Choropleth(
        geojson=geojson, featureidkey="properties.code", locations=codes, z=[0] * len(codes),
        colorscale=c.flat_scale(undefined_colour), showscale=False, hovertext=hover,
        hoverinfo="text", name=t("access.map.undefined", lang), showlegend=not defined.all(),
        marker={"line": {"color": "#1a1a1a", "width": 0.8}}, customdata=codes,
    )  # fmt: skip
    if zmax is None:
        zmax = 100.0 if percent else sfca_cap(values[defined])
    shown = go.Choropleth(
        geojson=geojson, featureidkey="properties.code", locations=codes,
        z=[float(v) if ok else None for v, ok in zip(values, defined, strict=True)],
        zmin=0, zmax=max(zmax, 1e-9), colorscale=c.continuous_scale(colours),
        # under the map, as the Karte's legend: beside it, it took a phone's width
        colorbar={"title": {"text": c.esc(scale_title), "side": "top"}, "thickness": 12,
                  "orientation": "h", "x": 0, "xanchor": "left", "y": 0, "yanchor": "top",
                  "len": 0.9, "ticksuffix": " %" if percent else ""},
        showscale=bool(defined.any()), hovertext=hover, hoverinfo="text", marker={"line": line},
        name=c.esc(scale_title), showlegend=False, customdata=codes,
    )  # fmt: skip
    traces = [undefined, shown, _providers(providers, lang), _places(places, lang)]
    figure = go.Figure(traces)
    figure.update_geos(**(geo or c.germany_geo()))
    # an empty title: the page shows it as HTML above the map (it wraps on a phone)
    text = "<br>".join(
        part for part in (c.esc(title), f"<sup>{c.esc(note)}</sup>" if note else "") if part)
    figure.update_layout(
        title={"text": text, "x": 0.01, "font": {"size": 16}},
        height=height, margin={"l": 0, "r": 0, "t": 20 * text.count("<br>") + (44 if text else 8),
                               "b": 0},
        separators=c.separators(lang), font={"family": c.FONT_FAMILY, "color": c.TEXT_COLOUR},
        # over the sea in the north-west corner of the frame
        legend={"yanchor": "top", "y": 0.99, "x": 0.01, "bgcolor": "rgba(255,255,255,0.85)"},
        uirevision="access", paper_bgcolor="#ffffff", plot_bgcolor="#ffffff",
        hoverlabel={"bgcolor": "#ffffff", "font": {"color": "#000000"}},
        meta={"column": column, "threshold": threshold},
    )  # fmt: skip
    return figure


def _providers(providers: pd.DataFrame | None, lang: str) -> go.Scattergeo:
    located = None
    if providers is not None and len(providers):
        located = providers[providers["lon"].notna() & providers["lat"].notna()]
    if located is None or located.empty:
        return go.Scattergeo(lon=[], lat=[], mode="markers", showlegend=False,
                             name=t("access.map.providers", lang))  # fmt: skip
    return go.Scattergeo(
        lon=located["lon"].round(5).tolist(), lat=located["lat"].round(5).tolist(),
        mode="markers", name=t("access.map.providers", lang), showlegend=True,
        marker={"size": 5, "color": c.POINT_COLOUR, "line": {"color": "#ffffff", "width": 0.6}},
        hovertext=[c.esc(n) for n in located["name"]], hoverinfo="text",
    )  # fmt: skip


def _places(places: pd.DataFrame | None, lang: str) -> go.Scattergeo:
    if places is None or places.empty:
        return go.Scattergeo(lon=[], lat=[], mode="markers", showlegend=False,
                             name=t("access.map.places", lang))  # fmt: skip
    label = t("access.map.places", lang)
    return go.Scattergeo(
        lon=places["lon"].round(5).tolist(), lat=places["lat"].round(5).tolist(),
        mode="markers", name=label, showlegend=True,
        marker={"size": 16, "symbol": "star", "color": "#ffffff",
                "line": {"color": PLAN_COLOUR, "width": 2}},
        hovertext=[f"{c.esc(label)}: {c.esc(n)}" for n in places["name"]], hoverinfo="text",
        customdata=places["ars"].tolist(),
    )  # fmt: skip


def kreis_map_changes(
    old: pd.DataFrame, new: pd.DataFrame, column: str, *, threshold: int, lang: str,
    old_places: pd.DataFrame | None, new_places: pd.DataFrame | None,
) -> dict[str, Any] | None:  # fmt: skip
    """What turns access_map(old, column, places=old_places) into the map of `new` (same
    title, scale and frame; `column` not in percent): the positions of the Kreise whose row
    differs, with their new value and hover text, and the stars' trace where the places
    differ (else None). A plan moves a few Kreise of 400, so the browser gets these instead
    of the whole map (a 2SFCA map is 160 kB as JSON). None where rows cannot be matched
    position by position or a Kreis gains or loses its value (the legend and scale
    follow that): then the map is drawn anew."""
    if list(old["ars"]) != list(new["ars"]) or list(old.columns) != list(new.columns):
        return None
    before, after = old.reset_index(drop=True), new.reset_index(drop=True)
    differs = ~((before == after) | (before.isna() & after.isna())).all(axis=1)
    rows = [int(i) for i in differs[differs].index]
    if (before.loc[rows, column].isna() != after.loc[rows, column].isna()).any():
        return None
    changed = after.loc[rows]
    stars = _places(new_places, lang).to_plotly_json()
    return {
        "rows": rows, "z": [None if pd.isna(v) else float(v) for v in changed[column]],
        "hover": kreis_hover(changed, threshold, lang),
        "places": None if stars == _places(old_places, lang).to_plotly_json() else stars,
    }  # fmt: skip


def sfca_cap(values: pd.Series) -> float:
    """Where the 2SFCA scale ends: the 98th percentile of the Kreis values (1.0 if none)."""
    defined = values.dropna()
    return float(defined.quantile(SFCA_QUANTILE)) if len(defined) else 1.0


def status_note(status: str, lang: str) -> str | None:
    """The notice for measures that are not defined (no provider, services not listed)."""
    if status in ("no_provider", "not_recorded"):
        return t(f"access.status.{status}", lang)
    return None


def distance_map(
    view: Any, providers: pd.DataFrame | None, *, threshold: int, lang: str, geojson: Any,
    height: int = 600, title: str | None = None, kreise: pd.DataFrame | None = None,
    geo: dict[str, Any] | None = None,
) -> go.Figure:  # fmt: skip
    """Share of people beyond the threshold per Kreis (Luftlinie), providers as dots and
    hypothetical ones as stars. `view`: dashboard.model.access_data.AccessView. `title` None: the
    standard title (exports); "": none (the page shows it as HTML above the map). `kreise`:
    the rows to draw (default all of the view's; a Land view passes its own)."""
    short = t(f"category.{view.category}.short", lang)
    return access_map(
        view.kreise if kreise is None else kreise, f"share_beyond_{threshold}km",
        title=t("access.map.title", lang, km=threshold, category=short) if title is None
        else title,
        scale_title=t("access.map.scale", lang, km=threshold), lang=lang, geojson=geojson,
        threshold=threshold, providers=providers, places=view.places, percent=True,
        height=height, note=status_note(view.status, lang), geo=geo,
    )  # fmt: skip


def sfca_map(
    view: Any, *, threshold: int, lang: str, geojson: Any, height: int = 600,
    title: str | None = None, kreise: pd.DataFrame | None = None,
    geo: dict[str, Any] | None = None, zmax: float | None = None,
) -> go.Figure:  # fmt: skip
    """2SFCA providers per 100,000 people within 50 km per Kreis (`title`, `kreise`, `geo` as
    distance_map). `zmax`: the scale's end, fixed by the caller from the snapshot without the
    plan, so a planned provider never rescales the country."""
    short = t(f"category.{view.category}.short", lang)
    return access_map(
        view.kreise if kreise is None else kreise, "providers_per_100k_within_50km",
        title=t("access.map.sfca.title", lang, category=short) if title is None else title,
        scale_title=t("access.map.sfca.scale", lang), lang=lang, geojson=geojson,
        threshold=threshold, places=view.places, height=height,
        note=status_note(view.status, lang), colours=SFCA_SCALE, zmax=zmax, geo=geo,
    )  # fmt: skip
