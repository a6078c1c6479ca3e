"""The Erreichbarkeit frames that the page, the data API and the exports share (pure reads
of store.access; no Dash here).

Every distance is a Luftlinie (straight line, EPSG:3035) from a Gemeinde's representative
point; population: Destatis Gemeindeverzeichnis, 31.12.2019.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine

from store.access import access_regions, access_result, gemeinde_frame

METHOD = "Luftlinie (EPSG:3035) from each Gemeinde's representative point; 2SFCA catchment 50 km"
GEMEINDE_COLUMNS = (
    "ars", "name", "kreis_ars", "population", "lat", "lon", "nearest_km", "nearest_provider",
)  # fmt: skip
REGION_COLUMNS = (
    "ars", "name", "population", "mean_km", "median_km", "pop_beyond_25km", "pop_beyond_50km",
    "providers_per_100k_within_50km",
)  # fmt: skip


def gemeinde_rows(engine: Engine, snapshot_id: int, category: str, service: str) -> pd.DataFrame:
    """One row per Gemeinde: the API's columns (nearest_km empty where undefined)."""
    result = access_result(engine, snapshot_id, category, service)
    gemeinden = gemeinde_frame()
    frame = pd.DataFrame(
        {"ars": gemeinden["ars"], "name": gemeinden["name"], "kreis_ars": gemeinden["kreis_ars"],
         "population": gemeinden["population"].astype("int64"), "lat": gemeinden["lat"],
         "lon": gemeinden["lon"], "nearest_km": result.gemeinden["nearest_km"].round(3),
         "nearest_provider": result.gemeinden["nearest_provider"]}
    )  # fmt: skip
    frame.attrs.update(status=result.status, notes=list(result.notes), method=METHOD)
    return frame


def region_rows(
    engine: Engine, snapshot_id: int, level: str, category: str, service: str
) -> pd.DataFrame:
    """Kreis / Land / Germany figures with every aggregate column (the page's table)."""
    frame = access_regions(engine, snapshot_id, level, category, service)
    frame.attrs["method"] = METHOD
    return frame


def access_api_frame(
    engine: Engine, snapshot_id: int, level: str, category: str, service: str
) -> pd.DataFrame:
    """Exactly the documented columns of GET /api/access for the level."""
    if level == "gemeinde":
        return gemeinde_rows(engine, snapshot_id, category, service)
    full = region_rows(engine, snapshot_id, level, category, service)
    frame = full[list(REGION_COLUMNS)].copy()
    for column in ("mean_km", "median_km"):
        frame[column] = frame[column].round(3)
    frame["providers_per_100k_within_50km"] = frame["providers_per_100k_within_50km"].round(4)
    frame.attrs.update(full.attrs)
    return frame
