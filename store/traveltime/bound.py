"""Why k nearest providers by Luftlinie are enough: the speed bound (pure, no engine).

A car on a road of length L at speeds never above v_max needs at least L / v_max. The road
between two points is never shorter than the straight line between them, so a provider
whose Luftlinie d gives d / v_max above the best time already found cannot be the nearest
by time. Valhalla's auto costing takes min(edge speed, top_speed) on every edge and adds
only non-negative turn times, so V_MAX_KMH is handed to it as `top_speed` and the bound
holds for its answers by construction.

Two corrections keep the bound a true lower bound:
- the engine routes between the points snapped onto the road graph, not the points
  themselves; a snapped point lies at most its snap distance away, so the straight line
  between the snapped points is at least d - snap(Gemeinde) - snap(provider);
- candidates are ordered by distances in EPSG:3035 (equal-area, not equidistant): within
  Germany its distances differ from the ellipsoid's by well under 1 %, so only
  LUFTLINIE_MARGIN (99 %) of them is taken as a bound.
"""

from __future__ import annotations

import numpy as np

V_MAX_KMH = 140.0  # Valhalla's default top_speed for cars, passed to it explicitly
LUFTLINIE_MARGIN = 0.99


def lower_bound_s(luftlinie_m: np.ndarray | float, snap_slack_m: float) -> np.ndarray | float:
    """The least possible driving time (seconds) over a straight-line distance, given
    how far the snapped points may lie from the points (`snap_slack_m`, both ends)."""
    reach = np.maximum(LUFTLINIE_MARGIN * np.asarray(luftlinie_m, float) - snap_slack_m, 0.0)
    return reach / (V_MAX_KMH / 3.6)


def settled(best_s: float, next_luftlinie_m: float, snap_slack_m: float) -> bool:
    """True when no provider at `next_luftlinie_m` or farther can beat `best_s`.

    `best_s` NaN (nothing reachable yet) never settles: the search goes on until every
    provider has been asked, and only then is a Gemeinde reported unreachable."""
    if np.isnan(best_s):
        return False
    return bool(lower_bound_s(next_luftlinie_m, snap_slack_m) >= best_s)
