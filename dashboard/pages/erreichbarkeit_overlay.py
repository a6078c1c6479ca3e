"""The plan's layer over Erreichbarkeit's Gemeinde map (issue 17): a second, transparent
dcc.Graph laid exactly over the map, holding what planning changes (figures.plan_overlay).

A planning click then sends and redraws that small graph only; the map's 10,997 Gemeinden are
never re-projected by planning (Plotly.react on the map's own figure redrew them all, ~1 s of
a 1.3 s click). assets/access_overlay.js keeps the two one map: the map's pan and zoom (mouse,
wheel, touch) and plot area are copied to the layer, the pointer stays with the map and is
handed on to the layer for the planned Gemeinden's hover, and a click on a star is noted as
that star's Gemeinde (PLAN_CLICK turns the map's click into the page's planning click).
At Kreis level the layer holds a blank figure and shows nothing.
"""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, dcc, html

from dashboard.figures.common import graph_config
from dashboard.frame import ids

# ids of this module's components (kept here, not in frame.ids: other branches edit that)
PLAN_GRAPH = "access-map-plan"
PLAN_CLICK = "access-map-plan-click"  # the map's click as planning reads it

# The map's click, with a star under the pointer taking the place of the Gemeinde under it
# (a 16 px star overhangs its neighbours at Germany's scale). `_atlasStarHit` is noted by
# assets/access_overlay.js at the pointer's press; a click without one (an emitted event, an
# old note) keeps the map's own point.
CLICK = """
function (click, level) {
    if (level !== 'gemeinde' || !click || !click.points || !click.points.length) {
        return window.dash_clientside.no_update;
    }
    const point = click.points[0];
    const gd = document.querySelector('#MAP .js-plotly-plot');
    const hit = gd && gd._atlasStarHit;
    if (gd) { gd._atlasStarHit = null; }
    const star = hit && hit.code && Date.now() - hit.at < 2000 ? hit.code : null;
    const own = typeof point.customdata === 'string' ? point.customdata : null;
    return {points: [{location: star || point.location || null, customdata: star || own}],
            at: Date.now()};
}
""".replace("MAP", ids.ACCESS_MAP)


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
    return [dcc.Graph(id=PLAN_GRAPH), dcc.Store(id=PLAN_CLICK)]


def register_overlay_callbacks(app: Dash) -> None:
    """The map's click as the page's planning click (clientside)."""
    app.clientside_callback(
        CLICK,
        Output(PLAN_CLICK, "data"),
        Input(ids.ACCESS_MAP, "clickData"),
        State(ids.ACCESS_LEVEL, "value"),
        prevent_initial_call=True,
    )
