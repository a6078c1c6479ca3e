"""Preload hints for the Erreichbarkeit Gemeinde map: its shapes and plotly.js start loading
with the page, not after the route callback has answered and the map has asked for them.

Without them the 0.78 MB of Gemeinde shapes left only once the layout was rendered, plotly.js
was loaded and `Plotly.react` ran (about 1.9 s after navigation on loopback,
bench/browser.py GEMEINDE_BREAKDOWN); on a real network their transfer came on top of that.
The hints name the exact addresses the page asks for later, so the browser's one request
serves both (same URL, same caching headers; `as="fetch" crossorigin` is what plotly.js's
XMLHttpRequest matches, `as="script"` what dcc.Graph's script tag matches). Low priority:
the page's own scripts go first (at high priority the 1.3 MB of preloads held them back and
moved DOMContentLoaded later); the preloads are still in long before the map asks for them.
"""

from __future__ import annotations

from typing import Any

import flask
from dash import Dash

from dashboard.model.geometry import url_path
from dashboard.model.state import page_of, parse_query
from dashboard.server.plotly_bundle import DASH_PATH

# the shapes the Gemeinde map draws (Gemeinden, Kreis and Land outlines; the 2SFCA map the
# Kreise), and the scripts dcc.Graph loads lazily for it
SHAPES = ("gemeinde", "kreis", "land")
SCRIPTS = ("_dash-component-suites/dash/dcc/async-graph.js", DASH_PATH)


def preload_links(prefix: str) -> str:
    """The `<link rel="preload">` tags of the Gemeinde map, below the app's `prefix`."""
    base = "/" + (prefix.strip("/") + "/" if prefix.strip("/") else "")
    hint = '<link rel="preload" fetchpriority="low" href="{}" as="{}"{}>'
    shapes = [hint.format(base + url_path(level).lstrip("/"), "fetch", ' crossorigin="anonymous"')
              for level in SHAPES]  # fmt: skip
    scripts = [hint.format(base + path, "script", "") for path in SCRIPTS]
    return "\n        ".join([*shapes, *scripts])


def wants_gemeinde_map(path: str, query: str, prefix: str) -> bool:
    """Whether the address shows the Erreichbarkeit page at Gemeinde level."""
    inside = path[len(prefix.rstrip("/")):] if path.startswith(prefix.rstrip("/")) else path
    if page_of(inside) != "erreichbarkeit":
        return False
    state, _ = parse_query("?" + query if query else "")
    return state.alevel == "gemeinde"


def preload_gemeinde_map(app: Dash) -> None:
    """Add the preload hints to the index the server sends for the Gemeinde map."""
    prefix = app.config.requests_pathname_prefix
    links = preload_links(prefix)
    render_index = app.interpolate_index

    def interpolate_index(**kwargs: Any) -> str:
        if flask.has_request_context() and wants_gemeinde_map(
                flask.request.path, flask.request.query_string.decode(errors="replace"), prefix):
            kwargs["css"] = links + "\n        " + kwargs["css"]  # fmt: skip
        return render_index(**kwargs)

    app.interpolate_index = interpolate_index  # Dash's documented hook for the index page
