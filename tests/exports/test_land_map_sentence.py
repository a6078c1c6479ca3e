"""A Land map's image carries the Land's key-figure sentence under its title, as the page
shows it under the map (issue 21), in lines that fit the image's width."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from dashboard.exports import export_view
from dashboard.exports.request import ExportRequest
from dashboard.exports.views import MAP_SIZE

SVG = "{http://www.w3.org/2000/svg}"
# Arial at 15 px: no character is wider than 15 px, its average under 8; 9 leaves margin
SUBTITLE_CHAR_PX_MAX_AVERAGE = 9


def subtitle_lines(svg: bytes) -> list[tuple[float, str]]:
    root = ElementTree.fromstring(svg)
    found = [t for t in root.iter(f"{SVG}text") if t.get("class") == "gtitle-subtitle"]
    assert len(found) == 1
    spans = list(found[0].iter(f"{SVG}tspan"))
    if not spans:  # one line: Plotly writes it into the <text> itself
        return [(float(found[0].get("x")), found[0].text or "")]
    return [(float(span.get("x")), span.text or "") for span in spans]


@pytest.mark.parametrize(("lang", "starts"), [
    ("de", "In Bayern haben 81 von 96 Kreisen keinen aLA"),
    ("en", "In Bayern, 81 of 96 districts have no aLA"),
])
def test_the_bayern_map_svg_says_the_land_sentence_under_its_title(demo_engine, keep, lang,
                                                                   starts):
    request = ExportRequest("karte", "svg", "kreis", "ala", "per_100k", land="09", lang=lang)
    exported = export_view(demo_engine, request)
    lines = subtitle_lines(exported.content)
    assert len(lines) >= 3  # "Kreise, Stand …", then the sentence on lines of its own
    sentence = " ".join(text for _, text in lines[1:])
    assert sentence.startswith(starts)
    assert "18 aLA" in sentence and sentence.endswith(".")  # all of it, to its full stop
    width = MAP_SIZE[0]
    for x, text in lines:  # no line runs past the image's right edge
        assert x + len(text) * SUBTITLE_CHAR_PX_MAX_AVERAGE <= width, text
    keep(exported.filename, exported.content)


def test_the_germany_map_has_no_land_sentence(demo_engine):
    exported = export_view(demo_engine, ExportRequest("karte", "svg", "kreis", "ala", "count"))
    lines = subtitle_lines(exported.content)
    assert len(lines) == 1 and "Kreise" in lines[0][1]


def test_a_longer_subtitle_pushes_the_map_down_by_its_lines(demo_provenance):
    import plotly.graph_objects as go

    from dashboard.exports.publication import Publication, publish

    def top(lead: str) -> int:
        pub = Publication("Titel", "Kreise, Stand 01.12.2022", None, demo_provenance, 1000,
                          1250, lead=lead)
        return publish(go.Figure(go.Choropleth()), pub).layout.margin.t

    # 150 characters need two lines at 1000 px: the map starts two lines lower
    assert top("Wort " * 30) - top("") == 2 * 19
