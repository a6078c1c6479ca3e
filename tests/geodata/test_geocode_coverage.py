"""The geocoder over every row of the PLZ table: coverage figures and the Kreis disagreements."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geodata import bkg
from geodata.coverage import coverage, kreis_disagreements, locate_table
from geodata.kreis_names import KreisMatcher
from geodata.plz_table import plz_table

FIXTURE = Path(__file__).parent / "fixtures" / "kreis_disagreements.csv"


@pytest.fixture(scope="module")
def located() -> pd.DataFrame:
    return locate_table()


def test_every_kreis_name_of_the_plz_table_maps_to_exactly_one_bkg_kreis():
    matcher = KreisMatcher(bkg.kreise())
    table = plz_table()
    pairs = table[["landkreis", "ort", "land_code"]].drop_duplicates()
    codes = {matcher.ars(*pair) for pair in pairs.itertuples(index=False)}
    assert codes <= set(bkg.kreise()["code"])
    assert len(codes) == 401  # the table reaches every Kreis


def test_every_row_is_located_at_least_to_its_kreis(located):
    figures = coverage(located)
    assert figures["rows"] == 13_108
    assert figures["none"] == 0 and figures["land_only"] == 0
    assert figures["at_least_kreis_share"] == 1.0


def test_at_least_98_percent_of_rows_are_located_to_a_gemeinde(located):
    assert coverage(located)["gemeinde_share"] >= 0.98


def test_the_joined_kreis_agrees_with_the_table_for_at_least_99_percent(located):
    assert coverage(located)["kreis_agrees_share"] >= 0.99


def test_the_kreis_disagreements_are_exactly_the_recorded_ones(located):
    expected = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)
    found = kreis_disagreements(located).astype(str)
    assert found.to_dict("records") == expected.to_dict("records")


def test_the_joined_land_is_the_land_the_table_names(located):
    from geodata.laender import LAND_CODES

    assert (located["land_code"] == located["bundesland"].map(LAND_CODES)).all()


def test_a_gemeinde_result_lies_in_the_kreis_its_own_ars_names(located):
    gemeinde = located[located["geocode_quality"] == "gemeinde"]
    assert (gemeinde["gemeinde_ags"].str[:5] == gemeinde["kreis_ars"]).all()
