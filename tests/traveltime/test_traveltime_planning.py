"""Planning by road with the real engine (Valhalla) on networks the tests write: a
hypothetical provider brings its Gemeinde and its road neighbours closer, nothing across
a river without a bridge, and the bound never leaves out a Gemeinde that would gain."""

from __future__ import annotations

import numpy as np
import pytest

from store.access.planning import HYPOTHETICAL_PREFIX
from store.access.planning import plan as plan_by_line
from store.traveltime.measures import compute_travel, with_xy
from store.traveltime.planning import RoadPlanner
from tests.traveltime.conftest import places, providers
from tests.traveltime.roads import RoadNet
from tests.traveltime.test_traveltime_engine import river

# west bank: A (where we plan), B (its road neighbour), FAR (13 km up the bank);
# east bank, 1.4 km across the water from A: C and D; no provider on the east bank
A, B, FAR = (9.04, 50.02), (9.02, 50.03), (9.0, 50.1)
C, D = (9.06, 50.02), (9.08, 50.03)
EXISTING = (9.0, 50.09)  # the only provider, up the west bank


def baseline(router, gemeinden, points):
    (result,) = compute_travel(providers(points), ["wfbm"], router, gemeinden, ("wfbm",))
    return result.gemeinden


@pytest.fixture()
def no_bridge(route):
    gemeinden = with_xy(places([A, B, FAR, C, D]))
    router = route("river_no_bridge", river(bridge=False))
    return RoadPlanner(router, gemeinden), baseline(router, gemeinden, [EXISTING])


def test_planning_at_a_gemeinde_brings_it_and_its_road_neighbours_closer(no_bridge):
    planner, before = no_bridge
    result = planner.plan(before, ["000000000001"])
    was, now = before["nearest_min"].to_numpy(), result.times["nearest_min"].to_numpy()
    assert now[0] < 1.0 < was[0]  # A: the provider stands at its own point
    assert now[1] < was[1]  # B, 2.5 km of road away
    assert result.times["nearest_provider"].iat[0] == HYPOTHETICAL_PREFIX + "000000000001"
    assert now[2] == pytest.approx(was[2])  # FAR keeps its own provider next door
    # the road km follow the minutes: A's road is its own point's
    assert result.times["road_km"].iat[0] < 0.5 < before["road_km"].iat[0]


def test_nothing_across_the_river_without_a_bridge_gets_closer(no_bridge):
    planner, before = no_bridge
    assert before["nearest_min"].iloc[3:].isna().all()  # the east bank reaches nobody
    result = planner.plan(before, ["000000000001"])
    assert result.times["nearest_min"].iloc[3:].isna().all()  # and still nobody by road
    # the straight line knows no rivers: planned at A, C is 1.4 km away by Luftlinie
    line = plan_by_line(planner.gemeinden, before.assign(
        nearest_km=np.nan, kreis_placed=False, own_kreis=False, sfca_per_100k=0.0),
        ["000000000001"])  # fmt: skip
    assert line.measures["nearest_km"].iat[3] == pytest.approx(1.43, abs=0.05)


def test_planning_on_the_unreached_bank_makes_it_reachable_and_counts_the_people(no_bridge):
    planner, before = no_bridge
    result = planner.plan(before, ["000000000004"])  # at C
    minutes = result.times["nearest_min"].to_numpy()
    assert minutes[3] < 1.0 and 0 < minutes[4] < 15  # C and D: from "nicht erreichbar"
    assert minutes[0] == pytest.approx(before["nearest_min"].iat[0])  # the west bank unchanged
    assert result.totals[15] == 2000  # two Gemeinden of 1,000 newly within 15 minutes
    assert result.newly["kreis"]["newly_within_15min"].tolist() == [2000]


def test_a_planned_point_far_from_any_road_changes_nothing_and_is_named(route):
    gemeinden = with_xy(places([A, B, (10.0, 50.5)]))  # the third: 70 km off the roads
    router = route("river_no_bridge", river(bridge=False))
    before = baseline(router, gemeinden, [EXISTING])
    result = RoadPlanner(router, gemeinden).plan(before, ["000000000003"])
    assert result.off_road == ["000000000003"]
    np.testing.assert_array_equal(result.times["nearest_min"], before["nearest_min"])
    assert result.totals[60] == 0


def test_an_unknown_gemeinde_is_refused(no_bridge):
    planner, before = no_bridge
    with pytest.raises(ValueError, match="unknown Gemeinde"):
        planner.plan(before, ["999999999999"])


def test_the_bound_asks_only_some_and_misses_none(route):
    """The planned times equal a full computation with the provider added, while the
    engine is asked about fewer Gemeinden than there are. Fast roads (130 km/h, near the
    bound's 140) keep the bound tight, as motorways do in a real extract."""
    net = RoadNet().lattice(9.0, 50.0, 41, 41, highway="motorway", maxspeed=130)
    router = route("fast_lattice", net)
    rng = np.random.default_rng(18)
    gemeinden = with_xy(places([tuple(p) for p in rng.uniform([9.0, 50.0], [9.4, 50.4], (80, 2))]))
    existing = [(9.05 + 0.1 * i, 50.05 + 0.1 * j) for i in range(4) for j in range(4)]
    before = baseline(router, gemeinden, existing)
    planner = RoadPlanner(router, gemeinden)
    chosen = ["000000000007", "000000000031"]
    result = planner.plan(before, chosen)
    lonlat = gemeinden[["lon", "lat"]].to_numpy()
    at = [tuple(lonlat[int(a) - 1]) for a in chosen]
    full = baseline(router, gemeinden, existing + at)
    np.testing.assert_allclose(result.times["nearest_min"], full["nearest_min"], rtol=1e-6)
    np.testing.assert_allclose(result.times["road_km"], full["road_km"], rtol=1e-6)
    assert 0 < result.asked < len(gemeinden)  # two places, fewer asked than one place's all


def test_a_gemeinde_that_gains_half_a_minute_is_still_asked(route):
    """On one fast road: G is 10 km from the provider and would be 9 km from P. The bound
    must keep G (9 km at 140 km/h is less than 10 km at 130 km/h) or G's gain is lost."""
    lat = 50.3
    step = 1.0 / (111.195 * np.cos(np.radians(lat)))  # one km in degrees of longitude here
    net = RoadNet().road([(9.0 + i * step, lat) for i in range(0, 21)], highway="motorway",
                         maxspeed=130)  # fmt: skip
    router = route("one_motorway", net)
    gemeinden = with_xy(places([(9.0 + 10 * step, lat), (9.0 + 19 * step, lat)]))
    before = baseline(router, gemeinden, [(9.0, lat)])
    result = RoadPlanner(router, gemeinden).plan(before, ["000000000002"])
    was, now = before["nearest_min"].iat[0], result.times["nearest_min"].iat[0]
    assert now < was - 0.3  # 9 km instead of 10 at 130 km/h: about half a minute sooner
    assert result.times["road_km"].iat[0] == pytest.approx(9.0, rel=0.02)


def test_car_times_and_luftlinie_count_the_same_providers_by_one_rule(route):
    """store.access.measures.counted_providers decides for both: the same status, the same
    providers counted, the same note on what was left out."""
    import pandas as pd

    from store.access.measures import combinations, compute_access

    router = route("river_no_bridge", river(bridge=False))
    gemeinden = with_xy(places([A, B, C]))
    frame = pd.concat([
        providers([EXISTING, B], "ala").assign(services=[["Arbeitsbereich"], []]),
        providers([A], "wfbm").assign(geocode_quality="land", source_id="W9"),  # not placed
        providers([C], "wfbm").assign(geocode_quality="kreis", source_id="W1"),
    ], ignore_index=True)  # fmt: skip
    recorded = ["ala", "wfbm"]  # ib was not recorded
    travel = compute_travel(frame, recorded, router, gemeinden)
    for result, (category, service) in zip(travel, combinations(("ala", "wfbm", "ib")),
                                            strict=True):  # fmt: skip
        line = compute_access(frame, category, service, category in recorded, gemeinden)
        assert (result.status, result.providers_used) == (line.status, line.providers_used)
        assert [n for n in result.notes if "provider" in n and "list" in n] == \
            [n for n in line.notes if "provider" in n and "list" in n]  # fmt: skip
    statuses = {(r.category, r.service): (r.status, r.providers_used) for r in travel}
    assert statuses[("ala", "arbeitsbereich")] == ("ok", 1)  # the one listing it
    assert statuses[("wfbm", "all")] == ("ok", 1)  # the Land-placed one left out
    assert statuses[("ib", "all")] == ("not_recorded", 0)
