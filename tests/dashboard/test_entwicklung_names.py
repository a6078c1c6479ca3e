"""Entwicklung says what it counts and which region it means (issue 21): its headings name
the category in both languages, its change table tells the two Münchens apart by their
kind, and the region box names a Kreis's kind in the reader's language."""

from __future__ import annotations

import json

import pytest
from plotly.utils import PlotlyJSONEncoder

from dashboard.frame import ids
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.state import parse_query
from dashboard.pages import entwicklung as ew
from dashboard.pages.land_choice import region_choices
from dashboard.server.callback_client import answer_bytes, callback_outputs


def _walk(node):
    if isinstance(node, list):
        for item in node:
            yield from _walk(item)
    elif isinstance(node, dict) and "type" in node and "props" in node:
        yield node
        yield from _walk(node["props"].get("children"))


def _headings(app, engine, query: str) -> list[str]:
    data = AtlasData(engine)
    state, _ = parse_query(query)
    page = ew.layout(PageContext(app, data, state, data.served(), []))
    tree = json.loads(json.dumps(page, cls=PlotlyJSONEncoder))
    return [node["props"]["children"] for node in _walk(tree)
            if node["type"] in ("H2", "H3") and str(node["props"].get("id")).endswith("-heading")]


@pytest.mark.parametrize(("query", "name"), [
    ("?category=wfbm", "WfbM: "), ("?category=ib&lang=en", "Inclusive companies: "),
    ("?lang=en", "aLA: "),
])
def test_every_chart_heading_names_the_category(app, demo_engine, query, name):
    headings = _headings(app, demo_engine, query)
    assert len(headings) == 5  # two over all snapshots, three comparing a pair
    assert all(heading.startswith(name) for heading in headings), headings


def test_switching_the_category_renames_the_headings_and_captions(app, dash_post):
    outputs = callback_outputs(app, f"{ew.NATIONAL}.figure")
    controls = [
        (ew.CATEGORY, "value", "wfbm"), (ew.BASE, "value", None),
        (ew.MEASURE, "value", "count"), (ew.LEVEL, "value", "land"),
        (ids.snapshot("entwicklung"), "value", None), (ew.LAND, "value", ""),
    ]
    response = dash_post(app.server.test_client(), outputs, controls,
                         [(ids.URL, "search", "?lang=en")], [f"{ew.CATEGORY}.value"])
    assert response.status_code == 200
    answer = json.loads(answer_bytes(response))["response"]
    assert answer[f"{ew.NATIONAL}-heading"]["children"] == "WfbM: Count per snapshot"
    assert answer[f"{ew.LAENDER}-caption"]["children"] == (
        "WfbM: Count per snapshot in every state")
    assert answer[f"{ew.BARS}-heading"]["children"].startswith("WfbM: Growth by state, ")


@pytest.mark.parametrize(("lang", "kinds"), [
    ("de", ("München (Landkreis)", "München (Kreisfreie Stadt)")),
    ("en", ("München (rural district)", "München (independent city)")),
])
def test_the_change_table_tells_the_two_muenchens_apart(app, demo_engine, lang, kinds):
    data = AtlasData(demo_engine)
    snapshot = data.served()
    got = ew.content(app, data, int(snapshot["id"]), None, "wfbm", "kreis", "count", lang,
                     "09")
    table = json.dumps(got[ew.CHANGE_TABLE], cls=PlotlyJSONEncoder, ensure_ascii=False)
    for name in kinds:
        assert f'"{name}"' in table
    assert '"München"' not in table
    assert "Ingolstadt (" not in table  # a name there once stays as it is


def test_the_region_box_names_kinds_in_english(demo_engine):
    data = AtlasData(demo_engine)
    english = {o["value"]: o["label"] for o in region_choices(data, "kreis", "en")}
    german = {o["value"]: o["label"] for o in region_choices(data, "kreis", "de")}
    assert german["09162"] == "München (Kreisfreie Stadt, Bayern)"
    assert english["09162"] == "München (independent city, Bayern)"
    assert english["09184"] == "München (rural district, Bayern)"
    assert not any("Landkreis" in label or "Kreisfreie" in label
                   for code, label in english.items() if len(code) == 5)
