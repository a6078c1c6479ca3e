"""The Tabelle's rows, total row and columns: one row per region with every metric, in the
UI language. The page shows them in its grid; the table export writes the same."""

from __future__ import annotations

from typing import Any

import pandas as pd

import geodata
from dashboard import metrics
from dashboard.i18n import t

RANK_METRICS = ("count", "per_100k", "ala_share", "ala_per_wfbm")


def table_rows(
    frame: pd.DataFrame, level: str, land: str | None, lang: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], pd.DataFrame]:
    """Grid rows, the pinned total row, and the frame they come from (filtered to a Land)."""
    part = frame
    if level == "kreis" and land:
        part = frame[frame["land_code"] == land]
    fragile = metrics.fragile_mask(part, "per_100k")
    rows = part.assign(
        ala_share=part["ala_share"] * 100,
        none_here=part["none_here"].map({True: t("yes", lang), False: t("no", lang)}),
        fragile=fragile.map({True: "⚠ " + t("map.fragile", lang), False: ""}),
    )
    columns = [
        "code",
        "name",
        "bez",
        "land",
        "population",
        "count",
        "per_100k",
        "ala_count",
        "wfbm_count",
        "ala_share",
        "ala_per_wfbm",
        "none_here",
        "fragile",
    ]
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


def _num(field: str, lang: str, decimals: int, header: str) -> dict[str, Any]:
    return {
        "field": field,
        "headerName": header,
        "type": "numericColumn",
        "filter": "agNumberColumnFilter",
        "minWidth": 125,
        "valueFormatter": {"function": f"atlasNumber(params.value, '{lang}', {decimals})"},
    }


def column_defs(level: str, category: str, lang: str) -> list[dict[str, Any]]:
    """Grid columns; numbers formatted in the UI language, sortable and filterable."""
    count_header = t("col.count", lang) + " " + t(f"category.{category}.short", lang)
    rate_header = t(f"category.{category}.short", lang) + " " + t("col.per_100k", lang)
    cols: list[dict[str, Any]] = [
        {
            "field": "name",
            "headerName": t("col.name", lang),
            "pinned": "left",
            "minWidth": 170,
            "filter": "agTextColumnFilter",
        },
        {"field": "code", "headerName": t("col.code", lang), "width": 110},
    ]
    if level == "kreis":
        cols += [
            {"field": "bez", "headerName": t("col.bez", lang), "filter": "agTextColumnFilter"},
            {"field": "land", "headerName": t("col.land", lang), "filter": "agTextColumnFilter"},
        ]
    cols += [
        _num("population", lang, 0, t("col.population", lang)),
        _num("count", lang, 0, count_header),
        _num("per_100k", lang, 2, rate_header),
        _num("ala_count", lang, 0, t("col.ala_count", lang)),
        _num("wfbm_count", lang, 0, t("col.wfbm_count", lang)),
        _num("ala_share", lang, 1, t("col.ala_share", lang)),
        _num("ala_per_wfbm", lang, 2, t("col.ala_per_wfbm", lang)),
        {"field": "none_here", "headerName": t("col.none_here", lang), "width": 120},
        {"field": "fragile", "headerName": t("col.fragile", lang), "width": 170},
    ]
    return cols
