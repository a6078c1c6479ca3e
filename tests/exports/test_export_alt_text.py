"""Exported images carry the map's generated text alternative, read back independently
(SVG parsed as XML, PNG text chunks, pypdf metadata), and the region profile's one-page PDF
holds the paragraph, the figures and the attributions."""

from __future__ import annotations

import io
from xml.etree import ElementTree

import pypdf
import pytest

import store
from dashboard.exports import ExportRequest, export_view
from dashboard.exports.alt_text import png_texts
from dashboard.exports.profile_pdf import profile_pdf
from dashboard.model.access_data import access_view
from dashboard.model.data import AtlasData, map_frame
from dashboard.model.profile import load_profile, profile_paragraph
from dashboard.text.describe import (
    access_description,
    growth_description,
    laender_description,
    map_description,
    ranking_description,
)
from store import growth

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def expected(demo_engine) -> str:
    data = AtlasData(demo_engine)
    frame = map_frame(data, data.served()["id"], "kreis", "ala")
    return map_description(frame, "per_100k", "ala", "kreis", "2022-12-01", "de")


def test_the_svg_map_has_title_and_desc(demo_engine, expected):
    exported = export_view(demo_engine, ExportRequest("karte", "svg", "kreis", "ala", "per100k"))
    root = ElementTree.fromstring(exported.content)
    assert root.find(f"{SVG}desc").text == expected
    assert root.find(f"{SVG}title").text.startswith("Andere Leistungsanbieter (aLA)")


def test_the_png_map_has_the_description_in_its_text_chunks(demo_engine, expected):
    exported = export_view(demo_engine, ExportRequest("karte", "png", "kreis", "ala", "per100k",
                                                      scale=1))
    texts = png_texts(exported.content)
    assert texts["Description"] == expected and "je 100.000" in texts["Title"]


def test_the_pdf_map_has_the_description_as_subject(demo_engine, expected):
    exported = export_view(demo_engine, ExportRequest("karte", "pdf", "kreis", "ala", "per100k"))
    meta = pypdf.PdfReader(io.BytesIO(exported.content)).metadata
    assert meta.subject == expected


def test_the_profile_pdf_is_one_page_with_paragraph_figures_and_sources(demo_engine, keep):
    data = AtlasData(demo_engine)
    served = data.served()
    exported = profile_pdf(data, "09187", None, "de")
    assert exported.filename == "ala-atlas_profil_09187_2022-12-01.pdf"
    reader = pypdf.PdfReader(io.BytesIO(exported.content))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    paragraph = profile_paragraph(load_profile(data, served, "09187"), "de")
    assert reader.metadata.subject == paragraph
    assert reader.metadata.title == "Regionalprofil: Landkreis Rosenheim (Bayern)"
    assert "Regionalprofil Landkreis Rosenheim (Bayern)" in text  # kicker, then the heading
    assert "Rang 47 von 401 Kreisen" in text or "Rang" in text
    for line in ("REHADAT-Adressen", "GeoBasis-DE", "Beispieldaten", "Zitiervorschlag",
                 "/region/09187?snapshot="):
        assert line in text, line
    counts = store.load_providers(demo_engine, served["id"], kreis="09187")["category"]
    assert str(int((counts == "wfbm").sum())) in text
    keep(exported.filename, exported.content)


def test_an_unknown_region_is_a_one_line_export_error(demo_engine):
    from dashboard.exports import ExportError

    with pytest.raises(ExportError, match="Unbekannte Region"):
        profile_pdf(AtlasData(demo_engine), "99999", None, "de")


def test_the_growth_chart_svg_describes_first_and_last_count(demo_engine):
    exported = export_view(demo_engine, ExportRequest("entwicklung", "svg", view="verlauf"))
    desc = ElementTree.fromstring(exported.content).find(f"{SVG}desc").text
    first, last = store.served_series(demo_engine).iloc[[0, -1]]["id"]
    n_first = len(store.load_providers(demo_engine, int(first), category="ala"))
    n_last = len(store.load_providers(demo_engine, int(last), category="ala"))
    assert f"von {n_first} (30.11.2021) bis {n_last} (01.12.2022)" in desc


def test_the_svg_ranking_chart_has_the_tabelle_text_as_desc(demo_engine):
    data = AtlasData(demo_engine)
    served = data.served()
    frame = data.region_metrics(int(served["id"]), "land", "ala")
    expected = ranking_description(frame, "count", "ala", "land", str(served["taken_at"])[:10],
                                   "de")
    exported = export_view(demo_engine, ExportRequest("tabelle", "svg", "land", "ala", "count"))
    root = ElementTree.fromstring(exported.content)
    assert root.find(f"{SVG}desc").text == expected
    assert "Balkendiagramm" in expected and "Am höchsten: " in expected


@pytest.mark.parametrize("kind", ["distance", "sfca"])
def test_the_svg_access_maps_have_the_page_text_as_desc(demo_engine, kind):
    served = AtlasData(demo_engine).served()
    view = access_view(demo_engine, int(served["id"]), "ala", "all", [])
    expected = access_description(view.kreise, kind, "ala", 25, str(served["taken_at"])[:10],
                                  "de")
    exported = export_view(demo_engine, ExportRequest("erreichbarkeit", "svg", "kreis",
                                                      view=kind))
    root = ElementTree.fromstring(exported.content)
    assert root.find(f"{SVG}desc").text == expected
    assert "Am höchsten: " in expected


def test_the_svg_growth_charts_have_the_page_texts_as_desc(demo_engine):
    served = store.served_series(demo_engine)
    counts = growth.snapshot_counts(demo_engine, "ala", served)
    old, new = served.iloc[0], served.iloc[-1]
    table = growth.land_growth_between(demo_engine, int(old["id"]), int(new["id"]), "ala")
    expected = {
        "wachstum": growth_description(table, False, "ala", str(old["taken_at"]),
                                       str(new["taken_at"]), "de"),
        "laender": laender_description(counts, "ala", "de"),
    }
    for view, text in expected.items():
        exported = export_view(demo_engine, ExportRequest("entwicklung", "svg", view=view))
        root = ElementTree.fromstring(exported.content)
        assert root.find(f"{SVG}desc").text == text, view


def _demo_pair(engine):
    served = store.served_series(engine)
    old, new = served.iloc[0], served.iloc[-1]
    return int(old["id"]), int(new["id"]), str(old["taken_at"]), str(new["taken_at"])


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_the_change_map_carries_its_text_in_every_image_format(demo_engine, fmt):
    from dashboard.text.describe_change import change_description

    old_id, new_id, old, new = _demo_pair(demo_engine)
    change = growth.region_change_between(demo_engine, old_id, new_id, "kreis", "ala")
    expected = change_description(change, False, "ala", "kreis", old, new, "de")
    exported = export_view(demo_engine, ExportRequest("entwicklung", fmt, "kreis",
                                                      view="veraenderung", scale=1))
    if fmt == "svg":
        found = ElementTree.fromstring(exported.content).find(f"{SVG}desc").text
    elif fmt == "png":
        found = png_texts(exported.content)["Description"]
    else:
        found = pypdf.PdfReader(io.BytesIO(exported.content)).metadata.subject
    assert found == expected
    assert "Mit Zuwachs: " in expected


def test_the_providers_change_map_svg_has_its_text_as_desc(demo_engine):
    from dashboard.model.publishing import redact
    from dashboard.text.describe_change import changes_points_description

    old_id, new_id, old, new = _demo_pair(demo_engine)
    diff = redact(growth.provider_changes(demo_engine, old_id, new_id, "ala"))
    expected = changes_points_description(diff, "ala", old, new, "de")
    exported = export_view(demo_engine, ExportRequest("entwicklung", "svg", view="aenderungen"))
    assert ElementTree.fromstring(exported.content).find(f"{SVG}desc").text == expected
    assert f"Neu: {int((diff['change'] == 'new').sum())}." in expected


def _embedded(content: bytes, fmt: str) -> tuple[str, str]:
    """(title, description) read back from a PNG's iTXt chunks or a PDF's document info."""
    if fmt == "png":
        texts = png_texts(content)
        return texts["Title"], texts["Description"]
    meta = pypdf.PdfReader(io.BytesIO(content)).metadata
    return meta.title, meta.subject


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_the_growth_bars_carry_the_page_text_in_png_and_pdf(demo_engine, fmt):
    old_id, new_id, old, new = _demo_pair(demo_engine)
    table = growth.land_growth_between(demo_engine, old_id, new_id, "ala")
    expected = growth_description(table, True, "ala", old, new, "de")
    exported = export_view(demo_engine, ExportRequest("entwicklung", fmt, view="wachstum",
                                                      per_100k=True, scale=1))
    title, description = _embedded(exported.content, fmt)
    assert description == expected
    assert "je 100.000 Einwohner" in expected and title


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_the_access_map_carries_the_page_text_in_png_and_pdf(demo_engine, fmt):
    served = AtlasData(demo_engine).served()
    view = access_view(demo_engine, int(served["id"]), "ala", "all", [])
    expected = access_description(view.kreise, "distance", "ala", 25,
                                  str(served["taken_at"])[:10], "de")
    exported = export_view(demo_engine, ExportRequest("erreichbarkeit", fmt, "kreis",
                                                      view="distance", scale=1))
    title, description = _embedded(exported.content, fmt)
    assert description == expected
    assert "Werte von " in expected and title
