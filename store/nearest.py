"""Straight-line ("Luftlinie") distances from a point to providers, and the nearest ones.

Distances are great-circle distances on a sphere of the Earth's mean radius (haversine,
R = 6371.0088 km, IUGG) between WGS84 coordinates. Over the distances that matter here (a few
to a few hundred km) this is within about 0.5 % of the ellipsoidal geodesic, well below the
uncertainty of a provider's point (a Gemeinde's representative point, or a Kreis's for
providers the geocoder placed only at Kreis level). Roads, public transport and travel time
are not captured. Pure functions; no store access.

Places and providers are located at Gemeinde points (the vendored PLZ table has no coordinates
of its own), so a provider in the searched place's own Gemeinde is "0 km" away only because
both stand on one point: its distance is unknown, not zero. `nearest` marks such rows
(`same_gemeinde`, `km` empty) and orders them by what is known: the same PLZ first, then name.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

EARTH_RADIUS_KM = 6371.0088
NEAREST_COLUMNS = ("source_id", "name", "plz", "city", "km", "same_gemeinde", "same_plz")


def haversine_km(lon: float, lat: float, lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
    """Great-circle distance in km from (lon, lat) to each (lons[i], lats[i]), degrees WGS84."""
    lon1, lat1 = np.radians(lon), np.radians(lat)
    lon2 = np.radians(np.asarray(lons, dtype="float64"))
    lat2 = np.radians(np.asarray(lats, dtype="float64"))
    a = (
        np.sin((lat2 - lat1) / 2.0) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2.0) ** 2
    )
    return 2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def nearest(
    providers: pd.DataFrame,
    lon: float,
    lat: float,
    limit: int,
    gemeinde_ags: str | None = None,
    plz: str | None = None,
) -> pd.DataFrame:
    """The `limit` providers closest to (lon, lat), nearest first (ties: name, source_id), with
    a `km` column. Providers without coordinates cannot be measured and are left out; the
    frame's attrs["unplaced"] says how many. All input columns are kept.

    Given the place's `gemeinde_ags` (and `plz`), providers in that Gemeinde come first with
    `same_gemeinde` True and `km` NaN (both stand on the Gemeinde's point), those with the same
    PLZ (`same_plz`) before the others, then by name."""
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    placed = providers[providers["lon"].notna() & providers["lat"].notna()].copy()
    placed["km"] = haversine_km(lon, lat, placed["lon"].to_numpy(), placed["lat"].to_numpy())
    placed["same_gemeinde"] = _equals(placed, "gemeinde_ags", gemeinde_ags)
    placed["same_plz"] = placed["same_gemeinde"] & _equals(placed, "plz", plz)
    # same Gemeinde first (0), by PLZ then name; the rest by distance
    placed["_rank"] = np.where(placed["same_gemeinde"], np.where(placed["same_plz"], 0, 1), 2)
    placed["_km"] = np.where(placed["same_gemeinde"], 0.0, placed["km"])
    ordered = placed.sort_values(["_rank", "_km", "name", "source_id"], kind="mergesort")
    out = ordered.head(limit).drop(columns=["_rank", "_km"]).reset_index(drop=True)
    out.loc[out["same_gemeinde"], "km"] = np.nan
    out.attrs["unplaced"] = int(len(providers) - len(placed))
    return out


def _equals(frame: pd.DataFrame, column: str, value: str | None) -> pd.Series:
    """Whether `column` equals a given, non-empty `value` (False throughout without one)."""
    if not value or column not in frame.columns:
        return pd.Series(False, index=frame.index)
    return frame[column].astype("string").fillna("").eq(value).astype(bool)
