"""Car times for a whole snapshot on a road network the tests write over one Land
(Saarland, code 10): a lattice every 0.01° with two faster roads across it. Gemeinden and
providers elsewhere lie off this extract's roads: unreachable there, never 0 minutes."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from tests.traveltime.roads import RoadNet

LAND = "10"
EXTRACT_DATE = "2026-11-30T21:21:02Z"


def saarland_roads() -> RoadNet:
    from store.access.places import gemeinde_frame

    g = gemeinde_frame()
    land = g[g["land_code"] == LAND]
    lon0, lat0 = round(land["lon"].min() - 0.03, 2), round(land["lat"].min() - 0.03, 2)
    columns = int((land["lon"].max() + 0.03 - lon0) / 0.01) + 1
    rows = int((land["lat"].max() + 0.03 - lat0) / 0.01) + 1
    net = RoadNet().lattice(lon0, lat0, columns, rows)
    east, north = lon0 + (columns - 1) * 0.01, lat0 + (rows - 1) * 0.01
    net.road([(lon0, lat0), (east, north)], highway="motorway", maxspeed=120)
    net.road([(lon0, north), (east, lat0)], highway="primary", maxspeed=100)
    return net


def with_car_times(db_url: str, folder: Path, snapshot_ids: list[int] | None = None) -> Path:
    """Store car times for the served snapshot (or the ones given) of `db_url`; the PBF."""
    import store
    from store.traveltime.run import traveltime

    pbf = saarland_roads().write(folder / "saarland.osm.pbf", timestamp=EXTRACT_DATE)
    engine = store.connect(db_url)
    ids = snapshot_ids or [store.served_snapshot(engine)["id"]]
    traveltime(engine, pbf, folder / "tiles", ids, say=lambda line: None)
    engine.dispose()
    return pbf


def demo_store_with_car_times(folder: Path) -> str:
    """A SQLite store in `folder` with the demo default, and car times for its served
    snapshot only (the older ones have none), computed on tiles in `folder / "tiles"`; its
    URL. Built once per test run and copied (store, extract and tiles; the store's recorded
    tile folder is this copy's), so each caller still owns all of it."""
    from tests.conftest import build_once, demo_store_at, shared_run_temp

    run_folder = shared_run_temp()
    if run_folder is None:  # outside a test run: build here
        _build(folder, None)
        return f"sqlite:///{folder / 'atlas.sqlite'}"
    built = build_once(run_folder / "saarland-car-store",
                       lambda building: _build(building, demo_store_at(run_folder)))
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(built / "atlas.sqlite", folder / "atlas.sqlite")
    shutil.copyfile(built / "saarland.osm.pbf", folder / "saarland.osm.pbf")
    shutil.copytree(built / "tiles", folder / "tiles")
    with closing(sqlite3.connect(folder / "atlas.sqlite")) as conn, conn:
        conn.execute("UPDATE traveltime_runs SET tile_dir = ?",
                     (str((folder / "tiles").resolve()),))  # fmt: skip
    return f"sqlite:///{folder / 'atlas.sqlite'}"


def _build(folder: Path, demo_store: Path | None) -> None:
    """The demo default (a copy of `demo_store`, else built) and its served snapshot's car
    times into `folder`, checkpointed into one file."""
    import store
    from scrapers.demo import ensure_default

    url = f"sqlite:///{folder / 'atlas.sqlite'}"
    if demo_store is None:
        engine = store.connect(url)
        ensure_default(engine)
        engine.dispose()
    else:
        shutil.copyfile(demo_store, folder / "atlas.sqlite")
    with_car_times(url, folder)
    engine = store.connect(url)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
