"""Erreichbarkeit: how far people live from the nearest provider (Luftlinie), per snapshot.

Pure functions first (places → measures → aggregate → planning), then the table kept with
each snapshot (persist) and its command (`python -m store access --recompute`). Distances
are straight lines in EPSG:3035 between each Gemeinde's representative point (the one the
geocoder uses) and the providers' points; they say nothing about roads, public transport
or travel time.
"""

from store.access.aggregate import LEVELS, aggregate, germany_summary
from store.access.measures import (
    CATCHMENT_KM,
    SERVICES,
    STATUSES,
    AccessResult,
    combinations,
    compute_access,
    compute_all,
)
from store.access.persist import (
    access_regions,
    access_result,
    recompute_access,
    write_access,
)
from store.access.places import gemeinde_frame
from store.access.planning import PlanResult, plan

__all__ = [
    "CATCHMENT_KM",
    "LEVELS",
    "SERVICES",
    "STATUSES",
    "AccessResult",
    "PlanResult",
    "access_regions",
    "access_result",
    "aggregate",
    "combinations",
    "compute_access",
    "compute_all",
    "gemeinde_frame",
    "germany_summary",
    "plan",
    "recompute_access",
    "write_access",
]
