"""Region profiles at /region/<ARS>: Germany (DE), a Land (2 digits) or a Kreis (5 digits) on
one page: the three categories side by side, the generated paragraph, the history, the
providers, a locator map, a citation and a one-page PDF. An unknown or malformed ARS gets a
"not found" page with a search box, and the HTTP answer for that address is a 404.

The numbers come from `dashboard.model.profile` (pure); this module only lays them out.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import flask
import pandas as pd
from dash import Dash, Input, Output, State, dcc, html, no_update

import geodata
from dashboard.exports.profile_button import pdf_progress, register_profile_download
from dashboard.figures.common import graph_config
from dashboard.figures.locator import locator_figure
from dashboard.frame import ids
from dashboard.frame.feed_link import feed_link
from dashboard.frame.search_form import search_form
from dashboard.model import metrics as m
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.geometry import url_path
from dashboard.model.land_view import land_rows
from dashboard.model.profile import (
    GERMANY,
    RegionProfile,
    citation,
    figure_cells,
    history,
    level_of,
    load_profile,
    profile_paragraph,
    profile_title,
)
from dashboard.model.state import parse_query, to_query
from dashboard.pages.controls import scroll_box
from dashboard.pages.details import provider_table
from dashboard.pages.karte import build_map
from dashboard.pages.land_choice import sentence_for
from dashboard.text.i18n import fmt_date, fmt_number, t
from dashboard.text.land_sentence import none_count
from dashboard.text.region_position import locator_text
from dashboard.views.profile_links import land_providers_path

KEY = "region"
_PATH = re.compile(r"^/region/([^/]*)/?$")


# --- the page -------------------------------------------------------------------------------


def layout(ctx: PageContext, rest: str) -> html.Div:
    code = rest.strip("/")
    if ctx.snapshot is None:
        return html.Div(html.H1(t("profile.kicker", ctx.lang)), className="region-page")
    profile = load_profile(ctx.data, ctx.snapshot, code) if level_of(code) else None
    if profile is None:
        return not_found(ctx, code)
    return html.Div(body(ctx, profile), id=ids.REGION_BODY, className="region-page")


def not_found(ctx: PageContext, code: str) -> html.Div:
    """What an unknown or malformed ARS gets: what exists, and a search box."""
    return html.Div(
        [
            html.H1(t("notfound.heading", ctx.lang)),
            html.P(t("notfound.text", ctx.lang, ars=code[:40])),
            search_form(ctx, "notfound"),
            html.P(dcc.Link(profile_title_for(ctx, GERMANY), href=region_href(ctx, GERMANY))),
        ],
        className="region-page not-found",
    )


def profile_title_for(ctx: PageContext, code: str) -> str:
    return t("profile.germany", ctx.lang) if code == GERMANY else code


def region_href(ctx: PageContext, code: str, **changes: Any) -> str:
    """The profile's path keeping the view's language (and snapshot if one was chosen)."""
    state = replace(ctx.state, embed=False, **changes)
    keep = replace(type(state)(), lang=state.lang, snapshot=state.snapshot)
    return ctx.path(f"region/{code}") + to_query(keep)


def permalink(ctx: PageContext, code: str) -> str:
    """The profile's address with the snapshot pinned, absolute when a request is known."""
    path = region_href(ctx, code, snapshot=ctx.snapshot_id)
    if flask.has_request_context():
        return flask.request.host_url.rstrip("/") + path
    return path


def body(ctx: PageContext, profile: RegionProfile) -> list[Any]:
    lang = ctx.lang
    title = profile_title(profile, lang)
    return [
        html.P(t("profile.kicker", lang), className="kicker"),
        html.H1(title),
        _facts(ctx, profile),
        html.P(profile_paragraph(profile, lang), id=ids.REGION_PARAGRAPH, className="lead"),
        html.Div(
            [
                html.Section(_figures_table(profile, lang), className="region-figures"),
                html.Section(_locator(ctx, profile), className="region-locator"),
            ],
            className="region-top",
        ),
        *_land_map(ctx, profile),
        *_access(ctx, profile),
        html.Section(_history(ctx, profile.code), className="region-history"),
        html.Section(_providers(ctx, profile), className="region-providers"),
        *_peers(ctx, profile),
        html.Section(_citation(ctx, profile, title), className="region-citation"),
        html.Section(
            [
                html.Button(t("profile.pdf", lang), id=ids.REGION_PDF, className="export-button"),
                pdf_progress(lang),
                html.P(id=ids.REGION_PDF_STATUS, role="status", className="export-status"),
                dcc.Download(id=ids.REGION_DOWNLOAD),
            ],
            className="region-export",
        ),
    ]


def _facts(ctx: PageContext, profile: RegionProfile) -> html.P:
    parts: list[Any] = [t("profile.population", ctx.lang,
                          n=fmt_number(profile.population, ctx.lang))]
    if profile.level == "kreis":
        land_code = profile.code[:2]
        parts += [" · ", dcc.Link(t("profile.in_land", ctx.lang, land=profile.land),
                                  href=region_href(ctx, land_code))]
    if profile.level != "de":
        parts += [" · ", dcc.Link(t("profile.germany", ctx.lang), href=region_href(ctx, GERMANY))]
    return html.P(parts, className="region-facts")


def _figures_table(profile: RegionProfile, lang: str) -> list[Any]:
    cells = figure_cells(profile, lang)
    peers = cells.pop("_peers")["text"]
    labels = {
        "count": t("profile.row.count", lang),
        "per_100k": t("profile.row.per_100k", lang),
        "rank": t("profile.row.rank", lang, peers=peers),
        "national": t("profile.row.national", lang),
    }
    head = html.Thead(html.Tr(
        [html.Th(t("profile.row.measure", lang), scope="col")]
        + [html.Th(t(f"category.{c}", lang), scope="col") for c in m.CATEGORIES]
    ))
    rows = [
        html.Tr([html.Th(labels[key], scope="row")]
                + [html.Td(cells[key][c], className="num") for c in m.CATEGORIES])
        for key in cells
    ]
    fragile = any(f.fragile for f in profile.categories) and profile.level != "de"
    return [
        html.H2(t("profile.figures.heading", lang)),
        scroll_box(html.Table(
            [html.Caption(t("profile.figures.caption", lang,
                            date=fmt_date(profile.taken_at, lang))), head, html.Tbody(rows)],
            id=ids.REGION_FIGURES,
            className="figures-table",
        ), t("profile.figures.heading", lang)),
        html.P("⚠ " + t("map.fragile.note", lang, n=m.FRAGILE_MIN), className="caution")
        if fragile else None,
    ]


def _locator(ctx: PageContext, profile: RegionProfile) -> list[Any]:
    laender = geodata.LAENDER
    level = "kreis" if profile.level == "kreis" else "land"
    highlight = list(laender) if profile.level == "de" else [profile.code]
    figure = locator_figure(
        list(laender), ctx.app.get_relative_path(url_path("land")),
        highlight, ctx.app.get_relative_path(url_path(level)),
        context=[profile.code[:2]] if profile.level == "kreis" else None,
    )
    description = locator_text(profile, ctx.lang)
    config = {**graph_config(ctx.asset("topojson/"), ctx.lang), "staticPlot": True}
    return [
        html.H2(t("profile.map.heading", ctx.lang)),
        html.Figure(
            [
                html.Div(dcc.Graph(id=ids.REGION_LOCATOR, figure=figure, config=config,
                                   style={"height": "260px"}, className="locator-graph"),
                         **{"aria-hidden": "true"}),
                html.Figcaption(description, className="figure-caption"),
            ],
            className="graph-figure",
        ),
    ]


LAND_MAP_CATEGORY = "ala"


def _land_map(ctx: PageContext, profile: RegionProfile) -> list[Any]:
    """A Land's Kreise without an aLA: the count, the key-figure sentence and the Karte's
    Land view of them (the same map and words as /karte?level=kreis&land=…)."""
    if profile.level != "land" or ctx.snapshot_id is None:
        return []
    lang, land = ctx.lang, profile.code
    frame = land_rows(ctx.data.region_metrics(ctx.snapshot_id, "kreis", LAND_MAP_CATEGORY), land)
    heading = t("profile.land.map.heading", lang, land=profile.name,
                category=t(f"category.{LAND_MAP_CATEGORY}.short", lang))
    items: list[Any] = []
    if m.is_recorded(frame):
        none, total = none_count(frame)
        items = [html.Dt(t("profile.land.none", lang)),
                 html.Dd(t("profile.land.none.value", lang, n=fmt_number(none, lang),
                           total=fmt_number(total, lang)), id=ids.REGION_LAND_NONE)]
    figure = build_map(ctx.app, ctx.data, ctx.snapshot_id, level="kreis",
                       category=LAND_MAP_CATEGORY, metric="none_here", classes="quantiles",
                       lang=lang, land=land, title="", height=480)
    state = replace(type(ctx.state)(), lang=lang, snapshot=ctx.state.snapshot, level="kreis",
                    land=land, metric="none_here")
    return [html.Section(
        [
            html.H2(heading),
            html.Dl(items, className="land-none"),
            html.P(sentence_for(ctx.data, ctx.snapshot, LAND_MAP_CATEGORY, land, lang),
                   id=ids.REGION_LAND_SENTENCE, className="land-sentence"),
            html.Figure(
                [html.Figcaption(heading, className="visually-hidden"),
                 dcc.Graph(id=ids.REGION_LAND_MAP, figure=figure, className="land-map-graph",
                           config=graph_config(ctx.asset("topojson/"), lang))],
                className="graph-figure", **{"aria-describedby": ids.REGION_LAND_SENTENCE},
            ),
            html.P(dcc.Link(t("map.table_link.karte", lang),
                            href=ctx.path("karte") + to_query(state))),
        ],
        className="region-land-map",
    )]


def access_figures(ctx: PageContext, profile: RegionProfile) -> pd.DataFrame | None:
    """People beyond 25/50 km from the nearest aLA (Luftlinie) and the weighted mean and
    median distance for this region, from the access measures stored with the snapshot
    (`store.access.access_regions`, issue 10). None where there are none (the snapshot did not
    record aLA, or no aLA could be placed): the profile then shows no access section, never a
    zero."""
    from store.access import access_regions
    from store.errors import StoreError

    if ctx.snapshot_id is None:
        return None
    level = "germany" if profile.level == "de" else profile.level
    try:
        frame = access_regions(ctx.data.engine, ctx.snapshot_id, level, "ala")
    except StoreError:
        return None
    if frame.attrs.get("status") != "ok":
        return None
    return frame[frame["ars"] == profile.code]


# the access measures shown, as issue 10's API names them, with their decimals
ACCESS_COLUMNS = {"pop_beyond_25km": 0, "pop_beyond_50km": 0, "mean_km": 1, "median_km": 1}


def _access(ctx: PageContext, profile: RegionProfile) -> list[Any]:
    rows = access_figures(ctx, profile)
    if rows is None or rows.empty:
        return []
    row = rows.iloc[0]
    items: list[Any] = []
    for column, decimals in ACCESS_COLUMNS.items():
        if column in row.index:
            items += [html.Dt(t(f"profile.access.{column}", ctx.lang)),
                      html.Dd(fmt_number(row[column], ctx.lang, decimals))]
    return [html.Section([html.H2(t("profile.access.heading", ctx.lang)), html.Dl(items),
                          *_minutes(ctx, profile)], className="region-access")]


def _minutes(ctx: PageContext, profile: RegionProfile) -> list[Any]:
    """Car minutes beside the km, where travel times were computed (issue 18)."""
    from dashboard.model.travel_data import profile_minutes

    level = "germany" if profile.level == "de" else profile.level
    car = profile_minutes(ctx.data.engine, ctx.snapshot_id, level, profile.code)
    if car is None:
        return []
    return [html.P(t("travel.profile", ctx.lang, engine=car["engine"], date=car["date"],
                     minutes=fmt_number(car["mean_min"], ctx.lang, 1),
                     median=fmt_number(car["median_min"], ctx.lang, 1)),
                   className="region-minutes")]


def _history(ctx: PageContext, code: str) -> list[Any]:
    lang = ctx.lang
    rows = history(ctx.data, code)
    head = html.Thead(html.Tr(
        [html.Th(t("profile.history.date", lang), scope="col")]
        + [html.Th(t(f"category.{c}", lang), scope="col") for c in m.CATEGORIES]
    ))
    body_rows = []
    for row in rows:
        cells = [html.Th(fmt_date(row["taken_at"], lang), scope="row")]
        for c in m.CATEGORIES:
            value = row[c]
            cells.append(html.Td(t("map.not_recorded", lang) if value is None
                                 else fmt_number(value, lang), className="num"))
        body_rows.append(html.Tr(cells))
    return [
        html.H2(t("profile.history.heading", lang)),
        scroll_box(html.Table([html.Caption(t("profile.history.caption", lang)), head,
                            html.Tbody(body_rows)], className="history-table"),
                t("profile.history.heading", lang)),
        feed_link(ctx, code),  # this region's changes, one click from its history
    ]


def _providers(ctx: PageContext, profile: RegionProfile) -> list[Any]:
    lang = ctx.lang
    parts: list[Any] = [html.H2(t("profile.providers.heading", lang))]
    if profile.level == "de":
        href = ctx.path("anbieter") + to_query(replace(type(ctx.state)(), lang=lang))
        parts.append(html.P(dcc.Link(t("profile.providers.germany", lang), href=href)))
        return parts
    assert ctx.snapshot_id is not None
    providers = ctx.data.providers(ctx.snapshot_id)
    key = "kreis_ars" if profile.level == "kreis" else "land_code"
    for fig in profile.categories:
        here = providers[(providers[key] == profile.code)
                         & (providers["category"] == fig.category)]
        label = t(f"category.{fig.category}", lang)
        parts.append(html.H3(f"{label} ({fmt_number(len(here), lang) if fig.recorded else '–'})"))
        if profile.level == "land" and fig.recorded:
            # a Land lists hundreds: the searchable grid of the Anbieter page, filtered
            path = land_providers_path(profile.code, fig.category, lang, ctx.state.snapshot)
            parts.append(html.P(dcc.Link(t("profile.providers.land", lang, category=label,
                                           land=profile.name),
                                         href=ctx.app.get_relative_path(path))))
        elif not fig.recorded:
            parts.append(html.P(t("notice.not_recorded", lang, category=label), role="status",
                                className="notice not-recorded"))
        elif here.empty:
            parts.append(html.P(t("profile.providers.none", lang), className="none-here"))
        else:
            parts.append(html.Div(provider_table(here, lang), className="table-scroll",
                                  tabIndex="0", role="region", **{"aria-label": label}))
    return parts


def _peers(ctx: PageContext, profile: RegionProfile) -> list[Any]:
    """Links down one level: the 16 Länder from Germany, a Land's Kreise from the Land."""
    if profile.level == "kreis":
        return []
    if profile.level == "de":
        table = geodata.region_table("land")
        heading = t("profile.laender", ctx.lang)
        labels = list(table["name"])
    else:
        table = geodata.region_table("kreis")
        # by name, as a reader looks for them (the code order puts the cities first)
        table = table[table["land_code"] == profile.code].sort_values(["name", "bez"])
        heading = t("profile.kreise", ctx.lang, land=profile.name)
        labels = [f"{n} ({b})" for n, b in zip(table["name"], table["bez"], strict=True)]
    links = [html.Li(dcc.Link(label, href=region_href(ctx, code)))
             for code, label in zip(table["code"], labels, strict=True)]
    return [html.Nav([html.H2(heading), html.Ul(links, className="peer-list")],
                     className="region-peers", **{"aria-label": heading})]


def citation_text(ctx: PageContext, profile: RegionProfile, title: str) -> str:
    """The suggested citation with this page's permalink (profile.citation has the wording)."""
    return citation(profile, title, ctx.snapshot or {}, permalink(ctx, profile.code), ctx.lang)


def _citation(ctx: PageContext, profile: RegionProfile, title: str) -> list[Any]:
    link = permalink(ctx, profile.code)
    return [
        html.H2(t("profile.cite.heading", ctx.lang)),
        html.Blockquote(citation_text(ctx, profile, title), id=ids.REGION_CITATION,
                        className="citation"),
        html.P(html.A(link, href=link), className="permalink"),
    ]


# --- callbacks ------------------------------------------------------------------------------


def code_of(pathname: str | None, app: Dash) -> str:
    path = app.strip_relative_path(pathname or "/") or ""
    return path.strip("/").partition("/")[2].strip("/")


def register_callbacks(app: Dash, data: AtlasData) -> None:
    @app.callback(
        Output(ids.REGION_BODY, "children"),
        Input(ids.snapshot(KEY), "value"),
        State(ids.URL, "pathname"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def redraw(snapshot_id: int | None, pathname: str | None, search: str | None):
        state, _ = parse_query(search)
        snapshot, honoured = data.resolve(snapshot_id)
        if snapshot is None or not honoured:
            return no_update
        ctx = PageContext(app, data, replace(state, snapshot=snapshot_id), snapshot, [])
        profile = load_profile(data, snapshot, code_of(pathname, app))
        return no_update if profile is None else body(ctx, profile)

    register_profile_download(app, data, code_of)

    @app.server.after_request
    def _not_found_status(response: flask.Response) -> flask.Response:
        # the page itself is drawn in the browser; the address of an unknown region still
        # answers 404, so crawlers and link checkers see it
        match = _PATH.match(flask.request.path.removeprefix(
            app.config.requests_pathname_prefix.rstrip("/")))
        if match and response.status_code == 200 and not _known(match.group(1)):
            response.status_code = 404
        return response


def _known(code: str) -> bool:
    level = level_of(code)
    if level is None:
        return False
    if level == "de":
        return True
    return code in set(geodata.region_table(level)["code"])


def validation_layout() -> html.Div:
    return html.Div([
        html.Div(id=ids.REGION_BODY),
        html.P(id=ids.REGION_PARAGRAPH),
        html.Table(id=ids.REGION_FIGURES),
        dcc.Graph(id=ids.REGION_LOCATOR),
        html.Blockquote(id=ids.REGION_CITATION),
        html.Button(id=ids.REGION_PDF),
        pdf_progress("de"),
        html.P(id=ids.REGION_PDF_STATUS),
        dcc.Download(id=ids.REGION_DOWNLOAD),
    ])
