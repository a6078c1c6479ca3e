"""Export view of the Karte page: the choropleth of one category, metric and level."""

from __future__ import annotations

import pandas as pd
from plotly.subplots import make_subplots
from sqlalchemy import Engine

from dashboard.exports.geometry_file import geometry_url
from dashboard.exports.provenance import provenance_of
from dashboard.exports.request import ExportRequest
from dashboard.exports.shared_data import export_data
from dashboard.exports.texts import xt
from dashboard.exports.views import (
    View,
    level_subtitle,
    refuse_unrecorded,
    regions_with_geometry,
    snapshots_of,
)
from dashboard.figures.choropleth import choropleth_figure
from dashboard.model import metrics as m
from dashboard.model.access_data import in_land
from dashboard.model.data import map_frame
from dashboard.model.land_view import applies, land_geo, land_name, land_rows
from dashboard.model.scales import comparison_scale, series_scale
from dashboard.text.describe import map_description
from dashboard.text.i18n import region_kind, t
from dashboard.text.land_sentence import land_sentence


def map_table(frame: pd.DataFrame, metric: str, lang: str) -> pd.DataFrame:
    """The map's values as a table: region, Land, population, count and the shown metric."""
    columns = {
        "code": t("col.code", lang),
        "name": t("col.name", lang),
        "bez": t("col.bez", lang),
        "land": t("col.land", lang),
        "population": t("col.population", lang),
        "count": t("col.count", lang),
    }
    kinds = frame["bez"].map(lambda kind: region_kind(kind, lang)) if "bez" in frame else None
    table = frame[list(columns)].assign(bez=kinds).rename(columns=columns)
    if metric not in ("count", "none_here"):
        values = m.metric_values(frame, metric).round(m.SPECS[metric].decimals + 1)
        table[t(f"col.{metric}", lang)] = values.to_numpy()
    if metric == "none_here":
        table[t("col.none_here", lang)] = frame["none_here"].map(
            {True: t("yes", lang), False: t("no", lang)}
        )
    return table


def export_title(category: str, metric: str, level: str, lang: str,
                 land: str | None = None) -> str:
    """"Andere Leistungsanbieter (aLA) – je 100.000 Einwohner, nach Kreisen" (", in Bayern"
    for a Land view)."""
    what = t(f"category.{category}", lang)
    metric_text = t(f"metric.{metric}", lang)
    title = xt("map", lang, what=what, metric=metric_text, by=xt(f"by.{level}", lang))
    return title if land is None else t("land.title", lang, title=title, land=land_name(land))


CATEGORIES = ("ala", "wfbm", "ib")


def compare_view(engine: Engine, request: ExportRequest) -> View:
    """The three categories side by side, one map each with its own colour bar below it."""
    snapshot, _ = snapshots_of(engine, request)
    lang = request.lang
    prov = provenance_of(snapshot, lang=lang)
    data = export_data(engine)
    figure = make_subplots(
        rows=1, cols=3, specs=[[{"type": "geo"}] * 3], horizontal_spacing=0.01,
        subplot_titles=[t(f"category.{c}", lang) for c in CATEGORIES],
    )
    described = []
    land = applies(request.level, request.land)
    for column, category in enumerate(CATEGORIES):
        frame = land_rows(map_frame(data, snapshot["id"], request.level, category), land)
        refuse_unrecorded(frame, category)
        described.append(map_description(frame, request.metric, category, request.level,
                                         prov.taken_at, lang))
        single = choropleth_figure(
            frame, request.metric, category=category, level=request.level, lang=lang,
            geojson=geometry_url(request.level), classes=request.classes,
            scale=comparison_scale(data, snapshot["id"], request.level, category,
                                   request.metric, request.classes),
        )
        for trace in single.data:
            trace.showlegend = bool(trace.showlegend) and column == 0
            if "colorbar" in trace and trace.showscale is not False:
                trace.colorbar.update(orientation="h", x=(column + 0.5) / 3, xanchor="center",
                                      y=-0.02, yanchor="top", len=0.28, thickness=12,
                                      title={"text": t(f"unit.{request.metric}", lang),
                                             "side": "top"})
            figure.add_trace(trace, row=1, col=column + 1)
    figure.update_geos(visible=False, projection_type="mercator")
    if land is not None:
        geo = land_geo(land)
        figure.update_geos(lonaxis_range=geo["lonaxis_range"], lataxis_range=geo["lataxis_range"])
        figure.update_layout(meta={"land": land})
    figure.update_layout(
        legend={"orientation": "h", "x": 0, "y": -0.16, "yanchor": "top"},
        separators=single.layout.separators,
    )
    metric = t(f"metric.{request.metric}", lang)
    return View(
        title=xt("compare", lang, metric=metric, by=xt(f"by.{request.level}", lang))
        + ("" if land is None else f", {land_name(land)}"),
        subtitle=level_subtitle(prov, request.level),
        provenance=prov,
        figure=figure,
        size=(1800, 1000),
        with_plz=False,
        description=" ".join(described),
    )


def map_view(engine: Engine, request: ExportRequest) -> View:
    snapshot, _ = snapshots_of(engine, request)
    lang = request.lang
    prov = provenance_of(snapshot, lang=lang)
    data = export_data(engine)
    land = applies(request.level, request.land)
    everywhere = map_frame(data, snapshot["id"], request.level, request.category)
    refuse_unrecorded(everywhere, request.category)
    # a Land view: its Kreise only, on Germany's scale (a colour means what it does on the page)
    frame = land_rows(everywhere, land)
    points = None
    if request.points:
        providers = data.providers(snapshot["id"])
        points = in_land(providers[providers["category"] == request.category], land)
    title = export_title(request.category, request.metric, request.level, lang, land)
    figure = choropleth_figure(
        frame, request.metric, category=request.category, level=request.level, lang=lang,
        geojson=geometry_url(request.level), classes=request.classes, points=points, title=title,
        # the page's colours: the same classes in every snapshot of the series
        scale=series_scale(data, snapshot["id"], request.level, (request.category,),
                           request.metric, request.classes),
    )
    if land is not None:  # publication keeps these ranges (meta "land")
        figure.update_geos(**land_geo(land))
        figure.update_layout(meta={**figure.layout.meta, "land": land})
    table = map_table(frame, request.metric, lang)
    return View(
        title=title,
        subtitle=level_subtitle(prov, request.level),
        provenance=prov,
        figure=figure,
        legend_title=t(f"unit.{request.metric}", lang),
        table=table,
        shapes=regions_with_geometry(request.level, table, t("col.code", lang)),
        layer=f"{request.category}_{request.level}",
        with_plz=request.points,
        description=map_description(frame, request.metric, request.category, request.level,
                                    prov.taken_at, lang),
        # the Land's key figures, as the page shows them under its map (issue 21)
        lead="" if land is None else land_sentence(
            data.region_metrics(int(snapshot["id"]), "kreis", request.category), land,
            request.category, str(snapshot["taken_at"])[:10], lang),
    )
