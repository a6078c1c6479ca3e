"""Loaders for the built web geometry (`generated/`); they build it on first use if missing."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import geopandas as gpd
import pandas as pd
import pyogrio

from geodata.paths import (
    BUILT_FILES,
    GEMEINDEN_CSV,
    GEMEINDEN_GEOJSON,
    KREISE_GEOJSON,
    LAENDER_GEOJSON,
)

Level = Literal["land", "kreis"]
LEVELS: dict[str, object] = {"land": LAENDER_GEOJSON, "kreis": KREISE_GEOJSON}
STRING_COLUMNS = ["code", "name", "bez", "land_code", "land", "population_as_of"]


def ensure_built() -> None:
    """Run the build when any output is missing (make rebuilds stale ones)."""
    if not all(path.exists() for path in BUILT_FILES):
        from geodata.build import build  # imported late: building is the exception

        build()


def _path(level: str):
    if level not in LEVELS:
        raise ValueError(f"level must be 'land' or 'kreis', not {level!r}")
    ensure_built()
    return LEVELS[level]


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    for column in STRING_COLUMNS:
        frame[column] = frame[column].astype(str)
    frame["population"] = frame["population"].astype("int64")
    return frame.sort_values("code", ignore_index=True)


# GDAL would read "2019-12-31" as a date and a code like "01" could be typed; keep the text.
_OPEN = {"DATE_AS_STRING": "YES"}


@lru_cache(maxsize=2)
def _regions(level: str) -> gpd.GeoDataFrame:
    return _tidy(pyogrio.read_dataframe(_path(level), **_OPEN))


@lru_cache(maxsize=2)
def _table(level: str) -> pd.DataFrame:
    return _tidy(pyogrio.read_dataframe(_path(level), read_geometry=False, **_OPEN))


def load_regions(level: Level) -> gpd.GeoDataFrame:
    """Länder (16) or Kreise (401) for the web: EPSG:4326, simplified, sorted by code.

    Columns: code, name, bez, land_code, land, population, population_as_of, geometry.
    """
    return _regions(level).copy()


def region_table(level: Level) -> pd.DataFrame:
    """The same rows and columns as `load_regions` without geometry."""
    return _table(level).copy()


@lru_cache(maxsize=1)
def _gemeinden() -> pd.DataFrame:
    ensure_built()
    text_columns = ["ags", "ars", "name", "bez", "kreis_ars", "land_code"]
    return pd.read_csv(GEMEINDEN_CSV, dtype={c: str for c in text_columns}, keep_default_na=False)


def load_gemeinden() -> pd.DataFrame:
    """One point inside each Gemeinde: ags, ars, name, bez, kreis_ars, land_code, lon, lat."""
    return _gemeinden().copy()


def gemeinde_shapes_path():
    """The built Gemeinde polygons (GeoJSON, `id` = 12-digit ARS; built if missing)."""
    ensure_built()
    return GEMEINDEN_GEOJSON
