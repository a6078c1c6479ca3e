"""`python -m store traveltime` end to end: a PBF the test writes around the real Gemeinden
of one small Kreis (Neunkirchen, Saarland, ARS 10043), a snapshot in a real SQLite file,
the command as a subprocess; then what it stored and printed. The refusals (exit status 2
and one line) call the same `main` in this process (`here`), without a Python start-up and
the imports per case."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import store
from store.access.places import gemeinde_frame
from tests.store.conftest import provider
from tests.traveltime.roads import RoadNet

REPO = Path(__file__).resolve().parents[2]
KREIS = "10043"


@pytest.fixture(scope="module")
def kreis() -> pd.DataFrame:
    g = gemeinde_frame()
    return g[g["kreis_ars"] == KREIS].sort_values("ars").reset_index(drop=True)


@pytest.fixture(scope="module")
def extract(tmp_path_factory, kreis) -> Path:
    """Lattice roads every 0.01° over the Kreis (plus a margin), a faster road through it."""
    lon0, lat0 = kreis["lon"].min() - 0.02, kreis["lat"].min() - 0.02
    columns = int((kreis["lon"].max() + 0.02 - lon0) / 0.01) + 1
    rows = int((kreis["lat"].max() + 0.02 - lat0) / 0.01) + 1
    net = RoadNet().lattice(lon0, lat0, columns, rows)
    middle = lat0 + rows // 2 * 0.01
    net.road([(lon0, middle), (lon0 + (columns - 1) * 0.01, middle)], highway="primary",
             maxspeed=100)  # fmt: skip
    return net.write(tmp_path_factory.mktemp("osm") / "neunkirchen.osm.pbf",
                     timestamp="2026-11-30T21:21:02Z")  # fmt: skip


@pytest.fixture
def db(tmp_path, kreis) -> str:
    """A snapshot with two WfbM and one aLA at Gemeinde points of the Kreis, and one WfbM
    in Berlin (outside the extract: never routed)."""
    url = f"sqlite:///{tmp_path / 'atlas.sqlite'}"
    engine = store.connect(url)

    def at(i: int, source_id: str, category: str) -> dict:
        row = kreis.iloc[i]
        return provider(source_id, category, kreis=KREIS, land="10", lon=row["lon"],
                        lat=row["lat"], gemeinde_ags=row["ars"][:5] + row["ars"][9:])  # fmt: skip

    rows = [at(0, "W1", "wfbm"), at(len(kreis) - 1, "W2", "wfbm"), at(2, "A1", "ala"),
            provider("W3", "wfbm", kreis="11000", land="11", lon=13.4, lat=52.5)]  # fmt: skip
    frame = pd.DataFrame(rows, columns=list(store.PROVIDER_COLUMNS))
    expected = {"ala": 1, "wfbm": 3, "ib": 0}
    meta = {"taken_at": "2026-12-01T00:00:00Z", "origin": "live", "categories": expected}
    store.write_snapshot(engine, meta, frame, store.build_quality_report(frame, expected))
    engine.dispose()
    return url


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "store", "traveltime", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=600)  # fmt: skip


@pytest.fixture
def here(capsys, monkeypatch):
    """here(*args): `python -m store traveltime ARGS` as `run` runs it, but by calling the
    command's `main` in this process (the project as working directory)."""
    from store.cli import main

    def _here(*args: str) -> subprocess.CompletedProcess:
        monkeypatch.chdir(REPO)
        capsys.readouterr()
        code = main(["traveltime", *args])
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(["python", "-m", "store", "traveltime", *args],
                                           code, out, err)  # fmt: skip

    return _here


def test_the_command_stores_car_times_with_the_extracts_provenance(db, extract, kreis, tmp_path):
    tiles = tmp_path / "tiles"
    three = kreis["ars"].iloc[[1, 3, 5]].tolist()
    done = run("--osm", str(extract), "--tiles", str(tiles), "--db", db,
               *[f"--compare={ars}" for ars in three])  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "header date 2026-11-30T21:21:02Z" in out and "tiles built in" in out
    assert "wfbm/all: ok, 3 providers" in out
    assert "ib/all: no_provider" in out
    for ars in three:  # each compared Gemeinde: a line per kind with times
        assert sum(line.startswith(ars) for line in out.splitlines()) == 2

    engine = store.connect(db)
    from store.traveltime import travel_gemeinden, travel_run

    run_row = travel_run(engine, 1)
    assert run_row["extract_name"] == "neunkirchen.osm.pbf"
    assert run_row["extract_timestamp"] == "2026-11-30T21:21:02Z"
    assert run_row["extract_sha256"] == hashlib.sha256(extract.read_bytes()).hexdigest()
    assert run_row["engine"].startswith("Valhalla 3.")
    # where the tiles are, for planning by road (absolute: the server may start elsewhere)
    assert run_row["tile_dir"] == str(tiles.resolve())
    times = travel_gemeinden(engine, 1, "wfbm")
    inside = times["ars"].isin(kreis["ars"]).to_numpy()
    minutes = times["nearest_min"].to_numpy(float)
    assert (minutes[inside] >= 0).all() and not np.isnan(minutes[inside]).any()
    assert set(times["nearest_provider"][inside]) <= {"W1", "W2"}  # Berlin is never routed
    # at a provider's own Gemeinde: (almost) no way to go; the others need minutes
    own = times.set_index("ars").loc[kreis["ars"].iloc[0], "nearest_min"]
    assert own < 1.0 and np.nanmax(minutes[inside]) > 3
    # Gemeinden far off this extract's roads are unreachable (NaN), never 0 minutes
    g = gemeinde_frame()
    off = (g["lon"] - kreis["lon"].mean()).abs(), (g["lat"] - kreis["lat"].mean()).abs()
    far = (off[0] > 0.3) | (off[1] > 0.3)
    assert np.isnan(minutes[far.to_numpy()]).all() and far.sum() > 10_000
    engine.dispose()

    again = run("--osm", str(extract), "--tiles", str(tiles), "--db", db, "--snapshot", "all")
    assert again.returncode == 0, again.stderr
    assert "tiles reused" in again.stdout


def test_a_missing_extract_is_a_one_line_error(here, db, tmp_path):
    done = here("--osm", str(tmp_path / "nowhere.osm.pbf"), "--db", db)
    assert done.returncode == 2
    assert done.stderr.strip() == f"error: OSM extract not found: {tmp_path / 'nowhere.osm.pbf'}"


def test_a_file_that_is_not_pbf_is_refused(here, db, tmp_path):
    bad = tmp_path / "fake.osm.pbf"
    bad.write_text("not a pbf")
    done = here("--osm", str(bad), "--db", db)
    assert done.returncode == 2 and "not a readable OSM PBF file" in done.stderr


def test_an_unknown_snapshot_is_refused(here, db, extract):
    done = here("--osm", str(extract), "--db", db, "--snapshot", "7")
    assert done.returncode == 2 and "no snapshot with id 7" in done.stderr
    done = here("--osm", str(extract), "--db", db, "--snapshot", "latest")
    assert done.returncode == 2 and "--snapshot must be an id or 'all'" in done.stderr


def test_without_the_engine_the_command_names_make_routing(db, extract, monkeypatch, capsys):
    from store.cli import main

    monkeypatch.setitem(sys.modules, "osmium", None)  # as on a machine without make routing
    assert main(["traveltime", "--osm", str(extract), "--db", db]) == 2
    assert "make routing" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "valhalla", None)
    from store.traveltime.engine import EngineError, Router

    with pytest.raises(EngineError, match="make routing"):
        Router(Path("."))
