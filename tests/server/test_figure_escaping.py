"""Every figure builder, fed names that are markup, draws them as text: no live tag, link or
line break from the data, `"` shown as itself (not &quot;), and no empty "Träger:" line."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest

import store
from dashboard.figures import growth as gf
from dashboard.figures.choropleth import choropleth_figure, empty_map
from dashboard.figures.common import esc
from dashboard.figures.hover import provider_hover
from dashboard.figures.ranking import ranking_figure
from dashboard.model.data import AtlasData, map_frame
from dashboard.model.geometry import geojson
from store import growth

EVIL = '<a href="https://evil.example/phish">X</a> <b>EVILBOLD</b><br>L2 <sub>s</sub> "q" & co'
# Tags our own labels use; anything else in a figure string came from the data.
OWN_TAGS = {"b", "br", "extra"}
TAG = re.compile(r"<\s*/?\s*([a-zA-Z]+)")


def strings(figure) -> list[str]:
    """Every string anywhere in the figure (data, layout, annotations, customdata)."""
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(figure.to_json()))
    return found


def assert_no_live_markup(figure) -> None:
    texts = strings(figure)
    assert any("&lt;a href=" in s for s in texts), "the markup name is not shown at all"
    for text in texts:
        assert {t.lower() for t in TAG.findall(text)} <= OWN_TAGS, text
        assert "<b>EVILBOLD" not in text and "&quot;" not in text and "&amp;quot;" not in text


def evil(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    out = frame.copy()
    for column in columns:
        if column in out:
            out[column] = [f"{EVIL} {i}" for i in range(len(out))]
    return out


@pytest.fixture(scope="module")
def engine(demo_file):
    engine = store.connect(f"sqlite:///{demo_file}")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def ids(engine) -> list[int]:
    return store.served_series(engine)["id"].tolist()


def test_the_map_with_points_and_a_chosen_provider(engine, ids):
    data = AtlasData(engine)
    frame = evil(map_frame(data, ids[-1], "kreis", "ala"), "name", "bez", "land")
    providers = evil(data.providers(ids[-1]), "name", "operator", "street", "city")
    providers["services"] = [[EVIL] for _ in range(len(providers))]
    figure = choropleth_figure(frame, "per_100k", category="ala", level="kreis", lang="de",
                               geojson="/geo/kreis.geojson", points=providers,
                               provider=providers.iloc[0].to_dict(), selected=frame["code"][0],
                               title=EVIL)
    assert_no_live_markup(figure)


def test_the_empty_map_and_the_ranking(engine, ids):
    assert_no_live_markup(empty_map(EVIL))
    frame = evil(AtlasData(engine).region_metrics(ids[-1], "kreis", "ala"), "name")
    assert_no_live_markup(ranking_figure(frame, "count", lang="de"))


def test_the_entwicklung_figures(engine, ids):
    series = evil(growth.snapshot_counts(engine, "ala"), "region_name")
    reference = evil(growth.published_reference("ala"), "source")
    assert_no_live_markup(gf.national_series_figure(series, reference, "de"))
    assert_no_live_markup(gf.laender_series_figure(series, "de"))
    table = evil(growth.land_growth_between(engine, ids[0], ids[-1], "ala"), "land")
    assert_no_live_markup(gf.growth_bar_figure(table))
    change = evil(growth.region_change_between(engine, ids[0], ids[-1], "kreis", "ala"), "name")
    assert_no_live_markup(gf.change_map_figure(change, geojson("kreis")))
    diff = evil(growth.provider_changes(engine, ids[0], ids[-1], "ala"), "name")
    assert len(diff.dropna(subset=["lon", "lat"])) > 0
    assert_no_live_markup(gf.changes_points_figure(diff, geojson("land")))


def test_a_quote_shows_as_itself_and_a_missing_operator_gives_no_empty_line():
    providers = pd.DataFrame([
        {"name": 'Werkstatt "Am Park"', "operator": np.nan, "street": "A & B-Str. 1",
         "plz": "01067", "city": "Dresden", "services": []},
        {"name": "Zwei", "operator": "Träger <i>e.V.</i>", "street": None, "plz": "01067",
         "city": "Dresden", "services": []},
    ])
    first, second = provider_hover(providers, "de")
    assert first.startswith('<b>Werkstatt "Am Park"</b>')
    assert "Träger" not in first and "nan" not in first
    assert "A &amp; B-Str. 1" in first
    assert "Träger: Träger &lt;i&gt;e.V.&lt;/i&gt;" in second


def test_esc_escapes_only_what_plotly_reads_as_markup():
    assert esc('<a href="x">') == '&lt;a href="x"&gt;'
    assert esc("R&D") == "R&amp;D"
    assert esc(None) == "" and esc(float("nan")) == ""
