"""Access measures (store.access): distances, weights, 2SFCA, edge cases, planning."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import geodata
from store.access import aggregate, compute_access, gemeinde_frame, plan
from store.access.aggregate import weighted_median
from store.access.measures import two_step_fca
from store.access.places import project
from store.schema import PROVIDER_COLUMNS


def providers_at(gemeinden: pd.DataFrame, positions, category: str = "ala", **fields):
    """Providers located to the Gemeinden at `positions` (as the geocoder places them)."""
    rows = []
    for n, position in enumerate(positions):
        g = gemeinden.iloc[position]
        row = dict.fromkeys(PROVIDER_COLUMNS)
        row.update(
            category=category, source_id=f"{category}-{n}", name=f"P{n}", plz="01067",
            services=["Arbeitsbereich"], gemeinde_ags=g["ars"][:5] + g["ars"][9:],
            kreis_ars=g["kreis_ars"], land_code=g["land_code"], lon=g["lon"], lat=g["lat"],
            geocode_quality="gemeinde",
        )  # fmt: skip
        row.update(fields)
        rows.append(row)
    return pd.DataFrame(rows, columns=list(PROVIDER_COLUMNS))


@pytest.fixture(scope="module")
def gemeinden() -> pd.DataFrame:
    return gemeinde_frame()


def brute_force_km(gemeinden: pd.DataFrame, providers: pd.DataFrame) -> np.ndarray:
    g = gemeinden[["x", "y"]].to_numpy()
    p = project(providers["lon"].to_numpy(), providers["lat"].to_numpy())
    return np.sqrt(((g[:, None, :] - p[None, :, :]) ** 2).sum(axis=2)).min(axis=1) / 1000


def test_nearest_distances_equal_a_brute_force_computation_on_samples(gemeinden):
    rng = np.random.default_rng(7)
    providers = providers_at(gemeinden, rng.choice(len(gemeinden), 60, replace=False))
    # Some providers away from any Gemeinde point (a street address inside a Gemeinde).
    providers.loc[:9, "lon"] += rng.uniform(-0.05, 0.05, 10)
    providers.loc[:9, "lat"] += rng.uniform(-0.05, 0.05, 10)
    result = compute_access(providers, "ala", gemeinden=gemeinden)
    sample = rng.choice(len(gemeinden), 800, replace=False)
    expected = brute_force_km(gemeinden.iloc[sample], providers)
    got = result.gemeinden["nearest_km"].to_numpy()[sample]
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-9)
    assert result.status == "ok" and result.providers_used == 60


def test_distances_are_metric_kilometres_in_epsg_3035():
    # Berlin (Mitte) to Hamburg is about 255 km as the crow flies.
    xy = project(np.array([13.4050, 9.9937]), np.array([52.5200, 53.5511]))
    assert np.hypot(*(xy[0] - xy[1])) / 1000 == pytest.approx(255, abs=3)


def test_a_provider_located_in_a_gemeinde_gives_that_gemeinde_distance_zero(gemeinden):
    located = geodata.locate("01067", "Dresden")
    row = dict.fromkeys(PROVIDER_COLUMNS)
    row.update(category="wfbm", source_id="w1", name="W", plz="01067", services=[],
               kreis_ars=located["kreis_ars"], lon=located["lon"], lat=located["lat"],
               geocode_quality=located["quality"])  # fmt: skip
    result = compute_access(pd.DataFrame([row]), "wfbm", gemeinden=gemeinden)
    dresden = gemeinden.index[gemeinden["ars"] == "146120000000"][0]
    assert result.gemeinden.loc[dresden, "nearest_km"] == 0.0
    assert result.gemeinden.loc[dresden, "nearest_provider"] == "w1"
    assert (result.gemeinden.drop(index=dresden)["nearest_km"] > 0).all()


def tiny_gemeinden() -> pd.DataFrame:
    """Four Gemeinden on a line (x in metres), two Kreise in two Länder."""
    return pd.DataFrame(
        {"ars": ["010010000001", "010010000002", "020020000001", "020020000002"],
         "kreis_ars": ["01001", "01001", "02002", "02002"], "land_code": ["01", "01", "02", "02"],
         "population": [100, 300, 600, 0], "x": [0.0, 30_000.0, 60_000.0, 200_000.0],
         "y": [0.0, 0.0, 0.0, 0.0]}
    )  # fmt: skip


def measures(distance_km, own=(True, True, False, False), sfca=(0, 0, 0, 0)):
    return pd.DataFrame({"nearest_km": distance_km, "own_kreis": own, "sfca_per_100k": sfca,
                         "kreis_placed": [False, True, False, False]})  # fmt: skip


def test_population_weighted_mean_median_and_people_beyond_thresholds():
    gem = tiny_gemeinden()
    out = aggregate(gem, measures([0.0, 30.0, 60.0, 200.0]), "germany", names=False).iloc[0]
    assert out["population"] == 1000
    assert out["mean_km"] == pytest.approx((0 * 100 + 30 * 300 + 60 * 600) / 1000)
    assert out["median_km"] == 60.0  # half of 1000 people reached only at 60 km
    assert out["pop_beyond_25km"] == 900 and out["pop_beyond_50km"] == 600
    assert out["share_beyond_50km"] == pytest.approx(0.6)
    assert out["pop_no_provider_in_kreis"] == 600
    assert out["pop_nearest_kreis_placed"] == 300
    per_kreis = aggregate(gem, measures([0.0, 30.0, 60.0, 200.0]), "kreis", names=False)
    assert per_kreis["population"].tolist() == [400, 600]
    assert per_kreis["median_km"].tolist() == [30.0, 60.0]  # the 0-people Gemeinde weighs 0
    assert per_kreis["pop_beyond_10km"].tolist() == [300, 600]


def test_weighted_median_takes_the_value_where_half_the_weight_is_reached():
    values = np.array([5.0, 1.0, 3.0, 10.0, 2.0])
    weights = np.array([1, 1, 1, 5, 0])
    groups = np.array([0, 0, 0, 1, 1])
    np.testing.assert_array_equal(weighted_median(values, weights, groups), [3.0, 10.0])


def test_two_step_fca_shares_each_provider_among_the_people_within_reach():
    gem = tiny_gemeinden()
    xy = gem[["x", "y"]].to_numpy()
    # One provider at x=0 reaches Gemeinden 1 and 2 (400 people) within 50 km; one at
    # x=60 km reaches Gemeinden 2 and 3 (900 people).
    providers = np.array([[0.0, 0.0], [60_000.0, 0.0]])
    score = two_step_fca(xy, gem["population"].to_numpy(), providers, 50.0)
    expected = np.array([1 / 400, 1 / 400 + 1 / 900, 1 / 900, 0.0]) * 100_000
    np.testing.assert_allclose(score, expected)
    # Every provider is shared out completely: people x score sums to the providers.
    assert (score * gem["population"]).sum() / 100_000 == pytest.approx(2.0)


def test_2sfca_in_germany_adds_up_to_the_providers(gemeinden):
    providers = providers_at(gemeinden, range(0, 10_997, 97))
    result = compute_access(providers, "ala", gemeinden=gemeinden)
    germany = aggregate(gemeinden, result.gemeinden, "germany", names=False).iloc[0]
    expected = len(providers) / gemeinden["population"].sum() * 100_000
    assert germany["providers_per_100k_within_50km"] == pytest.approx(expected, rel=1e-9)


def test_a_category_without_any_provider_has_undefined_distances_not_zero(gemeinden):
    providers = providers_at(gemeinden, [10, 20], category="wfbm")
    result = compute_access(providers, "ib", gemeinden=gemeinden)
    assert result.status == "no_provider"
    assert result.gemeinden["nearest_km"].isna().all()
    assert any("undefined" in note for note in result.notes)
    germany = aggregate(gemeinden, result.gemeinden, "germany", names=False).iloc[0]
    assert pd.isna(germany["mean_km"]) and pd.isna(germany["median_km"])
    assert pd.isna(germany["pop_beyond_25km"]) and pd.isna(germany["share_beyond_50km"])
    assert germany["pop_no_provider_in_kreis"] == germany["population"]


def test_a_category_the_snapshot_did_not_record_is_not_recorded(gemeinden):
    result = compute_access(providers_at(gemeinden, [1]), "ala", recorded=False,
                            gemeinden=gemeinden)  # fmt: skip
    assert result.status == "not_recorded"
    assert result.gemeinden["nearest_km"].isna().all()


def test_services_count_only_providers_listing_them(gemeinden):
    providers = providers_at(gemeinden, [100, 5000, 9000])
    providers.at[1, "services"] = ["Berufsbildungsbereich"]
    providers.at[2, "services"] = []
    work = compute_access(providers, "ala", "arbeitsbereich", gemeinden=gemeinden)
    assert work.providers_used == 1 and set(work.gemeinden["nearest_provider"]) == {"ala-0"}
    assert any("list no service" in note for note in work.notes)
    providers["services"] = [[] for _ in range(3)]
    unlisted = compute_access(providers, "ala", "arbeitsbereich", gemeinden=gemeinden)
    assert unlisted.status == "not_recorded"


def test_kreis_placed_providers_are_marked_and_land_placed_ones_left_out(gemeinden):
    providers = providers_at(gemeinden, [100, 5000, 9000])
    providers.at[1, "geocode_quality"] = "kreis"
    providers.at[2, "geocode_quality"] = "land"
    result = compute_access(providers, "ala", gemeinden=gemeinden)
    assert (result.providers_used, result.kreis_placed, result.excluded) == (2, 1, 1)
    nearest_kreis = result.gemeinden["nearest_provider"] == "ala-1"
    assert nearest_kreis.any()
    assert (result.gemeinden["kreis_placed"] == nearest_kreis).all()
    assert "ala-2" not in set(result.gemeinden["nearest_provider"])


def test_planning_equals_a_full_computation_with_the_new_providers(gemeinden):
    base_providers = providers_at(gemeinden, [100, 3000, 7000])
    baseline = compute_access(base_providers, "ala", gemeinden=gemeinden)
    places = [gemeinden.at[5000, "ars"], gemeinden.at[9000, "ars"]]
    planned = plan(gemeinden, baseline.gemeinden, places)
    full = compute_access(
        pd.concat([base_providers, providers_at(gemeinden, [5000, 9000]).assign(
            source_id=["h1", "h2"])], ignore_index=True),
        "ala", gemeinden=gemeinden,
    )  # fmt: skip
    np.testing.assert_allclose(planned.measures["nearest_km"], full.gemeinden["nearest_km"])
    np.testing.assert_allclose(planned.measures["sfca_per_100k"],
                               full.gemeinden["sfca_per_100k"])  # fmt: skip
    people = gemeinden["population"].to_numpy()
    before = baseline.gemeinden["nearest_km"].to_numpy()
    after = full.gemeinden["nearest_km"].to_numpy()
    expected = people[(before > 25) & (after <= 25)].sum()
    assert planned.totals["newly_within_25km"] == expected > 0
    assert planned.newly["land"]["newly_within_25km"].sum() == expected
    assert planned.newly["kreis"]["newly_within_50km"].sum() == planned.totals["newly_within_50km"]
    assert planned.measures.loc[5000, "nearest_provider"] == "hypothetisch:" + places[0]


def test_a_hypothetical_provider_at_an_existing_place_changes_no_distance(gemeinden):
    baseline = compute_access(providers_at(gemeinden, [100, 3000]), "ala", gemeinden=gemeinden)
    planned = plan(gemeinden, baseline.gemeinden, [gemeinden.at[3000, "ars"]])
    assert planned.totals == {"newly_within_10km": 0, "newly_within_25km": 0,
                              "newly_within_50km": 0}
    np.testing.assert_array_equal(planned.measures["nearest_km"], baseline.gemeinden["nearest_km"])
    assert all(frame.empty for frame in planned.newly.values())


def test_planning_without_any_existing_provider_defines_the_distances(gemeinden):
    baseline = compute_access(providers_at(gemeinden, []), "ala", gemeinden=gemeinden)
    assert baseline.status == "no_provider"
    planned = plan(gemeinden, baseline.gemeinden, [gemeinden.at[10, "ars"]])
    assert planned.measures["nearest_km"].notna().all()
    assert planned.totals["newly_within_50km"] > 0


def test_planning_refuses_an_unknown_gemeinde(gemeinden):
    baseline = compute_access(providers_at(gemeinden, [1]), "ala", gemeinden=gemeinden)
    with pytest.raises(ValueError, match="unknown Gemeinde ARS: 999999999999"):
        plan(gemeinden, baseline.gemeinden, ["999999999999"])


def test_a_service_of_a_category_without_providers_is_no_provider(gemeinden):
    providers = providers_at(gemeinden, [5], category="ib")
    result = compute_access(providers, "ala", "arbeitsbereich", gemeinden=gemeinden)
    assert result.status == "no_provider"


def test_providers_sharing_a_point_count_each_in_2sfca_and_the_first_id_is_named(gemeinden):
    providers = providers_at(gemeinden, [100, 100, 100, 5000])
    result = compute_access(providers, "ala", gemeinden=gemeinden)
    germany = aggregate(gemeinden, result.gemeinden, "germany", names=False).iloc[0]
    expected = 4 / gemeinden["population"].sum() * 100_000
    assert germany["providers_per_100k_within_50km"] == pytest.approx(expected, rel=1e-9)
    assert result.gemeinden.loc[100, "nearest_provider"] == "ala-0"
    assert result.providers_used == 4


def test_2sfca_in_chunks_equals_one_pass(gemeinden, monkeypatch):
    import store.access.measures as measures

    rng = np.random.default_rng(3)
    xy = gemeinden[["x", "y"]].to_numpy()
    points = xy[rng.integers(0, len(xy), 300)] + rng.uniform(-5000, 5000, (300, 2))
    people = gemeinden["population"].to_numpy()
    whole = two_step_fca(xy, people, points)
    monkeypatch.setattr(measures, "CHUNK", 7)
    np.testing.assert_allclose(measures.two_step_fca(xy, people, points), whole, rtol=1e-12)
