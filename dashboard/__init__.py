"""The Dash app the users see: pages, layout, callbacks, figures, and the data API."""

from __future__ import annotations

from dash import Dash, html


def create_app() -> Dash:
    """Build a fresh Dash app (a factory, so tests can make their own)."""
    app = Dash(__name__, compress=True, title="aLA-Atlas")
    app.layout = html.Main(
        [html.H1("aLA-Atlas"), html.P("Das Dashboard entsteht gerade.")], lang="de"
    )
    return app
