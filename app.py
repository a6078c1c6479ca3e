"""Entry point: make sure a snapshot exists, then serve the dashboard.

`make run` calls this. HOST and PORT override the default 127.0.0.1:8050;
DASH_DEBUG=1 turns Dash's debug mode on (off by default).
"""

from __future__ import annotations

import os
import sys

import store
from dashboard import create_app
from dashboard.publishing import SettingError, check_setting
from scrapers.demo import ensure_default


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
        check_setting()
    except SettingError as exc:
        sys.exit(str(exc))
    # A fresh clone has an empty store: build the demo default once (seconds), then serve.
    ensure_default(store.connect())
    app = create_app()
    app.run(host=host, port=port, debug=debug)


if __name__ == "__main__":
    main()
