"""Resolving PLZ table rows, including rows the vendored table does not have (fallbacks)."""

from __future__ import annotations

import pandas as pd

from geodata.lookup import resolve_rows


def _table(rows: list[tuple[str, str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["ort", "plz", "landkreis", "bundesland", "land_code"])


def test_each_row_falls_back_one_level_at_a_time_and_never_guesses():
    resolved = resolve_rows(
        _table(
            [
                ("Aach", "78267", "Landkreis Konstanz", "Baden-Württemberg", "08"),
                ("Nirgendwo", "78267", "Landkreis Konstanz", "Baden-Württemberg", "08"),
                ("Atlantis", "80000", "Landkreis Atlantis", "Bayern", "09"),
                ("Entenhausen", "80001", "", "Bayern", "09"),  # no such kreisfreie Stadt
            ]
        )
    ).set_index("ort")
    assert resolved.loc["Aach", "quality"] == "gemeinde"
    assert resolved.loc["Aach", "gemeinde_ags"] == "08335001"

    kreis_only = resolved.loc["Nirgendwo"]
    assert kreis_only["quality"] == "kreis" and kreis_only["kreis_ars"] == "08335"
    assert pd.isna(kreis_only["gemeinde_ags"])
    assert "located at the Kreis" in kreis_only["note"]

    for ort in ["Atlantis", "Entenhausen"]:
        land_only = resolved.loc[ort]
        assert land_only["quality"] == "land"
        assert land_only["land_code"] == "09" and land_only["land"] == "Bayern"
        assert pd.isna(land_only["kreis_ars"]) and pd.isna(land_only["gemeinde_ags"])
        assert "located at the Land" in land_only["note"]
        assert 8.9 < land_only["lon"] < 13.9 and 47.2 < land_only["lat"] < 50.6


def test_a_kreisfreie_stadt_is_found_by_its_ort_when_the_landkreis_is_empty():
    resolved = resolve_rows(_table([("Bremerhaven", "27568", "", "Bremen", "04")]))
    assert resolved.loc[0, "table_kreis_ars"] == "04012"
    assert resolved.loc[0, "kreis_ars"] == "04012"
