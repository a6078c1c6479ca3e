"""Imported lists in the dashboard: labelled by their own name in the snapshot picker, the
source line and exports, and a series of their own on Entwicklung (never REHADAT's line)."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

import store
from dashboard import create_app
from dashboard.exports import ExportRequest, export_view
from dashboard.frame.shell import snapshot_options, source_line
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.state import ViewState
from dashboard.pages import entwicklung
from scrapers.cli import main

LIST = "Landesliste Sachsen WfbM"
PLACES = [("01067", "Dresden"), ("04109", "Leipzig"), ("09111", "Chemnitz"),
          ("02826", "Görlitz"), ("08056", "Zwickau")]


def _csv(path, places):
    with path.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Einrichtung", "Straße", "PLZ", "Ort"])
        for number, (plz, city) in enumerate(places, start=1):
            writer.writerow([f"Beispiel-Werkstätten {city}", f"Weg {number}", plz, city])
    return path


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """A REHADAT (replayed) snapshot and two imports of one list, imported by the CLI."""
    from tests.scrapers.test_import import _write_live
    from tests.store.conftest import provider

    root = tmp_path_factory.mktemp("imported")
    url = f"sqlite:///{root / 'atlas.sqlite'}"
    engine = store.connect(url)
    live = _write_live(engine, provider)
    ids = []
    for as_of, places in (("2024-03-01", PLACES[:4]), ("2025-03-01", PLACES)):
        result = CliRunner().invoke(main, [
            "import", str(_csv(root / f"{as_of}.csv", places)), "--category", "wfbm",
            "--source", LIST, "--as-of", as_of, "--db", url])
        assert result.exit_code == 0, result.output
        ids.append(int(result.stdout.split("stored snapshot ")[1].split()[0]))
    return url, live, ids


def _ctx(url, snapshot_id, lang="de", app=None):
    data = AtlasData(store.connect(url))
    state = ViewState(lang=lang, snapshot=snapshot_id, category="wfbm")
    return PageContext(app=app, data=data, state=state,
                       snapshot=store.get_snapshot(data.engine, snapshot_id), notices=[])


def test_the_picker_and_the_source_line_name_the_list(stores):
    url, live, (first, second) = stores
    labels = {o["value"]: o["label"] for o in snapshot_options(_ctx(url, second))}
    assert labels[second] == f"01.03.2025 (Liste: {LIST})"
    assert labels[first] == f"01.03.2024 (Liste: {LIST})"
    assert labels[live] == "01.12.2022"  # REHADAT's own stay as they were
    english = {o["value"]: o["label"] for o in snapshot_options(_ctx(url, second, "en"))}
    # the English UI writes dates as "1 Mar 2025" (fmt_date), the German one as "01.03.2025"
    assert english[second] == f"1 Mar 2025 (list: {LIST})"
    imported = store.get_snapshot(store.connect(url), second)
    assert source_line(imported, "de") == (
        f"Quelle: {LIST} (importierte Liste, nicht REHADAT), Stand 01.03.2025")
    assert source_line(imported, "en") == (
        f"Source: {LIST} (imported list, not REHADAT), as of 1 Mar 2025")
    rehadat = store.get_snapshot(store.connect(url), live)
    assert source_line(rehadat, "de").startswith("Quelle: REHADAT-Adressen")


def test_entwicklung_of_an_imported_snapshot_shows_only_that_list(stores):
    url, live, (first, second) = stores
    app = create_app(url)
    data = AtlasData(store.connect(url))
    got = entwicklung.content(app, data, second, None, "wfbm", "land", "count", "de")
    assert got["of"] == 2 and got["pair"] == (first, second)
    rehadat = entwicklung.content(app, data, live, None, "wfbm", "land", "count", "de")
    assert rehadat["of"] == 1 and rehadat["pair"] is None  # one REHADAT snapshot: no pair
    options = entwicklung._base_options(data, "de", second)
    assert [o["value"] for o in options] == [first, second]


def test_exports_of_an_imported_snapshot_name_the_list_and_its_own_series(stores):
    url, live, (first, second) = stores
    engine = store.connect(url)
    out = export_view(engine, ExportRequest(page="entwicklung", format="csv", category="wfbm",
                                            snapshot=second, view="verlauf"))
    text = out.content.decode("utf-8-sig")
    assert f"Quelle: {LIST} (importierte Liste, nicht REHADAT), Stand 01.03.2024 → 01.03.2025" \
        in text
    assert "REHADAT-Adressen" not in text
    table = export_view(engine, ExportRequest(page="tabelle", format="csv", category="wfbm",
                                              snapshot=second))
    body = table.content.decode("utf-8-sig")
    assert f"Quelle: {LIST} (importierte Liste, nicht REHADAT), Stand 01.03.2025" in body
