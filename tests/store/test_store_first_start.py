"""Two first starts at once build the demo default once, not twice."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import store

REPO = Path(__file__).resolve().parents[2]

# Both processes connect first, say so, then wait for the same start signal (a file), so
# that both look at the empty store at the same moment.
RACER = """
import os, sys, time
from pathlib import Path
import store
from scrapers.demo import ensure_default
engine = store.connect(sys.argv[1])
go = Path(sys.argv[2])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.01)
print(len(ensure_default(engine)))
"""


def test_two_first_starts_at_once_build_the_demo_default_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'atlas.sqlite'}"
    store.connect(url)  # the schema exists before the race, as after any earlier start
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    racers = [
        subprocess.Popen([sys.executable, "-c", RACER, url, str(go)], cwd=REPO, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for racer in racers:  # both imported and connected, waiting for the signal
        assert racer.stdout.readline().strip() == "ready", racer.stderr.read()
    go.touch()
    results = [r.communicate(timeout=300) for r in racers]
    assert [r.returncode for r in racers] == [0, 0], [err for _, err in results]
    built = sorted(int(out.strip()) for out, _ in results)
    assert built == [0, 3]
    snapshots = store.list_snapshots(store.connect(url))
    assert len(snapshots) == 3
    assert set(snapshots["origin"]) == {"demo"}


def test_the_lock_makes_a_second_holder_wait(tmp_path):
    engine = store.connect(f"sqlite:///{tmp_path / 'atlas.sqlite'}")
    order: list[str] = []
    inside = threading.Event()

    def second() -> None:
        inside.wait(10)
        with store.exclusive(store.connect(engine.url.render_as_string(False)), "job"):
            order.append("second")

    thread = threading.Thread(target=second)
    thread.start()
    with store.exclusive(engine, "job"):
        inside.set()
        time.sleep(0.5)
        order.append("first")
    thread.join(10)
    assert order == ["first", "second"]
