"""Every Germany map outside the Karte (Entwicklung's two change maps, Erreichbarkeit's two
access maps) fills a portrait frame as the Karte does, keeps its colour scale under it, and
at 1440 px has its text alternative beside it; on a phone Germany takes the screen's width and
the page never scrolls sideways. Screenshots: tests/artifacts/frame-<graph>-<width>.png."""

from __future__ import annotations

import pytest

from dashboard.frame import ids
from dashboard.pages import entwicklung

GROWTH = "/entwicklung?level=kreis"
MAPS = [
    (GROWTH, entwicklung.CHANGE_MAP, entwicklung.DESCRIBED[entwicklung.CHANGE_MAP]),
    (GROWTH, entwicklung.POINTS, entwicklung.DESCRIBED[entwicklung.POINTS]),
    ("/erreichbarkeit", ids.ACCESS_MAP, ids.ACCESS_MAP_DESCRIPTION),
    ("/erreichbarkeit", ids.ACCESS_SFCA_MAP, ids.ACCESS_SFCA_DESCRIPTION),
]

GEOMETRY_JS = """
const graph = document.getElementById(arguments[0]);
const paths = [...graph.querySelectorAll('path.choroplethlocation')]
  .map(p => p.getBoundingClientRect()).filter(r => r.width > 0);
const left = Math.min(...paths.map(r => r.left)), right = Math.max(...paths.map(r => r.right));
const top = Math.min(...paths.map(r => r.top)), bottom = Math.max(...paths.map(r => r.bottom));
const bar = graph.querySelector('.colorbar');
const b = bar ? bar.getBoundingClientRect() : null;
const text = document.getElementById(arguments[1]).getBoundingClientRect();
return {germany: [left, top, right - left, bottom - top],
        colorbar: b ? [b.left, b.top, b.width, b.height] : null,
        text: [text.left, text.top], page: document.documentElement.scrollWidth};
"""


@pytest.mark.parametrize("width", [1440, 390])
@pytest.mark.parametrize(("path", "graph", "described"), MAPS, ids=[m[1] for m in MAPS])
def test_the_map_fills_a_portrait_frame_with_its_scale_under_it(
    page, viewport, artifacts_dir, path, graph, described, width
):
    viewport(width, 900 if width > 600 else 844)
    page.open(path)
    page.wait_for_map(graph)
    page.wait_idle()
    page.js("document.getElementById(arguments[0]).scrollIntoView({block: 'start'});", graph)
    page.driver.save_screenshot(str(artifacts_dir / f"frame-{graph}-{width}.png"))
    box = page.js(GEOMETRY_JS, graph, described)
    x, y, w, h = box["germany"]
    assert h > w, f"Germany {w:.0f}x{h:.0f} px is not portrait"
    if box["colorbar"]:
        assert box["colorbar"][1] >= y + h - 1, "the colour scale is not under the map"
    if width == 1440:
        assert h >= 500, f"Germany only {h:.0f} px tall"
        assert box["text"][0] >= x + w, "the text alternative is not beside the map"
    else:
        assert w >= 300, f"Germany only {w:.0f} px wide on a phone"
    assert box["page"] <= width, "the page scrolls sideways"
