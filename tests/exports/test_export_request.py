"""Export requests are checked before any work, and file names say what and when."""

from __future__ import annotations

import pytest

from dashboard.exports.errors import ExportError
from dashboard.exports.naming import file_name
from dashboard.exports.request import ExportRequest, checked


def test_the_issue_example_name_for_a_kreis_map():
    request = checked(ExportRequest("karte", "png", "kreis", "ala", "per100k"))
    assert file_name(request, "2022-12-01") == "ala_je-100k_kreise_2022-12-01.png"


@pytest.mark.parametrize(
    "request_, taken, base, expected",
    [
        (ExportRequest("tabelle", "csv-de", "land", "wfbm"), "2022-12-01", None,
         "wfbm_kennzahlen_laender_2022-12-01_excel-de.csv"),
        (ExportRequest("anbieter", "gpkg", search="Müller & Söhne", land="09"), "2022-12-01",
         None, "ala_anbieter_land-09_suche-mueller-soehne_2022-12-01.gpkg"),
        (ExportRequest("karte", "svg", "kreis", "ala", "count", base=1), "2022-12-01",
         "2021-11-30", "ala_veraenderung-anzahl_kreise_2021-11-30_2022-12-01.svg"),
        (ExportRequest("entwicklung", "pdf", view="wachstum"), "2022-12-01", "2021-11-30",
         "ala_wachstum-nach-land_2021-11-30_2022-12-01.pdf"),
    ],
)
def test_file_names_carry_category_content_level_and_dates(request_, taken, base, expected):
    assert file_name(checked(request_), taken, base) == expected


@pytest.mark.parametrize(
    "request_, expected",
    [
        (ExportRequest("karte", "png", "kreis", "ala", "per100k", lang="en"),
         "ala_per-100k_districts_2022-12-01.png"),
        (ExportRequest("tabelle", "csv-de", "land", "wfbm", lang="en"),
         "wfbm_figures_states_2022-12-01_excel-de.csv"),
        (ExportRequest("tabelle", "svg", "kreis", "ala", "none_here", land="09", lang="en"),
         "ala_ranking-no-provider_districts_state-09_2022-12-01.svg"),
        (ExportRequest("anbieter", "csv", search="Müller", all_categories=True, lang="en"),
         "all_providers_search-mueller_2022-12-01.csv"),
        (ExportRequest("entwicklung", "csv", view="aenderungen", lang="en"),
         "ala_providers-new-gone_2022-12-01.csv"),
        (ExportRequest("erreichbarkeit", "csv", "kreis", view="distance", lang="en"),
         "ala_access_beyond-25km_districts_2022-12-01.csv"),
        (ExportRequest("karte", "png", "kreis", compare=True, lang="en"),
         "comparison-ala-wfbm-ib_count_districts_2022-12-01.png"),
    ],
)
def test_english_exports_have_english_file_names(request_, expected):
    name = file_name(checked(request_), "2022-12-01")
    assert name == expected
    for german in ("kreise", "laender", "anbieter", "kennzahlen", "rangfolge", "suche",
                   "erreichbarkeit", "weiter-als", "alle_", "vergleich", "ohne-anbieter"):
        assert german not in name


@pytest.mark.parametrize(
    "request_, message",
    [
        (ExportRequest("kartei", "png"), "Seite 'kartei' unbekannt; erlaubt: karte, tabelle"),
        (ExportRequest("karte", "png", level="gemeinde"), "Ebene 'gemeinde' unbekannt"),
        (ExportRequest("karte", "png", category="xyz"), "Art 'xyz' unbekannt"),
        (ExportRequest("karte", "png", metric="dichte"), "Kennzahl 'dichte' unbekannt"),
        (ExportRequest("karte", "jpeg"), "Format 'jpeg' unbekannt"),
        (ExportRequest("anbieter", "png"), "Format 'png' gibt es für anbieter nicht"),
        (ExportRequest("entwicklung", "gpkg", view="verlauf"), "für entwicklung/verlauf nicht"),
        (ExportRequest("karte", "png", category="ib", metric="ala_share"), "nur für die Art"),
        (ExportRequest("anbieter", "csv", land="Bayern"), "kein zweistelliger Landesschlüssel"),
        (ExportRequest("karte", "png", scale=10), "Skalierung 10"),
    ],
)
def test_bad_choices_raise_one_line_errors_naming_the_problem(request_, message):
    with pytest.raises(ExportError, match=message) as info:
        checked(request_)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(("lang", "png_label"), [("de", "PNG (Bild)"), ("en", "PNG (image)")])
def test_the_export_control_names_every_format_in_the_page_language(lang, png_label):
    from dashboard.exports.buttons import FORMAT_LABELS, export_controls

    controls = export_controls("some-slot", ("png", "svg", "csv-de"), lang)
    dropdown = controls.children[1]
    labels = [o["label"] for o in dropdown.options]
    assert labels[0] == png_label
    assert labels == [FORMAT_LABELS[lang][f] for f in ("png", "svg", "csv-de")]
    assert set(FORMAT_LABELS["de"]) == set(FORMAT_LABELS["en"])
