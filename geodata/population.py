"""Population per Kreis (Destatis, 31.12.2019); a Land's population is the sum of its Kreise."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from geodata.attribution import POPULATION_AS_OF
from geodata.paths import POPULATION_TABLE

GERMANY_2019 = 83_166_711


@lru_cache(maxsize=1)
def _kreis_population() -> pd.Series:
    table = pd.read_csv(POPULATION_TABLE, dtype={"ars": str, "as_of": str})
    if set(table["as_of"]) != {POPULATION_AS_OF}:
        raise ValueError(f"{POPULATION_TABLE.name}: expected every row as of {POPULATION_AS_OF}")
    if table["ars"].duplicated().any():
        raise ValueError(f"{POPULATION_TABLE.name}: duplicate ARS")
    return table.set_index("ars")["population"].astype("int64")


def kreis_population() -> pd.Series:
    """Population by 5-digit Kreis ARS (int64), as of POPULATION_AS_OF."""
    return _kreis_population().copy()


def land_population() -> pd.Series:
    """Population by 2-digit Land code: the sum of the Land's Kreise."""
    per_kreis = _kreis_population()
    return per_kreis.groupby(per_kreis.index.str[:2]).sum().astype("int64")
