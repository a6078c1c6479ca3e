"""Every Gemeinde of the Erreichbarkeit Gemeinde map in a sortable, searchable AG Grid: the
keyboard and screen-reader path to every value the map shows (issue 17, item 2).

All rows go to the browser once (10,997 at most, about 1 MB before compression); AG Grid
draws only the visible ones (row virtualisation), and the search box filters in the browser
(AG Grid's quick filter), so typing costs no request. A change of plan sends only the rows it
changed (`changed_rows`, a few hundred), applied as an AG Grid transaction by their ARS
(`getRowId`): re-sending every row cost ~130 ms of a planning click and 1.9 MB.
"""

from __future__ import annotations

import json
from typing import Any

import dash_ag_grid as dag
import pandas as pd
from dash import Dash, Input, Output, State, dcc, html

from dashboard.figures.access_gemeinde import planned_rows
from dashboard.frame import ids
from dashboard.pages.grid import COLUMN_DEFAULTS, GRID_CLASS, grid_options
from dashboard.text.describe_gemeinden import where_label
from dashboard.text.i18n import fmt_number, t

# ids of this module's components (kept here, not in frame.ids: other branches edit that)
GRID = "access-gemeinde-grid"
SEARCH = "access-gemeinde-search"
COUNT = "access-gemeinde-count"
HEADING = "access-gemeinde-heading"
ROWS = "access-gemeinde-rows"  # the rows a change of plan changed: {"update": [row, …]}


def grid_rows(gemeinden: pd.DataFrame) -> list[dict[str, Any]]:
    """One row per Gemeinde: ARS (a string), name, Kreis, people, km (None where no provider
    is within reach), the nearest provider; farthest first, as the map's classes read."""
    ordered = gemeinden.sort_values(["nearest_km", "population"], ascending=[False, False],
                                    na_position="first")  # fmt: skip
    km = ordered["nearest_km"].round(1).astype(object)
    return [
        {"ars": str(a), "name": n, "kreis": k, "population": int(p),
         "km": None if pd.isna(d) else float(d), "nearest": near}
        for a, n, k, p, d, near in zip(ordered["ars"], ordered["name"], ordered["kreis"],
                                       ordered["population"], km, ordered["nearest"],
                                       strict=True)
    ]  # fmt: skip


def changed_rows(gemeinden: pd.DataFrame, shown: pd.DataFrame) -> list[dict[str, Any]]:
    """The grid rows of `gemeinden` whose km or nearest provider differ from the rows the grid
    `shown` (the same Gemeinden in the same order, e.g. with the plan before the change)."""
    return grid_rows(planned_rows(gemeinden, shown))


def rows_store() -> dcc.Store:
    """Where the page puts the rows a change of plan changed (APPLY_ROWS applies them)."""
    return dcc.Store(id=ROWS)


def _number(field: str, header: str, lang: str, decimals: int, **extra: Any) -> dict[str, Any]:
    return {
        "field": field, "headerName": header, "type": "numericColumn",
        "filter": "agNumberColumnFilter", "cellClass": "num", "minWidth": 110,
        # a planner sorts to find the largest: the first click sorts descending
        "sortingOrder": ["desc", "asc", None],
        "valueFormatter": {"function": f"atlasNumber(params.value, '{lang}', {decimals})"},
        **extra,
    }  # fmt: skip


def column_defs(lang: str) -> list[dict[str, Any]]:
    """Gemeinde pinned left and the km beside it (sorted, farthest first: what a phone shows
    without scrolling sideways), then people, Kreis, the nearest provider and the ARS."""
    return [
        # a wrapped name keeps a text line height (the row's 42 px put a blank line between)
        {"field": "name", "headerName": t("access.col.gemeinde", lang), "pinned": "left",
         "minWidth": 120, "width": 140, "filter": "agTextColumnFilter", "wrapText": True,
         "autoHeight": True,
         "cellStyle": {"lineHeight": "1.35", "paddingTop": "10px", "paddingBottom": "10px"}},
        # name and km fit a phone's 350 px side by side; the long header wraps
        _number("km", t("access.col.distance", lang), lang, 1, width=170, minWidth=120,
                sort="desc", wrapHeaderText=True, autoHeaderHeight=True),
        _number("population", t("access.col.population", lang), lang, 0, width=130),
        {"field": "kreis", "headerName": t("access.col.kreis", lang), "minWidth": 140,
         "width": 200, "filter": "agTextColumnFilter"},
        {"field": "nearest", "headerName": t("access.col.nearest", lang), "minWidth": 160,
         "width": 280, "filter": "agTextColumnFilter"},
        {"field": "ars", "headerName": t("access.col.ars", lang), "width": 150,
         "filter": "agTextColumnFilter"},
    ]  # fmt: skip


def gemeinde_grid(gemeinden: pd.DataFrame | None, land: str | None, lang: str) -> Any:
    """The heading, a labelled search box and the grid of every Gemeinde of the view; an empty
    Div at Kreis level (no Gemeinde frame)."""
    if gemeinden is None:
        return html.Div()
    where = where_label(land, lang)
    total = fmt_number(len(gemeinden), lang)
    return html.Section(
        [
            html.H3(t("access.gem.grid.heading", lang, where=where), id=HEADING),
            html.P(t("access.gem.grid.hint", lang, total=total), className="hint"),
            html.Div([
                html.Label(t("access.gem.grid.search", lang), htmlFor=SEARCH),
                # persistence: a redraw of this section (a new plan) keeps what was typed
                dcc.Input(id=SEARCH, type="search", value="", debounce=False,
                          persistence=True, persistence_type="memory",
                          placeholder=t("access.gem.grid.placeholder", lang),
                          className="search-input", autoComplete="off"),
            ], className="control search-control"),
            html.P(t("access.gem.grid.count", lang, shown=total, total=total), id=COUNT,
                   role="status", className="result-count"),
            dag.AgGrid(
                id=GRID, rowData=grid_rows(gemeinden), columnDefs=column_defs(lang),
                getRowId="params.data.ars",
                defaultColDef={**COLUMN_DEFAULTS, "wrapHeaderText": True,
                               "autoHeaderHeight": True},
                dashGridOptions=grid_options(lang, suppressColumnVirtualisation=True),
                className=GRID_CLASS, style={"height": "480px", "width": "100%"},
            ),
        ],
        className="access-gemeinde-grid", **{"aria-labelledby": HEADING},
    )  # fmt: skip


# The search box sets AG Grid's quick filter in the browser (every column, all words) and the
# status line says how many rows are left; no request per keystroke. The grid's rows are an
# input too, so a redrawn grid (a new plan) gets the typed filter again.
QUICK_FILTER = """
async function (text, rows, search) {
    // dash-ag-grid's functions come with its lazily loaded bundle: wait for them
    for (let i = 0; i < 200 && !(window.dash_ag_grid && window.dash_ag_grid.getApiAsync); i++) {
        await new Promise(resolve => setTimeout(resolve, 50));
    }
    const api = await window.dash_ag_grid.getApiAsync('GRID');
    api.setGridOption('quickFilterText', text || '');
    const en = new URLSearchParams(search || '').get('lang') === 'en';
    const fmt = new Intl.NumberFormat(en ? 'en-GB' : 'de-DE');
    return (en ? COUNT_EN : COUNT_DE)
        .replace('{shown}', fmt.format(api.getDisplayedRowCount()))
        .replace('{total}', fmt.format((rows || []).length));
}
"""


# The rows a change of plan changed, into the grid shown (sort and filter kept: AG Grid sorts
# and filters updated rows again), and the row count again (a search may match a new nearest
# provider).
APPLY_ROWS = """
async function (changed, search) {
    if (!changed || !changed.update) { return window.dash_clientside.no_update; }
    for (let i = 0; i < 200 && !(window.dash_ag_grid && window.dash_ag_grid.getApiAsync); i++) {
        await new Promise(resolve => setTimeout(resolve, 50));
    }
    const api = await window.dash_ag_grid.getApiAsync('GRID');
    api.applyTransaction({update: changed.update});
    let total = 0;
    api.forEachNode(() => { total += 1; });
    const en = new URLSearchParams(search || '').get('lang') === 'en';
    const fmt = new Intl.NumberFormat(en ? 'en-GB' : 'de-DE');
    return (en ? COUNT_EN : COUNT_DE)
        .replace('{shown}', fmt.format(api.getDisplayedRowCount()))
        .replace('{total}', fmt.format(total));
}
"""


def register_grid_callbacks(app: Dash) -> None:
    """The quick filter and its row count; the rows a change of plan changed."""
    count = {lang: json.dumps(t("access.gem.grid.count", lang, shown="{shown}",
                                total="{total}")) for lang in ("de", "en")}  # fmt: skip

    def script(source: str) -> str:
        return source.replace("GRID", GRID).replace("COUNT_DE", count["de"]).replace(
            "COUNT_EN", count["en"])  # fmt: skip

    app.clientside_callback(
        script(QUICK_FILTER),
        Output(COUNT, "children"),
        Input(SEARCH, "value"),
        Input(GRID, "rowData"),
        State(ids.URL, "search"),
    )  # fmt: skip
    app.clientside_callback(
        script(APPLY_ROWS),
        Output(COUNT, "children", allow_duplicate=True),
        Input(ROWS, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )  # fmt: skip


def validation_layout() -> list[Any]:
    return [dcc.Input(id=SEARCH), html.P(id=COUNT), dag.AgGrid(id=GRID), html.H3(id=HEADING),
            rows_store()]  # fmt: skip
