"""Fixtures for the travel-time tests: road networks written as PBF, Valhalla tiles built
from them once per session, and Gemeinde frames made of chosen points."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from tests.traveltime.roads import RoadNet

pytest.importorskip("valhalla", reason="routing engine: make routing")


@pytest.fixture(scope="session")
def route(tmp_path_factory) -> Callable[[str, RoadNet], object]:
    """route(name, net) -> a Router on tiles built from `net` (cached by name)."""
    from store.traveltime.engine import Router, build_tiles
    from store.traveltime.extract import describe_extract

    built: dict[str, object] = {}

    def _route(name: str, net: RoadNet):
        if name not in built:
            folder = tmp_path_factory.mktemp(name)
            pbf = net.write(folder / f"{name}.osm.pbf")
            tiles = build_tiles(pbf, describe_extract(pbf), folder / "tiles")
            built[name] = Router(tiles.tile_dir)
        return built[name]

    return _route


def places(points: list[tuple[float, float]], population: int = 1000) -> pd.DataFrame:
    """A Gemeinde frame of the given lon/lat points (ARS 000000000001 …), one Kreis."""
    n = len(points)
    lonlat = np.array(points, float)
    return pd.DataFrame({
        "ars": [f"{i + 1:012d}" for i in range(n)], "name": [f"Ort {i + 1}" for i in range(n)],
        "kreis_ars": ["00001"] * n, "land_code": ["00"] * n,
        "population": np.full(n, population), "lon": lonlat[:, 0], "lat": lonlat[:, 1],
    })  # fmt: skip


def providers(points: list[tuple[float, float]], category: str = "wfbm") -> pd.DataFrame:
    """Providers of one category at the given points, placed to a Gemeinde (P1, P2, …)."""
    return pd.DataFrame({
        "category": category, "source_id": [f"P{i + 1}" for i in range(len(points))],
        "services": [["Arbeitsbereich"]] * len(points), "kreis_ars": "00001",
        "lon": [p[0] for p in points], "lat": [p[1] for p in points],
        "geocode_quality": "gemeinde",
    })  # fmt: skip
