"""How long `python app.py` (gunicorn, as served) takes to answer /healthz after its start, and
to be gone after SIGTERM: the test suite starts and stops it ~30 times, a deployment at every
release.

Each round starts a fresh process (cold: the process imports and builds everything; the
operating system's file cache is warm after the first round) with ATLAS_WARM_VIEWS=0 and
ATLAS_PRESTART_RENDERER=0 unless `--as-served`, asks /healthz and /karte once, then stops it.

    .venv/bin/python bench/app_start_stop.py [--rounds N] [--workers N] [--as-served] [--db URL]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _demo_store import demo_url  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def one_round(db_url: str, workers: int, as_served: bool, log: Path) -> tuple[float, float]:
    """Seconds from the start to the first /healthz answer, and from SIGTERM to the exit."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": db_url, "PORT": str(port), "HOST": "127.0.0.1",
           "WEB_CONCURRENCY": str(workers), "PYTHONPATH": str(REPO)}
    env.pop("DASH_DEBUG", None)
    if not as_served:
        env.update(ATLAS_WARM_VIEWS="0", ATLAS_PRESTART_RENDERER="0")
    started = time.monotonic()
    with log.open("ab") as out:
        process = subprocess.Popen([sys.executable, "app.py"], cwd=REPO, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    while True:
        if process.poll() is not None:
            raise SystemExit(f"app.py exited {process.returncode}; see {log}")
        try:
            urllib.request.urlopen(base + "/healthz", timeout=10).read()
            break
        except OSError:
            time.sleep(0.05)
    up = time.monotonic() - started
    urllib.request.urlopen(base + "/karte", timeout=30).read()
    stopping = time.monotonic()
    process.send_signal(signal.SIGTERM)
    process.wait(60)
    return up, time.monotonic() - stopping


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--as-served", action="store_true",
                        help="keep the warm start and the export browser, as in production")
    parser.add_argument("--db", help="a store URL (default: a temporary demo store)")
    args = parser.parse_args()
    db_url = demo_url(args.db, "atlas-bench-start-")
    log = Path(tempfile.mkdtemp(prefix="atlas-bench-start-")) / "app.log"
    ups, stops = [], []
    for _ in range(args.rounds):
        up, stop = one_round(db_url, args.workers, args.as_served, log)
        ups.append(up)
        stops.append(stop)
    print(f"app.py, {args.workers} gunicorn workers, {args.rounds} rounds "
          f"({'as served' if args.as_served else 'no warm start, no export browser'}); "
          f"cold processes, warm file cache")
    print(f"start to first /healthz answer: median {statistics.median(ups):.2f} s "
          f"(min {min(ups):.2f}, max {max(ups):.2f})")
    print(f"SIGTERM to exit:                median {statistics.median(stops):.2f} s "
          f"(min {min(stops):.2f}, max {max(stops):.2f})")
    print(f"server log: {log}")


if __name__ == "__main__":
    main()
