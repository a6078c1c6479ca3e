"""Erreichbarkeit's car mode without a browser, over a demo store whose served snapshot has
car times the real engine computed on a test-written extract over Saarland: planning by
road on the recorded tiles, the plain sentence when they are gone, and the Gemeinde map
in minute classes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

import store
from tests.traveltime.saarland import LAND, demo_store_with_car_times


@pytest.fixture(scope="module")
def saarland(tmp_path_factory) -> dict[str, Any]:
    from dashboard import create_app
    from dashboard.model.data import AtlasData

    folder = tmp_path_factory.mktemp("car-plan")
    url = demo_store_with_car_times(folder)
    engine = store.connect(url)
    sid = int(store.served_snapshot(engine)["id"])
    yield {"engine": engine, "data": AtlasData(engine), "sid": sid, "tiles": folder / "tiles",
           "app": create_app(url)}  # fmt: skip
    engine.dispose()


def words(component: Any) -> str:
    """The text a Dash component tree shows, in order."""
    if component is None or isinstance(component, (bool, int, float)):
        return ""
    if isinstance(component, str):
        return component
    if isinstance(component, (list, tuple)):
        return " ".join(words(c) for c in component)
    return words(getattr(component, "children", None))


def farthest_in_land(engine, sid: int) -> tuple[str, float]:
    from store.access import gemeinde_frame
    from store.traveltime import travel_gemeinden

    g = gemeinde_frame(copy=False)
    times = travel_gemeinden(engine, sid, "wfbm")
    inside = (g["land_code"] == LAND).to_numpy()
    minutes = np.where(inside, times["nearest_min"].to_numpy(float), -1)
    i = int(np.nanargmax(minutes))
    return str(g["ars"].iat[i]), float(minutes[i])


def test_planning_by_road_on_the_recorded_tiles(saarland):
    from dashboard.model.travel_plan import car_plan
    from dashboard.pages.erreichbarkeit_car_plan import car_plan_block

    engine, sid = saarland["engine"], saarland["sid"]
    ars, was = farthest_in_land(engine, sid)
    assert was > 15  # a Gemeinde that has a drive to make
    planned = car_plan(engine, sid, "wfbm", "all", [ars])
    position = planned.times.index[planned.times["ars"] == ars][0]
    assert planned.times["nearest_min"].iat[position] < 1.0
    dropped = planned.times["nearest_min"] < planned.before_min - 1e-9
    assert dropped.sum() > 1  # its road neighbours too, not only itself
    text = words(car_plan_block(saarland["data"], sid, "wfbm", "all", 15, [ars], "de"))
    assert "länger als 15 Minuten" in text and "jetzt näher" in text
    assert "Mit dem Auto" in text and "Luftlinie" not in text
    people = planned.totals[15]
    assert people > 0 and f"{people:,}".replace(",", ".") in text


def test_without_the_tiles_car_planning_says_it_measures_in_straight_lines(saarland):
    from dashboard.model.travel_plan import can_plan_by_road
    from dashboard.pages.erreichbarkeit_car_plan import car_plan_block

    tiles: Path = saarland["tiles"]
    moved = tiles.with_name("tiles-moved")
    tiles.rename(moved)
    try:
        assert not can_plan_by_road(saarland["engine"], saarland["sid"])
        ars, _ = farthest_in_land(saarland["engine"], saarland["sid"])
        text = words(car_plan_block(saarland["data"], saarland["sid"], "wfbm", "all", 15,
                                    [ars], "de"))  # fmt: skip
        assert "rechnet in Luftlinie" in text and "jetzt näher" not in text
    finally:
        moved.rename(tiles)
    assert can_plan_by_road(saarland["engine"], saarland["sid"])


def test_the_gemeinde_car_map_classes_minutes_and_never_shows_0(saarland):
    from dash import dcc

    from dashboard.pages.erreichbarkeit_car import car_content

    children = car_content(saarland["app"], saarland["data"], saarland["sid"], "wfbm", "all",
                           30, "de", "gemeinde", LAND)  # fmt: skip

    def graphs(node):
        if isinstance(node, dcc.Graph):
            yield node
        for child in node if isinstance(node, list) else [getattr(node, "children", None)]:
            if child is not None and not isinstance(child, str):
                yield from graphs(child)

    (graph,) = list(graphs(children))
    names = [trace.name for trace in graph.figure.data]
    assert names[:6] == ["bis 15 min", "über 15 bis 30 min", "über 30 bis 45 min",
                         "über 45 bis 60 min", "über 60 min", "nicht erreichbar"]  # fmt: skip
    # the first six traces hold the classes; the planning overlay after them reuses the names
    shown = {n: list(tr.locations or []) for n, tr in zip(names[:6], graph.figure.data[:6],
                                                         strict=True)}  # fmt: skip
    assert len(shown["bis 15 min"]) > 10  # Saarland's Gemeinden, on the test's roads
    assert all(a.startswith(LAND) for codes in shown.values() for a in codes)
    # pale within the threshold (30 min), full colour beyond it
    opacity = [trace.marker.opacity for trace in graph.figure.data[:5]]
    assert opacity[0] == opacity[1] < 1.0 and opacity[2] == opacity[4] == 1.0
    # the hover: a template over each Gemeinde's row (minutes and road km as numbers, the
    # Luftlinie line in words), written out by plotly.js
    first = graph.figure.data[0]
    assert "min Fahrzeit" in first.hovertemplate and "km Straße" in first.hovertemplate
    row = first.customdata[0]
    assert row[3] is not None and row[3] <= 15 and row[4] >= 0 and "km Luftlinie" in row[5]
    assert "Gemeinde" in words(children) and "Fahrzeit mit dem Auto" in words(children)


def test_the_headline_speaks_of_the_land_shown_and_never_of_a_median_dash(saarland):
    from dashboard.pages.erreichbarkeit_car import car_content

    def headline(land):
        return words(car_content(saarland["app"], saarland["data"], saarland["sid"], "wfbm",
                                 "all", 30, "de", "kreis", land))  # fmt: skip

    saar = headline(LAND)
    assert "Saarland: " in saar and "Median " in saar and "Median –" not in saar
    # all of Germany: most people live off the test extract, so there is no median to say
    germany = headline(None)
    assert "einen Median gibt es nicht" in germany and "Median –" not in germany


def test_with_a_plan_the_car_section_shows_the_planned_times(saarland):
    from dashboard.pages.erreichbarkeit_car import car_content

    ars, _ = farthest_in_land(saarland["engine"], saarland["sid"])

    def section(places):
        return car_content(saarland["app"], saarland["data"], saarland["sid"], "wfbm", "all",
                           15, "de", "gemeinde", LAND, places)  # fmt: skip

    def beyond(children) -> int:
        text = words(children)
        number = text.split("Saarland: ")[1].split("(")[1].split(")")[0]
        return int(number.replace(".", ""))

    before, after = section(()), section((ars,))
    assert "hypothetische Standorte: 1" in words(after)
    assert "hypothetische Standorte" not in words(before)
    assert beyond(after) < beyond(before)  # fewer people beyond 15 minutes in Saarland
    graph = next(c for c in after if getattr(c, "children", None) is not None
                 and "Fahrzeit mit dem Auto zum" in words(c))  # the map's section
    figure = graph.children[1].children[1].figure
    stars = [tr for tr in figure.data if tr.type == "scattergeo" and tr.marker.symbol == "star"]
    assert len(stars) == 1 and list(stars[0].customdata) == [ars]


def test_without_the_engine_installed_the_page_plans_in_straight_lines(saarland, monkeypatch):
    import sys

    from dashboard.model import travel_plan
    from dashboard.pages.erreichbarkeit_car_plan import car_plan_block

    travel_plan._planner.cache_clear()
    monkeypatch.setitem(sys.modules, "valhalla", None)  # `import valhalla` now fails
    try:
        assert not travel_plan.can_plan_by_road(saarland["engine"], saarland["sid"])
        ars, _ = farthest_in_land(saarland["engine"], saarland["sid"])
        text = words(car_plan_block(saarland["data"], saarland["sid"], "wfbm", "all", 15,
                                    [ars], "de"))  # fmt: skip
        assert "rechnet in Luftlinie" in text
    finally:
        travel_plan._planner.cache_clear()
