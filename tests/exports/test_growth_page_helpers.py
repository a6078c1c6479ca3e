"""Pure helpers of the Entwicklung page and the Karte timeline."""

from __future__ import annotations

import pandas as pd

from dashboard.exports.from_url import entwicklung_request, karte_request
from dashboard.model.state import parse_query
from dashboard.pages.entwicklung import pair, query_with
from dashboard.pages.timeline import next_stop, stops

SERIES = pd.DataFrame(
    {"id": [4, 7, 9], "taken_at": pd.to_datetime(["2021-11-30", "2022-01-31", "2022-12-01"],
                                                  utc=True)}
)


def test_pair_orders_the_chosen_snapshots_by_date():
    assert pair(SERIES, newer=4, base=9) == (4, 9)
    assert pair(SERIES, newer=9, base=7) == (7, 9)


def test_pair_without_a_usable_base_starts_at_the_first_snapshot():
    assert pair(SERIES, newer=9, base=None) == (4, 9)
    assert pair(SERIES, newer=9, base=9) == (4, 9)
    assert pair(SERIES, newer=9, base=123) == (4, 9)
    assert pair(SERIES, newer=4, base=None) == (4, 9)  # the first against the latest


def test_pair_needs_two_snapshots():
    assert pair(SERIES.head(1), newer=4, base=None) is None


def test_the_base_snapshot_travels_in_the_url_and_into_the_export():
    query = query_with("?lang=en", base=7, category="wfbm", metric="per_100k")
    state, problems = parse_query(query)
    assert problems == [] and (state.base, state.lang, state.category) == (7, "en", "wfbm")
    request = entwicklung_request("wachstum")(query, "png")
    assert (request.base, request.per_100k, request.category) == (7, True, "wfbm")


def test_the_karte_export_follows_the_map_view_in_the_url():
    request = karte_request("?level=kreis&metric=per_100k&snapshot=2&points=1", "svg")
    assert (request.level, request.metric, request.snapshot, request.points) == (
        "kreis", "per_100k", 2, True)


def test_timeline_stops_are_spaced_by_date_and_step_to_the_end():
    points = stops(SERIES)
    days = [day for day, _ in points]
    assert [sid for _, sid in points] == [4, 7, 9]
    assert days[1] - days[0] == 62 and days[2] - days[1] == 304
    assert next_stop(points, days[0]) == days[1]
    assert next_stop(points, days[2]) is None
    assert next_stop(points, None) == days[0]


def test_a_short_table_is_plain_html_with_every_row_formatted():
    from dashboard.pages.entwicklung import PLAIN_TABLE_ROWS, html_table

    frame = pd.DataFrame({"Land": [f"L{i}" for i in range(PLAIN_TABLE_ROWS)],
                          "je 100.000": [i + 0.5 for i in range(PLAIN_TABLE_ROWS)]})
    box = html_table(frame, "Zuwachs", "de")
    # a focusable, named region that scrolls sideways on a phone, holding the table
    assert (box.role, box.tabIndex, box.to_plotly_json()["props"]["aria-label"]) == (
        "region", "0", "Zuwachs")
    table = box.children
    body = table.children[2].children
    assert table.children[0].children == "Zuwachs"
    assert len(body) == PLAIN_TABLE_ROWS
    assert [td.children for td in body[1].children] == ["L1", "1,50"]
    assert [td.className for td in body[1].children] == [None, "num"]  # numbers right-aligned


def test_a_long_table_becomes_a_grid_that_keeps_every_row():
    from dashboard.pages.entwicklung import PLAIN_TABLE_ROWS, html_table

    rows = PLAIN_TABLE_ROWS * 10  # more than the 500 a plain table once cut off silently
    frame = pd.DataFrame({"Kreis": [f"K{i}" for i in range(rows)], "Änderung": range(rows)})
    figure = html_table(frame, "Veränderung je Region", "de")
    caption, grid = figure.children
    assert caption.children == "Veränderung je Region"
    assert len(grid.rowData) == rows
    assert [c["headerName"] for c in grid.columnDefs] == ["Kreis", "Änderung"]
    assert grid.rowData[-1] == {"c0": f"K{rows - 1}", "c1": str(rows - 1)}
