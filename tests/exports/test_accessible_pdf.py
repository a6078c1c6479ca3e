"""Accessible PDFs, read back as a screen reader would: the region profile (PDF/UA through
WeasyPrint) and the map and chart exports (Chromium's drawing with /Lang, /Title and /Alt)."""

from __future__ import annotations

import pytest
from pypdf import PdfWriter

from dashboard.exports import ExportError, ExportRequest, export_view
from dashboard.exports.growth_views import series_view
from dashboard.exports.pdf_document import html_to_pdf
from dashboard.exports.pdf_tags import tag_figure_pdf
from dashboard.exports.profile_pdf import profile_pdf
from dashboard.model.data import AtlasData, map_frame
from dashboard.model.profile import load_profile, profile_paragraph, profile_title
from dashboard.text.describe import map_description
from dashboard.text.i18n import t
from dashboard.text.region_position import locator_text
from tests.exports.pdf_reading import in_order, language, open_pdf, outline, text_of

TITLE_START = {"de": "Regionalprofil: ", "en": "Region profile: "}


@pytest.fixture(scope="module")
def profiles(demo_engine):
    data = AtlasData(demo_engine)
    return data, load_profile(data, data.served(), "09187")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_profile_pdf_has_the_readers_language_title_and_one_page(profiles, lang, keep):
    data, profile = profiles
    exported = profile_pdf(data, "09187", None, lang)
    reader = open_pdf(exported.content)
    keep(f"profile_09187_{lang}.pdf", exported.content)
    assert language(reader) == lang
    assert reader.metadata.title == f"{t('profile.kicker', lang)}: {profile_title(profile, lang)}"
    assert reader.metadata.title.startswith(TITLE_START[lang])
    assert reader.metadata.subject == profile_paragraph(profile, lang)
    assert len(reader.pages) == 1
    # PDF/UA-1 says so in the XMP metadata, and the viewer shows the title, not the file name
    assert b"pdfuaid" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_profile_pdf_is_tagged_with_heading_tables_and_the_map_as_figure(profiles, lang):
    data, profile = profiles
    reader = open_pdf(profile_pdf(data, "09187", None, lang).content)
    kinds = [kind for _, kind, _ in outline(reader)]
    assert kinds[0] == "Document" and kinds.count("H1") == 1
    assert kinds.count("H2") == 3 and kinds.count("Table") == 2
    assert "P" in kinds and "Caption" in kinds
    # every table has column headers and row headers: TH cells in each row
    header_cells = kinds.count("TH")
    assert header_cells >= 4 + 3 + 4 + 3  # two header rows, four + three row headers
    figures = [alt for _, kind, alt in outline(reader) if kind == "Figure" and alt]
    assert figures == [locator_text(profile, lang)]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_profile_pdf_reads_in_the_order_it_is_seen(profiles, lang):
    data, profile = profiles
    text = text_of(open_pdf(profile_pdf(data, "09187", None, lang).content))
    paragraph = " ".join(profile_paragraph(profile, lang).split())
    order = [
        t("profile.kicker", lang), profile_title(profile, lang), paragraph[:60],
        t("profile.figures.heading", lang), t("profile.row.measure", lang),
        t("profile.row.count", lang), t("profile.history.heading", lang),
        t("profile.history.date", lang), t("profile.cite.heading", lang), "GeoBasis-DE",
    ]
    assert in_order(text, order), text[:400]
    # the old page printed the table cells before their column headings: not any more
    assert text.find(t("profile.row.measure", lang)) < text.find(t("profile.row.count", lang))


def test_a_profile_pdf_for_germany_and_a_land_also_fit_one_page(profiles):
    data, _ = profiles
    for code in ("DE", "09"):
        reader = open_pdf(profile_pdf(data, code, None, "de").content)
        assert len(reader.pages) == 1, code
        assert [kind for _, kind, _ in outline(reader)].count("Figure") >= 1


@pytest.fixture(scope="module")
def map_alt(demo_engine) -> dict[str, str]:
    data = AtlasData(demo_engine)
    frame = map_frame(data, data.served()["id"], "kreis", "ala")
    return {lang: map_description(frame, "per_100k", "ala", "kreis", "2022-12-01", lang)
            for lang in ("de", "en")}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_map_pdf_has_language_title_and_its_description_as_figure_alt(
    demo_engine, map_alt, lang, keep
):
    request = ExportRequest("karte", "pdf", "kreis", "ala", "per100k", lang=lang)
    exported = export_view(demo_engine, request)
    keep(f"map_kreis_ala_{lang}.pdf", exported.content)
    reader = open_pdf(exported.content)
    assert language(reader) == lang
    assert reader.metadata.title.startswith(
        "Andere Leistungsanbieter (aLA)" if lang == "de" else "Other service providers (aLA)")
    figures = [(kind, alt) for _, kind, alt in outline(reader) if kind == "Figure"]
    assert figures == [("Figure", map_alt[lang])]


def test_the_chart_pdf_is_tagged_in_english_with_its_description(demo_engine):
    request = ExportRequest("entwicklung", "pdf", view="verlauf", lang="en")
    reader = open_pdf(export_view(demo_engine, request).content)
    assert language(reader) == "en"
    alts = [alt for _, kind, alt in outline(reader) if kind == "Figure"]
    assert alts == [series_view(demo_engine, request).description]


def _untagged_pdf() -> bytes:
    import io

    writer = PdfWriter()
    writer.add_blank_page(200, 100)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_untagged_pdf_gets_a_structure_tree_with_the_figure_and_its_alt():
    tagged = open_pdf(tag_figure_pdf(_untagged_pdf(), "Karte", "Eine Karte von …", "de"))
    assert language(tagged) == "de" and tagged.metadata.title == "Karte"
    assert outline(tagged) == [(0, "Document", None), (1, "Figure", "Eine Karte von …")]
    page = tagged.pages[0]
    assert page["/StructParents"] == 0
    drawing = page.get_contents().get_data()
    assert drawing.startswith(b"/Figure <</MCID 0>> BDC") and drawing.rstrip().endswith(b"EMC")
    assert tagged.trailer["/Root"]["/MarkInfo"]["/Marked"]


@pytest.mark.parametrize(("lang", "title", "alt", "message"), [
    ("fr", "Karte", "Text", "lang must be one of de, en"),
    ("de", "Karte", "  ", "needs a title and a text alternative"),
    ("de", "", "Text", "needs a title and a text alternative"),
])
def test_tagging_refuses_a_language_or_text_it_cannot_write(lang, title, alt, message):
    with pytest.raises(ValueError, match=message):
        tag_figure_pdf(_untagged_pdf(), title, alt, lang)


def test_a_document_never_fetches_from_the_network(httpserver):
    httpserver.expect_request("/bild.png").respond_with_data(b"", content_type="image/png")
    html = (f'<html lang="de"><head><title>T</title></head><body><h1>T</h1>'
            f'<img alt="x" src="{httpserver.url_for("/bild.png")}"></body></html>')
    with pytest.raises(ExportError, match="nur eingebettete Daten"):
        html_to_pdf(html)
    assert httpserver.log == []
