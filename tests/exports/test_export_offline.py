"""Static export needs no network.

Every http(s) request Chromium makes goes to a recording proxy on loopback (the variable
choreographer reads). A figure that references a web address shows the proxy works; our map,
chart and points exports then must not ask for anything but Chromium's own background
services, which the production setting sends to a closed port (render.DEAD_END_PROXY).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import plotly.graph_objects as go
import pytest

from dashboard.exports import ExportRequest, export_view
from dashboard.exports.render import render_image, stop_renderer

# Chromium's own chatter, not asked for by any figure (update checks, account check,
# the default search engine's preconnect). Kept as a list so anything new fails the test.
BROWSER_SERVICES = {
    "update.googleapis.com", "accounts.google.com", "clients2.google.com",
    "start.duckduckgo.com", "safebrowsingohttpgateway.googleapis.com",
    "optimizationguide-pa.googleapis.com", "content-autofill.googleapis.com",
}


@pytest.fixture
def recording_proxy(httpserver, monkeypatch):
    """Chromium (started fresh) sends every http(s) request to this server instead."""
    stop_renderer()
    monkeypatch.setenv("CHOREO_PROXY_SERVER", f"http://127.0.0.1:{httpserver.port}")
    yield httpserver
    stop_renderer()  # the next test gets a browser with the production setting


def hosts(server) -> set[str]:
    found = set()
    for request, _ in server.log:
        target = request.url if request.method != "CONNECT" else "https://" + request.path
        found.add(urlsplit(target).hostname or request.host.split(":")[0])
    return found


def test_the_proxy_sees_what_a_figure_would_fetch(recording_proxy):
    figure = go.Figure(go.Bar(y=[1, 2]))
    figure.add_layout_image(source="http://tiles.example.org/logo.png", x=0, y=1,
                            sizex=1, sizey=1, xref="paper", yref="paper")
    render_image(figure, "png", 300, 200)
    assert "tiles.example.org" in hosts(recording_proxy)


def test_map_chart_and_points_exports_fetch_nothing(recording_proxy, demo_engine, demo_ids):
    requests = [
        ExportRequest("karte", "png", "kreis", "ala", "per100k", points=True),
        ExportRequest("entwicklung", "svg", view="verlauf"),
        ExportRequest("entwicklung", "pdf", view="aenderungen", base=demo_ids[0]),
    ]
    for request in requests:
        assert export_view(demo_engine, request).content
    assert hosts(recording_proxy) - BROWSER_SERVICES == set()
