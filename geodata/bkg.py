"""The BKG VG5000 boundaries, unsimplified, in their source CRS (EPSG:31467, metres).

These are the reference polygons for spatial joins; the web layers in `generated/` are
simplified copies of them and must never be used to decide which region a point lies in.
"""

from __future__ import annotations

from functools import lru_cache

import geopandas as gpd
import pyogrio

from geodata.paths import BKG_GEMEINDEN, BKG_KREISE, BKG_LAENDER, SOURCE_CRS

# GF ("Geofaktor"): 4 and 9 are land areas; 2 and 8 are water (Bodensee, coastal waters).
LAND_AREA_GF = (4, 9)


def _read(path, columns) -> gpd.GeoDataFrame:
    frame = pyogrio.read_dataframe(path, columns=columns)
    if frame.crs is None or frame.crs.to_epsg() != 31467:
        raise ValueError(f"{path.name}: expected {SOURCE_CRS}, found {frame.crs}")
    return frame


@lru_cache(maxsize=1)
def _laender() -> gpd.GeoDataFrame:
    frame = _read(BKG_LAENDER, ["ARS", "GEN", "BEZ", "GF"])
    land = frame[frame["GF"].isin(LAND_AREA_GF)]
    dissolved = land.dissolve(by="ARS", aggfunc="first", as_index=False)
    dissolved = dissolved.rename(columns={"ARS": "code", "GEN": "name", "BEZ": "bez"})
    return dissolved[["code", "name", "bez", "geometry"]].sort_values("code", ignore_index=True)


@lru_cache(maxsize=1)
def _kreise() -> gpd.GeoDataFrame:
    frame = _read(BKG_KREISE, ["ARS", "GEN", "BEZ", "GF"])
    frame = frame[frame["GF"].isin(LAND_AREA_GF)]
    frame = frame.rename(columns={"ARS": "code", "GEN": "name", "BEZ": "bez"})
    frame["land_code"] = frame["code"].str[:2]
    return frame[["code", "name", "bez", "land_code", "geometry"]].sort_values(
        "code", ignore_index=True
    )


@lru_cache(maxsize=1)
def _gemeinden() -> gpd.GeoDataFrame:
    frame = _read(BKG_GEMEINDEN, ["ARS", "AGS", "GEN", "BEZ", "GF"])
    frame = frame[frame["GF"].isin(LAND_AREA_GF)]
    frame = frame.rename(columns={"AGS": "ags", "ARS": "ars", "GEN": "name", "BEZ": "bez"})
    frame["kreis_ars"] = frame["ars"].str[:5]
    frame["land_code"] = frame["ars"].str[:2]
    return frame[["ags", "ars", "name", "bez", "kreis_ars", "land_code", "geometry"]].sort_values(
        "ags", ignore_index=True
    )


def laender() -> gpd.GeoDataFrame:
    """16 Länder (land areas only, dissolved by ARS): code, name, bez, geometry."""
    return _laender().copy()


def kreise() -> gpd.GeoDataFrame:
    """401 Kreise: code (5-digit ARS), name, bez, land_code, geometry."""
    return _kreise().copy()


def gemeinden() -> gpd.GeoDataFrame:
    """Every Gemeinde (and gemeindefreies Gebiet): ags, ars, name, bez, kreis_ars, land_code."""
    return _gemeinden().copy()
