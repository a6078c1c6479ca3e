"""The Gemeinde map, the Land view, the 2SFCA scale and the planning words without a browser."""

from __future__ import annotations

import numpy as np
import pytest

from dashboard.figures.access_gemeinde import distance_class, fitted_geo, gemeinde_map
from dashboard.model.access_data import access_view, gemeinde_map_frame, land_bounds
from dashboard.model.data import AtlasData
from dashboard.model.state import parse_query, to_query
from dashboard.pages import erreichbarkeit as page
from dashboard.text.i18n import fmt_number
from tests.dashboard.test_access_page import texts

FLENSBURG, MUENCHEN = "010010000000", "091620000000"


@pytest.fixture(scope="module")
def served(demo_engine) -> int:
    import store

    return int(store.served_snapshot(demo_engine)["id"])


def test_distance_classes_put_each_edge_in_the_lower_class_and_undefined_apart():
    km = np.array([0.0, 10.0, 10.01, 25.0, 25.5, 50.0, 50.1, np.nan])
    assert distance_class(km).tolist() == [0, 0, 1, 1, 2, 2, 3, -1]


def test_level_gemeinde_in_the_url_is_the_access_level_and_leaves_the_karte_level_alone():
    state, problems = parse_query("?level=gemeinde&land=09")
    assert (state.alevel, state.level, state.land, problems) == ("gemeinde", "land", "09", [])
    assert to_query(state) == "?land=09&alevel=gemeinde"
    bad, problems = parse_query("?alevel=ortsteil")
    assert bad.alevel == "kreis" and [p.name for p in problems] == ["alevel"]


def test_the_gemeinde_map_has_every_gemeinde_once_in_fixed_coloured_classes(demo_engine,
                                                                           served):  # fmt: skip
    view = access_view(demo_engine, served, "ala", "all", [])
    frame = gemeinde_map_frame(view, AtlasData(demo_engine).providers(served), "de")
    shapes = {"gemeinde": "g", "kreis": "k", "land": "l"}
    outlines = {"kreis": ["01001"], "land": ["01"]}
    figures = [gemeinde_map(frame, threshold=km, lang="de", shapes=shapes, outlines=outlines,
                            geo=fitted_geo(None), revision="r") for km in (10, 50)]  # fmt: skip
    located = [code for trace in figures[0].data[:5] for code in trace.locations]
    assert sorted(located) == sorted(frame["ars"]) and len(located) == 10_997
    # the same class keeps its colour and Gemeinden at any threshold; only the fading moves
    for index in range(4):
        a, b = figures[0].data[index], figures[1].data[index]
        assert a.colorscale == b.colorscale and a.locations == b.locations
    assert [t.marker.opacity for t in figures[1].data[:4]] == [0.35, 0.35, 0.35, 1.0]
    assert [t.marker.opacity for t in figures[0].data[:4]] == [0.35, 1.0, 1.0, 1.0]
    assert figures[0].layout.datarevision == figures[1].layout.datarevision
    hover = figures[0].data[0].hovertemplate
    assert "km Luftlinie zum nächsten Anbieter" in hover and "Einwohner" in hover
    row = figures[0].data[0].customdata[0]  # name, Kreis, people, km, nearest provider
    assert isinstance(row[2], int) and row[3] <= 10 and isinstance(row[4], str)
    with pytest.raises(ValueError, match="threshold"):
        gemeinde_map(frame, threshold=30, lang="de", shapes=shapes, outlines=outlines,
                     geo=fitted_geo(None), revision="r")  # fmt: skip


def test_a_land_view_is_fitted_to_that_land_and_an_unknown_land_is_refused():
    lon_min, lon_max, lat_min, lat_max = land_bounds("09")
    assert 8.9 < lon_min < 9.0 and 13.8 < lon_max < 13.9 and 47.2 < lat_min < 47.3
    geo = fitted_geo(land_bounds("09"))
    assert geo["lonaxis_range"][0] < lon_min and geo["lataxis_range"][1] > lat_max
    with pytest.raises(ValueError, match="unknown Land"):
        land_bounds("17")


def test_the_2sfca_scale_stays_put_when_providers_are_planned(app, demo_engine, served):
    data = AtlasData(demo_engine)
    choice = page.Choice(category="ala", service="all", threshold=25, places=())
    planned = page.Choice(category="ala", service="all", threshold=25,
                          places=(FLENSBURG, MUENCHEN))  # fmt: skip
    before = page.figures(app, data, {"id": served, "taken_at": "2022-12-01"}, choice, "de")
    after = page.figures(app, data, {"id": served, "taken_at": "2022-12-01"}, planned, "de")
    assert before["sfca"].data[1].zmax == after["sfca"].data[1].zmax
    assert "Farbskala" in after["sfca_note"]
    # distinct palettes: distance browns, 2SFCA blues
    assert before["distance"].data[1].colorscale != before["sfca"].data[1].colorscale


def test_planning_says_what_each_number_counts_with_correct_plurals(demo_engine, served):
    one = access_view(demo_engine, served, "ala", "all", [FLENSBURG])
    text = texts(page.plan_result(one, "de"))
    assert "Mit einem hypothetischen Standort hätten" in text
    assert "bisher weiter als 25 km" in text and "bisher weiter als 50 km" in text
    two = access_view(demo_engine, served, "ala", "all", [FLENSBURG, MUENCHEN])
    text = texts(page.plan_result(two, "en"))
    assert "With 2 hypothetical locations" in text and "now live more than 50 km" in text
    if "–" in text:  # a dash stands for nobody and is explained
        assert "nobody in this group" in text


@pytest.mark.parametrize(("threshold", "counted"), [(10, (10, 50)), (25, (25, 50)), (50, (50,))])
def test_the_planning_result_counts_at_the_pages_threshold(demo_engine, served, threshold,
                                                           counted):  # fmt: skip
    view = access_view(demo_engine, served, "ala", "all", [FLENSBURG, MUENCHEN])
    parts = page.plan_result(view, "de", threshold)
    text = texts(parts)
    for km in (10, 25, 50):
        said = f"bisher weiter als {km} km" in text
        assert said == (km in counted), (km, text)
        assert (f"bisher über {km} km, jetzt höchstens {km} km" in text) == (km in counted)
    # the sentence's numbers are the store's counts for those distances
    for km in counted:
        people = view.plan.totals[f"newly_within_{km}km"]
        assert f"{fmt_number(people, 'de')} Menschen, die bisher weiter als {km} km" in text


def plan_after_click(click, places: list[str], level: str = "gemeinde",
                     star_hit: str | None = None):  # fmt: skip
    """The plan box's value after a click on the Gemeinde map, as the page's clientside
    callback sets it (run by node; `star_hit`: a star noted under the pointer at the press)."""
    import json
    import subprocess

    from dashboard.pages.erreichbarkeit_overlay import CLICK

    graph = "null" if star_hit is None else json.dumps(
        {"_atlasStarHit": {"code": star_hit, "at": 0}}).replace('"at": 0', '"at": Date.now()')
    script = (
        "const window = {dash_clientside: {no_update: 'NO_UPDATE'}};"
        f"const graph = {graph}; const document = {{querySelector: () => graph}};"
        f"const click = {CLICK};"
        f"console.log(JSON.stringify(click({json.dumps(click)}, {json.dumps(level)}, "
        f"{json.dumps(places)}, {json.dumps([{'label': p, 'value': p} for p in places])})));"
    )
    done = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    value, options = json.loads(done.stdout)
    if value == "NO_UPDATE":
        return None
    # the box's options name what it holds (a value without an option is dropped by the box)
    assert options == "NO_UPDATE" or {o["value"] for o in options} >= set(value)
    return value


def test_a_click_adds_a_gemeinde_and_a_second_click_or_a_star_removes_it():
    click = {"points": [{"location": FLENSBURG, "customdata": FLENSBURG, "curveNumber": 0}]}
    assert plan_after_click(click, []) == [FLENSBURG]
    assert plan_after_click(click, [MUENCHEN, FLENSBURG]) == [MUENCHEN]
    star = {"points": [{"customdata": MUENCHEN, "curveNumber": 9}]}
    assert plan_after_click(star, [MUENCHEN]) == []
    assert plan_after_click({"points": [{"location": "09162"}]}, []) is None  # a Kreis
    assert plan_after_click(None, []) is None
    assert plan_after_click(click, [], level="kreis") is None  # the Kreis map plans its way
    # a star under the pointer wins over the Gemeinde under it (a star overhangs it)
    assert plan_after_click(click, [MUENCHEN, FLENSBURG], star_hit=MUENCHEN) == [FLENSBURG]
    full = [f"0916200000{i:02d}" for i in range(1, page.MAX_PLAN + 1)]
    assert plan_after_click(click, full) is None  # no more than MAX_PLAN
    # a twelve-digit code that is no Gemeinde reaches the server, which drops it
    # (test_access_gemeinde_patch.py::test_a_code_that_is_no_gemeinde_is_dropped_from_the_plan)
    assert plan_after_click({"points": [{"location": "999999999999"}]}, []) == ["999999999999"]


def test_a_click_labels_its_gemeinde_in_the_plan_box_from_the_hover_row():
    import json
    import subprocess

    from dashboard.pages.erreichbarkeit_overlay import CLICK

    row = ["Bad &amp; Gut", "Kreis &lt;X&gt;", 100, 12.5, "Anbieter"]
    click = {"points": [{"location": FLENSBURG, "customdata": row, "curveNumber": 0}]}
    script = ("const window = {dash_clientside: {no_update: 'NO_UPDATE'}};"
              "const document = {querySelector: () => null};"
              f"console.log(JSON.stringify(({CLICK})({json.dumps(click)}, 'gemeinde', [], [])));")
    done = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [[FLENSBURG], [{"label": "Bad & Gut (Kreis <X>)",
                                                      "value": FLENSBURG}]]  # fmt: skip


def test_ranking_rows_link_to_the_region_profiles(demo_engine, served):
    view = access_view(demo_engine, served, "ala", "all", [])
    kreise, laender = page.ranking_tables(view, 25, "de", land="09")
    links = [c for c in _walk(kreise) if c.__class__.__name__ == "Link"]
    assert links and all(link.href.startswith("/region/09") for link in links)
    assert "Bayern" in texts(kreise)


def _walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if child is not None and not isinstance(child, str):
            yield from _walk(child)


def test_the_layout_holds_the_gemeinde_grid_s_place_and_the_grid_comes_on_demand(
    app, demo_engine
):
    """The page's first answer carries the map, not the grid and its 10,997 rows (half of
    it); the browser asks for the grid once the map is drawn, and it holds the rows of the
    view its URL shows, as a grid sent by the page's update does."""
    from dashboard.model.context import PageContext
    from dashboard.pages import erreichbarkeit_gemeinden as grid

    data = AtlasData(demo_engine)
    search = "?alevel=gemeinde&land=09&plan=091620000000"
    state, _ = parse_query(search)
    laid_out = page.layout(PageContext(app, data, state, data.served(), []))
    components = {getattr(c, "id", None): c for c in _walk(laid_out)}
    assert grid.GRID not in components  # nor AG Grid's scripts, until the map is drawn
    assert "werden geladen" in components[grid.SLOT].children.children
    assert components[grid.ROWS_WANTED].data is True
    rows = page.grid_rows_of(data, search)
    choice = page.choice_of_state(state, ["091620000000"])
    made = page.figures(app, data, data.served(), choice, "de")
    assert rows == grid.grid_rows(made["gemeinden"])
    assert len(rows) == 2_230  # Bayern's Gemeinden, with the plan (München nearer itself)
    assert [r["km"] for r in rows if r["ars"] == "091620000000"] == [0.0]
    # the grid an update answer sends carries its rows
    sent = page.gemeinde_list(made["gemeinden"], choice, "de")
    assert {getattr(c, "id", None): c for c in _walk(sent)}[grid.GRID].rowData == rows
    assert page.grid_rows_of(data, "?alevel=kreis") is None
