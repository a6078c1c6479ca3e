"""One language per page: every page, rendered in German and in English, shows no word that
belongs only to the other language.

Marker words are harvested from the UI's own text tables (dashboard/text/i18n.py and the smaller
per-module tables): a word of a German text that occurs in no English text is a German
marker, and the other way round. The page's visible text (text nodes, SVG text of the
figures, and the names a screen reader or tooltip shows: aria-label, title, placeholder,
aria-valuetext) may not contain a marker of the other language. A part marked with its own
`lang` attribute in the other language (WCAG 3.1.2) is exempt: that is how a string that must
stay in its original language is written (BKG's Quellenvermerk, prescribed by dl-de/by-2-0).

ALLOWED lists, deliberately, the words that are legitimately the same in both UIs.

Proper names are taken out of the page's text before the check (`proper_names`): the Länder
and Kreise as BKG names them, BKG's official designation of each (`bez`: "Kreisfreie Stadt",
"Landkreis", "Freistaat" – the legal name of the region's kind, shown verbatim in the region
lists, hovers, tables and map text alternatives like "Bochum (Kreisfreie Stadt)"), and the
providers' names, operators, streets and towns from the store ("Beispiel-Anker Bochum
gGmbH", "Beispiel-Sozialwerk Bochum e.V."). They are the same in every language, yet their
words ("Bayern", "Stadt", "Beispiel") also occur in German UI text, so they cannot simply be
allowed everywhere: only the name as a whole is exempt."""

from __future__ import annotations

import re

import pytest
from selenium.webdriver.common.by import By

WORD = re.compile(r"[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß]{3,}")

# Words allowed in both UIs, with the reason.
ALLOWED = {
    # proper names and the source's own names
    "rehadat", "köln", "destatis", "geobasis", "openstreetmap", "odbl", "atlas",
    # the German abbreviations the English UI explains in parentheses: "Sheltered workshops
    # (WfbM)", "Other service providers (aLA)"; they are the legal terms readers search for
    "wfbm",
    # the German authorities' name, kept in the English text ("recognised and funded by the
    # Integrationsämter") and part of BIH's German publication title on Quellen
    "integrationsämter",
    # example search words in the placeholder ("e.g. Lebenshilfe or Dresden"): a provider
    # name and a city
    "lebenshilfe", "dresden",
}


def _tables() -> list[dict[str, dict[str, str]]]:
    """Every per-language text table of the UI."""
    from dashboard.exports import buttons, texts
    from dashboard.figures import growth
    from dashboard.model import growth_tables
    from dashboard.pages import entwicklung, timeline
    from dashboard.text import i18n

    return [i18n.TEXTS, growth_tables._LABELS, buttons.TEXTS, buttons.FORMAT_LABELS,
            growth.TEXTS, entwicklung.TEXTS, timeline.TEXTS, texts.TEXTS]


PLACEHOLDER = re.compile(r"\{[^{}]*\}")  # "{source}" is filled in, never shown


def _words(texts: list[str]) -> set[str]:
    return {w.lower() for text in texts for w in WORD.findall(PLACEHOLDER.sub(" ", str(text)))}


def markers() -> dict[str, set[str]]:
    """lang → the words only that language's texts use (minus ALLOWED)."""
    from dashboard.pages.grid_locale import GRID_DE

    de: list[str] = list(GRID_DE.values())
    en: list[str] = []
    for table in _tables():
        de += [str(v) for v in table["de"].values()]
        en += [str(v) for v in table["en"].values()]
    de_words, en_words = _words(de), _words(en)
    return {"de": de_words - en_words - ALLOWED, "en": en_words - de_words - ALLOWED}


def proper_names(engine) -> list[str]:
    """Names shown as they are in every language, longest first (see the module docstring)."""
    from sqlalchemy import text

    import geodata

    names: set[str] = set()
    for level in ("land", "kreis"):
        table = geodata.region_table(level)
        names |= set(table["name"]) | set(table["bez"])
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT DISTINCT name, operator, street, city, gemeinde, "
                                 "kreis, land_listed FROM providers"))
        for row in rows:
            names |= {str(value) for value in row if value}
    return sorted((n for n in names if n), key=len, reverse=True)


def without_names(texts: list[str], names: list[str]) -> list[str]:
    """`texts` with every proper name blanked out where it stands as a whole ("Land", BKG's
    kind of a Land, stays in "Landesamt")."""
    out = []
    for value in texts:
        for name in names:
            if name in value:
                value = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", value)
        out.append(value)
    return out


VISIBLE_TEXT_JS = """
const lang = document.documentElement.lang;
const out = [];
function foreign(el) {
  const marked = el.closest('[lang]');
  return marked && marked !== document.documentElement && marked.lang !== lang;
}
function shown(el) {
  return el.checkVisibility ? el.checkVisibility({visibilityProperty: true}) : !!el.offsetParent;
}
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const el = node.parentElement;
  if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
  if (!node.textContent.trim() || !shown(el) || foreign(el)) continue;
  out.push(node.textContent.trim());
}
const named = '[aria-label], [title], [placeholder], [aria-valuetext]';
for (const el of document.querySelectorAll(named)) {
  if (!shown(el) || foreign(el)) continue;
  for (const name of ['aria-label', 'title', 'placeholder', 'aria-valuetext']) {
    const value = el.getAttribute(name);
    if (value) out.push(value);
  }
}
return out;
"""

VIEWS = {
    "karte-land": "/karte?level=land",
    "karte-kreis": "/karte?level=kreis&metric=per_100k&points=1&region=09162",
    "karte-vergleich": "/karte?level=kreis&view=compare",
    "tabelle": "/tabelle?level=kreis",
    "anbieter": "/anbieter",
    "entwicklung": "/entwicklung",
    "quellen": "/quellen",
}
SOURCE = {"de": "Quelle: REHADAT", "en": "Source: REHADAT"}
OTHER = {"de": "en", "en": "de"}


def test_the_marker_lists_are_substantial():
    """The harvest finds the words the check relies on (a broken harvest would pass all)."""
    found = markers()
    assert {"einwohner", "kreise", "quelle", "anbieter", "arbeitsbereich"} <= found["de"]
    assert {"inhabitants", "districts", "source", "providers", "state"} <= found["en"]
    assert len(found["de"]) > 150 and len(found["en"]) > 150


def strays(texts: list[str], words: set[str]) -> list[tuple[str, str]]:
    hits = []
    for text in texts:
        for word in WORD.findall(text):
            if word.lower() in words:
                hits.append((word, text[:90]))
    return sorted(set(hits))


def test_strays_finds_a_word_of_the_other_language():
    assert strays(["Anzahl Anbieter", "Count"], {"anbieter"}) == [
        ("Anbieter", "Anzahl Anbieter")
    ]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_a_page_shows_no_word_of_the_other_language(page, demo_engine, view, lang):
    path = VIEWS[view]
    page.open(f"{path}&lang={lang}" if "?" in path else f"{path}?lang={lang}")
    page.wait_for_text(SOURCE[lang])
    if view.startswith("karte"):
        page.wait_for_map("karte-compare-ib" if view == "karte-vergleich" else "karte-graph")
    page.wait_idle()
    if view == "karte-kreis":  # the open region list: its search field and clear button too
        page.driver.find_element(By.ID, "karte-region").click()
        page.wait_for(lambda d: d.find_elements(By.CSS_SELECTOR, ".dash-dropdown-search"))
    texts = page.js(VISIBLE_TEXT_JS)
    assert len(texts) > 20
    found = strays(without_names(texts, proper_names(demo_engine)), markers()[OTHER[lang]])
    assert not found, "\n".join(f"{word!r} in {text!r}" for word, text in found)
    assert page.console_errors() == []


def test_without_names_keeps_the_ui_words_around_a_name():
    names = ["Beispiel-Anker Bochum gGmbH", "Kreisfreie Stadt", "Bochum"]
    got = without_names(["Beispiel-Anker Bochum gGmbH in Bochum (Kreisfreie Stadt), Anbieter"],
                        names)
    assert strays(got, {"beispiel", "stadt", "anbieter"}) == [("Anbieter", got[0])]
    assert without_names(["Landesamt"], ["Land"]) == ["Landesamt"]


def test_the_german_attribution_lines_are_the_licensed_wording():
    """The UI's German lines are geodata's constants word for word; English differs."""
    import geodata
    from dashboard.text.i18n import fmt_date, t

    date = fmt_date(geodata.attribution.POPULATION_AS_OF, "de")
    assert t("attr.population", "de", date=date) == geodata.attribution.POPULATION
    assert t("attr.plz", "de") == geodata.attribution.PLZ
    assert t("attr.plz", "en") == "Postcode mapping: © OpenStreetMap contributors (ODbL)"


def test_service_names_follow_the_language():
    from dashboard.text.i18n import services_text

    listed = ["Eingangsverfahren", "Arbeitsbereich"]
    assert services_text(listed, "de") == "Eingangsverfahren, Arbeitsbereich"
    assert services_text(listed, "en") == "Entry procedure, Work area"
    assert services_text(None, "en") == "" and services_text("Sonstiges", "en") == "Sonstiges"
