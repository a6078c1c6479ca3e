"""Every export's text in English has no German decimal comma, and in German no English
decimal point: titles, subtitles, legend titles, text alternatives, table cells, figure texts
and hovers, provenance lines, and the region profile document."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from dashboard.exports import ExportRequest
from dashboard.exports.export import _builder
from dashboard.exports.profile_html import profile_html
from dashboard.exports.profile_pdf import profile_document
from dashboard.exports.request import checked
from dashboard.model.data import AtlasData
from tests.numbers.separators import figure_strings, wrong_numbers

# one request per export builder and the metrics and options that write decimals
REQUESTS = {
    "karte-count": dict(page="karte", format="png", level="kreis", metric="count"),
    "karte-per100k": dict(page="karte", format="png", level="kreis", metric="per100k"),
    "karte-share": dict(page="karte", format="png", level="land", metric="share"),
    "karte-ratio": dict(page="karte", format="png", level="land", metric="ala_per_wfbm"),
    "karte-compare": dict(page="karte", format="png", level="land", metric="per100k",
                          compare=True),
    "tabelle": dict(page="tabelle", format="csv", level="kreis"),
    "anbieter": dict(page="anbieter", format="csv"),
    "verlauf": dict(page="entwicklung", format="png", view="verlauf"),
    "laender": dict(page="entwicklung", format="png", view="laender"),
    "wachstum": dict(page="entwicklung", format="png", view="wachstum", per_100k=True),
    "wachstum-abs": dict(page="entwicklung", format="png", view="wachstum"),
    "aenderungen": dict(page="entwicklung", format="png", view="aenderungen"),
    "veraenderung": dict(page="entwicklung", format="png", view="veraenderung", per_100k=True),
    "erreichbarkeit": dict(page="erreichbarkeit", format="png", level="kreis", view="distance"),
    "erreichbarkeit-sfca": dict(page="erreichbarkeit", format="png", level="kreis",
                                view="sfca"),
    "erreichbarkeit-table": dict(page="erreichbarkeit", format="csv", level="kreis",
                                 view="table"),
}


def view_texts(engine, name: str, lang: str) -> list[str]:
    request = checked(ExportRequest(**REQUESTS[name], lang=lang))
    view = _builder(request)(engine, request)
    texts = [view.title, view.subtitle, view.legend_title or "", view.description,
             *view.provenance.header_lines(view.title)]
    texts += figure_strings(view.figure)
    if view.table is not None:
        # the cells as written: text cells as they are (numbers are numbers, not text)
        texts += [str(cell) for column in view.table.columns for cell in view.table[column]
                  if isinstance(cell, str)]
        texts += [str(column) for column in view.table.columns]
    return texts


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("name", list(REQUESTS))
def test_an_export_writes_decimals_in_its_language(demo_engine, name, lang):
    texts = view_texts(demo_engine, name, lang)
    assert texts, name
    assert wrong_numbers(texts, lang) == []


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("code", ["09187", "09", "DE"])
def test_the_profile_document_writes_decimals_in_its_language(demo_engine, code, lang):
    data = AtlasData(demo_engine)
    doc, profile = profile_document(data, code, data.served(), lang)
    html = profile_html(doc, profile)
    # the document without its stylesheet and embedded map (sizes and coordinates, not text)
    text = re.sub(r'<style>.*?</style>|src="data:[^"]*"', " ", html, flags=re.S)
    assert wrong_numbers([text], lang) == []
    assert ("0,38 je 100.000" in text) == (lang == "de" and code == "09187")


def test_the_english_growth_bars_say_plus_point_and_the_german_plus_comma(demo_engine):
    texts = {lang: view_texts(demo_engine, "wachstum", lang) for lang in ("de", "en")}
    signed = {lang: [s for s in texts[lang] if s.startswith("+") and any(c.isdigit() for c in s)]
              for lang in texts}
    assert signed["en"] and all("," not in s for s in signed["en"]), signed["en"][:5]
    assert signed["de"] and any("," in s for s in signed["de"]), signed["de"][:5]
    assert isinstance(pd.Series(signed["en"]), pd.Series)
