"""An empty local base map for Plotly `geo` subplots, so static export needs no CDN.

plotly.js fetches `<topojsonURL>world_110m.json` (or `world_50m.json`) for every `geo` subplot,
even when all base layers are hidden. Our maps draw Germany from our own GeoJSON, so an empty
topology with the layer names plotly.js looks up is enough and nothing leaves the machine.
"""

from __future__ import annotations

import json
from functools import lru_cache

from dashboard.exports.run_files import run_folder

_LAYERS = ("land", "ocean", "lakes", "rivers", "countries", "coastlines", "subunits")
_NAMES = ("world_110m", "world_50m", "europe_110m", "europe_50m")


@lru_cache(maxsize=1)
def local_topojson_url() -> str:
    """The folder of the empty topologies (written once per user, see run_files) as a file URL."""
    topology = {
        "type": "Topology",
        "arcs": [],
        "objects": {name: {"type": "GeometryCollection", "geometries": []} for name in _LAYERS},
    }
    text = json.dumps(topology)
    folder = run_folder("topojson", {f"{name}.json": text for name in _NAMES})
    return folder.as_uri() + "/"
