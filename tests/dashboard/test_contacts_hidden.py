"""ATLAS_HIDE_CONTACTS=1: phone, e-mail and street leave no page, hover, API answer, export or
feed; name, place, category, services and the link to the REHADAT entry stay. Each test also
looks with the setting off, so it fails if the value was never there to hide."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

import store
from dashboard import create_app
from dashboard.exports import ExportRequest, export_view
from dashboard.frame import ids
from dashboard.model.publishing import SettingError
from dashboard.server.callback_client import answer_bytes
from tests.server.conftest import app_main_here


@pytest.fixture(scope="module")
def sample(demo_engine) -> dict:
    """One aLA provider of the served demo snapshot, with every contact field filled."""
    served = store.served_snapshot(demo_engine)["id"]
    row = store.load_providers(demo_engine, served, category="ala").iloc[0].to_dict()
    assert row["street"] and row["phone"] and row["email"]
    return row


def _contacts(row: dict) -> list[str]:
    return [row["street"], row["phone"], row["email"]]


def _text(response) -> str:
    raw = answer_bytes(response)
    return raw.decode("utf-8")


@pytest.fixture()
def client(app):
    return app.server.test_client()


@pytest.mark.parametrize("fmt", ["json", "csv", "geojson"])
def test_the_provider_api_drops_contacts_and_keeps_the_rest(client, monkeypatch, sample, fmt):
    url = f"/api/providers?category=ala&kreis={sample['kreis_ars']}&format={fmt}"
    shown = _text(client.get(url))
    assert all(value in shown for value in _contacts(sample))
    monkeypatch.setenv("ATLAS_HIDE_CONTACTS", "1")
    response = client.get(url)
    assert response.status_code == 200
    hidden = _text(response)
    assert not any(value in hidden for value in _contacts(sample))
    for kept in (sample["name"], sample["plz"], sample["city"], sample["services"][0]):
        assert kept in hidden
    assert sample["source_url"].replace("&", "\\u0026") in hidden or sample["source_url"] in hidden
    if fmt == "csv":
        frame = pd.read_csv(io.StringIO(hidden), dtype=str)
        assert frame[["street", "phone", "email"]].isna().all().all()
        assert frame["name"].notna().all()
    else:
        body = json.loads(hidden)
        assert body["contacts_hidden"] is True
        first = body["providers"][0] if fmt == "json" else body["features"][0]["properties"]
        assert first["street"] is None and first["phone"] is None and first["email"] is None
        assert first["name"] and first["city"] and first["source_url"]


def test_the_anbieter_export_has_no_street_column_or_value(demo_engine, monkeypatch, sample):
    request = ExportRequest(page="anbieter", format="csv", category="ala")
    shown = export_view(demo_engine, request).content.decode("utf-8-sig")
    assert sample["street"] in shown and "Straße" in shown
    monkeypatch.setenv("ATLAS_HIDE_CONTACTS", "1")
    hidden = export_view(demo_engine, request).content.decode("utf-8-sig")
    assert sample["street"] not in hidden and "Straße" not in hidden
    assert sample["name"] in hidden and sample["source_url"] in hidden


def test_the_changes_export_and_the_feed_keep_streets_out(demo_engine, client, monkeypatch):
    ids_ = list(store.served_series(demo_engine)["id"])
    diff = store.diff_snapshots(demo_engine, ids_[-2], ids_[-1], category="ib")
    streets = [s for s in diff["street_new"].dropna()][:5]
    request = ExportRequest(page="entwicklung", view="aenderungen", format="csv", category="ib",
                            snapshot=ids_[-1], base=ids_[-2])
    feed_url = "/feeds/changes.atom?category=ib"
    assert any(s in export_view(demo_engine, request).content.decode("utf-8-sig")
               for s in streets)
    assert any(s in _text(client.get(feed_url)) for s in streets)
    monkeypatch.setenv("ATLAS_HIDE_CONTACTS", "1")
    exported = export_view(demo_engine, request).content.decode("utf-8-sig")
    feed = _text(client.get(feed_url))
    assert not any(s in exported or s in feed for s in streets)
    moved = diff[diff["changed_fields"].str.contains("street")].iloc[0]
    assert moved["street_old"] not in feed
    assert "Straße geändert (Kontaktangaben hier nicht veröffentlicht)" in feed


def _page(client, dash_post, path: str, query: str) -> str:
    response = dash_post(
        client, [(ids.ROOT, "children"), (ids.ROOT, "lang")],
        [(ids.URL, "pathname", path), (ids.LANG_STORE, "data", None)],
        [(ids.URL, "search", query)], [f"{ids.URL}.pathname"],
    )
    assert response.status_code == 200
    return _text(response)


def test_pages_and_hovers_show_no_contacts(client, dash_post, monkeypatch, sample):
    karte = f"?level=kreis&points=1&region={sample['kreis_ars']}&provider={sample['source_id']}"
    anbieter = f"?q={sample['name'].split()[0]}&pcat=ala"
    before = _page(client, dash_post, "/karte", karte) + _page(client, dash_post, "/anbieter",
                                                               anbieter)
    assert sample["street"] in before
    monkeypatch.setenv("ATLAS_HIDE_CONTACTS", "1")
    map_page = _page(client, dash_post, "/karte", karte)
    list_page = _page(client, dash_post, "/anbieter", anbieter)
    for page in (map_page, list_page):
        assert not any(value in page for value in _contacts(sample))
        assert sample["name"] in page
    assert '"Straße"' not in list_page  # the column is gone, not just empty
    assert sample["city"] in map_page  # the hover keeps the place


def test_a_malformed_setting_stops_the_start_with_one_line(monkeypatch, demo_db_url):
    monkeypatch.setenv("ATLAS_HIDE_CONTACTS", "vielleicht")
    with pytest.raises(SettingError, match="ATLAS_HIDE_CONTACTS must be 1"):
        create_app(demo_db_url)
    exited = app_main_here(monkeypatch, ATLAS_HIDE_CONTACTS="vielleicht", PORT="1",
                           DATABASE_URL=demo_db_url)  # app.py's start, in this process
    assert exited.code == (
        "ATLAS_HIDE_CONTACTS must be 1 (hide phone, e-mail and street) or 0, not 'vielleicht'")


def test_near_me_contact_details_follow_the_setting(monkeypatch):
    from dashboard.model.contact import contact_details

    provider = {"street": "Hauptstraße 1", "phone": "0351 123", "email": "a@b.example",
                "website": "https://b.example"}
    monkeypatch.setenv("ATLAS_HIDE_CONTACTS", "0")
    assert contact_details(provider) == provider
    monkeypatch.setenv("ATLAS_HIDE_CONTACTS", "1")
    assert contact_details(provider) == {"website": "https://b.example"}
