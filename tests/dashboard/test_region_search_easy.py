"""The search (what a PLZ, ARS or name finds; one hit redirects) and the Leichte Sprache text
(its rules checked by program, its figures against the served snapshot)."""

from __future__ import annotations

import re

import pytest

import geodata
import store
from dashboard.model.data import AtlasData
from dashboard.model.profile import national_counts
from dashboard.model.search import plz_exists, search
from dashboard.pages.leichte_sprache import easy_date, easy_sections
from dashboard.server.callback_client import answer_bytes
from dashboard.text.i18n import fmt_number


@pytest.fixture(scope="module")
def tables():
    return (geodata.region_table("land"), geodata.region_table("kreis"),
            geodata.load_gemeinden())


@pytest.mark.parametrize(("query", "paths"), [
    ("83022", ["naehe?plz=83022"]),
    ("  bayern ", ["region/09"]),
    ("09", ["region/09"]),
    ("Deutschland", ["region/DE"]),
    ("Rosenheim", ["region/09163", "region/09187", "naehe?ort=09163000"]),
    ("06632", ["naehe?plz=06632", "region/06632"]),  # a PLZ and a Kreis ARS (Hersfeld-Rotenburg)
    ("09187", ["region/09187"]),  # a Kreis ARS, no PLZ
    ("xyzzy", []),
    ("", []),
])
def test_search_finds_places_and_regions(tables, query, paths):
    assert [hit.path for hit in search(query, *tables, plz_exists)] == paths


def test_an_unknown_plz_is_no_place(tables):
    assert search("00000", *tables, plz_exists) == []


def test_a_partial_name_finds_by_prefix(tables):
    paths = [h.path for h in search("Rosenh", *tables, plz_exists)]
    assert "region/09187" in paths and len(paths) <= 20


@pytest.mark.parametrize(("query", "location"), [
    ("83022", "/naehe?plz=83022"), ("bayern", "/region/09"), ("DE", "/region/DE"),
])
def test_one_hit_redirects_and_several_are_listed(app, query, location):
    client = app.server.test_client()
    response = client.get(f"/suche?q={query}")
    assert response.status_code == 302 and response.headers["Location"] == location
    assert client.get("/suche?q=Rosenheim").status_code == 200
    english = client.get(f"/suche?q={query}&lang=en").headers["Location"]
    assert english.endswith("lang=en")


# --- Leichte Sprache ---------------------------------------------------------------------------

MAX_WORDS = 12
# an abbreviation (two capitals in a word) may appear only after the sentence introducing it
ABBREVIATION = re.compile(r"\b\w*[A-ZÄÖÜ]\w*[A-ZÄÖÜ]\w*\b")
INTRODUCED_BY = ("Die Abkürzung ist:", "The short name is:", "heißt", "is called")


@pytest.fixture(scope="module")
def sections(demo_engine):
    data = AtlasData(demo_engine)
    served = data.served()
    return {lang: easy_sections(served, national_counts(data, served), lang)
            for lang in ("de", "en")}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_each_line_is_one_short_sentence(sections, lang):
    for heading, sentences in sections[lang]:
        assert heading.endswith("?") and len(heading.split()) <= MAX_WORDS
        for sentence in sentences:
            words = sentence.split()
            assert len(words) <= MAX_WORDS, sentence
            assert sentence[-1] in ".?", sentence  # ends as a sentence
            # one statement: no second sentence, no semicolon, at most one comma
            assert not re.search(r"(?<!\d)[.!?;] \S", sentence[:-1]), sentence  # "1. Mai" ok
            assert sentence.count(",") <= 1 and ";" not in sentence, sentence
            assert not re.search(r"\d{1,2}\.\d{1,2}\.\d{4}", sentence)  # no number-only dates


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_abbreviation_before_it_is_explained(sections, lang):
    seen: set[str] = set()
    for _, sentences in sections[lang]:
        for sentence in sentences:
            for word in ABBREVIATION.findall(sentence):
                if word not in seen:
                    assert any(key in sentence for key in INTRODUCED_BY), (word, sentence)
                    seen.add(word)
    assert {"WfbM", "aLA", "REHADAT"} <= seen


def test_the_inserted_figures_are_the_served_snapshots(app, sections):
    health = app.server.test_client().get("/healthz").get_json()["snapshot"]
    numbers = dict(sections["de"])["Wie viele Angebote gibt es?"]
    counts = {k: fmt_number(v, "de") for k, v in health["counts"].items()}
    assert numbers[0] == f"Die Zahlen sind vom {easy_date(health['taken_at'], 'de')}."
    assert numbers[1] == f"In ganz Deutschland gibt es {counts['ala']} andere Leistungs-Anbieter."
    assert numbers[2] == f"In ganz Deutschland gibt es {counts['wfbm']} Werkstätten."
    assert numbers[3] == f"In ganz Deutschland gibt es {counts['ib']} Inklusions-Betriebe."
    assert "Beispiel-Zahlen" in numbers[4]  # the demo default says so


def test_easy_dates_name_the_month():
    assert easy_date("2022-12-01T00:00:00Z", "de") == "1. Dezember 2022"
    assert easy_date("2021-03-09", "en") == "9 March 2021"


def test_a_kind_not_counted_is_said_so(demo_engine):
    served = AtlasData(demo_engine).served()
    lines = dict(easy_sections(served, {"ala": 5, "wfbm": None, "ib": 3}, "de"))
    assert "Die Werkstätten wurden dieses Mal nicht gezählt." in lines[
        "Wie viele Angebote gibt es?"]


def test_choosing_an_older_snapshot_redraws_the_easy_read_page_with_its_figures(
    app, demo_engine, dash_post
):
    import json

    from dashboard.frame import ids
    from dashboard.pages.leichte_sprache import KEY

    oldest = store.served_series(demo_engine).iloc[0]
    response = dash_post(
        app.server.test_client(), [(ids.LS_BODY, "children")],
        [(ids.snapshot(KEY), "value", int(oldest["id"]))], [(ids.URL, "search", "")],
        [json.dumps(ids.snapshot(KEY), separators=(",", ":")) + ".value"],
    )
    raw = answer_bytes(response)
    text = raw.decode("utf-8")
    assert response.status_code == 200
    assert easy_date(str(oldest["taken_at"]), "de") in text
    assert f"In ganz Deutschland gibt es {int(oldest['parsed_ala'])} andere" in text
