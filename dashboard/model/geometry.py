"""Region shapes for the browser: built once per level, served once per level.

The maps reference the shapes by URL (`/geo/<level>.geojson`). plotly.js fetches a GeoJSON URL
once and keeps it in `window.PlotlyGeoAssets`, and the browser caches it by ETag, so changing
metric, category, snapshot or language never sends geometry again: callbacks carry values only.
Exports and tests can take the same data as a dict from `geojson(level)`.

The Gemeinde layer (10,997 shapes, 4.4 MB) is compressed once, hard (Brotli 9 or gzip 9), and
those bytes are sent to every reader: ~0.6 MB on the wire instead of compressing on each request.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
from functools import lru_cache
from typing import Any

from flask import Flask, Response, abort, request

import geodata

LEVELS = ("land", "kreis", "gemeinde")
ROUTE = "/geo/<level>.geojson"
# a week: the shapes change only with a new build (and the ETag revalidates after that)
MAX_AGE_S = 7 * 24 * 3600
_DECIMALS = 4  # about 10 m: far below what a country-wide map can show


def _rounded(coords: Any) -> Any:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(c), _DECIMALS) for c in coords]
    return [_rounded(c) for c in coords]


@lru_cache(maxsize=2)
def geojson(level: str) -> dict[str, Any]:
    """The level's regions as a GeoJSON FeatureCollection; each feature's `id` and
    `properties.code` is the region code (Land code or Kreis ARS)."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    if level == "gemeinde":
        return json.loads(_payload(level)[0])
    shapes = geodata.load_regions(level)
    features = []
    for code, shape in zip(shapes["code"], shapes.geometry, strict=True):
        mapping = shape.__geo_interface__
        features.append(
            {
                "type": "Feature",
                "id": code,
                "properties": {"code": code},
                "geometry": {
                    "type": mapping["type"],
                    "coordinates": _rounded(mapping["coordinates"]),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def geojson_body(level: str) -> bytes:
    """`geojson(level)` as compact JSON bytes, exactly what `/geo/<level>.geojson` serves."""
    return _payload(level)[0]


@lru_cache(maxsize=3)
def _payload(level: str) -> tuple[bytes, str]:
    if level == "gemeinde":  # built compact and rounded by geodata.build
        body = geodata.gemeinde_shapes_path().read_bytes()
    else:
        body = json.dumps(geojson(level), separators=(",", ":")).encode()
    return body, hashlib.sha256(body).hexdigest()[:16]


@lru_cache(maxsize=6)
def _packed(level: str, encoding: str) -> bytes:
    """The level's body compressed once, hard: Brotli 9 (quality 11 takes ~20 s for the
    Gemeinden, 9 under a second) or gzip 9."""
    body = _payload(level)[0]
    if encoding == "br":
        import brotli

        return brotli.compress(body, quality=9)
    return gzip.compress(body, compresslevel=9, mtime=0)


def _encoding() -> str | None:
    accepted = request.accept_encodings
    return "br" if "br" in accepted else "gzip" if "gzip" in accepted else None


def url_path(level: str) -> str:
    """The path (below the app's prefix) of the level's GeoJSON."""
    return f"/geo/{level}.geojson"


def register_geometry_route(server: Flask, prefix: str = "/") -> None:
    """Serve `<prefix>geo/<level>.geojson` with an ETag so the browser keeps one copy."""

    def serve(level: str) -> Response:
        if level not in LEVELS:
            abort(404)
        body, etag = _payload(level)
        if request.if_none_match and etag in request.if_none_match:
            return Response(status=304, headers={"ETag": f'"{etag}"'})
        # application/json: chosen when Flask-Compress gzipped only the types it knew; both
        # travel compressed now (dashboard.COMPRESSED_TYPES)
        encoding = _encoding()
        if encoding is None:
            response = Response(body, mimetype="application/json")
        else:  # already compressed: Flask-Compress leaves a Content-Encoding alone
            response = Response(_packed(level, encoding), mimetype="application/json")
            response.headers["Content-Encoding"] = encoding
        response.headers["Vary"] = "Accept-Encoding"
        response.set_etag(etag)
        response.headers["Cache-Control"] = f"public, max-age={MAX_AGE_S}"
        return response

    server.add_url_rule(prefix.rstrip("/") + ROUTE, endpoint="region_geometry", view_func=serve)
    # compress the Gemeinde layer before the first reader asks (about two seconds of one core)
    threading.Thread(target=_warm, name="geometry-warm", daemon=True).start()


def _warm() -> None:
    for encoding in ("br", "gzip"):
        _packed("gemeinde", encoding)
