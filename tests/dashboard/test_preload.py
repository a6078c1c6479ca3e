"""The Gemeinde map's preload hints: in the index of that view only, naming the exact
addresses the map and dcc.Graph ask for later (so one request serves both)."""

from __future__ import annotations

import pytest

from dashboard.model.geometry import url_path
from dashboard.server.plotly_bundle import DASH_PATH
from dashboard.server.preload import preload_links, wants_gemeinde_map


@pytest.mark.parametrize(("path", "query", "wanted"), [
    ("/erreichbarkeit", "level=gemeinde", True),
    ("/erreichbarkeit", "alevel=gemeinde&land=09&lang=en", True),
    ("/erreichbarkeit", "", False),
    ("/erreichbarkeit", "alevel=kreis", False),
    ("/karte", "level=gemeinde", False),
    ("/atlas/erreichbarkeit", "level=gemeinde", True),
])  # fmt: skip
def test_only_the_gemeinde_view_of_erreichbarkeit_wants_the_hints(path, query, wanted):
    prefix = "/atlas/" if path.startswith("/atlas") else "/"
    assert wants_gemeinde_map(path, query, prefix) is wanted


def test_the_hints_name_the_shapes_and_plotly_below_the_prefix():
    links = preload_links("/atlas/")
    assert f'href="/atlas{url_path("gemeinde")}" as="fetch" crossorigin="anonymous"' in links
    assert f'href="/atlas/{DASH_PATH}" as="script"' in links
    assert links.count("<link") == 5


def test_the_served_index_carries_the_hints_on_the_gemeinde_view_only(app):
    client = app.server.test_client()
    gemeinde = client.get("/erreichbarkeit?level=gemeinde").get_data(as_text=True)
    kreis = client.get("/erreichbarkeit").get_data(as_text=True)
    assert f'href="{url_path("gemeinde")}" as="fetch"' in gemeinde
    assert gemeinde.index('rel="preload"') < gemeinde.index("<body")
    assert 'rel="preload"' not in kreis
