"""Entry point: make sure a snapshot exists, then serve the dashboard.

`make run` calls this. HOST and PORT override the default 127.0.0.1:8050. The app is served
by gunicorn (WEB_CONCURRENCY workers, ATLAS_THREADS threads each; see dashboard/server/serve.py);
DASH_DEBUG=1 serves with Dash's development server and debug mode instead.
"""

from __future__ import annotations

import os
import sys

import store
from dashboard import create_app
from dashboard.exports.jobs import limits_from_env
from dashboard.model.publishing import SettingError as PublishingSettingError
from dashboard.model.publishing import check_setting
from dashboard.server.hardening import max_body_bytes
from dashboard.server.serve import SettingError, serve_development, serve_production, server_options
from scrapers.demo import ensure_default
from store.serving import busy_timeout


def _port() -> int:
    raw = os.environ.get("PORT", "8050")
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        sys.exit(f"PORT must be a number from 1 to 65535, not {raw!r}")
    return int(raw)


def main() -> None:
    host = os.environ.get("HOST", "127.0.0.1")
    port = _port()
    debug = os.environ.get("DASH_DEBUG") == "1"
    try:
        options = server_options()
        limits_from_env()  # the export queue's bounds (dashboard/exports/jobs.py)
        max_body_bytes()
        busy_timeout()
        check_setting()
    except (SettingError, PublishingSettingError, ValueError) as exc:
        sys.exit(str(exc))
    # A fresh clone has an empty store: build the demo default once (seconds), then serve.
    # This is the only place that creates or upgrades the database; serving only reads.
    engine = store.connect()
    ensure_default(engine)
    engine.dispose()
    app = create_app(prepare_store=False)
    if debug:
        serve_development(app, host, port)
    else:
        serve_production(app, host, port, options)


if __name__ == "__main__":
    main()
