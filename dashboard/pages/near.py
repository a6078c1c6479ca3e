"""/naehe?plz=NNNNN or ?ort=<AGS>: the nearest providers of each kind to a place, with
straight-line distance ("Luftlinie"), services, contact and a small offline map (Kreis
outlines, place names, every marker visible).

Places and providers stand on Gemeinde points: providers in the searched place's own Gemeinde
get no distance but "im selben Ort" ("same town"), the same PLZ first (store.nearest). The
vendored PLZ table (OpenStreetMap, ODbL) has no coordinates, so no finer point is available.

The place's point is the one `geodata.locate` gives for a PLZ (as /api/nearest), or the
Gemeinde's representative point; distances come from `store.nearest` (pure)."""

from __future__ import annotations

from typing import Any

import pandas as pd
from dash import Dash, dcc, html

import geodata
from dashboard.figures.common import graph_config
from dashboard.figures.locator import nearby_figure
from dashboard.frame import ids
from dashboard.frame.search_form import search_form
from dashboard.model import metrics as m
from dashboard.model.contact import contact_details
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.geometry import url_path
from dashboard.pages.controls import scroll_box
from dashboard.pages.details import safe_url
from dashboard.pages.redraw import register_body_redraw
from dashboard.text.i18n import fmt_number, services_text, t
from store.nearest import nearest

KEY = "naehe"
PER_CATEGORY = 5
MAP_HEIGHT = 420


def place_of(plz: str | None, ort: str | None) -> dict[str, Any] | None:
    """`{label, gemeinde, kreis_ars, kreis, lon, lat}` for a PLZ or a Gemeinde AGS; None if
    the atlas knows neither."""
    if plz:
        try:
            found = geodata.locate(plz)
        except geodata.LocateError:
            return None
        return {"label": f"{plz} {found['gemeinde']}", **found}
    if ort:
        table = geodata.load_gemeinden()
        hit = table[table["ags"] == ort]
        if hit.empty:
            return None
        row = hit.iloc[0]
        kreise = geodata.region_table("kreis").set_index("code")
        return {"label": row["name"], "gemeinde": row["name"], "gemeinde_ags": row["ags"],
                "plz": None, "kreis_ars": row["kreis_ars"],
                "kreis": kreise.loc[row["kreis_ars"], "name"], "lon": float(row["lon"]),
                "lat": float(row["lat"])}
    return None


def nearest_by_category(
    providers: pd.DataFrame, place: dict[str, Any], recorded: set[str], n: int = PER_CATEGORY
) -> dict[str, pd.DataFrame | None]:
    """The `n` nearest providers per category (None for a category the snapshot did not
    record)."""
    out: dict[str, pd.DataFrame | None] = {}
    for cat in m.CATEGORIES:
        if cat not in recorded:
            out[cat] = None
            continue
        mine = providers[providers["category"] == cat]
        out[cat] = nearest(mine, place["lon"], place["lat"], n,
                           gemeinde_ags=place.get("gemeinde_ags"), plz=place.get("plz"))
    return out


def layout(ctx: PageContext, rest: str) -> html.Div:
    return html.Div(body(ctx), id=ids.NEAR_BODY, className="near-page")


def body(ctx: PageContext) -> list[Any]:
    lang = ctx.lang
    given = ctx.state.plz or ctx.state.ort
    place = place_of(ctx.state.plz, ctx.state.ort)
    if place is None or ctx.snapshot is None:
        return [html.H1(t("notfound.heading", lang)),
                html.P(t("near.bad", lang, value=str(given or "")[:40])),
                search_form(ctx, "near")]
    assert ctx.snapshot_id is not None
    found = nearest_by_category(ctx.data.providers(ctx.snapshot_id), place,
                                set(ctx.snapshot.get("counts", {})))
    sections: list[Any] = []
    for cat, rows in found.items():
        label = t(f"category.{cat}", lang)
        if rows is None:
            sections.append(html.Section([html.H2(label), html.P(
                t("notice.not_recorded", lang, category=label), role="status",
                className="notice not-recorded")]))
            continue
        heading = t("near.category", lang, category=label, n=len(rows))
        content = _table(rows, lang, heading) if len(rows) else html.P(t("near.none", lang))
        sections.append(html.Section([html.H2(heading), content], className="near-category"))
    shown = pd.concat(
        [r.assign(category_label=t(f"category.{c}.short", lang))
         for c, r in found.items() if r is not None and len(r)],
        ignore_index=True,
    ) if any(r is not None and len(r) for r in found.values()) else pd.DataFrame(
        columns=["lon", "lat", "name", "city", "km", "same_gemeinde", "category",
                 "category_label"])
    kreis_href = ctx.path(f"region/{place['kreis_ars']}") + (
        "?lang=en" if lang == "en" else "")
    same_place = any(r is not None and bool(r["same_gemeinde"].any()) for r in found.values())
    return [
        html.H1(t("near.heading", lang, place=place["label"])),
        html.P(t("near.intro", lang, gemeinde=place["gemeinde"])),
        *([html.P(t("near.same_place.note", lang, gemeinde=place["gemeinde"]),
                  className="hint near-same-note")] if same_place else []),
        html.P(dcc.Link(t("near.region_link", lang, name=place["kreis"]), href=kreis_href)),
        html.Div([html.Div(sections, className="near-lists"), _map(ctx, place, shown)],
                 className="near-top"),
    ]


def _table(rows: pd.DataFrame, lang: str, label: str) -> html.Div:
    # explicit roles: on phones the rows are shown as cards (display: block), which would
    # otherwise drop the table's meaning for screen readers
    head = html.Thead(html.Tr([html.Th(t(f"near.col.{k}", lang), scope="col", role="columnheader")
                               for k in ("km", "name", "place", "services", "contact",
                                         "source")], role="row"), role="rowgroup")
    body_rows = []
    for row in rows.to_dict("records"):
        km = _distance(row, lang)
        if row.get("geocode_quality") == "kreis":
            km += f" ({t('near.approx', lang)})"
        contact = contact_details(row)
        contact_cell: list[Any] = []
        for field, value in contact.items():
            if contact_cell:
                contact_cell.append(html.Br())
            if field == "email":
                contact_cell.append(html.A(value, href=f"mailto:{value}"))
            elif field == "website":
                contact_cell.append(html.A(value, href=value, rel="noopener noreferrer"))
            else:
                contact_cell.append(value)
        services = row.get("services")
        url = safe_url(row.get("source_url"))
        body_rows.append(html.Tr([
            html.Td(km, className="num", role="cell"),
            html.Th(row.get("name") or "", scope="row", role="rowheader"),
            html.Td(f"{row.get('plz') or ''} {row.get('city') or ''}".strip(), role="cell"),
            html.Td(services_text(services, lang), role="cell"),
            html.Td(contact_cell, role="cell"),
            html.Td(html.A(t("details.source", lang), href=url, rel="noopener noreferrer")
                    if url else "–", role="cell"),
        ], role="row"))
    return scroll_box(html.Table([head, html.Tbody(body_rows, role="rowgroup")],
                                 className="near-table", role="table"), label)


def _distance(row: dict[str, Any], lang: str) -> str:
    """"3,4 km"; in the searched place's own Gemeinde no number (both stand on its point),
    but "im selben Ort" (and "gleiche PLZ" where that is known)."""
    if row.get("same_gemeinde"):
        return t("near.same_plz" if row.get("same_plz") else "near.same_place", lang)
    return t("near.km", lang, km=fmt_number(row["km"], lang, 1))


def place_labels(place: dict[str, Any], shown: pd.DataFrame, most: int = 8) -> pd.DataFrame:
    """`name, lon, lat` of the places to name on the map: the searched Gemeinde and the
    Gemeinden of the providers shown (at their Gemeinde's point, as the geocoder puts them)."""
    rows = [{"name": place["gemeinde"], "lon": place["lon"], "lat": place["lat"]}]
    if len(shown) and "city" in shown.columns:
        towns = shown.dropna(subset=["lon", "lat"]).drop_duplicates(["lon", "lat"])
        rows += [{"name": r["city"], "lon": r["lon"], "lat": r["lat"]}
                 for r in towns.to_dict("records") if isinstance(r.get("city"), str)]
    frame = pd.DataFrame(rows, columns=["name", "lon", "lat"])
    return frame.drop_duplicates("name").head(most).reset_index(drop=True)


def _map(ctx: PageContext, place: dict[str, Any], shown: pd.DataFrame) -> html.Figure:
    figure = nearby_figure(
        list(geodata.LAENDER), ctx.app.get_relative_path(url_path("land")),
        (place["lon"], place["lat"]), t("near.you", ctx.lang), shown,
        kreise=list(geodata.region_table("kreis")["code"]),
        kreis_geojson=ctx.app.get_relative_path(url_path("kreis")),
        labels=place_labels(place, shown), height=MAP_HEIGHT,
    )
    config = {**graph_config(ctx.asset("topojson/"), ctx.lang), "staticPlot": True}
    first = shown.sort_values(["same_gemeinde", "km"], ascending=[False, True]).head(3) if len(
        shown) else shown
    names = ", ".join(f"{r['name']} ({_distance(r, ctx.lang)})"
                      for r in first.to_dict("records")) if len(first) else "–"
    caption = t("near.map.caption", ctx.lang) + ". " + names
    return html.Figure(
        [html.Div(dcc.Graph(id=ids.NEAR_MAP, figure=figure, config=config,
                            style={"height": f"{MAP_HEIGHT}px"}), **{"aria-hidden": "true"}),
         html.Figcaption(caption, className="figure-caption")],
        className="graph-figure near-map",
    )


def register_callbacks(app: Dash, data: AtlasData) -> None:
    register_body_redraw(app, data, KEY, ids.NEAR_BODY, body)


def validation_layout() -> html.Div:
    return html.Div([html.Div(id=ids.NEAR_BODY), dcc.Graph(id=ids.NEAR_MAP)])
