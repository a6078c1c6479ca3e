"""Accessibility by today's rules: axe-core (>= 4.10, from npm, `make axe`) over every page and
view, in both languages, at Land and Kreis level; a visible focus ring; keyboard operation.

axe results go to tests/artifacts/axe/<page>-<lang>-<level>.json (one file per run), so a
failure can be read in full; the assertion lists rule, impact and the first targets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

pytestmark = pytest.mark.browser

AXE_JS = Path(__file__).resolve().parents[1] / "axe" / "node_modules" / "axe-core" / "axe.min.js"
MIN_AXE = (4, 10)
# page key (artefact name) → path and query; Karte also in its comparison view
VIEWS = {
    "karte": "/karte?",
    "karte-vergleich": "/karte?view=compare&",
    "tabelle": "/tabelle?",
    "anbieter": "/anbieter?",
    "entwicklung": "/entwicklung?",
    "quellen": "/quellen?",
    "karte-embed": "/karte?embed=1&",
    "karte-land": "/karte?level=kreis&land=09&metric=none_here&",
    # the pages and the header's search and Leichte Sprache link that came with issues 12/13
    "erreichbarkeit": "/erreichbarkeit?",
    "region-kreis": "/region/09187?",
    "region-land": "/region/09?",
    "naehe": "/naehe?plz=83022&",
    "suche": "/suche?q=Rosenheim&",
    "leichte-sprache": "/leichte-sprache?",
}
SOURCE_MARK = {"de": "Quelle: REHADAT", "en": "Source: REHADAT"}


def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.fail(f"axe-core is missing at {AXE_JS}: run `make axe` (npm ci in tests/axe)")
    return AXE_JS.read_text(encoding="utf-8")


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("-")[0].split(".")[:3])


def run_axe(page) -> dict:
    """Inject axe-core into the page, run every rule, return violations and the engine."""
    page.js(axe_source())
    # after two animation frames: the page's own repairs (assets/a11y_repairs.js) run once
    # per frame after a DOM change, as they do for a user
    result = page.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
        ".then(() => axe.run(document, {resultTypes: ['violations']}))"
        ".then(r => done({violations: r.violations, passes: r.passes.length,"
        " incomplete: r.incomplete.length, url: r.url, testEngine: r.testEngine}))"
        ".catch(e => done({error: String(e)}));"
    )
    assert "error" not in result, result
    return result


def keep(artifacts_dir: Path, name: str, result: dict) -> None:
    folder = artifacts_dir / "axe"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(
        json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8"
    )


def serious(result: dict) -> list[tuple]:
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:4])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def open_view(page, path: str, lang: str) -> None:
    page.open(path)
    page.wait_for_text(SOURCE_MARK[lang])
    if path.startswith("/karte?view=compare"):
        page.wait_for_map("karte-compare-ib")
    elif path.startswith("/karte"):
        page.wait_for_map()
    elif path.startswith(("/tabelle", "/anbieter")):
        page.wait_in_page("return document.querySelectorAll('.ag-row').length > 0;")
    elif not path.startswith(("/entwicklung", "/quellen")):  # the routed pages, Erreichbarkeit
        page.wait_in_page("return document.querySelectorAll('main h1').length > 0;")
    page.wait_idle()


def test_the_bundled_axe_core_is_current():
    """A downgrade to an axe-core that lacks today's rules fails here."""
    head = axe_source()[:200]
    assert head.startswith("/*! axe v"), head[:40]
    version = head.split()[2].lstrip("v")
    assert version_tuple(version) >= MIN_AXE, version


@pytest.mark.parametrize("level", ["land", "kreis"])
@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_no_serious_or_critical_axe_violations(page, artifacts_dir, view, lang, level):
    open_view(page, f"{VIEWS[view]}level={level}&lang={lang}", lang)
    result = run_axe(page)
    assert version_tuple(result["testEngine"]["version"]) >= MIN_AXE, result["testEngine"]
    keep(artifacts_dir, f"{view}-{lang}-{level}", result)
    assert serious(result) == []
    assert result["passes"] > 20  # axe really ran its rules over the page
    assert page.console_errors() == []


def test_the_opened_region_details_and_an_open_dropdown_pass_axe(page, artifacts_dir):
    """States a first load does not show: a region's details and the open region list."""
    open_view(page, "/karte?level=kreis&region=09162&points=1", "de")
    page.wait_for_text("Details: ")
    dropdown = page.driver.find_element(By.CSS_SELECTOR, "#karte-region")
    dropdown.click()
    page.wait_for(lambda d: d.find_elements(By.CSS_SELECTOR, ".dash-dropdown-option"))
    result = run_axe(page)
    keep(artifacts_dir, "karte-region-open-de-kreis", result)
    assert serious(result) == []
    assert page.console_errors() == []


FOCUS_JS = """
const e = document.activeElement;
// the element that draws the ring: the control itself, or the wrapper that :focus-within styles
const ringed = [e, e.closest('.dash-dropdown'), e.closest('.ag-root-wrapper')].filter(Boolean);
for (const el of ringed) {
  const s = getComputedStyle(el);
  const width = parseFloat(s.outlineWidth) || 0;
  if (s.outlineStyle !== 'none' && width >= 2) {
    return {tag: e.tagName, id: e.id, cls: String(e.className), ok: true,
            width: width, colour: s.outlineColor, on: el === e ? 'self' : el.className};
  }
  if (s.boxShadow && s.boxShadow !== 'none' && /\\b[2-9]px\\b|\\b\\d{2}px/.test(s.boxShadow)) {
    return {tag: e.tagName, id: e.id, cls: String(e.className), ok: true,
            shadow: s.boxShadow, on: el === e ? 'self' : el.className};
  }
}
return {tag: e.tagName, id: e.id, cls: String(e.className), ok: false,
        outline: getComputedStyle(e).outline};
"""


@pytest.mark.parametrize(
    ("name", "path", "stops"),
    [
        ("karte", "/karte?level=kreis", 40),
        ("tabelle", "/tabelle?level=kreis", 25),
        ("anbieter", "/anbieter", 25),
    ],
)
def test_every_keyboard_stop_shows_a_visible_focus_ring(page, browser, artifacts_dir,
                                                        name, path, stops):
    """Tab through the page: each focused element (or the widget wrapping it) draws an
    outline of at least 2 px (CSS :focus-visible), and the ring is in the screenshot."""
    open_view(page, path + "&lang=de" if "?" in path else path + "?lang=de", "de")
    page.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    body = page.driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    seen = []
    pictured = False
    for _ in range(stops):
        state = page.js(FOCUS_JS)
        seen.append(state)
        control = state["tag"] in ("INPUT", "BUTTON") and state["id"] != "shell-lang-button"
        if control and not pictured:
            # the first form control: keep a picture of its ring
            browser.save_screenshot(str(artifacts_dir / f"focus-{name}.png"))
            pictured = True
        page.driver.switch_to.active_element.send_keys(Keys.TAB)
    kinds = {s["tag"] for s in seen}
    assert {"A", "INPUT"} <= kinds or {"A", "BUTTON"} <= kinds, kinds
    missing = [s for s in seen if not s["ok"] and s["tag"] != "BODY"]
    assert missing == [], missing
    assert page.console_errors() == []


def test_a_dropdown_is_one_tab_stop_and_works_by_keyboard(page):
    """The repaired dcc.Dropdown: Tab lands on its button (named by its label), Enter opens
    the list, typing searches, Enter chooses, and the region's details follow."""
    open_view(page, "/karte?level=kreis", "de")
    page.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    page.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    for _ in range(60):
        if page.js("return document.activeElement.id") == "karte-region":
            break
        page.driver.switch_to.active_element.send_keys(Keys.TAB)
    button = page.driver.switch_to.active_element
    assert button.get_attribute("id") == "karte-region"
    assert button.get_attribute("aria-labelledby").split()[0] == "karte-region-label"
    # the hidden focus target is no tab stop of its own
    assert page.js("return document.querySelector('#karte-region')"
                   ".previousElementSibling.inert") is True
    button.send_keys(Keys.ENTER)
    search = page.wait_for(lambda d: d.find_element(By.CSS_SELECTOR, ".dash-dropdown-search"))
    page.wait_for(lambda d: d.switch_to.active_element == search)
    search.send_keys("Nürnberg")
    page.wait_for(lambda d: "Nürnberg" in d.find_element(
        By.CSS_SELECTOR, ".dash-dropdown-option").text)
    search.send_keys(Keys.ARROW_DOWN)
    page.driver.switch_to.active_element.send_keys(Keys.ENTER)
    page.wait_for_text("Details: Nürnberg")
    page.wait_for(lambda d: "region=09564" in d.current_url)
    assert page.console_errors() == []
