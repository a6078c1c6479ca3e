"""Erreichbarkeit's "Fahrzeit (Auto)" mode: where car times were computed for the snapshot
(`python -m store traveltime`), a switch Luftlinie | Fahrzeit (Auto), thresholds in minutes,
a Kreis map and rankings in minutes, and the sentence naming the engine, the extract's date
and what car time leaves out. The Luftlinie parts of the page are hidden by CSS in car mode
(assets/travel.css reads the page's class); this module only reads stored times.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd
from dash import Dash, Input, Output, State, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard.exports import buttons
from dashboard.exports.request import IMAGE_FORMATS, TABLE_FORMATS
from dashboard.figures.access_gemeinde import fitted_geo, gemeinde_map
from dashboard.figures.common import graph_config
from dashboard.figures.travel_gemeinde import MINUTE_SCALE
from dashboard.figures.travel_map import travel_map
from dashboard.frame import ids
from dashboard.model.access_data import (
    in_land,
    land_bounds,
    outline_codes,
    providers_of_kind,
    region_labels,
)
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.geometry import url_path
from dashboard.model.state import (
    ACCESS_MODES,
    MAX_PLAN,
    THRESHOLDS_MIN,
    parse_query,
    to_query,
)
from dashboard.model.travel_data import (
    car_available,
    car_gemeinde_frame,
    car_provenance,
    region_minutes,
)
from dashboard.model.travel_plan import (
    can_plan_by_road,
    car_plan,
    planned_regions,
    planned_stars,
)
from dashboard.pages.controls import options, radio_group
from dashboard.text.describe_gemeinden import where_label
from dashboard.text.i18n import fmt_number, t

RANKED = 20
CAR_FORMATS = IMAGE_FORMATS + TABLE_FORMATS  # the map, and its table
MAP_HEIGHT = 600


def effective_mode(data: AtlasData, snapshot_id: int | None, mode: str) -> str:
    """'car' only where the snapshot has car times; else 'line'."""
    has = snapshot_id is not None and car_available(data.engine, snapshot_id)
    return mode_for(mode, has)


def mode_for(mode: str, has_times: bool) -> str:
    """The asked mode where it can be shown: 'car' needs car times, else 'line'."""
    return "car" if mode == "car" and has_times else "line"


def page_class(mode: str) -> str:
    return f"access-page mode-{mode}"


def car_controls(data: AtlasData, snapshot_id: int | None, mode: str, minutes: int,
                 lang: str) -> html.Div:  # fmt: skip
    """The mode switch and the minutes; hidden where the snapshot has no car times."""
    has = snapshot_id is not None and car_available(data.engine, snapshot_id)
    return html.Div(
        [
            radio_group(ids.ACCESS_MODE, t("travel.mode.label", lang),
                        options("travel.mode", ACCESS_MODES, lang), mode),
            html.Div(radio_group(ids.ACCESS_MINUTES, t("travel.minutes.label", lang),
                                 options("travel.minutes", [str(m) for m in THRESHOLDS_MIN],
                                         lang), str(minutes)),
                     className="travel-minutes"),
        ],
        id=ids.ACCESS_CAR_CONTROLS, className="controls travel-controls",
        style=None if has else {"display": "none"},
    )  # fmt: skip


def method_sentence(provenance: dict, lang: str) -> str:
    date = (provenance.get("extract_timestamp") or "–")[:10]
    return t("travel.method", lang, engine=provenance["engine"],
             extract=provenance["extract_name"], date=date)  # fmt: skip


def _summary(area: pd.Series, minutes: int, lang: str, where: str | None = None) -> list[Any]:
    """The headline of `area` (Germany, or the Land shown, named by `where`)."""
    beyond = area[f"pop_beyond_{minutes}min"]
    if pd.isna(beyond):
        return []
    # more than half unreachable: no median (never "–" in a sentence)
    key = "travel.summary" if pd.notna(area["median_min"]) else "travel.summary.no_median"
    sentence = t(key, lang, minutes=minutes,
                 share=fmt_number(beyond / area["population"] * 100, lang, 1),
                 people=fmt_number(int(beyond), lang),
                 mean=fmt_number(area["mean_min"], lang, 1),
                 median=fmt_number(area["median_min"], lang, 1))  # fmt: skip
    if where:
        sentence = t("travel.summary.where", lang, where=where, sentence=sentence)
    parts = [html.P(sentence, className="access-headline")]
    if area["pop_unreachable"] > 0:
        parts.append(html.P(t("travel.unreachable", lang,
                              people=fmt_number(int(area["pop_unreachable"]), lang))))
    return parts


def _ranking(frame: pd.DataFrame, level: str, minutes: int, caption: str, lang: str,
             limit: int | None) -> html.Div:  # fmt: skip
    from dashboard.pages.controls import scroll_box

    column = f"pop_beyond_{minutes}min"
    # regions where nobody reaches a provider by road (off the extract) last, not first
    none_reached = frame["pop_unreachable"].astype(float) >= frame["population"]
    order = frame.assign(_none=none_reached).sort_values(
        ["_none", column, "ars"], ascending=[True, False, True], na_position="last")
    order = order.head(limit) if limit else order
    labels = region_labels(level)
    head = [t("access.col.region", lang), t("access.col.population", lang),
            t("travel.col.beyond", lang, minutes=minutes), t("travel.col.median", lang),
            t("travel.col.mean", lang), t("travel.col.unreachable", lang)]  # fmt: skip
    rows = [
        html.Tr([html.Th(labels.get(r.ars, r.ars), scope="row")] + [
            html.Td(v, className="num") for v in (
                fmt_number(int(r.population), lang), fmt_number(_int(getattr(r, column)), lang),
                fmt_number(r.median_min, lang, 1), fmt_number(r.mean_min, lang, 1),
                fmt_number(_int(r.pop_unreachable), lang))
        ])
        for r in order.itertuples(index=False)
    ]  # fmt: skip
    table = html.Table([html.Caption(caption),
                        html.Thead(html.Tr([html.Th(h, scope="col") for h in head])),
                        html.Tbody(rows)], className="plain-table")  # fmt: skip
    return scroll_box(table, caption, id=f"travel-rank-{level}")


def _int(value: Any) -> int | None:
    return None if pd.isna(value) else int(value)


def car_content(app: Dash, data: AtlasData, snapshot_id: int | None, category: str,
                service: str, minutes: int, lang: str, level: str = "kreis",
                land: str | None = None, places: tuple[str, ...] = ()) -> list[Any]:  # fmt: skip
    """The car section's children (empty outside car mode or without times). `level`
    gemeinde: the Gemeinden (of `land`, or all) in minute classes instead of the Kreise.
    `places`: hypothetical providers; where planning by road is possible, every figure
    of the section is of the times with them (computed now, never stored)."""
    if snapshot_id is None or not car_available(data.engine, snapshot_id):
        return []
    service = service if category == "ala" else "all"
    planned = car_plan(data.engine, snapshot_id, category, service, list(places))
    if planned is None:
        kreise = region_minutes(data.engine, snapshot_id, "kreis", category, service)
        laender = region_minutes(data.engine, snapshot_id, "land", category, service)
        germany = region_minutes(data.engine, snapshot_id, "germany", category, service)
    else:
        kreise, laender, germany = planned_regions(planned)
    germany = germany.iloc[0]
    names = region_labels("kreis")
    kreise = kreise.assign(name=kreise["ars"].map(names).fillna(kreise["ars"]),
                           population=_population(kreise, "kreis"))  # fmt: skip
    laender = laender.assign(population=_population(laender, "land"))
    germany = pd.concat([germany, pd.Series({"population": int(kreise["population"].sum())})])
    providers = providers_of_kind(data.providers(snapshot_id), category, service)
    short = t(f"category.{category}.short", lang)
    if level == "gemeinde":
        figure, title = _gemeinde_map(app, data, snapshot_id, category, service, minutes,
                                      providers, land, lang, planned)  # fmt: skip
        how = t("travel.gem.how", lang)
    else:
        figure = travel_map(kreise, minutes, lang=lang, providers=in_land(providers, land),
                            height=MAP_HEIGHT, geojson=app.get_relative_path(url_path("kreis")),
                            geo=fitted_geo(land_bounds(land)) if land else None)  # fmt: skip
        title = t("travel.map.title", lang, minutes=minutes, category=short)
        how = t("travel.map.how", lang)
    return [
        html.P(method_sentence(car_provenance(data.engine, snapshot_id), lang),
               className="hint travel-method"),
        *([] if planned is None else [html.P(t("travel.planned", lang,
                                                n=len(planned.places)), className="hint")]),
        *(_summary(laender.set_index("ars").loc[land], minutes, lang, where_label(land, lang))
          if land in set(laender["ars"]) else _summary(germany, minutes, lang)),
        *([] if can_plan_by_road(data.engine, snapshot_id) else
          [html.P(t("travel.plan_note", lang), className="hint")]),
        html.Section([
            html.H2(title),
            html.Figure([
                html.Figcaption(t("access.map.aria", lang, title=title),
                                className="visually-hidden"),
                dcc.Graph(id=ids.ACCESS_CAR_MAP, figure=figure, className="map-graph",
                          responsive=True,
                          config=graph_config(app.get_asset_url("topojson/"), lang,
                                              filename="ala-atlas-erreichbarkeit-auto")),
            ], className="graph-figure"),
            html.P(how, className="hint"),
            buttons.slot(ids.ACCESS_CAR_EXPORT_SLOT, CAR_FORMATS, lang),
        ], className="travel-map-box map-beside-text"),
        html.Section([
            _ranking(kreise, "kreis", minutes, t("travel.rank.kreise", lang, minutes=minutes),
                     lang, RANKED),
            _ranking(laender, "land", minutes, t("travel.rank.laender", lang, minutes=minutes),
                     lang, None),
        ], className="travel-ranking"),
    ]  # fmt: skip


def _gemeinde_map(app: Dash, data: AtlasData, snapshot_id: int, category: str, service: str,
                  minutes: int, providers: pd.DataFrame, land: str | None,
                  lang: str, planned=None) -> tuple[Any, str]:  # fmt: skip
    """The Gemeinden (of one Land, or all) in minute classes (with the plan's times and
    stars where planned by road), and the map's title."""
    frame = car_gemeinde_frame(data.engine, snapshot_id, category, service, providers, lang,
                               land, None if planned is None else planned.times)  # fmt: skip
    stars = None if planned is None else planned_stars(planned)
    providers = in_land(providers, land)
    shapes = {lv: app.get_relative_path(url_path(lv)) for lv in ("gemeinde", "kreis", "land")}
    figure = gemeinde_map(
        frame, threshold=minutes, lang=lang, shapes=shapes, outlines=outline_codes(land),
        geo=fitted_geo(land_bounds(land) if land else None),
        revision="|".join(["car", str(snapshot_id), category, service, land or "de", lang,
                           str(minutes), ",".join(planned.places if planned else [])]),
        providers=providers, places=stars, height=MAP_HEIGHT, scale=MINUTE_SCALE,
    )  # fmt: skip
    title = t("travel.gem.title", lang, category=t(f"category.{category}.short", lang),
              where=where_label(land, lang))  # fmt: skip
    return figure, title


def _population(frame: pd.DataFrame, level: str) -> pd.Series:
    """Each region's people (the same Destatis figures the aggregate weighted by)."""
    from store.access import gemeinde_frame

    key = {"kreis": "kreis_ars", "land": "land_code"}[level]
    people = gemeinde_frame(copy=False).groupby(key)["population"].sum()
    return frame["ars"].map(people).fillna(0).astype("int64")


def car_section(ctx: PageContext) -> list[Any]:
    """The controls and the section, as the page's layout places them."""
    s = ctx.state
    mode = effective_mode(ctx.data, ctx.snapshot_id, s.amode)
    content = []
    if mode == "car":
        content = car_content(ctx.app, ctx.data, ctx.snapshot_id, s.category, s.aservice,
                              s.minutes, ctx.lang, s.alevel, s.land,
                              _planned_places(s.plan, s.acompare))  # fmt: skip
    return [car_controls(ctx.data, ctx.snapshot_id, mode, s.minutes, ctx.lang),
            html.Section(content, id=ids.ACCESS_CAR, className="travel-section",
                         **{"aria-live": "polite"})]  # fmt: skip


def _planned_places(plan: str | None, compare: str | None) -> tuple[str, ...]:
    """The URL's or the box's plan, unless the page compares with the snapshot as it is."""
    if compare == "before" or not plan:
        return ()
    places = plan.split(",") if isinstance(plan, str) else list(plan)
    return tuple(p for p in places if p)[:MAX_PLAN]


def validation_layout() -> list[Any]:
    return [html.Div(id=ids.ACCESS_PAGE), dcc.RadioItems(id=ids.ACCESS_MODE),
            dcc.RadioItems(id=ids.ACCESS_MINUTES), html.Div(id=ids.ACCESS_CAR_CONTROLS),
            html.Section(id=ids.ACCESS_CAR), html.Div(id=ids.ACCESS_CAR_PLAN),
            buttons.validation_slot(ids.ACCESS_CAR_EXPORT_SLOT)]  # fmt: skip


def only_plan_changed() -> bool:
    """Whether the running callback was fired by the plan (or before/after) alone."""
    from dash import ctx

    triggered = set(ctx.triggered_prop_ids)
    return bool(triggered) and triggered <= {f"{ids.ACCESS_PLAN_SEARCH}.value",
                                             f"{ids.ACCESS_COMPARE}.value"}  # fmt: skip


def register_car_callbacks(app: Dash, data: AtlasData, page_key: str) -> None:
    from dashboard.exports import from_url

    buttons.register_export(app, data, ids.ACCESS_CAR_EXPORT_SLOT, from_url.car_request)

    @app.callback(
        Output(ids.ACCESS_CAR, "children"),
        Output(ids.ACCESS_PAGE, "className"),
        Output(ids.ACCESS_CAR_CONTROLS, "style"),
        Input(ids.ACCESS_MODE, "value"),
        Input(ids.ACCESS_MINUTES, "value"),
        Input(ids.ACCESS_CATEGORY, "value"),
        Input(ids.ACCESS_SERVICE, "value"),
        Input(ids.snapshot(page_key), "value"),
        Input(ids.ACCESS_LEVEL, "value"),
        Input(ids.ACCESS_LAND, "value"),
        Input(ids.ACCESS_PLAN_SEARCH, "value"),
        Input(ids.ACCESS_COMPARE, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def update(mode, minutes, category, service, snapshot_id, level, land, places, compare,
               search):  # fmt: skip
        if mode != "car" and only_plan_changed():
            # the Luftlinie shown: a plan changes nothing here, and every output the renderer
            # applies (the page's class among them) walks the whole page, on each planning click
            raise PreventUpdate
        state, _ = parse_query(search)
        snapshot, _ = data.resolve(snapshot_id)
        sid = None if snapshot is None else int(snapshot["id"])
        has = sid is not None and car_available(data.engine, sid)
        mode = mode_for(mode, has)  # `has` is read once: the store asked one time per switch
        content = []
        if mode == "car":
            content = car_content(app, data, sid, category, service, int(minutes), state.lang,
                                  level or "kreis", land or None,
                                  _planned_places(list(places or []), compare))  # fmt: skip
        return content, page_class(mode), None if has else {"display": "none"}

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.ACCESS_MODE, "value"),
        Input(ids.ACCESS_MINUTES, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def keep_url(mode, minutes, search):
        state, _ = parse_query(search)
        query = to_query(replace(state, amode=mode, minutes=int(minutes)))
        return query if query != (search or "") else no_update
