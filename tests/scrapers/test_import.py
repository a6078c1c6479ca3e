"""`python -m scrapers import`: other lists (CSV in Excel's Windows-1252 with semicolons,
XLSX) into snapshots of their own source, checked row by row."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import store
from scrapers.cli import main

HEADER = "Einrichtung;Träger;Straße;PLZ;Ort;Telefon;E-Mail;Internet;Leistungen;Bemerkung"
ROWS = [
    "Liste der Werkstätten in Sachsen, Stand 01.03.2025;;;;;;;;;",  # a title above the header
    HEADER,
    "Beispiel-Werkstätten Dresden;Beispiel-Lebenshilfe e.V.;Hauptstraße 5;01067;Dresden;"
    "0351 123;Info@Bsp-Dresden.example;www.bsp-dresden.example;"
    "Berufsbildungsbereich, Arbeitsbereich;neu",
    "Beispiel-Werk Leipzig;;Gartenweg 2;4109;Leipzig;;;;Arbeitsbereich;",  # Excel lost the 0
    ";;;;;;;;;",
    "Beispiel ohne PLZ;;Weg 1;;Chemnitz;;;;;",
    ";Träger ohne Namen;Weg 2;09111;Chemnitz;;;;;",
    "Beispiel Unbekannt;;Weg 3;00000;Nirgendwo;;;;;",
    "Beispiel Görlitz;Diakonie;Weg 4;02826;Görlitz;;;görlitz-werk.example;;",
]


@pytest.fixture
def excel_csv(tmp_path):
    path = tmp_path / "wfbm_sachsen.csv"
    path.write_bytes(("\r\n".join(ROWS) + "\r\n").encode("cp1252"))
    return path


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'atlas.sqlite'}"


def run(*args):
    return CliRunner().invoke(main, ["import", *args], catch_exceptions=False)


def test_invalid_rows_are_named_by_line_and_the_import_refused(excel_csv, db):
    result = run(str(excel_csv), "--category", "wfbm", "--source", "Landesliste Sachsen",
                 "--as-of", "2025-03-01", "--db", db)
    assert result.exit_code == 1
    out = result.stdout
    assert "CSV, Windows-1252, delimiter ';', header on line 2" in out
    assert "name ← 'Einrichtung'" in out and "operator ← 'Träger'" in out
    assert "ignored columns: 'Bemerkung'" in out
    assert "rows: 6 read, 3 valid, 3 invalid" in out
    assert "invalid: line 6 ('Beispiel ohne PLZ'): no PLZ" in out
    assert "invalid: line 7: no name" in out
    assert "invalid: line 8 ('Beispiel Unbekannt'): PLZ 00000 cannot be placed" in out
    assert "nothing stored" in result.stderr
    assert store.list_snapshots(store.connect(db)).empty


def test_with_skip_invalid_the_valid_rows_become_an_import_snapshot(excel_csv, db):
    result = run(str(excel_csv), "--category", "wfbm", "--source", "Landesliste Sachsen",
                 "--as-of", "2025-03-01", "--source-url", "https://land.example/wfbm.csv",
                 "--db", db, "--skip-invalid")
    assert result.exit_code == 0, result.output
    assert "note: 1 PLZ with 4 digits read with a leading 0 (lines 4)" in result.stdout
    assert "stored snapshot 1 (import 'Landesliste Sachsen', as of 2025-03-01): 3 wfbm" \
        in result.stdout
    engine = store.connect(db)
    snapshot = store.get_snapshot(engine, 1)
    assert snapshot["origin"] == "import" and snapshot["source"] == "Landesliste Sachsen"
    assert snapshot["source_url"] == "https://land.example/wfbm.csv"
    assert snapshot["taken_at"].startswith("2025-03-01")
    assert snapshot["counts"] == {"wfbm": {"expected": 3, "parsed": 3}}
    rows = store.load_providers(engine, 1).set_index("name")
    dresden = rows.loc["Beispiel-Werkstätten Dresden"]
    assert dresden["operator"] == "Beispiel-Lebenshilfe e.V."  # Windows-1252 read right
    assert (dresden["street"], dresden["plz"], dresden["city"]) == ("Hauptstraße 5", "01067",
                                                                    "Dresden")
    assert dresden["email"] == "info@bsp-dresden.example"
    assert dresden["website"] == "https://www.bsp-dresden.example"
    assert list(dresden["services"]) == ["Berufsbildungsbereich", "Arbeitsbereich"]
    assert dresden["kreis_ars"] == "14612" and dresden["geocode_quality"] == "gemeinde"
    assert rows.loc["Beispiel-Werk Leipzig", "plz"] == "04109"
    assert rows.loc["Beispiel Görlitz", "website"] == "https://görlitz-werk.example"
    report = store.quality_report(engine, 1)
    assert any("line 7: no name" in p for p in report.get("problems", []))


def _xlsx(path, rows):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Inklusionsbetriebe"
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_an_xlsx_with_numeric_plz_and_other_headers_is_imported_as_its_own_series(tmp_path, db):
    path = tmp_path / "ib.xlsx"
    _xlsx(path, [
        ["Inklusionsbetriebe – Mitgliederliste"],
        [],
        ["Betrieb", "Trägerschaft", "Strasse", "Hausnr.", "Postleitzahl", "Stadt", "Tel.",
         "Mail", "Homepage"],
        ["Beispiel Hotel Miteinander gGmbH", "Beispiel e.V.", "Am Markt", "3", 1067, "Dresden",
         "0351 1", "hotel@example.org", "https://hotel.example"],
        ["Beispiel Café Vielfalt", None, "Lindenallee", 12, 50667, "Köln", None, None, None],
        ["Beispiel Druckerei", None, None, None, 80331.0, "München", None, None,
         "druckerei.example"],
    ])
    engine = store.connect(db)
    # a REHADAT snapshot exists already: it stays the one served, the import its own series
    from tests.store.conftest import provider

    live = _write_live(engine, provider)
    result = run(str(path), "--category", "ib", "--source", "BIH Mitgliederliste",
                 "--as-of", "2024-06-30", "--db", db)
    assert result.exit_code == 0, result.output
    assert "XLSX, sheet 'Inklusionsbetriebe', header on line 3" in result.stdout
    assert "name ← 'Betrieb'" in result.stdout and "house_number ← 'Hausnr.'" in result.stdout
    imported = int(result.stdout.split("stored snapshot ")[1].split()[0])
    rows = store.load_providers(engine, imported).set_index("name")
    hotel = rows.loc["Beispiel Hotel Miteinander gGmbH"]
    assert (hotel["street"], hotel["plz"], hotel["city"]) == ("Am Markt 3", "01067", "Dresden")
    assert rows.loc["Beispiel Café Vielfalt", "street"] == "Lindenallee 12"
    assert rows.loc["Beispiel Druckerei", "plz"] == "80331"
    assert rows.loc["Beispiel Druckerei", "website"] == "https://druckerei.example"
    assert store.served_snapshot(engine)["id"] == live
    assert store.served_series(engine)["id"].tolist() == [live]
    assert store.served_series(engine, imported)["id"].tolist() == [imported]

    again = run(str(path), "--category", "ib", "--source", "BIH Mitgliederliste",
                "--as-of", "2025-06-30", "--db", db)
    assert again.exit_code == 0, again.output
    series = store.served_series(engine, imported)
    assert series["origin"].tolist() == ["import", "import"]
    newer = int(series["id"].iloc[-1])
    assert store.diff_snapshots(engine, imported, newer).empty  # same list: same ids


def _write_live(engine, provider) -> int:
    import pandas as pd

    frame = pd.DataFrame([provider("ADR1", "ib")], columns=list(store.PROVIDER_COLUMNS))
    meta = {"taken_at": "2022-12-01", "origin": "live", "categories": {"ib": 1}}
    return store.write_snapshot(engine, meta, frame, store.build_quality_report(frame, {"ib": 1}))


def test_column_overrides_and_a_comma_utf8_file_with_a_multiline_cell(tmp_path, db):
    path = tmp_path / "ala.csv"
    path.write_text(
        '\ufeffBezeichnung des Angebots,PLZ/Ort,Anschrift\n'
        '"Beispiel Teilhabe gGmbH","01067 Dresden","Hauptstraße 1"\n'
        '"Beispiel Brücke","04109 Leipzig","Hof 2\nHinterhaus"\n'
        '"Beispiel Fehler","410 Leipzig","Weg 3"\n'
        '"Beispiel Buchstabe","O4109 Leipzig","Weg 4"\n', encoding="utf-8")
    result = run(str(path), "--category", "ala", "--source", "Verbandsliste",
                 "--as-of", "2025-01-15", "--db", db, "--column",
                 "name=Bezeichnung des Angebots")
    assert result.exit_code == 1
    assert "CSV, UTF-8, delimiter ','" in result.stdout
    assert "plz_city ← 'PLZ/Ort'" in result.stdout and "street ← 'Anschrift'" in result.stdout
    # the quoted cell spans lines 3-4, so the bad row is on line 5
    assert ("invalid: line 5 ('Beispiel Fehler'): '410 Leipzig' does not start with a "
            "5-digit PLZ") in result.stdout
    assert "invalid: line 6 ('Beispiel Buchstabe'): 'O4109 Leipzig'" in result.stdout
    assert "rows: 4 read, 2 valid, 2 invalid" in result.stdout


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (b"Spalte1;Spalte2\nA;B\n", (), "no header row found"),
        (b"Ort;Telefon\nDresden;1\n", (), "no column for name and plz"),
        (b"Einrichtung;Telefon;Ort\nA;1;Dresden\n", (), "no column for plz among the headers "
                                                        "'Einrichtung', 'Telefon', 'Ort'"),
        (b"Name;PLZ\nA;01067\n", ("--column", "nom=Name"), "unknown field(s) nom"),
        (b"Name;PLZ\nA;01067\n", ("--column", "name=Titel"), "no such header"),
        (b"Name;PLZ\nA;01067\n", ("--column", "name"), "write FIELD=HEADER"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", (), "old Excel format"),
        (b"   \n", (), "the file is empty"),
    ],
)
def test_unusable_files_and_options_are_one_line_errors(tmp_path, db, content, args, message):
    path = tmp_path / "liste.csv"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["import", str(path), "--category", "ala", "--source",
                                       "X", "--as-of", "2025-01-01", "--db", db, *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert store.list_snapshots(store.connect(db)).empty
