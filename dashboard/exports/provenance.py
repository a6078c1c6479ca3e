"""Where exported numbers come from: source, snapshot, dates and the attribution lines.

Every export carries these (on the image, in the CSV's last column "Quellenangabe" on every
row, in the XLSX "Quelle" sheet, in GeoJSON/GeoPackage metadata) so a published figure can be
traced back to a snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dashboard.exports.texts import TEXTS, date_label, xt
from geodata import attribution

# German constants other modules import (the data API's CSV/GeoJSON provenance)
DEMO_MARK = xt("demo.mark", "de")
DEMO_NOTE = xt("demo.note", "de")


@dataclass(frozen=True)
class Provenance:
    """One snapshot (and, for comparisons, the older one it is compared with)."""

    snapshot_id: int
    taken_at: str  # ISO date, "2022-12-01"
    origin: str  # live | replay | demo | import
    base_snapshot_id: int | None = None
    base_taken_at: str | None = None
    base_origin: str | None = None
    exported_on: str = field(default_factory=lambda: date.today().isoformat())
    lang: str = "de"
    # what the file holds beyond the page's default view (rows and columns as the user
    # arranged the grid, what a total row covers): header lines after the title
    notes: tuple[str, ...] = ()
    # the list's name when the snapshot is an imported list (origin "import")
    source_name: str | None = None
    # licence lines of further sources the view drew on (the road network of car times),
    # printed with the boundaries' and the population's, on images too
    more_attributions: tuple[str, ...] = ()

    @property
    def is_demo(self) -> bool:
        return self.origin == "demo" or self.base_origin == "demo"

    @property
    def is_comparison(self) -> bool:
        return self.base_snapshot_id is not None

    @property
    def date_label(self) -> str:
        """"01.12.2022", or "14.11.2021 → 01.12.2022" for a comparison ("1 Dec 2022" in English)."""
        if self.base_taken_at:
            older = date_label(self.base_taken_at, self.lang)
            return f"{older} → {date_label(self.taken_at, self.lang)}"
        return date_label(self.taken_at, self.lang)

    @property
    def source_line(self) -> str:
        if self.origin == "import":
            return xt("source.import", self.lang, name=self.source_name or "?",
                      date=self.date_label)
        return xt("source", self.lang, date=self.date_label)

    @property
    def demo_mark(self) -> str:
        return xt("demo.mark", self.lang)

    def _snapshot(self, snapshot_id: int, taken_at: str, origin: str | None) -> str:
        """"Datenstand 3 vom 01.12.2022, Beispieldaten" in the file's own language."""
        key = f"origin.{origin}"
        words = xt(key, self.lang) if key in TEXTS["de"] else str(origin)
        return xt("snapshot", self.lang, id=snapshot_id, date=date_label(taken_at, self.lang),
                  origin=words)

    @property
    def snapshot_line(self) -> str:
        newer = self._snapshot(self.snapshot_id, self.taken_at, self.origin)
        if self.base_snapshot_id is None or self.base_taken_at is None:
            return newer
        older = self._snapshot(self.base_snapshot_id, self.base_taken_at, self.base_origin)
        return f"{older} → {newer}"

    def attributions(self, with_plz: bool = False) -> tuple[str, ...]:
        """Licence lines: boundaries and population always, the PLZ table for point data,
        then the view's further sources."""
        lines = (attribution.BKG, xt("population", self.lang))
        lines = (*lines, attribution.PLZ) if with_plz else lines
        return (*lines, *self.more_attributions)

    def header_lines(self, title: str, with_plz: bool = False) -> list[str]:
        """The lines of the CSV header block and the XLSX "Quelle" sheet, in order."""
        lines = [f"aLA-Atlas: {title}", *self.notes, self.source_line, self.snapshot_line]
        lines += list(self.attributions(with_plz))
        if self.is_demo:
            lines.append(xt("demo.note", self.lang))
        lines.append(xt("exported", self.lang, date=date_label(self.exported_on, self.lang)))
        return lines

    @property
    def column_name(self) -> str:
        """The CSV column that carries the provenance on every row ("Quellenangabe")."""
        return xt("provenance.column", self.lang)

    def cell(self, with_plz: bool = False) -> str:
        """The provenance as one cell of a CSV row: what the file holds beyond the page's
        default view, source and date, snapshot, licences, the demo note and the export
        date, joined by " | ". The title is the file's name."""
        lines = [*self.notes, self.source_line, self.snapshot_line,
                 *self.attributions(with_plz)]
        if self.is_demo:
            lines.append(xt("demo.note", self.lang))
        lines.append(xt("exported", self.lang, date=date_label(self.exported_on, self.lang)))
        return " | ".join(lines)

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
            meta["note"] = xt("demo.note", self.lang)
        if self.notes:
            meta["selection"] = " | ".join(self.notes)
        return meta


def provenance_of(
    snapshot: dict[str, Any], base: dict[str, Any] | None = None, lang: str = "de"
) -> Provenance:
    """Build from `store.get_snapshot` dicts (`id`, `taken_at`, `origin`)."""
    return Provenance(
        snapshot_id=int(snapshot["id"]),
        taken_at=iso_date(snapshot["taken_at"]),
        origin=str(snapshot["origin"]),
        base_snapshot_id=int(base["id"]) if base else None,
        base_taken_at=iso_date(base["taken_at"]) if base else None,
        base_origin=str(base["origin"]) if base else None,
        lang=lang,
        source_name=snapshot.get("source") if snapshot.get("origin") == "import" else None,
    )


def iso_date(value: Any) -> str:
    """"2022-12-01" from a date, datetime or ISO string."""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)[:10]
