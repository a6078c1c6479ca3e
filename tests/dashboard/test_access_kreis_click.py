"""Planning by a click on the Kreis map, without a browser: the Gemeinde under a point, the
fallbacks, and what a click does to the plan (issue 17, item 1)."""

from __future__ import annotations

import json

import pytest
import shapely
from shapely.geometry import shape

import geodata
from dashboard.model.gemeinde_at import gemeinden_at, placement
from dashboard.pages.erreichbarkeit_kreis_click import kreis_click_plan
from store.access import gemeinde_frame

ROSENHEIM_LK = "09187"
MUENCHEN = "091620000000"


@pytest.fixture(scope="module")
def rosenheim() -> dict[str, shapely.Geometry]:
    """Every Gemeinde shape of Landkreis Rosenheim, by ARS."""
    with open(geodata.gemeinde_shapes_path(), encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    return {f["id"]: shape(f["geometry"]) for f in features if f["id"][:5] == ROSENHEIM_LK}


def test_every_gemeinde_is_found_at_a_point_inside_its_own_shape(rosenheim):
    assert len(rosenheim) > 40
    for ars, geometry in rosenheim.items():
        inside = geometry.point_on_surface()
        assert gemeinden_at(inside.x, inside.y) == [ars]
    assert gemeinden_at(11.58, 48.14) == [MUENCHEN]  # Marienplatz
    assert gemeinden_at(2.35, 48.86) == []  # Paris


def test_a_click_places_in_the_gemeinde_under_it_else_nearest_else_the_largest(rosenheim):
    gemeinden = gemeinde_frame(copy=False)
    own = gemeinden[gemeinden["kreis_ars"] == ROSENHEIM_LK]
    largest = own.loc[own["population"].idxmax(), "ars"]
    # a Gemeinde other than the most populous: the point decides, not the Kreis
    small = next(a for a in sorted(rosenheim, key=lambda a: -rosenheim[a].area) if a != largest)
    inside = rosenheim[small].point_on_surface()
    placed = placement(ROSENHEIM_LK, inside.x, inside.y)
    assert (placed.ars, placed.how) == (small, "point")
    # a point just outside the Kreis (the simplified Kreis and Gemeinde borders part there):
    # the Kreis's Gemeinde nearest to it
    outside = placement(ROSENHEIM_LK, 11.58, 48.14)  # in München
    assert outside.how == "nearest" and outside.ars[:5] == ROSENHEIM_LK
    unread = placement(ROSENHEIM_LK, None, None)
    assert (unread.ars, unread.how) == (largest, "largest")
    assert placement("99999", 11.0, 48.0) is None


def test_what_a_click_on_the_kreis_map_does_to_the_plan(rosenheim):
    ars, geometry = next(iter(sorted(rosenheim.items())))
    inside = geometry.point_on_surface()
    point = {"kreis": ROSENHEIM_LK, "star": None, "lon": inside.x, "lat": inside.y}
    plan, note = kreis_click_plan(point, [MUENCHEN], "de")
    assert plan == [MUENCHEN, ars] and "wo Sie geklickt haben" in note
    again, note = kreis_click_plan(point, plan, "en")  # the same Gemeinde again: removed
    assert again == [MUENCHEN] and note.endswith("removed from the plan.")
    star, _ = kreis_click_plan({"star": MUENCHEN, "kreis": None}, [MUENCHEN, ars], "de")
    assert star == [ars]
    unread, note = kreis_click_plan({"kreis": ROSENHEIM_LK, "lon": None, "lat": None}, [], "de")
    assert unread and "einwohnerstärksten Gemeinde von Rosenheim" in note
    full, note = kreis_click_plan(point, [f"{i:012d}" for i in range(20)], "de")
    assert full is None and "Höchstens 20" in note
    assert kreis_click_plan({"kreis": "Rosenheim"}, [], "de") == (None, "")
    assert kreis_click_plan(None, [], "de") == (None, "")
