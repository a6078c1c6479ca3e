"""GET /api/access: Erreichbarkeit per Gemeinde, Kreis or Land, as JSON rows or CSV."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

import store
from dashboard import create_app
from dashboard.model.access_data import GEMEINDE_COLUMNS, REGION_COLUMNS


@pytest.fixture(scope="module")
def client(demo_db):
    return create_app(demo_db).server.test_client()


def rows(response):
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return json.loads(response.get_data(as_text=True))


def test_gemeinde_rows_have_the_documented_columns(client, demo_db):
    response = client.get("/api/access?level=gemeinde&category=ala")
    body = rows(response)
    assert isinstance(body, list) and len(body) == 10_997
    assert list(body[0]) == list(GEMEINDE_COLUMNS)
    assert sum(r["population"] for r in body) == 83_166_711
    assert all(len(r["ars"]) == 12 and len(r["kreis_ars"]) == 5 for r in body)
    served = store.served_snapshot(store.connect(demo_db))
    providers = store.load_providers(store.connect(demo_db), served["id"], category="ala")
    with_provider = set(providers["gemeinde_ags"])
    zero = [r for r in body if r["nearest_km"] == 0]
    assert zero and all(r["ars"][:5] + r["ars"][9:] in with_provider for r in zero)
    assert {r["nearest_provider"] for r in zero} <= set(providers["source_id"])
    assert response.headers["X-Atlas-Access-Status"] == "ok"
    assert "Luftlinie" in response.headers["X-Atlas-Access-Method"]
    assert response.headers["X-Atlas-Snapshot"].startswith(f"{served['id']} ")


@pytest.mark.parametrize(("level", "count"), [("kreis", 401), ("land", 16)])
def test_region_rows_have_the_documented_columns(client, level, count):
    body = rows(client.get(f"/api/access?level={level}&category=wfbm&format=json"))
    assert len(body) == count and list(body[0]) == list(REGION_COLUMNS)
    assert sum(r["population"] for r in body) == 83_166_711
    for r in body:
        assert 0 <= r["pop_beyond_50km"] <= r["pop_beyond_25km"] <= r["population"]
        assert r["median_km"] >= 0 and r["mean_km"] >= 0
        assert r["providers_per_100k_within_50km"] >= 0


def test_services_narrow_the_providers_and_widen_the_distances(client):
    every = rows(client.get("/api/access?level=land&category=ala&service=all"))
    work = rows(client.get("/api/access?level=land&category=ala&service=arbeitsbereich"))
    assert sum(r["pop_beyond_50km"] for r in work) >= sum(r["pop_beyond_50km"] for r in every)
    assert every != work


def test_csv_has_the_same_rows_with_ars_as_text(client):
    response = client.get("/api/access?level=kreis&category=ib&format=csv&snapshot=latest")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    frame = pd.read_csv(io.StringIO(response.get_data(as_text=True)), dtype={"ars": str})
    assert list(frame.columns) == list(REGION_COLUMNS) and len(frame) == 401
    assert frame["ars"].str.fullmatch(r"\d{5}").all()
    assert "erreichbarkeit_kreis_ib_all" in response.headers["Content-Disposition"]


@pytest.mark.parametrize("url", [
    "/api/access?level=bund",
    "/api/access?category=xyz",
    "/api/access?category=wfbm&service=arbeitsbereich",
    "/api/access?service=eingangsverfahren",
    "/api/access?format=geojson",
    "/api/access?snapshot=abc",
    "/api/access?radius=10",
])
def test_bad_parameters_are_a_one_line_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    body = json.loads(response.get_data(as_text=True))
    assert set(body) == {"error"} and "\n" not in body["error"] and body["error"]


def test_an_unknown_snapshot_is_a_404(client):
    response = client.get("/api/access?snapshot=987654")
    assert response.status_code == 404
    assert json.loads(response.get_data(as_text=True)) == {"error": "no snapshot with id 987654"}


def test_unrecorded_and_empty_categories(writable_db):
    engine = store.connect(writable_db)
    frame = pd.DataFrame(columns=list(store.PROVIDER_COLUMNS))
    only_ala = store.write_snapshot(engine, {"taken_at": "2023-01-01", "origin": "replay",
                                             "categories": {"ala": 0}}, frame, {})  # fmt: skip
    client = create_app(writable_db).server.test_client()
    response = client.get(f"/api/access?category=wfbm&snapshot={only_ala}")
    assert response.status_code == 404
    assert "no data for category" in json.loads(response.get_data(as_text=True))["error"]
    # ala was recorded with no provider: rows exist, distances are null (undefined), not 0.
    response = client.get(f"/api/access?level=land&category=ala&snapshot={only_ala}")
    body = rows(response)
    assert response.headers["X-Atlas-Access-Status"] == "no_provider"
    assert all(r["mean_km"] is None and r["pop_beyond_25km"] is None for r in body)
    gemeinden = rows(client.get(f"/api/access?level=gemeinde&category=ala&snapshot={only_ala}"))
    assert all(r["nearest_km"] is None and r["nearest_provider"] is None for r in gemeinden)
