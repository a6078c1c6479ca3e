"""Erreichbarkeit: how far people live from the nearest provider (Luftlinie), where the gaps
are, and what hypothetical providers would change (planning; never stored, kept in the URL).

The measures are computed when a snapshot is stored (store.access); this page only reads
them (dashboard.model.access_data) and, for planning, adds the distances to the chosen points.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dash import Dash, Input, Output, State, dcc, html, no_update

import store
from dashboard.exports import buttons
from dashboard.figures.access_map import distance_map, sfca_map, status_note
from dashboard.figures.choropleth import empty_map
from dashboard.figures.common import graph_config
from dashboard.frame import ids
from dashboard.model.access_data import (
    AccessView,
    access_view,
    gemeinde_options,
    gemeinden_of_kreis,
    place_labels,
    providers_of_kind,
    ranked,
    region_labels,
)
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.geometry import url_path
from dashboard.model.metrics import CATEGORIES
from dashboard.model.state import ACCESS_SERVICES, MAX_PLAN, THRESHOLDS_KM, parse_query, to_query
from dashboard.pages.controls import options, radio_group, scroll_box
from dashboard.pages.erreichbarkeit_car import car_section, effective_mode, page_class
from dashboard.pages.erreichbarkeit_car import validation_layout as car_validation_layout
from dashboard.text.describe import access_description
from dashboard.text.i18n import fmt_number, t
from dashboard.text.map_description import caption_block

KEY = "erreichbarkeit"
MAP_HEIGHT = 600
RANKED_KREISE = 20


# --- what is shown --------------------------------------------------------------------------


def load_view(
    data: AtlasData, snapshot_id: int | None, category: str, service: str, plan: list[str]
) -> AccessView | None:
    """The view, or None when the snapshot did not record the category (or no snapshot)."""
    if snapshot_id is None:
        return None
    service = service if category == "ala" else "all"
    try:
        return access_view(data.engine, snapshot_id, category, service, plan)
    except store.CategoryNotInSnapshot:
        return None


def _status_text(view: AccessView | None, lang: str) -> str | None:
    return None if view is None else status_note(view.status, lang)


def summary(view: AccessView | None, category: str, threshold: int, lang: str) -> list[Any]:
    """The Germany figures as sentences, with the Luftlinie note and placement caveats."""
    if view is None:
        name = t(f"category.{category}", lang)
        return [html.P(t("notice.not_recorded", lang, category=name), className="notice")]
    status = _status_text(view, lang)
    g = view.germany
    parts: list[Any] = []
    if status:
        parts.append(html.P(status, className="notice"))
    else:
        share = g[f"share_beyond_{threshold}km"]
        parts.append(
            html.P(
                t("access.summary", lang, km=threshold,
                  share=fmt_number(share * 100, lang, 1),
                  people=fmt_number(g[f"pop_beyond_{threshold}km"], lang),
                  mean=fmt_number(g["mean_km"], lang, 1),
                  median=fmt_number(g["median_km"], lang, 1)),
                className="access-headline",
            )
        )  # fmt: skip
        parts.append(
            html.P(
                " ".join([
                    t("access.summary.own", lang,
                      people=fmt_number(g["pop_no_provider_in_kreis"], lang)),
                    t("access.summary.sfca", lang,
                      value=fmt_number(g["providers_per_100k_within_50km"], lang, 2)),
                    t("access.summary.providers", lang, n=fmt_number(view.providers_used, lang)),
                ])
            )
        )  # fmt: skip
    if view.kreis_placed:
        people = fmt_number(g["pop_nearest_kreis_placed"], lang)
        parts.append(html.P(t("access.kreis_placed", lang, n=view.kreis_placed, people=people)))
    if view.excluded:
        parts.append(html.P(t("access.excluded", lang, n=view.excluded)))
    parts.append(html.P(t("access.luftlinie", lang), className="hint luftlinie"))
    return parts


def map_texts(view: AccessView | None, snapshot: dict | None, category: str, threshold: int,
              lang: str) -> tuple[str, str]:
    """The text alternatives of the distance and the 2SFCA map, from the frame they draw."""
    if view is None or snapshot is None:
        notice = t("notice.not_recorded", lang, category=t(f"category.{category}", lang))
        return notice, notice
    taken = str(snapshot["taken_at"])[:10]
    return tuple(  # type: ignore[return-value]
        access_description(view.kreise, kind, view.category, threshold, taken, lang,
                           view.status)
        for kind in ("distance", "sfca")
    )


def _not_recorded_map(category: str, lang: str):
    name = t(f"category.{category}", lang)
    return empty_map(t("notice.not_recorded", lang, category=name), MAP_HEIGHT)


def distance_figure(app: Dash, data: AtlasData, view: AccessView | None, *,
                    category: str, threshold: int, lang: str):  # fmt: skip
    """Map 1: share of people beyond the threshold per Kreis (Luftlinie)."""
    if view is None:
        return _not_recorded_map(category, lang)
    providers = providers_of_kind(data.providers(view.snapshot_id), view.category, view.service)
    return distance_map(view, providers, threshold=threshold, lang=lang, height=MAP_HEIGHT,
                        geojson=app.get_relative_path(url_path("kreis")), title="")  # fmt: skip


def sfca_figure(app: Dash, data: AtlasData, view: AccessView | None, *,
                category: str, threshold: int, lang: str):  # fmt: skip
    """Map 2: 2SFCA providers per 100,000 people within 50 km per Kreis."""
    if view is None:
        return _not_recorded_map(category, lang)
    return sfca_map(view, threshold=threshold, lang=lang, height=MAP_HEIGHT,
                    geojson=app.get_relative_path(url_path("kreis")), title="")  # fmt: skip


def map_titles(category: str, threshold: int, lang: str) -> tuple[str, str]:
    """The headings over the distance map and the 2SFCA map."""
    short = t(f"category.{category}.short", lang)
    return (t("access.map.title", lang, km=threshold, category=short),
            t("access.map.sfca.title", lang, category=short))


def _table(caption: str, head: list[str], rows: list[list[Any]], table_id: str) -> html.Div:
    return scroll_box(
        html.Table(
            [
                html.Caption(caption),
                html.Thead(html.Tr([html.Th(h, scope="col") for h in head])),
                html.Tbody(
                    [
                        html.Tr([html.Th(r[0], scope="row")] + [
                            html.Td(v, className="num") for v in r[1:]
                        ])
                        for r in rows
                    ]
                ),
            ],
            className="plain-table",
        ),
        caption, id=table_id,
    )  # fmt: skip


def ranking_tables(view: AccessView | None, threshold: int, lang: str) -> tuple[Any, Any]:
    if view is None or view.status != "ok":
        empty = html.P(_status_text(view, lang) or "–") if view else html.P("–")
        return empty, empty
    head = [
        t("access.col.region", lang), t("access.col.population", lang),
        t("access.col.beyond", lang, km=threshold), t("access.col.share", lang),
        t("access.col.median", lang), t("access.col.sfca", lang),
    ]  # fmt: skip

    def rows(frame, level):
        labels = region_labels(level)
        return [
            [labels.get(r.ars, r.name), fmt_number(r.population, lang),
             fmt_number(getattr(r, f"pop_beyond_{threshold}km"), lang),
             fmt_number(getattr(r, f"share_beyond_{threshold}km") * 100, lang, 1) + " %",
             fmt_number(r.median_km, lang, 1),
             fmt_number(r.providers_per_100k_within_50km, lang, 2)]
            for r in frame.itertuples(index=False)
        ]  # fmt: skip

    kreise = _table(t("access.rank.kreise", lang, km=threshold), head,
                    rows(ranked(view.kreise, threshold).head(RANKED_KREISE), "kreis"),
                    "access-kreise")
    laender = _table(t("access.rank.laender", lang, km=threshold), head,
                     rows(ranked(view.laender, threshold), "land"), "access-laender")  # fmt: skip
    return kreise, laender


def plan_result(view: AccessView | None, lang: str) -> list[Any]:
    """What the hypothetical providers change: people newly within 25 / 50 km, by region."""
    if view is None or view.plan is None:
        return [html.P(t("access.plan.none", lang))]
    totals = view.plan.totals
    parts: list[Any] = [
        html.P(
            t("access.plan.result", lang, n=len(view.plan.places),
              p25=fmt_number(totals["newly_within_25km"], lang),
              p50=fmt_number(totals["newly_within_50km"], lang)),
            className="access-plan-total",
        )
    ]  # fmt: skip
    head = [t("access.col.region", lang), t("access.col.new25", lang), t("access.col.new50", lang)]
    for level, key in (("kreis", "access.plan.by_kreis"), ("land", "access.plan.by_land")):
        frame = view.plan.newly[level]
        names = region_labels(level)
        rows = [[names.get(r.ars, r.ars), fmt_number(r.newly_within_25km, lang),
                 fmt_number(r.newly_within_50km, lang)] for r in frame.itertuples(index=False)]
        parts.append(_table(t(key, lang), head, rows, f"access-plan-{level}"))  # fmt: skip
    return parts


def region_view(data: AtlasData, view: AccessView | None, kreis: str | None, lang: str):
    """Gemeinde detail of the clicked Kreis (a table: the map stays on Kreis geometry)."""
    if view is None or view.status != "ok" or not kreis or kreis not in region_labels("kreis"):
        return html.P(t("access.region.hint", lang), className="hint")
    providers = data.providers(view.snapshot_id)
    frame = gemeinden_of_kreis(view, kreis, providers, lang)
    head = [t("access.col.gemeinde", lang), t("access.col.population", lang),
            t("access.col.distance", lang), t("access.col.nearest", lang)]  # fmt: skip
    rows = [[r.name, fmt_number(r.population, lang), fmt_number(r.nearest_km, lang, 1),
             r.nearest] for r in frame.itertuples(index=False)]  # fmt: skip
    caption = t("access.region.heading", lang, name=region_labels("kreis")[kreis])
    return [_table(caption, head, rows, "access-region-table"),
            buttons.slot(ids.ACCESS_REGION_EXPORT_SLOT, buttons.TABLE_FORMATS, lang)]


# --- layout ---------------------------------------------------------------------------------


def _plan_list(ctx: PageContext) -> list[str]:
    from dashboard.model.access_data import plan_places

    places = plan_places(ctx.state.plan)
    known = {o["value"] for o in place_labels(places)}
    unknown = [p for p in places if p not in known]
    if unknown:
        ctx.notices.append(t("notice.bad_param", ctx.lang, name="plan", value=unknown[0]))
    return [p for p in places if p in known]


def _graph(app: Dash, component_id: str, figure: Any, lang: str, title: str,
           described_by: str) -> html.Figure:
    graph = dcc.Graph(
        id=component_id, figure=figure, className="map-graph", responsive=True,
        config=graph_config(app.get_asset_url("topojson/"), lang, filename=f"ala-atlas-{KEY}"),
    )  # fmt: skip  (maps.css gives its <figure> a portrait frame)
    caption = html.Figcaption(t("access.map.aria", lang, title=title), className="visually-hidden")
    return html.Figure([caption, graph], className="graph-figure",
                       **{"aria-describedby": described_by})


def _controls(ctx: PageContext, places: list[str]) -> html.Div:
    s, lang = ctx.state, ctx.lang
    services = options("access.service", ACCESS_SERVICES, lang)
    if s.category != "ala":
        services = [{**o, "disabled": True} for o in services]
    return html.Div(
        [
            radio_group(ids.ACCESS_CATEGORY, t("category.label", lang),
                        options("category", CATEGORIES, lang), s.category),
            radio_group(ids.ACCESS_SERVICE, t("access.service.label", lang), services,
                        s.aservice if s.category == "ala" else "all"),
            radio_group(ids.ACCESS_THRESHOLD, t("access.threshold.label", lang),
                        options("access.threshold", [str(k) for k in THRESHOLDS_KM], lang),
                        str(s.threshold)),
        ],
        className="controls", role="group", **{"aria-label": t("access.heading", lang)},
    )  # fmt: skip


def _plan_box(ctx: PageContext, places: list[str], view: AccessView | None) -> html.Section:
    lang = ctx.lang
    return html.Section(
        [
            html.H2(t("access.plan.heading", lang)),
            html.P(t("access.plan.intro", lang)),
            html.Label(t("access.plan.label", lang), htmlFor=ids.ACCESS_PLAN_SEARCH,
                       id=f"{ids.ACCESS_PLAN_SEARCH}-label"),
            dcc.Dropdown(
                id=ids.ACCESS_PLAN_SEARCH, options=place_labels(places), value=places,
                multi=True, searchable=True, placeholder=t("access.plan.placeholder", lang),
                className="access-plan-search",
            ),
            html.Div(plan_result(view, lang), id=ids.ACCESS_PLAN_RESULT,
                     **{"aria-live": "polite"}),
        ],
        className="access-plan",
    )  # fmt: skip


def _kreis(ctx: PageContext) -> str | None:
    kreis = ctx.state.akreis
    return kreis if kreis and kreis in region_labels("kreis") else None


def layout(ctx: PageContext) -> html.Div:
    s, lang = ctx.state, ctx.lang
    places = _plan_list(ctx)
    view = load_view(ctx.data, ctx.snapshot_id, s.category, s.aservice, places)
    kwargs = dict(category=s.category, threshold=s.threshold, lang=lang)
    distance = distance_figure(ctx.app, ctx.data, view, **kwargs)
    sfca = sfca_figure(ctx.app, ctx.data, view, **kwargs)
    titles = map_titles(s.category, s.threshold, lang)
    # the generated text alternatives after each map (its <figure> names them)
    texts = map_texts(view, ctx.snapshot, s.category, s.threshold, lang)
    maps = [
        html.Section([
            html.H2(title, id=title_id),
            _graph(ctx.app, graph_id, figure, lang, title, described),
            caption_block(described, text, lang, "describe.heading"),
            buttons.slot(slot, buttons.MAP_FORMATS, lang),
        ], className="access-map-box map-beside-text")
        for title_id, graph_id, described, slot, figure, title, text in zip(
            (ids.ACCESS_MAP_TITLE, ids.ACCESS_SFCA_TITLE), (ids.ACCESS_MAP, ids.ACCESS_SFCA_MAP),
            (ids.ACCESS_MAP_DESCRIPTION, ids.ACCESS_SFCA_DESCRIPTION),
            (ids.ACCESS_MAP_EXPORT_SLOT, ids.ACCESS_SFCA_EXPORT_SLOT), (distance, sfca),
            titles, texts, strict=True)
    ]  # fmt: skip
    if s.embed:
        return html.Div(maps)
    kreise, laender = ranking_tables(view, s.threshold, lang)
    return html.Div(
        [
            html.H1(t("access.heading", lang)),
            html.P(t("access.intro", lang)),
            _controls(ctx, places),
            *car_section(ctx),
            html.Div(summary(view, s.category, s.threshold, lang), id=ids.ACCESS_SUMMARY,
                     **{"aria-live": "polite"}),
            _plan_box(ctx, places, view),
            *maps,
            html.Section(region_view(ctx.data, view, _kreis(ctx), lang), id=ids.ACCESS_REGION,
                         **{"aria-live": "polite"}),
            dcc.Store(id=ids.ACCESS_REGION_STORE, data=_kreis(ctx)),
            html.Section([
                html.Div(kreise, id=ids.ACCESS_RANK_KREISE),
                html.Div(laender, id=ids.ACCESS_RANK_LAENDER),
                buttons.slot(ids.ACCESS_TABLE_EXPORT_SLOT, buttons.TABLE_FORMATS, lang),
            ], className="access-ranking"),
        ],
        className=page_class(effective_mode(ctx.data, ctx.snapshot_id, s.amode)),
        id=ids.ACCESS_PAGE,
    )  # fmt: skip


def validation_layout() -> html.Div:
    return html.Div(
        [
            dcc.RadioItems(id=ids.ACCESS_CATEGORY),
            dcc.RadioItems(id=ids.ACCESS_SERVICE),
            dcc.RadioItems(id=ids.ACCESS_THRESHOLD),
            html.Div(id=ids.ACCESS_SUMMARY),
            dcc.Graph(id=ids.ACCESS_MAP),
            dcc.Graph(id=ids.ACCESS_SFCA_MAP),
            html.P(id=ids.ACCESS_MAP_DESCRIPTION),
            html.P(id=ids.ACCESS_SFCA_DESCRIPTION),
            html.H2(id=ids.ACCESS_MAP_TITLE),
            html.H2(id=ids.ACCESS_SFCA_TITLE),
            html.Div(id=ids.ACCESS_RANK_KREISE),
            html.Div(id=ids.ACCESS_RANK_LAENDER),
            dcc.Dropdown(id=ids.ACCESS_PLAN_SEARCH),
            html.Div(id=ids.ACCESS_PLAN_RESULT),
            html.Section(id=ids.ACCESS_REGION),
            dcc.Store(id=ids.ACCESS_REGION_STORE),
            buttons.validation_slot(ids.ACCESS_MAP_EXPORT_SLOT),
            buttons.validation_slot(ids.ACCESS_SFCA_EXPORT_SLOT),
            buttons.validation_slot(ids.ACCESS_TABLE_EXPORT_SLOT),
            *car_validation_layout(),
            buttons.validation_slot(ids.ACCESS_REGION_EXPORT_SLOT),
        ]
    )


# --- callbacks ------------------------------------------------------------------------------


def register_callbacks(app: Dash, data: AtlasData) -> None:
    from dashboard.exports import from_url
    from dashboard.pages.erreichbarkeit_car import register_car_callbacks

    register_car_callbacks(app, data, KEY)

    for slot_id, make in (
        (ids.ACCESS_MAP_EXPORT_SLOT, from_url.access_request("distance")),
        (ids.ACCESS_SFCA_EXPORT_SLOT, from_url.access_request("sfca")),
        (ids.ACCESS_TABLE_EXPORT_SLOT, from_url.access_request("table")),
        (ids.ACCESS_REGION_EXPORT_SLOT, from_url.access_request("gemeinden")),
    ):
        buttons.register_export(app, data, slot_id, make)

    @app.callback(
        Output(ids.ACCESS_PLAN_SEARCH, "options"),
        Input(ids.ACCESS_PLAN_SEARCH, "search_value"),
        State(ids.ACCESS_PLAN_SEARCH, "value"),
        prevent_initial_call=True,
    )
    def search_places(search, chosen):
        """Only matching Gemeinden go to the browser (never all 10,997), plus the chosen."""
        chosen = list(chosen or [])
        found = [o for o in gemeinde_options(search or "") if o["value"] not in chosen]
        return place_labels(chosen) + found

    @app.callback(
        Output(ids.ACCESS_REGION_STORE, "data"),
        Input(ids.ACCESS_MAP, "clickData"),
        Input(ids.ACCESS_SFCA_MAP, "clickData"),
        prevent_initial_call=True,
    )
    def choose_region(*clicks):
        from dash import callback_context

        click = callback_context.triggered[0]["value"] if callback_context.triggered else None
        points = (click or {}).get("points") or []
        code = points[0].get("location") if points else None
        return code if code in region_labels("kreis") else no_update

    @app.callback(
        Output(ids.ACCESS_SUMMARY, "children"),
        Output(ids.ACCESS_MAP, "figure"),
        Output(ids.ACCESS_SFCA_MAP, "figure"),
        Output(ids.ACCESS_MAP_DESCRIPTION, "children"),
        Output(ids.ACCESS_SFCA_DESCRIPTION, "children"),
        Output(ids.ACCESS_MAP_TITLE, "children"),
        Output(ids.ACCESS_SFCA_TITLE, "children"),
        Output(ids.ACCESS_RANK_KREISE, "children"),
        Output(ids.ACCESS_RANK_LAENDER, "children"),
        Output(ids.ACCESS_PLAN_RESULT, "children"),
        Output(ids.ACCESS_SERVICE, "options"),
        Output(ids.ACCESS_REGION, "children"),
        Input(ids.ACCESS_CATEGORY, "value"),
        Input(ids.ACCESS_SERVICE, "value"),
        Input(ids.ACCESS_THRESHOLD, "value"),
        Input(ids.ACCESS_PLAN_SEARCH, "value"),
        Input(ids.snapshot(KEY), "value"),
        Input(ids.ACCESS_REGION_STORE, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def update(category, service, threshold, places, snapshot_id, region, search):
        state, _ = parse_query(search)
        lang = state.lang
        snapshot, _ = data.resolve(snapshot_id)
        sid = None if snapshot is None else int(snapshot["id"])
        km = int(threshold)
        places = list(places or [])[:MAX_PLAN]
        view = load_view(data, sid, category, service, places)
        kwargs = dict(category=category, threshold=km, lang=lang)
        kreise, laender = ranking_tables(view, km, lang)
        services = options("access.service", ACCESS_SERVICES, lang)
        if category != "ala":
            services = [{**o, "disabled": True} for o in services]
        return (
            summary(view, category, km, lang),
            distance_figure(app, data, view, **kwargs),
            sfca_figure(app, data, view, **kwargs),
            *map_texts(view, snapshot, category, km, lang),
            *map_titles(category, km, lang),
            kreise, laender, plan_result(view, lang), services,
            region_view(data, view, region, lang),
        )  # fmt: skip

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.ACCESS_CATEGORY, "value"),
        Input(ids.ACCESS_SERVICE, "value"),
        Input(ids.ACCESS_THRESHOLD, "value"),
        Input(ids.ACCESS_PLAN_SEARCH, "value"),
        Input(ids.ACCESS_REGION_STORE, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def keep_url(category, service, threshold, places, region, search):
        state, _ = parse_query(search)
        new = replace(
            state, category=category, aservice=service if category == "ala" else "all",
            threshold=int(threshold), plan=",".join(list(places or [])[:MAX_PLAN]),
            akreis=region or None,
        )  # fmt: skip
        query = to_query(new)
        return query if query != (search or "") else no_update
