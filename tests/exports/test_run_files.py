"""The renderer's helper files (Chromium launcher, empty topojson) go to one per-user cache
folder reused by every run, and no run leaves a folder in the temporary directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from dashboard.exports.run_files import run_folder

ROOT = Path(__file__).resolve().parents[2]
# one run of what a dashboard process does before its first image: find the launcher and the
# local base map; prints both so the test can look at them after the process ended
_RUN = (
    "import json\n"
    "from dashboard.exports.chromium import quiet_chromium\n"
    "from dashboard.exports.topojson import local_topojson_url\n"
    "print(json.dumps([quiet_chromium(), local_topojson_url()]))\n"
)


def _run(tmp: Path, cache: Path) -> list[str]:
    env = {
        **os.environ,
        "TMPDIR": str(tmp),
        "ATLAS_CACHE_DIR": str(cache),
        "BROWSER_PATH": "/bin/sh",
    }
    done = subprocess.run(
        [sys.executable, "-c", _RUN],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return json.loads(done.stdout)


def test_runs_share_one_launcher_and_leave_nothing_in_tmp(tmp_path):
    tmp, cache = tmp_path / "tmp", tmp_path / "cache"
    tmp.mkdir()
    first = _run(tmp, cache)
    second = _run(tmp, cache)
    assert first == second, "a second run made its own files instead of reusing the first's"
    launcher = Path(first[0])
    assert launcher.is_relative_to(cache) and os.access(launcher, os.X_OK)
    assert "exec /bin/sh" in launcher.read_text() and "--disable-background-networking" in (
        launcher.read_text()
    )
    topojson = Path(first[1].removeprefix("file://"))
    assert topojson.is_relative_to(cache)
    assert json.loads((topojson / "world_110m.json").read_text())["type"] == "Topology"
    assert list(tmp.iterdir()) == [], "a run left files in the temporary directory"
    assert sorted(p.name.split("-")[0] for p in (cache / "runtime").iterdir()) == [
        "chromium",
        "topojson",
    ]


def test_without_a_writable_cache_the_folder_goes_when_the_process_ends(tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    launcher = Path(_run(tmp, blocked)[0])
    assert launcher.is_relative_to(tmp), launcher
    assert not launcher.exists() and list(tmp.iterdir()) == []


def test_other_content_gets_another_folder_and_a_spoilt_file_is_rewritten(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path))
    one = run_folder("chromium", {"chromium": "#!/bin/sh\nexec a\n"}, executable=True)
    other = run_folder("chromium", {"chromium": "#!/bin/sh\nexec b\n"}, executable=True)
    assert one != other
    (one / "chromium").write_text("truncated")
    again = run_folder("chromium", {"chromium": "#!/bin/sh\nexec a\n"}, executable=True)
    assert again == one and (one / "chromium").read_text() == "#!/bin/sh\nexec a\n"
    assert os.access(one / "chromium", os.X_OK)
    assert [p.name for p in one.iterdir()] == ["chromium"], "a private temp name was left"
