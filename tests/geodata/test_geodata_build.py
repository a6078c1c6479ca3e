"""The build step: web geometry without gaps, points inside their Gemeinde, sizes, population."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely

from geodata import bkg
from geodata.build import build
from geodata.paths import SOURCE_CRS

# A gap or sliver between neighbours would show as Kreis area missing from, or doubled in,
# the union; simplification itself may move the outer border by a fraction of a percent.
MAX_AREA_CHANGE = 0.005


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("generated")
    sizes = build(out)
    kreise = pyogrio.read_dataframe(out / "kreise.geojson", DATE_AS_STRING="YES")
    laender = pyogrio.read_dataframe(out / "laender.geojson", DATE_AS_STRING="YES")
    text = ["ags", "ars", "name", "bez", "kreis_ars", "land_code"]
    gemeinden = pd.read_csv(out / "gemeinden.csv", dtype={c: str for c in text})
    return {"out": out, "sizes": sizes, "kreise": kreise, "laender": laender, "gem": gemeinden}


def test_the_build_writes_16_laender_and_401_kreise_in_wgs84(built):
    assert len(built["laender"]) == 16
    assert len(built["kreise"]) == 401
    assert built["kreise"]["code"].is_unique
    assert built["kreise"].crs.to_epsg() == 4326
    assert set(built["kreise"]["code"].str[:2]) == set(built["laender"]["code"])


def test_every_web_geometry_is_valid_and_the_kreise_form_a_valid_coverage(built):
    assert built["kreise"].is_valid.all() and built["laender"].is_valid.all()
    assert not built["kreise"].is_empty.any()
    assert shapely.coverage_is_valid(built["kreise"].geometry.values)


def test_simplified_kreise_leave_no_gaps_or_overlaps_against_the_land_area(built):
    kreise = built["kreise"].to_crs(SOURCE_CRS)
    union = kreise.union_all()
    land_area = bkg.laender().union_all()
    assert union.symmetric_difference(land_area).area / land_area.area < MAX_AREA_CHANGE
    # No overlaps: the areas add up to the union's area.
    assert kreise.area.sum() == pytest.approx(union.area, rel=1e-9)
    # No gap opened inside the country: as many holes as the unsimplified coverage has.
    holes = shapely.get_num_interior_rings(shapely.get_parts(union)).sum()
    raw_holes = shapely.get_num_interior_rings(shapely.get_parts(bkg.kreise().union_all())).sum()
    assert holes == raw_holes


def test_web_laender_are_exactly_the_union_of_their_kreise(built):
    kreise = built["kreise"].to_crs(SOURCE_CRS).dissolve(by="land_code")
    laender = built["laender"].to_crs(SOURCE_CRS).set_index("code")
    for code, land in laender.geometry.items():
        difference = land.symmetric_difference(kreise.geometry[code]).area
        assert difference / land.area < 1e-9, code


def test_the_kreis_geojson_stays_under_one_megabyte(built):
    assert built["sizes"]["kreise"] < 1_000_000
    assert (built["out"] / "kreise.geojson").stat().st_size == built["sizes"]["kreise"]


def test_there_is_one_point_per_gemeinde_and_each_lies_inside_its_own_polygon(built):
    gem = built["gem"]
    raw = bkg.gemeinden().set_index("ags")
    assert len(gem) == len(raw) == 10_997
    assert gem["ags"].is_unique and gem["ags"].str.fullmatch(r"\d{8}").all()
    points = gpd.GeoSeries(
        gpd.points_from_xy(gem["lon"], gem["lat"]), index=gem["ags"], crs="EPSG:4326"
    ).to_crs(SOURCE_CRS)
    inside = points.within(raw.geometry.reindex(points.index))
    assert inside.all(), sorted(points.index[~inside])[:10]


def test_population_is_carried_with_its_vintage_and_adds_up_to_germany(built):
    kreise, laender = built["kreise"], built["laender"]
    assert kreise["population"].sum() == 83_166_711
    assert laender["population"].sum() == 83_166_711
    assert set(kreise["population_as_of"]) == {"2019-12-31"}
    assert set(laender["population_as_of"]) == {"2019-12-31"}
    per_land = kreise.groupby("land_code")["population"].sum()
    assert laender.set_index("code")["population"].to_dict() == per_land.to_dict()


def test_the_gemeinde_layer_holds_every_gemeinde_once_valid_and_without_overlaps(built):
    shapes = pyogrio.read_dataframe(built["out"] / "gemeinden.geojson")
    assert len(shapes) == 10_997 and shapes["code"].is_unique
    assert set(shapes["code"]) == set(built["gem"]["ars"])
    assert shapes.is_valid.all() and not shapes.is_empty.any()
    metric = shapes.to_crs(SOURCE_CRS)
    union = metric.union_all()
    # shared borders stay shared: the areas add up to the union (no overlaps) and the union
    # is the land area within the simplification's tolerance (no gaps)
    assert metric.area.sum() == pytest.approx(union.area, rel=1e-4)
    land_area = bkg.laender().union_all()
    assert union.symmetric_difference(land_area).area / land_area.area < MAX_AREA_CHANGE


def test_the_gemeinde_layer_is_quantised_and_small_enough_for_the_wire(built):
    import gzip
    import json

    raw = (built["out"] / "gemeinden.geojson").read_bytes()
    assert len(gzip.compress(raw, 9)) < 1_500_000
    first = json.loads(raw)["features"][0]
    assert set(first) == {"type", "id", "properties", "geometry"}
    assert first["id"] == first["properties"]["code"] and len(first["id"]) == 12
    ring = first["geometry"]["coordinates"][0]
    ring = ring[0] if isinstance(ring[0][0], list) else ring
    assert all(round(v, 4) == v for point in ring for v in point)
