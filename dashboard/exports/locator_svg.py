"""The profile's locator map as a small SVG drawn from the reference geometry, for documents.

A printed page needs no browser to draw sixteen Länder and one highlighted region: the shapes
are simplified to about a kilometre (far below what 60 mm of paper shows) and projected with
an equirectangular projection scaled by the cosine of Germany's middle latitude, which keeps
its outline as readers know it. Colours are the page's (dashboard.figures.locator).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

import geopandas as gpd
from shapely.geometry.base import BaseGeometry

import geodata
from dashboard.figures.locator import CONTEXT_FILL, HIGHLIGHT, LAND_FILL

WIDTH = 220  # CSS pixels; the height follows from Germany's shape
_TOLERANCE = 0.01  # degrees (about 1 km): invisible at this size, a tenth of the bytes
_BORDER = "#5f5f5f"


@lru_cache(maxsize=64)  # the geometry never changes while the process runs
def locator_svg(code: str, level: str) -> str:
    """An SVG document: Germany's Länder, the region `code` (Land code, Kreis ARS, or "DE" for
    all of Germany) dark, and for a Kreis its Land a shade darker than the rest."""
    if level not in ("de", "land", "kreis"):
        raise ValueError(f"level must be de, land or kreis, not {level!r}")
    laender = geodata.load_regions("land")
    west, south, east, north = laender.total_bounds
    project = _projection(west, north, (south + north) / 2, WIDTH / (east - west))
    height = round((north - south) * WIDTH / (east - west) * _stretch((south + north) / 2))
    layers = [_paths(laender.geometry, LAND_FILL, project)]
    if level == "kreis":
        layers.append(_paths(_pick(laender, [code[:2]]), CONTEXT_FILL, project))
    region = laender.geometry if level == "de" else _pick(geodata.load_regions(level), [code])
    layers.append(_paths(region, HIGHLIGHT, project))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}">{"".join(layers)}</svg>'
    )


def _stretch(latitude: float) -> float:
    return 1 / math.cos(math.radians(latitude))


def _projection(west: float, north: float, middle: float, scale: float):
    stretch = _stretch(middle)

    def project(lon: float, lat: float) -> str:
        return f"{(lon - west) * scale:.1f},{(north - lat) * scale * stretch:.1f}"

    return project


def _pick(frame: gpd.GeoDataFrame, codes: list[str]) -> Iterable[BaseGeometry]:
    return frame.loc[frame["code"].isin(codes)].geometry


def _paths(shapes: Iterable[BaseGeometry], fill: str, project) -> str:
    data = []
    for shape in shapes:
        simple = shape.simplify(_TOLERANCE, preserve_topology=True)
        polygons = getattr(simple, "geoms", [simple])
        for polygon in polygons:
            for ring in (polygon.exterior, *polygon.interiors):
                points = " L".join(project(x, y) for x, y in ring.coords)
                data.append(f"M{points}Z")
    return (f'<path d="{" ".join(data)}" fill="{fill}" fill-rule="evenodd" '
            f'stroke="{_BORDER}" stroke-width="0.4"/>')
