"""Car times from the real engine (Valhalla) on road networks the tests write: a lattice
where times are predictable, a one-way street, a river with one bridge, an island."""

from __future__ import annotations

import numpy as np
import pytest

from store.access.measures import compute_access
from store.access.places import project
from store.traveltime.measures import compute_travel, with_xy
from store.traveltime.search import nearest_by_road, nearest_from_providers
from tests.traveltime.conftest import places, providers
from tests.traveltime.roads import RoadNet

LAT0 = 50.0
KM_PER_DEG_LAT = 111.195
KM_PER_DEG_LON = 111.195 * np.cos(np.radians(LAT0))


@pytest.fixture(autouse=True, params=["from_gemeinden", "from_providers"])
def search(request, monkeypatch) -> str:
    """Every scenario under both searches: forwards from each Gemeinde with the speed bound,
    and backwards from each provider (the one used for few providers)."""
    import store.traveltime.measures as measures

    monkeypatch.setattr(measures, "REVERSE_MAX_POINTS",
                        0 if request.param == "from_gemeinden" else 10**6)  # fmt: skip
    return request.param


def lattice() -> RoadNet:
    return RoadNet().lattice(9.0, LAT0, 11, 11)  # 0.1° × 0.1°, 50 km/h everywhere


def one_result(router, gemeinden, points):
    (result,) = compute_travel(providers(points), ["wfbm"], router, gemeinden, ("wfbm",))
    return result


def test_lattice_road_km_is_the_manhattan_distance_and_minutes_follow_the_speed(route):
    router = route("lattice", lattice())
    source = np.array([9.0, LAT0])
    corners = np.array([[9.05, 50.05], [9.1, 50.0], [9.03, 50.08]])
    seconds, km = router.times(source, corners)
    manhattan = (corners[:, 0] - 9.0) * KM_PER_DEG_LON + (corners[:, 1] - LAT0) * KM_PER_DEG_LAT
    np.testing.assert_allclose(km, manhattan, rtol=0.01)
    at_50 = manhattan / 50.0 * 3600.0
    # never faster than the speed limit allows; turns add seconds, not minutes
    assert (seconds >= at_50 * 0.99).all() and (seconds <= at_50 + 60).all()


def test_the_search_finds_the_same_nearest_as_asking_every_provider(route):
    router = route("lattice", lattice())
    rng = np.random.default_rng(18)
    gemeinden = with_xy(places([tuple(p) for p in rng.uniform([9.0, 50.0], [9.1, 50.1], (25, 2))]))
    targets = rng.uniform([9.0, 50.0], [9.1, 50.1], (30, 2))
    g_lonlat = gemeinden[["lon", "lat"]].to_numpy()
    found = nearest_by_road(router, g_lonlat, gemeinden[["x", "y"]].to_numpy(),
                            router.snap_m(g_lonlat), targets,
                            project(targets[:, 0], targets[:, 1]), router.snap_m(targets))
    for g, lonlat in enumerate(g_lonlat):
        seconds, km = router.times(lonlat, targets)
        assert found.minutes[g] == pytest.approx(np.nanmin(seconds) / 60.0)
        assert seconds[found.point[g]] == np.nanmin(seconds)
    # the bound let most Gemeinden stop before asking all 30
    assert (found.asked < len(targets)).sum() >= len(g_lonlat) // 2
    backwards = nearest_from_providers(router, g_lonlat, router.snap_m(g_lonlat), targets,
                                       router.snap_m(targets))  # fmt: skip
    np.testing.assert_allclose(backwards.minutes, found.minutes)
    np.testing.assert_allclose(backwards.road_km, found.road_km)


def one_way_loop() -> RoadNet:
    """A street eastward, one way, past A and B; back only by a loop 3 km north."""
    net = RoadNet()
    net.road([(8.99, LAT0), (9.04, LAT0)], oneway="yes")
    net.road([(8.99, LAT0), (8.99, 50.03), (9.04, 50.03), (9.04, LAT0)])
    return net


def test_a_one_way_street_makes_the_way_back_longer(route):
    router = route("one_way", one_way_loop())
    a, b = (9.0, LAT0), (9.03, LAT0)
    there = one_result(router, places([a]), [b]).gemeinden.iloc[0]
    back = one_result(router, places([b]), [a]).gemeinden.iloc[0]
    assert there["road_km"] == pytest.approx(0.03 * KM_PER_DEG_LON, rel=0.02)
    assert back["road_km"] > 3 * there["road_km"]
    assert back["nearest_min"] > 3 * there["nearest_min"]


WEST = (9.04, 50.02)  # a Gemeinde on the west bank
EAST = (9.06, 50.02)  # a provider just across the river (1.4 km)
FAR_WEST = (9.0, 50.1)  # a provider on the same bank, 9.5 km away


def river(bridge: bool) -> RoadNet:
    """Two banks of lattice roads with a river between lon 9.04 and 9.06 (no road crosses
    it) and, if `bridge`, one bridge at the Gemeinde's latitude."""
    net = RoadNet().lattice(9.0, LAT0, 5, 11).lattice(9.06, LAT0, 5, 11)
    net.ways.append(([(9.05, 49.99), (9.05, 50.11)], {"waterway": "river"}))
    if bridge:
        net.road([(9.04, 50.02), (9.06, 50.02)], bridge="yes", layer="1")
    return net


def luftlinie_km(gemeinden, points) -> float:
    result = compute_access(providers(points), "wfbm", gemeinden=with_xy(gemeinden))
    return float(result.gemeinden["nearest_km"].iloc[0])


def test_the_bridge_brings_the_provider_across_the_river_within_minutes(route):
    router = route("river_bridge", river(bridge=True))
    row = one_result(router, places([WEST]), [EAST, FAR_WEST]).gemeinden.iloc[0]
    assert row["nearest_provider"] == "P1"
    assert row["road_km"] == pytest.approx(0.02 * KM_PER_DEG_LON, rel=0.05)
    assert row["nearest_min"] < 3


def test_without_the_bridge_times_jump_and_luftlinie_does_not(route):
    gemeinden, points = places([WEST]), [EAST, FAR_WEST]
    with_bridge = one_result(route("river_bridge", river(bridge=True)), gemeinden, points)
    without = one_result(route("river_no_bridge", river(bridge=False)), gemeinden, points)
    before, after = with_bridge.gemeinden.iloc[0], without.gemeinden.iloc[0]
    # across the water is now out of reach: the same bank's far provider is the nearest
    assert after["nearest_provider"] == "P2"
    assert after["nearest_min"] > 4 * before["nearest_min"]
    assert after["road_km"] > 5 * before["road_km"]
    # the straight line knows nothing of bridges: 1.4 km either way
    assert luftlinie_km(gemeinden, points) == pytest.approx(0.02 * KM_PER_DEG_LON, rel=0.01)


def island() -> RoadNet:
    """A mainland lattice and, 2 km off its east edge, an island with a road of its own."""
    net = RoadNet().lattice(9.0, LAT0, 6, 6)
    net.road([(9.08, 50.02), (9.09, 50.02), (9.09, 50.03)])
    return net


def test_a_provider_on_an_island_no_road_reaches_is_never_the_nearest_by_road(route):
    router = route("island", island())
    shore, on_island, mainland = (9.05, 50.02), (9.09, 50.02), (9.0, 50.05)
    result = one_result(router, places([shore]), [on_island, mainland])
    row = result.gemeinden.iloc[0]
    # nearest by Luftlinie is the island (2.9 km); by road only the mainland one is reachable
    assert luftlinie_km(places([shore]), [on_island, mainland]) < 3.0
    assert row["nearest_provider"] == "P2" and row["nearest_min"] > 0


def test_a_gemeinde_on_the_island_is_unreachable_never_zero_minutes(route):
    router = route("island", island())
    result = one_result(router, places([(9.085, 50.02), (9.02, 50.02)]), [(9.0, 50.05)])
    island_row, mainland_row = result.gemeinden.iloc[0], result.gemeinden.iloc[1]
    assert np.isnan(island_row["nearest_min"]) and np.isnan(island_row["road_km"])
    assert island_row["nearest_provider"] is None
    assert mainland_row["nearest_min"] > 0
    assert result.gemeinden_unreachable == 1
    assert any("reach no provider" in note for note in result.notes)


def test_a_provider_far_from_any_road_is_not_routed_and_counted(route):
    router = route("island", island())
    at_sea = (9.5, 50.5)  # 35 km from the nearest road of this network
    result = one_result(router, places([(9.02, 50.02)]), [at_sea, (9.0, 50.05)])
    assert result.points_unroutable == 1
    assert result.gemeinden.iloc[0]["nearest_provider"] == "P2"
