"""Immutable snapshots of the provider listings in SQL, with metrics and diffs.

SQLite under data/ by default, any SQLAlchemy URL by DATABASE_URL (portable Core only).
"""

from store.clean import clean_providers, safe_url
from store.db import connect, database_url
from store.diff import compute_diff, diff_snapshots
from store.errors import (
    CategoryNotInSnapshot,
    InvalidArgument,
    InvalidSnapshot,
    SchemaError,
    SnapshotNotFound,
    StoreError,
)
from store.locks import exclusive
from store.metrics import LEVELS, compute_region_metrics, region_metrics, unplaced_counts
from store.providers import load_providers
from store.quality import build_quality_report, quality_report
from store.schema import CATEGORIES, GEOCODE_QUALITIES, ORIGINS, PROVIDER_COLUMNS, series_key
from store.snapshots import (
    delete_snapshot,
    get_snapshot,
    list_snapshots,
    require_snapshot,
    served_series,
    served_snapshot,
)
from store.writer import write_snapshot

__all__ = [
    "CATEGORIES",
    "GEOCODE_QUALITIES",
    "LEVELS",
    "ORIGINS",
    "PROVIDER_COLUMNS",
    "CategoryNotInSnapshot",
    "InvalidArgument",
    "InvalidSnapshot",
    "SchemaError",
    "SnapshotNotFound",
    "StoreError",
    "build_quality_report",
    "clean_providers",
    "compute_diff",
    "compute_region_metrics",
    "connect",
    "database_url",
    "delete_snapshot",
    "diff_snapshots",
    "exclusive",
    "get_snapshot",
    "list_snapshots",
    "load_providers",
    "quality_report",
    "region_metrics",
    "require_snapshot",
    "safe_url",
    "served_series",
    "served_snapshot",
    "series_key",
    "unplaced_counts",
    "write_snapshot",
]
