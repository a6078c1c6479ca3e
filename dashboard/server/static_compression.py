"""The large scripts of the component libraries (plotly.js alone is 4.8 MB), compressed hard once
and served compressed from then on.

Flask-Compress compresses every response on the fly at a fast level (zstd 3: plotly.js to
1.44 MB). These files never change while the app runs, so for a client that accepts Brotli a
background thread compresses each large one once at quality 11 (plotly.js to 1.11 MB, about half
a minute of one core), keeps it in memory and in a cache directory (`ATLAS_CACHE_DIR`, default
data/cache/), keyed by the file's SHA-256, and later requests get those bytes. Until then the
fast on-the-fly compression answers, so no request waits for the slow one.
"""

from __future__ import annotations

import hashlib
import logging
import os
import queue
import threading
from pathlib import Path

import brotli
from flask import Flask, Response, request

MIN_BYTES = 100_000  # smaller files gain little from the slow compression
QUALITY = 11
SUITES = "_dash-component-suites/"
log = logging.getLogger(__name__)


def default_cache_dir() -> Path:
    root = Path(__file__).resolve().parents[2]
    return Path(os.environ.get("ATLAS_CACHE_DIR") or root / "data" / "cache") / "brotli"


class BrotliCache:
    """Brotli-11 bytes by content digest, in memory and on disk; filled by one worker thread."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._packed: dict[str, bytes] = {}
        self._digests: dict[tuple[str, int], str] = {}
        self._queued: set[str] = set()
        self._jobs: queue.Queue[tuple[str, bytes]] = queue.Queue()
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None

    def digest(self, path: str, body: bytes) -> str:
        key = (path, len(body))
        if key not in self._digests:
            self._digests[key] = hashlib.sha256(body).hexdigest()
        return self._digests[key]

    def get(self, digest: str) -> bytes | None:
        if digest not in self._packed:
            try:
                self._packed[digest] = (self.directory / f"{digest}.br").read_bytes()
            except OSError:
                return None
        return self._packed[digest]

    def schedule(self, digest: str, body: bytes) -> None:
        with self._lock:
            if digest in self._queued:
                return
            self._queued.add(digest)
            self._jobs.put((digest, body))
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, daemon=True,
                                                name="brotli-cache")
                self._worker.start()

    def idle(self) -> bool:
        """Whether every scheduled file is compressed (for the benchmark's warm-up)."""
        return self._jobs.unfinished_tasks == 0

    def _work(self) -> None:
        while True:
            digest, body = self._jobs.get()
            try:
                packed = brotli.compress(body, quality=QUALITY)
                self._packed[digest] = packed
                self._write(digest, packed)
            except Exception:  # a full disk must not take the app down: memory still serves
                log.exception("could not cache a compressed script")
            finally:
                self._jobs.task_done()

    def _write(self, digest: str, packed: bytes) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        part = self.directory / f"{digest}.{os.getpid()}.part"
        part.write_bytes(packed)
        part.replace(self.directory / f"{digest}.br")  # atomic: readers never see half a file


_SHARED: dict[Path, BrotliCache] = {}
_SHARED_LOCK = threading.Lock()


def shared_cache(directory: Path | None = None) -> BrotliCache:
    """One cache per directory in a process, so apps built side by side (tests) compress once."""
    directory = directory or default_cache_dir()
    with _SHARED_LOCK:
        if directory not in _SHARED:
            _SHARED[directory] = BrotliCache(directory)
        return _SHARED[directory]


def accepts_brotli() -> bool:
    return "br" in request.accept_encodings


def serve_precompressed(
    server: Flask, prefix: str, cache: BrotliCache | None = None
) -> BrotliCache:
    """Answer large component-suite scripts with cached Brotli-11 bytes (see module docstring).
    Registered after Flask-Compress, so it runs first and Flask-Compress leaves the answer be."""
    cache = cache or shared_cache()
    suites = prefix + SUITES

    @server.after_request
    def precompressed(response: Response) -> Response:
        if (
            not request.path.startswith(suites)
            or response.status_code != 200
            or response.direct_passthrough
            or "Content-Encoding" in response.headers
            or not accepts_brotli()
        ):
            return response
        body = response.get_data()
        if len(body) < MIN_BYTES:
            return response
        digest = cache.digest(request.path, body)
        packed = cache.get(digest)
        if packed is None:
            cache.schedule(digest, body)
            return response
        response.set_data(packed)
        response.headers["Content-Encoding"] = "br"
        response.headers["Vary"] = "Accept-Encoding"
        return response

    return cache
