"""The item the scraper produces: one listed provider in one category."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

CATEGORIES: tuple[str, ...] = ("ala", "wfbm", "ib")

# The three services the Budget für Arbeit / WfbM world distinguishes, in their usual order.
SERVICES: tuple[str, ...] = ("Eingangsverfahren", "Berufsbildungsbereich", "Arbeitsbereich")


@dataclass(frozen=True)
class Provider:
    """One organisation as REHADAT lists it in one category.

    Never holds a private person's name: contact-person lines are dropped by the parser.
    ``plz`` is always a 5-character string ("01067"), never an int.
    """

    category: str
    source_id: str
    name: str
    plz: str
    city: str
    operator: str | None = None
    street: str | None = None
    land_listed: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    services: tuple[str, ...] = field(default_factory=tuple)
    source_url: str | None = None

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"category must be one of {CATEGORIES}, got {self.category!r}")
        if not isinstance(self.plz, str):
            raise TypeError(f"plz must be a str, got {type(self.plz).__name__}")
        # Accept lists from JSON but keep the record hashable.
        if not isinstance(self.services, tuple):
            object.__setattr__(self, "services", tuple(self.services))

    def to_dict(self) -> dict[str, Any]:
        """JSON-able values; services as a list."""
        data = asdict(self)
        data["services"] = list(self.services)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Provider:
        """Inverse of :meth:`to_dict` (unknown keys are an error, not ignored)."""
        return cls(**{**data, "services": tuple(data.get("services") or ())})


def fallback_source_id(category: str, name: str, plz: str, street: str | None) -> str:
    """A stable id for an entry without REHADAT's record id.

    Built from what identifies the provider on the page, so the same entry gets the
    same id in every snapshot; ``hash:`` marks it as ours, not REHADAT's.
    """
    key = "\x1f".join([category, name.strip().casefold(), plz.strip(), (street or "").strip()])
    return "hash:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
