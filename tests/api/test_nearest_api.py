"""GET /api/nearest through the Flask test client of the real dashboard app over the demo
store: the order and distances against a brute-force check, the PLZ point against
`python -m geodata locate`, and one-line errors."""

from __future__ import annotations

import json
import math

import pytest

import store
from dashboard import create_app


@pytest.fixture(scope="module")
def client(demo_db):
    return create_app(demo_db).server.test_client()


def _get(client, query: str):
    response = client.get("/api/nearest" + query)
    return response.status_code, json.loads(response.get_data(as_text=True))


def _km(lon1, lat1, lon2, lat2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def test_the_plz_point_is_the_one_geodata_locate_prints(client, capsys):
    # the command's main in this process (tests/geodata/test_geodata_cli.py runs it as one)
    from tests.geodata.test_geodata_cli import run_here

    status, body = _get(client, "?plz=83022&category=wfbm&limit=3")
    assert status == 200
    cli = run_here(capsys, "locate", "83022")
    assert cli.returncode == 0, cli.stderr
    located = json.loads(cli.stdout)
    assert (body["from"]["lon"], body["from"]["lat"]) == (located["lon"], located["lat"])
    assert body["from"]["kreis_ars"] == located["kreis_ars"]


@pytest.mark.parametrize("category", ["ala", "wfbm", "ib"])
def test_nearest_providers_equal_a_brute_force_search_over_the_snapshot(client, demo_db, category):
    status, body = _get(client, f"?plz=10115&category={category}&limit=5&snapshot=latest")
    assert status == 200
    engine = store.connect(demo_db)
    served = store.served_snapshot(engine)
    providers = store.load_providers(engine, served["id"], category=category)
    origin = body["from"]["lon"], body["from"]["lat"]
    town = body["from"]["gemeinde_ags"]

    def rank(r) -> tuple[int, float]:
        # in the PLZ's own Gemeinde (Berlin is one) there is no distance: the same PLZ first
        if r.gemeinde_ags == town:
            return (0 if r.plz == "10115" else 1), 0.0
        return 2, _km(*origin, r.lon, r.lat)

    brute = sorted(
        (*rank(r), r.name, r.source_id, r.gemeinde_ags == town, _km(*origin, r.lon, r.lat))
        for r in providers.itertuples() if r.lon == r.lon and r.lat == r.lat
    )[:5]
    assert [p["source_id"] for p in body["providers"]] == [b[3] for b in brute]
    assert [p["km"] for p in body["providers"]] == [None if b[4] else round(b[5], 2)
                                                    for b in brute]
    assert [p["same_gemeinde"] for p in body["providers"]] == [b[4] for b in brute]
    assert body["count"] == 5 and body["category"] == category
    assert set(body["providers"][0]) >= {"source_id", "name", "plz", "city", "km"}
    assert "Luftlinie" in body["distance"] and body["snapshot"]["id"] == served["id"]


def test_providers_in_the_plz_s_own_gemeinde_have_no_distance_and_come_first(client):
    status, body = _get(client, "?plz=80331&category=ib&limit=20")
    assert status == 200 and body["from"]["gemeinde"] == "München"
    rows = body["providers"]
    same = [p for p in rows if p["same_gemeinde"]]
    assert same and rows[:len(same)] == same  # München's own first
    assert all(p["km"] is None for p in same)  # unknown, never 0.0
    assert all(p["km"] is not None and p["km"] > 0.5 for p in rows[len(same):])
    ranks = [0 if p["same_plz"] else 1 for p in same]
    assert ranks == sorted(ranks) and all(p["plz"] == "80331" for p in same if p["same_plz"])
    assert "same_gemeinde" in body and "gemeinde_ags" in body["from"]


def test_an_older_snapshot_by_id(client, demo_db):
    oldest = int(store.list_snapshots(store.connect(demo_db))["id"].min())
    status, body = _get(client, f"?plz=01067&snapshot={oldest}")
    assert status == 200 and body["snapshot"]["id"] == oldest and body["category"] == "ala"


@pytest.mark.parametrize(
    ("query", "status", "fragment"),
    [
        ("", 400, "plz is required"),
        ("?plz=1234", 400, "plz"),
        ("?plz=abcde", 400, "plz"),
        ("?plz=00000", 400, "00000"),
        ("?plz=83022&category=zoo", 400, "category must be one of"),
        ("?plz=83022&limit=0", 400, "limit must be"),
        ("?plz=83022&limit=101", 400, "limit must be"),
        ("?plz=83022&limit=x", 400, "limit must be"),
        ("?plz=83022&snapshot=abc", 400, "snapshot must be"),
        ("?plz=83022&radius=5", 400, "unknown parameter"),
        ("?plz=83022&snapshot=999999", 404, "no snapshot with id 999999"),
    ],
)
def test_bad_parameters_get_a_one_line_error(client, query, status, fragment):
    got, body = _get(client, query)
    assert got == status
    assert fragment in body["error"] and "\n" not in body["error"]
