"""A change of plan on the Gemeinde map answers with a Patch of the planned traces and the
stars (over real HTTP on loopback), and that Patch brings the map the browser holds to exactly
the figure the page would draw for the new plan."""

from __future__ import annotations

import json

import plotly
import pytest
import requests

from dashboard.figures import access_gemeinde as figure
from dashboard.frame import ids
from dashboard.model.data import AtlasData
from dashboard.pages import erreichbarkeit as page
from dashboard.server.callback_client import callback_outputs, post_callback

FLENSBURG, ELSEWHERE = "010010000000", "031590016016"  # ELSEWHERE: in Landkreis Göttingen
PATCH = "__dash_patch_update"


class _Http:
    """post_callback's client interface over real HTTP (a Flask test client has .data)."""

    def __init__(self, base: str) -> None:
        self.base = base

    def post(self, path: str, json: dict, headers: dict):
        response = requests.post(self.base + path, json=json, headers=headers, timeout=300)
        response.data = response.content  # requests has already undone the gzip
        response.headers.pop("Content-Encoding", None)
        return response


def answer(app, base: str, changed: str, *, plan: list[str], threshold: str = "25",
           category: str = "ala", compare: str = "after",
           shown: dict | None = None) -> dict:  # fmt: skip
    """The Erreichbarkeit update callback's answer at Gemeinde level, by output id."""
    outputs = callback_outputs(app, f"{ids.ACCESS_SUMMARY}.children")
    inputs = [
        (ids.ACCESS_CATEGORY, "value", category), (ids.ACCESS_SERVICE, "value", "all"),
        (ids.ACCESS_THRESHOLD, "value", threshold), (ids.ACCESS_PLAN_SEARCH, "value", plan),
        (ids.snapshot(page.KEY), "value", None), (ids.ACCESS_REGION_STORE, "data", None),
        (ids.ACCESS_LEVEL, "value", "gemeinde"), (ids.ACCESS_LAND, "value", ""),
        (ids.ACCESS_COMPARE, "value", compare), (ids.ACCESS_MAP, "clickData", None),
    ]  # fmt: skip
    state = [(ids.URL, "search", ""), (page.TABLES_SHOWN, "data", shown)]
    response = post_callback(_Http(base), outputs, inputs, state,
                             [changed])  # fmt: skip
    assert response.status_code == 200
    return response.json()["response"]


def assigned(patch: dict) -> dict[tuple, object]:
    """The Patch's assignments by location (a Patch of plain assignments only)."""
    assert {op["operation"] for op in patch["operations"]} == {"Assign"}
    return {tuple(op["location"]): op["params"]["value"] for op in patch["operations"]}


def apply(target: dict, patch: dict) -> dict:
    """The Patch's assignments applied to a figure dict, as the renderer applies them."""
    for location, value in assigned(patch).items():
        node = target
        for key in location[:-1]:
            node = node[key]
        node[location[-1]] = value
    return target


def as_json(fig) -> dict:
    return json.loads(json.dumps(fig, cls=plotly.utils.PlotlyJSONEncoder))


def test_a_plan_change_answers_with_a_patch_of_the_planned_traces_and_stars_only(app,
                                                                              live_server):
    got = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value", plan=[FLENSBURG],
                 threshold="50")  # fmt: skip
    sent = got[ids.ACCESS_MAP]["figure"]
    assert sent[PATCH] == PATCH
    values = assigned(sent)
    traces = {loc[1] for loc in values if loc[0] == "data" and len(loc) == 2}
    assert traces == {figure.MASK, *figure.PLANNED, figure.STARS}
    # the 10,997 Gemeinden of the classes are not sent again, only their fading
    assert all(loc[1] not in figure.CLASSES or loc[2:] == ("marker", "opacity")
               for loc in values if loc[0] == "data")  # fmt: skip
    assert [values[("data", i, "marker", "opacity")] for i in figure.CLASSES] == \
        [0.35, 0.35, 0.35, 1.0]  # threshold 50: ≤ 10, 10–25, 25–50 faded
    assert values[("data", figure.STARS)]["customdata"] == [FLENSBURG]
    planned = [c for i in figure.PLANNED for c in values[("data", i)]["locations"]]
    assert FLENSBURG in planned and len(planned) < 2_000
    assert values[("data", figure.MASK)]["locations"] == planned or sorted(
        values[("data", figure.MASK)]["locations"]) == sorted(planned)
    assert "bis 50 km" in values[("layout", "legend", "title", "text")]
    assert FLENSBURG in values[("layout", "meta")]["revision"]
    assert values[("layout", "datarevision")] == values[("layout", "meta")]["revision"]
    # the texts follow the plan in the same answer
    assert "Mit einem hypothetischen Standort" in json.dumps(
        got[ids.ACCESS_PLAN_RESULT]["children"], ensure_ascii=False)


def test_other_changes_send_the_whole_figure_and_before_leaves_the_map_alone(app,
                                                                           live_server):
    whole = answer(app, live_server, f"{ids.ACCESS_CATEGORY}.value", plan=[FLENSBURG])
    sent = whole[ids.ACCESS_MAP]["figure"]
    assert PATCH not in sent and len(sent["data"]) == figure.STARS + 1
    assert sent["data"][figure.STARS]["customdata"] == [FLENSBURG]
    before = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value", plan=[FLENSBURG],
                    compare="before")  # fmt: skip
    assert ids.ACCESS_MAP not in before  # the snapshot as it is: the plan changes no map


@pytest.mark.parametrize("threshold", [10, 50])
def test_the_patch_turns_the_map_without_a_plan_into_the_map_with_it(app, demo_engine,
                                                                   threshold):  # fmt: skip
    data = AtlasData(demo_engine)
    import store

    snapshot = store.served_snapshot(demo_engine)
    old = page.Choice(category="ala", service="all", threshold=threshold, places=(),
                      level="gemeinde")  # fmt: skip
    new = page.Choice(category="ala", service="all", threshold=threshold,
                      places=(FLENSBURG, ELSEWHERE), level="gemeinde")  # fmt: skip
    shown = page.figures(app, data, snapshot, old, "de")["distance"]
    made = page.figures(app, data, snapshot, new, "de", draw_gemeinden=False)
    patch = page.plan_patch(app, made["shown"], made["gemeinden"], made["before"], new, "de")
    patched = apply(as_json(shown), as_json(patch.to_plotly_json()))
    drawn = as_json(page.figures(app, data, snapshot, new, "de")["distance"])
    assert patched == drawn


def test_planned_gemeinden_are_drawn_over_the_snapshot_in_their_new_class(app, demo_engine):
    data = AtlasData(demo_engine)
    import store

    snapshot = store.served_snapshot(demo_engine)
    choice = page.Choice(category="ala", service="all", threshold=25, places=(ELSEWHERE,),
                         level="gemeinde")  # fmt: skip
    made = page.figures(app, data, snapshot, choice, "de")
    fig, after, before = made["distance"], made["gemeinden"], made["before"]
    # the classes hold the snapshot without the plan, every Gemeinde once
    drawn = {code: i for i in (*figure.CLASSES, 4) for code in fig.data[i].locations}
    classes = figure.distance_class(before["nearest_km"])
    assert drawn == {a: (4 if c == -1 else int(c)) for a, c in zip(before["ars"], classes,
                                                                   strict=True)}  # fmt: skip
    # on top, what the plan changed; what a reader sees is the class with the plan
    top = dict(drawn)
    for i in figure.PLANNED:
        top.update({code: figure.PLANNED.index(i) for code in fig.data[i].locations})
    now = figure.distance_class(after["nearest_km"])
    assert top == {a: (4 if c == -1 else int(c)) for a, c in zip(after["ars"], now,
                                                                 strict=True)}  # fmt: skip
    assert sorted(fig.data[figure.MASK].locations) == sorted(
        c for i in figure.PLANNED for c in fig.data[i].locations)
    assert ELSEWHERE in fig.data[figure.PLANNED[0]].locations  # its own Gemeinde: 0 km
    assert fig.data[figure.MASK].hoverinfo == "skip"
    assert not any(fig.data[i].showlegend for i in (figure.MASK, *figure.PLANNED))


def test_a_table_the_browser_already_shows_is_not_sent_again(app, live_server):
    first = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value", plan=[FLENSBURG])
    shown = first[page.TABLES_SHOWN]["data"]
    assert set(shown) == {"kreise", "laender", "gemeinden"}
    assert {ids.ACCESS_RANK_KREISE, ids.ACCESS_RANK_LAENDER, ids.ACCESS_GEMEINDEN} <= set(first)
    # the same answer again: every table is on screen already
    again = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value", plan=[FLENSBURG],
                   shown=shown)  # fmt: skip
    assert not {ids.ACCESS_RANK_KREISE, ids.ACCESS_RANK_LAENDER, ids.ACCESS_GEMEINDEN,
                page.TABLES_SHOWN} & set(again)  # fmt: skip
    assert ids.ACCESS_SUMMARY in again  # the rest still answers
    # another threshold re-ranks the Kreise; the farthest Gemeinden stay the same
    wider = answer(app, live_server, f"{ids.ACCESS_THRESHOLD}.value", plan=[FLENSBURG],
                   threshold="50", shown=shown)  # fmt: skip
    assert ids.ACCESS_RANK_KREISE in wider and ids.ACCESS_GEMEINDEN not in wider
    assert wider[page.TABLES_SHOWN]["data"]["gemeinden"] == shown["gemeinden"]
    assert wider[page.TABLES_SHOWN]["data"]["kreise"] != shown["kreise"]
