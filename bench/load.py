"""Load test: 50 concurrent users against gunicorn (app.py) and Dash's development server,
in one run, with 1 s think time and with none.

    .venv/bin/python bench/load.py [--users 50] [--seconds 30] [--db URL]

Each user repeats, for a fixed time, a mix drawn at random (fixed seed):
  40 % page load: GET /karte?level=kreis, /_dash-layout, /_dash-dependencies, and the router
       callback POST the browser then sends;
  35 % metric switch on the Kreis map: the callback POSTs a real switch sends (one: map,
       comparison, details, URL, title and text alternative in one answer; the navigation
       links follow in the browser), built from the app's own /_dash-dependencies and the
       page's layout values;
  25 % API: /api/regions?level=kreis, /api/providers?land=09, /healthz.
Printed per server and think time: requests/s, p50/p95/p99 latency of single requests,
errors (non-2xx or failed), the server's CPU time per request and the cores the server and
this load generator kept busy (on a small machine they share the cores: the ceiling).
Loopback only; every loop is bounded by the clock.
The development server is app.py's former serving (Flask/Werkzeug threaded, debug off).
Without --db a temporary SQLite store with the demo default is built.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PAGE = "/karte"
PAGE_SEARCH = "?level=kreis"
METRICS = ("count", "per_100k", "ala_share", "ala_per_wfbm")
SWITCHED = "karte-metric.value"
DEV_SERVER = (
    "import os, sys; from dashboard import create_app; "
    "create_app(sys.argv[1], prepare_store=False).run(host='127.0.0.1', "
    "port=int(sys.argv[2]), debug=False, threaded=True)"
)


# --- servers ----------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(kind: str, url: str, log: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "PORT": str(port), "HOST": "127.0.0.1",
           "PYTHONPATH": str(REPO)}
    env.pop("DASH_DEBUG", None)
    command = ([sys.executable, "app.py"] if kind == "gunicorn"
               else [sys.executable, "-c", DEV_SERVER, url, str(port)])
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log.open("wb"),
                               stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{kind} exited: {log.read_text()[-2000:]}")
        try:
            status, _ = request(port, "GET", "/healthz")
            if status == 200:
                return process, port
        except OSError:
            pass
        time.sleep(0.5)
    process.kill()
    raise SystemExit(f"{kind} did not start")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


def request(port: int, method: str, path: str, body: Any = None,
            conn: http.client.HTTPConnection | None = None) -> tuple[int, bytes]:
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Accept-Encoding": "gzip"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    try:
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        raw = response.read()
        if own and response.getheader("Content-Encoding") == "gzip":
            raw = gzip.decompress(raw)  # set-up reads; the users only time the transfer
        return response.status, raw
    finally:
        if own:
            conn.close()


def tree_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its live children (gunicorn's workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        ppid, utime, stime = int(fields[1]), int(fields[11]), int(fields[12])
        if int(entry.name) == pid or ppid == pid:
            total += (utime + stime) / tick
    return total


# --- the callback bodies a browser sends --------------------------------------------------------
def _key(cid: Any) -> str:
    return json.dumps(cid, sort_keys=True) if isinstance(cid, dict) else str(cid)


def layout_props(tree: Any, found: dict[str, dict[str, Any]] | None = None) -> dict:
    """component id -> its props, from a Dash component tree (JSON)."""
    found = {} if found is None else found
    if isinstance(tree, dict):
        props = tree.get("props")
        if isinstance(props, dict) and "id" in props:
            found[_key(props["id"])] = props
        for value in (props or {}).values() if isinstance(props, dict) else tree.values():
            layout_props(value, found)
    elif isinstance(tree, list):
        for item in tree:
            layout_props(item, found)
    return found


def _matches(pattern: dict, cid: Any) -> bool:
    if not isinstance(cid, dict) or set(cid) != set(pattern):
        return False
    return all(v == ["ALL"] or v == cid[k] for k, v in pattern.items())


def _resolve(spec: dict, props: dict) -> Any:
    """One input/state/output as the renderer sends it (wildcards expanded to a list)."""
    cid = spec["id"]
    if cid.startswith("{"):
        pattern = json.loads(cid)
        if any(v == ["ALL"] for v in pattern.values()):
            hits = [json.loads(k) for k in props if k.startswith("{")
                    and _matches(pattern, json.loads(k))]
            return [{"id": h, "property": spec["property"],
                     "value": props[_key(h)].get(spec["property"], h)} for h in hits]
        cid = pattern
    value = props.get(_key(cid), {}).get(spec["property"])
    return {"id": cid, "property": spec["property"], "value": value}


def _outputs(output: str, props: dict) -> Any:
    parts = output[2:-2].split("...") if output.startswith("..") else [output]
    resolved = []
    for part in parts:
        part = part.split("@")[0]
        cid, _, prop = part.rpartition(".")
        resolved.append(_resolve({"id": cid, "property": prop}, props))
    return resolved if len(resolved) > 1 else resolved[0]


def body_for(dep: dict, props: dict, changed: str) -> dict:
    return {
        "output": dep["output"],
        "outputs": _outputs(dep["output"], props),
        "inputs": [_resolve(i, props) for i in dep["inputs"]],
        "state": [_resolve(s, props) for s in dep.get("state", [])],
        "changedPropIds": [changed],
    }


def metric_switch(port: int) -> list[dict]:
    """The POST bodies of one metric switch, as templates (the metric is set per request)."""
    _, raw = request(port, "GET", "/_dash-dependencies")
    deps = json.loads(raw)
    router = router_body()
    _, raw = request(port, "POST", "/_dash-update-component", router)
    tree = json.loads(raw)["response"]["app-root"]["children"]
    props = layout_props(tree)
    props["url"] = {"pathname": PAGE, "search": PAGE_SEARCH}
    # clientside callbacks (the navigation links) run in the browser and send nothing
    served = [d for d in deps if not d.get("clientside_function")]
    first = [d for d in served if any(f"{i['id']}.{i['property']}" == SWITCHED
                                      for i in d["inputs"])]
    then = [d for d in served if any(f"{i['id']}.{i['property']}" == "url.search"
                                     for i in d["inputs"])]
    bodies = [body_for(d, props, SWITCHED) for d in first]
    bodies += [body_for(d, props, "url.search") for d in then]
    return bodies


def router_body() -> dict:
    return {
        "output": "..app-root.children...app-root.lang..",
        "outputs": [{"id": "app-root", "property": "children"},
                    {"id": "app-root", "property": "lang"}],
        "inputs": [{"id": "url", "property": "pathname", "value": PAGE},
                   {"id": "lang-store", "property": "data", "value": None}],
        "state": [{"id": "url", "property": "search", "value": PAGE_SEARCH}],
        "changedPropIds": ["url.pathname"],
    }


def with_metric(body: dict, metric: str) -> dict:
    out = json.loads(json.dumps(body))
    for item in out["inputs"]:
        if isinstance(item, dict) and item["id"] == "karte-metric":
            item["value"] = metric
        if isinstance(item, dict) and item["id"] == "url" and item["property"] == "search":
            item["value"] = f"{PAGE_SEARCH}&metric={metric}"
    return out


# --- users -------------------------------------------------------------------------------------
class Tally:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.errors = 0
        self.lock = threading.Lock()

    def add(self, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if not ok:
                self.errors += 1


def user(port: int, switch: list[dict], seconds: float, think: float, seed: int,
         tally: Tally) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    end = time.monotonic() + seconds

    def one(method: str, path: str, body: Any = None) -> None:
        nonlocal conn
        started = time.perf_counter()
        try:
            status, _ = request(port, method, path, body, conn)
            ok = 200 <= status < 300 or status == 204
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        tally.add(time.perf_counter() - started, ok)

    while time.monotonic() < end:
        pick = rng.random()
        if pick < 0.40:
            one("GET", PAGE + PAGE_SEARCH)
            one("GET", "/_dash-layout")
            one("GET", "/_dash-dependencies")
            one("POST", "/_dash-update-component", router_body())
        elif pick < 0.75:
            metric = rng.choice(METRICS)
            for body in switch:
                one("POST", "/_dash-update-component", with_metric(body, metric))
        else:
            one("GET", "/api/regions?level=kreis")
            one("GET", "/api/providers?land=09")
            one("GET", "/healthz")
        if think:
            time.sleep(min(think, max(0.0, end - time.monotonic())))
    conn.close()


def warm_up(port: int, switch: list[dict], rounds: int = 6) -> None:
    """Every worker computes its caches once (first map of a metric, providers) untimed:
    the run measures serving, not start-up."""
    for _ in range(rounds):
        for metric in METRICS:
            for body in switch:
                request(port, "POST", "/_dash-update-component", with_metric(body, metric))
        request(port, "POST", "/_dash-update-component", router_body())
        request(port, "GET", "/api/providers?land=09")


def run(port: int, users: int, seconds: float, think: float, pid: int) -> dict[str, float]:
    switch = metric_switch(port)
    warm_up(port, switch)
    tally = Tally()
    server_cpu, client_cpu = tree_cpu_seconds(pid), time.process_time()
    threads = [threading.Thread(target=user, args=(port, switch, seconds, think, i, tally))
               for i in range(users)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 120)
    elapsed = time.monotonic() - started
    server_cpu = tree_cpu_seconds(pid) - server_cpu
    client_cpu = time.process_time() - client_cpu
    ordered = sorted(tally.latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else 0.0

    return {"requests": len(ordered), "rps": len(ordered) / elapsed, "p50": pct(0.50),
            "p95": pct(0.95), "p99": pct(0.99), "errors": tally.errors,
            "mean": statistics.fmean(ordered) * 1000 if ordered else 0.0,
            "switch_posts": len(switch),
            "server_cores": server_cpu / elapsed, "client_cores": client_cpu / elapsed,
            "cpu_ms": server_cpu * 1000 / max(len(ordered), 1)}


def demo_store(folder: Path) -> str:
    import store
    from scrapers.demo import ensure_default

    url = f"sqlite:///{folder / 'atlas.sqlite'}"
    engine = store.connect(url)
    ensure_default(engine)
    engine.dispose()
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="atlas-load-"))
    try:
        url = args.db or demo_store(folder)
        print(f"{args.users} users, {args.seconds:.0f} s per run, {os.cpu_count()} cores, "
              f"store {url.split('/')[-1]}")
        print(f"{'server':<10} {'think':>6} {'requests':>9} {'req/s':>7} {'p50 ms':>7} "
              f"{'p95 ms':>7} {'p99 ms':>7} {'errors':>7} {'cpu ms/req':>10} "
              f"{'server cores':>12} {'client cores':>12}")
        results: dict[tuple[str, float], dict[str, float]] = {}
        for kind in ("gunicorn", "dev"):
            process, port = start(kind, url, folder / f"{kind}.log")
            try:
                for think in (1.0, 0.0):
                    r = run(port, args.users, args.seconds, think, process.pid)
                    results[(kind, think)] = r
                    print(f"{kind:<10} {think:>5.0f}s {r['requests']:>9} {r['rps']:>7.1f} "
                          f"{r['p50']:>7.0f} {r['p95']:>7.0f} {r['p99']:>7.0f} "
                          f"{r['errors']:>7} {r['cpu_ms']:>10.1f} {r['server_cores']:>12.2f} "
                          f"{r['client_cores']:>12.2f}", flush=True)
            finally:
                stop(process)
        print(f"metric switch = {results[('gunicorn', 1.0)]['switch_posts']:.0f} callback POSTs")
        for think in (1.0, 0.0):
            ratio = results[("gunicorn", think)]["rps"] / max(results[("dev", think)]["rps"], 1e-9)
            print(f"throughput gunicorn / dev server, think {think:.0f}s: {ratio:.1f}x")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
