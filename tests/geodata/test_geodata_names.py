"""Name normalisation: OSM spellings against BKG's official names."""

from __future__ import annotations

import pytest

from geodata.names import base, keys, kreis_key, normalise, parts


@pytest.mark.parametrize(
    ("osm", "bkg"),
    [
        ("Altdorf bei Nürnberg", "Altdorf b.Nürnberg"),
        ("Sankt Wendel", "St. Wendel"),
        ("Mühldorf am Inn", "Mühldorf a. Inn"),
        ("Weiden in der Oberpfalz", "Weiden i.d. OPf."),
        ("Neustadt an der Aisch-Bad Windsheim", "Neustadt a.d. Aisch-Bad Windsheim"),
        ("Haag in Oberbayern", "Haag i. OB"),
        ("Bernstadt auf dem Eigen", "Bernstadt a. d. Eigen"),
        ("GÖRLITZ", "Görlitz"),
        ("Weißenfels", "Weissenfels"),
    ],
)
def test_spellings_of_the_same_place_get_the_same_key(osm, bkg):
    assert normalise(osm) == normalise(bkg)


def test_suffixes_and_bilingual_names_are_dropped_in_the_base_key():
    assert base("Adorf/Vogtl.") == base("Adorf") == "adorf"
    assert base("Halle (Saale)") == "halle"
    assert base("Cottbus - Chóśebuz") == "cottbus"
    assert base("Hamm, Stadt") == "hamm"


def test_keys_offer_the_name_without_a_title_word():
    assert "eisleben" in keys("Lutherstadt Eisleben")
    assert "wehlen" in keys("Stadt Wehlen")
    assert keys("Dresden") == ("dresden",)


def test_merged_names_split_into_parts():
    assert parts("Aue-Bad Schlema") == ["aue", "bad schlema"]


@pytest.mark.parametrize(
    ("table", "bkg"),
    [
        ("Landkreis Konstanz", "Konstanz"),
        ("Kreis Pinneberg", "Pinneberg"),
        ("Städteregion Aachen", "Städteregion Aachen"),
        ("Region Hannover", "Region Hannover"),
        ("Regionalverband Saarbrücken", "Regionalverband Saarbrücken"),
        ("Landkreis Neustadt an der Waldnaab", "Neustadt a.d. Waldnaab"),
    ],
)
def test_kreis_names_lose_their_kind_prefix(table, bkg):
    assert kreis_key(table) == kreis_key(bkg)
