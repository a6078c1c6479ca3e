"""Karte: the choropleth of a category and metric at Land or Kreis level, a comparison of the
three categories, provider points, and the details of a clicked region.

Geometry is referenced by URL, so the first figure of a level carries no shapes either; after
that, changing metric, category, classes, snapshot or points sends a Patch with values only.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dash import Dash, Input, Output, Patch, State, dcc, html, no_update
from dash import callback_context as cbx

from dashboard import ids, metrics
from dashboard.context import PageContext
from dashboard.data import AtlasData, find_provider, map_frame
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
from dashboard.geometry import url_path
from dashboard.i18n import t
from dashboard.map_description import (
    description_box,
    description_validation,
    register_description,
)
from dashboard.pages.controls import dropdown, options, radio_group
from dashboard.pages.details import details_panel
from dashboard.pages.timeline import register_timeline, timeline, validation_components
from dashboard.state import merge_query, parse_query

KEY = "karte"
SINGLE_HEIGHT = 620
COMPARE_HEIGHT = 540


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
):
    """The map figure as the app shows it (geometry by URL)."""
    if snapshot_id is None:
        return empty_map(t("notice.no_snapshot", lang), height)
    frame = map_frame(data, snapshot_id, level, category)
    provider = find_provider(data, snapshot_id, provider_id) if provider_id else None
    return choropleth_figure(
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
    )


def value_patch(
    figure: Any, traces: tuple[str, ...] = TRACES, keys: dict[str, tuple[str, ...]] | None = None
) -> Patch:
    """A Patch carrying only the value, colour and text keys of the named traces (or just
    `keys[trace]` where given), and the title: never geometry."""
    new = figure.to_plotly_json()
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
    app: Dash, component_id: str, figure: Any, lang: str, label: str, height: int = SINGLE_HEIGHT
) -> html.Figure:
    """The graph inside a <figure> whose caption says what it shows (for screen readers).
    Responsive graphs take their container's size, so the height is set on the container."""
    graph = dcc.Graph(
        id=component_id,
        figure=figure,
        className="map-graph",
        config=graph_config(app.get_asset_url("topojson/"), lang, filename="ala-atlas-karte"),
        responsive=True,
        style={"height": f"{height}px"},
    )
    return html.Figure(
        [html.Figcaption(label, className="visually-hidden"), graph], className="graph-figure"
    )


def _compare_figures(ctx: PageContext, region: str | None) -> list[Any]:
    s = ctx.state
    return [
        build_map(
            ctx.app,
            ctx.data,
            ctx.snapshot_id,
            level=s.level,
            category=cat,
            metric=s.metric,
            classes=s.classes,
            lang=s.lang,
            region=region,
            height=COMPARE_HEIGHT,
            title=t(f"category.{cat}.short", s.lang),
            compact=True,
        )
        for cat in metrics.CATEGORIES
    ]


def _controls(ctx: PageContext, region: str | None) -> html.Div:
    s, lang = ctx.state, ctx.lang
    return html.Div(
        [
            radio_group(
                ids.MAP_LEVEL,
                t("level.label", lang),
                options("level", metrics.LEVELS, lang),
                s.level,
            ),
            radio_group(
                ids.MAP_CATEGORY,
                t("category.label", lang),
                options("category", metrics.CATEGORIES, lang),
                s.category,
            ),
            radio_group(
                ids.MAP_METRIC,
                t("metric.label", lang),
                options("metric", metrics.METRICS, lang),
                s.metric,
            ),
            radio_group(
                ids.MAP_CLASSES,
                t("classes.label", lang),
                options("classes", metrics.CLASSIFICATIONS, lang),
                s.classes,
            ),
            radio_group(
                ids.MAP_VIEW,
                t("view.label", lang),
                options("view", ("single", "compare"), lang),
                s.view,
            ),
            html.Div(
                dcc.Checklist(
                    id=ids.MAP_POINTS,
                    options=[{"label": t("points.label", lang), "value": "on"}],
                    value=["on"] if s.points else [],
                    className="checkbox",
                ),
                className="control",
            ),
            dropdown(
                ids.MAP_REGION,
                t("region.label", lang),
                ctx.data.region_options(s.level),
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


def layout(ctx: PageContext) -> html.Div:
    s, lang = ctx.state, ctx.lang
    region = _region_ok(ctx)
    provider_id = _provider_ok(ctx)
    if provider_id is not None and region is None:
        found = find_provider(ctx.data, ctx.snapshot_id, provider_id)
        key = "kreis_ars" if s.level == "kreis" else "land_code"
        region = found.get(key) if found else None
    compare = s.view == "compare"
    single = build_map(
        ctx.app,
        ctx.data,
        ctx.snapshot_id,
        level=s.level,
        category=s.category,
        metric=s.metric,
        classes=s.classes,
        lang=lang,
        region=region,
        points=s.points or bool(provider_id),
        provider_id=provider_id,
    )
    label = t("map.aria", lang, title=map_title(s.metric, s.category, s.level, lang))
    single_box = html.Div(
        [
            _graph(ctx.app, ids.MAP_GRAPH, single, lang, label),
            buttons.slot(ids.MAP_EXPORT_SLOT, buttons.MAP_FORMATS, lang),
        ],
        id=ids.MAP_SINGLE_BOX,
        hidden=compare,
        className="map-box",
    )
    compare_figures = _compare_figures(ctx, region) if compare else [{}, {}, {}]
    compare_box = html.Div(
        [
            html.Div(
                _graph(
                    ctx.app,
                    ids.compare_graph(cat),
                    fig,
                    lang,
                    t("map.aria", lang, title=t(f"category.{cat}", lang)),
                    height=COMPARE_HEIGHT,
                ),
                className="compare-cell",
            )
            for cat, fig in zip(metrics.CATEGORIES, compare_figures, strict=True)
        ] + [buttons.slot(buttons.COMPARE_SLOT, buttons.CHART_FORMATS, lang)],
        id=ids.MAP_COMPARE_BOX,
        hidden=not compare,
        className="compare-grid",
    )
    drawn = {"level": s.level} if ctx.snapshot_id else {}
    if ctx.state.embed:
        return html.Div(
            [
                single_box,
                compare_box,
                dcc.Store(id=ids.MAP_DRAWN, data=drawn),
                dcc.Store(id=ids.COMPARE_DRAWN, data={"level": s.level} if compare else {}),
            ]
        )
    table_href = ctx.path("tabelle") + merge_query("?" + _query_of(ctx), region=None, provider=None)
    return html.Div(
        [
            html.H1(t("karte.heading", lang)),
            html.Div(
                [
                    html.Div(_controls(ctx, region), className="karte-side"),
                    html.Div(
                        [
                            timeline(ctx, KEY),
                            single_box,
                            compare_box,
                            description_box(ctx),  # generated text alternative (issue 13)
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
                ],
                className="karte-layout",
            ),
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
                ),
                id=ids.MAP_DETAILS,
                className="details",
                **{"aria-live": "polite"},
            ),
            dcc.Store(id=ids.MAP_DRAWN, data=drawn),
            dcc.Store(id=ids.COMPARE_DRAWN, data={"level": s.level} if compare else {}),
        ]
    )


def _query_of(ctx: PageContext) -> str:
    from dashboard.state import to_query

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
            description_validation(),
        ]
    )


def _changed() -> set[str]:
    return {item["prop_id"].split(".")[0] for item in cbx.triggered}


def register_callbacks(app: Dash, data: AtlasData) -> None:
    buttons.register_export(app, data, ids.MAP_EXPORT_SLOT, from_url.karte_request)
    register_timeline(app, data, KEY)
    buttons.register_export(app, data, buttons.COMPARE_SLOT, from_url.karte_compare_request)
    register_description(app, data)  # the map's text alternative follows the controls

    @app.callback(
        Output(ids.MAP_GRAPH, "figure"),
        Output(ids.MAP_DRAWN, "data"),
        Input(ids.MAP_LEVEL, "value"),
        Input(ids.MAP_CATEGORY, "value"),
        Input(ids.MAP_METRIC, "value"),
        Input(ids.MAP_CLASSES, "value"),
        Input(ids.MAP_POINTS, "value"),
        Input(ids.MAP_REGION, "value"),
        Input(ids.snapshot(KEY), "value"),
        State(ids.MAP_DRAWN, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def update_map(level, category, metric, classes, points, region, snapshot_id, drawn, search):
        state, _ = parse_query(search)
        snapshot, _ = data.resolve(snapshot_id)
        sid = None if snapshot is None else int(snapshot["id"])
        figure = build_map(
            app,
            data,
            sid,
            level=level,
            category=category,
            metric=metric,
            classes=classes,
            lang=state.lang,
            region=region,
            points=bool(points) or bool(state.provider),
            provider_id=state.provider,
        )
        if sid is None or not drawn or drawn.get("level") != level:
            return figure, {"level": level}
        changed = _changed()
        if changed <= {ids.MAP_METRIC, ids.MAP_CLASSES}:
            # same category, snapshot and language: hover texts stand, send values only
            return value_patch(figure, keys=METRIC_KEYS), no_update
        if changed == {ids.MAP_REGION}:
            return value_patch(figure, ("selected", "provider")), no_update
        if changed == {ids.MAP_POINTS}:
            return value_patch(figure, ("points", "provider")), no_update
        return value_patch(figure), no_update

    compare_outputs = [Output(ids.compare_graph(c), "figure") for c in metrics.CATEGORIES]

    @app.callback(
        *compare_outputs,
        Output(ids.COMPARE_DRAWN, "data"),
        Output(ids.MAP_SINGLE_BOX, "hidden"),
        Output(ids.MAP_COMPARE_BOX, "hidden"),
        Input(ids.MAP_VIEW, "value"),
        Input(ids.MAP_LEVEL, "value"),
        Input(ids.MAP_METRIC, "value"),
        Input(ids.MAP_CLASSES, "value"),
        Input(ids.MAP_REGION, "value"),
        Input(ids.snapshot(KEY), "value"),
        State(ids.COMPARE_DRAWN, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def update_compare(view, level, metric, classes, region, snapshot_id, drawn, search):
        compare = view == "compare"
        if not compare:
            return no_update, no_update, no_update, no_update, False, True
        state, _ = parse_query(search)
        snapshot, _ = data.resolve(snapshot_id)
        sid = None if snapshot is None else int(snapshot["id"])
        figures = [
            build_map(
                app,
                data,
                sid,
                level=level,
                category=cat,
                metric=metric,
                classes=classes,
                lang=state.lang,
                region=region,
                height=COMPARE_HEIGHT,
                title=t(f"category.{cat}.short", state.lang),
                compact=True,
            )
            for cat in metrics.CATEGORIES
        ]
        if sid is not None and drawn and drawn.get("level") == level:
            lean = _changed() <= {ids.MAP_METRIC, ids.MAP_CLASSES}
            figures = [value_patch(f, keys=METRIC_KEYS if lean else None) for f in figures]
        return (*figures, {"level": level}, True, False)

    @app.callback(
        Output(ids.MAP_REGION, "options"),
        Output(ids.MAP_REGION, "value", allow_duplicate=True),
        Input(ids.MAP_LEVEL, "value"),
        State(ids.MAP_REGION, "value"),
        prevent_initial_call=True,
    )
    def region_choices(level, region):
        choices = data.region_options(level)
        codes = {o["value"] for o in choices}
        return choices, region if region in codes else None

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

    @app.callback(
        Output(ids.MAP_DETAILS, "children"),
        Input(ids.MAP_REGION, "value"),
        Input(ids.MAP_LEVEL, "value"),
        Input(ids.MAP_CATEGORY, "value"),
        Input(ids.MAP_METRIC, "value"),
        Input(ids.snapshot(KEY), "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def update_details(region, level, category, metric, snapshot_id, search):
        state, _ = parse_query(search)
        snapshot, _ = data.resolve(snapshot_id)
        sid = None if snapshot is None else int(snapshot["id"])
        return details_panel(data, sid, level, category, metric, region, state.lang, state.provider)

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.MAP_LEVEL, "value"),
        Input(ids.MAP_CATEGORY, "value"),
        Input(ids.MAP_METRIC, "value"),
        Input(ids.MAP_CLASSES, "value"),
        Input(ids.MAP_VIEW, "value"),
        Input(ids.MAP_POINTS, "value"),
        Input(ids.MAP_REGION, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def keep_url(level, category, metric, classes, view, points, region, search):
        state, _ = parse_query(search)
        new = replace(
            state,
            level=level,
            category=category,
            metric=metric,
            classes=classes,
            view=view,
            points=bool(points),
            region=region or None,
        )
        from dashboard.state import to_query

        query = to_query(new)
        return query if query != (search or "") else no_update
