"""The "Einbetten" control (issue 21): a labelled disclosure under Karte, Tabelle and
Entwicklung whose iframe code carries `embed=1` and the view's whole state and follows a
change of the view; the copy button says what happened; axe-core finds nothing serious with
the dialog open; the embedded Land map keeps its title and an unclipped legend at 390 px.
Plus the pure pieces (`embed_src`, `iframe_code`) and their errors."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from dashboard.frame.embed_code import HEIGHTS, embed_src, iframe_code
from tests.dashboard.test_accessibility import run_axe, serious

DESKTOP, PHONE = (1440, 900), (390, 844)
BAYERN = "/karte?level=kreis&metric=none_here&land=09"


# ---------------------------------------------------------------- pure
def test_embed_src_adds_embed_once_and_keeps_the_state():
    src = embed_src("http://atlas.example/", "/karte", "?level=kreis&embed=0&land=09")
    parts = urlsplit(src)
    assert parts.path == "/karte"
    assert parse_qsl(parts.query) == [("level", "kreis"), ("land", "09"), ("embed", "1")]


def test_iframe_code_escapes_its_attributes_and_names_the_frame():
    code = iframe_code('http://a/karte?x=1&embed=1"><script>', 'Karte "A" <b>', 900)
    assert "<script>" not in code and "<b>" not in code
    assert 'src="http://a/karte?x=1&amp;embed=1&quot;&gt;&lt;script&gt;"' in code
    assert 'title="Karte &quot;A&quot; &lt;b&gt;"' in code and 'height="900"' in code


@pytest.mark.parametrize("height", [0, -5])
def test_iframe_code_refuses_a_height_that_is_no_size(height):
    with pytest.raises(ValueError, match="height must be a positive number"):
        iframe_code("http://a/", "t", height)


# ---------------------------------------------------------------- browser
def iframe_of(code: str) -> dict[str, str]:
    attrs = dict(re.findall(r'(\w+)="([^"]*)"', code))
    return {k: unescape(v) for k, v in attrs.items()}


def open_dialog(page, path: str):
    page.open(path)
    page.wait_idle()
    summary = page.driver.find_element(By.CSS_SELECTOR, ".embed-control > summary")
    # by keyboard: focus the summary, Enter opens it
    page.js("arguments[0].focus()", summary)
    summary.send_keys(Keys.ENTER)
    page.wait_for(lambda d: d.find_element(By.CSS_SELECTOR, ".embed-code").is_displayed())
    return page.driver.find_element(By.CSS_SELECTOR, ".embed-code")


@pytest.mark.browser
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1440", "390"])
def test_the_embed_dialog_offers_the_views_iframe_and_is_accessible(
    page, viewport, artifacts_dir, size
):
    viewport(*size)
    field = open_dialog(page, BAYERN)
    # labelled by the label around it: the accessible name is the label's text
    label = field.find_element(By.XPATH, "ancestor::label")
    assert label.text.startswith("HTML-Code zum Einbetten (iframe)")
    assert page.js("return arguments[0].labels.length", field) == 1
    attrs = iframe_of(field.get_attribute("value"))
    src = urlsplit(attrs["src"])
    assert src.path == "/karte"
    assert dict(parse_qsl(src.query)) == {"level": "kreis", "metric": "none_here",
                                          "land": "09", "embed": "1"}
    assert attrs["height"] == str(HEIGHTS["karte"]) and attrs["title"] == "aLA-Atlas: Karte"
    result = run_axe(page)
    assert serious(result) == []
    page.js("document.querySelector('.embed-control').scrollIntoView()")
    page.driver.save_screenshot(str(artifacts_dir / f"embed-dialog-{size[0]}.png"))
    assert page.console_errors() == []


@pytest.mark.browser
def test_the_iframe_code_follows_a_change_of_the_view_and_copies(page, viewport):
    viewport(*DESKTOP)
    field = open_dialog(page, BAYERN)
    page.driver.find_element(By.CSS_SELECTOR, "#karte-metric input[value='count']").click()
    page.wait_for(lambda d: "metric=none_here" not in d.current_url)
    page.wait_for(lambda d: "none_here" not in field.get_attribute("value"))
    query = dict(parse_qsl(urlsplit(iframe_of(field.get_attribute("value"))["src"]).query))
    assert query == {"level": "kreis", "land": "09", "embed": "1"}
    page.driver.find_element(By.CSS_SELECTOR, ".embed-copy").click()
    page.wait_for(lambda d: d.find_element(By.CSS_SELECTOR, ".embed-status").text)
    assert page.driver.find_element(By.CSS_SELECTOR, ".embed-status").text in (
        "Kopiert.", "Kopieren nicht möglich: bitte markieren und mit Strg+C kopieren.")
    assert page.console_errors() == []


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/tabelle?level=kreis&land=09", "/entwicklung?category=ala"])
def test_tabelle_and_entwicklung_offer_the_embed_code_too(page, viewport, path):
    viewport(*DESKTOP)
    field = open_dialog(page, path)
    src = urlsplit(iframe_of(field.get_attribute("value"))["src"])
    assert src.path == path.split("?")[0]
    assert dict(parse_qsl(src.query))["embed"] == "1"


LEGEND_JS = """
const plot = document.querySelector('#karte-graph .js-plotly-plot');
const svg = plot.getBoundingClientRect();
return [...plot.querySelectorAll('.legend .traces')].map(e => {
  const r = e.getBoundingClientRect();
  const text = e.querySelector('.legendtext').getBoundingClientRect();
  return {name: e.textContent, left: text.left, right: text.right, top: r.top,
          svg: [svg.left, svg.right]};
});
"""


@pytest.mark.browser
def test_the_embedded_land_map_keeps_its_title_and_an_unclipped_legend_at_390(
    page, viewport, artifacts_dir
):
    viewport(*PHONE)
    page.open(BAYERN + "&embed=1")
    page.wait_for_map()
    page.wait_idle()
    title = page.driver.find_element(By.ID, "karte-title").text
    assert title == "aLA: Regionen ohne Anbieter nach Kreisen in Bayern"
    entries = page.js(LEGEND_JS)
    assert {e["name"] for e in entries} >= {"ohne Anbieter", "mit Anbieter"}
    for e in entries:
        assert e["svg"][0] - 1 <= e["left"] and e["right"] <= e["svg"][1] + 1, e
    rows: dict[int, list] = {}
    for e in entries:
        rows.setdefault(round(e["top"]), []).append(e)
    for row in rows.values():
        row.sort(key=lambda e: e["left"])
        for a, b in zip(row, row[1:], strict=False):
            assert a["right"] <= b["left"], f"{a['name']} runs into {b['name']}"
    page.driver.save_screenshot(str(artifacts_dir / "embed-karte-bayern-390.png"))
