"""The parser on hand-written pages following the reconstruction, with real-site variations."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrapers import normalise as norm
from scrapers.exceptions import ParseError
from scrapers.parse import declared_encoding, find_category_link, parse_listing
from scrapers.records import fallback_source_id

FIXTURES = Path(__file__).parent / "fixtures"

URL = "https://www.rehadat-adressen.de/adressen/arbeit-beschaeftigung/andere-leistungsanbieter/index.html?mode=detail"


def parse_fixture(name: str, category: str = "ala", **kwargs):
    return parse_listing((FIXTURES / name).read_bytes(), URL, category, **kwargs)


@pytest.fixture(scope="module")
def ala_page():
    return parse_fixture("ala_page1.html")


def by_id(page, source_id):
    return next(r for r in page.records if r.source_id == source_id)


def test_a_full_entry_gives_every_field(ala_page):
    record = by_id(ala_page, "ADR0012345")
    assert record.name == "Beispiel Service gGmbH"
    assert record.operator == "Beispiel Lebenshilfe e.V."
    assert (record.street, record.plz, record.city) == ("Hauptstraße 5", "01067", "Dresden")
    assert record.phone == "0351 123456"
    assert record.email == "info@example.org"  # lower-cased
    assert record.website == "https://www.example.org"
    assert record.land_listed == "Sachsen"
    assert record.services == ("Eingangsverfahren", "Berufsbildungsbereich", "Arbeitsbereich")
    assert record.source_url == (
        "https://www.rehadat-adressen.de/adressen/arbeit-beschaeftigung/"
        "andere-leistungsanbieter/index.html?id=ADR0012345&mode=detail"
    )


def test_hit_count_with_thousands_separator_and_nbsp_is_read_as_an_integer(ala_page):
    assert ala_page.expected_total == 1020


def test_the_next_link_is_followed_and_the_back_link_is_not(ala_page):
    assert ala_page.next_page is not None and ala_page.next_page.endswith("page=2")
    assert ala_page.next_page.startswith("https://www.rehadat-adressen.de/adressen/")


def test_entities_nbsp_and_tel_dot_are_normalised_in_an_entry_without_traeger(ala_page):
    record = by_id(ala_page, "ADR0020001")
    assert record.name == "Arbeit & Teilhabe gGmbH"
    assert record.operator is None
    assert record.street == "Am Mühlgraben 12"
    assert (record.plz, record.city) == ("09111", "Chemnitz")
    assert record.phone == "0371 98 76 54"
    assert record.website == "https://www.arbeit-teilhabe.de"  # scheme added
    assert record.email is None


def test_markup_characters_in_a_name_come_back_as_text(ala_page):
    assert by_id(ala_page, "ADR0030002").name == "Perspektive <Arbeit> e.V."


def test_contact_person_lines_are_dropped_and_never_stored(ala_page):
    record = by_id(ala_page, "ADR0030002")
    assert record.street == "Kieler Str. 1"
    assert record.phone == "0431 555-0"
    assert record.website is None and record.email is None
    for page_record in ala_page.records:
        text = repr(page_record.to_dict())
        assert "Müller" not in text and "Mustermann" not in text and "Erika" not in text


def test_a_person_line_between_street_and_plz_does_not_become_the_street(ala_page):
    record = by_id(ala_page, "ADR0040003")
    assert (record.street, record.plz, record.city) == ("Schloßplatz 3", "04109", "Leipzig")
    assert record.email == "kontakt@bruecke-beruf.de"  # ?subject dropped
    assert record.services == ("Arbeitsbereich",)  # unknown service left out


def test_plz_with_a_leading_zero_stays_a_five_character_string(ala_page):
    plzs = {r.plz for r in ala_page.records}
    assert "01067" in plzs and "09111" in plzs and "04109" in plzs
    assert all(isinstance(p, str) and len(p) == 5 for p in plzs)


def test_a_clean_page_has_no_problems(ala_page):
    assert ala_page.problems == []
    assert ala_page.entries_found == len(ala_page.records) == 4


def test_a_windows_1252_page_declared_by_meta_is_decoded():
    page = parse_fixture("wfbm_cp1252.html", "wfbm")
    [record] = page.records
    assert record.name == "Werkstätten Süd – Förderwerk gGmbH"
    assert record.operator == "Caritasverband für das Bistum Würzburg e.V."
    assert record.street == "Große Straße 7"
    assert record.city == "Würzburg"
    assert record.services == ("Eingangsverfahren", "Berufsbildungsbereich", "Arbeitsbereich")
    assert page.expected_total == 95
    assert page.problems == []


def test_the_http_header_charset_decodes_a_page_without_meta():
    raw = (FIXTURES / "wfbm_cp1252.html").read_bytes().replace(
        b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', b""
    )
    assert declared_encoding(raw) == "utf-8"
    page = parse_listing(raw, URL, "wfbm", content_type="text/html; charset=ISO-8859-1")
    assert page.records[0].city == "Würzburg"
    assert page.problems == []


def test_bytes_invalid_in_the_declared_encoding_are_a_problem_not_silent_garbage():
    raw = (FIXTURES / "wfbm_cp1252.html").read_bytes().replace(b"windows-1252", b"utf-8")
    page = parse_listing(raw, URL, "wfbm")
    assert any("invalid in the declared encoding utf-8" in p for p in page.problems)


def test_a_last_page_with_fewer_entries_has_no_next_page_and_a_big_total():
    page = parse_fixture("ib_last_page.html", "ib")
    assert page.next_page is None
    assert page.expected_total == 2043
    assert [r.name for r in page.records] == ["Zum Löwen Inklusionshotel", "Zeitgeist Service GmbH"]
    assert page.records[1].website == "http://zeitgeist.example"


def test_keine_treffer_is_a_total_of_zero_with_no_records():
    page = parse_fixture("keine_treffer.html")
    assert (page.expected_total, page.records, page.next_page) == (0, [], None)
    assert page.problems == []


def test_an_error_page_served_with_200_is_a_parse_error_naming_the_page():
    with pytest.raises(ParseError, match="not a listing page.*Wartungsarbeiten"):
        parse_fixture("error_page.html")


def test_a_truncated_page_is_reported_and_its_cut_entry_named():
    page = parse_fixture("truncated.html", "wfbm")
    assert any("truncated" in p for p in page.problems)
    assert any("entry 2 ('Werkstatt Am Berg'): no PLZ" in p for p in page.problems)
    assert [r.name for r in page.records] == ["Werkstatt Am See"]


def test_entries_without_plz_or_name_are_left_out_and_named():
    page = parse_fixture("broken_entries.html")
    assert [r.name for r in page.records] == ["Vollständig e.V."]
    assert page.entries_found == 3
    assert page.problems == [
        "entry 1 ('Ohne Postleitzahl gGmbH'): no PLZ line (5 digits then the Ort)",
        "entry 2: no name (no heading or link before p.kontaktdaten)",
    ]


def test_unknown_class_names_are_not_needed_only_kontaktdaten():
    page = parse_fixture("other_markup.html", "ib")
    first, second = page.records
    assert first.name == "Inklusionsbetrieb Nordlicht"
    assert first.source_id == "ADR0777001"  # from the "Details" link
    assert first.email == "nordlicht@example.org"
    assert first.phone == "0381 44 55"
    assert second.source_id == fallback_source_id("ib", "Südwind Service", "79098", "Sonnenweg 1")
    assert second.city == "Freiburg im Breisgau"
    assert page.expected_total == 12
    assert page.next_page.endswith("?page=2")  # rel=next, not the "1" link


def test_the_fallback_source_id_is_stable_and_depends_on_the_address():
    a = fallback_source_id("ala", "Foo", "01067", "Hauptstraße 5")
    assert a == fallback_source_id("ala", "Foo", "01067", "Hauptstraße 5")
    assert a != fallback_source_id("ala", "Foo", "01067", "Hauptstraße 6")
    assert a != fallback_source_id("wfbm", "Foo", "01067", "Hauptstraße 5")


def test_an_empty_page_and_an_unknown_category_are_parse_errors():
    with pytest.raises(ParseError, match="empty page"):
        parse_listing(b"", URL, "ala")
    with pytest.raises(ParseError, match="unknown category 'xyz'"):
        parse_listing(b"<html></html>", URL, "xyz")


def test_the_overview_page_gives_a_category_link_by_its_german_title():
    raw = (FIXTURES / "overview.html").read_bytes()
    base = "https://www.rehadat-adressen.de/adressen/arbeit-beschaeftigung/"
    assert find_category_link(raw, base, "Werkstätten für behinderte Menschen") == (
        "https://www.rehadat-adressen.de/adressen/arbeit-beschaeftigung/wfbm/"
    )
    assert find_category_link(raw, base, "Andere Leistungsanbieter").endswith("/ala/")
    assert find_category_link(raw, base, "Budget für Arbeit") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1.020", 1020), ("95", 95), ("12.345", 12345), ("1.000", 1000)],
)
def test_german_numbers_are_read_with_the_dot_as_thousands_separator(text, expected):
    assert norm.parse_german_int(text) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("www.example.org", "https://www.example.org"),
        ("http://example.org", "http://example.org"),
        ("//cdn.example.org/x", "https://cdn.example.org/x"),
        ("  ", None),
    ],
)
def test_websites_always_get_a_scheme(raw, expected):
    assert norm.clean_website(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("mailto:Info@Example.ORG", "info@example.org"),
        ("MAILTO:a%40b.de", "a@b.de"),
        ("mailto:x@y.de?subject=Hallo", "x@y.de"),
        ("keine adresse", None),
    ],
)
def test_emails_are_lower_cased_and_stripped_of_mailto(raw, expected):
    assert norm.clean_email(raw) == expected


def test_services_map_to_the_three_canonical_names_in_order():
    assert norm.normalise_services("Arbeitsbereich; Eingangsverfahren und Sonstiges") == (
        "Eingangsverfahren", "Arbeitsbereich"
    )
    assert norm.normalise_services("") == ()


def test_every_kind_of_space_collapses_to_one():
    assert norm.clean_text("\u00a0 A\u2009\u202fB\u200b C \n") == "A B C"


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("<p>1 bis 20 von 1.020 Treffern</p>", 1020),
        ("<div>Ihre Suche ergab <b>95</b> Ergebnisse</div>", 95),
        ("<p class='trefferanzahl'>12.345 Treffer</p><p>20 Treffer pro Seite</p>", 12345),
        ("<p>0 Treffer</p>", 0),
    ],
)
def test_hit_counts_in_other_wordings_are_read(snippet, expected):
    html = f"<html><body>{snippet}<p class='kontaktdaten'>01067 Dresden</p></body></html>"
    assert parse_listing(html, URL, "ala").expected_total == expected


def test_a_flat_layout_without_entry_containers_still_separates_entries():
    html = """<html><body><div class="liste"><p>2 Treffer</p>
      <h3>Erster Betrieb</h3><p class="kontaktdaten">Weg 1<br>01067 Dresden</p>
      <p>Bundesland: Sachsen</p>
      <h3>Zweiter Betrieb</h3><p class="kontaktdaten">Weg 2<br>99084 Erfurt</p>
      <p>Bundesland: Thüringen</p><p>Angebot: Arbeitsbereich</p>
    </div></body></html>"""
    page = parse_listing(html, URL, "ib")
    assert [(r.name, r.street, r.land_listed, r.services) for r in page.records] == [
        ("Erster Betrieb", "Weg 1", "Sachsen", ()),
        ("Zweiter Betrieb", "Weg 2", "Thüringen", ("Arbeitsbereich",)),
    ]


def test_without_a_heading_the_name_comes_from_the_link_before_the_contact_block():
    html = """<html><body><p>1 Treffer</p><ul><li>
      <a href="index.html?id=ADR0000042&amp;mode=detail">Werkstatt ohne Überschrift</a>
      <p class="kontaktdaten">Weg 3<br>80331 München<br>
      <a href="mailto:a@b.de">a@b.de</a></p></li></ul></body></html>"""
    [record] = parse_listing(html, URL, "wfbm").records
    assert (record.name, record.source_id, record.email) == (
        "Werkstatt ohne Überschrift", "ADR0000042", "a@b.de"
    )
    assert record.source_url.endswith("index.html?id=ADR0000042&mode=detail")


def test_parsing_is_pure_the_same_bytes_give_the_same_page():
    raw = (FIXTURES / "ala_page1.html").read_bytes()
    assert parse_listing(raw, URL, "ala") == parse_listing(raw, URL, "ala")


def test_an_id_in_a_providers_own_website_link_is_not_taken_for_rehadats():
    html = """<html><body><p>1 Treffer</p><ol><li><h3>Eigenbetrieb</h3>
      <p class="kontaktdaten">Weg 4<br>01067 Dresden<br>
      <a href="https://eigenbetrieb.example/index.php?id=55">eigenbetrieb.example</a></p>
      </li></ol></body></html>"""
    [record] = parse_listing(html, URL, "ib").records
    assert record.source_id.startswith("hash:")
    assert record.website == "https://eigenbetrieb.example/index.php?id=55"
