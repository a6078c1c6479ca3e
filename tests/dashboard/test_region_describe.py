"""Generated text alternatives of maps (dashboard/text/describe.py) against the frames they
describe, and the text written into exported image files (dashboard/exports/alt_text.py)."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard.exports.alt_text import embed_description, png_texts
from dashboard.model import metrics as m
from dashboard.text.describe import labelled, map_description, series_description
from dashboard.text.i18n import fmt_number


@pytest.mark.parametrize("level", ["land", "kreis"])
@pytest.mark.parametrize("metric", ["count", "per_100k"])
def test_the_map_text_names_range_highest_lowest_and_regions_with_none(metrics_of, level,
                                                                       metric):
    frame = metrics_of(level, "ala")
    text = map_description(frame, metric, "ala", level, "2022-12-01", "de")
    values = m.metric_values(frame, metric)
    some = frame[frame["count"] > 0]
    decimals = m.SPECS[metric].decimals
    low, high = values[some.index].min(), values[some.index].max()
    assert f"Werte von {fmt_number(low, 'de', decimals)} bis {fmt_number(high, 'de', decimals)}" \
        in text
    names = labelled(frame).set_index("code")["name"]
    top = values[some.index].sort_values(ascending=False)
    leaders = names[frame.loc[top.index[top == top.iloc[0]], "code"]]
    best = f"{fmt_number(top.iloc[0], 'de', decimals)})"
    after = text.split("Am höchsten: ", 1)[1]
    assert any(after.startswith(f"{name} ({best}") for name in leaders)
    none = int((frame["count"] == 0).sum())
    assert f"Ohne Anbieter: {fmt_number(none, 'de')} von {len(frame)}" in text
    assert "Datenstand 01.12.2022" in text


def test_every_region_with_a_provider_is_said_so(metrics_of):
    frame = metrics_of("land", "wfbm")
    frame = frame.assign(count=frame["count"] + 1)
    text = map_description(frame, "count", "wfbm", "land", "2022-12-01", "en")
    assert "Every region has at least one provider." in text
    assert text.startswith("Map “Count” – Sheltered workshops (WfbM) by federal state")


def test_a_kind_not_recorded_is_described_as_such(metrics_of):
    frame = m.mark_unrecorded(metrics_of("land", "ib"), "ib", {"ala", "wfbm"})
    text = map_description(frame, "count", "ib", "land", "2022-12-01", "de")
    assert "nicht erfasst" in text and "Werte von" not in text and "Ohne Anbieter" not in text


def test_twice_used_kreis_names_are_told_apart(metrics_of):
    frame = labelled(metrics_of("kreis", "ala"))
    assert "Rosenheim (Landkreis)" in set(frame["name"])
    assert frame["name"].is_unique


def test_the_series_text_names_first_and_last_counts():
    series = pd.DataFrame({"taken_at": ["2022-12-01", "2021-11-30"], "count": [88, 70]})
    assert series_description(series, "ala", "de") == (
        "Diagramm: Zahl der Anderen Leistungsanbieter (aLA) über 2 Datenstände, von 70 "
        "(30.11.2021) bis 88 (01.12.2022)."
    )


DESCRIPTION = "Karte „Anzahl“ – Werte von 0 bis 5 <&> Ä"


def test_svg_gets_title_and_desc_escaped():
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10"><g/></svg>'
    out = embed_description(svg, "svg", "Titel", DESCRIPTION).decode()
    assert "<title>Titel</title><desc>Karte „Anzahl“ – Werte von 0 bis 5 &lt;&amp;&gt; Ä</desc>" \
        in out
    from xml.etree import ElementTree

    root = ElementTree.fromstring(out.split("?>", 1)[1])
    assert root.find("{http://www.w3.org/2000/svg}desc").text == DESCRIPTION


def test_png_gets_text_chunks_a_reader_finds():
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))
    out = embed_description(png, "png", "Titel", DESCRIPTION)
    assert png_texts(out) == {"Title": "Titel", "Description": DESCRIPTION}
    assert out.endswith(chunk(b"IEND", b""))


def test_pdf_gets_title_and_subject():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    raw = io.BytesIO()
    writer.write(raw)
    out = embed_description(raw.getvalue(), "pdf", "Titel", DESCRIPTION)
    meta = PdfReader(io.BytesIO(out)).metadata
    assert meta.title == "Titel" and meta.subject == DESCRIPTION


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="png, svg or pdf"):
        embed_description(b"", "gif", "t", "d")


# --- the profile's locator map: kind, Land and where in Germany -------------------------

def test_compass_places_points_in_the_nine_parts_of_the_box():
    from dashboard.text.region_position import compass

    box = (0.0, 0.0, 9.0, 9.0)  # west, south, east, north
    assert compass(1, 8, box) == "north-west"
    assert compass(4.5, 4.5, box) == "middle"
    assert compass(8, 1, box) == "south-east"
    assert compass(4.5, 0.5, box) == "south"
    assert compass(9.0, 9.0, box) == "north-east"  # the edge belongs to the last part


@pytest.mark.parametrize("code, lang, expected", [
    ("09187", "de", "Lagekarte: Landkreis Rosenheim, ein Kreis im Land Bayern, liegt im Süden "
                    "Deutschlands."),
    ("09187", "en", "Locator map: Landkreis Rosenheim, a district in the federal state of "
                    "Bayern, lies in the south of Germany."),
    ("01", "de", "Lagekarte: Schleswig-Holstein, eines der 16 Länder, liegt im Norden "
                 "Deutschlands."),
    ("01", "en", "Locator map: Schleswig-Holstein, one of the 16 federal states, lies in the "
                 "north of Germany."),
    ("05315", "de", "Lagekarte: Kreisfreie Stadt Köln, ein Kreis im Land Nordrhein-Westfalen, "
                    "liegt im Westen Deutschlands."),
])
def test_the_locator_text_names_region_kind_land_and_where(demo_engine, code, lang, expected):
    import geodata
    from dashboard.model.data import AtlasData
    from dashboard.model.profile import load_profile
    from dashboard.text.region_position import germany_bounds, locator_text, region_position

    data = AtlasData(demo_engine)
    profile = load_profile(data, data.served(), code)
    assert locator_text(profile, lang).startswith(expected)
    # the word follows from the shape's representative point, checked here against the box
    level = "kreis" if len(code) == 5 else "land"
    shapes = geodata.load_regions(level).set_index("code")
    point = shapes.loc[code].geometry.representative_point()
    west, south, east, north = germany_bounds()
    part = region_position(code, level)
    row = "north" if point.y > north - (north - south) / 3 else (
        "south" if point.y < south + (north - south) / 3 else "")
    assert part.startswith(row) if row else part in ("west", "middle", "east")


def test_the_profile_page_shows_the_locator_text(app, demo_engine):
    import json

    from dashboard.model.data import AtlasData
    from dashboard.model.profile import load_profile
    from dashboard.pages import available_pages
    from dashboard.server.router import render
    from dashboard.text.region_position import locator_text

    data = AtlasData(demo_engine)
    for path, code in (("/region/09187", "09187"), ("/region/DE", "DE")):
        with app.server.test_request_context("/"):
            out = render(app, data, available_pages(), path, "?lang=en")
        page = json.dumps(out, default=lambda c: c.to_plotly_json(), ensure_ascii=False)
        expected = locator_text(load_profile(data, data.served(), code), "en")
        assert json.dumps(expected, ensure_ascii=False) in page
    assert "all 16 federal states" in expected
