"""PLZ (+ Ort) → Gemeinde, Kreis, Land: `locate` for one address, `locate_many` for a frame.

Both answer from the lookup built once per process (geodata.lookup): each PLZ table row is
resolved in bulk ahead of time, so a query is a dictionary lookup.

Which row answers a query:
- the PLZ's row whose Ort matches the given city after normalisation;
- otherwise (no city, or a city not listed for that PLZ) the PLZ's default row: located to a
  Gemeinde first, then the Gemeinde with the most PLZ in the table, then the largest by area,
  then alphabetical order (geodata.lookup._preference).
  The `note` says so whenever the PLZ has several Orte or the city did not match.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from geodata.errors import LocateError
from geodata.lookup import Lookup, get_lookup
from geodata.names import keys
from geodata.plz_table import clean_plz

MANY_COLUMNS = {
    "gemeinde_ags": "gemeinde_ags", "gemeinde": "gemeinde", "kreis_ars": "kreis_ars",
    "kreis": "kreis", "land_code": "land_code", "land": "land", "lon": "lon", "lat": "lat",
    "quality": "geocode_quality", "note": "geocode_note",
}  # fmt: skip


def _clean_city(city: object) -> str | None:
    """The city as text, or None when missing (None, NaN, pd.NA, blank)."""
    if city is None or (
        not isinstance(city, str) and pd.api.types.is_scalar(city) and pd.isna(city)
    ):
        return None
    text = str(city).strip()
    return text or None


def _orte(lookup: Lookup, positions: tuple[int, ...]) -> list[str]:
    return list(dict.fromkeys(lookup.rows["ort"].iat[p] for p in positions))


def _same_name_note(lookup: Lookup, plz: str, positions: tuple[int, ...]) -> str:
    kreise = list(dict.fromkeys(lookup.rows["table_kreis_ars"].iat[p] for p in positions))
    if len(kreise) < 2:
        return ""
    ort = lookup.rows["ort"].iat[positions[0]]
    return (
        f"PLZ {plz} lists an Ort {ort} in {len(kreise)} Kreise ({', '.join(kreise)}); "
        f"used the one in {kreise[0]}"
    )


def _resolve(lookup: Lookup, plz_value: object, city: str | None) -> tuple[str, int, str]:
    """(clean PLZ, row position, note about the choice). Raises LocateError."""
    plz = clean_plz(plz_value)
    positions = lookup.by_plz.get(plz)
    if positions is None:
        raise LocateError(f"PLZ {plz} is not in the PLZ table (OpenStreetMap, 2019)")
    if city:
        for key in keys(city):
            matching = lookup.by_plz_ort.get((plz, key))
            if matching:
                return plz, matching[0], _same_name_note(lookup, plz, matching)
    orte = sorted(_orte(lookup, positions))
    listed = ", ".join(orte)
    chosen = lookup.rows["ort"].iat[positions[0]]
    if city:
        note = f"Ort {city!r} is not listed for PLZ {plz} ({listed}); used {chosen}"
        return plz, positions[0], note
    if len(orte) > 1:
        rule = "the Gemeinde with the most PLZ, then the largest"
        note = f"PLZ {plz} covers {len(orte)} Orte ({listed}); no Ort given, used {chosen} ({rule})"
        return plz, positions[0], note
    return plz, positions[0], ""


def _join_notes(*notes: str) -> str:
    return "; ".join(note for note in notes if note)


def _plain(value: object) -> object:
    """numpy/pandas scalars → JSON-able Python values (NaN → None)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def locate(plz: str, city: str | None = None) -> dict:
    """Locate one PLZ (and optional Ort).

    Returns plz, city, gemeinde_ags, gemeinde, kreis_ars, kreis, land_code, land, lon, lat,
    quality ("gemeinde" | "kreis" | "land") and note. Raises LocateError for a malformed PLZ
    or one that is not in the PLZ table.
    """
    clean_plz(plz)  # a malformed PLZ fails before the lookup is built
    lookup = get_lookup()
    city = _clean_city(city)
    clean, position, choice_note = _resolve(lookup, plz, city)
    row = lookup.rows.iloc[position]
    result = {"plz": clean, "city": city}
    for column in MANY_COLUMNS:
        result[column] = _plain(row[column])
    result["note"] = _join_notes(choice_note, row["note"])
    return result


def locate_many(df: pd.DataFrame, plz_col: str = "plz", city_col: str = "city") -> pd.DataFrame:
    """A copy of `df` (same index) with gemeinde_ags, gemeinde, kreis_ars, kreis, land_code, land,
    lon, lat, geocode_quality, geocode_note. Never raises for a bad row: its geocode_quality is
    "none" and geocode_note gives the reason.
    """
    if plz_col not in df.columns:
        raise KeyError(f"locate_many: no column {plz_col!r} in the frame")
    lookup = get_lookup()
    cities = df[city_col].tolist() if city_col in df.columns else [None] * len(df)
    positions: list[int] = []
    notes: list[str] = []
    for plz, city in zip(df[plz_col].tolist(), cities, strict=True):
        try:
            _, position, note = _resolve(lookup, plz, _clean_city(city))
        except LocateError as error:
            position, note = -1, str(error)
        positions.append(position)
        notes.append(note)

    found = np.array(positions) >= 0
    picked = lookup.rows.iloc[np.where(found, positions, 0)].reset_index(drop=True)
    picked = picked.where(pd.Series(found), None)  # bad rows: every result column empty
    out = df.copy()
    for column, target in MANY_COLUMNS.items():
        out[target] = picked[column].to_numpy()
    out["lon"] = out["lon"].astype("float64")
    out["lat"] = out["lat"].astype("float64")
    out["geocode_quality"] = np.where(found, out["geocode_quality"], "none")
    out["geocode_note"] = [
        _join_notes(note, row_note if ok else "")
        for note, row_note, ok in zip(notes, picked["note"], found, strict=True)
    ]
    return out
