"""The app's exports in one place: the job queue, the file cache and Dash's job manager.

`service_for(app)` makes it once per app (in the gunicorn master, before the workers fork, so
they share its folder). `build(...)` is what every export runs: an answer from the cache at
once, else a place in the queue, its turn, the file, and the file into the cache.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import diskcache
from dash import Dash

from dashboard.exports.cache import ExportCache
from dashboard.exports.export import ExportFile
from dashboard.exports.jobs import (
    ExportJobManager,
    ExportQueue,
    client_of_request,
    current_job_cancelled,
    limits_from_env,
)

_log = logging.getLogger(__name__)
if not _log.handlers:  # one line per export in the server's log (gunicorn logs only its own)
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("[%(process)d] [INFO] %(message)s"))
    _log.addHandler(_handler)
    _log.setLevel(logging.INFO)
    _log.propagate = False
CONFIG_KEY = "ATLAS_EXPORTS"
FOLDER_ENV = "ATLAS_EXPORT_DIR"

# what a waiting or running export reports to its page: (stage, position, waiting)
Progress = Callable[[str, int, int], None]


class ExportService:
    """Queue, cache and manager over one folder (ATLAS_EXPORT_DIR, default a new temp dir)."""

    def __init__(self, folder: str | None = None) -> None:
        self.limits = limits_from_env()
        chosen = folder or os.environ.get(FOLDER_ENV)
        root = Path(chosen or tempfile.mkdtemp(prefix="ala-exp-"))
        if not chosen:  # our own temp folder: gone when the process that made it ends
            atexit.register(_remove_if_owner, root, os.getpid())
        self.folder = root
        # jobs, progress and results; 'none': the queue record must never be evicted
        self.jobs = diskcache.Cache(str(root / "jobs"), eviction_policy="none")
        self.queue = ExportQueue(self.jobs, self.limits)
        self.files = ExportCache(str(root / "files"), self.limits.cache_mb)
        self.manager = ExportJobManager(self.jobs)

    def build(self, key: str, make: Callable[[], ExportFile], progress: Progress,
              lang: str = "de", what: str = "") -> ExportFile:
        """The file for `key`: from the cache, or `make()` in its turn. ExportsBusy when the
        queue is full, ExportCancelled when the reader cancels while waiting."""
        cached = self.files.get(key)
        if cached is not None:
            return cached
        ticket = self.queue.enter(client_of_request(), lang)
        try:
            waited = self.queue.wait_turn(
                ticket, lambda place, waiting: progress("queued", place, waiting),
                lambda: current_job_cancelled(self.jobs))
            progress("rendering", 0, 0)
            started = time.monotonic()
            exported = make()
            rendered = time.monotonic() - started
        finally:
            self.queue.leave(ticket)
        _log.info("export job %s %s: waited %.2f s, rendered %.2f s", ticket[:8],
                  what or "file", waited, rendered)
        self.files.put(key, exported)
        return exported

    def build_now(self, key: str, make: Callable[[], ExportFile], lang: str = "de",
                  what: str = "") -> ExportFile:
        """For plain HTTP requests, which must not wait in a request thread: the cached file,
        or `make()` if a worker is free this moment, else ExportsBusy at once."""
        cached = self.files.get(key)
        if cached is not None:
            return cached
        ticket = self.queue.enter(client_of_request(), lang, now_only=True)
        started = time.monotonic()
        try:
            exported = make()
        finally:
            self.queue.leave(ticket)
        _log.info("export job %s %s: waited 0.00 s, rendered %.2f s", ticket[:8],
                  what or "file", time.monotonic() - started)
        self.files.put(key, exported)
        return exported

    def stats(self) -> dict[str, Any]:
        return self.queue.stats()


def _remove_if_owner(folder: Path, owner: int) -> None:
    # gunicorn's workers are forks of the process that made the folder and run its atexit
    # hooks too; only the maker (the master) removes it
    if os.getpid() == owner:
        shutil.rmtree(folder, ignore_errors=True)


def service_for(app: Dash) -> ExportService:
    """The app's ExportService, made on first use."""
    config = app.server.config
    if config.get(CONFIG_KEY) is None:
        config[CONFIG_KEY] = ExportService()
    return config[CONFIG_KEY]
