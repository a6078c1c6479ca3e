"""Finished export files, kept for repeated requests: a bounded diskcache the workers share.

An export is a pure function of what was asked (view, format, language, scale …), the data it
is drawn from (the snapshot and, for comparisons, the other snapshots), and the deployment's
contact setting. The key names all of them, so a file is never served for another snapshot,
language or contact setting: a new snapshot changes the list of snapshots and so every key; a
replaced database file changes the store's identity. Old entries are evicted least recently
used once the cache holds ATLAS_EXPORT_CACHE_MB.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Hashable
from typing import Any

import diskcache

from dashboard.exports.export import ExportFile
from dashboard.exports.request import ExportRequest
from dashboard.model.data import AtlasData
from dashboard.model.publishing import contacts_hidden

# bump when what an export contains changes for the same inputs (a new layout, a fix)
FORMAT_VERSION = 1


class ExportCache:
    """get/put of ExportFiles by key, least recently used out beyond `size_mb`."""

    def __init__(self, folder: str, size_mb: int) -> None:
        self._cache = diskcache.Cache(folder, size_limit=size_mb * 1024 * 1024,
                                      eviction_policy="least-recently-used")

    def get(self, key: str) -> ExportFile | None:
        found = self._cache.get(key)
        return None if found is None else ExportFile(*found)

    def put(self, key: str, exported: ExportFile) -> None:
        self._cache.set(key, (exported.content, exported.filename, exported.mimetype))

    def __len__(self) -> int:
        return len(self._cache)

    def clear(self) -> None:
        self._cache.clear()


def view_key(data: AtlasData, request: ExportRequest) -> str:
    """The cache key of a page export (`request` as the button or URL built it)."""
    fields = dataclasses.asdict(request)
    return _digest("view", fields, data)


def profile_key(data: AtlasData, code: str, snapshot_id: int | None, lang: str,
                host_url: str) -> str:
    """The cache key of a region profile PDF (its citation holds the site's address)."""
    return _digest("profile", {"code": code, "snapshot": snapshot_id, "lang": lang,
                               "host": host_url}, data)


def _digest(kind: str, asked: dict[str, Any], data: AtlasData) -> str:
    served = data.served() or {}
    parts = {
        "kind": kind,
        "version": FORMAT_VERSION,
        "asked": asked,
        # "the newest snapshot" (None) and a comparison's default base follow the list
        "snapshots": [int(i) for i in data.snapshots()["id"]],
        "served": [served.get("id"), str(served.get("taken_at")), served.get("origin")],
        "store": _store_identity(data),
        "contacts_hidden": contacts_hidden(),
    }
    text = json.dumps(parts, sort_keys=True, default=str)
    return "export-file-" + hashlib.sha256(text.encode()).hexdigest()


def _store_identity(data: AtlasData) -> Hashable:
    """The database: its URL (no password), and for a SQLite file its identity on disk, so a
    file replaced under the same path, where id 3 may be another snapshot, misses."""
    path = data.store_file
    if path is None:
        url = data.engine.url
        path = url.database if url.get_backend_name() == "sqlite" and url.database else None
        if path is None:
            return url.render_as_string(hide_password=True)
    try:
        st = os.stat(path)
    except OSError:
        return str(path)
    return (str(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
