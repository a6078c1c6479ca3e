"""Region shapes for the browser: built once per level, served once per level.

The maps reference the shapes by URL (`/geo/<level>.geojson`). plotly.js fetches a GeoJSON URL
once and keeps it in `window.PlotlyGeoAssets`, and the browser caches it by ETag, so changing
metric, category, snapshot or language never sends geometry again: callbacks carry values only.
Exports and tests can take the same data as a dict from `geojson(level)`.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any

from flask import Flask, Response, abort, request

import geodata

LEVELS = ("land", "kreis")
ROUTE = "/geo/<level>.geojson"
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


@lru_cache(maxsize=2)
def _payload(level: str) -> tuple[bytes, str]:
    body = json.dumps(geojson(level), separators=(",", ":")).encode()
    return body, hashlib.sha256(body).hexdigest()[:16]


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
        response = Response(body, mimetype="application/json")
        response.set_etag(etag)
        response.headers["Cache-Control"] = "public, max-age=86400"
        return response

    server.add_url_rule(prefix.rstrip("/") + ROUTE, endpoint="region_geometry", view_func=serve)
