"""Export views of the Erreichbarkeit page: the distance map, the 2SFCA map, the Kreis table
and the Gemeinde list of a clicked Kreis, with the hypothetical providers of the URL's plan
(never stored).

Every file says "Luftlinie", the population source per Gemeinde and the snapshot date.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from sqlalchemy import Engine

import geodata
import store
from dashboard.exports.errors import ExportError
from dashboard.exports.geometry_file import geometry_url
from dashboard.exports.provenance import Provenance, provenance_of
from dashboard.exports.request import ExportRequest
from dashboard.exports.shared_data import export_data
from dashboard.exports.texts import plan_sentence
from dashboard.exports.views import View, regions_in_order, snapshots_of
from dashboard.figures.access_gemeinde import fitted_geo, gemeinde_map
from dashboard.figures.access_map import distance_map, sfca_cap, sfca_map
from dashboard.model.access_data import (
    AccessView,
    access_view,
    gemeinde_map_frame,
    gemeinde_table,
    gemeinden_of_kreis,
    kreis_table,
    land_bounds,
    outline_codes,
    providers_of_kind,
    region_labels,
)
from dashboard.text.describe import access_description
from dashboard.text.describe_gemeinden import gemeinde_sentence
from dashboard.text.i18n import t
from geodata.attribution import GEMEINDE_POPULATION


def _title(request: ExportRequest, lang: str) -> str:
    short = t(f"category.{request.category}.short", lang)
    where = geodata.LAENDER.get(request.land or "", "")
    if request.view == "gemeinde":
        return t("access.gem.title", lang, category=short,
                 where=where or t("access.gem.where.de", lang))  # fmt: skip
    suffix = f" – {where}" if where else ""
    if request.view == "sfca":
        return t("access.map.sfca.title", lang, category=short) + suffix
    return t("access.map.title", lang, km=request.threshold, category=short) + suffix


def _gemeinde_view(engine: Engine, request: ExportRequest, view: AccessView, snapshot: dict,
                   title: str, subtitle: str, prov) -> View:  # fmt: skip
    """The Gemeinde map (images) or its table (CSV/XLSX), of Germany or one Land."""
    lang, land = request.lang, request.land
    providers = export_data(engine).providers(int(snapshot["id"]))
    frame = gemeinde_map_frame(view, providers, lang, land)
    used = providers_of_kind(providers, request.category, request.service or "all", land)
    figure = gemeinde_map(
        frame, threshold=request.threshold, lang=lang,
        shapes={level: geometry_url(level) for level in ("gemeinde", "kreis", "land")},
        outlines=outline_codes(land), geo=fitted_geo(land_bounds(land) if land else None),
        revision="export", providers=used, places=view.places,
    )  # fmt: skip
    description = (gemeinde_sentence(frame, request.threshold, land, lang)
                   if view.status == "ok" else t(f"access.status.{view.status}", lang))
    return View(
        title=title, subtitle=subtitle, provenance=prov, figure=figure,
        legend_title=t("access.gem.legend", lang, km=request.threshold),
        table=gemeinde_table(frame, request.threshold, lang), layer="erreichbarkeit_gemeinden",
        description=description,
    )  # fmt: skip


def gemeinden_table(view: AccessView, kreis: str, providers: pd.DataFrame,
                    lang: str) -> pd.DataFrame:
    """The Gemeinde list the page shows for a clicked Kreis, with on-screen labels and the
    Gemeinde's 12-digit ARS: farthest first, distance (Luftlinie, km) and nearest provider."""
    frame = gemeinden_of_kreis(view, kreis, providers, lang)
    return pd.DataFrame({
        t("access.col.ars", lang): frame["ars"],
        t("access.col.gemeinde", lang): frame["name"],
        t("access.col.population", lang): frame["population"],
        t("access.col.distance", lang): frame["nearest_km"].round(2),
        t("access.col.nearest", lang): frame["nearest"],
    })  # fmt: skip


def _gemeinden_view(engine: Engine, request: ExportRequest, snapshot: dict, view: AccessView,
                    prov: Provenance) -> View:
    kreis = str(request.kreis)
    labels = region_labels("kreis")
    if kreis not in labels:
        raise ExportError(f"Gemeindeliste: Kreis {kreis!r} gibt es nicht.")
    providers = export_data(engine).providers(int(snapshot["id"]))
    table = gemeinden_table(view, kreis, providers, request.lang)
    title = t("access.region.heading", request.lang, name=labels[kreis])
    return View(title=title, subtitle=prov.date_label, provenance=prov, table=table,
                layer=f"erreichbarkeit_{request.category}_gemeinden_{kreis}")


def access_export_view(engine: Engine, request: ExportRequest) -> View:
    snapshot, _ = snapshots_of(engine, request)
    lang = request.lang
    service = request.service or "all"
    try:
        view = access_view(engine, int(snapshot["id"]), request.category, service,
                           list(request.plan))  # fmt: skip
    except store.CategoryNotInSnapshot as exc:
        notice = t("notice.not_recorded", "de", category=t(f"category.{request.category}", "de"))
        raise ExportError(f"{notice} Nichts zu exportieren.") from exc
    except ValueError as exc:  # an unknown Gemeinde in the plan
        raise ExportError(f"Planung: {exc}.") from exc
    if view.status != "ok" and request.format not in ("png", "svg", "pdf"):
        raise ExportError(t(f"access.status.{view.status}", "de") + " Keine Tabelle.")
    notes = [t("access.luftlinie", lang), GEMEINDE_POPULATION]
    planned = None
    if view.plan is not None:
        planned = plan_sentence(view.places["name"].tolist(), lang)
        notes.append(planned)
    prov = replace(provenance_of(snapshot, lang=lang), notes=tuple(notes))
    if request.view == "gemeinden":
        return _gemeinden_view(engine, request, snapshot, view, prov)
    title = _title(request, lang)
    level = t("access.level.gemeinde" if request.view == "gemeinde" else "level.kreis", lang)
    subtitle = t("access.export.subtitle", lang, level=level, date=prov.date_label)
    if planned is not None:
        subtitle += "<br>" + planned
    if request.view == "gemeinde":
        return _gemeinde_view(engine, request, view, snapshot, title, subtitle, prov)
    shapes = geometry_url("kreis")
    land = request.land
    kreise = view.kreise if not land else view.kreise[view.kreise["ars"].str[:2] == land]
    geo = fitted_geo(land_bounds(land)) if land else None
    if request.view == "sfca":
        base = view if view.plan is None else access_view(engine, int(snapshot["id"]),
                                                           request.category, service, [])
        figure = sfca_map(view, threshold=request.threshold, lang=lang, geojson=shapes, title="",
                          kreise=kreise, geo=geo,
                          zmax=sfca_cap(base.kreise["providers_per_100k_within_50km"]))
        legend = t("access.map.sfca.scale", lang)
    else:
        providers = providers_of_kind(export_data(engine).providers(int(snapshot["id"])),
                                      request.category, service, land)  # fmt: skip
        figure = distance_map(view, providers, threshold=request.threshold, lang=lang,
                              geojson=shapes, title="", kreise=kreise, geo=geo)  # fmt: skip
        legend = t("access.map.scale", lang, km=request.threshold)
    table = kreis_table(view, request.threshold, lang) if view.status == "ok" else None
    codes = table[t("access.col.ars", lang)].tolist() if table is not None else []
    return View(
        title=title, subtitle=subtitle, provenance=prov, figure=figure, legend_title=legend,
        table=table,
        shapes=regions_in_order("kreis", table, codes) if table is not None else None,
        layer=f"erreichbarkeit_{request.category}_kreis",
        # the map's text alternative, as the page shows it after the map
        description=access_description(
            view.kreise, "sfca" if request.view == "sfca" else "distance", request.category,
            request.threshold, str(snapshot["taken_at"])[:10], lang, view.status),
        with_plz=request.view == "distance" and request.format in ("png", "svg", "pdf"),
    )  # fmt: skip
