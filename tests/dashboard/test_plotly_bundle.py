"""The app's own plotly.js bundle: the version the Python package expects, served gzipped
where dcc.Graph looks for plotly.js (the browser tests draw every figure with it)."""

from __future__ import annotations

import gzip

from plotly.offline import get_plotlyjs, get_plotlyjs_version

from dashboard.server.plotly_bundle import BUNDLE, DASH_PATH, bundle_version


def test_the_bundle_is_the_plotly_js_version_of_the_python_package():
    # a newer plotly package needs a rebuilt bundle (static/plotly/BUILD.md)
    assert bundle_version() == get_plotlyjs_version()


def test_dash_plotly_url_answers_with_the_bundle_gzipped_and_revalidates(app):
    client = app.server.test_client()
    url = app.get_relative_path("/") + DASH_PATH
    response = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.data) == BUNDLE.read_bytes()
    # well under half of the full plotly.js on the wire
    full = gzip.compress(get_plotlyjs().encode(), compresslevel=6)
    assert len(response.data) * 2 < len(full)
    again = client.get(url, headers={"If-None-Match": response.headers["ETag"].strip('"')})
    assert again.status_code == 304
    plain = client.get(url)
    assert plain.data == BUNDLE.read_bytes() and "Content-Encoding" not in plain.headers
