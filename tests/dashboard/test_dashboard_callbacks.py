"""Callbacks through the Flask test client: what travels when the view changes."""

from __future__ import annotations

import gzip
import json

import pytest

from dashboard.frame import ids
from dashboard.server.callback_client import answer_bytes


def map_inputs(metric="count", level="kreis", category="ala", classes="quantiles", snap=None,
               view="single"):
    return [
        (ids.MAP_LEVEL, "value", level),
        (ids.MAP_CATEGORY, "value", category),
        (ids.MAP_METRIC, "value", metric),
        (ids.MAP_CLASSES, "value", classes),
        (ids.MAP_VIEW, "value", view),
        (ids.MAP_POINTS, "value", []),
        (ids.MAP_REGION, "value", None),
        (ids.snapshot("karte"), "value", snap),
        (ids.MAP_LAND, "value", ""),  # all of Germany (issue 21's Land view)
    ]


def map_state(search="?level=kreis", level="kreis", compare_level=None):
    return [
        (ids.MAP_DRAWN, "data", {"level": level}),
        (ids.COMPARE_DRAWN, "data", {"level": compare_level} if compare_level else {}),
        (ids.URL, "search", search),
    ]


@pytest.fixture(scope="module")
def MAP_OUTPUTS(app):  # noqa: N802 (a constant of the app, found once)
    from dashboard.server.callback_client import callback_outputs

    return callback_outputs(app, f"{ids.MAP_GRAPH}.figure")


def body_of(response) -> dict:
    raw = answer_bytes(response)
    return json.loads(raw)


@pytest.fixture()
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def served_id(demo_engine) -> int:
    import store

    return int(store.served_snapshot(demo_engine)["id"])


def test_switching_the_metric_sends_a_patch_without_geometry(
    client, dash_post, served_id, MAP_OUTPUTS  # noqa: N803
):
    response = dash_post(
        client, MAP_OUTPUTS, map_inputs("per_100k", snap=served_id), map_state(),
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
    client, dash_post, served_id, MAP_OUTPUTS  # noqa: N803
):
    response = dash_post(
        client, MAP_OUTPUTS, map_inputs("count", level="land", snap=served_id),
        map_state(search=""), [f"{ids.MAP_LEVEL}.value"],
    )
    answer = body_of(response)["response"]
    figure = answer[ids.MAP_GRAPH]["figure"]
    assert figure["data"][0]["geojson"].endswith("/geo/land.geojson")
    # no region shapes: only the legend keys' specks carry coordinates
    from dashboard.figures.choropleth import KEYS

    assert json.dumps(figure).count('"coordinates"') == len(KEYS)
    assert answer[ids.MAP_DRAWN]["data"] == {"level": "land", "land": None}


def test_geometry_is_served_once_with_an_etag_the_browser_can_revalidate(client):
    first = client.get("/geo/kreis.geojson")
    assert first.status_code == 200 and first.headers["Cache-Control"].startswith("public")
    shapes = json.loads(first.data)
    assert len(shapes["features"]) == 401
    again = client.get("/geo/kreis.geojson", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and not again.data
    assert client.get("/geo/ortsteil.geojson").status_code == 404


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


def _compare(client, dash_post, outputs, served_id, metric):
    response = dash_post(
        client, outputs, map_inputs(metric, snap=served_id, view="compare"),
        map_state(search="?level=kreis"), [f"{ids.MAP_VIEW}.value"],
    )
    assert response.status_code == 200
    return body_of(response)["response"]


def _key_names(figure) -> list[str]:
    return [tr["name"] for tr in figure["data"] if tr.get("legendrank", 0) in range(100, 106)
            and tr.get("showlegend")]


@pytest.mark.parametrize("metric", ["count", "per_100k"])
def test_the_comparison_shares_one_colour_scale_and_names_it(
    client, dash_post, served_id, MAP_OUTPUTS, metric  # noqa: N803
):
    answer = _compare(client, dash_post, MAP_OUTPUTS, served_id, metric)
    figures = [answer[ids.compare_graph(c)]["figure"] for c in ("ala", "wfbm", "ib")]
    classes = [_key_names(f) for f in figures]
    assert classes[0] and classes[0] == classes[1] == classes[2]
    # the same class means the same colour in all three maps
    scales = [next(tr for tr in f["data"] if tr.get("name", "").startswith(("Anzahl", "Anbieter")))
              ["colorscale"] for f in figures]
    assert scales[0] == scales[1] == scales[2]
    # the legend once (under the first map), the scale named above the three
    assert [f["layout"]["showlegend"] for f in figures] == [True, False, False]
    assert "Eine Farbskala" in answer[ids.MAP_COMPARE_NOTE]["children"]
    assert answer[ids.MAP_SINGLE_BOX]["hidden"] is True
    assert answer[ids.MAP_COMPARE_BOX]["hidden"] is False
    # "Art" does nothing in the comparison: hidden there
    assert answer[ids.MAP_CATEGORY_BOX]["hidden"] is True


@pytest.mark.parametrize("metric", ["ala_share", "ala_per_wfbm"])
def test_a_metric_that_ignores_the_kind_is_compared_as_one_map(
    client, dash_post, served_id, MAP_OUTPUTS, metric  # noqa: N803
):
    answer = _compare(client, dash_post, MAP_OUTPUTS, served_id, metric)
    assert answer[ids.compare_cell("wfbm")]["hidden"] is True
    assert answer[ids.compare_cell("ib")]["hidden"] is True
    assert "nicht von der Art ab" in answer[ids.MAP_COMPARE_NOTE]["children"]


def test_one_switch_answers_map_details_url_and_controls_in_one_response(
    client, dash_post, served_id, MAP_OUTPUTS  # noqa: N803
):
    answer = body_of(dash_post(
        client, MAP_OUTPUTS, map_inputs("count", category="wfbm", snap=served_id),
        map_state(), [f"{ids.MAP_CATEGORY}.value"],
    ))["response"]
    assert answer[ids.MAP_GRAPH]["figure"]["__dash_patch_update"]
    assert ids.MAP_DETAILS in answer and ids.MAP_TITLE in answer
    assert answer["url"]["search"] == "?level=kreis&category=wfbm"
    assert "snapshot" not in answer["url"]["search"]  # links follow the data
    assert answer[ids.MAP_CLASSES_BOX]["hidden"] is True  # counts have their own classes
    assert ids.compare_graph("ala") not in answer  # the hidden comparison is left alone


def test_the_gemeinde_layer_is_served_compressed_once_with_a_long_cache(client):
    first = client.get("/geo/gemeinde.geojson", headers={"Accept-Encoding": "br, gzip"})
    assert first.status_code == 200 and first.headers["Content-Encoding"] == "br"
    assert len(first.data) < 1_500_000
    assert "max-age=604800" in first.headers["Cache-Control"]
    import brotli

    shapes = json.loads(brotli.decompress(first.data))
    assert len(shapes["features"]) == 10_997
    gz = client.get("/geo/gemeinde.geojson", headers={"Accept-Encoding": "gzip"})
    assert gz.headers["Content-Encoding"] == "gzip" and gz.headers["ETag"] == first.headers["ETag"]
    again = client.get("/geo/gemeinde.geojson", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
