"""One CSV escaping rule for the API and the exports (dashboard.exports.csv_cells): a formula
from the source gets an apostrophe, a phone number starting with + stays as it is, in both."""

from __future__ import annotations

import io

import pandas as pd
import pytest

import store
from dashboard import create_app
from dashboard.exports import ExportRequest, export_view
from dashboard.exports.csv_cells import defuse, defuse_frame


@pytest.mark.parametrize(("cell", "written"), [
    ("=HYPERLINK(\"http://x\",\"klick\")", "'=HYPERLINK(\"http://x\",\"klick\")"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1", "'\r=1"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),  # DDE: a letter and a pipe
    ("-2+3+cmd|'/C calc'!A0", "'-2+3+cmd|'/C calc'!A0"),
    ("+A1", "'+A1"),  # a cell reference
    ("-Werkstatt", "'-Werkstatt"),
    ("+49 30 1234-5", "+49 30 1234-5"),  # a phone number is data
    ("+49 (0)8031 123/45", "+49 (0)8031 123/45"),
    ("-0,25", "-0,25"),
    ("+1.5", "+1.5"),
    ("Lebenshilfe Rosenheim", "Lebenshilfe Rosenheim"),
    ("", ""),
])
def test_which_cells_get_an_apostrophe(cell, written):
    assert defuse(cell) == written


@pytest.mark.parametrize("value", [None, 3, -2.5, float("nan")])
def test_numbers_and_empty_cells_are_never_touched(value):
    assert defuse(value) is value


def test_a_frame_without_text_is_returned_as_it_is():
    frame = pd.DataFrame({"count": [1, -2]})
    assert defuse_frame(frame) is frame


@pytest.fixture
def tricky_store(writable_db):
    engine = store.connect(writable_db)
    frame = pd.DataFrame([
        {"category": "ala", "source_id": "A1", "name": "=HYPERLINK(\"http://x\")",
         "phone": "+49 30 1234-5", "plz": "01067", "city": "Dresden", "kreis_ars": "14612",
         "land_code": "14", "geocode_quality": "gemeinde", "services": []},
        {"category": "ala", "source_id": "A2", "name": "-Werkstatt", "phone": "+49 351 9",
         "plz": "01067", "city": "Dresden", "kreis_ars": "14612", "land_code": "14",
         "geocode_quality": "gemeinde", "services": []},
    ])
    store.write_snapshot(engine, {"taken_at": "2020-01-01", "origin": "live",
                                  "categories": {"ala": 2, "wfbm": 0, "ib": 0}}, frame, {})
    return writable_db, engine


def test_the_api_and_the_export_escape_the_same_cells(tricky_store):
    url, engine = tricky_store
    api_text = create_app(url).server.test_client().get(
        "/api/providers?format=csv").get_data(as_text=True)
    api = pd.read_csv(io.StringIO(api_text), dtype=str, keep_default_na=False)
    exported = export_view(engine, ExportRequest("anbieter", "csv", category="ala"))
    body = exported.content.decode("utf-8-sig")
    # the table starts on line 1 (its provenance is the last column)
    table = pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False)
    assert sorted(api["name"]) == ["'-Werkstatt", "'=HYPERLINK(\"http://x\")"]
    assert sorted(api["phone"]) == ["+49 30 1234-5", "+49 351 9"]
    assert sorted(table["Name"]) == sorted(api["name"])  # the same cells, the same escaping
    # (the Anbieter export has no phone column; the API's phones above are the data as stored)

