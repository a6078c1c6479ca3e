"""The Valhalla wrapper: build (or reuse) road tiles from an extract, snap points to roads,
ask car times and road distances. The only module here that imports the engine.

Valhalla comes from PyPI's `pyvalhalla` (requirements-routing.txt): its wheel carries
`valhalla_build_tiles` and the `Actor` that answers matrix and locate requests in-process,
offline. Its configuration is generated here (valhalla.get_config), never read from disk.
"""

from __future__ import annotations

import json
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from store.errors import StoreError
from store.nearest import haversine_km
from store.traveltime.bound import V_MAX_KMH
from store.traveltime.extract import Extract

# Points farther than this from any car road are not routed (an island without roads,
# a point in the sea): reported unreachable, never snapped to a road across the water.
SNAP_CUTOFF_M = 5000
_STAMP = "atlas_extract.json"  # in the tile directory: which extract the tiles are from
_LOCATE_CHUNK = 1000
INSTALL_HINT = "pip install -r requirements-routing.txt (or: make routing)"


class EngineError(StoreError):
    """The routing engine is missing, or failed to build tiles or answer."""


def _valhalla():
    try:
        import valhalla
    except ImportError as exc:
        raise EngineError(f"the routing engine is not installed: {INSTALL_HINT}") from exc
    return valhalla


def engine_name() -> str:
    """'Valhalla 3.9.1' (the installed version)."""
    return f"Valhalla {_valhalla().__version__.split('-')[0]}"


def config(tile_dir: Path, concurrency: int = 1) -> dict:
    """Valhalla's default configuration pointed at `tile_dir`, with the matrix limits
    raised (a Gemeinde's candidates may lie hundreds of km away), the exact one-to-many
    matrix algorithm, and logging off."""
    valhalla = _valhalla()
    tile_dir.mkdir(parents=True, exist_ok=True)
    cfg = valhalla.get_config(tile_extract="", tile_dir=tile_dir)
    cfg["mjolnir"]["concurrency"] = concurrency
    cfg["mjolnir"].pop("admin", None), cfg["mjolnir"].pop("timezone", None)
    limits = cfg["service_limits"]["auto"]
    limits.update(max_matrix_distance=2_000_000.0, max_matrix_location_pairs=1_000_000,
                  max_locations=20_000)  # fmt: skip
    # One source, a few targets: a one-to-many Dijkstra answers exactly and, measured here,
    # faster than the bidirectional costmatrix (which returned a 1.4 % longer time on a
    # lattice: it stops early, an approximation the speed bound cannot see).
    cfg["thor"]["source_to_target_algorithm"] = "timedistancematrix"
    return cfg


@dataclass(frozen=True)
class Tiles:
    """A built road graph and the extract it came from."""

    tile_dir: Path
    extract: Extract
    built_now: bool
    seconds: float


def build_tiles(pbf: Path, extract: Extract, tile_dir: Path, concurrency: int = 1) -> Tiles:
    """Build Valhalla tiles from `pbf` into `tile_dir`, or reuse them when the directory
    already holds tiles of the same extract (same checksum)."""
    stamp = tile_dir / _STAMP
    if stamp.is_file() and json.loads(stamp.read_text()).get("sha256") == extract.sha256:
        return Tiles(tile_dir, extract, False, 0.0)
    cfg_path = tile_dir / "valhalla.json"
    cfg_path.parent.mkdir(parents=True, exist_ok=True)
    cfg_path.write_text(json.dumps(config(tile_dir, concurrency)))
    stamp.unlink(missing_ok=True)
    binary = Path(_valhalla().__file__).parent / "bin" / "valhalla_build_tiles"
    started = time.perf_counter()
    done = subprocess.run([str(binary), "-c", str(cfg_path), str(pbf)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    if done.returncode != 0 or not any(tile_dir.rglob("*.gph")):
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise EngineError(f"valhalla_build_tiles failed on {pbf.name}: {' | '.join(tail)}")
    stamp.write_text(json.dumps(extract.as_dict()))
    return Tiles(tile_dir, extract, True, time.perf_counter() - started)


def tiles_match(tile_dir: Path | str | None, sha256: str) -> bool:
    """True when `tile_dir` holds tiles built from the extract with this checksum (the
    stamp build_tiles writes); False for a missing or rebuilt directory. Needs no engine."""
    if not tile_dir:
        return False
    stamp = Path(tile_dir) / _STAMP
    try:
        return json.loads(stamp.read_text()).get("sha256") == sha256
    except (OSError, ValueError):
        return False


class Router:
    """Car times between points on one tile set (Valhalla's in-process Actor)."""

    def __init__(self, tile_dir: Path) -> None:
        valhalla = _valhalla()
        self._error = valhalla.ValhallaError
        self._actor = valhalla.Actor(config(Path(tile_dir)))
        self.calls = 0

    def snap_m(self, lonlat: np.ndarray) -> np.ndarray:
        """Per point, metres to the nearest car road (NaN: none within SNAP_CUTOFF_M)."""
        out = np.full(len(lonlat), np.nan)
        for start in range(0, len(lonlat), _LOCATE_CHUNK):
            chunk = lonlat[start : start + _LOCATE_CHUNK]
            answer = self._actor.locate({"locations": _locations(chunk), "costing": "auto"})
            for i, found in enumerate(answer):
                edges = found.get("edges") or []
                if edges:
                    hit = edges[0]
                    out[start + i] = 1000.0 * haversine_km(
                        *chunk[i], np.array([hit["correlated_lon"]]),
                        np.array([hit["correlated_lat"]]))[0]  # fmt: skip
        return out

    def times(self, source: np.ndarray, targets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(seconds, road km) from one lon/lat to each target (NaN where no road leads)."""
        cells = self._matrix(source[None, :], targets)[0]
        return _column(cells, "time"), _column(cells, "distance")

    def times_to(self, sources: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(seconds, road km) from each source to one lon/lat: Valhalla answers many-to-one
        by one search backwards from the target (same times as forwards, one-ways kept)."""
        cells = [row[0] for row in self._matrix(sources, target[None, :])]
        return _column(cells, "time"), _column(cells, "distance")

    def _matrix(self, sources: np.ndarray, targets: np.ndarray) -> list[list[dict]]:
        self.calls += 1
        request = {
            "sources": _locations(sources), "targets": _locations(targets),
            "costing": "auto", "costing_options": {"auto": {"top_speed": V_MAX_KMH}},
        }  # fmt: skip
        try:
            return self._actor.matrix(request)["sources_to_targets"]
        except self._error as exc:
            raise EngineError(f"Valhalla matrix failed: {exc}") from exc


def _column(cells: list[dict], key: str) -> np.ndarray:
    return np.array([np.nan if c[key] is None else c[key] for c in cells], float)


def _locations(lonlat: np.ndarray) -> list[dict]:
    return [{"lon": float(lon), "lat": float(lat), "search_cutoff": SNAP_CUTOFF_M}
            for lon, lat in lonlat]  # fmt: skip

