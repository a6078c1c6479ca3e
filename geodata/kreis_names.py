"""Map the PLZ table's Kreis column to BKG Kreis ARS.

The table names Landkreise ("Landkreis Konstanz", "Kreis Pinneberg", "Städteregion Aachen",
"Region Hannover", "Ostalbkreis") and leaves the column empty for kreisfreie Städte and the
city-states, where the Ort *is* the Kreis ("München", "Berlin", "Bremerhaven"). Names are
compared after normalisation within the row's Land; a name that does not map to exactly one
Kreis raises KreisNameError (the lookup then locates that row at its Land only). The tests check
that every name of the vendored table maps.
"""

from __future__ import annotations

import pandas as pd

from geodata.names import base, kreis_key

# BKG BEZ of Kreise that are a single town (the table leaves their Landkreis column empty).
URBAN_BEZ = frozenset({"Kreisfreie Stadt", "Stadtkreis"})


class KreisNameError(ValueError):
    """A Kreis name from the PLZ table that does not map to exactly one BKG Kreis."""


class KreisMatcher:
    """Resolves (landkreis, ort, land_code) from the PLZ table to a 5-digit Kreis ARS."""

    def __init__(self, kreise: pd.DataFrame) -> None:
        # kreise: code, name, bez, land_code (BKG, no geometry needed)
        self._index: dict[tuple[str, bool, str], set[str]] = {}
        for code, name, bez, land_code in kreise[["code", "name", "bez", "land_code"]].itertuples(
            index=False
        ):
            urban = bez in URBAN_BEZ
            for key in {kreis_key(name), kreis_key(base(name))}:
                if key:
                    self._index.setdefault((land_code, urban, key), set()).add(code)

    def _find(self, land_code: str, urban: bool, name: str) -> str:
        for key in (kreis_key(name), kreis_key(base(name))):
            codes = self._index.get((land_code, urban, key), set())
            if len(codes) == 1:
                return next(iter(codes))
        kind = "kreisfreie Stadt" if urban else "Landkreis"
        raise KreisNameError(f"no unique {kind} {name!r} in Land {land_code}")

    def ars(self, landkreis: str, ort: str, land_code: str) -> str:
        """The Kreis ARS a PLZ table row names (its Landkreis, or the Ort for kreisfreie Städte)."""
        if landkreis:
            return self._find(land_code, False, landkreis)
        return self._find(land_code, True, ort)
