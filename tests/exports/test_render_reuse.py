"""The shared renderer: images come back before kaleido reloads its tab, each figure is still
drawn in a freshly loaded page, and the browser can be started ahead of the first export."""

from __future__ import annotations

import time

import plotly.graph_objects as go
import pytest

from dashboard.exports import render
from dashboard.exports.render import prestart_renderer, render_image, stop_renderer


@pytest.fixture(autouse=True)
def _close_browser():
    yield
    stop_renderer()


def _figure(title: str) -> go.Figure:
    return go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout={"title": {"text": title}})


def _kaleido():
    browser = render._BROWSER._kaleido  # noqa: SLF001 - the test looks at the shared browser
    assert browser is not None
    return browser


def _tab_back(seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _kaleido().tabs_ready.qsize() == 1:
            return True
        time.sleep(0.05)
    return False


def test_each_image_is_drawn_in_a_fresh_page_that_reloads_after_the_answer():
    first = render_image(_figure("Erste Karte"), "svg", 400, 300).decode("utf-8")
    assert "Erste Karte" in first
    assert _tab_back(), "the tab never came back after its reload"
    tab = _kaleido().tabs_ready._queue[0]  # noqa: SLF001
    page_of_first = tab._current_js_id  # noqa: SLF001 - a new page has a new JS context
    second = render_image(_figure("Zweite Karte"), "svg", 400, 300).decode("utf-8")
    assert "Zweite Karte" in second and "Erste Karte" not in second
    assert _tab_back()
    assert tab._current_js_id != page_of_first, "the tab was not reloaded between figures"  # noqa: SLF001


def test_a_png_a_pdf_and_an_svg_in_a_row_each_come_out_whole():
    # the reload of one render overlaps the next export's own work, never its image
    assert render_image(_figure("PNG"), "png", 400, 300).startswith(b"\x89PNG\r\n\x1a\n")
    assert render_image(_figure("PDF"), "pdf", 400, 300).startswith(b"%PDF-")
    assert "SVG" in render_image(_figure("SVG"), "svg", 400, 300).decode("utf-8")


def test_the_browser_can_be_started_before_the_first_export():
    stop_renderer()
    thread = prestart_renderer()
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert _kaleido().tabs_ready.qsize() == 1, "the prestarted browser has no ready tab"
    assert render_image(_figure("danach"), "svg", 400, 300).startswith(b"<svg")
