"""One visual language (assets/theme.css) on every page, at 1440 and 390 px: body type of at
least 16 px and no control text under 15 px; every button styled alike (the theme's radius and
height, not the browser's grey) with AA contrast; every select and text input of one height
and border. Measured on the rendered page in Chromium."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
PAGES = ("karte", "tabelle?level=kreis", "entwicklung", "anbieter", "quellen")
# the grid's, the dropdowns' and the charts' own small buttons are theirs, not the page's
OWN = ".ag-root-wrapper, .ag-popup, .dash-dropdown, .dash-dropdown-content, .modebar"

MEASURE_JS = """
const own = arguments[0];
function rgb(s) { const m = s.match(/[\\d.]+/g).map(Number); return m; }
function lum(c) { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b; }
function contrast(a, b) { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05); }
function shown(e) { const r = e.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; }
const buttons = [...document.querySelectorAll('button, a.button')]
  .filter(e => shown(e) && !e.closest(own)).map(e => { const s = getComputedStyle(e);
    return {text: e.innerText.trim().slice(0, 30), radius: s.borderTopLeftRadius,
      height: e.getBoundingClientRect().height, size: parseFloat(s.fontSize),
      background: s.backgroundColor,
      contrast: contrast(rgb(s.color), rgb(s.backgroundColor))}; });
const selects = [...document.querySelectorAll('.dash-dropdown, .dash-input-container')]
  .filter(shown).map(e => { const s = getComputedStyle(e);
    return {id: e.id || e.querySelector('input') && e.querySelector('input').id,
      height: e.getBoundingClientRect().height, border: s.borderTopColor,
      radius: s.borderTopLeftRadius}; });
const small = [...document.querySelectorAll(
    'p, li, label, legend, button, input[type=text], input[type=search], dd, dt, h1, h2, td, th')]
  .filter(e => parseFloat(getComputedStyle(e).fontSize) < 15)  // cheap test first: pages are long
  .filter(e => shown(e) && !e.closest('.js-plotly-plot') && (e.innerText || e.value || '').trim())
  .map(e => ({tag: e.tagName, text: (e.innerText || e.value).trim().slice(0, 30),
    size: parseFloat(getComputedStyle(e).fontSize)}));
return {body: parseFloat(getComputedStyle(document.body).fontSize), buttons, selects, small};
"""


@pytest.mark.parametrize("width", [1440, 390])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_speaks_the_themes_visual_language(page, viewport, path, width):
    viewport(width, 900 if width > 600 else 844)
    page.open(f"/{path}")
    page.wait_idle()
    page.wait_in_page(
        "return document.querySelectorAll('.export-button, .dash-dropdown').length > 0")
    seen = page.js(MEASURE_JS, OWN)
    assert seen["body"] >= 16
    assert seen["small"] == [], f"text under 15 px: {seen['small'][:5]}"
    assert seen["buttons"], "no button measured"
    for button in seen["buttons"]:
        assert button["radius"] == "6px" and button["height"] >= 40, button
        assert button["size"] >= 16 and button["contrast"] >= 4.5, button
        assert button["background"] not in ("rgb(239, 239, 239)", "rgb(240, 240, 240)"), button
    assert seen["selects"], "no select measured"
    assert {s["border"] for s in seen["selects"]} == {"rgb(107, 115, 128)"}, seen["selects"]
    assert {s["radius"] for s in seen["selects"]} == {"6px"}, seen["selects"]
    assert all(s["height"] >= 40 for s in seen["selects"]), seen["selects"]
