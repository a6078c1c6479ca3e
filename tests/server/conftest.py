"""The real app.py as a separate process on a free loopback port, over a store the test owns.

`start_app(database_url, **env)` starts one, waits until /healthz answers (any status) and
returns an AppProcess; every process is stopped (and its log kept) at the end of the test.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import store

REPO = Path(__file__).resolve().parents[2]
START_S = 180  # the machine is shared and loaded: generous


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))

    @property
    def text(self) -> str:
        """The body as text; JSON decoded first, so "ü" reads as itself, not \\u00fc."""
        raw = self.body.decode("utf-8", "replace")
        if self.headers.get("Content-Type", "").startswith("application/json"):
            try:
                return json.dumps(json.loads(raw), ensure_ascii=False)
            except ValueError:
                return raw
        return raw


@dataclass
class AppProcess:
    process: subprocess.Popen
    base: str
    log_path: Path
    extra: dict[str, Any] = field(default_factory=dict)

    def request(self, path: str, data: bytes | None = None, method: str | None = None,
                headers: dict[str, str] | None = None, timeout: float = 30) -> Answer:
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as response:
                return Answer(response.status, dict(response.headers), response.read())
        except urllib.error.HTTPError as exc:
            return Answer(exc.code, dict(exc.headers), exc.read())

    def get(self, path: str, **kwargs: Any) -> Answer:
        return self.request(path, **kwargs)

    def post_json(self, path: str, payload: Any, **kwargs: Any) -> Answer:
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        return self.request(path, data=body, method="POST",
                            headers={"Content-Type": "application/json"}, **kwargs)

    def page(self, path: str = "/karte", search: str = "") -> Answer:
        """The router callback a browser sends when it opens `path`: the page's content."""
        from dashboard.frame import ids
        from dashboard.server.callback_client import post_callback

        return post_callback(_Client(self), [(ids.ROOT, "children"), (ids.ROOT, "lang")],
                             [(ids.URL, "pathname", path), (ids.LANG_STORE, "data", None)],
                             [(ids.URL, "search", search)], [f"{ids.URL}.pathname"])

    def health(self) -> tuple[int, dict[str, Any]]:
        answer = self.get("/healthz")
        return answer.status, answer.json()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_for(self, check: Callable[[], bool], seconds: float = 60) -> bool:
        """Poll `check` until it is true (True) or `seconds` pass (False)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if check():
                return True
            time.sleep(0.25)
        return False

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


class _Client:
    """Enough of Flask's test client for dashboard.server.callback_client, over real HTTP."""

    def __init__(self, app: AppProcess) -> None:
        self.app = app

    def post(self, path: str, json: Any, headers: dict[str, str]) -> Answer:
        return self.app.post_json(path, json)


def add_snapshot(path: Path, taken_at: str = "2026-11-30T00:00:00Z") -> int:
    """Write a new snapshot (origin replay: the demo's newest providers again) into the SQLite
    file at `path`, as a scrape in another process would; return its id."""
    engine = store.connect(f"sqlite:///{path}")
    served = store.served_snapshot(engine)
    frame = store.load_providers(engine, served["id"])
    expected = {c: int((frame["category"] == c).sum()) for c in served["counts"]}
    meta = {"taken_at": taken_at, "origin": "replay", "categories": expected}
    new_id = store.write_snapshot(engine, meta, frame, store.build_quality_report(frame, expected))
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return new_id


def launch(database_url: str, log_dir: Path, **env: str) -> AppProcess:
    """Start app.py on a free port over `database_url`; return once /healthz answers."""
    port = free_port()
    log_path = log_dir / f"app-{port}.log"
    environ = {**os.environ, "DATABASE_URL": database_url, "PORT": str(port),
               "HOST": "127.0.0.1", "PYTHONPATH": str(REPO), "WEB_CONCURRENCY": "2",
               "ATLAS_THREADS": "4",
               # no Chromium per worker unless a test asks: most never export an image
               "ATLAS_PRESTART_RENDERER": "0",
               # nor the Gemeinde view's data before the fork (2-4 s of CPU per start)
               "ATLAS_WARM_VIEWS": "0", **env}
    if "DASH_DEBUG" not in env:
        environ.pop("DASH_DEBUG", None)
    handle = log_path.open("wb")
    process = subprocess.Popen([sys.executable, "app.py"], cwd=REPO, env=environ,
                               stdout=handle, stderr=subprocess.STDOUT)
    app = AppProcess(process, f"http://127.0.0.1:{port}", log_path)
    deadline = time.monotonic() + START_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"app.py exited {process.returncode}:\n{app.log()}")
        try:
            app.get("/healthz", timeout=10)
            return app
        except OSError:
            time.sleep(0.5)
    app.stop()
    raise AssertionError(f"app.py did not answer within {START_S} s:\n{app.log()}")


# What app.py reads from the environment besides PATH: a process started with only the
# variables a test names has none of the worker's own.
_APP_SETTINGS = ("DATABASE_URL", "PORT", "HOST", "WEB_CONCURRENCY", "DASH_DEBUG")


def app_main_here(monkeypatch: pytest.MonkeyPatch, **env: str) -> SystemExit:
    """app.py's main() in this process, with `env` and none of the worker's own settings, as
    `python app.py` started with only those variables; the SystemExit it ends with (its code:
    the one line a process prints on stderr before it exits with status 1). Only for settings
    app.py refuses before it opens the store or serves; one test runs that as a process
    (tests/api/test_app_start.py)."""
    import runpy

    for name in list(os.environ):
        if name.startswith("ATLAS_") or name in _APP_SETTINGS:
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    def went_on(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("app.py accepted the setting and went on to open the store")

    monkeypatch.setattr(store, "connect", went_on)  # never a start (or a hang) in the worker
    main = runpy.run_path(str(REPO / "app.py"))["main"]  # not as __main__: nothing runs yet
    with pytest.raises(SystemExit) as exited:
        main()
    return exited.value


@pytest.fixture
def start_app(tmp_path) -> Iterator[Callable[..., AppProcess]]:
    """start_app(database_url, **env) -> AppProcess; all are stopped after the test."""
    started: list[AppProcess] = []

    def start(database_url: str, **env: str) -> AppProcess:
        app = launch(database_url, tmp_path, **env)
        started.append(app)
        return app

    yield start
    for app in started:
        app.stop()


@pytest.fixture(scope="session")
def demo_file(demo_store_file, tmp_path_factory) -> Path:
    """A SQLite file with the three demo snapshots, checkpointed into one file (no -wal), so
    a test can copy it byte for byte. Never written to by tests (this session's copy)."""
    from tests.conftest import copy_demo_store

    return copy_demo_store(demo_store_file, tmp_path_factory.mktemp("server-demo"))


@pytest.fixture
def served_copy(demo_file, tmp_path) -> Path:
    """A private copy of the demo store for one test to serve, damage and restore."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    target = folder / "atlas.sqlite"
    shutil.copyfile(demo_file, target)
    return target
