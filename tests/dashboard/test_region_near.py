"""The near-me view's data without a browser: the place a PLZ or Gemeinde stands for, the
nearest providers per kind (against /api/nearest), a kind not recorded, contact details."""

from __future__ import annotations

import math

import pandas as pd

import geodata
from dashboard.model.contact import contact_details
from dashboard.model.data import AtlasData
from dashboard.pages.near import nearest_by_category, place_of


def test_a_plz_stands_for_the_geocoders_point():
    place = place_of("83022", None)
    located = geodata.locate("83022")
    assert (place["lon"], place["lat"]) == (located["lon"], located["lat"])
    assert place["label"] == f"83022 {located['gemeinde']}"


def test_a_gemeinde_stands_for_its_representative_point():
    place = place_of(None, "09163000")
    row = geodata.load_gemeinden().set_index("ags").loc["09163000"]
    assert (place["lon"], place["lat"]) == (row["lon"], row["lat"])
    assert place["kreis_ars"] == "09163" and place["gemeinde"] == "Rosenheim"


def test_unknown_places_are_none():
    assert place_of("00000", None) is None
    assert place_of(None, "99999999") is None
    assert place_of(None, None) is None


def test_the_lists_equal_the_api(app, demo_engine):
    data = AtlasData(demo_engine)
    served = data.served()
    place = place_of("10115", None)
    found = nearest_by_category(data.providers(served["id"]), place, set(served["counts"]))
    client = app.server.test_client()
    for cat, rows in found.items():
        api = client.get(f"/api/nearest?plz=10115&category={cat}&limit=5").get_json()
        assert list(rows["source_id"]) == [p["source_id"] for p in api["providers"]]
        for given, ours in zip(api["providers"], rows.to_dict("records"), strict=True):
            assert given["same_gemeinde"] == ours["same_gemeinde"]
            if ours["same_gemeinde"]:  # no distance inside the place's own Gemeinde
                assert given["km"] is None and math.isnan(ours["km"])
            else:
                assert math.isclose(given["km"], round(ours["km"], 2), abs_tol=0.006)


def test_a_kind_not_recorded_has_no_list(demo_engine):
    data = AtlasData(demo_engine)
    found = nearest_by_category(data.providers(data.served()["id"]), place_of("10115", None),
                                {"ala"})
    assert found["wfbm"] is None and found["ib"] is None and len(found["ala"]) == 5


def test_contact_details_leave_out_empty_and_unsafe_values():
    provider = {"street": "Hauptstraße 1", "phone": float("nan"), "email": "a@b.example",
                "website": "javascript:alert(1)", "name": "X"}
    assert contact_details(provider) == {"street": "Hauptstraße 1", "email": "a@b.example"}
    assert contact_details(pd.Series({"website": "https://x.example"}).to_dict()) == {
        "website": "https://x.example"}
