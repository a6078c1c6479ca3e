"""The region shapes for static images as a local file, named in the figure by its URL.

A map export used to carry the level's GeoJSON inside the figure, once per choropleth trace
(four on the Karte map): 2.2 MB of JSON for the Kreise that plotly validated and copied in
Python, kaleido turned into a dict and serialised, and Chromium parsed, on every export. The
app's pages already name the shapes by URL (`/geo/<level>.geojson`); exports do the same with
a file:// URL of the identical bytes, written once per user (run_files) and read by plotly.js
from disk (kaleido's Chromium may read local files, as for the empty topojson).
"""

from __future__ import annotations

from functools import lru_cache

from dashboard.exports.run_files import run_folder
from dashboard.model.geometry import geojson_body


@lru_cache(maxsize=3)
def geometry_url(level: str) -> str:
    """A file:// URL of `geojson(level)` for a figure's `geojson` (the same shapes, as a file)."""
    name = f"{level}.geojson"
    folder = run_folder("geometry", {name: geojson_body(level).decode("utf-8")})
    return (folder / name).as_uri()
