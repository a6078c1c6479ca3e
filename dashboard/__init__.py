"""The Dash app the users see: pages, layout, callbacks, figures, and the data API."""

from __future__ import annotations

from pathlib import Path

from dash import Dash, dcc, html
from flask import Flask

from dashboard.frame import ids

ASSETS = Path(__file__).resolve().parent.parent / "assets"
# the media types the server compresses (text of every kind the app and its API answer)
COMPRESSED_TYPES = [
    "text/html", "text/css", "text/plain", "text/xml", "text/csv", "text/javascript",
    "application/javascript", "application/json", "application/geo+json", "application/xml",
    "application/atom+xml", "image/svg+xml",
]

INDEX = """<!DOCTYPE html>
<html lang="de">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        {%config%}
        {%scripts%}
        {%renderer%}
    </body>
</html>"""


def create_app(db_url: str | None = None, *, prepare_store: bool = True) -> Dash:
    """Build a fresh Dash app on the store at `db_url` (default: DATABASE_URL or the SQLite
    file under data/). A factory: tests build as many apps as they like.

    With `prepare_store` the schema is created or upgraded once, here at start-up; app.py
    has done that already and passes False. Serving itself only reads, through a
    store.serving.ServingStore (read-only, follows a replaced file, recovers after faults)."""
    import store
    from dashboard.endpoints.api import register_api
    from dashboard.endpoints.export_files import register_export_files
    from dashboard.endpoints.feed_links import (
        FEED_PATH,
        alternate_link,
        follow_the_page,
        nationwide_title,
    )
    from dashboard.endpoints.feeds import register_feeds
    from dashboard.frame.embed_code import register_embed
    from dashboard.frame.lazy_components import defer_libraries
    from dashboard.frame.not_found import register_not_found
    from dashboard.model.data import AtlasData
    from dashboard.model.geometry import register_geometry_route
    from dashboard.model.publishing import check_setting
    from dashboard.pages import available_pages, routed_pages
    from dashboard.server.hardening import harden, max_body_bytes
    from dashboard.server.plotly_bundle import register_plotly_bundle
    from dashboard.server.preload import preload_gemeinde_map
    from dashboard.server.router import register_router, validation_layout
    from dashboard.server.static_compression import serve_precompressed
    from store.serving import ServingStore

    check_setting()  # a malformed ATLAS_HIDE_CONTACTS stops here, not at the first request
    if prepare_store:
        store.connect(db_url).dispose()
    serving = ServingStore(db_url)
    data = AtlasData(serving)
    # exports over this store read with the pages' reader and its caches (no second copy)
    from dashboard.exports.shared_data import share

    share(data)
    server = Flask(__name__)
    # what travels compressed: Flask-Compress's own list lacks GeoJSON and CSV, so the API's
    # GeoJSON of all providers (~1.7 MB) and its CSV answers went out uncompressed; it reads
    # the list once, when Dash sets it up, so it is given here
    server.config["COMPRESS_MIMETYPES"] = COMPRESSED_TYPES
    app = Dash(
        __name__,
        server=server,
        title="aLA-Atlas",
        compress=True,
        serve_locally=True,
        use_pages=False,
        assets_folder=str(ASSETS),
        update_title=None,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    # feed readers and browsers find the change feed from any page; a region profile names
    # its own region's feed
    nationwide = alternate_link(app.get_relative_path(FEED_PATH), nationwide_title())
    app.index_string = INDEX.replace("{%favicon%}", "{%favicon%}\n        " + nationwide)
    follow_the_page(app, nationwide)
    defer_libraries(app)  # dash-ag-grid only on the pages with a grid
    preload_gemeinde_map(app)  # its shapes and plotly.js load with the page
    base = html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.LANG_STORE),
            html.Div(id=ids.ROOT, className="app-root"),
        ]
    )
    app.layout = base
    pages = available_pages()
    app.validation_layout = validation_layout(app, pages, base)
    register_router(app, data, pages)
    register_not_found(app, pages, routed_pages())
    register_embed(app)  # the "Einbetten" control under every view (dashboard.frame.embed_code)
    for module in pages.values():
        module.register_callbacks(app, data)
    for module in routed_pages().values():  # region profiles, near me, search, Leichte Sprache
        module.register_callbacks(app, data)
    register_geometry_route(app.server, app.config.requests_pathname_prefix)
    app.server.config["ATLAS_BROTLI"] = serve_precompressed(
        app.server, app.config.requests_pathname_prefix
    )
    register_plotly_bundle(app.server, app.config.requests_pathname_prefix)
    register_api(app.server, serving)
    register_feeds(app.server, data, app.config.requests_pathname_prefix)
    register_export_files(app, data)
    harden(app, serving, max_body_bytes())
    _answer_as_this_app(app)
    app.server.config["ATLAS_STORE"] = serving
    app.server.config["ATLAS_DATA"] = data  # its caches, for benchmarks that clear them
    return app


def _answer_as_this_app(app: Dash) -> None:
    """Every request of this app runs with `dash.get_app()` naming this app.

    Dash's callback dispatch does not set the app context, so inside a callback `get_app()`
    is the app made last in the process. Background callbacks (the exports) sign their job
    handles with `get_app()`'s secret, while the cancel callback checks them with its own
    app's: with a second app in the process (the tests make several), "Abbrechen" of the
    first app's export was refused silently and the job kept its place in the queue."""
    from dash import _get_app

    def as_this_app() -> None:
        _get_app.app_context.set(app)  # a before_request hook must return None

    app.server.before_request(as_this_app)
