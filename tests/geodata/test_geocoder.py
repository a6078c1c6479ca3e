"""locate / locate_many: happy paths, special Kreise, the choice among several Orte, bad input."""

from __future__ import annotations

import math

import geopandas as gpd
import pandas as pd
import pytest
from shapely import Point

import geodata
from geodata import LocateError, bkg, locate, locate_many
from geodata.paths import SOURCE_CRS

KEYS = {
    "plz", "city", "gemeinde_ags", "gemeinde", "kreis_ars", "kreis", "land_code", "land",
    "lon", "lat", "quality", "note",
}  # fmt: skip


def test_dresden_keeps_its_leading_zero_and_is_located_to_its_gemeinde():
    result = locate("01067")
    assert set(result) == KEYS
    assert result["plz"] == "01067"
    assert result["gemeinde_ags"] == "14612000" and result["gemeinde"] == "Dresden"
    assert result["kreis_ars"] == "14612" and result["land_code"] == "14"
    assert result["land"] == "Sachsen" and result["quality"] == "gemeinde"
    assert 13.6 < result["lon"] < 13.9 and 51.0 < result["lat"] < 51.2


@pytest.mark.parametrize(
    ("plz", "city", "kreis_ars", "land_code"),
    [
        ("10115", None, "11000", "11"),  # Berlin
        ("20095", "Hamburg", "02000", "02"),
        ("28195", "Bremen", "04011", "04"),
        ("27568", "Bremerhaven", "04012", "04"),  # the other Kreis of the Land Bremen
        ("30159", "Hannover", "03241", "03"),  # Region Hannover, not a kreisfreie Stadt
        ("52062", "Aachen", "05334", "05"),  # Städteregion Aachen
        ("66111", "Saarbrücken", "10041", "10"),  # Regionalverband Saarbrücken
        ("80331", "München", "09162", "09"),  # the city, not the Landkreis München (09184)
        ("78267", "Aach", "08335", "08"),  # Landkreis Konstanz
    ],
)
def test_city_states_and_special_kreise_get_their_official_codes(plz, city, kreis_ars, land_code):
    result = locate(plz, city)
    assert (result["kreis_ars"], result["land_code"]) == (kreis_ars, land_code)
    assert result["quality"] == "gemeinde"
    assert result["gemeinde_ags"].startswith(kreis_ars)


def test_the_kreis_name_and_land_name_come_with_the_codes():
    result = locate("25421", "Pinneberg")
    assert result["kreis"] == geodata.region_table("kreis").set_index("code").loc["01056", "name"]
    assert result["land"] == "Schleswig-Holstein"


def test_surrounding_whitespace_is_not_an_error():
    assert locate("  01067 \n", "  Dresden ") == {**locate("01067", "Dresden")}
    assert locate(" 01067 ")["plz"] == "01067"


def test_osm_spellings_meet_the_official_gemeinde_names():
    assert locate("90518", "Altdorf bei Nürnberg")["gemeinde"] == "Altdorf b. Nürnberg"
    assert locate("08626", "Adorf/Vogtland")["gemeinde"] == "Adorf/Vogtl."


def test_without_a_city_the_main_gemeinde_of_a_plz_is_chosen_and_the_note_says_so():
    result = locate("53518")  # Adenau and six villages; "Leimbach" exists many times elsewhere
    assert result["gemeinde"] == "Adenau"
    assert "covers 7 Orte" in result["note"] and "no Ort given, used Adenau" in result["note"]


def test_a_given_city_picks_its_row_among_the_orte_of_a_plz():
    chosen = locate("53518", "Wimbach")
    assert chosen["city"] == "Wimbach"
    assert chosen["gemeinde"] == "Wimbach" and chosen["gemeinde_ags"].startswith("07131")
    assert chosen["note"] == ""


def test_a_city_not_listed_for_the_plz_falls_back_to_the_default_and_says_so():
    result = locate("98701", "Erfurt")
    assert result["gemeinde"] == "Großbreitenbach"
    assert "'Erfurt' is not listed for PLZ 98701" in result["note"]


def test_an_ort_merged_away_is_located_to_its_kreis_not_guessed():
    result = locate("98701", "Altenfeld")  # merged into Großbreitenbach in 2019
    assert result["quality"] == "kreis"
    assert result["gemeinde_ags"] is None and result["gemeinde"] is None
    assert result["kreis_ars"] == "16070"
    assert "located at the Kreis" in result["note"]
    # The fallback point is the Kreis's representative point: inside the unsimplified Kreis.
    point = gpd.GeoSeries([Point(result["lon"], result["lat"])], crs="EPSG:4326").to_crs(SOURCE_CRS)
    kreis = bkg.kreise().set_index("code").geometry["16070"]
    assert kreis.contains(point.iloc[0])


@pytest.mark.parametrize(
    ("plz", "message"),
    [
        ("1067", "malformed PLZ '1067'"),
        ("ABCDE", "malformed PLZ 'ABCDE'"),
        ("", "PLZ is empty"),
        ("   ", "PLZ is empty"),
        ("00000", "PLZ 00000 does not exist"),
        ("99999", "PLZ 99999 is not in the PLZ table"),
        ("0106 7", "malformed PLZ"),
        (1067, "must be a 5-character string"),
        (None, "must be a 5-character string"),
    ],
)
def test_malformed_or_unknown_plz_raise_locate_error_with_a_clear_message(plz, message):
    with pytest.raises(LocateError, match=message):
        locate(plz)


def test_locate_error_is_a_value_error():
    assert issubclass(LocateError, ValueError)


def test_locate_many_keeps_the_index_and_marks_bad_rows_without_raising():
    frame = pd.DataFrame(
        {
            "plz": ["01067", "1067", None, "27568", "99999", 52062, " 10115 "],
            "city": ["Dresden", "Dresden", "Berlin", "Bremerhaven", None, "Aachen", float("nan")],
            "name": list("abcdefg"),
        },
        index=[10, 11, 12, 13, 14, 15, 16],
    )
    out = locate_many(frame)
    assert out.index.tolist() == frame.index.tolist()
    assert out["name"].tolist() == frame["name"].tolist()  # the input columns stay
    assert out["geocode_quality"].tolist() == [
        "gemeinde", "none", "none", "gemeinde", "none", "none", "gemeinde",
    ]  # fmt: skip
    assert out.loc[13, "kreis_ars"] == "04012"
    assert out.loc[16, "kreis_ars"] == "11000"
    assert "malformed PLZ '1067'" in out.loc[11, "geocode_note"]
    assert "not in the PLZ table" in out.loc[14, "geocode_note"]
    assert "5-character string" in out.loc[15, "geocode_note"]
    for column in ["gemeinde_ags", "kreis_ars", "land_code"]:
        assert pd.isna(out.loc[11, column])
    assert math.isnan(out.loc[12, "lon"])


def test_locate_many_agrees_with_locate_row_by_row():
    frame = pd.DataFrame(
        {"zip": ["01067", "98701", "98701", "22929"], "ort": [None, None, "Altenfeld", "Köthel"]}
    )
    out = locate_many(frame, plz_col="zip", city_col="ort")
    for row, (_, located) in zip(frame.itertuples(), out.iterrows(), strict=True):
        one = locate(row.zip, row.ort)
        assert located["kreis_ars"] == one["kreis_ars"]
        assert located["gemeinde_ags"] == one["gemeinde_ags"] or one["gemeinde_ags"] is None
        assert located["geocode_quality"] == one["quality"]
        assert located["geocode_note"] == one["note"]


def test_a_missing_city_of_any_kind_counts_as_no_city():
    frame = pd.DataFrame({"plz": ["53518"] * 4, "city": [None, float("nan"), pd.NA, "  "]})
    out = locate_many(frame.astype(object))
    assert out["gemeinde"].tolist() == ["Adenau"] * 4
    assert out["geocode_note"].str.contains("no Ort given").all()


def test_locate_many_without_a_city_column_uses_the_plz_alone():
    out = locate_many(pd.DataFrame({"plz": ["01067"]}))
    assert out.loc[0, "gemeinde"] == "Dresden"


def test_locate_many_needs_the_plz_column():
    with pytest.raises(KeyError, match="no column 'postcode'"):
        locate_many(pd.DataFrame({"plz": ["01067"]}), plz_col="postcode")


def test_locate_many_on_an_empty_frame_returns_the_result_columns():
    out = locate_many(pd.DataFrame({"plz": pd.Series([], dtype=str)}))
    assert len(out) == 0
    assert {"kreis_ars", "geocode_quality", "geocode_note", "lon"} <= set(out.columns)


def test_an_ort_whose_kreis_border_moved_is_found_just_across_it():
    # Kaltennordheim left the Wartburgkreis (16063, as the 2019 table says) in 2019.
    result = locate("36452", "Kaltennordheim")
    assert result["gemeinde_ags"] == "16066095" and result["kreis_ars"] == "16066"
    assert "across the Kreis border" in result["note"]


def test_a_same_named_gemeinde_further_away_is_not_taken():
    # Bucha in PLZ 07389 (Saale-Orla-Kreis) merged away; the Bucha near Jena is 13 km from it.
    result = locate("07389", "Bucha")
    assert result["quality"] == "kreis" and result["kreis_ars"] == "16075"
    assert result["gemeinde_ags"] is None
