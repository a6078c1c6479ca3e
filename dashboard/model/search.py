"""What a search for a PLZ, a place or a region name finds: regions (→ their profile) and
places (→ the "near me" view). Pure given the region and Gemeinde tables; the header's search
form lands on /suche, which goes straight to the one hit or lists several.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

MAX_HITS = 20
_GERMANY = {"de", "deutschland", "germany", "bund", "bundesweit"}


@dataclass(frozen=True)
class Hit:
    """One thing a search found: `path` is app-relative without the leading slash."""

    kind: str  # "region" | "place"
    label: str
    path: str


def search(
    query: str,
    laender: pd.DataFrame,
    kreise: pd.DataFrame,
    gemeinden: pd.DataFrame,
    plz_exists: Callable[[str], bool] = lambda plz: True,
) -> list[Hit]:
    """Hits for `query`: a 5-digit PLZ (a place, if `plz_exists`), an ARS or a name of a Land,
    Kreis or Gemeinde. Exact names first; only without an exact name, names that start with
    or contain the query. `laender`/`kreise`: `code, name, bez`; `gemeinden`: `ags, name,
    kreis_ars`."""
    text = " ".join(query.split())[:80]
    key = text.casefold()
    if not key:
        return []
    if key in _GERMANY:
        return [Hit("region", "Deutschland", "region/DE")]
    hits: list[Hit] = []
    if re.fullmatch(r"\d{5}", text):
        if plz_exists(text):
            hits.append(Hit("place", f"PLZ {text}", f"naehe?plz={text}"))
        hits += [_kreis_hit(row) for row in kreise[kreise["code"] == text].itertuples()]
        return hits
    if re.fullmatch(r"\d{2}", text):
        return [Hit("region", row.name, f"region/{row.code}")
                for row in laender[laender["code"] == text].itertuples()]
    kreis_names = dict(zip(kreise["code"], kreise["name"], strict=True))
    for matcher in (_exact, _prefix, _contains):
        hits = (
            [Hit("region", r.name, f"region/{r.code}") for r in laender[matcher(laender, key)]
             .itertuples()]
            + [_kreis_hit(r) for r in kreise[matcher(kreise, key)].itertuples()]
            + [Hit("place", f"{r.name} ({kreis_names.get(r.kreis_ars, '')})",
                   f"naehe?ort={r.ags}")
               for r in gemeinden[matcher(gemeinden, key)].itertuples()]
        )
        if hits:
            return hits[:MAX_HITS]
    return []


def _kreis_hit(row: object) -> Hit:
    return Hit("region", f"{row.bez} {row.name}", f"region/{row.code}")  # type: ignore[attr-defined]


def _exact(frame: pd.DataFrame, key: str) -> pd.Series:
    return frame["name"].str.casefold() == key


def _prefix(frame: pd.DataFrame, key: str) -> pd.Series:
    return frame["name"].str.casefold().str.startswith(key)


def _contains(frame: pd.DataFrame, key: str) -> pd.Series:
    return frame["name"].str.casefold().str.contains(key, regex=False)


def plz_exists(plz: str) -> bool:
    """Whether the geocoder knows `plz` (geodata.locate)."""
    import geodata

    try:
        geodata.locate(plz)
    except geodata.LocateError:
        return False
    return True
