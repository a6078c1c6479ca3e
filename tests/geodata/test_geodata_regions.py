"""The region loaders and constants other packages import."""

from __future__ import annotations

import pytest

import geodata
from geodata import bkg

COLUMNS = ["code", "name", "bez", "land_code", "land", "population", "population_as_of"]


@pytest.mark.parametrize(("level", "rows", "code_length"), [("land", 16, 2), ("kreis", 401, 5)])
def test_load_regions_gives_sorted_string_codes_population_and_wgs84_shapes(
    level, rows, code_length
):
    regions = geodata.load_regions(level)
    assert list(regions.columns) == [*COLUMNS, "geometry"]
    assert len(regions) == rows
    assert regions.crs.to_epsg() == 4326
    assert regions["code"].tolist() == sorted(regions["code"])
    assert all(isinstance(code, str) and len(code) == code_length for code in regions["code"])
    assert (regions["population"] > 0).all()
    assert regions["land"].tolist() == regions["land_code"].map(geodata.LAENDER).tolist()


@pytest.mark.parametrize("level", ["land", "kreis"])
def test_region_table_is_load_regions_without_geometry(level):
    table = geodata.region_table(level)
    assert list(table.columns) == COLUMNS
    regions = geodata.load_regions(level)
    assert table.equals(regions.drop(columns="geometry").astype(table.dtypes.to_dict()))


def test_an_unknown_level_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="level must be 'land' or 'kreis'"):
        geodata.load_regions("gemeinde")


def test_special_kreise_have_their_official_codes():
    kreise = geodata.region_table("kreis").set_index("code")["name"]
    assert kreise["11000"] == "Berlin"
    assert kreise["02000"] == "Hamburg"
    assert kreise["04011"] == "Bremen" and kreise["04012"] == "Bremerhaven"
    assert kreise["03241"] == "Region Hannover"
    assert kreise["05334"] == "Städteregion Aachen"
    assert kreise["10041"] == "Regionalverband Saarbrücken"


def test_laender_constant_matches_the_bkg_names():
    assert geodata.LAENDER == dict(zip(bkg.laender()["code"], bkg.laender()["name"], strict=True))
    assert geodata.LAENDER["01"] == "Schleswig-Holstein"


def test_a_land_population_is_the_sum_of_its_kreise():
    kreise = geodata.region_table("kreis")
    laender = geodata.region_table("land").set_index("code")["population"]
    assert laender["09"] == kreise.loc[kreise["land_code"] == "09", "population"].sum()
    assert laender.sum() == 83_166_711


def test_load_gemeinden_gives_one_point_per_gemeinde_with_its_kreis():
    gemeinden = geodata.load_gemeinden()
    assert {"ags", "name", "kreis_ars", "land_code", "lon", "lat"} <= set(gemeinden.columns)
    dresden = gemeinden.set_index("ags").loc["14612000"]
    assert dresden["name"] == "Dresden" and dresden["kreis_ars"] == "14612"
    assert 5.8 < gemeinden["lon"].min() and gemeinden["lon"].max() < 15.1
    assert 47.2 < gemeinden["lat"].min() and gemeinden["lat"].max() < 55.1


def test_published_counts_are_typed_and_dated():
    counts = geodata.published_counts()
    assert list(counts.columns) == ["as_of", "category", "region", "count", "source"]
    ala = counts[counts["category"] == "ala"].set_index("as_of")["count"]
    assert ala.to_dict() == {"2021-11-30": 60, "2022-01-31": 67, "2022-12-01": 88}
    assert counts["source"].str.len().gt(10).all()


def test_attribution_lines_are_the_licence_texts():
    assert geodata.attribution.BKG == "© GeoBasis-DE / BKG 2021 (Daten verändert)"
    assert geodata.attribution.BKG_URL.startswith("https://www.bkg.bund.de")
    assert "Destatis" in geodata.attribution.POPULATION
    assert geodata.attribution.PLZ == "PLZ-Zuordnung: © OpenStreetMap-Mitwirkende (ODbL)"
    assert geodata.attribution.POPULATION_AS_OF == "2019-12-31"
