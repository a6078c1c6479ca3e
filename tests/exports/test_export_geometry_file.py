"""Map exports name the region shapes by a local file URL instead of carrying them in the
figure, and Chromium still draws every region from that file."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from dashboard.exports import ExportRequest, export_view
from dashboard.exports.geometry_file import geometry_url
from dashboard.exports.map_views import compare_view, map_view
from dashboard.exports.request import checked
from dashboard.model.geometry import geojson


def _path(url: str) -> Path:
    parsed = urlparse(url)
    assert parsed.scheme == "file", url
    return Path(unquote(parsed.path))


@pytest.mark.parametrize("level", ["land", "kreis"])
def test_the_file_holds_the_same_shapes_as_the_pages_geometry(level):
    assert json.loads(_path(geometry_url(level)).read_text(encoding="utf-8")) == geojson(level)


def test_map_figures_name_the_shapes_and_stay_small(demo_engine):
    kreis = checked(ExportRequest("karte", "svg", "kreis", "ala", "per100k"))
    compare = checked(ExportRequest("karte", "svg", "land", "ala", "count", compare=True))
    for figure, level in (
        (map_view(demo_engine, kreis).figure, "kreis"),
        (compare_view(demo_engine, compare).figure, "land"),
    ):
        shaped = [trace for trace in figure.data if trace.type == "choropleth"]
        # legend keys keep their one tiny made-up shape; every region trace names the file
        regions = [trace for trace in shaped if list(trace.locations or []) != ["key"]]
        assert regions and {trace.geojson for trace in regions} == {geometry_url(level)}
    # the shapes were 2.2 MB of the Kreis figure (four traces carried them); values stay
    assert len(map_view(demo_engine, kreis).figure.to_json()) < 400_000


def test_every_kreis_is_drawn_from_the_file(demo_engine):
    svg = export_view(demo_engine, ExportRequest("karte", "svg", "kreis", "ala", "per100k"))
    text = svg.content.decode("utf-8")
    # the base trace draws all 401 Kreise and the value trace those with a value again
    assert text.count('class="choroplethlocation"') > 401 + 300
