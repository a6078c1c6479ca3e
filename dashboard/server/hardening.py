"""What the Flask server does around every request, for a public deployment.

- Request bodies over ATLAS_MAX_BODY bytes (default 1 MB) get 413, before they are read.
- Malformed Dash callback requests (dashboard.server.callback_guard) and traversal paths under
  /_dash-component-suites/ get 400; unknown /api/… paths a JSON 404.
- A database fault inside a callback marks the served store for rebuilding and answers 503;
  every client error is one line in the log, never a traceback.
- Security headers: a Content-Security-Policy that Dash works under (its inline scripts by
  hash, no 'unsafe-eval'), nosniff, Referrer-Policy, and a frame policy that lets other
  sites frame only the embed view (?embed=1).
"""

from __future__ import annotations

import json
import logging
import os

from dash import Dash
from dash.exceptions import DependencyException
from flask import Response, request
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

import store
from dashboard.server.callback_guard import BadCallback, check_callback_body
from store.serving import ServingStore, StoreUnavailable, one_line

log = logging.getLogger(__name__)

DEFAULT_MAX_BODY = 1_000_000
CALLBACK_PATH = "_dash-update-component"
SUITES_PATH = "_dash-component-suites/"


def max_body_bytes(environ: dict[str, str] | None = None) -> int:
    """ATLAS_MAX_BODY (bytes, default 1 MB); a malformed value is a one-line ValueError."""
    raw = (os.environ if environ is None else environ).get("ATLAS_MAX_BODY", "").strip()
    if not raw:
        return DEFAULT_MAX_BODY
    if not raw.isdigit() or not 1024 <= int(raw) <= 1_000_000_000:
        raise ValueError(f"ATLAS_MAX_BODY must be a number of bytes from 1024 to 10^9, not {raw!r}")
    return int(raw)


def _one_line(status: int, message: str) -> Response:
    body = json.dumps({"error": message}, ensure_ascii=False)
    return Response(body, status=status, mimetype="application/json")


def content_security_policy(app: Dash, frame_ancestors: str) -> str:
    """The CSP for HTML pages: scripts only from here or Dash's own inline scripts (hashes)."""
    scripts = " ".join(["'self'", *app.csp_hashes()])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            # Plotly and AG Grid insert <style> elements and style attributes at run time.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
        ]
    )


def harden(app: Dash, serving: ServingStore, max_body: int = DEFAULT_MAX_BODY) -> None:
    """Install the limits, checks, error answers and headers on `app`'s Flask server."""
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = max_body
    prefix = app.config.requests_pathname_prefix
    policies: dict[str, str] = {}

    def policy(embed: bool) -> str:
        # Computed at the first page, after every clientside callback is registered.
        key = "embed" if embed else "page"
        if key not in policies:
            policies[key] = content_security_policy(app, "*" if embed else "'none'")
        return policies[key]

    @server.before_request
    def _guard() -> Response | None:
        length = request.content_length
        if length is not None and length > max_body:
            log.warning("413: body of %d bytes on %s", length, request.path[:80])
            return _one_line(413, f"request body larger than {max_body} bytes")
        path = request.path
        if path.startswith(prefix + SUITES_PATH) and ".." in path.split("/"):
            log.warning("400: traversal in %s", path[:80])
            return _one_line(400, "invalid path")
        if path == prefix + CALLBACK_PATH and request.method == "POST":
            try:
                # Read at most one byte past the limit ourselves: a chunked body has no
                # Content-Length to refuse it by, and Werkzeug would cut it off silently.
                # With a Content-Length read exactly that (a raw socket would block past it).
                wanted = max_body + 1 if length is None else length
                raw = request.environ["wsgi.input"].read(wanted)
            except Exception as exc:  # a broken chunked body, a client gone: its fault
                log.warning("400 on callback: unreadable body: %s", one_line(exc))
                return _one_line(400, "unreadable request body")
            if len(raw) > max_body:
                log.warning("413: streamed body over %d bytes on %s", max_body, path[:80])
                return _one_line(413, f"request body larger than {max_body} bytes")
            request._cached_data = raw  # what Dash's get_json() then parses
            body = request.get_json(silent=True)
            try:
                check_callback_body(body, app.callback_map)
            except BadCallback as exc:
                log.warning("400 on callback: %s", exc)
                return _one_line(400, str(exc))
        return None

    @server.errorhandler(BadCallback)
    @server.errorhandler(store.InvalidArgument)
    def _bad_value(exc: Exception) -> Response:
        # A value no control sends, found only inside a callback: the client's fault.
        log.warning("400 on %s: %s", request.path[:80], one_line(exc))
        return _one_line(400, one_line(exc))

    @server.errorhandler(DependencyException)
    def _unknown_asset(exc: Exception) -> Response:
        log.warning("404: no such component file %s", request.path[:80])
        return _one_line(404, "no such file")

    @server.errorhandler(SQLAlchemyError)
    @server.errorhandler(StoreUnavailable)
    def _store_fault(exc: Exception) -> Response:
        serving.reset()
        log.warning("503 on %s: store unavailable: %s", request.path[:80], one_line(exc))
        return _one_line(503, "the database is not available")

    @server.errorhandler(RequestEntityTooLarge)
    def _too_large(exc: HTTPException) -> Response:
        log.warning("413 on %s", request.path[:80])
        return _one_line(413, f"request body larger than {max_body} bytes")

    def _unknown_api(rest: str = "") -> Response:
        return _one_line(404, "no such API endpoint; see /api/regions, /api/providers, "
                              "/api/snapshots")

    server.add_url_rule(prefix + "api/", "api_unknown_root", _unknown_api,
                        methods=["GET"])
    server.add_url_rule(prefix + "api/<path:rest>", "api_unknown", _unknown_api,
                        methods=["GET"])

    @server.after_request
    def _headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        if response.mimetype == "text/html":
            embed = request.args.get("embed") == "1"
            headers["Content-Security-Policy"] = policy(embed)
            if not embed:
                headers["X-Frame-Options"] = "DENY"
        return response


__all__ = ["DEFAULT_MAX_BODY", "content_security_policy", "harden", "max_body_bytes"]
