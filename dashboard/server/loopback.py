"""A WSGI app on a free loopback port, served by werkzeug in a thread.

For the tests and the benchmarks, which need the real app over real HTTP without a process
of its own; the app itself is served by dashboard/server/serve.py."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def serve_in_thread(wsgi_app: Any) -> Iterator[str]:
    """`wsgi_app` (a Flask server) on 127.0.0.1 and a free port; yields its base URL and
    stops the server when the block ends."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, wsgi_app, threaded=True)
    # a stop is seen within 20 ms (the default looks every 0.5 s, and tests stop many servers)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
