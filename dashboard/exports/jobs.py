"""Export jobs: a bounded, fair queue shared by every server worker, outside the request threads.

Every export (the pages' download buttons, the region profile PDF, `GET /export/…`) passes
here. At most `ATLAS_EXPORT_WORKERS` exports are built at once on the machine; at most
`ATLAS_EXPORT_QUEUE` wait or run, and one client (its address) holds at most
`ATLAS_EXPORT_PER_CLIENT` of them. Beyond a bound the answer is immediate: `ExportsBusy`,
which the buttons show as a line and plain HTTP answers as 429 with `Retry-After`.

The queue is one list in a diskcache (SQLite in a folder the gunicorn workers share), changed
only inside its transactions, so it is fair across workers: first come, first built. A waiting
entry renews its heartbeat; an entry whose process died is dropped after STALE_S.

The buttons are Dash background callbacks (`background=True`) on `ExportJobManager`, Dash's
`DiskcacheManager` with one change: the job runs in a thread of the worker that took the
click instead of a freshly forked process per click. A forked child cannot use the worker's
warm Chromium (its event-loop thread does not survive fork), so each job would start a
browser of its own (1-2 s, ~150 MB) and the number of processes would follow the clicks; the
thread only waits its turn here and then renders with the warm browser. Results, progress and
the signing secret live in the diskcache, so any worker can answer the renderer's polls.
"""

from __future__ import annotations

import contextvars
import logging
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import diskcache
import flask
from dash import DiskcacheManager

from dashboard.exports.errors import ExportError
from dashboard.model.settings import Setting, read_settings, usable_cores

_log = logging.getLogger(__name__)

QUEUE_KEY = "export-queue"
STALE_S = 20.0  # a waiting entry not renewed for this long belonged to a process that died
HEARTBEAT_S = 4.0
RUNNING_MAX_S = 180.0  # a running entry older than this is dropped (render timeout is 120 s)
POLL_S = 1.0  # how often a waiting job looks at the queue (each look is a SQLite read)
JOB_ALIVE_S = 600  # a job's "alive" mark outlives any render; removed when the job ends
INTERVAL_MS = 500  # how often the browser asks for progress (a cached file: at the first ask)
ABANDONED_S = 15.0  # a waiting job whose page stopped asking this long ago is dropped

BUSY_TEXT = {
    "de": "Exporte gerade ausgelastet – bitte in {s} s erneut.",
    "en": "Exports are busy right now – please try again in {s} s.",
}
CANCELLED_TEXT = {"de": "Export abgebrochen.", "en": "Export cancelled."}


class ExportsBusy(ExportError):
    """Raised by `ExportQueue.enter` when the queue or the client's share of it is full."""

    def __init__(self, retry_after: int, lang: str = "de", reason: str = "queue") -> None:
        self.retry_after = retry_after
        self.reason = reason  # "queue" (all full) | "client" (this client's share) | "now"
        super().__init__(BUSY_TEXT.get(lang, BUSY_TEXT["de"]).format(s=retry_after))


class ExportCancelled(ExportError):
    """Raised in a waiting job whose reader pressed "Abbrechen"."""


SETTINGS = {
    # one Chromium render uses about one core; the rest stay for pages and the API
    "workers": Setting("ATLAS_EXPORT_WORKERS", lambda: max(1, usable_cores() // 2), 1, 32,
                     "exports built at the same time on this machine (default: half the cores)"),
    "queue": Setting("ATLAS_EXPORT_QUEUE", lambda: 16, 1, 1000,
                   "exports waiting or running at most; more are refused at once"),
    "per_client": Setting("ATLAS_EXPORT_PER_CLIENT", lambda: 3, 1, 1000,
                        "exports one client address may have waiting or running"),
    "retry_after": Setting("ATLAS_EXPORT_RETRY_AFTER", lambda: 20, 1, 3600,
                         "seconds a refused client is asked to wait (Retry-After)"),
    "cache_mb": Setting("ATLAS_EXPORT_CACHE_MB", lambda: 256, 1, 100_000,
                      "megabytes of finished export files kept for repeated requests"),
}


@dataclass(frozen=True)
class ExportLimits:
    workers: int
    queue: int
    per_client: int
    retry_after: int
    cache_mb: int


def limits_from_env(environ: Mapping[str, str] | None = None) -> ExportLimits:
    """The export limits from the environment; a malformed value raises SettingError (app.py
    checks them at start-up)."""
    return ExportLimits(**read_settings(SETTINGS, environ))


# ----------------------------------------------------------------------------- the queue
class ExportQueue:
    """First come, first built: entries {ticket, client, entered, started, beat} in one list."""

    def __init__(self, cache: diskcache.Cache, limits: ExportLimits) -> None:
        self._cache = cache
        self.limits = limits

    def enter(self, client: str, lang: str = "de", now_only: bool = False) -> str:
        """A ticket in the queue for `client`, or ExportsBusy. `now_only`: only if a worker
        is free at once (plain HTTP requests, which must not wait in a request thread); the
        ticket is then already started."""
        limits = self.limits
        with self._cache.transact():
            entries = self._live(time.time())
            running = sum(1 for e in entries if e["started"] is not None)
            if len(entries) >= limits.queue:
                raise ExportsBusy(limits.retry_after, lang, "queue")
            if sum(1 for e in entries if e["client"] == client) >= limits.per_client:
                raise ExportsBusy(limits.retry_after, lang, "client")
            waiting = len(entries) - running
            if now_only and (running >= limits.workers or waiting):
                raise ExportsBusy(limits.retry_after, lang, "now")
            now = time.time()
            ticket = uuid.uuid4().hex
            entries.append({"ticket": ticket, "client": client, "entered": now,
                            "started": now if now_only else None, "beat": now})
            self._cache.set(QUEUE_KEY, entries)
        return ticket

    def wait_turn(self, ticket: str, on_wait: Callable[[int, int], None],
                  cancelled: Callable[[], bool]) -> float:
        """Block until `ticket` may start (seconds waited). `on_wait(position, waiting)` is
        told each change of place; `cancelled()` true ends the wait with ExportCancelled."""
        entered = time.monotonic()
        last_place: tuple[int, int] | None = None
        last_beat = 0.0
        while True:
            if cancelled():
                raise ExportCancelled(CANCELLED_TEXT["de"])
            beat = time.monotonic() - last_beat >= HEARTBEAT_S
            place = self._try_start(ticket, beat)
            if beat:
                last_beat = time.monotonic()
            if place is None:
                return time.monotonic() - entered
            if place != last_place:
                on_wait(*place)
                last_place = place
            time.sleep(POLL_S)

    def _try_start(self, ticket: str, beat: bool) -> tuple[int, int] | None:
        """Start `ticket` if it is first and a worker is free (None); else its place."""
        entries = self._cache.get(QUEUE_KEY, [])
        waiting = [e for e in entries if e["started"] is None]
        running = len(entries) - len(waiting)
        position = next((i for i, e in enumerate(waiting) if e["ticket"] == ticket), None)
        if position is not None and not beat and (position > 0 or running >= self.limits.workers):
            return position + 1, len(waiting)  # nothing to write: a read is enough
        with self._cache.transact():
            now = time.time()
            entries = self._live(now)
            waiting = [e for e in entries if e["started"] is None]
            running = len(entries) - len(waiting)
            mine = next((e for e in entries if e["ticket"] == ticket), None)
            if mine is None:  # dropped as stale (a very long pause): queue again at the end
                mine = {"ticket": ticket, "client": "?", "entered": now, "started": None,
                        "beat": now}
                entries.append(mine)
                waiting.append(mine)
            mine["beat"] = now
            first = waiting and waiting[0]["ticket"] == ticket
            if mine["started"] is None and first and running < self.limits.workers:
                mine["started"] = now
            self._cache.set(QUEUE_KEY, entries)
            if mine["started"] is not None:
                return None
            return waiting.index(mine) + 1, len(waiting)

    def leave(self, ticket: str) -> None:
        """Remove `ticket` (done, failed or cancelled)."""
        with self._cache.transact():
            entries = [e for e in self._cache.get(QUEUE_KEY, []) if e["ticket"] != ticket]
            self._cache.set(QUEUE_KEY, entries)

    def stats(self) -> dict[str, Any]:
        """For /healthz: how many wait and run, and how old the oldest entry is (seconds)."""
        now = time.time()
        entries = [e for e in self._cache.get(QUEUE_KEY, []) if self._alive(e, now)]
        running = sum(1 for e in entries if e["started"] is not None)
        oldest = min((e["entered"] for e in entries), default=None)
        return {
            "waiting": len(entries) - running,
            "running": running,
            "oldest_job_age_s": None if oldest is None else round(now - oldest, 1),
            "workers": self.limits.workers,
            "queue_limit": self.limits.queue,
            "per_client_limit": self.limits.per_client,
        }

    def _live(self, now: float) -> list[dict[str, Any]]:
        return [e for e in self._cache.get(QUEUE_KEY, []) if self._alive(e, now)]

    @staticmethod
    def _alive(entry: dict[str, Any], now: float) -> bool:
        if entry["started"] is not None:
            return now - entry["started"] < RUNNING_MAX_S
        return now - entry["beat"] < STALE_S


# ----------------------------------------------------------------------- Dash's side
_CLIENT: contextvars.ContextVar[str] = contextvars.ContextVar("export_client", default="?")
_JOB: contextvars.ContextVar[str | None] = contextvars.ContextVar("export_job", default=None)
_HOST: contextvars.ContextVar[str] = contextvars.ContextVar("export_host", default="")
_KEY: contextvars.ContextVar[str | None] = contextvars.ContextVar("export_key", default=None)


def client_of_request() -> str:
    """Who asks: the peer address (behind a proxy every reader shares the proxy's address;
    see README, Deployment)."""
    if flask.has_request_context():
        return flask.request.remote_addr or "?"
    return _CLIENT.get()


def host_of_request() -> str:
    """The site's address as the asking request saw it ("" outside any request)."""
    if flask.has_request_context():
        return flask.request.host_url
    return _HOST.get()


class ExportJobManager(DiskcacheManager):
    """Dash's DiskcacheManager, its jobs run in a thread of this worker (see the module doc).

    Each click gets its own result slot (a random key): the stock key is a hash of the
    function's source and arguments, which two export buttons with the same arguments, or two
    readers clicking the same view, would share."""

    def __init__(self, cache: diskcache.Cache) -> None:
        super().__init__(cache)
        # Dash hands every background function of the process to every manager, keyed by a
        # hash of its source and outputs, so another app's export callbacks (a second app in
        # the same process, as in the tests) carry the same keys as this app's. Start empty
        # (what was registered before belongs to other apps) and keep the first function of
        # a key (this app's own, registered right after this manager was made), so a later
        # app never replaces this app's jobs with its own data, queue and cache.
        self.func_registry = {}
        self._seen: dict[str, float] = {}

    def register(self, key, fn, progress) -> None:  # noqa: ANN001
        if key not in self.func_registry:
            super().register(key, fn, progress)

    def build_cache_key(self, fn, args, cache_args_to_ignore, triggered) -> str:  # noqa: ANN001
        return "export-result-" + uuid.uuid4().hex

    def call_job_fn(self, key, job_fn, args, context) -> str:  # noqa: ANN001
        job = uuid.uuid4().hex
        client, host = client_of_request(), host_of_request()
        self.handle.set(_alive_key(job), client, expire=JOB_ALIVE_S)
        self.handle.set(_seen_key(key), time.time(), expire=JOB_ALIVE_S)

        def run() -> None:
            _CLIENT.set(client)
            _HOST.set(host)
            _JOB.set(job)
            _KEY.set(key)
            try:
                job_fn(key, self._make_progress_key(key), args, context)
                # an answer nobody fetches (the page was closed) does not stay for ever
                self.handle.touch(key, expire=JOB_ALIVE_S)
            finally:
                self.handle.delete(_alive_key(job))
                if self.handle.get(_cancel_key(job)) is not None:
                    self.clear_cache_entry(key)  # nobody will read a cancelled job's answer

        threading.Thread(target=run, name=f"export-{job[:8]}", daemon=True).start()
        return job

    def job_running(self, job) -> bool:  # noqa: ANN001
        return bool(job) and self.handle.get(_alive_key(str(job))) is not None

    def terminate_job(self, job) -> None:  # noqa: ANN001
        # a waiting job sees the mark and leaves the queue; a render in progress finishes
        # and its file is dropped (Chromium cannot be stopped mid-page without a restart)
        if job:
            self.handle.set(_cancel_key(str(job)), 1, expire=JOB_ALIVE_S)

    def terminate_unhealthy_job(self, job) -> bool:  # noqa: ANN001
        return False  # a job that died left no thread behind to stop

    def get_progress(self, key):  # noqa: ANN001, ANN201
        # every poll of the page asks for progress first: remember that someone still waits
        # (written at most every HEARTBEAT_S per key and worker: each write is a transaction)
        now = time.time()
        if now - self._seen.get(key, 0.0) >= HEARTBEAT_S:
            self._seen[key] = now
            self.handle.set(_seen_key(key), now, expire=JOB_ALIVE_S)
            if len(self._seen) > 10_000:  # forget old keys; a missed write is harmless
                self._seen.clear()
        return super().get_progress(key)



def current_job_cancelled(handle: diskcache.Cache) -> bool:
    """True when the reader cancelled the job this thread runs, or its page stopped asking
    for it (closed, navigated away, a script that gave up): then nobody would get the file."""
    job = _JOB.get()
    if job is None:
        return False
    if handle.get(_cancel_key(job)) is not None:
        return True
    seen = handle.get(_seen_key(_KEY.get() or ""))
    return seen is not None and time.time() - seen > ABANDONED_S


def _alive_key(job: str) -> str:
    return f"export-job-alive-{job}"


def _seen_key(result_key: str) -> str:
    return f"export-seen-{result_key}"


def _cancel_key(job: str) -> str:
    return f"export-job-cancel-{job}"
