"""Export views of the Tabelle and Anbieter pages: the grid's rows and columns as shown.

Rows and column headers come from the builders the pages' grids use (`dashboard.views`:
`region_table.table_rows`, `region_table.column_defs`, `provider_table.search_providers`,
`provider_table.grid_rows`), so the file has
exactly what the grid shows: the same filter, the same columns in the same order, the total
row of the Tabelle page last. Numbers are rounded as the grid formats them. When the user
sorted, filtered, moved or hid columns inside the grid, the request names the shown row keys
and column ids (`ExportRequest.rows`/`columns`, see `grid_state`) and the file follows them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd
from sqlalchemy import Engine

import geodata
from dashboard.exports import grid_state
from dashboard.exports.provenance import provenance_of
from dashboard.exports.request import ExportRequest
from dashboard.exports.shared_data import export_data
from dashboard.exports.texts import xt
from dashboard.exports.views import (
    CHART_SIZE,
    View,
    level_subtitle,
    points_with_geometry,
    refuse_unrecorded,
    regions_in_order,
    snapshots_of,
)
from dashboard.figures.ranking import ranking_figure
from dashboard.text.describe import ranking_description
from dashboard.text.i18n import t
from dashboard.views import provider_table, region_table

_DECIMALS = {"per_100k": 2, "ala_share": 1, "ala_per_wfbm": 2}


def grid_frame(records: list[dict[str, Any]], column_defs: list[dict[str, Any]]) -> pd.DataFrame:
    """The grid's rows under its header names, in its column order."""
    fields = [col["field"] for col in column_defs]
    frame = pd.DataFrame.from_records(records, columns=fields)
    for field, decimals in _DECIMALS.items():
        if field in frame:
            frame[field] = pd.to_numeric(frame[field], errors="coerce").round(decimals)
    return frame.rename(columns={col["field"]: col["headerName"] for col in column_defs})


def table_view(engine: Engine, request: ExportRequest) -> View:
    snapshot, _ = snapshots_of(engine, request)
    lang = request.lang
    data = export_data(engine)
    land = request.land if request.level == "kreis" else None
    frame = data.region_metrics(snapshot["id"], request.level, request.category)
    refuse_unrecorded(frame, request.category)
    rows, total, part = region_table.table_rows(frame, request.level, land, lang)
    metric = request.metric if request.metric in region_table.RANK_METRICS else "count"
    all_columns = region_table.column_defs(request.level, request.category, lang, metric)
    # the rows and columns as the user arranged the grid (all, in page order, by default)
    positions = grid_state.pick_rows([row["code"] for row in rows], request.rows)
    columns = grid_state.pick_columns(all_columns, request.columns)
    shown = [rows[i] for i in positions]
    notes = grid_state.selection_notes(lang, positions, len(rows), columns, all_columns)
    if len(shown) < len(rows):
        # the grid pins the total of the whole table below whatever rows its filter leaves;
        # the file keeps that row as shown and says what it adds up
        notes += (xt("selection.total", lang, label=total[0]["name"], total=len(rows),
                     n=len(shown)),)
    prov = replace(provenance_of(snapshot, lang=lang), notes=notes)
    table = grid_frame(shown + total, columns)
    where = f", {geodata.LAENDER.get(land, land)}" if land else ""
    what = t(f"category.{request.category}", lang)
    by = xt(f"by.{request.level}", lang)
    title = xt("table", lang, what=what, by=by)
    if request.is_image:  # the ranking chart beside the grid
        title = xt("ranking", lang, what=what, metric=t(f"metric.{metric}", lang), by=by)
    return View(
        title=title + where,
        subtitle=level_subtitle(prov, request.level),
        provenance=prov,
        figure=ranking_figure(part, metric, lang=lang),
        legend_title=t(f"unit.{metric}", lang),
        size=CHART_SIZE,
        table=table,
        # the total row has no shape; the geo formats carry the regions only
        shapes=regions_in_order(
            request.level, table.iloc[: len(shown)], [row["code"] for row in shown]
        ),
        layer=f"{request.category}_{request.level}",
        # the ranking chart's text alternative, as the page shows it beside the chart
        description=ranking_description(part, metric, request.category, request.level,
                                        str(snapshot["taken_at"])[:10], lang),
    )


def providers_view(engine: Engine, request: ExportRequest) -> View:
    snapshot, _ = snapshots_of(engine, request)
    lang = request.lang
    data = export_data(engine)
    category = None if request.all_categories else request.category
    found = provider_table.search_providers(
        data.providers(snapshot["id"]), request.search or "", request.land, category,
        request.service,
    )
    records = provider_table.grid_rows(found, lang)
    for record, url in zip(records, found["source_url"], strict=True):
        record["source"] = url  # the grid renders a link; the file carries the address
    all_columns = provider_table.column_defs(lang)
    positions = grid_state.pick_rows([str(r["source_id"]) for r in records], request.rows)
    columns = grid_state.pick_columns(all_columns, request.columns)
    notes = grid_state.selection_notes(lang, positions, len(records), columns, all_columns)
    prov = replace(provenance_of(snapshot, lang=lang), notes=notes)
    found = found.iloc[positions]
    table = grid_frame([records[i] for i in positions], columns)
    what = t(f"category.{category}", lang) if category else xt("providers.all", lang)
    searched = xt("providers.search", lang, text=request.search) if request.search else ""
    filters = [searched,
               geodata.LAENDER.get(request.land or "", ""), request.service or ""]
    detail = "; ".join(f for f in filters if f)
    return View(
        title=xt("providers", lang, what=what) + (f" ({detail})" if detail else ""),
        subtitle=xt("providers.sub", lang, n=len(table), date=prov.date_label),
        provenance=prov,
        table=table,
        shapes=points_with_geometry(table, found["lon"], found["lat"]),
        layer="anbieter",
        with_plz=True,
    )
