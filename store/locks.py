"""A lock across processes for one-off work on a store (building the demo default once).

SQLite: an advisory file lock beside the database file. PostgreSQL: a session-level
advisory lock. Other databases, and SQLite in memory, need none (one process only).
"""

from __future__ import annotations

import fcntl
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text


@contextmanager
def exclusive(engine: Engine, name: str) -> Iterator[None]:
    """Hold the lock `name` on this store for the duration of the block; a second process
    asking for the same lock waits until the first one leaves its block."""
    if engine.dialect.name == "sqlite":
        with _file_lock(engine, name):
            yield
    elif engine.dialect.name == "postgresql":
        with _advisory_lock(engine, name):
            yield
    else:
        yield


@contextmanager
def _file_lock(engine: Engine, name: str) -> Iterator[None]:
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        yield
        return
    with file_lock(Path(f"{database}.{name}.lock")):
        yield


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """An exclusive advisory lock on the file `path` (created if missing) for the block."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def _advisory_lock(engine: Engine, name: str) -> Iterator[None]:
    key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
