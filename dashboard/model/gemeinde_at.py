"""Which Gemeinde lies at a point: planning by a click on the Kreis map (issue 17, item 1).

A click on a Plotly `geo` choropleth says only which Kreis was hit; the browser turns the
click's pixel into lon/lat (the geo subplot's projection) and this module finds the Gemeinde
there, a point-in-polygon test against the same simplified Gemeinde shapes the Gemeinde map
draws (geodata.gemeinde_shapes_path), through an R-tree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely
from shapely.geometry import shape

import geodata
from store.access import gemeinde_frame


@dataclass(frozen=True)
class Placement:
    """Where a click puts a hypothetical provider: `ars` (12-digit Gemeinde ARS) and how it
    was found: "point" (the Gemeinde under the click), "nearest" (the Kreis's Gemeinde nearest
    the click: it fell on a border the simplified shapes do not share) or "largest" (no point:
    the Kreis's most populous Gemeinde)."""

    ars: str
    how: str


@lru_cache(maxsize=1)
def _shapes() -> tuple[np.ndarray, shapely.STRtree]:
    with open(geodata.gemeinde_shapes_path(), encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    codes = np.array([str(f["id"]) for f in features], dtype=object)
    return codes, shapely.STRtree([shape(f["geometry"]) for f in features])


def gemeinden_at(lon: float, lat: float) -> list[str]:
    """The ARS of every Gemeinde whose shape holds (lon, lat); usually one, none outside."""
    codes, tree = _shapes()
    hits = tree.query(shapely.Point(lon, lat), predicate="intersects")
    return sorted(codes[hits].tolist())


def placement(kreis: str, lon: float | None, lat: float | None) -> Placement | None:
    """The Gemeinde of Kreis `kreis` (5-digit ARS) a click at (lon, lat) means; None for a
    Kreis that does not exist."""
    gemeinden = gemeinde_frame(copy=False)
    own = gemeinden[gemeinden["kreis_ars"] == kreis]
    if own.empty:
        return None
    if lon is None or lat is None or not (np.isfinite(lon) and np.isfinite(lat)):
        return Placement(str(own.loc[own["population"].idxmax(), "ars"]), "largest")
    inside = [ars for ars in gemeinden_at(lon, lat) if ars[:5] == kreis]
    if inside:
        return Placement(inside[0], "point")
    # degrees are fine for picking the closest of a Kreis's Gemeinden (a few km apart)
    scale = np.cos(np.radians(lat))
    far = ((own["lon"] - lon) * scale) ** 2 + (own["lat"] - lat) ** 2
    return Placement(str(own.loc[far.idxmin(), "ars"]), "nearest")
