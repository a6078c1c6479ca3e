"""Exports follow the grid as the user arranged it: the named rows in their order, the named
columns in their order, values from the store; bad keys are one-line errors."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest

import store
from dashboard.exports import ExportError, ExportRequest, export_view
from dashboard.exports.grid_state import from_grid, pick_rows
from tests.exports.conftest import split_export_csv

CODE = "Schlüssel (ARS)"


@pytest.fixture(scope="module")
def served(demo_engine) -> int:
    return int(store.served_snapshot(demo_engine)["id"])


@pytest.fixture(scope="module")
def land_metrics(demo_engine, served):
    return store.region_metrics(demo_engine, served, "land", "ala").set_index("code")


@pytest.fixture(scope="module")
def providers(demo_engine, served):
    return store.load_providers(demo_engine, served, category="ala")


def header_of(data: bytes) -> list[str]:
    """The parts of the provenance column ("Quellenangabe"), the same on every row."""
    return split_export_csv(data, dtype=str)[1].split(" | ")


def test_a_csv_holds_exactly_the_named_rows_and_columns_in_their_order(
    demo_engine, land_metrics, read_export_csv
):
    request = ExportRequest(
        "tabelle", "csv", rows=("09", "01", "05", "14"), columns=("count", "name", "code")
    )
    data = export_view(demo_engine, request).content
    table = read_export_csv(data)
    assert list(table.columns) == ["Anzahl aLA", "Region", CODE]
    assert table[CODE].tolist()[:4] == ["09", "01", "05", "14"]
    assert table["Region"].tolist() == [
        "Bayern", "Schleswig-Holstein", "Nordrhein-Westfalen", "Sachsen", "Deutschland insgesamt",
    ]
    # the numbers are the store's, not anything the request carried
    assert table["Anzahl aLA"].tolist()[:4] == [
        int(land_metrics.loc[code, "count"]) for code in ("09", "01", "05", "14")
    ]


def test_the_total_row_stays_the_whole_tables_total_and_the_header_says_so(
    demo_engine, land_metrics, read_export_csv
):
    data = export_view(demo_engine, ExportRequest("tabelle", "csv", rows=("09", "01"))).content
    table = read_export_csv(data)
    assert table["Region"].iloc[-1] == "Deutschland insgesamt"
    assert table["Anzahl aLA"].iloc[-1] == int(land_metrics["count"].sum())
    assert table["Anzahl aLA"].iloc[-1] != table["Anzahl aLA"].iloc[:2].sum()
    head = header_of(data)
    assert "Zeilen wie in der Tabelle der Seite gefiltert und sortiert: 2 von 16" in head
    assert any("gilt für alle 16 Regionen der Tabelle, nicht nur für die 2" in h for h in head)


def test_all_rows_resorted_are_noted_without_a_total_caveat(demo_engine, read_export_csv):
    codes = tuple(f"{n:02d}" for n in range(16, 0, -1))
    data = export_view(demo_engine, ExportRequest("tabelle", "csv", rows=codes)).content
    assert read_export_csv(data)[CODE].tolist()[:16] == list(codes)
    head = header_of(data)
    assert "Zeilen wie in der Tabelle der Seite gefiltert und sortiert: 16 von 16" in head
    assert not any("Summenzeile" in h for h in head)


def test_without_grid_state_the_file_is_the_pages_full_table_without_notes(
    demo_engine, read_export_csv
):
    data = export_view(demo_engine, ExportRequest("tabelle", "csv")).content
    table = read_export_csv(data)
    assert table[CODE].tolist()[:16] == [f"{n:02d}" for n in range(1, 17)]
    assert len(table.columns) == 11
    assert not any("wie in der Tabelle" in h for h in header_of(data))


def test_a_grid_filter_that_leaves_no_row_exports_the_total_row_only(
    demo_engine, read_export_csv
):
    data = export_view(demo_engine, ExportRequest("tabelle", "csv", rows=())).content
    assert read_export_csv(data)["Region"].tolist() == ["Deutschland insgesamt"]


def test_an_xlsx_has_the_named_kreis_rows_and_columns_in_order(demo_engine):
    rows = ("14612", "14511", "14713")  # Dresden, Chemnitz, Leipzig (Land 14)
    request = ExportRequest(
        "tabelle", "xlsx", level="kreis", land="14", rows=rows, columns=("name", "code", "land"),
    )
    book = openpyxl.load_workbook(io.BytesIO(export_view(demo_engine, request).content))
    values = list(book["Daten"].iter_rows(values_only=True))
    assert values[0] == ("Region", CODE, "Land")
    assert values[1:4] == [
        ("Dresden", "14612", "Sachsen"), ("Chemnitz", "14511", "Sachsen"),
        ("Leipzig", "14713", "Sachsen"),
    ]
    assert values[4][0] == "Sachsen insgesamt"
    assert len(values) == 5
    source = [row[0] for row in book["Quelle"].iter_rows(values_only=True)]
    assert "Spalten wie in der Tabelle der Seite angeordnet: 3 von 13" in source


def test_the_geojson_follows_the_row_order_even_with_the_code_column_hidden(demo_engine):
    request = ExportRequest("tabelle", "geojson", rows=("16", "02", "09"), columns=("name",))
    collection = json.loads(export_view(demo_engine, request).content)
    names = [f["properties"]["Region"] for f in collection["features"]]
    assert names == ["Thüringen", "Hamburg", "Bayern"]
    assert all(list(f["properties"]) == ["Region"] for f in collection["features"])
    # Hamburg's shape, not the first region's: it lies around 10°E, 53.5°N
    ring = collection["features"][1]["geometry"]["coordinates"][0]
    lon, lat = (ring[0][0] if isinstance(ring[0][0], list) else ring[0])
    assert 9.6 < lon < 10.4 and 53.3 < lat < 53.8
    assert "gefiltert und sortiert: 3 von 16" in collection["metadata"]["selection"]


def test_the_provider_list_follows_the_named_source_ids_and_columns(
    demo_engine, providers, read_export_csv
):
    chosen = providers.sort_values("plz", ascending=False).head(4)
    request = ExportRequest(
        "anbieter", "csv", rows=tuple(chosen["source_id"]), columns=("plz", "name", "city"),
    )
    table = read_export_csv(export_view(demo_engine, request).content, dtype=str)
    assert list(table.columns) == ["PLZ", "Name", "Ort"]
    assert table["PLZ"].tolist() == chosen["plz"].tolist()
    assert table["Name"].tolist() == chosen["name"].tolist()


def test_provider_points_follow_the_chosen_order(demo_engine, providers):
    chosen = providers.dropna(subset=["lon"]).tail(3)
    request = ExportRequest("anbieter", "geojson", rows=tuple(chosen["source_id"])[::-1])
    features = json.loads(export_view(demo_engine, request).content)["features"]
    got = [c for f in features for c in f["geometry"]["coordinates"]]
    reversed_ = chosen.iloc[::-1]
    expected = [c for pair in zip(reversed_["lon"], reversed_["lat"], strict=True) for c in pair]
    assert got == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize(
    "request_, message",
    [
        (ExportRequest("tabelle", "csv", rows=("09", "99", "xx")),
         "Zeilen '99', 'xx' gibt es in dieser Tabelle nicht"),
        (ExportRequest("tabelle", "csv", columns=("name", "price")),
         "Spalten 'price' gibt es in dieser Tabelle nicht; bekannt: name, count, per_100k"),
        (ExportRequest("tabelle", "csv", level="land", columns=("bez",)),
         "Spalten 'bez' gibt es in dieser Tabelle nicht"),
        (ExportRequest("anbieter", "xlsx", rows=("NOPE",)), "Zeilen 'NOPE' gibt es"),
        (ExportRequest("tabelle", "csv", rows=("09", "09")), "Zeilen: doppelt genannt '09'"),
        (ExportRequest("tabelle", "csv", columns=()), "Keine Spalte ausgewählt"),
        (ExportRequest("tabelle", "csv", rows=("",)), "Zeilen: ungültige Schlüssel ''"),
        (ExportRequest("tabelle", "csv", rows="09"), "eine Liste von Schlüsseln erwartet"),
        (ExportRequest("tabelle", "png", rows=("09",)), "nur für die Tabellen von tabelle"),
        (ExportRequest("karte", "csv", columns=("name",)), "nur für die Tabellen von tabelle"),
    ],
)
def test_unknown_or_malformed_rows_and_columns_are_one_line_errors(
    demo_engine, request_, message
):
    with pytest.raises(ExportError, match=message) as info:
        export_view(demo_engine, request_)
    assert "\n" not in str(info.value)


def test_the_grid_read_becomes_row_keys_and_visible_columns_in_display_order():
    state = [
        {"colId": "count", "hide": False, "pinned": None, "sort": "desc"},
        {"colId": "name", "hide": False, "pinned": "left"},
        {"colId": "ag-Grid-SelectionColumn", "hide": False, "pinned": "left"},
        {"colId": "code", "hide": True, "pinned": None},
        {"colId": "land", "hide": None, "pinned": None},
    ]
    assert from_grid(["09", "01"], state) == (("09", "01"), ("name", "count", "land"))
    assert from_grid(None, None) == (None, None)
    assert from_grid([], state)[0] == ()


@pytest.mark.parametrize(
    "keys, state",
    [([None], None), ([9], None), ("09", None), ({"code": "09"}, None),
     (None, [{"field": "name"}]), (None, "name")],
)
def test_an_unreadable_grid_read_is_an_export_error(keys, state):
    with pytest.raises(ExportError, match="Zustand der Tabelle ist unlesbar"):
        from_grid(keys, state)


def test_a_key_on_two_rows_brings_both_in_page_order():
    assert pick_rows(["a", "b", "a", "c"], ("c", "a")) == [3, 0, 2]
    assert pick_rows(["a", "b"], None) == [0, 1]
