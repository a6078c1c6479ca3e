"""Table encoders: each file is opened again with an independent reader and checked."""

from __future__ import annotations

import csv
import io
import json
import re

import geopandas as gpd
import openpyxl
import pandas as pd
import pyogrio
import pytest

from dashboard.exports import tables
from dashboard.exports.provenance import Provenance

TITLE = "Andere Leistungsanbieter (aLA) nach Kreisen"


def test_csv_starts_with_a_bom_and_round_trips_with_umlauts(
    umlaut_table, demo_provenance, read_export_csv
):
    data = tables.to_csv(umlaut_table, TITLE, demo_provenance)
    assert data.startswith("\ufeff".encode())
    back = read_export_csv(data)
    assert list(back.columns) == list(umlaut_table.columns)
    assert back["Land"].tolist() == ["Schleswig-Holstein", "Bayern", "Thüringen"]
    assert back["Schlüssel (ARS)"].tolist() == ["01001", "09162", "16077"]
    assert back["je 100.000 Einw."].tolist() == pytest.approx([1.109, 0.269, 0.0])


def test_german_csv_uses_semicolons_and_decimal_commas(
    umlaut_table, demo_provenance, read_export_csv
):
    data = tables.to_csv_de(umlaut_table, TITLE, demo_provenance)
    text = data.decode("utf-8-sig")
    assert "München;Bayern;4;0,269" in text
    back = read_export_csv(data, sep=";", decimal=",")
    assert back["Region"].tolist() == ["Flensburg", "München", "Altenburger Land"]
    assert back["je 100.000 Einw."].tolist() == pytest.approx([1.109, 0.269, 0.0])


def test_a_csv_starts_with_its_header_row_and_opens_in_pandas_without_options(
    umlaut_table, demo_provenance
):
    data = tables.to_csv(umlaut_table, TITLE, demo_provenance)
    first = data.decode("utf-8-sig").splitlines()[0]
    assert first == ",".join([*umlaut_table.columns, "Quellenangabe"])
    back = pd.read_csv(io.BytesIO(data))  # no skiprows, no encoding, nothing
    assert list(back.columns) == [*umlaut_table.columns, "Quellenangabe"]
    assert len(back) == len(umlaut_table)
    assert back["je 100.000 Einw."].tolist() == pytest.approx([1.109, 0.269, 0.0])
    # the standard library's reader (what Datawrapper and Excel's import see: a plain table)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert {len(r) for r in rows} == {len(umlaut_table.columns) + 1}


def test_the_provenance_column_names_source_snapshot_dates_and_demo_in_german(
    umlaut_table, demo_provenance, split_export_csv
):
    _, cell = split_export_csv(tables.to_csv(umlaut_table, TITLE, demo_provenance))
    parts = cell.split(" | ")
    assert "Quelle: REHADAT-Adressen (IW Köln), Stand 01.12.2022" in parts
    assert "Datenstand 3 vom 01.12.2022, Beispieldaten" in parts
    assert "© GeoBasis-DE / BKG 2021 (Daten verändert)" in parts
    assert "Bevölkerung: Destatis, 31.12.2019" in parts
    assert "Exportiert am 02.01.2026" in parts
    assert "Snapshot" not in cell and "(demo)" not in cell  # German words in a German file


def test_an_english_csv_names_its_provenance_in_english(umlaut_table, split_export_csv):
    english = Provenance(snapshot_id=3, taken_at="2022-12-01", origin="demo",
                         exported_on="2026-01-02", lang="en")
    table, cell = split_export_csv(tables.to_csv(umlaut_table, TITLE, english))
    assert "Snapshot 3 of 1 Dec 2022, example data" in cell.split(" | ")
    assert "Beispieldaten" not in cell and len(table) == 3


def test_english_provenance_writes_dates_as_the_english_pages_do(umlaut_table):
    english = Provenance(snapshot_id=3, taken_at="2022-12-01", origin="demo",
                         exported_on="2026-01-02", lang="en", base_taken_at="2021-11-30")
    lines = english.header_lines(TITLE)
    assert "Source: REHADAT addresses (IW Köln), as of 30 Nov 2021 → 1 Dec 2022" in lines
    assert "Exported on 2 Jan 2026" in lines
    # no ISO date left in any line a reader sees (the file name and metadata keep ISO)
    assert not [line for line in lines if re.search(r"\d{4}-\d{2}-\d{2}", line)], lines


def test_a_table_with_a_column_named_like_the_provenance_is_refused(demo_provenance):
    clash = pd.DataFrame({"Quellenangabe": ["x"]})
    with pytest.raises(ValueError, match="already has a column 'Quellenangabe'"):
        tables.to_csv(clash, TITLE, demo_provenance)


def test_real_data_csv_carries_no_demo_note(umlaut_table, live_provenance):
    text = tables.to_csv(umlaut_table, TITLE, live_provenance).decode("utf-8-sig")
    assert "Beispieldaten" not in text
    assert "Stand 04.05.2023" in text


def test_xlsx_has_the_table_and_a_quelle_sheet(umlaut_table, demo_provenance):
    data = tables.to_xlsx(umlaut_table, TITLE, demo_provenance)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Daten", "Quelle"]
    rows = list(book["Daten"].iter_rows(values_only=True))
    assert rows[0] == tuple(umlaut_table.columns)
    assert rows[2][:3] == ("09162", "München", "Bayern")
    assert len(rows) == 1 + len(umlaut_table)
    source = [row[0] for row in book["Quelle"].iter_rows(values_only=True)]
    assert "Quelle: REHADAT-Adressen (IW Köln), Stand 01.12.2022" in source
    assert "© GeoBasis-DE / BKG 2021 (Daten verändert)" in source


@pytest.mark.parametrize("level, expected", [("land", 16), ("kreis", 401)])
def test_geojson_opens_in_geopandas_with_every_region(
    level, expected, laender, kreise, demo_provenance, tmp_path
):
    regions = laender if level == "land" else kreise
    data = tables.to_geojson(regions, TITLE, demo_provenance)
    path = tmp_path / "regions.geojson"
    path.write_bytes(data)
    back = gpd.read_file(path)
    assert len(back) == expected
    assert back.crs.to_epsg() == 4326
    assert "Thüringen" in set(back["land"])
    meta = json.loads(data)["metadata"]
    assert meta["snapshot_date"] == "2022-12-01" and meta["origin"] == "demo"


@pytest.mark.parametrize("level, expected", [("land", 16), ("kreis", 401)])
def test_geopackage_opens_in_geopandas_with_every_region_and_a_source_layer(
    level, expected, laender, kreise, demo_provenance, tmp_path
):
    regions = laender if level == "land" else kreise
    data = tables.to_gpkg(regions, TITLE, demo_provenance, layer="regionen")
    path = tmp_path / "regions.gpkg"
    path.write_bytes(data)
    back = gpd.read_file(path, layer="regionen")
    assert len(back) == expected
    assert back["code"].map(type).eq(str).all()
    source = pyogrio.read_dataframe(path, layer="quelle", read_geometry=False)
    assert "Quelle: REHADAT-Adressen (IW Köln), Stand 01.12.2022" in source["zeile"].tolist()
    assert pyogrio.read_info(path, layer="regionen")["layer_metadata"]["snapshot_id"] == "3"


def test_empty_table_still_writes_header_and_columns(
    umlaut_table, demo_provenance, read_export_csv
):
    empty = umlaut_table.iloc[0:0]
    back = read_export_csv(tables.to_csv(empty, TITLE, demo_provenance))
    assert list(back.columns) == list(umlaut_table.columns) and back.empty
    assert isinstance(back, pd.DataFrame)


def test_text_that_looks_like_a_formula_stays_text(demo_provenance, read_export_csv):
    hostile = pd.DataFrame(
        {"Name": ["=HYPERLINK(\"http://x\",\"klick\")", "@SUM(A1)", "+49 351 1", "Müller"],
         "Anzahl": [1, 2, 3, 4], "Wert": [-1.5, 0.0, 2.0, 3.0]}
    )
    book = openpyxl.load_workbook(io.BytesIO(tables.to_xlsx(hostile, TITLE, demo_provenance)))
    cells = [row[0] for row in book["Daten"].iter_rows(min_row=2)]
    assert [c.data_type for c in cells] == ["s", "s", "s", "s"]
    assert cells[0].value == "=HYPERLINK(\"http://x\",\"klick\")"
    back = read_export_csv(tables.to_csv(hostile, TITLE, demo_provenance))
    assert back["Name"].tolist()[:2] == ["'=HYPERLINK(\"http://x\",\"klick\")", "'@SUM(A1)"]
    assert back["Name"].tolist()[2:] == ["+49 351 1", "Müller"]
    assert back["Wert"].tolist() == [-1.5, 0.0, 2.0, 3.0]
