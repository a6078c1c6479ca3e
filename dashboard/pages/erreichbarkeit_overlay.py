"""The plan's layer over Erreichbarkeit's Gemeinde map (issue 17): a second, transparent
dcc.Graph laid exactly over the map, holding what planning changes (figures.plan_overlay).

A planning click then sends and redraws that small graph only; the map's 10,997 Gemeinden are
never re-projected by planning (Plotly.react on the map's own figure redrew them all, ~1 s of
a 1.3 s click). assets/access_overlay.js keeps the two one map: the map's pan and zoom (mouse,
wheel, touch) and plot area are copied to the layer, the pointer stays with the map and is
handed on to the layer for the planned Gemeinden's hover, and a click on a star is noted as
that star's Gemeinde. At Kreis level the layer holds a blank figure and shows nothing.

A click plans in the browser (CLICK): it sets the plan box's value, so the page's update,
the car mode's callbacks and the URL all answer that one change at once (the server's answer
setting the box first put a second round trip after the first). The server drops a code that
is no Gemeinde (pages/erreichbarkeit.py, update).
"""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, dcc, html

from dashboard.figures.common import graph_config
from dashboard.frame import ids
from dashboard.model.state import MAX_PLAN

# ids of this module's components (kept here, not in frame.ids: other branches edit that)
PLAN_GRAPH = "access-map-plan"

# The plan after a click on the Gemeinde map: a star or a planned Gemeinde is removed, another
# Gemeinde added (up to MAX_PLAN); no change for a click on nothing plannable. A Gemeinde
# answers with its location (its customdata is its hover), a star with its customdata; a star
# under the pointer (noted by assets/access_overlay.js at the press as `_atlasStarHit`: a
# 16 px star overhangs its neighbours at Germany's scale) wins over the Gemeinde under it. A
# click without a fresh note (an emitted event) keeps the map's own point. The box's options
# get the new Gemeinde too (the box drops a value it has no option for): its label from the
# map's hover row (name and Kreis, as the server's label reads), until the server's answer
# brings the label from the data.
CLICK = """
function (click, level, places, options) {
    const none = [window.dash_clientside.no_update, window.dash_clientside.no_update];
    if (level !== 'gemeinde' || !click || !click.points || !click.points.length) {
        return none;
    }
    const point = click.points[0];
    const gd = document.querySelector('#MAP .js-plotly-plot');
    const hit = gd && gd._atlasStarHit;
    if (gd) { gd._atlasStarHit = null; }
    const star = hit && hit.code && Date.now() - hit.at < 2000 ? hit.code : null;
    const own = typeof point.customdata === 'string' ? point.customdata : null;
    const code = star || point.location || own;
    if (!(typeof code === 'string' && /^\\d{12}$/.test(code))) { return none; }
    const plan = (places || []).slice(0, MAX);
    if (plan.includes(code)) { return [plan.filter(p => p !== code), none[1]]; }
    if (plan.length >= MAX) { return none; }
    const row = !star && point.location === code && Array.isArray(point.customdata)
        ? point.customdata : null;
    const text = (v) => String(v).replace(/&lt;/g, '<').replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const label = row ? text(row[0]) + ' (' + text(row[1]) + ')' : code;
    const known = (options || []).filter(o => o.value !== code);
    return [plan.concat([code]), known.concat([{label: label, value: code}])];
}
""".replace("MAP", ids.ACCESS_MAP).replace("MAX", str(MAX_PLAN))


def map_stack(graph: Any, overlay: Any) -> html.Div:
    """The map and the plan's layer over it, in one box of the map's size."""
    return html.Div([graph, overlay], className="map-stack")


def plan_layer(app: Dash, figure: Any, lang: str) -> html.Div:
    """The plan's transparent graph: no mode bar, hidden from assistive technology (the map's
    text alternative, the planning result and the Gemeinde grid say what it shows)."""
    config = {**graph_config(app.get_asset_url("topojson/"), lang), "displayModeBar": False,
              "scrollZoom": False}  # fmt: skip
    graph = dcc.Graph(id=PLAN_GRAPH, figure=figure, className="plan-graph", responsive=True,
                      config=config)  # fmt: skip
    return html.Div(graph, className="plan-layer", **{"aria-hidden": "true"})


def validation_layout() -> list[Any]:
    return [dcc.Graph(id=PLAN_GRAPH)]


def register_overlay_callbacks(app: Dash) -> None:
    """A click on the Gemeinde map plans (clientside, into the plan box)."""
    app.clientside_callback(
        CLICK,
        Output(ids.ACCESS_PLAN_SEARCH, "value", allow_duplicate=True),
        Output(ids.ACCESS_PLAN_SEARCH, "options", allow_duplicate=True),
        Input(ids.ACCESS_MAP, "clickData"),
        State(ids.ACCESS_LEVEL, "value"),
        State(ids.ACCESS_PLAN_SEARCH, "value"),
        State(ids.ACCESS_PLAN_SEARCH, "options"),
        prevent_initial_call=True,
    )
