"""Fahrzeit: car minutes and road km from every Gemeinde to the provider nearest by time,
computed by Valhalla (PyPI `pyvalhalla`, requirements-routing.txt) on the operator's
OpenStreetMap extract, stored per snapshot beside the Luftlinie measures with the extract's
name, header date and checksum.

Pure parts first (bound: why k nearest by Luftlinie suffice; search; aggregate), then the
engine wrapper (engine, the only importer of valhalla), extract provenance, the stored
tables (persist) and the command (run; `python -m store traveltime`). Serving reads stored
times only and needs no engine.
"""

from store.traveltime.aggregate import THRESHOLDS_MIN, aggregate_minutes
from store.traveltime.bound import V_MAX_KMH, lower_bound_s, settled
from store.traveltime.persist import (
    NoTravelTimes,
    has_travel,
    travel_gemeinden,
    travel_regions,
    travel_run,
    write_travel,
)

__all__ = [
    "THRESHOLDS_MIN",
    "V_MAX_KMH",
    "NoTravelTimes",
    "aggregate_minutes",
    "has_travel",
    "lower_bound_s",
    "settled",
    "travel_gemeinden",
    "travel_regions",
    "travel_run",
    "write_travel",
]
