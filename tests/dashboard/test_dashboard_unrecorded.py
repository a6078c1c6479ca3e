"""A snapshot that holds only some categories (e.g. `scrape --category ala`): the dashboard
must say "not recorded" for the others, never "no provider here" or 0 — in the data layer,
the map, the table, the region details and the exports (which refuse)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import geodata
import store
from dashboard import create_app
from dashboard.exports import ExportError, ExportRequest, export_view
from dashboard.figures.choropleth import TRACES, choropleth_figure
from dashboard.frame import ids
from dashboard.model import metrics as m
from dashboard.model.data import AtlasData, map_frame
from dashboard.pages import tabelle
from dashboard.pages.details import details_panel
from dashboard.server.callback_client import answer_bytes
from dashboard.text.i18n import t
from dashboard.views import region_table

NOTICE_DE = "Werkstätten (WfbM) sind in diesem Datenstand nicht erfasst."
NOTICE_EN = "Sheltered workshops (WfbM) were not recorded in this snapshot."


def _ala_rows(n: int = 40) -> pd.DataFrame:
    """aLA providers in the first n Kreise (real ARS), nothing else."""
    kreise = geodata.region_table("kreis").head(n)
    rows = [
        {
            "category": "ala",
            "source_id": f"U{i:04d}",
            "name": f"Anbieter {i}",
            "plz": "01067",
            "city": "Ort",
            "kreis_ars": kreis["code"],
            "land_code": kreis["land_code"],
            "geocode_quality": "kreis",
            "services": ["Arbeitsbereich"],
        }
        for i, kreis in enumerate(kreise.to_dict("records"))
    ]
    return pd.DataFrame(rows, columns=list(store.PROVIDER_COLUMNS))


@pytest.fixture(scope="module")
def ala_only(tmp_path_factory) -> tuple[str, int]:
    """A real SQLite store with one live snapshot that recorded only aLA."""
    url = f"sqlite:///{tmp_path_factory.mktemp('ala-only') / 'atlas.sqlite'}"
    engine = store.connect(url)
    frame = _ala_rows()
    report = store.build_quality_report(frame, {"ala": len(frame)})
    meta = {"taken_at": "2026-11-01T00:00:00Z", "origin": "live", "categories": {"ala": len(frame)}}
    sid = store.write_snapshot(engine, meta, frame, report)
    assert set(store.get_snapshot(engine, sid)["counts"]) == {"ala"}
    return url, sid


@pytest.fixture(scope="module")
def data(ala_only) -> AtlasData:
    return AtlasData(store.connect(ala_only[0]))


def test_metrics_of_an_unrecorded_category_are_unknown_not_zero(data, ala_only):
    frame = data.region_metrics(ala_only[1], "kreis", "wfbm")
    assert len(frame) == 401
    assert not m.is_recorded(frame)
    for column in ("count", "per_100k", "none_here", "wfbm_count", "ala_share"):
        assert frame[column].isna().all(), column
    assert not m.none_mask(frame, "count").any()
    assert not m.undefined_mask(frame, "per_100k").any()
    assert m.total_row(frame, "Deutschland")["count"] is None


def test_the_recorded_category_keeps_its_counts_but_not_the_missing_wfbm(data, ala_only):
    frame = data.region_metrics(ala_only[1], "kreis", "ala")
    assert m.is_recorded(frame)
    assert int(frame["count"].sum()) == 40
    assert frame["count"].eq(0).sum() == 401 - 40  # real zeros: aLA were looked for
    assert frame["wfbm_count"].isna().all()  # WfbM were not: no "0 WfbM"
    assert m.total_row(frame, "Deutschland")["wfbm_count"] is None


@pytest.mark.parametrize("metric", ["count", "per_100k", "none_here", "ala_share"])
def test_the_map_draws_no_region_as_no_provider_and_names_the_gap(data, ala_only, metric):
    frame = map_frame(data, ala_only[1], "kreis", "wfbm")
    figure = choropleth_figure(
        frame, metric, category="wfbm", level="kreis", lang="de", geojson={}
    )
    base = figure.data[TRACES.index("none")]
    assert base.name == "nicht erfasst"
    none_names = {t("map.none", "de"), t("map.none", "de") + " (aLA)"}
    assert not [tr for tr in figure.data if tr.name in none_names]
    assert all(z is None for z in figure.data[TRACES.index("values")].z)
    assert figure.data[TRACES.index("values")].showscale is False
    assert len(figure.data[TRACES.index("undefined")].locations) == 0
    assert NOTICE_DE in figure.layout.title.text
    hover = base.hovertext[0]
    assert "WfbM: nicht erfasst" in hover and "WfbM: 0" not in hover


def test_the_map_of_a_recorded_category_keeps_its_grey_regions(data, ala_only):
    frame = map_frame(data, ala_only[1], "kreis", "ala")
    figure = choropleth_figure(frame, "count", category="ala", level="kreis", lang="en",
                               geojson={})
    assert figure.data[TRACES.index("none")].name == t("map.none", "en")
    assert "not recorded" not in figure.layout.title.text


def test_table_rows_show_no_zero_and_the_notice(data, ala_only):
    frame = data.region_metrics(ala_only[1], "kreis", "wfbm")
    rows, total, _ = region_table.table_rows(frame, "kreis", None, "de")
    for row in rows + total:
        for field in ("count", "per_100k", "wfbm_count", "ala_share", "none_here"):
            assert row[field] is None, (row["name"], field, row[field])
    assert tabelle.not_recorded_notice(frame, "wfbm", "en") == NOTICE_EN
    assert tabelle.not_recorded_notice(data.region_metrics(ala_only[1], "kreis", "ala"),
                                       "ala", "de") == ""


def _body(response) -> dict:
    raw = answer_bytes(response)
    return json.loads(raw)


def test_the_tabelle_callback_shows_the_notice_and_no_zero(ala_only, dash_post):
    app = create_app(ala_only[0])
    client = app.server.test_client()
    # url.search is an allow_duplicate output: its key carries Dash's hash
    key = next(k for k in app.callback_map if ids.TABLE_NOTICE in k)
    search = key.rsplit("...", 1)[1].rstrip(".").split(".", 1)[1]
    outputs = [
        (ids.TABLE_GRID, "rowData"), (ids.TABLE_GRID, "dashGridOptions"),
        (ids.TABLE_GRID, "columnDefs"), (ids.TABLE_RANKING, "figure"),
        (ids.TABLE_RANKING_DESCRIPTION, "children"), (ids.TABLE_LAND, "disabled"),
        (ids.TABLE_NOTICE, "children"), (ids.TABLE_NOTICE, "hidden"), (ids.URL, search),
    ]
    inputs = [
        (ids.TABLE_LEVEL, "value", "land"), (ids.TABLE_CATEGORY, "value", "wfbm"),
        (ids.TABLE_LAND, "value", ""), (ids.TABLE_METRIC, "value", "count"),
        (ids.snapshot("tabelle"), "value", ala_only[1]),
    ]
    state = [(ids.TABLE_GRID, "dashGridOptions", {}), (ids.URL, "search", "?lang=en")]
    response = dash_post(client, outputs, inputs, state, [f"{ids.TABLE_CATEGORY}.value"])
    assert response.status_code == 200
    out = _body(response)["response"]
    assert out[ids.TABLE_NOTICE] == {"children": NOTICE_EN, "hidden": False}
    rows = out[ids.TABLE_GRID]["rowData"]
    assert len(rows) == 16
    assert all(row["count"] is None and row["none_here"] is None for row in rows)
    total = out[ids.TABLE_GRID]["dashGridOptions"]["pinnedBottomRowData"][0]
    assert total["count"] is None
    ranking = json.dumps(out[ids.TABLE_RANKING]["figure"], ensure_ascii=False)
    assert NOTICE_EN in ranking
    # the chart's text alternative says the kind was not recorded, not "none"
    described = out[ids.TABLE_RANKING_DESCRIPTION]["children"]
    assert "not recorded" in described and "Without providers" not in described


def test_the_karte_page_names_the_gap_in_the_map_title(ala_only, dash_post):
    app = create_app(ala_only[0])
    client = app.server.test_client()
    for query in ("?category=wfbm&level=kreis", "?category=wfbm&view=compare"):
        response = dash_post(
            client, [(ids.ROOT, "children"), (ids.ROOT, "lang")],
            [(ids.URL, "pathname", "/karte"), (ids.LANG_STORE, "data", None)],
            [(ids.URL, "search", query)], [f"{ids.URL}.pathname"],
        )
        assert response.status_code == 200
        text = json.dumps(_body(response), ensure_ascii=False)
        assert NOTICE_DE in text, query


def test_region_details_say_not_recorded_instead_of_none_here(data, ala_only):
    code = geodata.region_table("kreis")["code"].iloc[0]
    panel = details_panel(data, ala_only[1], "kreis", "wfbm", "count", code, "de")
    text = json.dumps([c.to_plotly_json() for c in panel], default=str, ensure_ascii=False)
    assert NOTICE_DE in text
    assert t("details.providers.none", "de") not in text
    assert "Werkstätten (WfbM)" in text and "nicht erfasst" in text


@pytest.mark.parametrize(
    "request_",
    [
        ExportRequest(page="tabelle", format="csv", level="kreis", category="wfbm"),
        ExportRequest(page="karte", format="geojson", level="land", category="ib"),
        ExportRequest(page="karte", format="png", level="land", compare=True),
    ],
    ids=["tabelle-csv", "karte-geojson", "compare-png"],
)
def test_exports_of_an_unrecorded_category_refuse_with_the_reason(ala_only, request_):
    engine = store.connect(ala_only[0])
    with pytest.raises(ExportError) as caught:
        export_view(engine, request_)
    message = str(caught.value)
    assert "nicht erfasst" in message and "\n" not in message


def test_an_export_of_the_recorded_category_has_no_wfbm_zeros(ala_only):
    engine = store.connect(ala_only[0])
    out = export_view(engine, ExportRequest(page="tabelle", format="csv", level="land"))
    text = out.content.decode("utf-8-sig")
    # the WfbM column is empty on every row, never 0
    import csv
    import io

    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(t("col.name", "de") + ","))
    table = list(csv.reader(io.StringIO("\n".join(lines[start:]))))
    header = table[0]
    wfbm = header.index(t("col.wfbm_count", "de"))
    values = [row[wfbm] for row in table[1:] if len(row) == len(header)]
    assert len(values) == 17 and all(v == "" for v in values)  # 16 Länder and the total


# ---------------------------------------------------------------- in a real browser
@pytest.fixture(scope="module")
def ala_only_server(ala_only, serve):
    """A second app, over the aLA-only store, on its own loopback port."""
    with serve(create_app(ala_only[0]).server) as url:
        yield url


def _wait(browser, script: str, *args):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, 30, poll_frequency=0.1).until(
        lambda d: d.execute_script(script, *args)
    )


@pytest.mark.browser
def test_browser_shows_the_notice_on_karte_and_tabelle(browser, ala_only_server, artifacts_dir):
    browser.get(ala_only_server + "/karte?level=kreis&category=wfbm")
    _wait(browser, "const g = document.querySelector('#karte-graph .js-plotly-plot');"
                   "return g && g.querySelectorAll('.choroplethlocation').length > 0;")
    names = browser.execute_script(
        "return document.querySelector('#karte-graph .js-plotly-plot')._fullData"
        ".filter(t => t.locations && t.locations.length).map(t => t.name);"
    )
    assert "nicht erfasst" in names and "kein Anbieter" not in names
    _wait(browser, "return document.body.innerText.includes(arguments[0]);", NOTICE_DE)
    browser.save_screenshot(str(artifacts_dir / "karte-not-recorded.png"))

    browser.get(ala_only_server + "/tabelle?level=land&category=wfbm&lang=en")
    _wait(browser, "const n = document.getElementById(arguments[0]);"
                   "return n && !n.hidden && n.innerText.includes(arguments[1]);",
          ids.TABLE_NOTICE, NOTICE_EN)
    _wait(browser, "return document.querySelectorAll('.ag-center-cols-container .ag-row')"
                   ".length >= 16;")
    counts = browser.execute_script(
        "return [...document.querySelectorAll('.ag-row [col-id=\"count\"]')]"
        ".map(c => c.innerText.trim());"
    )
    assert counts and "0" not in counts
    browser.save_screenshot(str(artifacts_dir / "tabelle-not-recorded.png"))


def test_only_snapshots_that_recorded_a_kind_enter_its_series(ala_only):
    from store import growth

    url, sid = ala_only
    served = store.served_series(store.connect(url))
    assert growth.recorded(served, "ala")["id"].tolist() == [sid]
    assert growth.recorded(served, "wfbm").empty


def test_entwicklung_for_an_unrecorded_kind_says_so_instead_of_failing(ala_only):
    from dashboard import create_app
    from dashboard.pages.entwicklung import NATIONAL, content, pair_note

    url, sid = ala_only
    app = create_app(url)
    got = content(app, AtlasData(store.connect(url)), sid, None, "wfbm", "land", "count", "de")
    assert got["pair"] is None
    assert got["skipped"] == got["of"] == 1
    note = pair_note(got, "wfbm", "de", "Es gibt nur einen Datenstand: ein Vergleich braucht zwei.")
    assert note == ("Werkstätten (WfbM) sind in 1 von 1 Datenständen nicht erfasst; diese fehlen "
                    "hier (eine Lücke, keine 0).")
    ours = [trace for trace in got[NATIONAL].data if trace.name == "Datenstände"]
    assert len(ours) == 1 and len(ours[0].y) == 0  # a gap, not a line at 0


def test_the_provider_search_for_an_unrecorded_kind_says_it_was_not_recorded(ala_only):
    from dashboard.pages.anbieter import count_text

    url, sid = ala_only
    snapshot = store.get_snapshot(store.connect(url), sid)
    assert count_text(snapshot, "wfbm", 0, "de") == f"0 Anbieter gefunden {NOTICE_DE}"
    assert count_text(snapshot, "wfbm", 0, "en") == f"0 providers found {NOTICE_EN}"
    assert count_text(snapshot, "ala", 40, "de") == "40 Anbieter gefunden"
    assert count_text(snapshot, None, 40, "de") == "40 Anbieter gefunden"
