"""Build the web geometry in `generated/` from the BKG shapefiles (`python -m geodata build`).

Steps, and why:
1. Kreise (unsimplified, EPSG:31467) are simplified as one polygon *coverage*
   (`shapely.coverage_simplify`): shared edges are simplified once, so neighbours keep
   identical borders — no gaps, no slivers. Simplifying in metres makes the tolerance mean
   the same everywhere.
2. Reproject to EPSG:4326 and snap to a 1e-5° grid (~1 m): identical vertices stay identical.
3. Länder for the web are the union of their simplified Kreise, so the two layers nest exactly.
   (The unsimplified Länder — land areas GF 4/9 of VG5000_LAN dissolved by ARS — are checked to
   cover the same area as the Kreise before anything is written.)
4. One representative point per Gemeinde, computed on the unsimplified polygon
   (`representative_point` is guaranteed inside; a centroid is not).
5. The 10,997 Gemeinden as their own coverage, simplified at GEMEINDE_TOLERANCE_M and
   quantised to GEMEINDE_GRID_DEGREES (~10 m): about 4 MB of GeoJSON, 0.8 MB gzipped, which
   the dashboard serves once (the Erreichbarkeit Gemeinde map). Only the code travels with
   each shape; names and figures come with the map's values.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

from geodata import bkg
from geodata.attribution import POPULATION_AS_OF
from geodata.laender import LAENDER
from geodata.paths import (
    GEMEINDEN_CSV,
    GEMEINDEN_GEOJSON,
    GENERATED_DIR,
    KREISE_GEOJSON,
    LAENDER_GEOJSON,
    WEB_CRS,
)
from geodata.population import kreis_population, land_population

# Visvalingam-Whyatt tolerance in metres (≈ square root of the triangle area removed).
# 1000 m keeps every Kreis recognisable and brings the Kreis layer to ~0.6 MB.
SIMPLIFY_TOLERANCE_M = 1000.0
GRID_DEGREES = 1e-5  # ~1 m; 5 decimals in the GeoJSON
POINT_DECIMALS = 6  # ~0.1 m: rounding cannot push a point out of a small Gemeinde
# Gemeinden are small (median ~30 km²): a finer tolerance than the Kreise, and a coarser grid
# than 1e-5° because 10,997 shapes must stay under 1.5 MB on the wire (measured: 500 m and
# 1e-4° give 4.2 MB raw, 0.8 MB gzipped; no shape collapses or turns invalid).
GEMEINDE_TOLERANCE_M = 500.0
GEMEINDE_GRID_DEGREES = 1e-4
GEMEINDE_DECIMALS = 4
# Unsimplified Länder and Kreise must cover the same land (relative symmetric difference).
MAX_LAYER_MISMATCH = 1e-6

REGION_COLUMNS = ["code", "name", "bez", "land_code", "land", "population", "population_as_of"]


class BuildError(RuntimeError):
    """The sources are not what the build expects (counts, coverage, population)."""


def simplified_kreise(tolerance_m: float = SIMPLIFY_TOLERANCE_M) -> gpd.GeoDataFrame:
    """The 401 Kreise, coverage-simplified, in EPSG:4326 on the GRID_DEGREES grid."""
    kreise = bkg.kreise()
    if not shapely.coverage_is_valid(kreise.geometry.values):
        raise BuildError("VG5000_KRS is not a valid polygon coverage; cannot simplify safely")
    simple = shapely.coverage_simplify(kreise.geometry.values, tolerance_m)
    frame = gpd.GeoDataFrame(kreise.drop(columns="geometry"), geometry=simple, crs=kreise.crs)
    frame = frame.to_crs(WEB_CRS)
    frame["geometry"] = shapely.set_precision(frame.geometry.values, GRID_DEGREES)
    return frame


def _with_population(frame: pd.DataFrame, population: pd.Series) -> pd.DataFrame:
    missing = sorted(set(frame["code"]) - set(population.index))
    if missing:
        raise BuildError(f"no population for {missing}")
    frame["population"] = frame["code"].map(population).astype("int64")
    frame["population_as_of"] = POPULATION_AS_OF
    return frame


def kreis_layer(simple: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    frame = simple.copy()
    frame["land"] = frame["land_code"].map(LAENDER)
    frame = _with_population(frame, kreis_population())
    return frame[[*REGION_COLUMNS, "geometry"]].sort_values("code", ignore_index=True)


def land_layer(simple: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    reference = bkg.laender()
    merged = simple.dissolve(by="land_code", as_index=False)[["land_code", "geometry"]]
    frame = reference.drop(columns="geometry").merge(
        merged, left_on="code", right_on="land_code", validate="one_to_one"
    )
    frame = gpd.GeoDataFrame(frame, geometry="geometry", crs=simple.crs)
    frame["land"] = frame["name"]
    frame = _with_population(frame, land_population())
    return frame[[*REGION_COLUMNS, "geometry"]].sort_values("code", ignore_index=True)


def gemeinde_points() -> pd.DataFrame:
    """ags, ars, name, bez, kreis_ars, land_code, lon, lat — one point inside each Gemeinde."""
    gemeinden = bkg.gemeinden()
    points = gpd.GeoSeries(gemeinden.representative_point(), crs=gemeinden.crs).to_crs(WEB_CRS)
    frame = pd.DataFrame(gemeinden.drop(columns="geometry"))
    frame["lon"] = points.x.round(POINT_DECIMALS)
    frame["lat"] = points.y.round(POINT_DECIMALS)
    return frame


def gemeinde_layer(tolerance_m: float = GEMEINDE_TOLERANCE_M) -> gpd.GeoDataFrame:
    """code (12-digit ARS) and geometry of every Gemeinde, coverage-simplified (neighbours keep
    one shared border), in EPSG:4326 on the GEMEINDE_GRID_DEGREES grid, sorted by code."""
    gemeinden = bkg.gemeinden()
    if gemeinden["ars"].duplicated().any():
        gemeinden = gemeinden.dissolve(by="ars", as_index=False)
    if not shapely.coverage_is_valid(gemeinden.geometry.values):
        raise BuildError("VG5000_GEM is not a valid polygon coverage; cannot simplify safely")
    simple = shapely.coverage_simplify(gemeinden.geometry.values, tolerance_m)
    frame = gpd.GeoDataFrame({"code": gemeinden["ars"]}, geometry=simple, crs=gemeinden.crs)
    frame = frame.to_crs(WEB_CRS)
    frame["geometry"] = shapely.set_precision(frame.geometry.values, GEMEINDE_GRID_DEGREES)
    lost = frame.geometry.is_empty | ~frame.geometry.is_valid
    if lost.any():
        raise BuildError(f"simplification lost or broke Gemeinden {list(frame['code'][lost][:3])}")
    return frame.sort_values("code", ignore_index=True)


def check_sources() -> None:
    """Fail early if the vendored data is not the one this build was written for."""
    laender, kreise = bkg.laender(), bkg.kreise()
    if len(laender) != 16 or sorted(laender["code"]) != sorted(LAENDER):
        raise BuildError(f"expected the 16 Länder, found {len(laender)}")
    if len(kreise) != 401 or kreise["code"].duplicated().any():
        raise BuildError(f"expected 401 distinct Kreise, found {len(kreise)}")
    land_union, kreis_union = laender.union_all(), kreise.union_all()
    mismatch = land_union.symmetric_difference(kreis_union).area / land_union.area
    if mismatch > MAX_LAYER_MISMATCH:
        raise BuildError(f"Länder and Kreise cover different land ({mismatch:.2e} of the area)")


def _write_geojson(frame: gpd.GeoDataFrame, path: Path) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    pyogrio.write_dataframe(frame, tmp, driver="GeoJSON", layer_options={"COORDINATE_PRECISION": 5})
    # GDAL pretty-prints ("[ 9.50386, 54.81052 ]"); the browser gets the compact form.
    collection = json.loads(tmp.read_text(encoding="utf-8"))
    tmp.write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    tmp.replace(path)  # atomic: make never sees a half-written file as up to date


def _write_compact_geojson(frame: gpd.GeoDataFrame, path: Path, decimals: int) -> None:
    """Features with only `id` = `properties.code` (what the maps join on), no spaces."""
    tmp = path.with_suffix(".tmp")
    # set_precision leaves binary fractions (9.1000000001); rounding keeps equal vertices equal
    rounded = shapely.transform(frame.geometry.values, lambda xy: np.round(xy, decimals))
    features = [
        {"type": "Feature", "id": code, "properties": {"code": code},
         "geometry": shapely.geometry.mapping(shape)}
        for code, shape in zip(frame["code"], rounded, strict=True)
    ]  # fmt: skip
    text = json.dumps({"type": "FeatureCollection", "features": features},
                      separators=(",", ":"))  # fmt: skip
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    tmp = path.with_suffix(".tmp")
    frame.to_csv(tmp, index=False)
    tmp.replace(path)


def build(out_dir: Path = GENERATED_DIR) -> dict[str, int]:
    """Write laender.geojson, gemeinden.csv, gemeinden.geojson and (last, it is make's
    target) kreise.geojson.

    Returns the size in bytes of each written file.
    """
    check_sources()
    out_dir.mkdir(parents=True, exist_ok=True)
    simple = simplified_kreise()
    kreise = kreis_layer(simple)
    laender = land_layer(simple)
    if not (kreise.is_valid.all() and laender.is_valid.all()):
        raise BuildError("simplification produced an invalid geometry")
    paths = {
        "laender": out_dir / LAENDER_GEOJSON.name,
        "gemeinden": out_dir / GEMEINDEN_CSV.name,
        "gemeinde_shapes": out_dir / GEMEINDEN_GEOJSON.name,
        "kreise": out_dir / KREISE_GEOJSON.name,
    }
    _write_geojson(laender, paths["laender"])
    _write_csv(gemeinde_points(), paths["gemeinden"])
    _write_compact_geojson(gemeinde_layer(), paths["gemeinde_shapes"], GEMEINDE_DECIMALS)
    _write_geojson(kreise, paths["kreise"])
    return {name: path.stat().st_size for name, path in paths.items()}


def main(out_dir: Path | None = None) -> int:
    started = time.perf_counter()
    sizes = build(out_dir or GENERATED_DIR)
    elapsed = time.perf_counter() - started
    for name, size in sizes.items():
        print(f"{name}: {size / 1024:.0f} KiB")
    print(f"built in {elapsed:.1f} s (tolerance {SIMPLIFY_TOLERANCE_M:.0f} m)")
    return 0
