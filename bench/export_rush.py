"""An export rush against a real server: `python bench/export_rush.py [--sizes 1,12,40]`.

Starts `app.py` (gunicorn, WEB_CONCURRENCY workers x ATLAS_THREADS threads, as `make run`)
on a free loopback port over a fresh demo store, then for each size N:

- a reader asks `/api/regions?level=land&category=ala` every 0.2 s (its answer times:
  median, p95, max), while
- N different map exports (PNG/SVG/PDF of varied views) are sent at once through the Karte's
  own download callback, the body built from the server's `/_dash-dependencies` and a
  background callback polled every 0.25 s as the renderer does.

For each export: click-to-file time, and, where the server logs it (`export job` lines of
dashboard/exports/jobs.py), its wait in the queue and its render time. Exports refused at
once ("ausgelastet") are counted. `--repo DIR` runs another checkout (e.g. main, for the
"before" figures) with this interpreter. Loops are bounded: a row ends when every export has
answered or after --deadline seconds.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.server.background_client import (  # noqa: E402
    callback_body,
    dependencies,
    run_callback,
)

REPO = Path(__file__).resolve().parent.parent
READER = "/api/regions?level=land&category=ala"
DOWNLOAD = "karte-export-slot-download.data"
STATUS = "karte-export-slot-status.children"
_JOB_LINE = re.compile(r"export job \S+ (\S+): waited ([\d.]+) s, rendered ([\d.]+) s")


def views() -> list[tuple[str, str]]:
    """Distinct (format, page query) pairs of the Karte, in a fixed order."""
    out = []
    for snapshot, lang, level, category, metric, fmt in itertools.product(
        ("", "1", "2"), ("de", "en"), ("kreis", "land"), ("ala", "wfbm", "ib"),
        ("count", "per_100k"), ("png", "svg", "pdf"),
    ):
        query = f"?level={level}&category={category}&metric={metric}&lang={lang}"
        out.append((fmt, query + (f"&snapshot={snapshot}" if snapshot else "")))
    return out


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(repo: Path, env_extra: dict[str, str]) -> tuple[subprocess.Popen, str, Path]:
    folder = Path(tempfile.mkdtemp(prefix="ala-rush-"))
    port = free_port()
    log = folder / "server.log"
    env = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1",
           "DATABASE_URL": f"sqlite:///{folder / 'atlas.sqlite'}",
           "WEB_CONCURRENCY": "2", "ATLAS_THREADS": "4", **env_extra}
    process = subprocess.Popen([sys.executable, "app.py"], cwd=repo, env=env,
                               stdout=log.open("wb"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server ended at start:\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
                if response.status == 200:
                    return process, base, log
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("server did not answer /healthz within 240 s")


class Reader(threading.Thread):
    """Asks the API every 0.2 s until stopped; keeps each answer's time."""

    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.base, self.times, self.failures = base, [], 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(self.base + READER, timeout=120) as response:
                    response.read()
                self.times.append(time.perf_counter() - started)
            except OSError:
                self.failures += 1
            self.stop.wait(0.2)


def one_export(base: str, specs: list, fmt: str, query: str, deadline: float) -> dict:
    body = callback_body(specs, DOWNLOAD, {
        "karte-export-slot-button.n_clicks": 1, "karte-export-slot-format.value": fmt,
        "url.search": query,
    })
    started = time.perf_counter()
    try:
        answer = run_callback(base, body, interval=0.25, timeout=deadline)
    except (TimeoutError, OSError) as exc:
        return {"seconds": time.perf_counter() - started, "outcome": f"failed: {exc}"[:80]}
    seconds = time.perf_counter() - started
    out = answer.outputs
    if "karte-export-slot-download" in out and out["karte-export-slot-download"].get("data"):
        return {"seconds": seconds, "outcome": "file"}
    status = (out.get("karte-export-slot-status") or {}).get("children")
    return {"seconds": seconds, "outcome": f"no file: {status}"[:80]}


def rush(base: str, specs: list, batch: list[tuple[str, str]], deadline: float,
         log: Path) -> None:
    log_start = log.stat().st_size
    reader = Reader(base)
    reader.start()
    time.sleep(1.0)  # the reader's calm answers first
    results: list[dict] = [{} for _ in batch]
    threads = [threading.Thread(target=lambda i=i, v=v: results.__setitem__(
        i, one_export(base, specs, v[0], v[1], deadline))) for i, v in enumerate(batch)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(deadline + 30)
    time.sleep(0.6)
    reader.stop.set()
    reader.join(130)
    report(len(batch), results, reader, log.read_text(errors="replace")[log_start:])


def _ms(values: list[float]) -> str:
    if not values:
        return "–"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return (f"median {statistics.median(ordered) * 1000:7.0f} ms  p95 {p95 * 1000:7.0f} ms  "
            f"max {ordered[-1] * 1000:7.0f} ms  (n={len(ordered)})")


def report(n: int, results: list[dict], reader: Reader, log: str) -> None:
    files = [r["seconds"] for r in results if r.get("outcome") == "file"]
    other = [r for r in results if r.get("outcome") != "file"]
    print(f"\n== {n} exports at once")
    print(f"  reader           {_ms(reader.times)}  failures {reader.failures}")
    print(f"  files            {len(files)} of {n}: click-to-file {_ms(files)}")
    if other:
        kinds: dict[str, list[float]] = {}
        for r in other:
            kinds.setdefault(r.get("outcome", "none"), []).append(r.get("seconds", 0.0))
        for outcome, seconds in kinds.items():
            print(f"  {len(seconds):3d} x {outcome!r}: answered after {_ms(seconds)}")
    jobs = _JOB_LINE.findall(log)
    if jobs:
        waited = [float(w) for _, w, _ in jobs]
        rendered = [float(r) for _, _, r in jobs]
        print(f"  server: {len(jobs)} jobs  wait   {_ms(waited)}")
        print(f"  server: {len(jobs)} jobs  render {_ms(rendered)}")
    else:
        print("  server: no per-job log lines (wait = click-to-file minus render)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=REPO)
    parser.add_argument("--sizes", default="1,12,40")
    parser.add_argument("--deadline", type=float, default=180)
    parser.add_argument("--repeat-cached", action="store_true",
                        help="after the rows, send the last row's exports again (cache)")
    parser.add_argument("--env", action="append", default=[],
                        help="NAME=VALUE for the server (e.g. ATLAS_EXPORT_PER_CLIENT=40)")
    args = parser.parse_args()
    env = dict(item.split("=", 1) for item in args.env)
    process, base, log = start_server(args.repo.resolve(), env)
    print(f"server {args.repo.resolve()} at {base}, {env or 'default settings'}; "
          f"{os.cpu_count()} cores (shared machine)")
    try:
        specs = dependencies(base)
        # one warm-up export, so every row meets a started Chromium
        one_export(base, specs, "png", "?level=land&category=ala&snapshot=3", args.deadline)
        pool = iter(views())
        batch: list[tuple[str, str]] = []
        for size in (int(s) for s in args.sizes.split(",")):
            batch = list(itertools.islice(pool, size))
            rush(base, specs, batch, args.deadline, log)
        if args.repeat_cached and batch:
            print("\n(the last row's exports again: answered from the export cache)")
            rush(base, specs, batch, args.deadline, log)
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()


if __name__ == "__main__":
    main()
