"""Tabelle: every region with every metric (sortable, filterable), the total row, and a
ranking chart beside it. Also the table alternative to the map."""

from __future__ import annotations

from dataclasses import replace

import dash_ag_grid as dag
import pandas as pd
from dash import Dash, Input, Output, State, dcc, html, no_update

import geodata
from dashboard.exports import buttons, from_url
from dashboard.figures.choropleth import empty_map
from dashboard.figures.plotly_locale import REMOVED_BUTTONS, locales
from dashboard.figures.ranking import ranking_figure, ranking_title, unique_names
from dashboard.frame import ids
from dashboard.model import metrics
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.state import parse_query, to_query
from dashboard.pages.controls import dropdown, options, radio_group
from dashboard.pages.grid import COLUMN_DEFAULTS, GRID_CLASS, LINK_COLUMN, grid_options
from dashboard.text.describe import ranking_description
from dashboard.text.i18n import t
from dashboard.text.map_description import caption_block
from dashboard.views.profile_links import profile_path
from dashboard.views.region_table import RANK_METRICS, column_defs, table_rows

KEY = "tabelle"


def not_recorded_notice(frame: pd.DataFrame | None, category: str, lang: str) -> str:
    """The notice over the grid when the snapshot did not record the category ("" if it did)."""
    if frame is None or metrics.is_recorded(frame):
        return ""
    return t("notice.not_recorded", lang, category=t(f"category.{category}", lang))


def _land_options(lang: str) -> list[dict[str, str]]:
    return [{"label": t("table.land.all", lang), "value": ""}] + [
        {"label": name, "value": code} for code, name in sorted(geodata.LAENDER.items())
    ]


def ranking_subject(category: str, land: str | None, lang: str) -> str:
    """What the ranking ranks, for its title: "aLA" or "aLA in Bayern" (an embedded chart
    has no controls around it to say so)."""
    short = t(f"category.{category}.short", lang)
    return short if land is None else t("land.title", lang, title=short,
                                        land=geodata.LAENDER[land])


def with_profile_links(app: Dash, rows: list[dict], cols: list[dict], lang: str) -> list[dict]:
    """The name column as links to each region's profile (`profile` in the row data, read by
    assets/dashAgGridComponentFunctions.js); the exports' columns stay as they are."""
    for row in rows:
        row["profile"] = app.get_relative_path(profile_path(row["code"], lang))
    return [dict(col, **LINK_COLUMN) if col["field"] == "name" else col for col in cols]


def _content(
    data: AtlasData,
    snapshot: dict | None,
    level: str,
    category: str,
    land: str | None,
    metric: str,
    lang: str,
):
    if snapshot is None:
        return [], [], column_defs(level, category, lang, metric), {}, "", ""
    frame = data.region_metrics(int(snapshot["id"]), level, category)
    rows, total, part = table_rows(frame, level, land, lang)
    # on screen, a name used twice says its kind ("München (Landkreis)"), as the bars do; the
    # files keep the official name beside their kind column
    for row, name in zip(rows, unique_names(part, lang), strict=True):
        row["name"] = name
    notice = not_recorded_notice(frame, category, lang)
    # nothing to rank: an empty chart would read as "no region has any"
    figure = empty_map(notice, 320) if notice else ranking_figure(
        part, metric, lang=lang, subject=ranking_subject(category, land, lang))
    # the chart's text alternative, from the same rows the bars are drawn from
    described = ranking_description(part, metric, category, level,
                                    str(snapshot["taken_at"])[:10], lang)
    return rows, total, column_defs(level, category, lang, metric), figure, notice, described


def layout(ctx: PageContext) -> html.Div:
    s, lang = ctx.state, ctx.lang
    metric = s.metric if s.metric in RANK_METRICS else "count"
    land = s.land if s.level == "kreis" else None
    rows, total, cols, figure, notice, described = _content(
        ctx.data, ctx.snapshot, s.level, s.category, land, metric, lang
    )
    cols = with_profile_links(ctx.app, rows, cols, lang)
    grid = dag.AgGrid(
        id=ids.TABLE_GRID,
        rowData=rows,
        columnDefs=cols,
        defaultColDef={**COLUMN_DEFAULTS, "minWidth": 90, "wrapHeaderText": True,
                       "autoHeaderHeight": True},
        dashGridOptions=grid_options(
            lang, pinnedBottomRowData=total, suppressColumnVirtualisation=True
        ),
        className=GRID_CLASS,
        style={"height": "620px", "width": "100%"},
    )
    ranking = dcc.Graph(
        id=ids.TABLE_RANKING,
        figure=figure,
        className="ranking-graph",
        config={
            "displaylogo": False,
            "locale": lang,
            "locales": locales(),
            "modeBarButtonsToRemove": REMOVED_BUTTONS,
        },
    )
    ranking = html.Figure(
        [
            html.Figcaption(
                ranking_title(metric, lang, ranking_subject(s.category, land, lang)),
                id=ids.TABLE_RANKING_CAPTION,
                className="visually-hidden",
            ),
            ranking,
        ],
        className="graph-figure",
        **{"aria-describedby": ids.TABLE_RANKING_DESCRIPTION},
    )
    ranking = html.Div([ranking, caption_block(ids.TABLE_RANKING_DESCRIPTION, described, lang)])
    controls = html.Div(
        [
            radio_group(
                ids.TABLE_LEVEL,
                t("level.label", lang),
                options("level", metrics.LEVELS, lang),
                s.level,
            ),
            radio_group(
                ids.TABLE_CATEGORY,
                t("category.label", lang),
                options("category", metrics.CATEGORIES, lang),
                s.category,
            ),
            dropdown(
                ids.TABLE_LAND,
                t("table.land.label", lang),
                _land_options(lang),
                land or "",
                clearable=False,
                disabled=s.level != "kreis",
                className="land-select",
            ),
            radio_group(
                ids.TABLE_METRIC,
                t("table.metric.label", lang),
                options("metric", RANK_METRICS, lang),
                metric,
            ),
        ],
        className="controls",
    )
    notice_box = html.P(
        notice,
        id=ids.TABLE_NOTICE,
        className="notice not-recorded",
        role="status",
        hidden=not notice,
    )
    if s.embed:
        # the controls stay, hidden: the table's callbacks read them with the snapshot picker
        return html.Div([notice_box, ranking, html.Div([controls, grid], hidden=True)])
    return html.Div(
        [
            html.H1(t("table.heading", lang)),
            controls,
            html.Div(
                [
                    html.Div(
                        [
                            html.P(t("table.aria", lang), className="hint", id="tabelle-hint"),
                            notice_box,
                            grid,
                            buttons.slot(ids.TABLE_EXPORT_SLOT, buttons.TABLE_DATA_FORMATS, lang),
                        ],
                        className="table-cell",
                    ),
                    html.Div(
                        [ranking,
                         buttons.slot(ids.RANKING_EXPORT_SLOT, buttons.CHART_FORMATS, lang)],
                        className="ranking-cell",
                    ),
                ],
                className="table-layout",
            ),
        ]
    )


def validation_layout() -> html.Div:
    return html.Div(
        [
            dcc.RadioItems(id=ids.TABLE_LEVEL),
            dcc.RadioItems(id=ids.TABLE_CATEGORY),
            dcc.Dropdown(id=ids.TABLE_LAND),
            dcc.RadioItems(id=ids.TABLE_METRIC),
            dag.AgGrid(id=ids.TABLE_GRID),
            html.P(id=ids.TABLE_NOTICE),
            dcc.Graph(id=ids.TABLE_RANKING),
            html.P(id=ids.TABLE_RANKING_DESCRIPTION),
            html.Figcaption(id=ids.TABLE_RANKING_CAPTION),
            buttons.validation_slot(ids.TABLE_EXPORT_SLOT),
            buttons.validation_slot(ids.RANKING_EXPORT_SLOT),
        ]
    )


def register_callbacks(app: Dash, data: AtlasData) -> None:
    # the table's file follows the grid as the user sorted/filtered it; the chart's does not
    buttons.register_export(
        app, data, ids.TABLE_EXPORT_SLOT, from_url.tabelle_request, grid=(ids.TABLE_GRID, "code")
    )
    buttons.register_export(app, data, ids.RANKING_EXPORT_SLOT, from_url.tabelle_request)

    @app.callback(
        Output(ids.TABLE_GRID, "rowData"),
        Output(ids.TABLE_GRID, "dashGridOptions"),
        Output(ids.TABLE_GRID, "columnDefs"),
        Output(ids.TABLE_RANKING, "figure"),
        Output(ids.TABLE_RANKING_DESCRIPTION, "children"),
        Output(ids.TABLE_RANKING_CAPTION, "children"),
        Output(ids.TABLE_LAND, "disabled"),
        Output(ids.TABLE_NOTICE, "children"),
        Output(ids.TABLE_NOTICE, "hidden"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.TABLE_LEVEL, "value"),
        Input(ids.TABLE_CATEGORY, "value"),
        Input(ids.TABLE_LAND, "value"),
        Input(ids.TABLE_METRIC, "value"),
        Input(ids.snapshot(KEY), "value"),
        State(ids.TABLE_GRID, "dashGridOptions"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def update_table(level, category, land, metric, snapshot_id, grid_options, search):
        state, _ = parse_query(search)
        snapshot, _ = data.resolve(snapshot_id)
        land = land if level == "kreis" and land else None
        rows, total, cols, figure, notice, described = _content(
            data, snapshot, level, category, land, metric, state.lang
        )
        cols = with_profile_links(app, rows, cols, state.lang)
        caption = ranking_title(metric, state.lang, ranking_subject(category, land, state.lang))
        options_ = dict(grid_options or {}, pinnedBottomRowData=total)
        query = to_query(replace(state, level=level, category=category, land=land, metric=metric))
        return (
            rows,
            options_,
            cols,
            figure,
            described,
            caption,
            level != "kreis",
            notice,
            not notice,
            query if query != (search or "") else no_update,
        )
