"""Karte: the choropleth of a category and metric at Land or Kreis level, a comparison of the
three categories, provider points, and the details of a clicked region.

Geometry is referenced by URL, so the first figure of a level carries no shapes either; after
that, changing metric, category, classes, snapshot or points sends a Patch with values only.

One callback (`update_view`) answers every change of the view: map, comparison, details,
title, URL and which controls apply, so a switch costs one round trip. The navigation links
follow the URL in the browser (router, clientside).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dash import Dash, Input, Output, Patch, State, dcc, html, no_update
from dash import callback_context as cbx
from dash.exceptions import PreventUpdate

from dashboard.exports import buttons, from_url
from dashboard.figures.choropleth import (
    METRIC_KEYS,
    TRACES,
    VALUE_KEYS,
    choropleth_figure,
    empty_map,
    map_title,
)
from dashboard.figures.common import graph_config
from dashboard.frame import ids
from dashboard.model import metrics
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData, find_provider, map_frame
from dashboard.model.geometry import url_path
from dashboard.model.land_view import land_geo, land_rows
from dashboard.model.publishing import contacts_hidden
from dashboard.model.scales import SHARED_METRICS, series_ids, series_scale
from dashboard.model.state import merge_query, parse_query, to_query
from dashboard.pages.controls import checkbox, dropdown, options, radio_group
from dashboard.pages.details import details_panel
from dashboard.pages.land_choice import (
    chosen_land,
    land_options,
    region_choices,
    sentence_for,
    with_land,
)
from dashboard.pages.timeline import register_timeline, timeline, validation_components
from dashboard.text.i18n import t
from dashboard.text.map_description import describe_view, description_box, description_validation
from dashboard.views.profile_links import land_providers_path, profile_path

KEY = "karte"
SINGLE_HEIGHT = 760
COMPARE_HEIGHT = 560
# metrics whose map is the same for every category: the comparison shows one map, not three
KIND_FREE = ("ala_share", "ala_per_wfbm")
# metrics whose three comparison maps can share one colour scale
SHARED_SCALE = SHARED_METRICS


def _points(data: AtlasData, snapshot_id: int, category: str, on: bool):
    if not on:
        return None
    providers = data.providers(snapshot_id)
    return providers[providers["category"] == category]


def build_map(
    app: Dash,
    data: AtlasData,
    snapshot_id: int | None,
    *,
    level: str,
    category: str,
    metric: str,
    classes: str,
    lang: str,
    region: str | None = None,
    points: bool = False,
    provider_id: str | None = None,
    height: int = SINGLE_HEIGHT,
    title: str | None = None,
    compact: bool = False,
    scale: metrics.Scale | None = None,
    legend: bool = True,
    land: str | None = None,
):
    """The map figure as the app shows it (geometry by URL), coloured on the series scale
    (the same classes in every snapshot) unless a `scale` is given. With a `land` (Kreis
    level) only that Land's Kreise, fitted to the frame, on Germany's scale, so a colour
    means the same as on the national map."""
    if snapshot_id is None:
        return empty_map(t("notice.no_snapshot", lang), height)
    frame = map_frame(data, snapshot_id, level, category)
    if scale is None:
        scale = series_scale(data, snapshot_id, level, (category,), metric, classes)
    frame = land_rows(frame, land)
    provider = find_provider(data, snapshot_id, provider_id) if provider_id else None
    figure = choropleth_figure(
        frame,
        metric,
        category=category,
        level=level,
        lang=lang,
        classes=classes,
        geojson=app.get_relative_path(url_path(level)),
        selected=region,
        points=_points(data, snapshot_id, category, points),
        provider=provider,
        title=title,
        height=height,
        compact=compact,
        scale=scale,
        legend=legend,
    )
    return figure.update_geos(**land_geo(land)) if land is not None else figure


def value_patch(
    figure: Any, traces: tuple[str, ...] = TRACES, keys: dict[str, tuple[str, ...]] | None = None
) -> Patch:
    """A Patch carrying only the value, colour and text keys of the named traces (or just
    `keys[trace]` where given), and the title: never geometry. `figure` is a plotly Figure
    or its JSON (dict)."""
    new = figure if isinstance(figure, dict) else figure.to_plotly_json()
    patch = Patch()
    for name in traces if keys is None else tuple(keys):
        index = TRACES.index(name)
        trace = new["data"][index]
        for key in VALUE_KEYS if keys is None else keys[name]:
            if key in trace:
                patch["data"][index][key] = trace[key]
    layout = new["layout"]
    patch["layout"]["title"] = layout["title"]
    patch["layout"]["margin"] = layout["margin"]  # room for a "not recorded" notice line
    patch["layout"]["meta"] = layout["meta"]
    patch["layout"]["separators"] = layout["separators"]
    patch["layout"]["legend"] = layout["legend"]  # its title names the unit
    patch["layout"]["showlegend"] = layout["showlegend"]
    return patch


def _region_ok(ctx: PageContext) -> str | None:
    region = ctx.state.region
    if region is None:
        return None
    codes = set(ctx.data.regions(ctx.state.level)["code"])
    if region not in codes:
        ctx.notices.append(t("notice.bad_param", ctx.lang, name="region", value=region))
        return None
    return region


def _provider_ok(ctx: PageContext) -> str | None:
    provider_id = ctx.state.provider
    if provider_id is None or ctx.snapshot_id is None:
        return None
    if find_provider(ctx.data, ctx.snapshot_id, provider_id) is None:
        ctx.notices.append(t("notice.bad_param", ctx.lang, name="provider", value=provider_id))
        return None
    return provider_id


def _graph(
    app: Dash, component_id: str, figure: Any, lang: str, label: str, compact: bool = False,
    caption_id: str | None = None,
) -> html.Figure:
    """The graph inside a <figure> whose caption says what it shows (for screen readers).
    Responsive graphs take their container's size: karte.css shapes the frame to Germany."""
    config = graph_config(app.get_asset_url("topojson/"), lang, filename="ala-atlas-karte")
    if compact:
        config["displayModeBar"] = False  # a narrow map's title keeps its strip alone
    graph = dcc.Graph(
        id=component_id,
        figure=figure,
        className="map-graph compare-graph" if compact else "map-graph",
        config=config,
        responsive=True,
    )
    # the generated text alternative below the maps describes what they show
    return html.Figure(
        [html.Figcaption(label, className="visually-hidden",
                         **({"id": caption_id} if caption_id else {})), graph],
        className="graph-figure",
        **{"aria-describedby": ids.MAP_DESCRIPTION},
    )


def compare_scale(
    data: AtlasData, snapshot_id: int | None, level: str, metric: str, classes: str
) -> metrics.Scale | None:
    """One scale over the three categories' values in every snapshot of the series, for
    metrics that compare across them (counts, per 100,000); None where each map keeps its
    own series scale."""
    if snapshot_id is None or metric not in SHARED_SCALE:
        return None
    return series_scale(data, snapshot_id, level, metrics.CATEGORIES, metric, classes)


def compare_figures(
    app: Dash, data: AtlasData, snapshot_id: int | None, *, level: str, metric: str,
    classes: str, lang: str, region: str | None, land: str | None = None,
) -> list[Any]:
    """The three comparison maps: a shared scale where the metric compares, the legend once
    (under the first map)."""
    scale = compare_scale(data, snapshot_id, level, metric, classes)
    return [
        build_map(
            app, data, snapshot_id, level=level, category=cat, metric=metric,
            classes=classes, lang=lang, region=region, height=COMPARE_HEIGHT,
            title="aLA / WfbM" if metric in KIND_FREE else t(f"category.{cat}.short", lang),
            compact=True, scale=scale,
            legend=cat == metrics.CATEGORIES[0], land=land,
        )
        for cat in metrics.CATEGORIES
    ]


def shown_map(
    app: Dash, data: AtlasData, snapshot_id: int | None, *, level: str, category: str,
    metric: str, classes: str, lang: str, region: str | None, points: bool,
    provider_id: str | None, land: str | None = None,
) -> dict[str, Any]:
    """The Karte's single map as plotly JSON, built once per view of a snapshot and shared by
    the page and its callback (plotly's validation and copying cost tens of ms at Kreis
    level, on every page load and switch otherwise). Treat it as read-only."""
    # the series is in the key: a new snapshot in it may move the classes of every date
    members = series_ids(data, snapshot_id) if snapshot_id is not None else ()
    return data.memo(
        ("karte-map", snapshot_id, members, level, category, metric, classes, lang, region,
         points, provider_id, contacts_hidden(), land),
        lambda: build_map(
            app, data, snapshot_id, level=level, category=category, metric=metric,
            classes=classes, lang=lang, region=region, points=points,
            provider_id=provider_id, title="", land=land,
        ).to_plotly_json(),
    )


def shown_comparison(
    app: Dash, data: AtlasData, snapshot_id: int | None, *, level: str, metric: str,
    classes: str, lang: str, region: str | None, land: str | None = None,
) -> list[dict[str, Any]]:
    """compare_figures as plotly JSON, built once per view of a snapshot (read-only)."""
    members = series_ids(data, snapshot_id) if snapshot_id is not None else ()
    return data.memo(
        ("karte-compare", snapshot_id, members, level, metric, classes, lang, region, land),
        lambda: [f.to_plotly_json() for f in compare_figures(
            app, data, snapshot_id, level=level, metric=metric, classes=classes, lang=lang,
            region=region, land=land)],
    )


def compare_note(metric: str, lang: str) -> str:
    """What the comparison's colours mean: one shared scale, or why only one map."""
    if metric in SHARED_SCALE:
        return t("map.scale.shared", lang, unit=t(f"unit.{metric}", lang))
    if metric in KIND_FREE:
        return t("map.scale.own", lang, metric=t(f"metric.{metric}", lang))
    return ""


def summary_text(level: str, category: str, metric: str, view: str, lang: str) -> str:
    """The drawer's summary line: the view in a few words."""
    parts = [t(f"level.{level}", lang)]
    if view != "compare":
        parts.append(t(f"category.{category}.short", lang))
    parts += [t(f"metric.{metric}", lang)]
    if view == "compare":
        parts.append(t("view.compare", lang))
    return f"{t('map.settings', lang)}: " + " · ".join(parts)


def layout_class(view: str) -> str:
    """The Karte grid's class: the comparison takes the width of map and details (plain
    classes, not CSS :has(), which made every style lookup on big pages slow)."""
    return "karte-layout compare-view" if view == "compare" else "karte-layout"


def cells_class(metric: str) -> str:
    return "compare-cells one-map" if metric in KIND_FREE else "compare-cells"


def hides(view: str, metric: str) -> tuple[bool, bool]:
    """Which controls do nothing in this view: (category, classes). The category in the
    comparison (all three shown) and for metrics that ignore it; classes for counts (their
    own whole-number classes) and the none-here map."""
    return (view == "compare" or metric in KIND_FREE,
            metric in ("count", "none_here"))


def _controls(ctx: PageContext, region: str | None, land: str | None) -> html.Div:
    s, lang = ctx.state, ctx.lang
    return html.Div(
        [
            radio_group(
                ids.MAP_LEVEL,
                t("level.label", lang),
                options("level", metrics.LEVELS, lang),
                s.level,
            ),
            html.Div(
                dropdown(ids.MAP_LAND, t("land.label", lang), land_options(lang), land or "",
                         clearable=False, className="land-select"),
                id=ids.MAP_LAND_BOX,
                hidden=s.level != "kreis",
            ),
            html.Div(
                radio_group(
                    ids.MAP_CATEGORY,
                    t("category.label", lang),
                    options("category", metrics.CATEGORIES, lang),
                    s.category,
                ),
                id=ids.MAP_CATEGORY_BOX,
                hidden=hides(s.view, s.metric)[0],
            ),
            radio_group(
                ids.MAP_METRIC,
                t("metric.label", lang),
                options("metric", metrics.METRICS, lang),
                s.metric,
            ),
            html.Div(
                radio_group(
                    ids.MAP_CLASSES,
                    t("classes.label", lang),
                    options("classes", metrics.CLASSIFICATIONS, lang),
                    s.classes,
                ),
                id=ids.MAP_CLASSES_BOX,
                hidden=hides(s.view, s.metric)[1],
            ),
            radio_group(
                ids.MAP_VIEW,
                t("view.label", lang),
                options("view", ("single", "compare"), lang),
                s.view,
            ),
            checkbox(ids.MAP_POINTS, t("points.label", lang), s.points),
            dropdown(
                ids.MAP_REGION,
                t("region.label", lang),
                region_choices(ctx.data, s.level, lang),
                region,
                placeholder=t("region.placeholder", lang),
                clearable=True,
                className="region-select",
            ),
        ],
        className="controls",
        role="group",
        **{"aria-label": t("metric.label", lang)},
    )


def _compare_box(ctx: PageContext, region: str | None, compare: bool,
                 land: str | None) -> html.Div:
    s, lang = ctx.state, ctx.lang
    figures = (
        shown_comparison(ctx.app, ctx.data, ctx.snapshot_id, level=s.level, metric=s.metric,
                         classes=s.classes, lang=lang, region=region, land=land)
        if compare else [{}, {}, {}]
    )
    one = s.metric in KIND_FREE
    cells = [
        html.Div(
            _graph(ctx.app, ids.compare_graph(cat), fig, lang,
                   t("map.aria", lang, title=t(f"category.{cat}", lang)), compact=True),
            id=ids.compare_cell(cat),
            className="compare-cell",
            hidden=one and cat != metrics.CATEGORIES[0],
        )
        for cat, fig in zip(metrics.CATEGORIES, figures, strict=True)
    ]
    return html.Div(
        [
            html.P(compare_note(s.metric, lang), id=ids.MAP_COMPARE_NOTE,
                   className="compare-note"),
            html.Div(cells, id=ids.MAP_COMPARE_CELLS, className=cells_class(s.metric)),
            buttons.slot(buttons.COMPARE_SLOT, buttons.CHART_FORMATS, lang),
        ],
        id=ids.MAP_COMPARE_BOX,
        hidden=not compare,
        className="compare-grid",
    )


def _land_ok(ctx: PageContext) -> str | None:
    """The Land view the URL asks for: at Kreis level only (a Land map of Länder would be
    one shape); a malformed or unknown code never gets here (state.parse_query)."""
    return chosen_land(ctx.state.level, ctx.state.land)


def view_title(metric: str, category: str, level: str, land: str | None, lang: str) -> str:
    """The map's title, naming the Land of a Land view."""
    return with_land(map_title(metric, category, level, lang), land, lang)


def layout(ctx: PageContext) -> html.Div:
    s, lang = ctx.state, ctx.lang
    land = _land_ok(ctx)
    region = _region_ok(ctx)
    provider_id = _provider_ok(ctx)
    if provider_id is not None and region is None:
        found = find_provider(ctx.data, ctx.snapshot_id, provider_id)
        key = "kreis_ars" if s.level == "kreis" else "land_code"
        region = found.get(key) if found else None
    compare = s.view == "compare"
    # the title is HTML above the map (it wraps on a phone; the toolbar has the strip alone)
    single = shown_map(
        ctx.app,
        ctx.data,
        ctx.snapshot_id,
        level=s.level,
        category=s.category,
        metric=s.metric,
        classes=s.classes,
        lang=lang,
        region=region,
        points=bool(s.points) or bool(provider_id),
        provider_id=provider_id,
        land=land,
    )
    title = view_title(s.metric, s.category, s.level, land, lang)
    sentence = sentence_for(ctx.data, ctx.snapshot, s.category, land, lang)
    single_box = html.Div(
        [
            html.H2(title, id=ids.MAP_TITLE, className="map-title"),
            html.P(sentence, id=ids.MAP_LAND_SENTENCE, className="land-sentence",
                   hidden=not sentence),
            _graph(ctx.app, ids.MAP_GRAPH, single, lang, t("map.aria", lang, title=title),
                   caption_id=ids.MAP_CAPTION),
            buttons.slot(ids.MAP_EXPORT_SLOT, buttons.MAP_FORMATS, lang),
        ],
        id=ids.MAP_SINGLE_BOX,
        hidden=compare,
        className="map-box",
    )
    compare_box = _compare_box(ctx, region, compare, land)
    drawn = {"level": s.level, "land": land} if ctx.snapshot_id else {}
    if ctx.state.embed:
        # the controls and details stay in the page, hidden: the map's callbacks read and
        # write them (a click on a region sets karte-region; update_view also writes the
        # drawer's summary, the table link, the grid's class and the text alternative), so
        # every id they use exists; a missing one is a console error in the host page
        hidden_parts = html.Div(
            [
                html.Details(
                    [
                        html.Summary(summary_text(s.level, s.category, s.metric, s.view, lang),
                                     id=ids.MAP_SUMMARY),
                        _controls(ctx, region, land),
                    ],
                    id=ids.MAP_DRAWER,
                ),
                html.Section(id=ids.MAP_DETAILS),
                dcc.Link(id=ids.MAP_TABLE_LINK, href=ctx.path("tabelle")),
                html.Div(id=ids.MAP_LAYOUT),
                description_box(ctx, land),  # the figures' aria-describedby points here
            ],
            hidden=True,
        )
        return html.Div(
            [
                single_box,
                compare_box,
                hidden_parts,
                dcc.Store(id=ids.MAP_DRAWN, data=drawn),
                dcc.Store(id=ids.COMPARE_DRAWN,
                          data={"level": s.level, "land": land} if compare else {}),
            ],
            className="karte-embed",
        )
    table_href = ctx.path("tabelle") + merge_query("?" + _query_of(ctx), region=None, provider=None)
    drawer = html.Details(
        [
            html.Summary(summary_text(s.level, s.category, s.metric, s.view, lang),
                         id=ids.MAP_SUMMARY, className="karte-summary"),
            _controls(ctx, region, land),
        ],
        id=ids.MAP_DRAWER,
        className="karte-drawer",
    )
    return html.Div(
        [
            html.H1(t("karte.heading", lang), className="karte-heading"),
            html.Div(
                [
                    html.Div(drawer, className="karte-side"),
                    html.Div(
                        [
                            single_box,
                            compare_box,
                            description_box(ctx, land),  # generated text alternative
                            html.P(
                                [
                                    t("map.keyboard_hint", lang),
                                    " ",
                                    dcc.Link(
                                        t("map.table_link", lang),
                                        href=table_href,
                                        id=ids.MAP_TABLE_LINK,
                                    ),
                                ],
                                className="hint",
                            ),
                        ],
                        className="karte-main",
                    ),
                    html.Div(
                        [
                            timeline(ctx, KEY),
                            html.Section(
                                details_panel(
                                    ctx.data,
                                    ctx.snapshot_id,
                                    s.level,
                                    s.category,
                                    s.metric,
                                    region,
                                    lang,
                                    provider_id,
                                    _profile(ctx.app, region, lang),
                                    _providers_list(ctx.app, s.level, region, s.category, lang,
                                                    s.snapshot),
                                ),
                                id=ids.MAP_DETAILS,
                                className="details",
                                **{"aria-live": "polite"},
                            ),
                        ],
                        className="karte-aside",
                    ),
                ],
                id=ids.MAP_LAYOUT,
                className=layout_class(s.view),
            ),
            dcc.Store(id=ids.MAP_DRAWN, data=drawn),
            dcc.Store(id=ids.COMPARE_DRAWN,
                      data={"level": s.level, "land": land} if compare else {}),
        ]
    )


def _profile(app: Dash, region: str | None, lang: str) -> str | None:
    """The profile link of the region in the details (none without a region)."""
    return app.get_relative_path(profile_path(region, lang)) if region else None


def _providers_list(app: Dash, level: str, region: str | None, category: str, lang: str,
                    snapshot: int | None) -> str | None:
    """The Anbieter page's grid of a Land's providers of the category (the details of a Land
    link it rather than list hundreds); None for a Kreis, whose few are listed."""
    if level != "land" or not region:
        return None
    return app.get_relative_path(land_providers_path(region, category, lang, snapshot))


def _query_of(ctx: PageContext) -> str:
    from dashboard.model.state import to_query

    return to_query(ctx.state).lstrip("?")


def validation_layout() -> html.Div:
    return html.Div(
        [
            dcc.RadioItems(id=ids.MAP_LEVEL),
            dcc.RadioItems(id=ids.MAP_CATEGORY),
            dcc.RadioItems(id=ids.MAP_METRIC),
            dcc.RadioItems(id=ids.MAP_CLASSES),
            dcc.RadioItems(id=ids.MAP_VIEW),
            dcc.Checklist(id=ids.MAP_POINTS),
            dcc.Dropdown(id=ids.MAP_REGION),
            dcc.Dropdown(id=ids.MAP_LAND),
            html.Div(id=ids.MAP_LAND_BOX),
            html.P(id=ids.MAP_LAND_SENTENCE),
            html.Figcaption(id=ids.MAP_CAPTION),
            dcc.Graph(id=ids.MAP_GRAPH),
            html.Div(id=ids.MAP_SINGLE_BOX),
            html.Div(id=ids.MAP_COMPARE_BOX),
            *[dcc.Graph(id=ids.compare_graph(c)) for c in metrics.CATEGORIES],
            html.Section(id=ids.MAP_DETAILS),
            buttons.validation_slot(ids.MAP_EXPORT_SLOT),
            validation_components(KEY),
            buttons.validation_slot(buttons.COMPARE_SLOT),
            dcc.Store(id=ids.MAP_DRAWN),
            dcc.Store(id=ids.COMPARE_DRAWN),
            dcc.Link(id=ids.MAP_TABLE_LINK, href="/"),
            html.Details(id=ids.MAP_DRAWER),
            html.Summary(id=ids.MAP_SUMMARY),
            html.Div(id=ids.MAP_CATEGORY_BOX),
            html.Div(id=ids.MAP_CLASSES_BOX),
            html.H2(id=ids.MAP_TITLE),
            html.P(id=ids.MAP_COMPARE_NOTE),
            *[html.Div(id=ids.compare_cell(c)) for c in metrics.CATEGORIES],
            html.Div(id=ids.MAP_LAYOUT),
            html.Div(id=ids.MAP_COMPARE_CELLS),
            description_validation(),
        ]
    )


def _changed() -> set[str]:
    return {item["prop_id"].split(".")[0] for item in cbx.triggered}


def _snapshot_key() -> str:
    """The snapshot picker's id as it appears in `_changed()` (a pattern id, as JSON)."""
    import json

    return json.dumps(ids.snapshot(KEY), separators=(",", ":"), sort_keys=True)


def register_callbacks(app: Dash, data: AtlasData) -> None:
    buttons.register_export(app, data, ids.MAP_EXPORT_SLOT, from_url.karte_request)
    register_timeline(app, data, KEY)
    buttons.register_export(app, data, buttons.COMPARE_SLOT, from_url.karte_compare_request)

    # the drawer of controls is open on wide screens (beside the map), folded on phones;
    # in the browser, so it costs no round trip (karte.css shows it before this runs)
    app.clientside_callback(
        "function(_id) { return window.matchMedia('(min-width: 900px)').matches; }",
        Output(ids.MAP_DRAWER, "open"),
        Input(ids.MAP_DRAWER, "id"),
    )

    compare_outputs = [Output(ids.compare_graph(c), "figure") for c in metrics.CATEGORIES]

    @app.callback(
        Output(ids.MAP_GRAPH, "figure"),
        Output(ids.MAP_DRAWN, "data"),
        *compare_outputs,
        Output(ids.COMPARE_DRAWN, "data"),
        Output(ids.MAP_SINGLE_BOX, "hidden"),
        Output(ids.MAP_COMPARE_BOX, "hidden"),
        *[Output(ids.compare_cell(c), "hidden") for c in metrics.CATEGORIES[1:]],
        Output(ids.MAP_COMPARE_NOTE, "children"),
        Output(ids.MAP_DETAILS, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Output(ids.MAP_CATEGORY_BOX, "hidden"),
        Output(ids.MAP_CLASSES_BOX, "hidden"),
        Output(ids.MAP_TITLE, "children"),
        Output(ids.MAP_SUMMARY, "children"),
        Output(ids.MAP_TABLE_LINK, "href"),
        Output(ids.MAP_LAYOUT, "className"),
        Output(ids.MAP_COMPARE_CELLS, "className"),
        Output(ids.MAP_DESCRIPTION, "children"),
        Output(ids.MAP_CAPTION, "children"),
        Output(ids.MAP_LAND_BOX, "hidden"),
        Output(ids.MAP_LAND_SENTENCE, "children"),
        Output(ids.MAP_LAND_SENTENCE, "hidden"),
        Input(ids.MAP_LEVEL, "value"),
        Input(ids.MAP_CATEGORY, "value"),
        Input(ids.MAP_METRIC, "value"),
        Input(ids.MAP_CLASSES, "value"),
        Input(ids.MAP_VIEW, "value"),
        Input(ids.MAP_POINTS, "value"),
        Input(ids.MAP_REGION, "value"),
        Input(ids.snapshot(KEY), "value"),
        Input(ids.MAP_LAND, "value"),
        State(ids.MAP_DRAWN, "data"),
        State(ids.COMPARE_DRAWN, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def update_view(level, category, metric, classes, view, points, region, snapshot_id,
                    land_value, drawn, compare_drawn, search):
        """Every change of the Karte's view in one round trip: the visible map(s) as a
        Patch of values, the details where their inputs changed, the URL, the controls that
        apply, the title, the text alternative. The hidden view is left alone and redrawn
        when it is shown."""
        changed = _changed()
        if len(changed) > 2:
            # the page was just drawn (Dash fires for inserted inputs): it already shows this
            raise PreventUpdate
        state, _ = parse_query(search)
        lang = state.lang
        snapshot, _ = data.resolve(snapshot_id)
        sid = None if snapshot is None else int(snapshot["id"])
        compare = view == "compare"
        land = chosen_land(level, land_value)
        if region is not None and len(region) == 2 and level == "kreis":
            region = None  # a Land from the region box: pick_land turns it into the Land view
        single_out = _single_map(level, category, metric, classes, points, region, sid,
                                 drawn, state, changed, land) if not compare else (no_update,) * 2
        compare_out = (
            _compare_maps(level, metric, classes, region, sid, compare_drawn, lang, changed,
                          land)
            if compare else (no_update,) * 4
        )
        one = metric in KIND_FREE
        details_inputs = {ids.MAP_REGION, ids.MAP_LEVEL, ids.MAP_CATEGORY, ids.MAP_METRIC,
                          _snapshot_key()}
        details = (
            details_panel(data, sid, level, category, metric, region, lang, state.provider,
                          _profile(app, region, lang),
                          _providers_list(app, level, region, category, lang, state.snapshot))
            if changed & details_inputs else no_update
        )
        new = replace(state, level=level, category=category, metric=metric, classes=classes,
                      view=view, points=bool(points), region=region or None, land=land)
        query = to_query(new)
        hide_category, hide_classes = hides(view, metric)
        table_href = app.get_relative_path("/tabelle") + merge_query(
            query, region=None, provider=None)
        # always sent, like the title: a level switch fires this twice (the region reset
        # follows) and Dash drops the first answer, so the second must be complete
        description = describe_view(data, snapshot, level, category, metric, view, lang, land)
        title = view_title(metric, category, level, land, lang)
        sentence = sentence_for(data, snapshot, category, land, lang)
        return (
            *single_out,
            *compare_out,
            compare,
            not compare,
            one,
            one,
            compare_note(metric, lang),
            details,
            query if query != (search or "") else no_update,
            hide_category,
            hide_classes,
            title,
            summary_text(level, category, metric, view, lang),
            table_href,
            layout_class(view),
            cells_class(metric),
            description,
            t("map.aria", lang, title=title),
            level != "kreis",
            sentence,
            not sentence,
        )

    def _single_map(level, category, metric, classes, points, region, sid, drawn, state,
                    changed, land):
        figure = shown_map(
            app, data, sid, level=level, category=category, metric=metric, classes=classes,
            lang=state.lang, region=region, points=bool(points) or bool(state.provider),
            provider_id=state.provider, land=land,
        )
        if sid is None or not drawn or (drawn.get("level"), drawn.get("land")) != (level, land):
            # other regions and another frame: the whole figure (its shapes still by URL)
            return figure, {"level": level, "land": land}
        if changed <= {ids.MAP_METRIC, ids.MAP_CLASSES}:
            # same category, snapshot and language: hover texts stand, send values only
            return value_patch(figure, keys=METRIC_KEYS), no_update
        if changed == {ids.MAP_REGION}:
            return value_patch(figure, ("selected", "provider")), no_update
        if changed == {ids.MAP_POINTS}:
            return value_patch(figure, ("points", "provider")), no_update
        return value_patch(figure), no_update

    def _compare_maps(level, metric, classes, region, sid, drawn, lang, changed, land):
        figures = shown_comparison(app, data, sid, level=level, metric=metric,
                                   classes=classes, lang=lang, region=region, land=land)
        if sid is not None and drawn and (drawn.get("level"), drawn.get("land")) == (level,
                                                                                    land):
            lean = changed <= {ids.MAP_METRIC, ids.MAP_CLASSES}
            figures = [value_patch(f, keys=METRIC_KEYS if lean else None) for f in figures]
        return (*figures, {"level": level, "land": land})

    @app.callback(
        Output(ids.MAP_REGION, "options"),
        Output(ids.MAP_REGION, "value", allow_duplicate=True),
        Input(ids.MAP_LEVEL, "value"),
        State(ids.MAP_REGION, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def update_region_choices(level, region, search):
        state, _ = parse_query(search)
        choices = region_choices(data, level, state.lang)
        codes = {o["value"] for o in choices}
        if region is None or region in codes:
            # nothing to reset: setting the value anyway would fire update_view a second time
            # (a second round trip after the one the level switch already made)
            return choices, no_update
        return choices, None

    # A Land chosen in the region box at Kreis level opens that Land's view (the box offers
    # Länder there; a journalist types "Bayern", not a Kreis). In the browser: a Kreis choice
    # costs no extra round trip, and update_view waits for this before it runs. At Land
    # level a Land is the region itself (a click on it or the box opens its details).
    app.clientside_callback(
        """function (region, level) {
            const skip = window.dash_clientside.no_update;
            if (level !== "kreis" || !region || region.length !== 2) {
                return [skip, skip];
            }
            return [region, null];
        }""",
        Output(ids.MAP_LAND, "value"),
        Output(ids.MAP_REGION, "value", allow_duplicate=True),
        Input(ids.MAP_REGION, "value"),
        State(ids.MAP_LEVEL, "value"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.MAP_REGION, "value", allow_duplicate=True),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.MAP_GRAPH, "clickData"),
        *[Input(ids.compare_graph(c), "clickData") for c in metrics.CATEGORIES],
        State(ids.MAP_LEVEL, "value"),
        State(ids.snapshot(KEY), "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def click_region(*args):
        """A click on a region opens it; a click on a provider point opens its region and
        marks the provider (star on the map, highlighted row with its source link)."""
        level, snapshot_id, search = args[-3], args[-2], args[-1]
        click = cbx.triggered[0]["value"] if cbx.triggered else None
        if not click or not click.get("points"):
            return no_update, no_update
        point = click["points"][0]
        code = point.get("location") or point.get("customdata")
        if isinstance(code, list):
            code = code[0] if code else None
        provider_id = None
        if point.get("curveNumber") in (TRACES.index("points"), TRACES.index("provider")):
            snapshot, _ = data.resolve(snapshot_id)
            found = find_provider(data, int(snapshot["id"]), str(code)) if snapshot else None
            key = "kreis_ars" if level == "kreis" else "land_code"
            provider_id = found.get("source_id") if found else None
            code = found.get(key) if found else None
        codes = set(data.regions(level)["code"])
        if code not in codes:
            return no_update, no_update
        state, _ = parse_query(search)
        if state.provider == provider_id:
            return code, no_update
        return code, merge_query(search, provider=provider_id, region=code)
