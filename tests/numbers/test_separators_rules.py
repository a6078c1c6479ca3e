"""The separator check itself, on sentences of both languages."""

from __future__ import annotations

import pytest

from tests.numbers.separators import wrong_numbers


@pytest.mark.parametrize(("text", "lang"), [
    ("Wachstum +0,25 je 100.000", "en"),
    ("0,38 per 100,000 inhabitants", "en"),
    ("Growth +0.25 per 100,000", "de"),
    ("1.234,5 and 0.5", "de"),
])
def test_a_decimal_in_the_other_languages_style_is_found(text, lang):
    assert wrong_numbers([text], lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Stand 01.12.2022, 1.234 Anbieter, 0,38 je 100.000", "de"),
    ("as of 1 Dec 2022, 1,234 providers, 0.38 per 100,000", "en"),
    ("https://example.org/a?x=0.25 and /region/09187?snapshot=3", "de"),
    ("plotly 7.1.0, EPSG:3035, 2022-12-01", "de"),
    ("statistics page: '2018: 736 (681 = 92,5 %)' (681 are members)", "en"),
])
def test_dates_thousands_versions_and_addresses_are_not_decimals(text, lang):
    assert wrong_numbers([text], lang) == []
