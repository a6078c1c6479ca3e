"""pytest-httpserver's loopback server, stopped at once."""

from __future__ import annotations

from pytest_httpserver import HTTPServer

POLL_S = 0.02


class QuickHTTPServer(HTTPServer):
    """HTTPServer whose serving thread looks for a stop every 20 ms, not every 0.5 s
    (socketserver's default): the tests that start a server of their own (~60) each waited
    half a second for its stop. pytest-httpserver offers `thread_target` for this."""

    def thread_target(self) -> None:
        assert self.server is not None
        self.server.serve_forever(poll_interval=POLL_S)
