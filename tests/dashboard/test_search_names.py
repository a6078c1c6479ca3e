"""The search accepts the names the atlas itself shows ("Landkreis München", "Stadt Augsburg"),
transliterations ("Muenchen", "Strasse") and provider names of the served snapshot, and says
what each hit is without naming it twice. Real tables: the vendored geography and the demo
store."""

from __future__ import annotations

import re

import pytest

import geodata
import store
from dashboard.model.search import fold, parse_query, plz_exists, search
from dashboard.pages.search_page import find, served_providers


@pytest.fixture(scope="module")
def tables():
    return (geodata.region_table("land"), geodata.region_table("kreis"),
            geodata.load_gemeinden())


@pytest.fixture(scope="module")
def providers(demo_engine):
    return store.load_providers(demo_engine, store.served_snapshot(demo_engine)["id"])


@pytest.mark.parametrize(("text", "folded"), [
    ("München", "muenchen"), ("Muenchen", "muenchen"), ("MÜNCHEN", "muenchen"),
    ("Straße", "strasse"), ("Neustadt a.d. Weinstraße", "neustadt a d weinstrasse"),
    ("Bad Tölz-Wolfratshausen", "bad toelz wolfratshausen"), ("Görlitz", "goerlitz"),
    ("Île", "ile"),
])
def test_names_are_compared_folded(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(("query", "key", "laender", "gemeinden"), [
    ("Landkreis München", "muenchen", False, False),
    ("Kreisfreie Stadt Kempten", "kempten", False, False),
    ("Stadt Augsburg", "augsburg", False, True),
    ("Freistaat Bayern", "bayern", True, False),
    ("Landkreis", "landkreis", True, True),  # nothing left of the name: a plain search
])
def test_a_leading_kind_word_becomes_a_filter(query, key, laender, gemeinden):
    parsed = parse_query(query)
    assert (parsed.key, parsed.laender, parsed.gemeinden) == (key, laender, gemeinden)


@pytest.mark.parametrize(("query", "paths"), [
    ("Landkreis München", ["region/09184"]),
    ("landkreis muenchen", ["region/09184"]),
    ("Kreisfreie Stadt München", ["region/09162"]),
    ("Stadt München", ["region/09162", "naehe?ort=09162000"]),
    ("Stadt Augsburg", ["region/09761", "naehe?ort=09761000"]),
    ("Landkreis Augsburg", ["region/09772"]),
    ("Muenchen", ["region/09162", "region/09184", "naehe?ort=09162000"]),
    ("Nuernberg", ["region/09564", "naehe?ort=09564000"]),
    ("Freistaat Bayern", ["region/09"]),
    ("Bad Toelz", ["naehe?ort=09173112"]),
])
def test_the_names_the_atlas_shows_and_transliterations_are_found(tables, query, paths):
    assert [h.path for h in search(query, *tables, plz_exists)] == paths


def test_a_kind_word_that_is_part_of_a_name_still_finds_it(tables):
    # "Stadtallendorf" starts with "Stadt" but has no space after it
    assert [h.path for h in search("Stadtallendorf", *tables, plz_exists)] == [
        "naehe?ort=06534018"]
    # "Stadt Haar": Haar is no Stadt, so the filtered search finds nothing and the plain
    # words are tried again (which find nothing either, rather than something else)
    assert search("Stadt Haar", *tables, plz_exists) == []


def test_each_hit_says_what_it_is_and_no_name_appears_twice(tables):
    hits = search("München", *tables, plz_exists)
    labels = [(h.label, h.detail) for h in hits]
    assert labels == [("Kreisfreie Stadt München", ""), ("Landkreis München", ""),
                      ("München", "Kreisfreie Stadt")]
    haar = search("Haar", *tables, plz_exists)
    assert [(h.label, h.detail) for h in haar] == [("Haar", "Gemeinde, Landkreis München")]
    for hit in hits + haar:
        assert not re.search(r"(\w+) \(\1\)", f"{hit.label} ({hit.detail})")


def test_provider_names_of_the_served_snapshot_are_found(tables, providers):
    row = providers.sort_values("source_id").iloc[0]
    hits = search(row["name"], *tables, plz_exists, providers)
    mine = [h for h in hits if h.kind == "provider"]
    assert row["name"] in [h.label for h in mine]
    hit = next(h for h in mine if f"provider={row['source_id']}" in h.path)
    assert hit.path.startswith("karte?") and "points=1" in hit.path
    assert hit.category == row["category"] and hit.detail == f"{row['plz']} {row['city']}"
    # folded too: the name without umlauts finds the same provider
    plain = fold(row["name"])
    assert any(f"provider={row['source_id']}" in h.path
               for h in search(plain, *tables, plz_exists, providers))


def test_short_queries_do_not_list_providers(tables, providers):
    assert all(h.kind != "provider" for h in search("ab", *tables, plz_exists, providers))


def test_the_page_searches_the_served_snapshot(demo_engine):
    from dashboard.model.data import AtlasData

    data = AtlasData(demo_engine)
    providers = served_providers(data)
    assert providers is not None and len(providers) > 1000
    name = providers["name"].iloc[0]
    assert any(h.kind == "provider" for h in find(name, providers))


@pytest.mark.parametrize(("query", "location"), [
    ("Landkreis München", "/region/09184"),
    ("Kreisfreie Stadt München", "/region/09162"),
    ("Freistaat Bayern", "/region/09"),
])
def test_one_hit_for_a_shown_name_redirects_to_its_profile(app, query, location):
    response = app.server.test_client().get("/suche", query_string={"q": query})
    assert response.status_code == 302 and response.headers["Location"] == location
