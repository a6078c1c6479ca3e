"""store.nearest: the straight-line distance and the nearest providers, against independent
computations (pyproj's ellipsoidal geodesic, and a brute-force loop over math.* haversine)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from pyproj import Geod

from store.nearest import haversine_km, nearest


def _brute_haversine(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def _random_points(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "source_id": [f"P{i:04d}" for i in range(n)],
            "name": [f"Anbieter {i}" for i in range(n)],
            "plz": [f"{10000 + i:05d}" for i in range(n)],
            "city": ["Ort"] * n,
            "lon": rng.uniform(5.9, 15.0, n),
            "lat": rng.uniform(47.3, 55.0, n),
        }
    )


def test_haversine_agrees_with_the_wgs84_geodesic_within_half_a_percent():
    geod = Geod(ellps="WGS84")
    points = _random_points(200, seed=1)
    origin = (11.576, 48.137)  # München
    ours = haversine_km(*origin, points["lon"].to_numpy(), points["lat"].to_numpy())
    _, _, metres = geod.inv(
        np.full(len(points), origin[0]), np.full(len(points), origin[1]),
        points["lon"].to_numpy(), points["lat"].to_numpy(),
    )
    assert np.allclose(ours, metres / 1000, rtol=0.005)


def test_berlin_to_munich_is_about_504_km():
    km = haversine_km(13.405, 52.52, np.array([11.576]), np.array([48.137]))[0]
    assert 500 < km < 508


def test_a_point_has_distance_zero_to_itself():
    assert haversine_km(9.0, 50.0, np.array([9.0]), np.array([50.0]))[0] == pytest.approx(0.0)


def test_nearest_equals_a_brute_force_search():
    points = _random_points(300, seed=2)
    origin = (10.0, 51.0)
    result = nearest(points, *origin, limit=7)
    brute = sorted(
        (_brute_haversine(*origin, r.lon, r.lat), r.source_id) for r in points.itertuples()
    )[:7]
    assert list(result["source_id"]) == [sid for _, sid in brute]
    assert np.allclose(result["km"], [km for km, _ in brute], atol=1e-9)
    assert result["km"].is_monotonic_increasing


def test_providers_without_coordinates_are_left_out_and_counted():
    points = _random_points(5, seed=3)
    points.loc[[1, 3], ["lon", "lat"]] = np.nan
    result = nearest(points, 10.0, 51.0, limit=10)
    assert len(result) == 3
    assert set(result["source_id"]) == {"P0000", "P0002", "P0004"}
    assert result.attrs["unplaced"] == 2


def test_equal_distances_are_ordered_by_name():
    points = pd.DataFrame(
        {"source_id": ["b", "a"], "name": ["Zeta", "Alpha"], "plz": ["1", "2"],
         "city": ["x", "y"], "lon": [10.0, 10.0], "lat": [51.0, 51.0]}
    )
    assert list(nearest(points, 10.0, 52.0, limit=2)["name"]) == ["Alpha", "Zeta"]


def test_a_limit_below_one_is_refused():
    with pytest.raises(ValueError, match="limit"):
        nearest(_random_points(3, seed=4), 10.0, 51.0, limit=0)


def _one_town() -> pd.DataFrame:
    """Four providers on München's Gemeinde point (the geocoder's resolution) and one in Haar."""
    town = (11.5755, 48.1372)
    return pd.DataFrame({
        "source_id": ["A", "B", "C", "D", "E"],
        "name": ["Zentrum", "Bogenhausen", "Perlach", "Altstadt", "Haar"],
        "plz": ["80331", "81671", "81737", "80331", "85540"],
        "city": ["München"] * 4 + ["Haar"],
        "gemeinde_ags": ["09162000"] * 4 + ["09184119"],
        "lon": [town[0]] * 4 + [11.727],
        "lat": [town[1]] * 4 + [48.108],
    })


def test_providers_in_the_searched_gemeinde_have_no_distance_and_come_first():
    result = nearest(_one_town(), 11.5755, 48.1372, limit=5, gemeinde_ags="09162000",
                     plz="80331")
    # the same PLZ first (by name), then the rest of the Gemeinde by name, then by distance
    assert list(result["source_id"]) == ["D", "A", "B", "C", "E"]
    assert list(result["same_gemeinde"]) == [True, True, True, True, False]
    assert list(result["same_plz"]) == [True, True, False, False, False]
    assert result["km"].iloc[:4].isna().all()  # unknown, never "0,0 km"
    assert 11 < result["km"].iloc[4] < 13


def test_without_the_place_s_gemeinde_distances_are_plain():
    result = nearest(_one_town(), 11.5755, 48.1372, limit=5)
    assert not result["same_gemeinde"].any() and result["km"].notna().all()


def test_a_place_in_another_gemeinde_measures_every_provider():
    result = nearest(_one_town(), 11.727, 48.108, limit=5, gemeinde_ags="09184119",
                     plz="85540")
    assert list(result["source_id"][:1]) == ["E"] and result["km"].iloc[1:].gt(10).all()
