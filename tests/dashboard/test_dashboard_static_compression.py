"""Large component scripts are compressed once (Brotli 11, in the background) and then served
from the cache; no request waits for it, small files and clients without Brotli are left alone."""

from __future__ import annotations

import time

import brotli
import pytest
from flask import Flask, Response

from dashboard.server.static_compression import MIN_BYTES, BrotliCache, serve_precompressed

BIG = b"".join(b"function f%d(a){return a+%d}\n" % (i, i * 7) for i in range(12_000))
SMALL = b"var x = 1;\n" * 100


def script_server(cache: BrotliCache) -> Flask:
    server = Flask(__name__)

    @server.route("/_dash-component-suites/lib/<name>")
    def suite(name: str) -> Response:
        return Response(BIG if name == "big.js" else SMALL, mimetype="application/javascript")

    @server.route("/elsewhere.js")
    def elsewhere() -> Response:
        return Response(BIG, mimetype="application/javascript")

    serve_precompressed(server, "/", cache)
    return server


def wait_idle(cache: BrotliCache) -> None:
    deadline = time.monotonic() + 60
    while not cache.idle():
        assert time.monotonic() < deadline, "the background compression did not finish"
        time.sleep(0.05)


@pytest.fixture()
def cache(tmp_path) -> BrotliCache:
    return BrotliCache(tmp_path / "brotli")


def test_a_large_script_is_served_as_brotli_once_compressed_in_the_background(cache):
    assert len(BIG) > MIN_BYTES
    client = script_server(cache).test_client()
    first = client.get("/_dash-component-suites/lib/big.js", headers={"Accept-Encoding": "br"})
    assert "Content-Encoding" not in first.headers and first.data == BIG  # nobody waits
    wait_idle(cache)
    later = client.get("/_dash-component-suites/lib/big.js", headers={"Accept-Encoding": "br"})
    assert later.headers["Content-Encoding"] == "br"
    assert brotli.decompress(later.data) == BIG and len(later.data) < len(BIG) / 5
    assert len(list(cache.directory.glob("*.br"))) == 1


def test_a_restarted_server_serves_from_the_disk_cache_at_once(cache):
    client = script_server(cache).test_client()
    client.get("/_dash-component-suites/lib/big.js", headers={"Accept-Encoding": "br"})
    wait_idle(cache)
    fresh = script_server(BrotliCache(cache.directory)).test_client()
    again = fresh.get("/_dash-component-suites/lib/big.js", headers={"Accept-Encoding": "br"})
    assert again.headers["Content-Encoding"] == "br" and brotli.decompress(again.data) == BIG


@pytest.mark.parametrize(
    ("path", "encoding"),
    [("/_dash-component-suites/lib/small.js", "br"),  # too small to be worth it
     ("/_dash-component-suites/lib/big.js", "gzip"),  # the client cannot read Brotli
     ("/elsewhere.js", "br")],  # not a component script
)
def test_small_files_other_clients_and_other_paths_are_left_alone(cache, path, encoding):
    client = script_server(cache).test_client()
    for _ in range(2):
        answer = client.get(path, headers={"Accept-Encoding": encoding})
        wait_idle(cache)
        assert "Content-Encoding" not in answer.headers
    assert list(cache.directory.glob("*.br")) == []
