"""The Erreichbarkeit Gemeinde map and its table as files: Germany or one Land, titled with
it, with source, date, attribution and the generated text alternative."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from dashboard.exports import export_view
from dashboard.exports.errors import ExportError
from dashboard.exports.from_url import access_request
from dashboard.exports.request import ExportRequest

SVG = "{http://www.w3.org/2000/svg}"
FLENSBURG = "010010000000"


def gemeinden(fmt: str, **kwargs) -> ExportRequest:
    return ExportRequest("erreichbarkeit", fmt, level="kreis", view="gemeinde", **kwargs)


def test_the_bayern_gemeinde_map_svg_names_bayern_source_date_and_says_who_is_far(
    demo_engine, keep
):
    exported = export_view(demo_engine, gemeinden("svg", land="09", threshold=50))
    text = exported.content.decode("utf-8")
    assert "Luftlinie von jeder Gemeinde zum nächsten Anbieter (aLA, Bayern)" in text
    assert "Stand 01.12.2022" in text and "Beispieldaten" in text
    assert "GeoBasis-DE / BKG" in text and "Destatis, 31.12.2019" in text
    desc = ElementTree.fromstring(exported.content).find(f"{SVG}desc").text
    assert desc.startswith("In Bayern wohnen") and "weiter als 50 km" in desc
    assert "gemeinden" in exported.filename and "land-09" in exported.filename
    keep(exported.filename, exported.content)


def test_the_gemeinde_map_png_of_germany_with_a_plan_renders(demo_engine, png_size, keep):
    exported = export_view(demo_engine, gemeinden("png", plan=(FLENSBURG,)))
    width, height = png_size(exported.content)
    assert width > 1000 and height > 1000
    keep(exported.filename, exported.content)


def test_the_gemeinde_table_csv_has_every_gemeinde_of_the_land_farthest_first(
    demo_engine, read_export_csv
):
    exported = export_view(demo_engine, gemeinden("csv", land="09"))
    table = read_export_csv(exported.content)
    assert len(table) == 2_230 and table["Schlüssel (ARS)"].astype(str).str.startswith("09").all()
    distance = table["Entfernung km (Luftlinie)"].dropna()
    assert (distance.diff().dropna() <= 0).all()
    assert set(table["weiter als 25 km"]) <= {True, False}
    xlsx = export_view(demo_engine, gemeinden("xlsx"))
    assert xlsx.content[:2] == b"PK"


def test_the_gemeinde_view_has_no_shape_files_and_says_so(demo_engine):
    with pytest.raises(ExportError, match="geojson"):
        export_view(demo_engine, gemeinden("geojson"))


def test_the_map_button_exports_what_the_page_shows():
    make = access_request("distance")
    shown = make("?level=gemeinde&land=09&plan=010010000000&acompare=before", "png")
    assert shown.view == "gemeinde" and shown.land == "09" and shown.plan == ()
    kreise = make("?land=03&plan=010010000000", "svg")
    assert kreise.view == "distance" and kreise.land == "03" and kreise.plan == (FLENSBURG,)
