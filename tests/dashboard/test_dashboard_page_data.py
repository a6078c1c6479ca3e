"""The pure functions behind the Tabelle and Anbieter pages."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.views.links import safe_url
from dashboard.views.provider_table import grid_rows, search_providers
from dashboard.views.region_table import table_rows


def test_the_table_of_one_land_has_its_kreise_and_a_total_row_for_that_land(metrics_of):
    frame = metrics_of("kreis", "wfbm")
    rows, total, part = table_rows(frame, "kreis", "09", "de")
    assert len(rows) == int(frame["land_code"].eq("09").sum()) == len(part)
    assert {r["land"] for r in rows} == {"Bayern"}
    assert total[0]["name"] == "Bayern insgesamt"
    assert total[0]["count"] == frame.loc[frame["land_code"] == "09", "count"].sum()


def test_the_table_of_all_laender_totals_germany_with_shares_in_percent(metrics_of):
    frame = metrics_of("land", "ala")
    rows, total, _ = table_rows(frame, "land", None, "en")
    assert len(rows) == 16 and total[0]["name"] == "Germany total"
    ala, wfbm = frame["ala_count"].sum(), frame["wfbm_count"].sum()
    assert total[0]["ala_share"] == pytest.approx(ala / (ala + wfbm) * 100)
    shares = {r["code"]: r["ala_share"] for r in rows}
    first = frame.iloc[0]
    assert shares[first["code"]] == pytest.approx(first["ala_share"] * 100)


def test_rows_mark_rates_on_small_counts(metrics_of):
    frame = metrics_of("kreis", "ala")
    rows, _, _ = table_rows(frame, "kreis", None, "de")
    marked = {r["code"] for r in rows if r["fragile"]}
    assert marked == set(frame.loc[frame["count"].between(1, 2), "code"])


@pytest.fixture()
def providers() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"source_id": "1", "category": "ala", "name": "Lebenshilfe Dresden gGmbH",
             "operator": "Lebenshilfe Sachsen", "city": "Dresden", "plz": "01067",
             "street": "Hauptstr. 1", "gemeinde": "Dresden", "kreis": "Dresden",
             "land_code": "14", "land": "Sachsen", "services": ["Arbeitsbereich"],
             "source_url": "https://example.org/1"},
            {"source_id": "2", "category": "wfbm", "name": "Werkstatt am Fluss",
             "operator": "Diakonie", "city": "Köln", "plz": "50667", "street": "Ring 2",
             "gemeinde": "Köln", "kreis": "Köln", "land_code": "05",
             "land": "Nordrhein-Westfalen", "services": ["Eingangsverfahren", "Arbeitsbereich"],
             "source_url": "javascript:alert(1)"},
        ]
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [("dresden", ["1"]), ("LEBENSHILFE sachsen", ["1"]), ("50667", ["2"]), ("köln ring", ["2"]),
     ("", ["1", "2"]), ("berlin", []), (".*", [])],
)
def test_the_search_matches_every_word_literally_and_case_blind(providers, text, found):
    assert search_providers(providers, text)["source_id"].tolist() == found


def test_filters_combine(providers):
    assert search_providers(providers, land="05")["source_id"].tolist() == ["2"]
    assert search_providers(providers, category="ala")["source_id"].tolist() == ["1"]
    assert search_providers(providers, service="Eingangsverfahren")["source_id"].tolist() == ["2"]
    assert search_providers(providers, "dresden", land="05").empty


def test_only_http_links_from_the_source_become_links(providers):
    rows = grid_rows(providers, "de")
    assert rows[0]["source"].startswith("[Eintrag bei REHADAT](https://example.org/1")
    assert rows[1]["source"] == ""
    assert safe_url(" https://x.example/a?b=1 ") == "https://x.example/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.example", None, 3):
        assert safe_url(bad) is None



def test_the_boundaries_are_dated_with_the_bkg_vintage_in_both_languages():
    from dashboard.text.i18n import fmt_date, t
    from geodata.paths import RAW_DIR

    vintage = (RAW_DIR / "bkg-vg5000-2021" / "aktualitaet.txt").read_text().strip()
    assert vintage == "01.01.2021"
    day, month, year = vintage.split(".")
    # each language writes the date its own way: 01.01.2021, 1 Jan 2021
    assert all(fmt_date(f"{year}-{month}-{day}", lang) in t("sources.geo.bkg", lang)
               for lang in ("de", "en"))


def test_the_provider_count_is_written_with_a_thousands_separator():
    from dashboard.text.i18n import fmt_number, t

    assert t("providers.count", "de", n=fmt_number(1999, "de")) == "1.999 Anbieter gefunden"
    assert t("providers.count", "en", n=fmt_number(1999, "en")) == "1,999 providers found"
