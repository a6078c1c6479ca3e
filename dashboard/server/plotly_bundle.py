"""Serve the app's own plotly.js bundle where dcc.Graph looks for plotly.js.

dcc.Graph loads plotly.js lazily from `<prefix>_dash-component-suites/plotly/package_data/
plotly.min.js` (the full 4.6 MB build). The app draws four trace types, so this module answers
that URL with `static/plotly/plotly-atlas.min.js` (same plotly.js version, those traces and the
German locale; see static/plotly/BUILD.md), gzipped once at start-up: about 0.48 MB on the
wire instead of 1.4 MB. Everything else about loading (when, how) stays Dash's.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from functools import lru_cache
from pathlib import Path

from flask import Flask, Response, request

BUNDLE = Path(__file__).resolve().parents[1] / "static" / "plotly" / "plotly-atlas.min.js"
DASH_PATH = "_dash-component-suites/plotly/package_data/plotly.min.js"
_VERSION = re.compile(rb"plotly\.js v(\d+\.\d+\.\d+)")


def bundle_version(path: Path = BUNDLE) -> str:
    """The plotly.js version named in the bundle's licence banner."""
    found = _VERSION.search(path.read_bytes()[:400])
    if not found:
        raise ValueError(f"{path} does not name its plotly.js version in its first line")
    return found.group(1).decode()


def register_plotly_bundle(server: Flask, prefix: str) -> None:
    """Answer Dash's plotly.js URL under `prefix` (requests_pathname_prefix) with the bundle."""
    stat = BUNDLE.stat()
    raw, packed, etag = _bundle(BUNDLE, stat.st_mtime_ns, stat.st_size)
    path = "/" + (prefix.strip("/") + "/" if prefix.strip("/") else "") + DASH_PATH

    @server.before_request
    def plotly_bundle() -> Response | None:
        if request.path != path:
            return None
        if request.if_none_match.contains(etag):
            response = Response(status=304)
        elif "gzip" in request.headers.get("Accept-Encoding", ""):
            response = Response(packed, mimetype="application/javascript")
            response.headers["Content-Encoding"] = "gzip"
        else:
            response = Response(raw, mimetype="application/javascript")
        response.set_etag(etag)
        response.headers["Vary"] = "Accept-Encoding"
        response.headers["Cache-Control"] = "public, max-age=86400"
        return response


@lru_cache(maxsize=2)
def _bundle(path: Path, mtime_ns: int, size: int) -> tuple[bytes, bytes, str]:
    """The bundle, gzipped (level 9: ~0.3 s of CPU) and its ETag: once per process and file
    version, not again for every app a process creates (the tests create many)."""
    raw = path.read_bytes()
    return raw, gzip.compress(raw, compresslevel=9, mtime=0), hashlib.sha256(raw).hexdigest()[:32]
