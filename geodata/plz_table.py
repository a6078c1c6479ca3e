"""The PLZ → Ort → Landkreis → Bundesland table (OSM via suche-postleitzahl.org, 2019)."""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from geodata.errors import LocateError
from geodata.laender import LAND_CODES
from geodata.paths import PLZ_TABLE

_PLZ = re.compile(r"\d{5}")


def clean_plz(value: object) -> str:
    """The 5-digit PLZ as a string; surrounding whitespace is dropped, anything else is an error.

    An int (1067) is refused on purpose: it has already lost its leading zero.
    """
    if not isinstance(value, str):
        raise LocateError(f"PLZ must be a 5-character string, got {type(value).__name__} {value!r}")
    plz = value.strip()
    if not plz:
        raise LocateError("PLZ is empty")
    if not _PLZ.fullmatch(plz):
        raise LocateError(f"malformed PLZ {plz!r}: expected exactly 5 digits, e.g. '01067'")
    if plz.startswith("00"):
        raise LocateError(f"PLZ {plz} does not exist: German PLZ start at 01")
    return plz


@lru_cache(maxsize=1)
def _table() -> pd.DataFrame:
    table = pd.read_csv(PLZ_TABLE, dtype=str, keep_default_na=False)
    table = table[["osm_id", "ort", "plz", "landkreis", "bundesland"]].copy()
    for column in table.columns:
        table[column] = table[column].str.strip()
    bad_plz = table.loc[~table["plz"].str.fullmatch(r"\d{5}"), "plz"]
    if not bad_plz.empty:
        raise ValueError(f"{PLZ_TABLE.name}: malformed PLZ {sorted(bad_plz)[:5]}")
    unknown_land = sorted(set(table["bundesland"]) - set(LAND_CODES))
    if unknown_land:
        raise ValueError(f"{PLZ_TABLE.name}: unknown Bundesland {unknown_land}")
    table["land_code"] = table["bundesland"].map(LAND_CODES)
    return table.reset_index(drop=True)


def plz_table() -> pd.DataFrame:
    """Every row: osm_id, ort, plz, landkreis ('' for kreisfreie Städte), bundesland, land_code."""
    return _table().copy()
