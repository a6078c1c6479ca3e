"""Counts by other bodies (BAGüS, BIH, BAG WfbM): vendored, shown on Entwicklung as series of
their own named with their counting basis, listed on Quellen; never part of REHADAT's line."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import geodata
from dashboard.frame import ids
from dashboard.model.data import AtlasData
from dashboard.pages.entwicklung import NATIONAL, content
from dashboard.server.callback_client import answer_bytes


def test_the_vendored_other_counts_are_typed_and_name_their_body():
    other = geodata.other_counts()
    assert len(other) == 6
    assert set(other["measure"]) == {"providers", "people_served"}
    assert other["value"].dtype == "int64" and set(other["region"]) == {"DE"}
    bagues = other[(other["body"] == "bagues") & (other["measure"] == "providers")]
    assert list(bagues["as_of"]) == ["2020-12-31", "2021-12-31"]
    assert list(bagues["value"]) == [39, 59]
    assert set(other["body"]) == {"bagues", "bih", "bagwfbm"}
    assert geodata.paths.OTHER_COUNTS.is_relative_to(geodata.paths.RAW_DIR)


@pytest.fixture(scope="module")
def national(app, demo_engine):
    data = AtlasData(demo_engine)
    served = data.served()["id"]

    def figure(category: str, lang: str = "de"):
        return content(app, data, served, None, category, "land", "count", lang)[NATIONAL]

    return figure


@pytest.mark.parametrize(
    ("category", "body_name", "values"),
    [("ala", "BAGüS", [39, 59]), ("ib", "BIH", [945]), ("wfbm", "BAG WfbM", [736])],
)
def test_each_body_is_its_own_trace_named_with_its_counting_basis(
    national, category, body_name, values
):
    figure = national(category)
    ours, published, *others = figure.data
    assert len(others) == 1
    other = others[0]
    name = other.name.replace("<br>", " ")  # wrapped for narrow screens
    assert name.startswith(f"{body_name}: ") and name.endswith("(andere Zählweise)")
    assert list(other.y) == values
    assert other.meta["series"] == "other"
    # REHADAT's own line and the published REHADAT counts are untouched by the other body
    assert values[0] not in list(ours.y) and values[0] not in list(published.y)
    assert "andere Zählweise" not in ours.name + published.name
    assert len(ours.x) == 3
    assert set(pd.to_datetime(other.x)).isdisjoint(pd.to_datetime(ours.x))


def test_people_served_go_into_the_hover_not_onto_the_provider_axis(national):
    bagues = national("ala").data[2]
    assert list(bagues.y) == [39, 59]  # 304 and 576 are people, not providers
    assert "304 Leistungsberechtigte" in bagues.text[0]
    assert "576 Leistungsberechtigte" in bagues.text[1]
    assert "rehadat-statistik.de" in bagues.text[0]


def test_the_english_page_names_the_basis_in_english(national):
    other = national("ib", "en").data[2]
    assert other.name.replace("<br>", " ") == (
        "BIH: inclusive companies recognised and funded by the Integrationsämter "
        "(other counting basis)"
    )
    assert "945 providers" in other.text[0]


def test_the_entwicklung_export_carries_the_same_series(demo_engine):
    from dashboard.exports.growth_views import series_view
    from dashboard.exports.request import ExportRequest

    request = ExportRequest(page="entwicklung", view="verlauf", category="wfbm", format="png")
    figure = series_view(demo_engine, request).figure
    names = [trace.name.replace("<br>", " ") for trace in figure.data]
    assert any(n.startswith("BAG WfbM:") and n.endswith("(andere Zählweise)") for n in names)


def test_quellen_lists_every_other_count_with_its_basis(app, dash_post):
    client = app.server.test_client()
    response = dash_post(
        client, [(ids.ROOT, "children"), (ids.ROOT, "lang")],
        [(ids.URL, "pathname", "/quellen"), (ids.LANG_STORE, "data", None)],
        [(ids.URL, "search", "")], [f"{ids.URL}.pathname"],
    )
    assert response.status_code == 200
    raw = answer_bytes(response)
    text = json.dumps(json.loads(raw), ensure_ascii=False)
    assert "Zahlen anderer Stellen (andere Zählweise)" in text
    for label in ("BAGüS: aLA mit Leistungsberechtigten der Eingliederungshilfe am Jahresende",
                  "BIH: von den Integrationsämtern anerkannte und geförderte Inklusionsbetriebe",
                  "BAG WfbM: anerkannte Hauptwerkstätten (ohne Zweigstellen)"):
        assert label in text
    for value in ("304", "576", "945", "736", "\"39\"", "\"59\""):
        assert value in text
    assert text.count("Leistungsberechtigte\"") == 2  # the two people-served rows


def test_the_files_note_is_marked_english_and_its_german_quote_german():
    """Quellen shows published_counts_other.csv's English note in both UIs: marked lang="en",
    the German original it quotes marked lang="de", so each UI states what it shows."""
    from dashboard.pages.quellen import other_source

    span = other_source("as quoted on x.de: 'bundesweit 39 Anbieter' (members)")
    assert span.lang == "en"
    assert [getattr(p, "lang", None) for p in span.children] == [None, "de", None]
    assert span.children[1].children == "'bundesweit 39 Anbieter'"
    assert other_source("as quoted on x.de").children == ["as quoted on x.de"]
