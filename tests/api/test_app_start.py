"""app.py on an empty store: builds the demo default, then serves the API over real HTTP."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.server.conftest import REPO, launch


def test_app_py_on_an_empty_store_serves_the_demo_default(tmp_path):
    database = tmp_path / "atlas.sqlite"
    # one gunicorn worker, its export Chromium not started in advance: neither is the point
    app = launch(f"sqlite:///{database}", tmp_path, WEB_CONCURRENCY="1")
    try:
        status, health = app.health()
        assert status == 200 and health["status"] == "ok", app.log()
        assert health["snapshot"]["origin"] == "demo"
        assert health["snapshot"]["counts"] == {"ala": 88, "wfbm": 891, "ib": 1020}
        land = app.get("/api/regions?level=land").json()
        assert len(land["regions"]) == 16
        assert sum(r["population"] for r in land["regions"]) == 83_166_711
        assert len(app.get("/api/regions?level=kreis").json()["regions"]) == 401
    finally:
        app.stop()
    assert database.exists()


def test_app_py_with_a_malformed_port_exits_with_one_line_and_builds_nothing(tmp_path):
    database = tmp_path / "atlas.sqlite"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "PORT": "80a80",
           "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "app.py"], cwd=REPO, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode != 0
    assert result.stderr.strip() == "PORT must be a number from 1 to 65535, not '80a80'"
    assert not database.exists()
