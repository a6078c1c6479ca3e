"""Planning by a click on the Erreichbarkeit Kreis map (issue 17, item 1): the click places a
hypothetical provider in the Gemeinde under it; the planning unit stays the Gemeinde (`plan=`).

A Plotly `geo` choropleth's click data names only the Kreis. assets/access_click.js keeps
the lon/lat of the last click on a geo map (the subplot's projection, inverted at the
pointer, as plotly.js itself finds the shape under it); a clientside callback sends it with
the Kreis, and the server finds the Gemeinde (dashboard.model.gemeinde_at). Without a point
(a browser that gave none) the Kreis's most populous Gemeinde is taken, and the note says so.
A click on a star removes it. The Kreis's Gemeinde table opens as before (choose_region).
"""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, dcc, html, no_update

from dashboard.frame import ids
from dashboard.model.access_data import place_labels, region_labels
from dashboard.model.gemeinde_at import placement
from dashboard.model.state import MAX_PLAN, parse_query
from dashboard.text.i18n import t

POINT = "access-kreis-point"  # the click's Kreis, star and lon/lat (from the browser)
NOTE = "access-kreis-plan-note"  # what the click did, in words

# The Kreis map's clickData names the Kreis; the lon/lat under the pointer comes from
# assets/access_click.js. At Gemeinde level the page's own click planning answers.
CLICK_POINT = """
function (click, level) {
    if (level === 'gemeinde' || !click || !click.points || !click.points.length) {
        return window.dash_clientside.no_update;
    }
    const point = click.points[0];
    const gd = document.querySelector('#MAP .js-plotly-plot');
    const at = gd && gd._atlasClickLonLat;
    const star = typeof point.customdata === 'string' && /^\\d{12}$/.test(point.customdata);
    return {kreis: typeof point.location === 'string' ? point.location : null,
            star: star ? point.customdata : null,
            lon: at ? at[0] : null, lat: at ? at[1] : null, at: Date.now()};
}
""".replace("MAP", ids.ACCESS_MAP)


def _name(ars: str) -> str:
    labels = place_labels([ars])
    return labels[0]["label"] if labels else ars


def kreis_click_plan(point: dict | None, places: list[str],
                     lang: str) -> tuple[list[str] | None, str]:  # fmt: skip
    """(the plan after a click on the Kreis map, or None when it stays; the note to show)."""
    point = point or {}
    star = point.get("star")
    if isinstance(star, str) and star in places:
        return [p for p in places if p != star], t("access.kclick.removed", lang,
                                                   name=_name(star))  # fmt: skip
    kreis = point.get("kreis")
    if not (isinstance(kreis, str) and kreis in region_labels("kreis")):
        return None, ""

    def number(key: str) -> float | None:
        value = point.get(key)
        return float(value) if isinstance(value, (int, float)) else None

    placed = placement(kreis, number("lon"), number("lat"))
    if placed is None:
        return None, ""
    name = _name(placed.ars)
    if placed.ars in places:
        return [p for p in places if p != placed.ars], t("access.kclick.removed", lang,
                                                         name=name)  # fmt: skip
    if len(places) >= MAX_PLAN:
        return None, t("access.kclick.full", lang, n=MAX_PLAN)
    note = t(f"access.kclick.{placed.how}", lang, name=name,
             kreis=region_labels("kreis")[kreis])  # fmt: skip
    return [*places, placed.ars], note


def kreis_click_parts() -> list[Any]:
    """The note (a polite status line) and the store the browser writes the click into."""
    return [html.P(id=NOTE, role="status", className="hint access-kreis-plan-note"),
            dcc.Store(id=POINT)]  # fmt: skip


def validation_layout() -> list[Any]:
    return [html.P(id=NOTE), dcc.Store(id=POINT)]


def register_kreis_click(app: Dash) -> None:
    app.clientside_callback(
        CLICK_POINT,
        Output(POINT, "data"),
        Input(ids.ACCESS_MAP, "clickData"),
        State(ids.ACCESS_LEVEL, "value"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.ACCESS_PLAN_SEARCH, "value", allow_duplicate=True),
        Output(ids.ACCESS_PLAN_SEARCH, "options", allow_duplicate=True),
        Output(NOTE, "children"),
        Input(POINT, "data"),
        State(ids.ACCESS_PLAN_SEARCH, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def plan_at_click(point, places, search):
        """The plan search box holds the plan: changing it redraws the page (update)."""
        lang = parse_query(search)[0].lang
        changed, note = kreis_click_plan(point, list(places or []), lang)
        if changed is None:
            return no_update, no_update, note or no_update
        return changed, place_labels(changed), note
