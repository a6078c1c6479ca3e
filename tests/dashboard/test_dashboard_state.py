"""The view in the URL, the texts in two languages, and German number formats."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dashboard.model.state import DEFAULTS, ViewState, merge_query, page_of, parse_query, to_query
from dashboard.text.i18n import TEXTS, fmt_date, fmt_number, t


def test_a_full_view_survives_the_round_trip_through_the_query_string():
    view = ViewState(
        level="kreis", category="wfbm", metric="ala_per_wfbm", classes="quantiles",
        view="compare", points=True, snapshot=3, region="09162", provider="DEMO000042",
        lang="en", embed=True, land="09", q="Lebenshilfe Dresden", pland="14", pcat="ib",
        service="Arbeitsbereich",
    )
    parsed, problems = parse_query(to_query(view))
    assert parsed == view and problems == []


def test_the_default_view_has_an_empty_query():
    assert to_query(DEFAULTS) == ""
    assert parse_query("") == (DEFAULTS, [])
    assert parse_query(None) == (DEFAULTS, [])


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("metric=density", "metric"),
        ("level=ortsteil", "level"),
        ("snapshot=-3", "snapshot"),
        ("snapshot=abc", "snapshot"),
        ("region=9162", "region"),
        ("region=<script>", "region"),
        ("lang=fr", "lang"),
        ("points=maybe", "points"),
        ("q=" + "x" * 500, "q"),
    ],
)
def test_a_malformed_parameter_falls_back_to_its_default_and_is_reported(query, name):
    state, problems = parse_query("?" + query + "&category=ib")
    assert getattr(state, name) == getattr(DEFAULTS, name)
    assert state.category == "ib"  # the good parameters still count
    assert [p.name for p in problems] == [name]


def test_unknown_parameters_are_ignored_silently():
    assert parse_query("?utm_source=x&level=kreis") == (replace(DEFAULTS, level="kreis"), [])


def test_merging_changes_keeps_the_rest_of_the_view():
    query = merge_query("?level=kreis&metric=per_100k&lang=en", metric="count", region="09162")
    state, _ = parse_query(query)
    assert (state.level, state.metric, state.region, state.lang) == (
        "kreis", "count", "09162", "en",
    )


@pytest.mark.parametrize(
    ("path", "page"),
    [("/", "karte"), ("", "karte"), ("/tabelle", "tabelle"), ("/quellen/", "quellen"),
     ("/nichts", None), ("/../etc/passwd", None)],
)
def test_paths_name_pages(path, page):
    assert page_of(path) == page


def test_german_and_english_have_the_same_texts():
    assert set(TEXTS["de"]) == set(TEXTS["en"])
    assert all(TEXTS["en"][key] for key in TEXTS["en"])


def test_placeholders_match_between_languages():
    import string

    def fields(text):
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    for key in TEXTS["de"]:
        assert fields(TEXTS["de"][key]) == fields(TEXTS["en"][key]), key


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "text"),
    [
        (1234.5, "de", 1, "1.234,5"),
        (1234.5, "en", 1, "1,234.5"),
        (1234567, "de", 0, "1.234.567"),
        (0.0912, "de", 2, "0,09"),
        (None, "de", 0, "–"),
        (float("nan"), "en", 2, "–"),
    ],
)
def test_numbers_are_written_the_way_each_language_reads_them(value, lang, decimals, text):
    assert fmt_number(value, lang, decimals) == text


def test_dates_are_german_in_german():
    assert fmt_date("2022-12-01T00:00:00+00:00", "de") == "01.12.2022"
    assert fmt_date("2022-12-01T00:00:00+00:00", "en") == "1 Dec 2022"
    assert fmt_date("2019-12-31", "en") == "31 Dec 2019"


def test_a_missing_text_fails_loudly():
    with pytest.raises(KeyError):
        t("no.such.key", "de")
