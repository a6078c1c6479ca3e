"""The store as the web server reads it: read-only, re-opened when the file changes, rebuilt
after a failure.

Serving never creates or changes a database. SQLite is opened with a `mode=ro` URI, so a
deleted file is an error and never a new empty database; PostgreSQL sessions are read-only.
The SQLite file is checked by identity (device, inode, size, modification time) on every
use: a file replaced or restored under the same path is opened afresh, and `generation`
changes so caches keyed by it never serve the old file's rows. Any database error marks the
engine broken (SQLAlchemy's handle_error event); the next use disposes of it and builds a
new one, so the server recovers by itself once the database is back.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Hashable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import QueuePool

from store.db import database_url
from store.errors import StoreError
from store.snapshots import served_snapshot

# Seconds a reader waits for another process's lock before the request fails with 503.
# Well below the server's worker timeout, so a lock costs an error page, never a worker.
DEFAULT_BUSY_TIMEOUT = 5.0


def busy_timeout(environ: dict[str, str] | None = None) -> float:
    """ATLAS_DB_BUSY_TIMEOUT (seconds a reader waits for a lock, default 5); a malformed value
    is a one-line ValueError."""
    raw = (os.environ if environ is None else environ).get("ATLAS_DB_BUSY_TIMEOUT", "").strip()
    if not raw:
        return DEFAULT_BUSY_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value <= 60:
        raise ValueError(f"ATLAS_DB_BUSY_TIMEOUT must be seconds from 0 to 60, not {raw!r}")
    return value


class StoreUnavailable(StoreError):
    """The served database cannot be read now (missing, corrupt, locked, unreachable).
    Raised by ServingStore; the web layer answers 503 and shows a notice."""


def one_line(exc: BaseException) -> str:
    """A driver error as one short line, for logs and /healthz (no SQL, no traceback)."""
    inner = getattr(exc, "orig", None) or exc
    text = str(inner).strip().splitlines()[0] if str(inner).strip() else type(inner).__name__
    return text[:200]


class ServingStore:
    """A read-only engine for the store at `url` (default: DATABASE_URL or data/atlas.sqlite)
    that follows the file and recovers from failures. Thread-safe."""

    def __init__(self, url: str | None = None, busy_seconds: float | None = None):
        self.url = database_url(url)
        parsed = make_url(self.url)
        self.dialect = parsed.get_backend_name()
        self.path: Path | None = None
        if self.dialect == "sqlite" and parsed.database and parsed.database != ":memory:":
            self.path = Path(parsed.database).resolve()
        self._busy_timeout = busy_timeout() if busy_seconds is None else busy_seconds
        self._lock = threading.Lock()
        self._engine: Engine | None = None
        self._identity: Hashable = None
        self._broken = False
        self._resets = 0

    # -- the engine ---------------------------------------------------------------------
    def engine(self) -> Engine:
        """The engine to read with; raises StoreUnavailable when the SQLite file is missing."""
        identity = self._file_identity()
        with self._lock:
            if self._engine is None or self._broken or identity != self._identity:
                self._replace(identity)
            return self._engine  # type: ignore[return-value]

    @property
    def generation(self) -> Hashable:
        """Changes whenever the engine is rebuilt: key caches by it."""
        return (self._identity, self._resets)

    def reset(self) -> None:
        """Dispose of the engine; the next use builds a new one."""
        with self._lock:
            self._broken = True

    def after_fork(self) -> None:
        """In a forked server worker: drop the parent's connections without closing them."""
        with self._lock:
            if self._engine is not None:
                self._engine.dispose(close=False)
            self._engine = None

    def dispose(self) -> None:
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
            self._engine = None

    # -- health -------------------------------------------------------------------------
    def check(self) -> dict[str, Any] | None:
        """Run a real query: the served snapshot (None for an empty store). Raises
        StoreUnavailable with a one-line reason when the store cannot answer."""
        try:
            return served_snapshot(self.engine())
        except SQLAlchemyError as exc:
            raise StoreUnavailable(one_line(exc)) from exc

    # -- internals ----------------------------------------------------------------------
    def _file_identity(self) -> Hashable:
        if self.path is None:
            return None
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self._drop()
            raise StoreUnavailable(f"database file {self.path.name} is missing") from None
        except OSError as exc:
            self._drop()
            raise StoreUnavailable(f"database file {self.path.name}: {exc.strerror}") from None
        return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)

    def _drop(self) -> None:
        # A deleted file stays readable through open connections: close them now.
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None
                self._resets += 1

    def _replace(self, identity: Hashable) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._resets += 1
        self._engine = self._build()
        self._identity = identity
        self._broken = False

    def _build(self) -> Engine:
        if self.path is not None:
            engine = self._sqlite_engine(self.path)
        elif self.dialect == "postgresql":
            engine = create_engine(
                self.url,
                pool_pre_ping=True,
                connect_args={"options": "-c default_transaction_read_only=on"},
            )
        else:
            engine = create_engine(self.url, pool_pre_ping=True)

        @event.listens_for(engine, "handle_error")
        def _mark_broken(_context: Any) -> None:
            # Whatever failed (corrupt file, lost server, lock timeout), start afresh next time.
            self._broken = True

        return engine

    def _sqlite_engine(self, path: Path) -> Engine:
        uri = f"file:{quote(str(path))}?mode=ro"
        timeout = self._busy_timeout

        def connect() -> sqlite3.Connection:
            connection = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
            connection.execute("PRAGMA query_only=1")
            return connection

        return create_engine(
            "sqlite://", creator=connect, poolclass=QueuePool, pool_size=8, max_overflow=8
        )


__all__ = ["DEFAULT_BUSY_TIMEOUT", "ServingStore", "StoreUnavailable", "busy_timeout", "one_line"]
