"""The export buttons under the grids send the grid's state with the click: the Flask test
client posts the download callback as the browser would after its clientside step has read
the grid (row keys after filter and sort, the column state)."""

from __future__ import annotations

import base64
import io
import json

import openpyxl
import pandas as pd
import pytest

import store
from dashboard.frame import ids
from dashboard.server.callback_client import answer_bytes
from tests.exports.conftest import read_export_csv

SLOT = ids.PROVIDER_EXPORT_SLOT
OUTPUTS = [(f"{SLOT}-download", "data"), (f"{SLOT}-status", "children")]


@pytest.fixture()
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def wfbm_in_sachsen(demo_engine) -> pd.DataFrame:
    snapshot = store.served_snapshot(demo_engine)
    return store.load_providers(demo_engine, int(snapshot["id"]), category="wfbm", land="14")


def click(dash_post, client, fmt: str, search: str, row_keys, column_state) -> dict:
    read = {"clicks": 1, "rows": row_keys, "columns": column_state}
    response = dash_post(
        client,
        OUTPUTS,
        inputs=[(f"{SLOT}-grid-state", "data", read)],
        state=[(f"{SLOT}-format", "value", fmt), (ids.URL, "search", search)],
        changed=[f"{SLOT}-grid-state.data"],
    )
    assert response.status_code == 200, response.data[:300]
    raw = answer_bytes(response)
    return json.loads(raw)["response"]


def test_the_provider_export_has_the_grids_rows_and_columns_with_the_stores_values(
    dash_post, client, wfbm_in_sachsen
):
    # the grid's rows sorted by PLZ, descending, and filtered to five
    chosen = wfbm_in_sachsen.sort_values("plz", ascending=False).head(5)
    virtual = list(chosen["source_id"])
    state = [
        {"colId": "name", "pinned": "left", "hide": False},
        {"colId": "plz", "hide": False, "sort": "desc"},
        {"colId": "operator", "hide": True},
        {"colId": "city", "hide": False},
    ]
    out = click(dash_post, client, "xlsx", "?pcat=wfbm&pland=14", virtual, state)
    download = out[f"{SLOT}-download"]["data"]
    assert download["filename"] == "wfbm_anbieter_land-14_2022-12-01.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(download["content"])))
    rows = list(book["Daten"].iter_rows(values_only=True))
    assert rows[0] == ("Name", "PLZ", "Ort")
    assert rows[1:] == list(zip(chosen["name"], chosen["plz"], chosen["city"], strict=True))
    assert out[f"{SLOT}-status"]["children"] == download["filename"]


def test_a_row_the_table_does_not_have_is_a_status_message_not_a_download(
    dash_post, client, wfbm_in_sachsen
):
    virtual = [wfbm_in_sachsen["source_id"].iloc[0], "GONE-1"]
    out = click(dash_post, client, "csv", "?pcat=wfbm&pland=14", virtual, None)
    assert f"{SLOT}-download" not in out
    assert "Zeilen 'GONE-1' gibt es in dieser Tabelle nicht" in out[f"{SLOT}-status"]["children"]


def test_before_the_grid_reports_its_state_the_export_is_the_pages_whole_list(
    dash_post, client, wfbm_in_sachsen
):
    out = click(dash_post, client, "csv", "?pcat=wfbm&pland=14", None, None)
    text = base64.b64decode(out[f"{SLOT}-download"]["data"]["content"]).decode("utf-8-sig")
    table = read_export_csv(text.encode("utf-8"), dtype=str)
    assert table["Name"].tolist() == wfbm_in_sachsen["name"].tolist()
    assert len(table.columns) == 9
