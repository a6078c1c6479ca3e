"""app.py on an empty store: builds the demo default, then serves the API over real HTTP."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


def test_app_py_on_an_empty_store_serves_the_demo_default(tmp_path):
    port = _free_port()
    database = tmp_path / "atlas.sqlite"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "PORT": str(port),
           "HOST": "127.0.0.1", "PYTHONPATH": str(REPO)}
    env.pop("DASH_DEBUG", None)
    process = subprocess.Popen([sys.executable, "app.py"], cwd=REPO, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        health = None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                health = _get(f"{base}/healthz")
                break
            except OSError:
                time.sleep(0.5)
        assert health is not None, process.stderr.read() if process.poll() is not None else ""
        assert health["status"] == "ok"
        assert health["snapshot"]["origin"] == "demo"
        assert health["snapshot"]["counts"] == {"ala": 88, "wfbm": 891, "ib": 1020}
        land = _get(f"{base}/api/regions?level=land")
        assert len(land["regions"]) == 16
        assert sum(r["population"] for r in land["regions"]) == 83_166_711
        assert len(_get(f"{base}/api/regions?level=kreis")["regions"]) == 401
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
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
