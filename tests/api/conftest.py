"""A store with the demo default, built once per session, and the dashboard app over it."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import copy_demo_store


@pytest.fixture(scope="session")
def _pg_demo_template(pg_demo_template) -> str:
    """A PostgreSQL database with the demo default, only ever copied (CREATE DATABASE …
    TEMPLATE needs it unused), never served: the session's one (tests/conftest.py)."""
    return pg_demo_template


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def demo_db(request, tmp_path_factory) -> str:
    """A store holding the three demo snapshots (never written to by tests): a SQLite file,
    and a PostgreSQL database on the session's throw-away cluster."""
    if request.param == "postgresql":
        template = request.getfixturevalue("_pg_demo_template")
        return request.getfixturevalue("pg_database")(template)
    demo = request.getfixturevalue("demo_store_file")
    return f"sqlite:///{copy_demo_store(demo, tmp_path_factory.mktemp('api-demo'))}"


@pytest.fixture
def writable_db(demo_db, request, tmp_path) -> str:
    """A private copy of the demo store that a test may add snapshots to."""
    if demo_db.startswith("postgresql"):
        template = request.getfixturevalue("_pg_demo_template")
        return request.getfixturevalue("pg_database")(template)
    source = demo_db.removeprefix("sqlite:///")
    target = tmp_path / "atlas.sqlite"
    shutil.copy(source, target)
    return f"sqlite:///{target}"
