"""Entry point: make sure a snapshot exists, then serve the dashboard.

`make run` calls this. HOST and PORT override the default 127.0.0.1:8050;
DASH_DEBUG=1 turns Dash's debug mode on (off by default).
"""

from __future__ import annotations

import os

import store
from dashboard import create_app
from scrapers.demo import ensure_default


def main() -> None:
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8050"))
    debug = os.environ.get("DASH_DEBUG") == "1"
    # A fresh clone has an empty store: build the demo default once (seconds), then serve.
    ensure_default(store.connect())
    app = create_app()
    app.run(host=host, port=port, debug=debug)


if __name__ == "__main__":
    main()
