"""Where exported numbers come from: source, snapshot, dates and the attribution lines.

Every export carries these (on the image, in the CSV comment lines, in the XLSX "Quelle" sheet,
in GeoJSON/GeoPackage metadata) so a published figure can be traced back to a snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from geodata import attribution

SOURCE_NAME = "REHADAT-Adressen (IW Köln)"
DEMO_MARK = "Beispieldaten"
DEMO_NOTE = "Beispieldaten: erzeugte Demo-Anbieter, keine echte Erhebung"
POPULATION_SHORT = "Bevölkerung: Destatis, 31.12.2019"


@dataclass(frozen=True)
class Provenance:
    """One snapshot (and, for comparisons, the older one it is compared with)."""

    snapshot_id: int
    taken_at: str  # ISO date, "2022-12-01"
    origin: str  # live | replay | demo
    base_snapshot_id: int | None = None
    base_taken_at: str | None = None
    base_origin: str | None = None
    exported_on: str = field(default_factory=lambda: date.today().isoformat())

    @property
    def is_demo(self) -> bool:
        return self.origin == "demo" or self.base_origin == "demo"

    @property
    def is_comparison(self) -> bool:
        return self.base_snapshot_id is not None

    @property
    def date_label(self) -> str:
        """"01.12.2022", or "14.11.2021 → 01.12.2022" for a comparison."""
        if self.base_taken_at:
            return f"{german_date(self.base_taken_at)} → {german_date(self.taken_at)}"
        return german_date(self.taken_at)

    @property
    def source_line(self) -> str:
        return f"Quelle: {SOURCE_NAME}, Stand {self.date_label}"

    @property
    def snapshot_line(self) -> str:
        if self.base_snapshot_id is not None:
            return (
                f"Snapshot {self.base_snapshot_id} ({self.base_taken_at}, {self.base_origin}) → "
                f"Snapshot {self.snapshot_id} ({self.taken_at}, {self.origin})"
            )
        return f"Snapshot {self.snapshot_id} vom {self.taken_at} ({self.origin})"

    def attributions(self, with_plz: bool = False) -> tuple[str, ...]:
        """Licence lines: boundaries and population always, the PLZ table for point data."""
        lines = (attribution.BKG, POPULATION_SHORT)
        return (*lines, attribution.PLZ) if with_plz else lines

    def header_lines(self, title: str, with_plz: bool = False) -> list[str]:
        """The lines of the CSV header block and the XLSX "Quelle" sheet, in order."""
        lines = [f"aLA-Atlas: {title}", self.source_line, self.snapshot_line]
        lines += list(self.attributions(with_plz))
        if self.is_demo:
            lines.append(DEMO_NOTE)
        lines.append(f"Exportiert am {self.exported_on}")
        return lines

    def metadata(self, title: str, with_plz: bool = False) -> dict[str, Any]:
        """The same facts as key/value pairs (GeoJSON foreign members, GeoPackage metadata)."""
        meta: dict[str, Any] = {
            "title": title,
            "source": self.source_line,
            "snapshot_id": self.snapshot_id,
            "snapshot_date": self.taken_at,
            "origin": self.origin,
            "attribution": " | ".join(self.attributions(with_plz)),
            "exported_on": self.exported_on,
        }
        if self.base_snapshot_id is not None:
            meta["base_snapshot_id"] = self.base_snapshot_id
            meta["base_snapshot_date"] = self.base_taken_at
        if self.is_demo:
            meta["note"] = DEMO_NOTE
        return meta


def provenance_of(snapshot: dict[str, Any], base: dict[str, Any] | None = None) -> Provenance:
    """Build from `store.get_snapshot` dicts (`id`, `taken_at`, `origin`)."""
    return Provenance(
        snapshot_id=int(snapshot["id"]),
        taken_at=iso_date(snapshot["taken_at"]),
        origin=str(snapshot["origin"]),
        base_snapshot_id=int(base["id"]) if base else None,
        base_taken_at=iso_date(base["taken_at"]) if base else None,
        base_origin=str(base["origin"]) if base else None,
    )


def iso_date(value: Any) -> str:
    """"2022-12-01" from a date, datetime or ISO string."""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)[:10]


def german_date(iso: str) -> str:
    year, month, day = iso[:10].split("-")
    return f"{day}.{month}.{year}"
