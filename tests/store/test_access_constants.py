"""Documented constants of the access measures, pinned by what they do (issue 21, item 16):
the 2SFCA catchment of 50 km (a provider 47 km away counts, one 53 km away does not; with a
45 km catchment the first test fails), the API field that names it, and the weighted
median's exactly-half and no-weight cases."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pyproj import Transformer

from store.access import CATCHMENT_KM, aggregate, compute_access
from store.access.aggregate import SFCA_COLUMN, weighted_median
from store.access.measures import two_step_fca
from store.schema import PROVIDER_COLUMNS

# a point in Germany, in EPSG:3035 metres; the Gemeinden and providers lie east of it
ORIGIN_X, ORIGIN_Y = 4_400_000.0, 3_000_000.0


def gemeinden_on_a_line(*km: float) -> pd.DataFrame:
    """Gemeinden of 1,000 people each at the given distances (km) east of ORIGIN."""
    n = len(km)
    return pd.DataFrame({
        "ars": [f"0900000000{i:02d}" for i in range(n)], "kreis_ars": ["09000"] * n,
        "land_code": ["09"] * n, "population": [1000] * n,
        "x": [ORIGIN_X + k * 1000 for k in km], "y": [ORIGIN_Y] * n,
    })


def provider_at_km(km: float) -> pd.DataFrame:
    """One aLA placed (as the geocoder would) `km` east of ORIGIN, in WGS84 lon/lat."""
    to_wgs84 = Transformer.from_crs("EPSG:3035", "EPSG:4326", always_xy=True)
    lon, lat = to_wgs84.transform(ORIGIN_X + km * 1000, ORIGIN_Y)
    row = dict.fromkeys(PROVIDER_COLUMNS)
    row.update(category="ala", source_id="p1", name="P", plz="80331", kreis_ars="09000",
               land_code="09", lon=lon, lat=lat, geocode_quality="gemeinde",
               services=["Arbeitsbereich"])
    return pd.DataFrame([row], columns=list(PROVIDER_COLUMNS))


def test_the_2sfca_catchment_reaches_47_km_but_not_53_km():
    """What the pipeline computes by default (compute_access, as the store does): a
    Gemeinde 47 km from the provider shares it, one 53 km away does not."""
    gemeinden = gemeinden_on_a_line(47.0, 53.0)
    result = compute_access(provider_at_km(0.0), "ala", gemeinden=gemeinden)
    near, far = result.gemeinden["sfca_per_100k"].tolist()
    assert near == pytest.approx(100.0)  # 1 provider / 1,000 people within reach, per 100,000
    assert far == 0.0
    assert result.catchment_km == 50.0


def test_the_2sfca_default_catchment_is_the_documented_50_km():
    xy = gemeinden_on_a_line(49.9, 50.1)[["x", "y"]].to_numpy()
    score = two_step_fca(xy, np.array([1000, 1000]), np.array([[ORIGIN_X, ORIGIN_Y]]))
    assert score.tolist() == [100.0, 0.0]


def test_the_api_field_names_the_catchment_it_was_computed_with():
    assert SFCA_COLUMN == f"providers_per_100k_within_{CATCHMENT_KM:g}km"
    gemeinden = gemeinden_on_a_line(10.0)
    measures = compute_access(provider_at_km(0.0), "ala", gemeinden=gemeinden).gemeinden
    row = aggregate(gemeinden, measures, "germany", names=False).iloc[0]
    assert row[SFCA_COLUMN] == pytest.approx(100.0)


def test_the_weighted_median_at_exactly_half_the_weight_takes_the_lower_value():
    # 1 + 1 of 4: half the people are reached at 2 km, so the median is 2, not 2.5 or 3
    values = np.array([1.0, 2.0, 3.0, 4.0])
    weights = np.array([1.0, 1.0, 1.0, 1.0])
    assert weighted_median(values, weights, np.zeros(4, int)).tolist() == [2.0]
    # the order of the input does not matter, nor does the weight's scale
    assert weighted_median(values[::-1], weights[::-1] * 250, np.zeros(4, int)).tolist() == [2.0]


def test_the_weighted_median_of_a_group_without_weight_is_undefined_not_zero():
    values = np.array([5.0, 7.0, 1.0, 9.0])
    weights = np.array([0.0, 0.0, 2.0, 1.0])
    groups = np.array([0, 0, 1, 1])
    out = weighted_median(values, weights, groups)
    assert np.isnan(out[0]) and out[1] == 1.0


def test_the_weighted_median_of_no_values_is_empty():
    assert weighted_median(np.array([]), np.array([]), np.array([], int)).size == 0
