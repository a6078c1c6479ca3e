"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where tests keep what a person should look at afterwards (git-ignored)."""
    path = PROJECT_ROOT / "tests" / "artifacts"
    path.mkdir(parents=True, exist_ok=True)
    return path


# A throw-away PostgreSQL cluster for the tests that run on both databases.
pytest_plugins = ["tests.pg_cluster"]
