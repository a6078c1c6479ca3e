"""Anbieter: every provider of the shown snapshot, searchable by name, Träger and place, with
filters for Land, category and service; a chosen provider can be shown on the map."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import dash_ag_grid as dag
import pandas as pd
from dash import Dash, Input, Output, State, dcc, html, no_update

import geodata
from dashboard.exports import buttons, from_url
from dashboard.frame import ids
from dashboard.model import metrics
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.state import SERVICES, ViewState, parse_query, to_query
from dashboard.pages.controls import dropdown
from dashboard.pages.grid import COLUMN_DEFAULTS, GRID_CLASS, grid_options
from dashboard.text.i18n import fmt_number, service_name, t
from dashboard.views.provider_table import column_defs, grid_rows, search_providers

KEY = "anbieter"


def _filtered(data: AtlasData, sid: int | None, s: ViewState) -> pd.DataFrame | None:
    if sid is None:
        return None
    return search_providers(data.providers(sid), s.q, s.pland, s.pcat, s.service)


def map_link(ctx_path: str, state: ViewState, provider: dict[str, Any] | None) -> str:
    """Link to the map at Kreis level with the provider highlighted and its Kreis open."""
    if not provider:
        return ctx_path
    view = replace(
        state,
        provider=provider["source_id"],
        points=True,
        level="kreis",
        category=_category_key(provider),
        region=None,
        view="single",
        q="",
        pland=None,
        pcat=None,
        service=None,
    )
    return ctx_path + to_query(view)


def _category_key(provider: dict[str, Any]) -> str:
    value = provider.get("category_key") or provider.get("category")
    return value if value in metrics.CATEGORIES else "ala"


def count_text(snapshot: dict[str, Any] | None, category: str | None, n: int, lang: str) -> str:
    """How many providers the search found, and a word when the chosen kind was not recorded
    in the snapshot (an empty list there means "not looked at", not "none")."""
    text = t("providers.count", lang, n=fmt_number(n, lang))
    if snapshot is not None and category and category not in snapshot["counts"]:
        text += " " + t("notice.not_recorded", lang, category=t(f"category.{category}", lang))
    return text


def layout(ctx: PageContext) -> html.Div:
    s, lang = ctx.state, ctx.lang
    found = _filtered(ctx.data, ctx.snapshot_id, s)
    rows = grid_rows(found, lang) if found is not None else []
    land_options = [{"label": t("providers.all", lang), "value": ""}] + [
        {"label": name, "value": code} for code, name in sorted(geodata.LAENDER.items())
    ]
    cat_options = [{"label": t("providers.all", lang), "value": ""}] + [
        {"label": t(f"category.{c}", lang), "value": c} for c in metrics.CATEGORIES
    ]
    service_options = [{"label": t("providers.all", lang), "value": ""}] + [
        {"label": service_name(sv, lang), "value": sv} for sv in SERVICES
    ]
    return html.Div(
        [
            html.H1(t("providers.heading", lang)),
            html.Div(
                [
                    html.Div(
                        [
                            html.Label(
                                t("providers.search.label", lang), htmlFor=ids.PROVIDER_SEARCH
                            ),
                            dcc.Input(
                                id=ids.PROVIDER_SEARCH,
                                type="text",
                                value=s.q,
                                debounce=0.3,
                                placeholder=t("providers.search.placeholder", lang),
                                className="search-input",
                            ),
                        ],
                        className="control search-control",
                    ),
                    dropdown(
                        ids.PROVIDER_LAND,
                        t("providers.land.label", lang),
                        land_options,
                        s.pland or "",
                        clearable=False,
                        className="land-select",
                    ),
                    dropdown(
                        ids.PROVIDER_CATEGORY,
                        t("providers.category.label", lang),
                        cat_options,
                        s.pcat or "",
                        clearable=False,
                    ),
                    dropdown(
                        ids.PROVIDER_SERVICE,
                        t("providers.service.label", lang),
                        service_options,
                        s.service or "",
                        clearable=False,
                    ),
                ],
                className="controls",
                role="search",
            ),
            html.P(
                count_text(ctx.snapshot, s.pcat, len(rows), lang),
                id=ids.PROVIDER_COUNT,
                role="status",
                className="result-count",
            ),
            html.P(t("providers.select_hint", lang), className="hint"),
            dag.AgGrid(
                id=ids.PROVIDER_GRID,
                rowData=rows,
                columnDefs=column_defs(lang),
                getRowId="params.data.source_id",
                defaultColDef=COLUMN_DEFAULTS,
                dashGridOptions=grid_options(
                    lang,
                    rowSelection={
                        "mode": "singleRow",
                        "checkboxes": False,
                        "enableClickSelection": True,
                    },
                    pagination=True,
                    paginationPageSize=50,
                    # the size picker points aria-controls at a list that exists only when open
                    paginationPageSizeSelector=False,
                ),
                className=GRID_CLASS,
                style={"height": "560px", "width": "100%"},
            ),
            html.Div(
                dcc.Link("", href=ctx.path("karte"), id=ids.PROVIDER_SHOW, className="button"),
                className="show-on-map",
                id=f"{ids.PROVIDER_SHOW}-box",
                hidden=True,
            ),
            buttons.slot(ids.PROVIDER_EXPORT_SLOT, buttons.TABLE_DATA_FORMATS, lang),
        ]
    )


def validation_layout() -> html.Div:
    return html.Div(
        [
            dcc.Input(id=ids.PROVIDER_SEARCH),
            dcc.Dropdown(id=ids.PROVIDER_LAND),
            dcc.Dropdown(id=ids.PROVIDER_CATEGORY),
            dcc.Dropdown(id=ids.PROVIDER_SERVICE),
            dag.AgGrid(id=ids.PROVIDER_GRID),
            html.P(id=ids.PROVIDER_COUNT),
            dcc.Link(id=ids.PROVIDER_SHOW, href="/"),
            html.Div(id=f"{ids.PROVIDER_SHOW}-box"),
            buttons.validation_slot(ids.PROVIDER_EXPORT_SLOT),
        ]
    )


def register_callbacks(app: Dash, data: AtlasData) -> None:
    buttons.register_export(
        app, data, ids.PROVIDER_EXPORT_SLOT, from_url.anbieter_request,
        grid=(ids.PROVIDER_GRID, "source_id"),
    )

    @app.callback(
        Output(ids.PROVIDER_GRID, "rowData"),
        Output(ids.PROVIDER_COUNT, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.PROVIDER_SEARCH, "value"),
        Input(ids.PROVIDER_LAND, "value"),
        Input(ids.PROVIDER_CATEGORY, "value"),
        Input(ids.PROVIDER_SERVICE, "value"),
        Input(ids.snapshot(KEY), "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def search(text, land, category, service, snapshot_id, query):
        state, _ = parse_query(query)
        new = replace(
            state,
            q=(text or "")[:120],
            pland=land or None,
            pcat=category or None,
            service=service or None,
        )
        snapshot, _ = data.resolve(snapshot_id)
        sid = None if snapshot is None else int(snapshot["id"])
        found = _filtered(data, sid, new)
        rows = grid_rows(found, state.lang) if found is not None else []
        new_query = to_query(new)
        return (
            rows,
            count_text(snapshot, new.pcat, len(rows), state.lang),
            new_query if new_query != (query or "") else no_update,
        )

    @app.callback(
        Output(ids.PROVIDER_SHOW, "href"),
        Output(ids.PROVIDER_SHOW, "children"),
        Output(f"{ids.PROVIDER_SHOW}-box", "hidden"),
        Input(ids.PROVIDER_GRID, "selectedRows"),
        State(ids.snapshot(KEY), "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def show_on_map(selected, snapshot_id, query):
        if not selected:
            return no_update, "", True
        state, _ = parse_query(query)
        snapshot, _ = data.resolve(snapshot_id)
        if snapshot is None:
            return no_update, "", True
        providers = data.providers(int(snapshot["id"]))
        hit = providers[providers["source_id"] == selected[0].get("source_id")]
        if hit.empty:
            return no_update, "", True
        provider = hit.iloc[0].to_dict()
        state = replace(state, snapshot=int(snapshot["id"]))
        href = map_link(app.get_relative_path("/karte"), state, provider)
        return href, t("providers.show", state.lang, name=provider["name"]), False
