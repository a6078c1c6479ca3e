"""The dashboard's small query layer over the store, with caches where data cannot change.

Snapshots are immutable (the store refuses UPDATEs), so region metrics and providers of a
snapshot are cached by id. The cache keys also hold the served store's generation
(store.serving.ServingStore): a database file replaced or restored under the same path, where
id 3 may be another snapshot, is never answered from the old file's cache. The list of
snapshots is read fresh, because a scrape may add one while the app runs. Nothing is read at
import time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import pandas as pd
from sqlalchemy import Engine

import geodata
import store
from dashboard.model import metrics
from dashboard.model.publishing import redact
from store.serving import ServingStore

_CACHE_SIZE = 64
# figures and texts built from a snapshot, one per view a reader chose: a Kreis map is
# 0.2-0.4 MB as JSON (1-2 MB in memory), so 48 (2 levels x 3 kinds x 4 metrics x 2 languages)
# bound a worker's share to well under 100 MB
_VIEW_CACHE_SIZE = 48


class _Lru:
    """A small thread-safe LRU cache (callbacks run in several threads)."""

    def __init__(self, size: int = _CACHE_SIZE) -> None:
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value


class AtlasData:
    """Read access to snapshots, region metrics, providers and geometry for the pages."""

    def __init__(self, source: Engine | ServingStore) -> None:
        self._source = source
        self._cache = _Lru()
        self._views = _Lru(_VIEW_CACHE_SIZE)

    @property
    def engine(self) -> Engine:
        """The engine to read with now (a ServingStore may have re-opened its file)."""
        if isinstance(self._source, ServingStore):
            return self._source.engine()
        return self._source

    @property
    def store_file(self) -> Any:
        """The SQLite file served (a Path), or None (a database server, a plain engine)."""
        return getattr(self._source, "path", None)

    def _key(self, *parts: Hashable) -> tuple[Hashable, ...]:
        if not isinstance(self._source, ServingStore):
            return (None, *parts)
        self._source.engine()  # checks the file first, so the generation is current
        return (self._source.generation, *parts)

    def memo(self, parts: tuple[Hashable, ...], make: Callable[[], Any]) -> Any:
        """`make()`, kept for the same `parts` of the same store file: for figures and texts
        derived from one immutable snapshot, which `parts` must name (its id, never None for
        "the newest"). The caller must not change what it gets back: it is shared."""
        return self._views.get(self._key("view", *parts), make)

    def forget_views(self) -> None:
        """Drop what `memo` keeps, so the next answers are built afresh (bench/callbacks.py
        measures the uncached answer apart from the cached one)."""
        self._views = _Lru(_VIEW_CACHE_SIZE)

    # snapshots -----------------------------------------------------------------------
    def snapshots(self) -> pd.DataFrame:
        """Every snapshot, newest first (store.list_snapshots)."""
        return store.list_snapshots(self.engine)

    def served(self) -> dict[str, Any] | None:
        """The snapshot shown by default (latest real one, else latest demo), or None."""
        return store.served_snapshot(self.engine)

    def fingerprint(self) -> tuple[Hashable, ...]:
        """Changes whenever what a page shows could: the store's generation (a replaced file),
        and the number and newest id of its snapshots (one small query)."""
        from sqlalchemy import func, select

        from store import schema

        table = schema.snapshots
        with self.engine.connect() as conn:
            count, newest = conn.execute(select(func.count(), func.max(table.c.id))).one()
        return self._key("store", int(count), newest)

    def series_ids(self, snapshot_id: int) -> tuple[int, ...]:
        """The ids of the snapshots in `snapshot_id`'s series (store.served_series), oldest
        first; kept until a snapshot is added or removed (one small query, not the full list
        with its counts on every callback)."""
        return self._cache.get(
            ("series", snapshot_id, *self.fingerprint()),
            lambda: tuple(int(i) for i in store.served_series(self.engine, snapshot_id)["id"])
            or (snapshot_id,),
        )

    def snapshot(self, snapshot_id: int | None) -> dict[str, Any] | None:
        """The snapshot `snapshot_id` (None or unknown: None)."""
        if snapshot_id is None or not 0 < snapshot_id < 2**31:  # ids are 32-bit everywhere
            return None
        return self._cache.get(self._key("snapshot", snapshot_id), lambda: self._get(snapshot_id))

    def _get(self, snapshot_id: int) -> dict[str, Any] | None:
        return store.get_snapshot(self.engine, snapshot_id)

    def resolve(self, snapshot_id: int | None) -> tuple[dict[str, Any] | None, bool]:
        """The snapshot to show for a requested id: that one if it exists, else the served
        one. The flag says whether the request could be honoured (False: show a notice)."""
        if snapshot_id is not None:
            found = self.snapshot(snapshot_id)
            if found is not None:
                return found, True
            return self.served(), False
        return self.served(), True

    # metrics and providers -------------------------------------------------------------
    def region_metrics(self, snapshot_id: int, level: str, category: str) -> pd.DataFrame:
        """store.region_metrics, cached. A category missing from the snapshot gives NaN counts
        and attrs["recorded"] False (metrics.mark_unrecorded), never zeros."""
        key = self._key("metrics", snapshot_id, level, category)
        return self._cache.get(key, lambda: self._metrics(snapshot_id, level, category))

    def _metrics(self, snapshot_id: int, level: str, category: str) -> pd.DataFrame:
        try:
            frame = store.region_metrics(self.engine, snapshot_id, level, category)
        except store.CategoryNotInSnapshot:
            frame = store.compute_region_metrics(self.providers(snapshot_id), level, category)
        snapshot = self.snapshot(snapshot_id) or {}
        return metrics.mark_unrecorded(frame, category, snapshot.get("counts", {}))

    def providers(self, snapshot_id: int) -> pd.DataFrame:
        """All providers of a snapshot (store.load_providers), cached; phone, e-mail and
        street emptied when the deployment hides contacts (dashboard.model.publishing)."""
        key = self._key("providers", snapshot_id)
        return redact(
            self._cache.get(key, lambda: store.load_providers(self.engine, snapshot_id))
        )

    # geography -------------------------------------------------------------------------
    def regions(self, level: str) -> pd.DataFrame:
        """geodata.region_table(level) plus `lon`, `lat` of a point inside each region."""
        return self._cache.get(("regions", level), lambda: _regions_with_points(level))


def _regions_with_points(level: str) -> pd.DataFrame:
    shapes = geodata.load_regions(level)
    # a point guaranteed inside the shape (a centroid can fall outside a crescent-shaped Kreis)
    inside = shapes.geometry.representative_point()
    table = pd.DataFrame(shapes.drop(columns="geometry"))
    table["lon"] = inside.x.round(5).to_numpy()
    table["lat"] = inside.y.round(5).to_numpy()
    return table.reset_index(drop=True)


def _with_points(metrics: pd.DataFrame, regions: pd.DataFrame) -> pd.DataFrame:
    anchors = regions[["code", "lon", "lat"]]
    merged = metrics.merge(anchors, on="code", how="left")
    merged.attrs = metrics.attrs
    return merged


def map_frame(data: AtlasData, snapshot_id: int, level: str, category: str) -> pd.DataFrame:
    """Region metrics with a point inside each region (for caution marks), cached."""
    return data._cache.get(
        data._key("map", snapshot_id, level, category),
        lambda: _with_points(
            data.region_metrics(snapshot_id, level, category), data.regions(level)
        ),
    )


def find_provider(data: AtlasData, snapshot_id: int, source_id: str) -> dict[str, Any] | None:
    """One provider of a snapshot by its source id (first match), or None."""
    providers = data.providers(snapshot_id)
    hit = providers[providers["source_id"] == source_id]
    return None if hit.empty else hit.iloc[0].to_dict()
