"""Reference geography for the aLA-Atlas: regions, population, and a PLZ geocoder.

Public API (see ARCHITECTURE.md): load_regions, region_table, load_gemeinden, LAENDER,
published_counts, other_counts, attribution, gemeinde_population, locate, locate_many,
LocateError.
"""

from __future__ import annotations

from geodata import attribution
from geodata.errors import LocateError
from geodata.gemeinde_population import gemeinde_population
from geodata.geocoder import locate, locate_many
from geodata.laender import LAENDER
from geodata.reference import other_counts, published_counts
from geodata.regions import gemeinde_shapes_path, load_gemeinden, load_regions, region_table

__all__ = [
    "LAENDER",
    "LocateError",
    "attribution",
    "gemeinde_population",
    "gemeinde_shapes_path",
    "load_gemeinden",
    "load_regions",
    "locate",
    "locate_many",
    "other_counts",
    "published_counts",
    "region_table",
]
