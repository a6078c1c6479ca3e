"""How well the geocoder covers the PLZ table: the figures the README and tests quote.

Every row of the PLZ table is located with its own Ort as the city (the real `locate_many` path),
and the Kreis the spatial join gives is compared with the Kreis the table names.
"""

from __future__ import annotations

import pandas as pd

from geodata.geocoder import locate_many
from geodata.lookup import get_lookup

DISAGREEMENT_COLUMNS = ["plz", "ort", "table_kreis", "joined_kreis", "reason"]


def locate_table() -> pd.DataFrame:
    """The PLZ table (plz, ort, landkreis, table_kreis_ars) with locate_many's columns added."""
    rows = get_lookup().rows[["plz", "ort", "landkreis", "bundesland", "table_kreis_ars"]]
    return locate_many(rows, plz_col="plz", city_col="ort")


def _reason(row, kreise_per_plz_ort: pd.Series) -> str:
    if row.geocode_quality == "none":
        return f"not located: {row.geocode_note}"
    kreise = kreise_per_plz_ort.get((row.plz, row.ort), ())
    if len(kreise) > 1:
        return (
            f"the table lists Ort {row.ort} under PLZ {row.plz} in {len(kreise)} Kreise "
            f"({' and '.join(kreise)}): two Gemeinden of that name; PLZ + Ort cannot tell them "
            "apart, so both rows get the preferred one"
        )
    if row.gemeinde_ags and row.gemeinde_ags[:5] == row.kreis_ars:
        return (
            f"Gemeinde {row.gemeinde} ({row.gemeinde_ags}) lies outside the table's Kreis; "
            f"{row.geocode_note}"
        )
    return f"point of {row.gemeinde or row.kreis} joined to another Kreis than its ARS names"


def kreis_disagreements(located: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rows whose spatially joined Kreis differs from the table's Landkreis, with a reason."""
    located = locate_table() if located is None else located
    differ = located[located["kreis_ars"] != located["table_kreis_ars"]]
    kreise_per_plz_ort = located.groupby(["plz", "ort"])["table_kreis_ars"].agg(
        lambda codes: tuple(sorted(set(codes)))
    )
    return pd.DataFrame(
        {
            "plz": differ["plz"],
            "ort": differ["ort"],
            "table_kreis": differ["table_kreis_ars"],
            "joined_kreis": differ["kreis_ars"].fillna(""),
            "reason": [_reason(row, kreise_per_plz_ort) for row in differ.itertuples(index=False)],
        },
        columns=DISAGREEMENT_COLUMNS,
    ).sort_values(["plz", "ort"], ignore_index=True)


def coverage(located: pd.DataFrame | None = None) -> dict[str, float | int]:
    """Share of PLZ table rows located at least to Kreis, to Gemeinde, and in the table's Kreis."""
    located = locate_table() if located is None else located
    rows = len(located)
    quality = located["geocode_quality"]
    return {
        "rows": rows,
        "gemeinde": int((quality == "gemeinde").sum()),
        "kreis_only": int((quality == "kreis").sum()),
        "land_only": int((quality == "land").sum()),
        "none": int((quality == "none").sum()),
        "at_least_kreis_share": float(quality.isin(["gemeinde", "kreis"]).mean()),
        "gemeinde_share": float((quality == "gemeinde").mean()),
        "kreis_agrees_share": float((located["kreis_ars"] == located["table_kreis_ars"]).mean()),
        "kreis_disagreements": int((located["kreis_ars"] != located["table_kreis_ars"]).sum()),
    }
