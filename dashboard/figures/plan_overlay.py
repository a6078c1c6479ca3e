"""The plan's own layer of the Erreichbarkeit Gemeinde map: a transparent figure the page lays
exactly over the map (same `geo`, same size), holding only what planning changes.

Why a second figure: any data change of a `geo` figure makes plotly.js re-project and redraw
every path of the subplot (all 10,997 Gemeinden, ~1 s of a 1.3 s planning click). Drawn in
its own graph, a new plan redraws the few hundred Gemeinden it brought nearer and the stars;
the map under it is never touched by planning (pages/erreichbarkeit_overlay.py keeps the two
aligned in the browser).

What it draws, bottom to top: the white mask under the planned Gemeinden (a faded class must
not show the old colour through), the planned Gemeinden in their new classes (hover: the
planned values), the Kreis and Land outlines and the providers where it drew (it covers the
map's own), the stars. Exports keep drawing one figure (access_gemeinde.gemeinde_map with
`before`), which holds the same traces in the same order.

Pure functions of frames; no Dash here.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import common as c
from dashboard.figures.access_gemeinde import (
    KM_SCALE,
    ClassScale,
    outline,
    plan_indices,
    plan_traces,
    points,
)
from dashboard.text.i18n import t

LEVEL = "gemeinde-plan"  # layout.meta.level of the overlay (the map's is "gemeinde")


def overlay_indices(classes: int) -> tuple[int, tuple[int, ...], int]:
    """Trace indices of the mask, the planned classes and the stars in the overlay of a map of
    `classes` classes (the outlines and providers lie between planned classes and stars)."""
    return 0, tuple(range(1, classes + 1)), classes + 4


MASK, PLANNED, STARS = overlay_indices(len(KM_SCALE.colours))  # 0, (1, 2, 3, 4), 8


def blank_overlay() -> dict[str, Any]:
    """An overlay with nothing on it (Kreis level, or no Gemeinde map): transparent, no axes."""
    hidden = {"visible": False, "fixedrange": True}
    return {"data": [], "layout": {
        "xaxis": hidden, "yaxis": hidden, "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)", "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "meta": {"level": "none"}, "showlegend": False,
    }}  # fmt: skip


def plan_overlay(
    gemeinden: pd.DataFrame,
    before: pd.DataFrame | None,
    *,
    threshold: int,
    lang: str,
    shapes: dict[str, Any],
    outlines: dict[str, list[str]],
    geo: dict[str, Any],
    revision: str,
    uirevision: str,
    providers: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
    height: int = 600,
    scale: ClassScale = KM_SCALE,
) -> go.Figure:
    """The overlay of the map `gemeinde_map(before, …)` for the plan that turned `before`
    into `gemeinden` (see the module's doc). `outlines`: the Kreis and Land codes the map
    outlines (only those around planned Gemeinden are drawn again); `providers`: the map's
    dots (only those in the Kreise of planned Gemeinden); `uirevision`: the map's, so a
    redraw keeps the pan and zoom the two share."""
    planned = plan_traces(gemeinden, before, threshold=threshold, lang=lang,
                          shape=shapes["gemeinde"], places=places, scale=scale)  # fmt: skip
    mask_at, planned_at, stars_at = plan_indices(len(scale.colours))
    # the mask lies under exactly the planned Gemeinden: their codes without comparing the
    # 10,997 rows again (planned_rows)
    codes = [str(code) for code in planned[mask_at].locations]
    kreise = {code[:5] for code in codes}
    laender = {code[:2] for code in codes}
    near = None
    if providers is not None and not providers.empty and "kreis_ars" in providers:
        near = providers[providers["kreis_ars"].isin(kreise)]
    traces = [
        planned[mask_at], *(planned[i] for i in planned_at),
        outline(shapes["kreis"], [k for k in outlines["kreis"] if k in kreise], 0.5,
                 "kreise"),
        outline(shapes["land"], [k for k in outlines["land"] if k in laender], 1.4,
                 "laender"),
        points(near, t("access.map.providers", lang), star=False),
        planned[stars_at],
    ]  # fmt: skip
    for trace in traces:
        trace.showlegend = False  # the map's legend names them
    # the layout as one plain dict: update_geos/update_layout parsing "lonaxis_range" and
    # validating were half of this figure's time on every planning click
    layout = {
        "geo": _nested(geo), "height": height,
        "margin": {"l": 0, "r": 0, "t": 8, "b": 0, "autoexpand": False},
        "showlegend": False, "separators": c.separators(lang),
        "font": {"family": c.FONT_FAMILY, "color": c.TEXT_COLOUR},
        "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)",
        "hoverlabel": {"bgcolor": "#ffffff", "font": {"color": "#000000"}},
        "uirevision": uirevision, "datarevision": revision,
        "meta": {"level": LEVEL, "revision": revision},
    }  # fmt: skip
    return go.Figure(traces, layout=layout, _validate=False)


def _nested(settings: dict[str, Any]) -> dict[str, Any]:
    """{"lonaxis_range": r, "visible": v} → {"lonaxis": {"range": r}, "visible": v} (the
    `geo` settings as update_geos takes them, as layout.geo holds them)."""
    out: dict[str, Any] = {}
    for key, value in settings.items():
        node = out
        *parents, last = key.split("_")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return out
