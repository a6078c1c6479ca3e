"""One AtlasData per database engine for all exports of a process, instead of one per export.

Every export used to read the region metrics of its snapshot, and for the map's colour
classes those of every snapshot of its series, afresh (a new AtlasData each time): about half
of the Python time of a Kreis map export. AtlasData's caches are keyed by snapshot id (a
snapshot never changes and its id is never handed out again, store migration 6) and by the
list of snapshots where that matters, so answers kept across exports stay right. An engine
that is dropped (a served file replaced: ServingStore opens a new one) takes its AtlasData
with it.
"""

from __future__ import annotations

import threading
from weakref import WeakKeyDictionary

from sqlalchemy import Engine

from dashboard.model.data import AtlasData

_SHARED: WeakKeyDictionary[Engine, AtlasData] = WeakKeyDictionary()
_LOCK = threading.Lock()


def export_data(engine: Engine) -> AtlasData:
    """The AtlasData all exports over `engine` share (made at the first)."""
    with _LOCK:
        data = _SHARED.get(engine)
        if data is None:
            data = _SHARED[engine] = AtlasData(engine)
        return data
