"""The data API through the Flask test client of the real dashboard app."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from flask import Flask

import store
from dashboard import create_app
from dashboard.endpoints.api import register_api
from store.serving import ServingStore


@pytest.fixture(scope="module")
def client(demo_db):
    return create_app(demo_db).server.test_client()


def _json(response):
    assert response.mimetype in ("application/json", "application/geo+json")
    return json.loads(response.get_data(as_text=True))


def test_healthz_reports_the_served_demo_snapshot(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = _json(response)
    assert body["status"] == "ok"
    assert body["snapshot"]["origin"] == "demo"
    assert body["snapshot"]["taken_at"] == "2022-12-01T00:00:00Z"
    assert body["snapshot"]["counts"] == {"ala": 88, "wfbm": 891, "ib": 1020}
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_land_regions_are_16_and_their_population_is_germanys(client):
    body = _json(client.get("/api/regions?level=land"))
    assert body["count"] == 16 and len(body["regions"]) == 16
    assert sum(r["population"] for r in body["regions"]) == 83_166_711
    assert body["snapshot"]["origin"] == "demo"
    assert "REHADAT" in body["source"] and "Beispieldaten" in body["source"]
    assert body["population_as_of"] == "2019-12-31"
    assert sum(r["count"] for r in body["regions"]) == 88
    first = body["regions"][0]
    assert first["code"] == "01" and first["name"] == "Schleswig-Holstein"
    assert {"per_100k", "ala_share", "ala_per_wfbm", "none_here"} <= set(first)


def test_kreis_regions_are_401(client):
    body = _json(client.get("/api/regions?level=kreis&category=wfbm"))
    assert len(body["regions"]) == 401
    assert sum(r["count"] for r in body["regions"]) == 891
    assert all(len(r["code"]) == 5 for r in body["regions"])


def test_an_older_snapshot_can_be_asked_for_by_id(client, demo_db):
    oldest = store.list_snapshots(store.connect(demo_db))["id"].min()
    body = _json(client.get(f"/api/regions?level=land&category=ala&snapshot={oldest}"))
    assert body["snapshot"]["taken_at"] == "2021-11-30T00:00:00Z"
    assert sum(r["count"] for r in body["regions"]) == 60


def test_regions_as_csv_trace_every_row_to_its_snapshot(client):
    response = client.get("/api/regions?level=kreis&category=ib&format=csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    frame = pd.read_csv(io.StringIO(response.get_data(as_text=True)),
                        dtype={"code": str, "land_code": str})
    assert len(frame) == 401
    assert {"snapshot_id", "taken_at", "origin", "source", "population_as_of"} <= set(frame)
    assert set(frame["origin"]) == {"demo"}
    assert frame["code"].str.len().eq(5).all()
    assert int(frame["population"].sum()) == 83_166_711


def test_providers_filter_by_category_land_and_kreis(client):
    everything = _json(client.get("/api/providers"))
    assert everything["count"] == 88 + 891 + 1020
    bayern = _json(client.get("/api/providers?land=09&category=wfbm"))
    assert bayern["count"] > 0
    assert {p["land_code"] for p in bayern["providers"]} == {"09"}
    assert {p["category"] for p in bayern["providers"]} == {"wfbm"}
    kreis = bayern["providers"][0]["kreis_ars"]
    one = _json(client.get(f"/api/providers?kreis={kreis}"))
    assert one["count"] > 0 and {p["kreis_ars"] for p in one["providers"]} == {kreis}
    assert one["filters"] == {"category": None, "land": None, "kreis": kreis}


def test_providers_as_geojson_are_points_with_provenance(client):
    body = _json(client.get("/api/providers?category=ala&format=geojson"))
    assert body["type"] == "FeatureCollection"
    assert len(body["features"]) == 88
    feature = body["features"][0]
    assert feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    assert 5 < lon < 16 and 47 < lat < 56
    assert feature["properties"]["name"].startswith("Beispiel-")
    assert body["snapshot"]["origin"] == "demo" and "OpenStreetMap" in " ".join(
        body["attribution"])


def test_providers_as_csv_keep_plz_as_text_and_join_services(client):
    response = client.get("/api/providers?category=wfbm&format=csv")
    frame = pd.read_csv(io.StringIO(response.get_data(as_text=True)), dtype=str)
    assert len(frame) == 891
    assert frame["plz"].str.fullmatch(r"\d{5}").all()
    assert frame["services"].str.contains("; ").all()
    assert set(frame["origin"]) == {"demo"}


BAD_REQUESTS = [
    "/api/regions?level=gemeinde",
    "/api/regions?level=LAND",
    "/api/regions?level=",
    "/api/regions?category=all",
    "/api/regions?category=ala%00",
    "/api/regions?format=xlsx",
    "/api/regions?format=geojson",
    "/api/regions?snapshot=-1",
    "/api/regions?snapshot=1.5",
    "/api/regions?snapshot=0x10",
    "/api/regions?snapshot=99999999999999999999",
    "/api/regions?snapshot=1%20OR%201=1",
    "/api/regions?snapshot=1;DROP%20TABLE%20snapshots",
    "/api/regions?level=land'%20OR%20'1'='1",
    "/api/regions?level=" + "x" * 5000,
    "/api/regions?" + "a" * 3000 + "=1",
    "/api/regions?level=land&level=land",
    "/api/regions?category=ala&category=wfbm",
    "/api/regions?foo=bar",
    "/api/regions?LEVEL=land",
    "/api/regions?level=%C3%A4%E2%82%AC%F0%9F%98%80",
    "/api/regions?level=%ff%fe",
    "/api/regions?level=%",
    "/api/regions?level[]=land",
    "/api/regions?level=land%0AX-Injected:%201",
    "/api/regions?level=<script>alert(1)</script>",
    "/api/providers?land=17",
    "/api/providers?land=1",
    "/api/providers?land=Bayern",
    "/api/providers?kreis=99999",
    "/api/providers?kreis=0916",
    "/api/providers?kreis=09162%20",
    "/api/providers?category=ALA",
    "/api/providers?format=json&format=csv",
    "/api/providers?snapshot=latest'--",
    "/healthz?verbose=1",
    "/api/snapshots?format=geojson",
    "/api/snapshots?origin=demo",
]


@pytest.mark.parametrize("url", BAD_REQUESTS)
def test_bad_parameters_get_a_one_line_400_and_never_a_trace(client, url):
    response = client.get(url)
    assert response.status_code == 400
    body = _json(response)
    assert set(body) == {"error"}
    message = body["error"]
    assert message and "\n" not in message and len(message) <= 300
    assert "Traceback" not in response.get_data(as_text=True)
    assert "X-Injected" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("url", [
    "/api/regions?snapshot=123456",
    "/api/providers?snapshot=0",
    "/api/providers?snapshot=999999999999&format=geojson",
])
def test_an_unknown_snapshot_is_a_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "no snapshot with id" in _json(response)["error"]


def test_other_methods_are_refused_without_a_trace(client):
    response = client.post("/api/regions?level=land")
    assert response.status_code == 405
    assert "Traceback" not in response.get_data(as_text=True)


def test_a_live_snapshot_replaces_the_demo_in_every_answer(writable_db):
    engine = store.connect(writable_db)
    frame = pd.DataFrame([{
        "category": "ala", "source_id": "ADR1", "name": "=HYPERLINK(\"http://x\")",
        "plz": "01067", "city": "Dresden", "kreis_ars": "14612", "land_code": "14",
        "geocode_quality": "gemeinde", "services": [],
    }])
    categories = {"ala": 1, "wfbm": 0, "ib": 0}
    live = store.write_snapshot(engine, {"taken_at": "2020-01-01", "origin": "live",
                                         "categories": categories}, frame, {})
    client = create_app(writable_db).server.test_client()
    assert _json(client.get("/healthz"))["snapshot"]["id"] == live
    regions = _json(client.get("/api/regions?level=land"))
    assert regions["snapshot"] == {"id": live, "taken_at": "2020-01-01T00:00:00Z",
                                   "origin": "live"}
    assert "Beispieldaten" not in regions["source"]
    assert sum(r["count"] for r in regions["regions"]) == 1
    csv_text = client.get("/api/providers?format=csv").get_data(as_text=True)
    assert "'=HYPERLINK" in csv_text  # a formula is defused for spreadsheets


@pytest.mark.parametrize("query", ["format=geojson", "format=csv", "format=json"])
def test_provider_answers_travel_compressed(client, query):
    """GeoJSON and CSV too (Flask-Compress leaves types it does not know alone)."""
    import gzip

    plain = client.get(f"/api/providers?{query}")
    packed = client.get(f"/api/providers?{query}", headers={"Accept-Encoding": "gzip"})
    assert packed.headers.get("Content-Encoding") == "gzip"
    assert gzip.decompress(packed.get_data()) == plain.get_data()
    assert len(packed.get_data()) < len(plain.get_data()) / 3


def test_kept_answers_follow_a_new_snapshot_in_a_running_app(writable_db):
    """Answers are kept per snapshot (dashboard.endpoints.answer_cache): a snapshot written while
    the app runs is what "latest" answers next, and an asked-for id keeps its own answer."""
    client = create_app(writable_db).server.test_client()
    before = _json(client.get("/api/providers?land=14"))
    assert before == _json(client.get("/api/providers?land=14"))  # the kept answer, unchanged
    old_id = before["snapshot"]["id"]
    engine = store.connect(writable_db)
    frame = pd.DataFrame([{
        "category": "ala", "source_id": "NEW1", "name": "Neu in Dresden", "plz": "01067",
        "city": "Dresden", "kreis_ars": "14612", "land_code": "14",
        "geocode_quality": "gemeinde", "services": [],
    }])
    live = store.write_snapshot(engine, {"taken_at": "2027-01-01", "origin": "live",
                                         "categories": {"ala": 1, "wfbm": 0, "ib": 0}},
                                frame, {})
    engine.dispose()
    after = _json(client.get("/api/providers?land=14"))
    assert after["snapshot"]["id"] == live != old_id
    assert [p["name"] for p in after["providers"]] == ["Neu in Dresden"]
    regions = _json(client.get("/api/regions?level=land"))
    assert regions["snapshot"]["id"] == live
    assert sum(r["count"] for r in regions["regions"]) == 1
    pinned = _json(client.get(f"/api/providers?land=14&snapshot={old_id}"))
    assert pinned["providers"] == before["providers"]


def test_a_snapshot_without_the_category_is_a_404(writable_db):
    engine = store.connect(writable_db)
    frame = pd.DataFrame(columns=list(store.PROVIDER_COLUMNS))
    only_ala = store.write_snapshot(engine, {"taken_at": "2023-01-01", "origin": "replay",
                                             "categories": {"ala": 0}}, frame, {})
    client = create_app(writable_db).server.test_client()
    response = client.get(f"/api/regions?category=wfbm&snapshot={only_ala}")
    assert response.status_code == 404
    assert "no data for category" in _json(response)["error"]
    response = client.get("/api/providers?category=ib")
    assert response.status_code == 404


def test_an_empty_store_says_so(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    store.connect(url).dispose()
    server = Flask("empty")
    register_api(server, ServingStore(url))
    client = server.test_client()
    health = client.get("/healthz")
    assert health.status_code == 503 and _json(health)["status"] == "empty"
    response = client.get("/api/regions")
    assert response.status_code == 404
    assert _json(response) == {"error": "the store holds no snapshot yet"}


def test_an_unexpected_failure_answers_500_without_details(demo_db, monkeypatch):
    server = Flask("failing")
    register_api(server, ServingStore(demo_db))

    def explode(*args, **kwargs):
        raise RuntimeError("secret internal detail /etc/passwd")

    monkeypatch.setattr(store, "region_metrics", explode)
    response = server.test_client().get("/api/regions")
    assert response.status_code == 500
    assert _json(response) == {"error": "internal error"}
    assert "secret" not in response.get_data(as_text=True)


def test_snapshots_are_listed_with_the_served_one_marked(client):
    body = _json(client.get("/api/snapshots"))
    assert body["count"] == 3
    newest = body["snapshots"][0]
    assert body["served"] == newest["id"] and newest["served"] is True
    assert [s["parsed_ala"] for s in body["snapshots"]] == [88, 67, 60]
    assert [s["taken_at"] for s in body["snapshots"]][-1] == "2021-11-30T00:00:00Z"
    csv_text = client.get("/api/snapshots?format=csv").get_data(as_text=True)
    frame = pd.read_csv(io.StringIO(csv_text))
    assert list(frame["parsed_wfbm"]) == [891, 886, 884]
