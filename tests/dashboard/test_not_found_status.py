"""Unknown addresses answer HTTP 404 (with the app's shell, which draws the not-found page);
pages, routed pages, the API, assets, feeds and Dash's own routes keep their answers."""

from __future__ import annotations

import pytest

from dashboard.frame.not_found import is_page_path
from dashboard.pages import PAGE_MODULES, ROUTED_MODULES


@pytest.mark.parametrize("path", [
    "/does-not-exist", "/gibt-es-nicht?lang=en", "/karte/extra", "/favicon.php", "/Karte",
    "/tabelle/../geheim", "/region-x", "/wp-admin/", "/robots.txt",
])
def test_an_address_that_is_no_page_answers_404_with_the_shell(app, path):
    response = app.server.test_client().get(path)
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert b'id="react-entry-point"' in response.data  # the shell, which renders "not found"


@pytest.mark.parametrize("path", [
    "/", "/karte", "/karte/", "/tabelle?lang=en", "/entwicklung", "/anbieter", "/quellen",
    "/erreichbarkeit", "/region/09187", "/region/DE", "/naehe?plz=83022", "/suche?q=Rosenheim",
    "/leichte-sprache",
])
def test_every_page_still_answers_200(app, path):
    assert app.server.test_client().get(path).status_code == 200


@pytest.mark.parametrize(("path", "status", "mimetype"), [
    ("/api/regions?level=land&category=ala", 200, "application/json"),
    ("/api/nope", 404, "application/json"),
    ("/healthz", 200, "application/json"),
    ("/assets/style.css", 200, "text/css"),
    ("/feeds/changes.atom", 200, "application/atom+xml"),
    ("/_dash-layout", 200, "application/json"),
    ("/region/99999", 404, "text/html"),
])
def test_api_assets_feeds_and_dash_routes_keep_their_own_answers(app, path, status, mimetype):
    response = app.server.test_client().get(path)
    assert (response.status_code, response.mimetype) == (status, mimetype)


def test_the_page_list_follows_the_pages_and_routed_pages():
    assert all(is_page_path(f"/{page}", PAGE_MODULES, ROUTED_MODULES) for page in PAGE_MODULES)
    assert is_page_path("/region/anything", PAGE_MODULES, ROUTED_MODULES)  # the page decides
    assert not is_page_path("/karte/x", PAGE_MODULES, ROUTED_MODULES)
    assert is_page_path("", PAGE_MODULES, ROUTED_MODULES)


def test_the_router_draws_the_not_found_page_in_both_languages(app, demo_engine):
    from dashboard.model.data import AtlasData
    from dashboard.pages import available_pages
    from dashboard.server.router import render

    data = AtlasData(demo_engine)
    for search, heading, link in (("", "Seite nicht gefunden", "Karte"),
                                  ("?lang=en", "Page not found", "Map")):
        drawn = str(render(app, data, available_pages(), "/nirgends", search))
        assert heading in drawn and "/nirgends" in drawn and link in drawn
        assert "search-notfound-q" in drawn  # the search box
