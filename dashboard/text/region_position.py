"""Where a region lies in Germany, in one word the locator map's text alternative can use:
its representative point (a point inside the shape, unlike a centroid) placed in a 3 x 3 grid
over Germany's bounding box ("south", "north-east", "middle", …). Pure `compass` first, a
thin cached reader of the region shapes (geodata.load_regions) after it."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dashboard.model.profile import RegionProfile

# rows north to south, columns west to east; "middle" where both are in the middle third
_GRID = (("north-west", "north", "north-east"),
         ("west", "middle", "east"),
         ("south-west", "south", "south-east"))
POSITIONS = tuple(p for row in _GRID for p in row)


def compass(lon: float, lat: float, bounds: tuple[float, float, float, float]) -> str:
    """The ninth of the box `bounds` (west, south, east, north) that (lon, lat) lies in."""
    west, south, east, north = bounds
    column = min(2, max(0, int(3 * (lon - west) / (east - west))))
    row = min(2, max(0, int(3 * (north - lat) / (north - south))))
    return _GRID[row][column]


@lru_cache(maxsize=2)
def _points(level: str) -> dict[str, tuple[float, float]]:
    import geodata  # the shapes load on first use, not on import

    shapes = geodata.load_regions(level)
    points = shapes.representative_point()
    return {str(c): (float(p.x), float(p.y)) for c, p in zip(shapes["code"], points,
                                                              strict=True)}


@lru_cache(maxsize=1)
def germany_bounds() -> tuple[float, float, float, float]:
    import geodata

    west, south, east, north = geodata.load_regions("land").total_bounds
    return float(west), float(south), float(east), float(north)


def region_position(code: str, level: str) -> str | None:
    """`compass` of region `code` (a Land code or Kreis ARS at `level`); None if unknown."""
    point = _points(level).get(code)
    return compass(*point, germany_bounds()) if point else None


def locator_text(profile: RegionProfile, lang: str) -> str:
    """The locator map's text alternative for a region profile (page and PDF say the same)."""
    from dashboard.text.describe import locator_description

    if profile.level == "de":
        return locator_description("de", "", "", None, lang)
    name = f"{profile.bez} {profile.name}" if profile.level == "kreis" else profile.name
    return locator_description(profile.level, name, profile.land,
                               region_position(profile.code, profile.level), lang)
