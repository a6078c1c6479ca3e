"""A change of plan on the Gemeinde map answers with the plan's own layer only (over real HTTP
on loopback): the map under it (the snapshot's 10,997 Gemeinden) is not sent again, the layer
holds the planned Gemeinden and the stars, and map and layer together draw exactly what the
one-figure export draws; the Gemeinde grid gets the rows the plan changed, not all of them, and
the 2SFCA map the Kreise the plan moved (a Patch), not the whole map."""

from __future__ import annotations

import json

import plotly
import pytest
import requests

from dashboard.figures import access_gemeinde as figure
from dashboard.figures import plan_overlay as layer
from dashboard.frame import ids
from dashboard.model.data import AtlasData
from dashboard.pages import erreichbarkeit as page
from dashboard.pages.erreichbarkeit_gemeinden import ROWS
from dashboard.pages.erreichbarkeit_overlay import PLAN_GRAPH
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
           shown: dict | None = None, level: str = "gemeinde") -> dict:  # fmt: skip
    """The Erreichbarkeit update callback's answer (at Gemeinde level), by output id."""
    outputs = callback_outputs(app, f"{ids.ACCESS_SUMMARY}.children")
    inputs = [
        (ids.ACCESS_CATEGORY, "value", category), (ids.ACCESS_SERVICE, "value", "all"),
        (ids.ACCESS_THRESHOLD, "value", threshold), (ids.ACCESS_PLAN_SEARCH, "value", plan),
        (ids.snapshot(page.KEY), "value", None), (ids.ACCESS_REGION_STORE, "data", None),
        (ids.ACCESS_LEVEL, "value", level), (ids.ACCESS_LAND, "value", ""),
        (ids.ACCESS_COMPARE, "value", compare),
    ]  # fmt: skip
    state = [(ids.URL, "search", ""), (page.TABLES_SHOWN, "data", shown)]
    response = post_callback(_Http(base), outputs, inputs, state,
                             [changed])  # fmt: skip
    assert response.status_code == 200
    return response.json()["response"]


def as_json(fig) -> dict:
    return json.loads(json.dumps(fig, cls=plotly.utils.PlotlyJSONEncoder))


def planned_codes(fig: dict) -> list[str]:
    return [c for i in layer.PLANNED for c in fig["data"][i]["locations"]]


def test_a_plan_change_answers_with_the_plans_layer_only(app, live_server):
    got = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value", plan=[FLENSBURG],
                 threshold="50")  # fmt: skip
    # the map under the plan (10,997 Gemeinden) is not sent: the browser keeps it as it is
    assert ids.ACCESS_MAP not in got
    sent = got[PLAN_GRAPH]["figure"]
    assert PATCH not in sent and len(sent["data"]) == layer.STARS + 1
    assert sent["layout"]["meta"]["level"] == layer.LEVEL
    assert [sent["data"][i]["marker"]["opacity"] for i in layer.PLANNED] == \
        [0.35, 0.35, 0.35, 1.0]  # threshold 50: ≤ 10, 10–25, 25–50 faded
    assert sent["data"][layer.STARS]["customdata"] == [FLENSBURG]
    planned = planned_codes(sent)
    assert FLENSBURG in planned and len(planned) < 2_000
    assert sorted(sent["data"][layer.MASK]["locations"]) == sorted(planned)
    assert FLENSBURG in sent["layout"]["meta"]["revision"]
    assert sent["layout"]["datarevision"] == sent["layout"]["meta"]["revision"]
    assert len(json.dumps(sent)) < 200_000  # the whole figure was 2.8 MB
    # the texts follow the plan in the same answer, the plan box gets its Gemeinde's label
    assert "Mit einem hypothetischen Standort" in json.dumps(
        got[ids.ACCESS_PLAN_RESULT]["children"], ensure_ascii=False)
    assert [o["value"] for o in got[ids.ACCESS_PLAN_SEARCH]["options"]] == [FLENSBURG]
    # not the box's value: callbacks on it (the URL, the car mode) would wait for this answer
    assert "value" not in got[ids.ACCESS_PLAN_SEARCH]


def test_a_code_that_is_no_gemeinde_is_dropped_from_the_plan(app, live_server):
    """A click plans in the browser, which cannot know every Gemeinde: the server checks (the
    box drops a value it has no option for)."""
    got = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value",
                 plan=["999999999999", FLENSBURG])  # fmt: skip
    assert [o["value"] for o in got[ids.ACCESS_PLAN_SEARCH]["options"]] == [FLENSBURG]
    assert got[PLAN_GRAPH]["figure"]["data"][layer.STARS]["customdata"] == [FLENSBURG]


def test_other_changes_send_the_whole_map_and_before_leaves_both_alone(app, live_server):
    whole = answer(app, live_server, f"{ids.ACCESS_CATEGORY}.value", plan=[FLENSBURG])
    sent = whole[ids.ACCESS_MAP]["figure"]
    assert PATCH not in sent and len(sent["data"]) == figure.STARS + 1
    # the map holds no plan, only the stars' legend key; the layer over it holds the stars
    assert sent["data"][figure.STARS]["lon"] == [None] and sent["data"][figure.STARS][
        "showlegend"]
    assert all(not sent["data"][i]["locations"] for i in (figure.MASK, *figure.PLANNED))
    assert FLENSBURG not in sent["layout"]["meta"]["revision"]
    over = whole[PLAN_GRAPH]["figure"]
    assert over["data"][layer.STARS]["customdata"] == [FLENSBURG]
    assert over["layout"]["uirevision"] == sent["layout"]["uirevision"]
    assert over["layout"]["geo"] == sent["layout"]["geo"]
    before = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value", plan=[FLENSBURG],
                    compare="before")  # fmt: skip
    # the snapshot as it is: the plan changes no map
    assert ids.ACCESS_MAP not in before and PLAN_GRAPH not in before


@pytest.mark.parametrize("threshold", [10, 50])
def test_the_map_and_its_plan_layer_draw_what_the_one_figure_export_draws(app, demo_engine,
                                                                        threshold):  # fmt: skip
    data = AtlasData(demo_engine)
    import store

    snapshot = store.served_snapshot(demo_engine)
    old = page.Choice(category="ala", service="all", threshold=threshold, places=(),
                      level="gemeinde")  # fmt: skip
    new = page.Choice(category="ala", service="all", threshold=threshold,
                      places=(FLENSBURG, ELSEWHERE), level="gemeinde")  # fmt: skip
    made = page.figures(app, data, snapshot, new, "de")
    base, plan = as_json(made["distance"]), as_json(made["plan"])
    # the map under the plan is the map without a plan: a plan never redraws it
    assert base == as_json(page.figures(app, data, snapshot, old, "de")["distance"])
    # one figure with the plan in it, as the exports draw (gemeinde_map with `before`)
    geo = figure.fitted_geo(None)
    one = as_json(figure.gemeinde_map(
        made["gemeinden"], threshold=threshold, lang="de", shapes=page._shapes(app),
        outlines=page.outline_codes(None), geo=geo, revision="r",
        providers=page._gemeinde_providers(data, made["shown"], None),
        places=made["shown"].places, before=made["before"], height=page.MAP_HEIGHT,
    ))  # fmt: skip
    for index in (*figure.CLASSES, 4, figure.STARS - 3, figure.STARS - 2, figure.STARS - 1):
        assert base["data"][index] == one["data"][index]  # classes, outlines, providers
    for ours, theirs in ((layer.MASK, figure.MASK), (layer.STARS, figure.STARS),
                         *zip(layer.PLANNED, figure.PLANNED, strict=True)):
        mine = {k: v for k, v in plan["data"][ours].items() if k != "showlegend"}
        assert mine == {k: v for k, v in one["data"][theirs].items() if k != "showlegend"}
    # the layer redraws the outlines and providers only around the planned Gemeinden
    planned = planned_codes(plan)
    outlined = plan["data"][layer.STARS - 3]["locations"]
    assert set(outlined) == {c[:5] for c in planned}
    assert len(outlined) < len(one["data"][figure.STARS - 3]["locations"])
    assert {k: base["layout"][k] for k in ("geo", "height", "uirevision")} == \
        {k: plan["layout"][k] for k in ("geo", "height", "uirevision")}


def test_planned_gemeinden_are_drawn_over_the_snapshot_in_their_new_class(app, demo_engine):
    data = AtlasData(demo_engine)
    import store

    snapshot = store.served_snapshot(demo_engine)
    choice = page.Choice(category="ala", service="all", threshold=25, places=(ELSEWHERE,),
                         level="gemeinde")  # fmt: skip
    made = page.figures(app, data, snapshot, choice, "de")
    fig, over = made["distance"], made["plan"]
    after, before = made["gemeinden"], made["before"]
    # the classes hold the snapshot without the plan, every Gemeinde once
    drawn = {code: i for i in (*figure.CLASSES, 4) for code in fig.data[i].locations}
    classes = figure.distance_class(before["nearest_km"])
    assert drawn == {a: (4 if c == -1 else int(c)) for a, c in zip(before["ars"], classes,
                                                                   strict=True)}  # fmt: skip
    # on top, on the plan's layer, what the plan changed; what a reader sees is the class
    # with the plan
    top = dict(drawn)
    for i in layer.PLANNED:
        top.update({code: layer.PLANNED.index(i) for code in over.data[i].locations})
    now = figure.distance_class(after["nearest_km"])
    assert top == {a: (4 if c == -1 else int(c)) for a, c in zip(after["ars"], now,
                                                                 strict=True)}  # fmt: skip
    assert sorted(over.data[layer.MASK].locations) == sorted(
        c for i in layer.PLANNED for c in over.data[i].locations)
    assert ELSEWHERE in over.data[layer.PLANNED[0]].locations  # its own Gemeinde: 0 km
    assert over.data[layer.MASK].hoverinfo == "skip"
    assert not any(t.showlegend for t in over.data)  # the map's legend names them
    # a planned Gemeinde's hover on the layer says its planned distance
    index = list(over.data[layer.PLANNED[0]].locations).index(ELSEWHERE)
    assert over.data[layer.PLANNED[0]].customdata[index][3] == 0.0


def test_a_table_the_browser_already_shows_is_not_sent_again(app, live_server):
    first = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value", plan=[FLENSBURG])
    shown = first[page.TABLES_SHOWN]["data"]
    assert set(shown) == {"kreise", "laender", "gemeinden", "sfca"}
    assert {ids.ACCESS_RANK_KREISE, ids.ACCESS_RANK_LAENDER, ids.ACCESS_GEMEINDEN} <= set(first)
    # the same answer again: every table is on screen already
    again = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value", plan=[FLENSBURG],
                   shown=shown)  # fmt: skip
    assert not {ids.ACCESS_RANK_KREISE, ids.ACCESS_RANK_LAENDER, ids.ACCESS_GEMEINDEN,
                page.TABLES_SHOWN, ROWS} & set(again)  # fmt: skip
    assert ids.ACCESS_SUMMARY in again  # the rest still answers
    # another threshold re-ranks the Kreise; the farthest Gemeinden stay the same
    wider = answer(app, live_server, f"{ids.ACCESS_THRESHOLD}.value", plan=[FLENSBURG],
                   threshold="50", shown=shown)  # fmt: skip
    assert ids.ACCESS_RANK_KREISE in wider and ids.ACCESS_GEMEINDEN not in wider
    assert wider[page.TABLES_SHOWN]["data"]["gemeinden"] == shown["gemeinden"]
    assert wider[page.TABLES_SHOWN]["data"]["kreise"] != shown["kreise"]


def test_a_plan_change_sends_the_grid_only_the_rows_it_changed(app, live_server, demo_engine):
    import store

    first = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value", plan=[FLENSBURG])
    shown = first[page.TABLES_SHOWN]["data"]
    both = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value",
                  plan=[FLENSBURG, ELSEWHERE], shown=shown)  # fmt: skip
    assert ids.ACCESS_GEMEINDEN not in both  # the grid stays; its changed rows come alone
    rows = both[ROWS]["data"]["update"]
    assert 0 < len(rows) < 2_000
    # exactly the rows whose values differ between the two plans, with the new values
    data = AtlasData(demo_engine)
    snapshot = store.served_snapshot(demo_engine)

    def frame(places):
        choice = page.Choice(category="ala", service="all", threshold=25, places=places,
                             level="gemeinde")  # fmt: skip
        return page.figures(app, data, snapshot, choice, "de", draw_gemeinden=False)[
            "gemeinden"].set_index("ars")

    was, now = frame((FLENSBURG,)), frame((FLENSBURG, ELSEWHERE))
    moved = now.index[(now["nearest_km"] != was["nearest_km"]) | (now["nearest"] !=
                                                                 was["nearest"])]  # fmt: skip
    assert {r["ars"] for r in rows} == set(moved) and ELSEWHERE in moved
    for row in rows:
        assert row["km"] == round(float(now.loc[row["ars"], "nearest_km"]), 1)
        assert row["nearest"] == now.loc[row["ars"], "nearest"]
    assert both[page.TABLES_SHOWN]["data"]["gemeinden"].endswith(f"#{FLENSBURG},{ELSEWHERE}")
    # and back: the same rows return to their values without ELSEWHERE's provider
    back = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value", plan=[FLENSBURG],
                  shown=both[page.TABLES_SHOWN]["data"])  # fmt: skip
    assert {r["ars"] for r in back[ROWS]["data"]["update"]} == set(moved)
    # a grid of another choice (category) is sent whole
    other = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value", plan=[ELSEWHERE],
                   category="wfbm", shown=shown)  # fmt: skip
    assert ids.ACCESS_GEMEINDEN in other and ROWS not in other


def patched(figure: dict, patch: dict) -> dict:
    """`figure` with a Dash Patch's assignments applied (the only operation a plan sends)."""
    out = json.loads(json.dumps(figure))
    for op in patch["operations"]:
        assert op["operation"] == "Assign", op
        *parents, last = op["location"]
        node = out
        for key in parents:
            node = node[key]
        node[last] = op["params"]["value"]
    return out


def test_a_plan_change_patches_the_2sfca_map_with_the_kreise_it_moved(app, live_server):
    sfca = f"{ids.ACCESS_SFCA_MAP}"
    first = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value", plan=[FLENSBURG])
    shown = first[page.TABLES_SHOWN]["data"]
    assert shown["sfca"].endswith(f"#{FLENSBURG}")
    whole = first[sfca]["figure"]
    assert PATCH not in whole  # the browser's map was unknown: sent whole
    both = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value",
                  plan=[FLENSBURG, ELSEWHERE], shown=shown)  # fmt: skip
    patch = both[sfca]["figure"]
    assert PATCH in patch
    # a few Kreise (around ELSEWHERE) and the stars, a small part of the whole map
    assert len(json.dumps(patch)) < len(json.dumps(whole)) / 10
    moved = {op["location"][3] for op in patch["operations"] if len(op["location"]) == 4}
    assert 0 < len(moved) < 50
    # applied to the map the browser shows, it is exactly the map of the new plan
    fresh = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value",
                   plan=[FLENSBURG, ELSEWHERE])[sfca]["figure"]  # fmt: skip
    assert PATCH not in fresh
    now = patched(whole, patch)
    assert now == json.loads(json.dumps(fresh))
    assert now["data"][3]["customdata"] == [FLENSBURG, ELSEWHERE]
    assert now["data"][1]["z"] != whole["data"][1]["z"]
    # and back, from the two-place map, to the one-place map
    back = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value", plan=[FLENSBURG],
                  shown=both[page.TABLES_SHOWN]["data"])  # fmt: skip
    assert patched(fresh, back[sfca]["figure"]) == json.loads(json.dumps(whole))
    # "before" draws no plan: from a map without one, nothing to send
    before = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value", plan=[ELSEWHERE],
                    compare="before", shown={**shown, "sfca": shown["sfca"].split("#")[0] + "#"})
    assert sfca not in before
    # a map of another threshold is sent whole
    other = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value", plan=[ELSEWHERE],
                   threshold="50", shown=shown)  # fmt: skip
    assert PATCH not in other[sfca]["figure"]
    # the Kreis level shows the same 2SFCA map: a plan patches it there too
    kreis = answer(app, live_server, f"{ids.ACCESS_PLAN_SEARCH}.value",
                   plan=[FLENSBURG, ELSEWHERE], shown=shown, level="kreis")  # fmt: skip
    assert patched(whole, kreis[sfca]["figure"]) == json.loads(json.dumps(fresh))


def test_a_plan_change_in_luftlinie_mode_leaves_the_car_parts_alone(app, live_server):
    """Each output the renderer applies walks the whole page: the car section, the page's
    class and the car plan block stay as they are when only the plan changed, Luftlinie shown
    (no content, 204), and still answer a switch to the car."""

    def car(outputs: str, inputs: list, changed: str, mode: str) -> int:
        values = {ids.ACCESS_MODE: mode, ids.ACCESS_MINUTES: "30",
                  ids.ACCESS_CATEGORY: "ala", ids.ACCESS_SERVICE: "all",
                  ids.ACCESS_LEVEL: "gemeinde", ids.ACCESS_LAND: "",
                  ids.ACCESS_PLAN_SEARCH: [FLENSBURG], ids.ACCESS_COMPARE: "after"}  # fmt: skip
        response = post_callback(
            _Http(live_server), callback_outputs(app, outputs),
            [(i, "value", values.get(i) if isinstance(i, str) else None) for i in inputs],
            [(ids.URL, "search", "")], [changed])  # fmt: skip
        return response.status_code

    section = (f"{ids.ACCESS_CAR}.children", [
        ids.ACCESS_MODE, ids.ACCESS_MINUTES, ids.ACCESS_CATEGORY, ids.ACCESS_SERVICE,
        ids.snapshot(page.KEY), ids.ACCESS_LEVEL, ids.ACCESS_LAND, ids.ACCESS_PLAN_SEARCH,
        ids.ACCESS_COMPARE])  # fmt: skip
    block = (f"{ids.ACCESS_CAR_PLAN}.children", [
        ids.ACCESS_MODE, ids.ACCESS_MINUTES, ids.ACCESS_CATEGORY, ids.ACCESS_SERVICE,
        ids.ACCESS_PLAN_SEARCH, ids.snapshot(page.KEY)])  # fmt: skip
    for outputs, inputs in (section, block):
        assert car(outputs, inputs, f"{ids.ACCESS_PLAN_SEARCH}.value", "line") == 204
        assert car(outputs, inputs, f"{ids.ACCESS_MODE}.value", "line") == 200
        assert car(outputs, inputs, f"{ids.ACCESS_PLAN_SEARCH}.value", "car") == 200


@pytest.mark.parametrize(("lang", "land"), [("de", None), ("en", "03")])
def test_a_plans_gemeinde_frame_from_the_frame_without_it_is_the_whole_frame(demo_engine, lang,
                                                                            land):  # fmt: skip
    """A planning click builds the plan's frame from the kept frame without the plan (names
    only where the nearest provider changed): exactly what building it whole gives."""
    import pandas as pd

    import store
    from dashboard.model.access_data import gemeinde_map_frame

    data = AtlasData(demo_engine)
    sid = int(store.served_snapshot(demo_engine)["id"])
    view = page.load_view(data, sid, "ala", "all", [FLENSBURG, ELSEWHERE])
    fast = page._map_frame(data, view, lang, land)
    whole = gemeinde_map_frame(view, data.providers(sid), lang, land)
    pd.testing.assert_frame_equal(fast, whole)
    base = page._map_frame(data, page.load_view(data, sid, "ala", "all", []), lang, land)
    changed = (fast["nearest"] != base["nearest"]).sum()
    assert 0 < changed < len(fast) / 10  # some Gemeinden renamed, most not
