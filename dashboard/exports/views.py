"""What each page shows, built from the store for one export request: figure, table, shapes.

The same figure and table functions the pages use (dashboard.figures, dashboard.model.growth_tables,
the pages' table builders), so an export is what is on screen, in the page's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import pandas as pd
import plotly.graph_objects as go
from sqlalchemy import Engine

import geodata
import store
from dashboard.exports.errors import ExportError
from dashboard.exports.provenance import Provenance
from dashboard.exports.request import ExportRequest
from dashboard.exports.texts import xt
from dashboard.model import metrics
from dashboard.text.i18n import t

MAP_SIZE = (1000, 1250)
CHART_SIZE = (1100, 760)


@dataclass
class View:
    """One page's content for export. `table` has the on-screen labels; `shapes` (optional)
    is the same rows with geometry for GeoJSON/GeoPackage."""

    title: str
    subtitle: str
    provenance: Provenance
    figure: go.Figure | None = None
    legend_title: str | None = None
    table: pd.DataFrame | None = None
    shapes: gpd.GeoDataFrame | None = None
    layer: str = "daten"
    with_plz: bool = False
    size: tuple[int, int] = MAP_SIZE
    description: str = ""  # text alternative written into images (dashboard/text/describe.py)
    # a sentence printed under the subtitle of an image (a Land view's key figures, issue 21)
    lead: str = ""


def refuse_unrecorded(frame: pd.DataFrame, category: str) -> None:
    """An ExportError when the snapshot did not record the category: a file of that view
    would publish "no provider" (or blanks) where nothing was looked at."""
    if not metrics.is_recorded(frame):
        notice = t("notice.not_recorded", "de", category=t(f"category.{category}", "de"))
        raise ExportError(f"{notice} Nichts zu exportieren: bitte einen Datenstand mit dieser Art.")


def snapshots_of(engine: Engine, request: ExportRequest) -> tuple[dict[str, Any], Any]:
    """The snapshot (requested or served) and, for comparisons, the base snapshot."""
    if request.snapshot is None:
        current = store.served_snapshot(engine)
        if current is None:
            raise ExportError(
                "Es gibt noch keinen Datenstand zum Exportieren "
                "(make run legt die Beispieldaten an, python -m scrapers scrape echte)."
            )
    else:
        current = _snapshot(engine, request.snapshot)
    base = _snapshot(engine, request.base) if request.base is not None else None
    if base is not None and base["id"] == current["id"]:
        raise ExportError("Für einen Vergleich braucht es zwei verschiedene Datenstände.")
    return current, base


def _snapshot(engine: Engine, snapshot_id: int) -> dict[str, Any]:
    found = store.get_snapshot(engine, snapshot_id)
    if found is None:
        raise ExportError(f"Datenstand {snapshot_id} gibt es nicht.")
    return found


def level_subtitle(prov: Provenance, level: str) -> str:
    """"Kreise, Stand 01.12.2022" in the provenance's language."""
    return xt("level_as_of", prov.lang, level=t(f"level.{level}", prov.lang), date=prov.date_label)


def regions_with_geometry(level: str, frame: pd.DataFrame, key: str) -> gpd.GeoDataFrame:
    """The on-screen table joined to the region shapes by its code column `key`."""
    shapes = geodata.load_regions(level)[["code", "geometry"]]
    joined = shapes.merge(frame, left_on="code", right_on=key, how="inner")
    if key != "code":
        joined = joined.drop(columns="code")
    return gpd.GeoDataFrame(joined, geometry="geometry", crs=4326)


def regions_in_order(
    level: str, frame: pd.DataFrame, codes: list[str]
) -> gpd.GeoDataFrame:
    """The table's rows with the shapes of `codes` (one per row), in the table's order. The
    codes come separately: the user may have hidden the code column."""
    shapes = geodata.load_regions(level).set_index("code")["geometry"]
    geometry = shapes.reindex(codes).to_numpy()
    return gpd.GeoDataFrame(frame.reset_index(drop=True), geometry=geometry, crs=4326)


def points_with_geometry(frame: pd.DataFrame, lon: pd.Series, lat: pd.Series):
    """Provider rows as points; rows without coordinates keep an empty geometry."""
    geometry = gpd.points_from_xy(lon.to_numpy(), lat.to_numpy())
    return gpd.GeoDataFrame(frame.reset_index(drop=True), geometry=geometry, crs=4326)
