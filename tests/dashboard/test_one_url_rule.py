"""One URL check for the whole project: the dashboard's links use the store's rule
(store.clean.safe_url), which drops a malformed address instead of raising on it."""

from __future__ import annotations

import pandas as pd
import pytest

import store
from dashboard.views import links
from dashboard.views.provider_table import grid_rows


def test_the_dashboard_uses_the_stores_url_rule():
    assert links.safe_url is store.safe_url


@pytest.mark.parametrize("url", [
    "http://[::1", "https://[::1/x", "http:// spaced.example", "https://exa\tmple.org",
    "javascript://x.example/%0aalert(1)", "HTTP://", "ftp://x.example", "//x.example",
])
def test_a_malformed_or_foreign_url_is_dropped_not_raised(url):
    assert links.safe_url(url) is None


@pytest.mark.parametrize("url", ["https://x.example/a?b=1", "HTTP://X.example", "http://[::1]/x"])
def test_plain_http_urls_are_kept(url):
    assert links.safe_url(url) == url


def test_a_provider_whose_source_url_is_malformed_is_listed_without_a_link():
    providers = pd.DataFrame([{
        "source_id": "1", "category": "ala", "name": "Werkstatt", "operator": "", "street": "",
        "plz": "01067", "city": "Dresden", "land_code": "14", "land_listed": "Sachsen",
        "kreis_ars": "14612", "phone": "", "email": "", "website": "http://[::1",
        "services": [], "source_url": "http://[::1", "lon": 13.7, "lat": 51.0,
        "geocode_quality": "gemeinde",
    }])
    [row] = grid_rows(providers, "de")
    assert row["source"] == "" and row["name"] == "Werkstatt"
