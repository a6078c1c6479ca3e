"""The one number formatter (i18n.fmt_number): each language's separators, signed changes."""

from __future__ import annotations

import pytest

from dashboard.text.i18n import fmt_number


@pytest.mark.parametrize(("value", "decimals", "signed", "de", "en"), [
    (0.25, 2, True, "+0,25", "+0.25"),
    (-1234.5, 1, True, "-1.234,5", "-1,234.5"),
    (3, 0, True, "+3", "+3"),
    (0, 2, True, "0", "0"),
    (-0.004, 2, True, "0", "0"),  # a change that rounds to nothing is no change
    (1234567, 0, False, "1.234.567", "1,234,567"),
    (0.38, 2, False, "0,38", "0.38"),
    (None, 2, True, "–", "–"),
    (float("nan"), 1, False, "–", "–"),
])
def test_numbers_are_written_as_each_language_writes_them(value, decimals, signed, de, en):
    assert fmt_number(value, "de", decimals, signed=signed) == de
    assert fmt_number(value, "en", decimals, signed=signed) == en
