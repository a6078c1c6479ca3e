"""End to end over the demo store: export_view writes files that open and say what they are.

Each file is read back with an independent reader (PNG header, SVG text, pypdf, pandas,
openpyxl, geopandas). Kept files land in tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import io
import json
import re

import geopandas as gpd
import openpyxl
import pypdf
import pytest

import store
from dashboard.exports import ExportError, ExportRequest, export_view

ATTRIBUTIONS = (
    "Quelle: REHADAT-Adressen (IW Köln), Stand 01.12.2022",
    "© GeoBasis-DE / BKG 2021 (Daten verändert)",
    "Bevölkerung: Destatis, 31.12.2019",
)


def test_kreis_map_png_has_twice_the_layout_size_and_a_descriptive_name(
    demo_engine, png_size, keep
):
    exported = export_view(demo_engine, ExportRequest("karte", "png", "kreis", "ala", "per100k"))
    assert exported.filename == "ala_je-100k_kreise_2022-12-01.png"
    assert exported.mimetype == "image/png"
    assert png_size(exported.content) == (2000, 2500)
    keep(exported.filename, exported.content)


def test_png_scale_sets_the_pixel_size(demo_engine, png_size):
    request = ExportRequest("karte", "png", "land", "wfbm", "count", scale=3)
    assert png_size(export_view(demo_engine, request).content) == (3000, 3750)


def test_kreis_map_svg_carries_title_date_source_attributions_and_demo_mark(demo_engine, keep):
    exported = export_view(demo_engine, ExportRequest("karte", "svg", "kreis", "ala", "per100k"))
    text = exported.content.decode("utf-8")
    assert text.lstrip().startswith("<svg")
    assert "Andere Leistungsanbieter (aLA) – je 100.000 Einwohner, nach Kreisen" in text
    assert "Kreise, Stand 01.12.2022" in text
    for line in ATTRIBUTIONS:
        assert line in text
    assert ">Beispieldaten<" in text
    assert "Anbieter je" in text and "100.000 Einw." in text  # the legend's unit
    keep(exported.filename, exported.content)


def test_map_pdf_has_one_page_with_the_source_line(demo_engine, keep):
    exported = export_view(demo_engine, ExportRequest("karte", "pdf", "land", "ala", "count"))
    reader = pypdf.PdfReader(io.BytesIO(exported.content))
    assert len(reader.pages) == 1
    page_text = " ".join(reader.pages[0].extract_text().split())
    assert "REHADAT-Adressen" in page_text and "GeoBasis-DE" in page_text
    keep(exported.filename, exported.content)


def test_growth_chart_svg_names_both_dates(demo_engine, demo_ids):
    request = ExportRequest("entwicklung", "svg", view="wachstum", base=demo_ids[0])
    text = export_view(demo_engine, request).content.decode("utf-8")
    assert "Stand 30.11.2021 → 01.12.2022" in text
    assert "Nordrhein-Westfalen" in text


def test_tabelle_csv_has_every_kreis_and_the_total_row_with_umlauts(
    demo_engine, read_export_csv
):
    exported = export_view(demo_engine, ExportRequest("tabelle", "csv", "kreis", "ala"))
    table = read_export_csv(exported.content)
    assert len(table) == 401 + 1
    assert table.iloc[-1]["Region"] == "Deutschland insgesamt"
    assert table.iloc[-1]["Anzahl aLA"] == 88
    assert "Thüringen" in set(table["Land"]) and "München" in set(table["Region"])
    assert table["Schlüssel (ARS)"].iloc[0] == "01001"


def test_tabelle_german_csv_matches_the_plain_csv(demo_engine, read_export_csv):
    plain = read_export_csv(
        export_view(demo_engine, ExportRequest("tabelle", "csv", "land", "ala")).content
    )
    german_file = export_view(demo_engine, ExportRequest("tabelle", "csv-de", "land", "ala"))
    assert german_file.filename == "ala_kennzahlen_laender_2022-12-01_excel-de.csv"
    german = read_export_csv(german_file.content, sep=";", decimal=",")
    assert german.columns.tolist() == plain.columns.tolist()
    assert german["aLA je 100.000 Einw."].tolist() == plain["aLA je 100.000 Einw."].tolist()


def test_tabelle_filtered_to_a_land_exports_only_its_kreise(demo_engine, read_export_csv):
    request = ExportRequest("tabelle", "xlsx", "kreis", "ala", land="09")
    book = openpyxl.load_workbook(io.BytesIO(export_view(demo_engine, request).content))
    rows = list(book["Daten"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    land = header.index("Land")
    assert {row[land] for row in body[:-1]} == {"Bayern"}
    assert body[-1][0] == "Bayern insgesamt"
    assert any("Stand 01.12.2022" in (row[0] or "") for row in book["Quelle"].iter_rows(
        values_only=True))


@pytest.mark.parametrize("level, expected", [("land", 16), ("kreis", 401)])
@pytest.mark.parametrize("fmt", ["geojson", "gpkg"])
def test_region_geodata_has_every_region(demo_engine, tmp_path, level, expected, fmt):
    exported = export_view(demo_engine, ExportRequest("tabelle", fmt, level, "ala"))
    path = tmp_path / exported.filename
    path.write_bytes(exported.content)
    frame = gpd.read_file(path)
    assert len(frame) == expected
    assert frame.geometry.notna().all() and frame.crs.to_epsg() == 4326


def test_provider_geojson_has_one_point_per_listed_provider(demo_engine, tmp_path):
    exported = export_view(demo_engine, ExportRequest("anbieter", "geojson", category="ala"))
    meta = json.loads(exported.content)["metadata"]
    assert "OpenStreetMap" in meta["attribution"]
    path = tmp_path / exported.filename
    path.write_bytes(exported.content)
    points = gpd.read_file(path)
    served = store.served_snapshot(demo_engine)["id"]
    assert len(points) == len(store.load_providers(demo_engine, served, "ala")) == 88
    assert set(points.geom_type.dropna()) == {"Point"}


def test_provider_search_exports_only_matching_rows(demo_engine, read_export_csv):
    served = store.served_snapshot(demo_engine)["id"]
    some = store.load_providers(demo_engine, served, "ala")["city"].iloc[0]
    request = ExportRequest("anbieter", "csv", category="ala", search=some)
    table = read_export_csv(export_view(demo_engine, request).content)
    assert len(table) >= 1
    assert all(some.casefold() in " ".join(map(str, row)).casefold()
               for row in table.itertuples(index=False))


def test_series_csv_has_the_national_counts_per_date(demo_engine, read_export_csv):
    request = ExportRequest("entwicklung", "csv", view="verlauf")
    table = read_export_csv(export_view(demo_engine, request).content, dtype={"Schlüssel": str})
    germany = table[table["Schlüssel"] == "DE"].iloc[0]
    assert germany[["Anzahl 30.11.2021", "Anzahl 31.01.2022", "Anzahl 01.12.2022"]].tolist() == [
        60, 67, 88]


def test_an_unknown_snapshot_is_a_clear_error(demo_engine):
    with pytest.raises(ExportError, match="Datenstand 999 gibt es nicht"):
        export_view(demo_engine, ExportRequest("karte", "png", snapshot=999))


def test_a_comparison_without_base_starts_at_the_first_snapshot(demo_engine, read_export_csv):
    exported = export_view(demo_engine, ExportRequest("entwicklung", "csv", view="wachstum"))
    assert exported.filename == "ala_wachstum-nach-land_2021-11-30_2022-12-01.csv"
    table = read_export_csv(exported.content)
    assert table["Zuwachs"].sum() == 88 - 60


def test_a_comparison_of_a_snapshot_with_itself_is_refused(demo_engine, demo_ids):
    request = ExportRequest(
        "karte", "csv", snapshot=demo_ids[-1], base=demo_ids[-1]
    )
    with pytest.raises(ExportError, match="zwei verschiedene Datenstände"):
        export_view(demo_engine, request)


def test_the_comparison_of_the_three_kinds_is_one_image_with_three_maps(demo_engine):
    request = ExportRequest("karte", "svg", "land", "ala", "per100k", compare=True)
    exported = export_view(demo_engine, request)
    assert exported.filename == "vergleich-ala-wfbm-ib_je-100k_laender_2022-12-01.svg"
    text = exported.content.decode("utf-8")
    for name in ("Andere Leistungsanbieter (aLA)", "Werkstätten (WfbM)", "Inklusionsbetriebe"):
        assert name in text
    assert sorted(re.findall(r'<g class="geo (geo\d*)"', text)) == ["geo", "geo2", "geo3"]
    assert ATTRIBUTIONS[1] in text


def test_the_comparison_exists_only_as_an_image(demo_engine):
    with pytest.raises(ExportError, match="nur als Karte"):
        export_view(demo_engine, ExportRequest("karte", "csv", compare=True))


def test_an_english_page_exports_an_english_map(demo_engine):
    request = ExportRequest("karte", "svg", "kreis", "ala", "per100k", lang="en")
    text = export_view(demo_engine, request).content.decode("utf-8")
    assert "Source: REHADAT addresses (IW Köln), as of 1 Dec 2022" in text
    assert "Population: Destatis, 31 Dec 2019" in text
    assert "© GeoBasis-DE / BKG 2021 (Daten verändert)" in text  # the licence's own wording
    assert ">Example data<" in text and "by district" in text and "by Kreis" not in text
    assert "Quelle:" not in text and "Beispieldaten" not in text


def test_an_english_table_has_english_headers_sheets_and_provenance(
    demo_engine, read_export_csv
):
    csv_file = export_view(demo_engine, ExportRequest("tabelle", "csv", "land", "ala", lang="en"))
    first_line = csv_file.content.decode("utf-8-sig").splitlines()[0]
    assert first_line.startswith("Region,") and first_line.endswith(",Attribution")
    table = read_export_csv(csv_file.content, dtype=str)
    assert len(table) == 16 + 1 and "Region" in table.columns
    book = openpyxl.load_workbook(io.BytesIO(
        export_view(demo_engine, ExportRequest("tabelle", "xlsx", "land", "ala", lang="en"))
        .content))
    assert book.sheetnames == ["Data", "Source"]
