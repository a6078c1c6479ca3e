"""GET /api/access?mode=car: car minutes and road km beside the Luftlinie, from times the
real engine computed on a test-written extract over Saarland; 404 with the command when a
snapshot has none."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

import store
from dashboard import create_app
from dashboard.model.access_data import GEMEINDE_COLUMNS, REGION_COLUMNS
from dashboard.model.travel_data import GEMEINDE_CAR_COLUMNS, REGION_CAR_COLUMNS

pytest.importorskip("valhalla", reason="routing engine: make routing")


@pytest.fixture(scope="module")
def car_db(tmp_path_factory) -> str:
    """The demo store (SQLite) with car times for its served snapshot only."""
    from tests.traveltime.saarland import demo_store_with_car_times

    return demo_store_with_car_times(tmp_path_factory.mktemp("car-api"))


@pytest.fixture(scope="module")
def client(car_db):
    return create_app(car_db).server.test_client()


def body(response):
    assert response.status_code == 200, response.get_data(as_text=True)
    return json.loads(response.get_data(as_text=True))


def test_gemeinde_rows_gain_minutes_and_road_km(client):
    rows = body(client.get("/api/access?level=gemeinde&category=wfbm&mode=car"))
    assert len(rows) == 10_997
    assert list(rows[0]) == [*GEMEINDE_COLUMNS, *GEMEINDE_CAR_COLUMNS]
    saar = [r for r in rows if r["ars"].startswith("10")]
    assert saar and all(r["nearest_min"] is not None for r in saar)
    # by road never shorter than the straight line (both between Gemeinde points)
    assert all(r["road_km"] >= r["nearest_km"] * 0.98 for r in saar if r["nearest_km"] > 2)
    elsewhere = [r for r in rows if r["ars"].startswith("09")]
    assert all(r["nearest_min"] is None and r["road_km"] is None for r in elsewhere)


def test_line_mode_stays_todays_answer(client):
    line = body(client.get("/api/access?level=kreis&category=wfbm"))
    explicit = body(client.get("/api/access?level=kreis&category=wfbm&mode=line"))
    assert line == explicit and list(line[0]) == list(REGION_COLUMNS)


@pytest.mark.parametrize("level", ["kreis", "land"])
def test_region_rows_gain_mean_median_and_people_beyond(client, level):
    response = client.get(f"/api/access?level={level}&category=wfbm&mode=car")
    rows = body(response)
    assert list(rows[0]) == [*REGION_COLUMNS, *REGION_CAR_COLUMNS]
    saarland = [r for r in rows if r["ars"].startswith("10")]
    for r in saarland:
        assert r["pop_unreachable"] == 0 and r["mean_min"] > 0 and r["median_min"] >= 0
        assert 0 <= r["pop_beyond_60min"] <= r["pop_beyond_30min"] <= r["population"]
    bayern = next(r for r in rows if r["ars"].startswith("09"))
    assert bayern["mean_min"] is None and bayern["pop_unreachable"] == bayern["population"]
    method = response.headers["X-Atlas-Travel-Method"]
    assert "Valhalla" in method and "saarland.osm.pbf (2026-11-30T21:21:02Z" in method


def test_csv_carries_the_car_columns(client):
    response = client.get("/api/access?level=land&category=ala&mode=car&format=csv")
    assert response.status_code == 200
    frame = pd.read_csv(io.StringIO(response.get_data(as_text=True)), dtype={"ars": str})
    assert list(frame.columns) == [*REGION_COLUMNS, *REGION_CAR_COLUMNS]
    assert "erreichbarkeit_auto_land_ala_all" in response.headers["Content-Disposition"]


def test_a_snapshot_without_times_answers_404_with_the_command(client, car_db):
    engine = store.connect(car_db)
    older = int(store.list_snapshots(engine).sort_values("taken_at")["id"].iloc[0])
    response = client.get(f"/api/access?category=wfbm&mode=car&snapshot={older}")
    assert response.status_code == 404 and response.mimetype == "application/json"
    answer = json.loads(response.get_data(as_text=True))
    assert answer["command"] == f"python -m store traveltime --osm FILE.osm.pbf --snapshot {older}"
    assert "no car travel times" in answer["error"]


def test_an_unknown_mode_is_a_400(client):
    response = client.get("/api/access?mode=bus")
    assert response.status_code == 400
    assert "mode must be one of line, car" in response.get_data(as_text=True)


def test_region_profiles_get_minutes_beside_the_km(car_db):
    from dashboard.model.travel_data import profile_minutes

    engine = store.connect(car_db)
    served = store.served_snapshot(engine)["id"]
    saarbruecken = profile_minutes(engine, served, "kreis", "10041", "wfbm")
    assert saarbruecken["mean_min"] > 0 and saarbruecken["median_min"] >= 0
    assert saarbruecken["engine"].startswith("Valhalla") and saarbruecken["date"] == "2026-11-30"
    # off the extract nobody reaches a provider by road: no minutes, never 0
    assert profile_minutes(engine, served, "kreis", "09162", "wfbm") is None
    older = int(store.list_snapshots(engine).sort_values("taken_at")["id"].iloc[0])
    assert profile_minutes(engine, older, "kreis", "10041", "wfbm") is None
