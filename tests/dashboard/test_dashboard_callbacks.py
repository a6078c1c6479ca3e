"""Callbacks through the Flask test client: what travels when the view changes."""

from __future__ import annotations

import gzip
import json

import pytest

from dashboard import ids

MAP_OUTPUTS = [(ids.MAP_GRAPH, "figure"), (ids.MAP_DRAWN, "data")]


def map_inputs(metric="count", level="kreis", category="ala", classes="continuous", snap=None):
    return [
        (ids.MAP_LEVEL, "value", level),
        (ids.MAP_CATEGORY, "value", category),
        (ids.MAP_METRIC, "value", metric),
        (ids.MAP_CLASSES, "value", classes),
        (ids.MAP_POINTS, "value", []),
        (ids.MAP_REGION, "value", None),
        (ids.snapshot("karte"), "value", snap),
    ]


def body_of(response) -> dict:
    raw = response.data
    if response.headers.get("Content-Encoding") == "gzip":
        raw = gzip.decompress(raw)
    return json.loads(raw)


@pytest.fixture()
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def served_id(demo_engine) -> int:
    import store

    return int(store.served_snapshot(demo_engine)["id"])


def test_switching_the_metric_sends_a_patch_without_geometry(client, dash_post, served_id):
    response = dash_post(
        client, MAP_OUTPUTS, map_inputs("per_100k", snap=served_id),
        [(ids.MAP_DRAWN, "data", {"level": "kreis"}), (ids.URL, "search", "?level=kreis")],
        [f"{ids.MAP_METRIC}.value"],
    )
    assert response.status_code == 200
    figure = body_of(response)["response"][ids.MAP_GRAPH]["figure"]
    assert figure["__dash_patch_update"] == "__dash_patch_update"
    text = json.dumps(figure)
    assert "coordinates" not in text and "geojson" not in text
    assert "z" in text and "colorscale" in text
    # compressed, the answer is a small fraction of the Kreis shapes it does not resend
    shapes = client.get("/geo/kreis.geojson", headers={"Accept-Encoding": "gzip"})
    assert len(response.data) * 5 < len(shapes.data)


def test_a_new_level_sends_a_full_figure_that_references_its_geometry(
    client, dash_post, served_id
):
    response = dash_post(
        client, MAP_OUTPUTS, map_inputs("count", level="land", snap=served_id),
        [(ids.MAP_DRAWN, "data", {"level": "kreis"}), (ids.URL, "search", "")],
        [f"{ids.MAP_LEVEL}.value"],
    )
    answer = body_of(response)["response"]
    figure = answer[ids.MAP_GRAPH]["figure"]
    assert figure["data"][0]["geojson"].endswith("/geo/land.geojson")
    assert "coordinates" not in json.dumps(figure)
    assert answer[ids.MAP_DRAWN]["data"] == {"level": "land"}


def test_geometry_is_served_once_with_an_etag_the_browser_can_revalidate(client):
    first = client.get("/geo/kreis.geojson")
    assert first.status_code == 200 and first.headers["Cache-Control"].startswith("public")
    shapes = json.loads(first.data)
    assert len(shapes["features"]) == 401
    again = client.get("/geo/kreis.geojson", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and not again.data
    assert client.get("/geo/gemeinde.geojson").status_code == 404


def test_every_page_renders_for_good_and_for_malformed_urls(client, dash_post):
    for path in ("/", "/karte", "/tabelle", "/anbieter", "/quellen", "/gibtsnicht"):
        for query in ("", "?level=kreis&metric=per_100k&lang=en", "?metric=%3Cb%3E&snapshot=x"):
            response = dash_post(
                client, [(ids.ROOT, "children"), (ids.ROOT, "lang")],
                [(ids.URL, "pathname", path), (ids.LANG_STORE, "data", None)],
                [(ids.URL, "search", query)], [f"{ids.URL}.pathname"],
            )
            assert response.status_code == 200, (path, query)
            text = json.dumps(body_of(response))
            if "metric=%3Cb%3E" in query:
                assert "metric=<b>" in text or "metric=\\u003cb\\u003e" in text
                assert "Standardwert" in text


def test_debug_is_off_and_responses_are_compressed(app, client):
    assert app.server.debug is False
    page = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert page.status_code == 200
    assert client.get("/geo/land.geojson", headers={"Accept-Encoding": "gzip"}).headers.get(
        "Content-Encoding"
    ) == "gzip"
    assert page.headers.get("Content-Encoding") == "gzip"
    assert '<html lang="de">' in gzip.decompress(page.data).decode()


def test_an_empty_store_gives_pages_with_a_notice_not_an_error(tmp_path, dash_post):
    from dashboard import create_app

    app = create_app(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    client = app.server.test_client()
    for path in ("/karte", "/tabelle", "/anbieter", "/quellen"):
        response = dash_post(
            client, [(ids.ROOT, "children"), (ids.ROOT, "lang")],
            [(ids.URL, "pathname", path), (ids.LANG_STORE, "data", None)],
            [(ids.URL, "search", "?level=kreis")], [f"{ids.URL}.pathname"],
        )
        assert response.status_code == 200, path
        assert "noch keinen Datenstand" in json.dumps(body_of(response), ensure_ascii=False)
