"""`make snapshot` scrapes every category into the store while the dashboard serves it, and
the running dashboard shows the new snapshot at its next request, without a restart."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests

from dashboard import create_app
from dashboard.frame import ids
from dashboard.server.callback_client import post_callback
from geodata.lookup import LOOKUP_CACHE_ENV
from scrapers.samples import sample_records

ROOT = Path(__file__).resolve().parents[2]
COUNTS = {"ala": 12, "wfbm": 25, "ib": 21}


class _Http:
    """post_callback's client interface over real HTTP (a Flask test client has .data)."""

    def __init__(self, base: str) -> None:
        self.base = base

    def post(self, path: str, json: dict, headers: dict):
        response = requests.post(self.base + path, json=json, headers=headers, timeout=120)
        response.data = response.content  # requests has already undone the gzip
        response.headers.pop("Content-Encoding", None)
        return response


@pytest.fixture
def serving(demo_store_file, tmp_path):
    """The demo default in a SQLite file (a copy of the run's, tests/conftest.py), and the
    dashboard over it on a loopback port."""
    from dashboard.server.loopback import serve_in_thread
    from tests.conftest import copy_demo_store

    url = f"sqlite:///{copy_demo_store(demo_store_file, tmp_path)}"
    with serve_in_thread(create_app(url).server) as base:
        yield url, base


def _quellen(base: str) -> str:
    response = post_callback(
        _Http(base), [(ids.ROOT, "children"), (ids.ROOT, "lang")],
        [(ids.URL, "pathname", "/quellen"), (ids.LANG_STORE, "data", None)],
        [(ids.URL, "search", "")], [f"{ids.URL}.pathname"],
    )
    assert response.status_code == 200
    return json.dumps(response.json(), ensure_ascii=False)


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_snapshot_adds_a_snapshot_the_running_dashboard_serves_at_once(
    site, serving, tmp_path
):
    db_url, base = serving
    before = requests.get(f"{base}/healthz", timeout=60).json()["snapshot"]
    assert before["origin"] == "demo"
    assert "Beispieldaten, keine echten Einträge" in _quellen(base)
    for category, n in COUNTS.items():
        site.add_category(category, sample_records(category, n, seed=5, base_url=site.base_url))

    # none of the worker's settings, but the run's geocoder lookup (the same data, built once)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ATLAS_", "DATABASE_URL")) or k == LOOKUP_CACHE_ENV}
    env.update(ATLAS_SCRAPER_BASE_URL=site.base_url, ATLAS_SCRAPER_DOWNLOAD_DELAY="0",
               ATLAS_SCRAPER_HTTP_CACHE_DIR=str(tmp_path / "cache"),
               ATLAS_SCRAPER_FAILURE_DIR=str(tmp_path / "failed"))
    pages = tmp_path / "pages"
    # -o: the venv and the geometry count as made (the test must not install anything)
    done = subprocess.run(
        ["make", "--no-print-directory", "-o", "install", "-o", "geodata", "snapshot",
         f"SNAPSHOT_DB={db_url}", f"SNAPSHOT_PAGES={pages}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (pages / "index.jsonl").exists() and (pages / "run.json").exists()

    after = requests.get(f"{base}/healthz", timeout=60).json()["snapshot"]
    assert after["id"] > before["id"] and after["origin"] == "live"
    assert after["counts"] == COUNTS
    today = datetime.now(UTC).strftime("%d.%m.%Y")
    page = _quellen(base)
    assert f"Datenstand vom {today} (live abgerufen)" in page
    assert "Beispieldaten, keine echten Einträge" not in page
    snapshots = requests.get(f"{base}/api/snapshots", timeout=60).json()
    assert snapshots["served"] == after["id"] and snapshots["count"] == 4


def test_make_snapshot_writes_to_database_url_by_default():
    env = {k: v for k, v in os.environ.items() if k != "SNAPSHOT_DB"}
    env["DATABASE_URL"] = "postgresql://atlas@db.example/atlas"
    dry = subprocess.run(["make", "-n", "-o", "install", "-o", "geodata", "snapshot",
                          "SNAPSHOT_PAGES="],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert dry.returncode == 0, dry.stderr
    assert "-m scrapers scrape --category all" in dry.stdout
    assert '--db "postgresql://atlas@db.example/atlas"' in dry.stdout
    assert "--save-pages" not in dry.stdout
