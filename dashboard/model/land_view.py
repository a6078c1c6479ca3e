"""One Land's Kreise: which rows a Land view draws and the map frame fitted to that Land.

A Land view (`land=09` in the URL) applies at Kreis level only: the map draws that Land's
Kreise and nothing else (neighbouring Länder carry no data there), and its `geo` ranges are
the Land's extent instead of Germany's. Pure functions of the region frames and the
reference geography, shared by the Karte, Entwicklung's change map, the Land profile and
the image exports, so all of them show the same Land the same way.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pandas as pd

import geodata
from dashboard.figures.common import germany_geo

# room around the Land's outline, as a share of its extent (its border stays visible)
_PAD = 0.04


def applies(level: str, land: str | None) -> str | None:
    """The Land a view shows (`land` at Kreis level), or None for the whole country."""
    if level != "kreis" or not land:
        return None
    if land not in geodata.LAENDER:
        raise ValueError(
            f"land must be a two-digit Land code (01–16), not {land!r}"
        )
    return land


def land_name(land: str) -> str:
    """"Bayern" for "09"."""
    if land not in geodata.LAENDER:
        raise ValueError(f"land must be a two-digit Land code (01–16), not {land!r}")
    return geodata.LAENDER[land]


def land_rows(frame: pd.DataFrame, land: str | None) -> pd.DataFrame:
    """The rows of Kreis `frame` (with `code`, the 5-digit ARS) in `land`; all rows without a
    Land. Keeps the frame's attrs (recorded or not)."""
    if land is None:
        return frame
    part = frame[frame["code"].astype(str).str.startswith(land)]
    part.attrs = frame.attrs
    return part


@lru_cache(maxsize=16)
def _extent(land: str) -> tuple[float, float, float, float]:
    shapes = geodata.load_regions("land")
    shape = shapes.loc[shapes["code"] == land, "geometry"]
    west, south, east, north = (float(v) for v in shape.total_bounds)
    return west, south, east, north


def land_geo(land: str | None) -> dict[str, Any]:
    """The `geo` settings of a map of `land` (Germany's without a Land): the same look, the
    ranges of the Land's extent with a little room around it."""
    geo = germany_geo()
    if land is None:
        return geo
    land_name(land)  # a clear error for a code that names no Land
    west, south, east, north = _extent(land)
    pad_x, pad_y = (east - west) * _PAD, (north - south) * _PAD
    geo["lonaxis_range"] = [round(west - pad_x, 3), round(east + pad_x, 3)]
    geo["lataxis_range"] = [round(south - pad_y, 3), round(north + pad_y, 3)]
    return geo
