"""Charts keep to their boxes: no plot overflows its container or lies over another one.

A regression guard: Entwicklung once drew its Länder panels and bars on top of each other
(responsive graphs ignored the figures' own heights), which no text-based test could see.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

VIEWS = (
    "/entwicklung",
    "/entwicklung?level=kreis&metric=per_100k",
    "/karte?level=kreis&view=compare",
    "/tabelle",
)

# For every drawn plot: its own box and the box of the SVG Plotly drew inside it.
BOXES = """
return Array.from(document.querySelectorAll('.js-plotly-plot'))
  .filter(el => el.offsetParent !== null)
  .map(el => {
    const box = el.getBoundingClientRect();
    const svg = el.querySelector('svg.main-svg').getBoundingClientRect();
    return {id: el.parentElement.id || el.id, top: box.top + scrollY, bottom: box.bottom + scrollY,
            left: box.left, right: box.right, svgTop: svg.top + scrollY,
            svgBottom: svg.bottom + scrollY};
  });
"""


def _overlap(a: dict, b: dict) -> bool:
    return (a["svgTop"] < b["svgBottom"] - 1 and b["svgTop"] < a["svgBottom"] - 1
            and a["left"] < b["right"] - 1 and b["left"] < a["right"] - 1)


@pytest.mark.parametrize("view", VIEWS)
def test_no_chart_overflows_its_box_or_covers_another(page, view):
    page.open(view)
    page.wait_for_text("Quelle: REHADAT-Adressen (IW Köln), Stand ")
    page.wait_idle()
    page.wait_in_page(
        "return document.querySelectorAll('.js-plotly-plot svg.main-svg').length > 0;")
    boxes = page.js(BOXES)
    assert boxes, f"no chart drawn on {view}"
    for box in boxes:
        assert box["svgBottom"] <= box["bottom"] + 2, f"{box['id']} overflows its box: {box}"
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not _overlap(a, b), f"{a['id']} and {b['id']} overlap on {view}"
