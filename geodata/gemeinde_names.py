"""Find the BKG Gemeinde an Ort of the PLZ table names, within the Kreis the table lists it in.

Tried in order, each time accepting only a *unique* answer in that Kreis (never a guess):
1. "name": the full normalised name ("Altdorf b. Nürnberg" == "Altdorf bei Nürnberg");
2. "base name": names without "(…)", "/…", " - …" suffixes ("Adorf" for "Adorf/Vogtl.");
3. "first words": the Ort begins a longer Gemeinde name ("Gemünden" → "Gemünden (Wohra)");
4. "merged name": the Ort is one part of a hyphenated Gemeinde formed by a merger
   ("Bad Schlema" → "Aue-Bad Schlema"), or a Gemeinde is one part of the Ort's name
   ("Bad Colberg-Heldburg" → "Heldburg").
These rules never leave the table's Kreis: a same-named Gemeinde elsewhere in the Land is
almost always a different place (there are many "Rade", "Bucha", "Rohrbach"). The one exception,
applied by geodata.lookup with the geometry at hand, is a Gemeinde of exactly the Ort's name that
borders the table's Kreis: the Kreis border moved since the table (Kaltennordheim left the
Wartburgkreis in 2019). An Ort that merged into a differently named Gemeinde before 2021 finds
nothing; the caller falls back to the Kreis.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geodata.names import base, keys, parts

# Forests and lakes outside any municipality ("Helmstedt" is also a Forst). They are tried only
# by exact name and only after every Gemeinde failed: a few are inhabited (Osterheide, Lohheide)
# and the PLZ table lists them as Orte.
UNINHABITED_BEZ = "Gemeindefreies Gebiet"


@dataclass(frozen=True)
class GemeindeMatch:
    ags: str | None
    how: str  # "name", "base name", "first words", "merged name", or "" when none


@dataclass(frozen=True)
class _Entry:
    ags: str
    keys: tuple[str, ...]
    parts: tuple[str, ...]
    inhabited: bool


class GemeindeMatcher:
    def __init__(self, gemeinden: pd.DataFrame) -> None:
        # gemeinden: ags, name, bez, kreis_ars
        self._by_kreis: dict[str, list[_Entry]] = {}
        self._by_land_name: dict[tuple[str, str], list[tuple[str, str]]] = {}
        columns = ["ags", "name", "bez", "kreis_ars"]
        for ags, name, bez, kreis in gemeinden[columns].itertuples(index=False):
            entry = _Entry(ags, keys(name), tuple(parts(name)), bez != UNINHABITED_BEZ)
            self._by_kreis.setdefault(kreis, []).append(entry)
            if entry.inhabited:
                self._by_land_name.setdefault((kreis[:2], entry.keys[0]), []).append((ags, kreis))

    def same_name_elsewhere(self, ort: str, kreis_ars: str) -> list[str]:
        """AGS of the Gemeinden of the Land outside `kreis_ars` with exactly the Ort's name.

        Only a candidate list: most are different places of the same name. The caller accepts
        one only if it borders the table's Kreis (geodata.lookup).
        """
        found = self._by_land_name.get((kreis_ars[:2], keys(ort)[0]), [])
        return [ags for ags, kreis in found if kreis != kreis_ars]

    def match(self, ort: str, kreis_ars: str) -> GemeindeMatch:
        ort_keys = keys(ort)
        entries = self._by_kreis.get(kreis_ars, [])
        if not ort_keys[0] or not entries:
            return GemeindeMatch(None, "")
        short = base(ort)
        ort_parts = set(parts(ort)) - {""}
        # "first words" uses the name without "/…" or "(…)": "Berka/Werra" must not become
        # "Berka v.d. Hainich", a different place in the same Kreis.
        plain = "/" not in ort and "(" not in ort
        rules = (
            ("name", lambda e: e.keys[0] == ort_keys[0]),
            ("base name", lambda e: bool(set(e.keys) & set(ort_keys))),
            ("first words", lambda e: plain and e.keys[0].startswith(short + " ")),
            (
                "merged name",
                lambda e: (
                    (len(e.parts) > 1 and short in e.parts)
                    or (len(ort_parts) > 1 and e.keys[0] in ort_parts)
                ),
            ),
        )
        gemeinden = [entry for entry in entries if entry.inhabited]
        free_areas = [entry for entry in entries if not entry.inhabited]
        for candidates, tried in ((gemeinden, rules), (free_areas, rules[:2])):
            for how, accepts in tried:
                found = {entry.ags for entry in candidates if accepts(entry)}
                if len(found) == 1:
                    return GemeindeMatch(found.pop(), how)
                if len(found) > 1:
                    return GemeindeMatch(None, "")  # ambiguous in the Kreis: no guessing
        return GemeindeMatch(None, "")
