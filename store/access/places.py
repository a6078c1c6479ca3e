"""The points distances are measured between, in EPSG:3035 (metres, equal-area).

Gemeinden: the representative point of each VG5000 Gemeinde (geodata.load_gemeinden, the
point the geocoder gives a provider located to that Gemeinde) with its population.
Providers: their geocoded point. Placed to a Gemeinde: that Gemeinde's point. Placed only to
a Kreis: the Kreis's representative point (marked `kreis_placed`; its true place may be
anywhere in the Kreis). Placed only to a Land, or not at all: left out of distances (a Land
point would mislead), and counted.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from pyproj import Transformer

METRIC_CRS = "EPSG:3035"


@lru_cache(maxsize=1)
def _to_metric() -> Transformer:
    return Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)


def project(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """WGS84 lon/lat → (n, 2) array of EPSG:3035 x/y in metres."""
    x, y = _to_metric().transform(np.asarray(lon, float), np.asarray(lat, float))
    return np.column_stack([x, y])


@lru_cache(maxsize=1)
def _gemeinden() -> pd.DataFrame:
    import geodata  # late: the pure functions below are testable with hand-made frames

    frame = geodata.load_gemeinden()[["ars", "name", "kreis_ars", "land_code", "lon", "lat"]]
    population = geodata.gemeinde_population()
    frame = frame.assign(population=population.reindex(frame["ars"]).to_numpy())
    xy = project(frame["lon"].to_numpy(), frame["lat"].to_numpy())
    return frame.assign(x=xy[:, 0], y=xy[:, 1]).reset_index(drop=True)


def gemeinde_frame(copy: bool = True) -> pd.DataFrame:
    """Every VG5000 Gemeinde: ars, name, kreis_ars, land_code, lon, lat, population, x, y.
    `copy=False` gives the cached frame itself, for readers that never change it."""
    return _gemeinden().copy() if copy else _gemeinden()


def usable(providers: pd.DataFrame) -> pd.Series:
    """Providers with a point good enough for distances: placed to a Gemeinde or a Kreis."""
    quality = providers["geocode_quality"]
    has_point = providers["lon"].notna() & providers["lat"].notna()
    return quality.isin(["gemeinde", "kreis"]) & has_point
