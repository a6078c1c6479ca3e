"""Erreichbarkeit exports through export_view: maps with the Luftlinie note, the population
source and the snapshot date; the Kreis table with the planning columns; one-line refusals."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import store
from dashboard.exports import export_view
from dashboard.exports.errors import ExportError
from dashboard.exports.request import ExportRequest
from store.access import access_regions

FLENSBURG, GOERLITZ = "010010000000", "146260110110"


def access(fmt: str, view: str = "distance", **kwargs) -> ExportRequest:
    return ExportRequest("erreichbarkeit", fmt, level="kreis", view=view, **kwargs)


def test_distance_map_svg_says_luftlinie_population_source_and_date(demo_engine, keep):
    exported = export_view(demo_engine, access("svg", plan=(FLENSBURG,)))
    text = exported.content.decode("utf-8")
    assert "weiter als 25 km Luftlinie" in text
    assert "Luftlinie vom Gemeindemittelpunkt" in text
    assert "Bevölkerung je Gemeinde: Destatis, 31.12.2019" in text
    assert "Stand 01.12.2022" in text and ">Beispieldaten<" in text
    assert "Flensburg" in text  # the hypothetical place is named on the image
    # one place, in the singular ("Mit 1 hypothetischen Standorten" read wrong)
    assert "Mit einem hypothetischen Standort (Planung, nicht gespeichert): Flensburg" in text
    # each subtitle part on its own line: on one line it ran past the image's right edge
    assert ">Bevölkerung je Gemeinde: Destatis, 31.12.2019</tspan>" in text
    assert exported.filename.startswith("ala_erreichbarkeit_weiter-als-25km_kreise_planung-1")
    keep(exported.filename, exported.content)


def test_sfca_map_png_and_pdf_render(demo_engine, png_size, keep):
    png = export_view(demo_engine, access("png", view="sfca", threshold=50))
    assert png_size(png.content) == (2000, 2500)
    keep(png.filename, png.content)
    pdf = export_view(demo_engine, access("pdf", view="sfca"))
    assert pdf.content.startswith(b"%PDF")


def test_kreis_table_csv_has_every_kreis_ranked_and_the_planning_columns(
    demo_engine, read_export_csv, split_export_csv
):
    exported = export_view(demo_engine, access("csv", view="table", plan=(FLENSBURG, GOERLITZ)))
    head = split_export_csv(exported.content)[1].split(" | ")
    assert any("Luftlinie" in line for line in head)
    assert any("Bevölkerung je Gemeinde: Statistisches Bundesamt" in line for line in head)
    assert any("Mit 2 hypothetischen Standorten" in line for line in head)
    table = read_export_csv(exported.content)
    assert len(table) == 401 and table["Einwohner"].sum() == 83_166_711
    beyond = table["weiter als 25 km"]
    assert (beyond.diff().dropna() <= 0).all()  # ranked, most people beyond first
    newly = "Menschen bisher weiter als 25 km, mit Planung höchstens 25 km"
    assert table[newly].sum() > 0
    assert not any("50 km" in column for column in table.columns)  # the page's threshold only
    served = store.served_snapshot(demo_engine)
    kreise = access_regions(demo_engine, served["id"], "kreis", "ala")
    no_plan = read_export_csv(export_view(demo_engine, access("csv", view="table")).content)
    merged = no_plan.set_index("Schlüssel (ARS)")["weiter als 25 km"]
    assert merged.to_dict() == kreise.set_index("ars")["pop_beyond_25km"].to_dict()


@pytest.mark.parametrize(("threshold", "lang", "column"), [
    (10, "de", "Menschen bisher weiter als 10 km, mit Planung höchstens 10 km"),
    (50, "de", "Menschen bisher weiter als 50 km, mit Planung höchstens 50 km"),
    (50, "en", "People before over 50 km away, with planning at most 50 km"),
])
def test_kreis_table_planning_column_follows_the_threshold(
    demo_engine, read_export_csv, threshold, lang, column
):
    """The planning column counts who the plan brings within the page's threshold, as the
    store's plan counts them per Kreis (not a fixed 25 km)."""
    exported = export_view(demo_engine, access("csv", view="table", plan=(FLENSBURG, GOERLITZ),
                                               threshold=threshold, lang=lang))
    table = read_export_csv(exported.content)
    assert not any("25 km" in c for c in table.columns if c != column)
    served = store.served_snapshot(demo_engine)
    from dashboard.model.access_data import access_view

    planned = access_view(demo_engine, served["id"], "ala", "all", [FLENSBURG, GOERLITZ])
    expected = planned.plan.newly["kreis"].set_index("ars")[f"newly_within_{threshold}km"]
    ars = table.columns[0]
    got = table.set_index(table[ars].astype(str).str.zfill(5))[column]
    assert got[got > 0].to_dict() == expected[expected > 0].to_dict()
    assert got.sum() == planned.plan.totals[f"newly_within_{threshold}km"] > 0


def test_kreis_table_as_geojson_has_shapes_and_provenance(demo_engine):
    exported = export_view(demo_engine, access("geojson", view="table", service="arbeitsbereich"))
    collection = json.loads(exported.content)
    assert len(collection["features"]) == 401
    assert collection["features"][0]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert "arbeitsbereich" in exported.filename


@pytest.mark.parametrize(("request_", "message"), [
    (access("csv", view="table", plan=("123",)), "zwölfstelliger Gemeindeschlüssel"),
    (access("csv", view="table", plan=("999999999999",)), "unknown Gemeinde ARS"),
    (access("png", view="table"), "Format 'png'"),
    (access("csv", threshold=30), "Schwelle 30"),
    (access("csv", category="wfbm", service="arbeitsbereich"), "nur für die Art 'ala'"),
    (access("csv", view="karte"), "Ansicht 'karte'"),
    (access("csv", view="gemeinden"), "Kreis None ist kein fünfstelliger Kreisschlüssel"),
    (access("csv", view="gemeinden", kreis="9162"), "kein fünfstelliger Kreisschlüssel"),
    (access("csv", view="gemeinden", kreis="99999"), "Kreis '99999' gibt es nicht"),
    (access("png", view="gemeinden", kreis="09162"), "Format 'png'"),
])
def test_bad_access_exports_are_one_line_errors(demo_engine, request_, message):
    with pytest.raises(ExportError, match=message) as error:
        export_view(demo_engine, request_)
    assert "\n" not in str(error.value)


def test_an_unrecorded_category_is_refused(tmp_path):
    engine = store.connect(f"sqlite:///{tmp_path / 'only-ala.sqlite'}")
    frame = pd.DataFrame(columns=list(store.PROVIDER_COLUMNS))
    meta = {"taken_at": "2023-01-01", "origin": "replay", "categories": {"ala": 0}}
    snapshot = store.write_snapshot(engine, meta, frame, {})
    with pytest.raises(ExportError, match="nicht erfasst"):
        export_view(engine, access("csv", view="table", category="wfbm", snapshot=snapshot))
    # ala recorded with no provider: distances undefined, so no table of numbers
    with pytest.raises(ExportError, match="nicht definiert"):
        export_view(engine, access("csv", view="table", snapshot=snapshot))


# --- the Gemeinde list behind a Kreis click --------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "csv-de", "xlsx"])
def test_the_gemeinden_of_a_clicked_kreis_export_as_the_page_lists_them(
    demo_engine, fmt, split_export_csv, keep
):
    from dashboard.model.access_data import access_view, gemeinden_of_kreis
    from dashboard.model.data import AtlasData

    exported = export_view(demo_engine, access(fmt, view="gemeinden", kreis="09187"))
    expected = {"csv": "2022-12-01.csv", "csv-de": "2022-12-01_excel-de.csv",
                "xlsx": "2022-12-01.xlsx"}[fmt]
    assert exported.filename == f"ala_erreichbarkeit_gemeinden-09187_{expected}"
    keep(exported.filename, exported.content)
    served = store.served_snapshot(demo_engine)
    view = access_view(demo_engine, served["id"], "ala", "all", [])
    page = gemeinden_of_kreis(view, "09187", AtlasData(demo_engine).providers(served["id"]), "de")
    if fmt == "xlsx":
        import io

        import openpyxl
        book = openpyxl.load_workbook(io.BytesIO(exported.content))
        rows = list(book["Daten"].iter_rows(values_only=True))
        assert rows[0] == ("Schlüssel (ARS)", "Gemeinde", "Einwohner",
                           "Entfernung km (Luftlinie)", "nächster Anbieter")
        assert [r[1] for r in rows[1:]] == page["name"].tolist()
        source = [r[0] for r in book["Quelle"].iter_rows(values_only=True)]
        assert any("Gemeinden in Rosenheim (Landkreis)" in line for line in source if line)
        return
    options = {"sep": ";", "decimal": ","} if fmt == "csv-de" else {}
    table, provenance = split_export_csv(exported.content, dtype={"Schlüssel (ARS)": str},
                                         **options)
    assert table["Gemeinde"].tolist() == page["name"].tolist()  # farthest first, as on screen
    assert table["Schlüssel (ARS)"].str.len().eq(12).all()
    assert table["Entfernung km (Luftlinie)"].tolist() == pytest.approx(
        page["nearest_km"].round(2).tolist())
    assert table["nächster Anbieter"].tolist() == page["nearest"].tolist()
    assert "Luftlinie" in provenance and "Datenstand 3 vom 01.12.2022, Beispieldaten" in provenance


def test_the_english_gemeinden_file_is_named_and_labelled_in_english(
    demo_engine, split_export_csv
):
    exported = export_view(demo_engine, access("csv", view="gemeinden", kreis="09187",
                                               lang="en"))
    assert exported.filename == "ala_access_municipalities-09187_2022-12-01.csv"
    table, provenance = split_export_csv(exported.content, dtype={"Key (ARS)": str})
    assert list(table.columns) == ["Key (ARS)", "Municipality", "Inhabitants",
                                   "Distance km (straight line)", "Nearest provider"]
    assert "Snapshot 3 of 1 Dec 2022, example data" in provenance
    assert "Beispieldaten" not in provenance


def test_a_land_kreis_map_draws_only_the_lands_providers(demo_engine):
    """A Land view draws no shapes outside the Land: dots there floated on white (the Gemeinde
    map already kept to the Land's providers; the Kreis maps did not)."""
    from dashboard.exports.access_views import access_export_view

    whole = access_export_view(demo_engine, access("svg")).figure
    bayern = access_export_view(demo_engine, access("svg", land="09")).figure
    [dots] = [trace for trace in whole.data if trace.name == "Anbieter"]
    [land_dots] = [trace for trace in bayern.data if trace.name == "Anbieter"]
    assert 0 < len(land_dots.lon) < len(dots.lon)
    # every dot lies in Bayern's box (9–14°E, 47–51°N), and the Land keeps all of its own
    assert all(8.9 < lon < 13.9 for lon in land_dots.lon)
    assert all(47.2 < lat < 50.6 for lat in land_dots.lat)
