"""The export file cache (dashboard/exports/cache.py): a repeated export is answered from it, and
it never answers with a file of another snapshot, language, contact setting, format or store."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from dashboard.exports.cache import ExportCache, profile_key, view_key
from dashboard.exports.export import ExportFile
from dashboard.exports.request import ExportRequest
from dashboard.model.data import AtlasData
from store.serving import ServingStore
from tests.server.conftest import add_snapshot

MAP = ExportRequest("karte", "png", level="kreis", category="ala", metric="per_100k")


@pytest.fixture()
def served(demo_file, tmp_path):
    """A private copy of the demo store, served read-only as the app serves it."""
    copy = tmp_path / "atlas.sqlite"
    shutil.copyfile(demo_file, copy)
    return copy, AtlasData(ServingStore(f"sqlite:///{copy}"))


def test_every_input_of_an_export_is_in_its_key(served, monkeypatch):
    _, data = served
    monkeypatch.delenv("ATLAS_HIDE_CONTACTS", raising=False)
    key = view_key(data, MAP)
    assert view_key(data, replace(MAP)) == key  # the same view: the same file
    others = {
        "language": replace(MAP, lang="en"),
        "format": replace(MAP, format="svg"),
        "snapshot": replace(MAP, snapshot=1),
        "metric": replace(MAP, metric="count"),
        "scale": replace(MAP, scale=3.0),
        "category": replace(MAP, category="wfbm"),
    }
    for what, request in others.items():
        assert view_key(data, request) != key, what
    monkeypatch.setenv("ATLAS_HIDE_CONTACTS", "1")
    assert view_key(data, MAP) != key, "contact setting"


def test_a_new_snapshot_changes_every_key(served):
    path, data = served
    before = (view_key(data, MAP), view_key(data, replace(MAP, snapshot=2)),
              profile_key(data, "09187", None, "de", "http://localhost/"))
    add_snapshot(path)  # a scrape in another process
    after = (view_key(data, MAP), view_key(data, replace(MAP, snapshot=2)),
             profile_key(data, "09187", None, "de", "http://localhost/"))
    assert all(b != a for b, a in zip(before, after, strict=True))


def test_a_store_replaced_under_the_same_path_misses(served, demo_file, tmp_path):
    path, data = served
    before = view_key(data, replace(MAP, snapshot=3))
    # the same snapshots again, but another file: id 3 might be another snapshot
    fresh = tmp_path / "other.sqlite"
    shutil.copyfile(demo_file, fresh)
    fresh.replace(path)
    assert view_key(data, replace(MAP, snapshot=3)) != before


def test_the_profile_key_names_code_language_snapshot_and_site(served):
    _, data = served
    key = profile_key(data, "09187", None, "de", "http://localhost/")
    assert profile_key(data, "09187", None, "de", "http://localhost/") == key
    for other in (profile_key(data, "09188", None, "de", "http://localhost/"),
                  profile_key(data, "09187", 2, "de", "http://localhost/"),
                  profile_key(data, "09187", None, "en", "http://localhost/"),
                  profile_key(data, "09187", None, "de", "https://atlas.example/")):
        assert other != key


def test_the_cache_keeps_files_and_evicts_beyond_its_size(tmp_path):
    cache = ExportCache(str(tmp_path / "files"), size_mb=1)
    first = ExportFile(b"\x89PNG" + b"0" * 400_000, "a.png", "image/png")
    cache.put("a", first)
    assert cache.get("a") == first and cache.get("b") is None
    for name in "bcdefgh":  # 7 x 400 kB: well beyond 1 MB
        cache.put(name, ExportFile(b"1" * 400_000, f"{name}.png", "image/png"))
    assert cache.get("a") is None and cache.get("h") is not None
    assert len(cache) <= 3
