"""Every Gemeinde of the Erreichbarkeit Gemeinde map in a sortable, searchable AG Grid: the
keyboard and screen-reader path to every value the map shows (issue 17, item 2).

All rows go to the browser once (10,997 at most, about 1.5 MB of JSON); AG Grid draws only
the visible ones (row virtualisation), and the search box filters in the browser (AG Grid's
quick filter), so typing costs no request.

On a page load the grid comes after the map (`deferred`): the page's layout holds its
heading and hint and a slot saying the rows are loading; once the map has drawn its Gemeinden the
browser asks for the grid (ROWS_ASKED), and the server answers it (search box, status line
and grid with its rows) into the slot. In the layout the rows were half of its 3 MB answer, and the
browser parsed them, loaded AG Grid (2 MB of script) and took them in before plotly.js could
draw the map (bench/browser.py, GEMEINDE_BREAKDOWN). A grid sent by a later callback (a new
plan, Land or category) comes whole, with its rows.

A change of plan sends only the rows it changed (`changed_rows`, a few hundred), applied as
an AG Grid transaction by their ARS (`getRowId`): re-sending every row cost ~130 ms of a
planning click and 1.9 MB. A plan made before the deferred grid has come waits for it
(`APPLY_ROWS` waits for the grid's API); the grid then comes with the rows of the URL at
that moment, which holds the plan.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import dash_ag_grid as dag
import pandas as pd
from dash import Dash, Input, Output, State, dcc, html, no_update

from dashboard.figures.access_gemeinde import planned_rows
from dashboard.frame import ids
from dashboard.model.state import parse_query
from dashboard.pages.grid import COLUMN_DEFAULTS, GRID_CLASS, grid_options
from dashboard.text.describe_gemeinden import where_label
from dashboard.text.i18n import fmt_number, t

# ids of this module's components (kept here, not in frame.ids: other branches edit that)
GRID = "access-gemeinde-grid"
SEARCH = "access-gemeinde-search"
COUNT = "access-gemeinde-count"
HEADING = "access-gemeinde-heading"
GRID_HEIGHT = "480px"
SLOT_HEIGHT = "560px"  # the search box above the grid
SLOT = "access-gemeinde-grid-slot"  # only in a deferred section: where the grid comes
ROWS_WANTED = "access-gemeinde-rows-wanted"  # likewise: the grid is to come
ROWS_ASKED = "access-gemeinde-rows-asked"  # set in the browser once the map is drawn
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


def gemeinde_grid(gemeinden: pd.DataFrame | None, land: str | None, lang: str,
                  deferred: bool = False) -> Any:  # fmt: skip
    """The heading, a labelled search box and the grid of every Gemeinde of the view; an empty
    Div at Kreis level (no Gemeinde frame). `deferred`: the grid without its rows, which the
    browser asks for once the map is drawn (the page's first answer)."""
    if gemeinden is None:
        return html.Div()
    where = where_label(land, lang)
    total = fmt_number(len(gemeinden), lang)
    count = t("access.gem.grid.count", lang, shown=total, total=total)
    # non-empty data: a memory dcc.Store holding None sets its data again when mounted; the
    # slot as tall as search box and grid, so nothing below it moves when they come, and
    # saying meanwhile that they are coming
    loading = html.P(t("access.gem.grid.loading", lang, total=total), role="status",
                     className="result-count")  # fmt: skip
    grid = [dcc.Store(id=ROWS_WANTED, data=True), dcc.Store(id=ROWS_ASKED, data=0),
            html.Div(loading, id=SLOT, style={"minHeight": SLOT_HEIGHT})] if deferred else \
        searchable_grid(grid_rows(gemeinden), lang, count)  # fmt: skip
    return html.Section(
        [
            html.H3(t("access.gem.grid.heading", lang, where=where), id=HEADING),
            html.P(t("access.gem.grid.hint", lang, total=total), className="hint"),
            *grid,
        ],
        className="access-gemeinde-grid", **{"aria-labelledby": HEADING},
    )  # fmt: skip


def searchable_grid(rows: list[dict[str, Any]], lang: str, count: str | None = None
                    ) -> list[Any]:  # fmt: skip
    """The search box, the status line (`count`, or every row shown) and the grid holding
    `rows` (grid_rows). Together, also in a deferred section: the quick filter takes search
    box and grid, and Dash refuses a callback whose inputs are only partly on the page."""
    if count is None:
        total = fmt_number(len(rows), lang)
        count = t("access.gem.grid.count", lang, shown=total, total=total)
    return [
        html.Div([
            html.Label(t("access.gem.grid.search", lang), htmlFor=SEARCH),
            # persistence: a redraw of this section (a new plan) keeps what was typed
            dcc.Input(id=SEARCH, type="search", value="", debounce=False,
                      persistence=True, persistence_type="memory",
                      placeholder=t("access.gem.grid.placeholder", lang),
                      className="search-input", autoComplete="off"),
        ], className="control search-control"),
        html.P(count, id=COUNT, role="status", className="result-count"),
        ag_grid(rows, lang),
    ]  # fmt: skip


def ag_grid(rows: list[dict[str, Any]], lang: str) -> dag.AgGrid:
    """The grid itself, holding `rows` (grid_rows)."""
    return dag.AgGrid(
        id=GRID, rowData=rows, columnDefs=column_defs(lang), getRowId="params.data.ars",
        defaultColDef={**COLUMN_DEFAULTS, "wrapHeaderText": True, "autoHeaderHeight": True},
        dashGridOptions=grid_options(lang, suppressColumnVirtualisation=True),
        className=GRID_CLASS, style={"height": GRID_HEIGHT, "width": "100%"},
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


# The deferred grid: asked for once the map has drawn its Gemeinden (at most 20 s after the
# section came, so a map that cannot draw still leaves the grid there). The server's answer
# goes to SLOT, which only a deferred section has: a section that a later callback sent in
# its place (with its own grid) never gets it.
ASK_FOR_ROWS = """
async function (wanted) {
    for (let i = 0; i < 200; i++) {
        const gd = document.querySelector('#MAP .js-plotly-plot');
        if (gd && gd.querySelector('.choroplethlocation')) { break; }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    // one frame more: the map is painted before the grid is built
    await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return Date.now();
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


def register_grid_callbacks(app: Dash, rows_of: Callable[[str | None], list | None]) -> None:
    """The deferred grid (`rows_of(url search)`: the rows of the view that URL shows, None
    when it shows no Gemeinde grid), the quick filter and its row count."""
    app.clientside_callback(
        ASK_FOR_ROWS.replace("MAP", ids.ACCESS_MAP),
        Output(ROWS_ASKED, "data"),
        Input(ROWS_WANTED, "data"),
    )

    @app.callback(Output(SLOT, "children"), Input(ROWS_ASKED, "data"),
                  State(ids.URL, "search"), prevent_initial_call=True)  # fmt: skip
    def deferred_grid(asked: int | None, search: str | None):
        rows = rows_of(search) if asked else None
        return no_update if rows is None else searchable_grid(rows, parse_query(search)[0].lang)

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
            dcc.Store(id=ROWS_WANTED), dcc.Store(id=ROWS_ASKED), html.Div(id=SLOT),
            rows_store()]  # fmt: skip
