"""The Dash app the users see: pages, layout, callbacks, figures, and the data API."""

from __future__ import annotations

from dash import Dash, html

import store
from dashboard.api import register_api


def create_app(db_url: str | None = None) -> Dash:
    """Build a fresh Dash app (a factory, so tests can make their own)."""
    app = Dash(__name__, compress=True, title="aLA-Atlas")
    app.layout = html.Main(
        [html.H1("aLA-Atlas"), html.P("Das Dashboard entsteht gerade.")], lang="de"
    )
    register_api(app.server, store.connect(db_url))
    return app
