"""Fixtures for export tests: provenances, small real frames from the vendored geography, and
readers that open what an export wrote independently of the code that wrote it."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

import geodata
from dashboard.exports.provenance import Provenance

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from the PNG IHDR chunk, which must come first after the signature."""
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    return width, height


PROVENANCE_COLUMNS = ("Quellenangabe", "Attribution")


def split_export_csv(data: bytes, **kwargs) -> tuple[pd.DataFrame, str]:
    """Read an export as pandas does without options (only what a dialect needs, e.g. `sep`,
    `decimal`), and split off the provenance column: (the page's table, its provenance)."""
    kwargs.setdefault("dtype", {"Schlüssel (ARS)": str})
    table = pd.read_csv(io.BytesIO(data), **kwargs)
    last = table.columns[-1]
    assert last in PROVENANCE_COLUMNS, f"the last column is {last!r}, not the provenance"
    cells = set(table[last].dropna())
    assert len(cells) <= 1, "the provenance differs between rows"
    return table.drop(columns=[last]), next(iter(cells), "")


def read_export_csv(data: bytes, **kwargs) -> pd.DataFrame:
    """The table of an export, opened as it is (no lines skipped), without its provenance."""
    return split_export_csv(data, **kwargs)[0]


def keep(artifacts_dir: Path, name: str, data: bytes) -> Path:
    """Write an export where a person can look at it after the run."""
    path = artifacts_dir / name
    path.write_bytes(data)
    return path


@pytest.fixture(name="png_size")
def _png_size():
    return png_size


@pytest.fixture(name="read_export_csv")
def _read_export_csv():
    return read_export_csv


@pytest.fixture(name="split_export_csv")
def _split_export_csv():
    return split_export_csv


@pytest.fixture(name="keep")
def _keep(artifacts_dir):
    return lambda name, data: keep(artifacts_dir, name, data)


@pytest.fixture
def demo_provenance() -> Provenance:
    return Provenance(snapshot_id=3, taken_at="2022-12-01", origin="demo", exported_on="2026-01-02")


@pytest.fixture
def live_provenance() -> Provenance:
    return Provenance(snapshot_id=7, taken_at="2023-05-04", origin="live", exported_on="2026-01-02")


@pytest.fixture(scope="session")
def laender() -> gpd.GeoDataFrame:
    return geodata.load_regions("land")


@pytest.fixture(scope="session")
def kreise() -> gpd.GeoDataFrame:
    return geodata.load_regions("kreis")


@pytest.fixture
def umlaut_table() -> pd.DataFrame:
    """A region-like table with umlauts, a leading-zero code and decimals."""
    return pd.DataFrame(
        {
            "Schlüssel (ARS)": ["01001", "09162", "16077"],
            "Region": ["Flensburg", "München", "Altenburger Land"],
            "Land": ["Schleswig-Holstein", "Bayern", "Thüringen"],
            "Anzahl": [1, 4, 0],
            "je 100.000 Einw.": [1.109, 0.269, 0.0],
        }
    )


@pytest.fixture(scope="session")
def demo_engine(demo_store_file, tmp_path_factory):
    """A real SQLite file with the three demo snapshots (this session's copy of the run's)."""
    import store
    from tests.conftest import copy_demo_store

    path = copy_demo_store(demo_store_file, tmp_path_factory.mktemp("exports-db"))
    engine = store.connect(f"sqlite:///{path}")
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def demo_ids(demo_engine) -> list[int]:
    """The demo snapshot ids, oldest first."""
    import store

    return store.served_series(demo_engine)["id"].tolist()
