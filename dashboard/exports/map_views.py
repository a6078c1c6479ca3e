"""Export view of the Karte page: the choropleth of one category, metric and level."""

from __future__ import annotations

import pandas as pd
from plotly.subplots import make_subplots
from sqlalchemy import Engine

from dashboard import metrics as m
from dashboard.data import AtlasData, map_frame
from dashboard.exports.provenance import provenance_of
from dashboard.exports.request import ExportRequest
from dashboard.exports.views import LANG, View, level_subtitle, regions_with_geometry, snapshots_of
from dashboard.figures.choropleth import choropleth_figure
from dashboard.geometry import geojson
from dashboard.i18n import t


def map_table(frame: pd.DataFrame, metric: str) -> pd.DataFrame:
    """The map's values as a table: region, Land, population, count and the shown metric."""
    columns = {
        "code": t("col.code", LANG),
        "name": t("col.name", LANG),
        "bez": t("col.bez", LANG),
        "land": t("col.land", LANG),
        "population": t("col.population", LANG),
        "count": t("col.count", LANG),
    }
    table = frame[list(columns)].rename(columns=columns)
    if metric not in ("count", "none_here"):
        values = m.metric_values(frame, metric).round(m.SPECS[metric].decimals + 1)
        table[t(f"col.{metric}", LANG)] = values.to_numpy()
    if metric == "none_here":
        table[t("col.none_here", LANG)] = frame["none_here"].map(
            {True: t("yes", LANG), False: t("no", LANG)}
        )
    return table


LEVEL_DATIVE = {"land": "nach Ländern", "kreis": "nach Kreisen"}


def export_title(category: str, metric: str, level: str) -> str:
    """"Andere Leistungsanbieter (aLA) – je 100.000 Einwohner, nach Kreisen"."""
    what = t(f"category.{category}", LANG)
    return f"{what} – {t(f'metric.{metric}', LANG)}, {LEVEL_DATIVE[level]}"


CATEGORIES = ("ala", "wfbm", "ib")


def compare_view(engine: Engine, request: ExportRequest) -> View:
    """The three categories side by side, one map each with its own colour bar below it."""
    snapshot, _ = snapshots_of(engine, request)
    prov = provenance_of(snapshot)
    data = AtlasData(engine)
    figure = make_subplots(
        rows=1, cols=3, specs=[[{"type": "geo"}] * 3], horizontal_spacing=0.01,
        subplot_titles=[t(f"category.{c}", LANG) for c in CATEGORIES],
    )
    for column, category in enumerate(CATEGORIES):
        frame = map_frame(data, snapshot["id"], request.level, category)
        single = choropleth_figure(
            frame, request.metric, category=category, level=request.level, lang=LANG,
            geojson=geojson(request.level), classes=request.classes,
        )
        for trace in single.data:
            trace.showlegend = bool(trace.showlegend) and column == 0
            if "colorbar" in trace and trace.showscale is not False:
                trace.colorbar.update(orientation="h", x=(column + 0.5) / 3, xanchor="center",
                                      y=-0.02, yanchor="top", len=0.28, thickness=12,
                                      title={"text": t(f"unit.{request.metric}", LANG),
                                             "side": "top"})
            figure.add_trace(trace, row=1, col=column + 1)
    figure.update_geos(visible=False, projection_type="mercator")
    figure.update_layout(
        legend={"orientation": "h", "x": 0, "y": -0.16, "yanchor": "top"},
        separators=single.layout.separators,
    )
    metric = t(f"metric.{request.metric}", LANG)
    return View(
        title=f"aLA, Werkstätten und Inklusionsbetriebe im Vergleich – {metric}, "
        f"{LEVEL_DATIVE[request.level]}",
        subtitle=level_subtitle(prov, request.level),
        provenance=prov,
        figure=figure,
        size=(1800, 1000),
        with_plz=False,
    )


def map_view(engine: Engine, request: ExportRequest) -> View:
    snapshot, _ = snapshots_of(engine, request)
    prov = provenance_of(snapshot)
    data = AtlasData(engine)
    frame = map_frame(data, snapshot["id"], request.level, request.category)
    points = None
    if request.points:
        providers = data.providers(snapshot["id"])
        points = providers[providers["category"] == request.category]
    title = export_title(request.category, request.metric, request.level)
    figure = choropleth_figure(
        frame, request.metric, category=request.category, level=request.level, lang=LANG,
        geojson=geojson(request.level), classes=request.classes, points=points, title=title,
    )
    table = map_table(frame, request.metric)
    return View(
        title=title,
        subtitle=level_subtitle(prov, request.level),
        provenance=prov,
        figure=figure,
        legend_title=t(f"unit.{request.metric}", LANG),
        table=table,
        shapes=regions_with_geometry(request.level, table, t("col.code", LANG)),
        layer=f"{request.category}_{request.level}",
        with_plz=request.points,
    )
