"""A store with the demo default, built once per session, and the dashboard app over it."""

from __future__ import annotations

import shutil

import pytest

import store
from scrapers.demo import ensure_default


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> str:
    """A SQLite file holding the three demo snapshots (never written to by tests)."""
    path = tmp_path_factory.mktemp("api-demo") / "atlas.sqlite"
    url = f"sqlite:///{path}"
    engine = store.connect(url)
    ensure_default(engine)
    engine.dispose()
    return url


@pytest.fixture
def writable_db(demo_db, tmp_path) -> str:
    """A private copy of the demo store that a test may add snapshots to."""
    source = demo_db.removeprefix("sqlite:///")
    target = tmp_path / "atlas.sqlite"
    shutil.copy(source, target)
    return f"sqlite:///{target}"
