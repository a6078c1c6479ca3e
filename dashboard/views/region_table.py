"""The Tabelle's rows, total row and columns: one row per region with every metric, in the
UI language. The page shows them in its grid; the table export writes the same."""

from __future__ import annotations

from typing import Any

import pandas as pd

import geodata
from dashboard.model import metrics
from dashboard.text.i18n import region_kind, t
from store.metrics import METRIC_COLUMNS

RANK_METRICS = ("count", "per_100k", "ala_share", "ala_per_wfbm")
# the store's region metrics as the grid shows them (codes of the Land and the population's
# date are shown elsewhere), in the store's order
GRID_COLUMNS = tuple(c for c in METRIC_COLUMNS if c not in ("land_code", "population_as_of"))


def table_rows(
    frame: pd.DataFrame, level: str, land: str | None, lang: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], pd.DataFrame]:
    """Grid rows, the pinned total row, and the frame they come from (filtered to a Land)."""
    part = frame
    if level == "kreis" and land:
        part = frame[frame["land_code"] == land]
    fragile = metrics.fragile_mask(part, "per_100k")
    rows = part.assign(
        bez=part["bez"].map(lambda kind: region_kind(kind, lang)),
        ala_share=part["ala_share"] * 100,
        none_here=part["none_here"].map({True: t("yes", lang), False: t("no", lang)}),
        fragile=fragile.map({True: "⚠ " + t("map.fragile", lang), False: ""}),
    )
    columns = [*GRID_COLUMNS, "fragile"]
    records = rows[columns].astype(object).where(rows[columns].notna(), None).to_dict("records")
    if level == "kreis" and land:
        label = t("table.total.land", lang, land=geodata.LAENDER.get(land, land))
    else:
        label = t("table.total.de", lang)
    total = metrics.total_row(part, label)
    if total["ala_share"] is not None:
        total["ala_share"] = float(total["ala_share"]) * 100
    if total["none_here"] is not None:  # None: the category was not recorded
        total["none_here"] = t("yes", lang) if total["none_here"] else t("no", lang)
    total["bez"] = ""
    total["land"] = ""
    total["fragile"] = ""
    return records, [total], part


# the value columns: field, decimals, width (px; headers wrap, so a column is as wide as its
# longest number, and all of them fit beside the name at 1440 px)
VALUE_COLUMNS: tuple[tuple[str, int, int], ...] = (
    ("count", 0, 110),
    ("per_100k", 2, 125),
    ("ala_share", 1, 115),
    ("ala_per_wfbm", 2, 115),
    ("ala_count", 0, 95),
    ("wfbm_count", 0, 95),
    ("population", 0, 140),
)


def _num(field: str, lang: str, decimals: int, header: str, width: int) -> dict[str, Any]:
    return {
        "field": field,
        "headerName": header,
        "type": "numericColumn",  # right-aligned cells and headers
        "filter": "agNumberColumnFilter",
        "width": width,
        "minWidth": 90,
        "wrapHeaderText": True,
        "autoHeaderHeight": True,
        "cellClass": "num",
        "valueFormatter": {"function": f"atlasNumber(params.value, '{lang}', {decimals})"},
    }


def value_order(metric: str) -> list[tuple[str, int, int]]:
    """The value columns with the chosen metric first (the one a phone shows beside the name)."""
    return sorted(VALUE_COLUMNS, key=lambda col: col[0] != metric)


def column_defs(
    level: str, category: str, lang: str, metric: str = "count"
) -> list[dict[str, Any]]:
    """Grid columns: the region's name pinned left, the values next (the chosen `metric` first,
    right-aligned, formatted in the UI language), then the notes and the keys."""
    short = t(f"category.{category}.short", lang)
    headers = {
        "count": t("col.count", lang) + " " + short,
        "per_100k": short + " " + t("col.per_100k", lang),
    }
    cols: list[dict[str, Any]] = [
        {
            "field": "name",
            "headerName": t("col.name", lang),
            "pinned": "left",
            "width": 200,
            "minWidth": 140,
            "filter": "agTextColumnFilter",
            # long names and "Mecklenburg-Vorpommern insgesamt" wrap instead of ending in "…"
            "wrapText": True,
            "autoHeight": True,
            "cellClass": "region-name",
        },
    ]
    cols += [
        _num(field, lang, decimals, headers.get(field) or t(f"col.{field}", lang), width)
        for field, decimals, width in value_order(metric)
    ]
    cols += [
        {"field": "fragile", "headerName": t("col.fragile", lang), "width": 170},
        {"field": "none_here", "headerName": t("col.none_here", lang), "width": 120},
        {"field": "code", "headerName": t("col.code", lang), "width": 120},
    ]
    if level == "kreis":
        cols += [
            {"field": "bez", "headerName": t("col.bez", lang), "filter": "agTextColumnFilter"},
            {"field": "land", "headerName": t("col.land", lang), "filter": "agTextColumnFilter"},
        ]
    return cols
