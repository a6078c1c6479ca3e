"""An empty local base map for Plotly `geo` subplots, so static export needs no CDN.

plotly.js fetches `<topojsonURL>world_110m.json` (or `world_50m.json`) for every `geo` subplot,
even when all base layers are hidden. Our maps draw Germany from our own GeoJSON, so an empty
topology with the layer names plotly.js looks up is enough and nothing leaves the machine.
"""

from __future__ import annotations

import json
import tempfile
from functools import lru_cache
from pathlib import Path

_LAYERS = ("land", "ocean", "lakes", "rivers", "countries", "coastlines", "subunits")
_NAMES = ("world_110m", "world_50m", "europe_110m", "europe_50m")


@lru_cache(maxsize=1)
def local_topojson_url() -> str:
    """Write the empty topologies once per process and return the folder as a file URL."""
    folder = Path(tempfile.mkdtemp(prefix="ala-topojson-"))
    topology = {
        "type": "Topology",
        "arcs": [],
        "objects": {name: {"type": "GeometryCollection", "geometries": []} for name in _LAYERS},
    }
    for name in _NAMES:
        (folder / f"{name}.json").write_text(json.dumps(topology), encoding="utf-8")
    return folder.as_uri() + "/"
