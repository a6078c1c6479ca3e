"""Serving the app: gunicorn in production, Dash's development server only with DASH_DEBUG=1.

Settings, from the environment (each documented in SETTINGS; an invalid value is a one-line
error at start-up):

    HOST, PORT         where to listen (127.0.0.1, 8050)
    WEB_CONCURRENCY    gunicorn worker processes (default: the cores this process may use)
    ATLAS_THREADS      threads per worker (default 4: requests waiting on the database or the
                       network overlap, figure building does not, hence few per worker)
    ATLAS_TIMEOUT      seconds one request may take before gunicorn restarts its worker (60)
    DASH_DEBUG=1       Dash's development server with debug mode (never in production)
    ATLAS_PRESTART_RENDERER=0   start a worker's export Chromium at its first image export
                       instead of when the worker starts (tests that never export use it)
    ATLAS_WARM_VIEWS=0  compute the Erreichbarkeit Gemeinde view's data at its first request
                       instead of before the fork (tests that start many servers use it)

The app is built once in the gunicorn master and forked into the workers (copy-on-write
memory, fast worker restarts), with the data of the Erreichbarkeit Gemeinde view computed
before the fork (server/warm.py); each worker drops the parent's database connections at once
and starts its export renderer (Chromium) in the background.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Any

from dash import Dash

from dashboard.model.settings import Setting, SettingError, read_settings, usable_cores

__all__ = ["Setting", "SettingError", "read_settings", "usable_cores", "server_options"]


SETTINGS = {
    "workers": Setting("WEB_CONCURRENCY", usable_cores, 1, 64,
                       "gunicorn worker processes (default: usable cores)"),
    "threads": Setting("ATLAS_THREADS", lambda: 4, 1, 64, "threads per worker"),
    "timeout": Setting("ATLAS_TIMEOUT", lambda: 60, 5, 3600,
                       "seconds before a stuck worker is restarted"),
}


def server_options(environ: dict[str, str] | None = None) -> dict[str, int]:
    """workers, threads and timeout from the environment, checked."""
    return read_settings(SETTINGS, environ)


def serve_production(app: Dash, host: str, port: int, options: dict[str, int]) -> None:
    """Serve `app` with gunicorn (threaded workers) until stopped."""
    from gunicorn.app.base import BaseApplication

    serving = app.server.config.get("ATLAS_STORE")
    # the Erreichbarkeit Gemeinde view's data, computed once here in the master: every worker
    # forks with them (dashboard/server/warm.py)
    if os.environ.get("ATLAS_WARM_VIEWS", "1") != "0":
        from dashboard.server.warm import warm_views

        seconds = warm_views(app)
        # one line in the server's log (gunicorn's errorlog is stderr): what a start cost
        print(f"Erreichbarkeit Gemeinde view computed before the workers start ({seconds:.1f} s)",
              file=sys.stderr, flush=True)

    def post_fork(_server: Any, _worker: Any) -> None:
        # SQLAlchemy pools must not be shared across fork: each worker opens its own.
        if serving is not None:
            serving.after_fork()
        # Each worker renders with its own Chromium (a browser does not survive fork): start
        # it now, in the background, so the first export does not wait a second or more for it
        if os.environ.get("ATLAS_PRESTART_RENDERER", "1") != "0":
            from dashboard.exports.render import prestart_renderer

            prestart_renderer()

    config = {
        "bind": f"{host}:{port}",
        "workers": options["workers"],
        "threads": options["threads"],
        "worker_class": "gthread",
        "timeout": options["timeout"],
        "graceful_timeout": 20,
        "keepalive": 5,
        "post_fork": post_fork,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "ala-atlas",
        # gunicorn's control socket defaults to one path per user ($HOME/.gunicorn/gunicorn.ctl):
        # a second server on the machine took it over, and closing it held each stop ~2 s
        "control_socket_disable": True,
        # Gunicorn's own guards on the request head (the body limit is the app's).
        "limit_request_line": 8190,
        "limit_request_fields": 100,
        "limit_request_field_size": 8190,
    }

    class Gunicorn(BaseApplication):
        def load_config(self) -> None:
            for key, value in config.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return app.server

    # What the master built (store, shapes, caches: most of the heap) is kept out of the
    # garbage collector before the workers fork: a worker's full collection then never walks
    # (and so never copies) those shared pages, and neither does its collection at exit, which
    # took ~1.2 s per worker at every stop
    gc.freeze()
    Gunicorn().run()


def serve_development(app: Dash, host: str, port: int) -> None:
    """Dash's development server with debug mode: for DASH_DEBUG=1 only."""
    from werkzeug.serving import WSGIRequestHandler

    # No versions in the Server header, even here.
    WSGIRequestHandler.version_string = lambda _self: "Werkzeug"  # type: ignore[method-assign]
    app.run(host=host, port=port, debug=True)
