"""Export views of the Entwicklung page and of the change map (two snapshots compared)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

import geodata
import store
from dashboard.exports.errors import ExportError
from dashboard.exports.geometry_file import geometry_url
from dashboard.exports.provenance import provenance_of
from dashboard.exports.request import ExportRequest
from dashboard.exports.shared_data import export_data
from dashboard.exports.texts import xt
from dashboard.exports.views import (
    CHART_SIZE,
    View,
    level_subtitle,
    points_with_geometry,
    regions_with_geometry,
    snapshots_of,
)
from dashboard.figures import growth as gf
from dashboard.figures.other_counts import with_other_counts
from dashboard.model import growth_tables as gt
from dashboard.model.geometry import geojson
from dashboard.model.land_view import applies, land_geo, land_name, land_rows
from dashboard.model.publishing import redact
from dashboard.model.scales import change_bound
from dashboard.text.describe import growth_description, laender_description, series_description
from dashboard.text.describe_change import change_description, changes_points_description
from dashboard.text.i18n import t
from store import growth


def series_view(engine: Engine, request: ExportRequest) -> View:
    """Counts over all comparable snapshots, Germany and per Land; published counts apart."""
    current, _ = snapshots_of(engine, request)
    # the shown snapshot's own source: an imported list is never joined to REHADAT's line
    series = growth.snapshot_counts(engine, request.category,
                                    store.served_series(engine, current["id"]))
    if series.empty:
        raise ExportError("Es gibt keine Datenstände für einen Verlauf.")
    reference = growth.published_reference(request.category)
    first = series.sort_values("taken_at").iloc[0]
    lang = request.lang
    first_snapshot = store.get_snapshot(engine, int(first["snapshot_id"]))
    prov = provenance_of(current, first_snapshot, lang=lang)
    what = t(f"category.{request.category}", lang)
    return View(
        title=xt("series", lang, what=what),
        subtitle=xt("series.sub", lang, dates=prov.date_label),
        provenance=prov,
        figure=with_other_counts(gf.national_series_figure(series, reference, lang),
                                 geodata.other_counts(), request.category, lang),
        table=gt.series_table(series, lang),
        size=CHART_SIZE,
        description=series_description(series[series["region"] == "DE"], request.category,
                                       lang),
    )


def laender_view(engine: Engine, request: ExportRequest) -> View:
    """The same counts as small multiples, one panel per Land on a shared axis."""
    view = series_view(engine, request)
    series = growth.snapshot_counts(engine, request.category,
                                    store.served_series(engine, view.provenance.snapshot_id))
    lang = request.lang
    what = t(f"category.{request.category}", lang)
    view.title = xt("laender", lang, what=what)
    view.subtitle = xt("laender.sub", lang, dates=view.provenance.date_label)
    view.figure = gf.laender_series_figure(series, lang)
    view.size = (1100, 1000)
    view.description = laender_description(series, request.category, lang)
    return view


def _pair(engine: Engine, request: ExportRequest):
    """Older and newer snapshot; without a base, the first comparable one (the page's default)."""
    current, base = snapshots_of(engine, request)
    if base is None:
        first = int(store.served_series(engine, current["id"])["id"].iloc[0])
        if first == current["id"]:
            raise ExportError("Für einen Vergleich braucht es zwei verschiedene Datenstände.")
        base = store.get_snapshot(engine, first)
    older, newer = sorted((base, current), key=lambda s: (s["taken_at"], s["id"]))
    return older, newer, provenance_of(newer, older, lang=request.lang)


def growth_view(engine: Engine, request: ExportRequest) -> View:
    """Growth per Land between two snapshots, ranked, absolute or per 100,000."""
    older, newer, prov = _pair(engine, request)
    table = growth.land_growth_between(engine, older["id"], newer["id"], request.category)
    lang = request.lang
    what = t(f"category.{request.category}.short", lang)
    measure = xt("rate" if request.per_100k else "absolute", lang)
    return View(
        title=xt("growth", lang, what=what, measure=measure),
        subtitle=xt("growth.sub", lang, dates=prov.date_label),
        provenance=prov,
        figure=gf.growth_bar_figure(table, per_100k=request.per_100k, lang=lang),
        legend_title=gf.tx("growth_per_100k" if request.per_100k else "growth", lang),
        table=gt.growth_table(table, prov.base_taken_at, prov.taken_at, lang),
        size=CHART_SIZE,
        description=growth_description(table, request.per_100k, request.category,
                                       str(older["taken_at"]), str(newer["taken_at"]), lang),
    )


def changes_view(engine: Engine, request: ExportRequest) -> View:
    """Providers new, vanished and changed between two snapshots, as table, points and map."""
    older, newer, prov = _pair(engine, request)
    diff = redact(growth.provider_changes(engine, older["id"], newer["id"], request.category))
    lang = request.lang
    table = gt.changes_table(diff, lang)
    located = diff.set_index(["category", "source_id"])
    keys = list(zip(table[gt.label("category", lang)], table[gt.label("source_id", lang)],
                    strict=True))
    what = t(f"category.{request.category}.short", lang)
    return View(
        title=xt("changes", lang, what=what),
        subtitle=xt("changes.sub", lang, dates=prov.date_label),
        provenance=prov,
        figure=gf.changes_points_figure(diff, geojson("land"), lang),
        table=table,
        shapes=points_with_geometry(
            table, located.loc[keys, "lon"], located.loc[keys, "lat"]
        ),
        layer="anbieter_aenderungen",
        with_plz=True,
        description=changes_points_description(diff, request.category, str(older["taken_at"]),
                                               str(newer["taken_at"]), lang),
    )


def _series_bound(
    engine: Engine, newer: dict[str, Any], request: ExportRequest, per_100k: bool
) -> float:
    """The page's fixed colour range of the change map (over the whole series)."""
    series = growth.recorded(store.served_series(engine, int(newer["id"])), request.category)
    return change_bound(export_data(engine), series["id"].tolist(), request.level,
                        request.category, per_100k)


def region_change_view(engine: Engine, request: ExportRequest) -> View:
    """The change map: per region the difference between two snapshots, diverging scale."""
    older, newer, prov = _pair(engine, request)
    per_100k = request.per_100k or request.metric == "per_100k"
    land = applies(request.level, request.land)
    change = land_rows(growth.region_change_between(
        engine, older["id"], newer["id"], request.level, request.category
    ), land)
    lang = request.lang
    table = gt.region_change_table(change, prov.base_taken_at, prov.taken_at, lang)
    what = t(f"category.{request.category}.short", lang)
    measure = xt("rate" if per_100k else "count", lang)
    key = table.columns[0]
    by = xt(f"by.{request.level}", lang)
    figure = gf.change_map_figure(change, geometry_url(request.level), per_100k, lang,
                                  bound=_series_bound(engine, newer, request, per_100k))
    title = xt("region_change", lang, what=what, measure=measure, by=by)
    if land is not None:  # that Land's frame, kept by the publication (meta "land")
        figure.update_geos(**land_geo(land))
        figure.update_layout(meta={"land": land})
        title = t("land.title", lang, title=title, land=land_name(land))
    return View(
        title=title,
        subtitle=level_subtitle(prov, request.level),
        provenance=prov,
        figure=figure,
        legend_title=gf.tx("change_per_100k" if per_100k else "change_count", lang),
        table=table,
        shapes=regions_with_geometry(request.level, table, key),
        layer=f"veraenderung_{request.level}",
        description=change_description(change, per_100k, request.category, request.level,
                                       str(older["taken_at"]), str(newer["taken_at"]), lang),
    )


