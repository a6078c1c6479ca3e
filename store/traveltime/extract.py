"""Provenance of an OpenStreetMap extract: its file name, the date its header gives, and a
checksum, so stored travel times say which road network they were computed on."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path

from store.errors import InvalidArgument, StoreError

# Geofabrik and planet extracts put the replication time here; osmium's own files may
# carry only the generic "timestamp" key.
_HEADER_KEYS = ("osmosis_replication_timestamp", "timestamp")


@dataclass(frozen=True)
class Extract:
    """One OSM extract as stored beside the travel times."""

    name: str  # the file name only (the operator's path is nobody's business)
    timestamp: str | None  # ISO date-time from the PBF header, None when it has none
    sha256: str
    bytes: int

    def as_dict(self) -> dict:
        return asdict(self)


def header_timestamp(path: Path) -> str | None:
    """The extract's date from its PBF header (needs pyosmium), None when absent."""
    try:
        import osmium
    except ImportError as exc:
        raise StoreError("pyosmium is not installed: pip install -r requirements-routing.txt "
                         "(or: make routing)") from exc

    header = osmium.io.Reader(str(path), osmium.osm.osm_entity_bits.NOTHING).header()
    for key in _HEADER_KEYS:
        value = header.get(key)
        if value:
            return str(value)
    return None


def checksum(path: Path, chunk: int = 1 << 20) -> str:
    """SHA-256 of the file, read in chunks (a Germany extract is ~4 GB)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def describe_extract(path: str | Path) -> Extract:
    """Name, header date, checksum and size of an .osm.pbf file; InvalidArgument when it
    is missing or not a PBF file."""
    path = Path(path)
    if not path.is_file():
        raise InvalidArgument(f"OSM extract not found: {path}")
    if not path.name.endswith(".pbf"):
        raise InvalidArgument(f"the OSM extract must be an .osm.pbf file, not {path.name!r}")
    try:
        stamp = header_timestamp(path)
    except RuntimeError as exc:  # osmium's error for a file that is not PBF
        raise InvalidArgument(f"{path.name} is not a readable OSM PBF file: {exc}") from exc
    return Extract(path.name, stamp, checksum(path), path.stat().st_size)
