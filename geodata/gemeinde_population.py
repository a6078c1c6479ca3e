"""Population per VG5000 2021 Gemeinde (31.12.2019), derived from the Destatis GV extract.

The extract (`raw/population/gemeinden/`) is on the territorial status of 31.12.2020; BKG's
VG5000 is on 01.01.2021. Most ARS match directly; the municipal changes of 01.01.2021 are
listed below (as SOURCE.md describes them) and applied in code. Any inhabited GV row left
without a VG5000 Gemeinde is an error, never silently dropped. The check table beside the
extract is only for tests; this module never reads it.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from geodata.paths import GV_EXTRACT
from geodata.regions import load_gemeinden

# GV ARS (31.12.2020) → VG5000 ARS (01.01.2021), each with the reason.
CHANGES_2021: dict[str, tuple[str, str]] = {
    "071325010074": ("071325010502", "Neitersen, merged with Obernau into the new Neitersen"),
    "071325010084": ("071325010502", "Obernau, merged into Neitersen"),
    "160655002023": ("160650089089", "Greußen, merged with Großenehrich and Wolferschwenda"),
    "160655002084": ("160650089089", "Großenehrich, merged into Greußen"),
    "160655052082": ("160650089089", "Wolferschwenda, merged into Greußen"),
    "160685006034": ("160680034034", "Kölleda: same AGS, new ARS"),
    "120735310505": (
        "120730532532",
        "gemeindefreies Gebiet Schöneberg (803 people), inside Schwedt/Oder by its coordinates",
    ),
}


def _count(text: pd.Series) -> pd.Series:
    """' 90 164' → 90164 (Destatis writes a space as thousands separator)."""
    return text.fillna("0").str.replace(" ", "", regex=False).replace("", "0").astype("int64")


@lru_cache(maxsize=1)
def _gv_rows() -> pd.DataFrame:
    raw = pd.read_csv(GV_EXTRACT, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    rows = raw[raw["satzart"] == "60"]
    ars = rows["land"] + rows["rb"] + rows["kreis"] + rows["vb"] + rows["gemeinde"]
    return pd.DataFrame(
        {"gv_ars": ars.to_numpy(), "name": rows["gemeindename"].to_numpy(),
         "population": _count(rows["bevoelkerung"]).to_numpy()}
    )  # fmt: skip


@lru_cache(maxsize=1)
def _gemeinde_population() -> pd.Series:
    gv = _gv_rows()
    vg_ars = load_gemeinden()["ars"]
    target = gv["gv_ars"].map(lambda a: CHANGES_2021.get(a, (a, ""))[0])
    known = target.isin(set(vg_ars))
    lost = gv[~known & (gv["population"] > 0)]
    if len(lost):
        sample = ", ".join(lost["gv_ars"].head(3))
        raise ValueError(f"{len(lost)} inhabited GV rows match no VG5000 Gemeinde, e.g. {sample}")
    summed = gv["population"][known].groupby(target[known]).sum()
    missing = set(vg_ars) - set(summed.index)
    if missing:
        raise ValueError(f"{len(missing)} VG5000 Gemeinden have no GV row, e.g. {min(missing)}")
    return summed.reindex(vg_ars.to_numpy()).astype("int64").rename("population")


def gemeinde_population() -> pd.Series:
    """Population (int64, 31.12.2019) indexed by the 12-digit ARS of every VG5000 2021
    Gemeinde, in load_gemeinden() order."""
    return _gemeinde_population().copy()
