"""Which AtlasData an export reads with: the app's own where the engine is the app's, else one
per engine shared by all exports of the process; never a fresh one per export.

Every export used to read the region metrics of its snapshot, and for the map's colour
classes those of every snapshot of its series, afresh (a new AtlasData each time): about half
of the Python time of a Kreis map export, and a second copy of what the pages had read and
kept already. Now the app registers its reader (`share`, in create_app) and an export over the
engine that reader serves uses it, caches included; other engines (the CLI, benches, tests)
get one reader each, kept as long as the engine lives. AtlasData's caches are keyed by snapshot
id (a snapshot never changes and its id is never handed out again, store migration 7) and by
the list of snapshots where that matters, so answers kept across exports stay right.
"""

from __future__ import annotations

import threading
import weakref
from weakref import WeakKeyDictionary

from sqlalchemy import Engine

from dashboard.model.data import AtlasData

_OWN: WeakKeyDictionary[Engine, AtlasData] = WeakKeyDictionary()
_SERVED: list[weakref.ref[AtlasData]] = []
_LOCK = threading.Lock()


def share(data: AtlasData) -> None:
    """Let exports over the engine `data` reads with use `data` (the app's reader)."""
    with _LOCK:
        _SERVED.append(weakref.ref(data))


def export_data(engine: Engine) -> AtlasData:
    """The AtlasData an export over `engine` reads with."""
    with _LOCK:
        for ref in list(_SERVED):
            data = ref()
            if data is None:  # an app that is gone
                _SERVED.remove(ref)
            elif _reads_with(data, engine):
                return data
        data = _OWN.get(engine)
        if data is None:
            data = _OWN[engine] = AtlasData(engine)
        return data


def _reads_with(data: AtlasData, engine: Engine) -> bool:
    try:
        return data.engine is engine
    except Exception:  # noqa: BLE001 - a served file that is missing now: not this engine
        return False
