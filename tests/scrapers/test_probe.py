"""`python -m scrapers probe` against the loopback site: as reconstructed, and with markup
that differs the way the live site might. The first test runs the command as a process
(`run_cli`); the others are about what it finds and says, and call the same click command in
this process (`here`, see tests/scrapers/test_scraper_cli.py), without a start-up per case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scrapers.render import DEFAULT_SLUGS
from scrapers.samples import sample_records
from tests.scrapers.test_scraper_cli import run_cli, run_cli_here

SIZES = {"ala": 47, "wfbm": 30, "ib": 25}

# The same listing written differently: entries in div.adresse without p.kontaktdaten,
# the total as "Ergebnisse: 3".
OTHER_MARKUP = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Andere Leistungsanbieter - REHADAT</title></head><body>
<div class="suchinfo">Ergebnisse: 3</div>
<div class="adresse"><h3><a href="index.html?id=ADR1">Beispiel Eins gGmbH</a></h3>
<p class="anschrift">Hauptstraße 1<br>01067 Dresden</p></div>
<div class="adresse"><h3><a href="index.html?id=ADR2">Beispiel Zwei gGmbH</a></h3>
<p class="anschrift">Gartenweg 2<br>04109 Leipzig</p></div>
<div class="adresse"><h3><a href="index.html?id=ADR3">Beispiel Drei gGmbH</a></h3>
<p class="anschrift">Am Markt 3<br>09111 Chemnitz</p></div>
</body></html>"""

# Entries are found (p.kontaktdaten) but written with other conventions: "D 01067" PLZ,
# "Rufnummer:", an opening-hours line, and a next link reading "Seite 2 ›".
SHIFTED_MARKUP = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Werkstätten - REHADAT</title></head><body>
<p class="trefferanzahl">45 Treffer</p><ul>
<li><h3><a href="index.html?id=ADR0000101&amp;mode=detail">Beispiel-Werkstatt Nord</a></h3>
<p class="kontaktdaten">Nordweg 1<br>D 01067 Dresden<br>Rufnummer: 0351 1234<br>
Öffnungszeiten: Mo–Fr 8–16 Uhr</p></li>
<li><h3><a href="index.html?id=ADR0000102&amp;mode=detail">Beispiel-Werkstatt Süd</a></h3>
<p class="kontaktdaten">Südweg 2<br>04109 Leipzig<br>Rufnummer: 0341 5678</p></li>
</ul><div class="seiten"><a href="index.html?mode=detail&amp;page=2">Seite 2 ›</a></div>
</body></html>"""


def _site_with_all(site):
    for category, size in SIZES.items():
        site.add_category(category, sample_records(category, size, seed=11,
                                                   base_url=site.base_url))


@pytest.fixture
def here(capsys):
    """here(*args, env=None): the CLI in this process, with this test's captured output."""
    return lambda *args, env=None: run_cli_here(capsys, *args, env=env)


def _probe(site, tmp_path, *args, run=run_cli):
    return run("probe", "--base-url", site.base_url, "--delay", "0",
               "--save-pages", str(tmp_path / "probe"), *args)


def test_the_probe_of_the_reconstructed_site_passes_and_reports_every_item(site, tmp_path):
    _site_with_all(site)
    result = _probe(site, tmp_path)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    for category, size in SIZES.items():
        section = out.split(f"== {category}:")[1].split("verdict:")[0]
        assert f"source:        {site.base_url}/adressen/" in section
        assert f"robots.txt:    allowed ({site.base_url}/robots.txt: HTTP 200)" in section
        assert "HTTP:          200, final URL " in section
        assert f"total stated:  {size}" in section
        assert f"entries:       {min(size, 20)} found, {min(size, 20)} parsed" in section
        [next_line] = [ln for ln in section.splitlines() if ln.startswith("next page:")]
        assert "&page=2&" in next_line and next_line.endswith("(pages count from 1)")
        assert "name 100 %" in section and "plz 100 %" in section
        assert "unmatched lines: none" in section
        sample, _ = json.JSONDecoder().raw_decode(section.split("sample entry:")[1].strip())
        assert sample["category"] == category and len(sample["plz"]) == 5
    assert "ala OK" in out and "wfbm OK" in out and "ib OK" in out
    assert "probe OK: 3 categories" in out
    # robots first, then exactly one listing page per category
    assert site.hits[0].path == "/robots.txt" and len(site.robots_hits()) == 1
    assert [h.path.split("/")[3] for h in site.hits[1:]] == [DEFAULT_SLUGS[c] for c in SIZES]
    index = (tmp_path / "probe" / "index.jsonl").read_text().splitlines()
    assert [json.loads(line)["file"] for line in index] == [
        "ala/0001.html", "wfbm/0001.html", "ib/0001.html"]
    assert json.loads((tmp_path / "probe" / "run.json").read_text())["ok"] is True


def test_markup_without_kontaktdaten_fails_and_names_the_selectors(here, site, tmp_path):
    _site_with_all(site)
    site.pages[DEFAULT_SLUGS["ala"]] = [OTHER_MARKUP.encode()]
    result = _probe(site, tmp_path, "--category", "ala", run=here)
    print(result.stdout)
    assert result.returncode == 1
    out = result.stdout
    assert "HTTP:          200" in out
    assert "FAIL: " in out and "not a listing page" in out
    assert ("→ look at selectors.KONTAKTDATEN_XPATH (lines starting with a PLZ are in: "
            "p.anschrift (3×)) and selectors.TOTAL_RE") in out
    assert "verdict:       ala FAILED" in out
    assert "probe FAILED for ala" in out
    saved = tmp_path / "probe" / "ala" / "0001.html"
    assert saved.read_bytes() == OTHER_MARKUP.encode()  # kept for the maintainer


def test_shifted_conventions_are_each_named_with_their_selector(here, site, tmp_path):
    _site_with_all(site)
    site.pages[DEFAULT_SLUGS["wfbm"]] = [SHIFTED_MARKUP.encode()]
    result = _probe(site, tmp_path, "--category", "wfbm", run=here)
    print(result.stdout)
    assert result.returncode == 1
    out = result.stdout
    assert "total stated:  45" in out
    assert "entries:       2 found, 1 parsed" in out
    assert "entry 1 ('Beispiel-Werkstatt Nord'): no PLZ line" in out
    assert "→ look at selectors.PLZ_LINE_RE" in out
    assert "no next-page link" in out and "selectors.NEXT_TEXT_RE" in out
    assert "unmatched lines (5):" in out
    assert "'Rufnummer: 0351 1234'" in out and "'D 01067 Dresden'" in out
    assert "warn: no entry has phone\n      → look at selectors.PHONE_RE" in out
    assert "phone 0 %" in out and "street 100 %" in out


def test_robots_txt_is_asked_first_and_a_disallowed_listing_is_never_fetched(
    here, site, tmp_path
):
    _site_with_all(site)
    site.robots = "User-agent: *\nDisallow: /adressen/\n"
    result = _probe(site, tmp_path, "--category", "ib", run=here)
    assert result.returncode == 1
    assert f"robots.txt:    DISALLOWED ({site.base_url}/robots.txt)" in result.stdout
    assert "ask REHADAT" in result.stdout
    assert [h.path for h in site.hits] == ["/robots.txt"]


def test_a_guessed_slug_that_moved_is_found_on_the_overview_and_the_path_named(
    here, site, tmp_path
):
    records = sample_records("ala", 12, seed=2, base_url=site.base_url)
    site.add_category("ala", records, slug="andere-leistungsanbieter-neu")
    moved = "/adressen/arbeit-beschaeftigung/andere-leistungsanbieter-neu/index.html"
    site.set_overview({"Andere Leistungsanbieter": moved})
    result = _probe(site, tmp_path, "--category", "ala", run=here)
    assert result.returncode == 0, result.stdout
    assert "answered 404; the listing was found on the overview page" in result.stdout
    assert "→ look at SOURCES['ala'] path" in result.stdout
    assert "saved:         ala/0001.html, ala/0002.html, ala/0003.html" in result.stdout


def test_an_unreachable_site_is_one_failure_per_category_not_a_stack_trace(here, tmp_path):
    result = here("probe", "--base-url", "http://127.0.0.1:9", "--delay", "0",
                     "--category", "ib", "--save-pages", str(tmp_path / "p"))
    assert result.returncode == 1
    assert "robots.txt:    UNREACHABLE" in result.stdout
    assert "Traceback" not in result.stderr
    assert Path(tmp_path / "p").is_dir()


def test_a_single_page_short_of_its_total_and_repeated_entries_fail(here, site, tmp_path):
    records = sample_records("ib", 3, seed=8, base_url=site.base_url)
    site.add_category("ib", records[:2] + [records[0]], total=4)
    result = _probe(site, tmp_path, "--category", "ib", run=here)
    assert result.returncode == 1
    assert "FAIL: the only page lists 3 entries but the site states 4" in result.stdout
    assert f"FAIL: 1 entries appear twice on the page (e.g. {records[0].source_id})" \
        in result.stdout
