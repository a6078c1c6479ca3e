"""Export views of Erreichbarkeit's car mode: the Kreis map of the share beyond a number
of minutes (view car) and the Gemeinde map in minute classes (view car-gemeinde), each
with its table for CSV/XLSX. The same figure builders as the page; the stored times, or with
the request's plan the times the engine computes for it now, as the page's car section does
(where the engine cannot plan by road, the stored times and a note saying the plan is not in
them).

Every file names the road network's source (© OpenStreetMap-Mitwirkende, ODbL), the
engine (Valhalla) and the extract's date beside the boundaries' (BKG) and the snapshot's.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from sqlalchemy import Engine

import geodata
from dashboard.exports.errors import ExportError
from dashboard.exports.geometry_file import geometry_url
from dashboard.exports.provenance import provenance_of
from dashboard.exports.request import ExportRequest
from dashboard.exports.texts import plan_sentence
from dashboard.exports.views import View, regions_in_order, snapshots_of
from dashboard.figures.access_gemeinde import fitted_geo, gemeinde_map
from dashboard.figures.travel_gemeinde import MINUTE_SCALE
from dashboard.figures.travel_map import travel_map
from dashboard.model.access_data import land_bounds, outline_codes, providers_of_kind
from dashboard.model.data import AtlasData
from dashboard.model.travel_data import car_gemeinde_frame, car_provenance, region_minutes
from dashboard.model.travel_plan import car_plan, planned_regions, planned_stars
from dashboard.text.describe_travel import travel_description
from dashboard.text.i18n import t
from geodata.attribution import GEMEINDE_POPULATION


def _kreise(engine: Engine, snapshot_id: int, category: str, service: str,
            land: str | None, planned=None) -> pd.DataFrame:  # fmt: skip
    """The Kreise's minutes (all thresholds) with name and population, of one Land or all;
    `planned` (a CarPlan): with its times."""
    from dashboard.model.access_data import region_labels
    from store.access import gemeinde_frame

    kreise = region_minutes(engine, snapshot_id, "kreis", category, service) \
        if planned is None else planned_regions(planned)[0]  # fmt: skip
    people = gemeinde_frame(copy=False).groupby("kreis_ars")["population"].sum()
    names = region_labels("kreis")
    kreise = kreise.assign(
        name=kreise["ars"].map(names).fillna(kreise["ars"]),
        population=kreise["ars"].map(people).fillna(0).astype("int64"),
    )
    return kreise[kreise["ars"].str[:2] == land] if land else kreise


def _keep_land_frame(figure, land: str | None) -> None:
    """A Land view keeps its own frame in the image (publication reads meta["land"])."""
    if land:
        figure.update_layout(meta={**(figure.layout.meta or {}), "land": land})


def kreis_minutes_table(kreise: pd.DataFrame, minutes: int, lang: str) -> pd.DataFrame:
    """The Kreis rows as the page's ranking reads them: most people beyond first."""
    column = f"pop_beyond_{minutes}min"
    order = kreise.sort_values([column, "ars"], ascending=[False, True], na_position="last")
    return pd.DataFrame({
        t("access.col.ars", lang): order["ars"],
        t("access.col.region", lang): order["name"],
        t("access.col.population", lang): order["population"],
        t("travel.col.beyond", lang, minutes=minutes): order[column],
        t("travel.col.share", lang, minutes=minutes):
            (order[column].astype(float) / order["population"] * 100).round(1),
        t("travel.col.median", lang): order["median_min"].round(1),
        t("travel.col.mean", lang): order["mean_min"].round(1),
        t("travel.col.unreachable", lang): order["pop_unreachable"],
    }).reset_index(drop=True)  # fmt: skip


def gemeinde_minutes_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every Gemeinde drawn, farthest by car first (unreachable ones first of all: empty
    minutes, never 0), with road km beside the Luftlinie km."""
    order = frame.sort_values(["nearest_min", "population"], ascending=[False, False],
                              na_position="first")  # fmt: skip
    return pd.DataFrame({
        t("access.col.ars", lang): order["ars"],
        t("access.col.gemeinde", lang): order["name"],
        t("access.col.kreis", lang): order["kreis"],
        t("access.col.population", lang): order["population"].astype("int64"),
        t("travel.col.minutes", lang): order["nearest_min"].round(1),
        t("travel.col.road_km", lang): order["road_km"].round(1),
        t("travel.col.line_km", lang): order["nearest_km"].round(1),
        t("travel.col.nearest", lang): order["nearest"],
    }).reset_index(drop=True)  # fmt: skip


def _plan_note(plan: tuple[str, ...], planned, lang: str) -> str | None:
    """What the file says of the plan: its places, or that its times are not in it."""
    if not plan:
        return None
    if planned is None:
        return t("travel.export.plan_missing", lang)
    names = planned_stars(planned).set_index("ars").loc[list(planned.places), "name"]
    return plan_sentence(names.tolist(), lang)


def _with_note(subtitle: str, note: str | None) -> str:
    return subtitle if note is None else f"{subtitle}<br>{note}"


def car_export_view(engine: Engine, request: ExportRequest) -> View:
    snapshot, _ = snapshots_of(engine, request)
    sid, lang, land = int(snapshot["id"]), request.lang, request.land
    run = car_provenance(engine, sid)
    if run is None:
        raise ExportError(f"Für Datenstand {sid} sind keine Fahrzeiten berechnet "
                          "(python -m store traveltime --osm DATEI.osm.pbf).")  # fmt: skip
    category, minutes = request.category, request.threshold
    service = (request.service or "all") if category == "ala" else "all"
    date = (run.get("extract_timestamp") or "–")[:10]
    note = t("travel.export.note", lang, engine=run["engine"], extract=run["extract_name"],
             date=date)  # fmt: skip
    prov = replace(provenance_of(snapshot, lang=lang), notes=(GEMEINDE_POPULATION,),
                   more_attributions=(note,))
    short = t(f"category.{category}.short", lang)
    where = geodata.LAENDER.get(land or "", "")
    planned = car_plan(engine, sid, category, service, list(request.plan)) \
        if request.plan else None  # fmt: skip
    plan_note = _plan_note(request.plan, planned, lang)
    if plan_note:
        prov = replace(prov, notes=(*prov.notes, plan_note))
    kreise = _kreise(engine, sid, category, service, land, planned)
    if kreise["pop_unreachable"].isna().all():
        raise ExportError(t("access.status.no_provider", "de") + " Keine Fahrzeiten.")
    providers = providers_of_kind(AtlasData(engine).providers(sid), category, service, land)
    geo = fitted_geo(land_bounds(land)) if land else None
    if request.view == "car-gemeinde":
        frame = car_gemeinde_frame(engine, sid, category, service,
                                   AtlasData(engine).providers(sid), lang, land,
                                   None if planned is None else planned.times)  # fmt: skip
        title = t("travel.gem.title", lang, category=short,
                  where=where or t("access.gem.where.de", lang))  # fmt: skip
        figure = gemeinde_map(
            frame, threshold=minutes, lang=lang,
            # shapes by file, as the Luftlinie exports (exports/geometry_file.py): inside the
            # figure the 10,997 Gemeinden went once into each of its 12 choropleth traces
            shapes={lv: geometry_url(lv) for lv in ("gemeinde", "kreis", "land")},
            outlines=outline_codes(land), geo=fitted_geo(land_bounds(land) if land else None),
            revision="export", providers=providers, scale=MINUTE_SCALE,
            places=None if planned is None else planned_stars(planned),
        )  # fmt: skip
        _keep_land_frame(figure, land)
        level = t("access.level.gemeinde", lang)
        return View(
            title=title, subtitle=_with_note(t("travel.export.subtitle", lang, level=level,
                                               date=prov.date_label), plan_note),
            provenance=prov, figure=figure, legend_title=MINUTE_SCALE.legend(minutes, lang),
            table=gemeinde_minutes_table(frame, lang),
            layer=f"erreichbarkeit_auto_{category}_gemeinden",
            description=travel_description(kreise, minutes, title, str(snapshot["taken_at"]),
                                           run, lang, gemeinden=frame),
        )  # fmt: skip
    title = t("travel.map.title", lang, minutes=minutes, category=short) + (
        f" – {where}" if where else "")
    figure = travel_map(kreise, minutes, lang=lang, geojson=geometry_url("kreis"),
                        providers=providers, geo=geo)  # fmt: skip
    _keep_land_frame(figure, land)
    table = kreis_minutes_table(kreise, minutes, lang)
    return View(
        title=title, subtitle=_with_note(t("travel.export.subtitle", lang,
                                           level=t("level.kreis", lang),
                                           date=prov.date_label), plan_note),
        provenance=prov, figure=figure, legend_title=t("travel.map.scale", lang,
                                                       minutes=minutes),
        table=table, shapes=regions_in_order("kreis", table,
                                             table[t("access.col.ars", lang)].tolist()),
        layer=f"erreichbarkeit_auto_{category}_kreise",
        description=travel_description(kreise, minutes, title, str(snapshot["taken_at"]),
                                       run, lang),
    )  # fmt: skip
