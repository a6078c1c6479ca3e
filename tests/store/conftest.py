"""Fixtures for the store tests: a real SQLite file per test and small provider frames."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine, MetaData, select

import store


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """Every store and pipeline test runs on a SQLite file and on a fresh PostgreSQL database
    (tests/pg_cluster.py starts a throw-away cluster)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'atlas.sqlite'}"
    return request.getfixturevalue("pg_database")()


@pytest.fixture
def engine(db_url) -> Engine:
    engine = store.connect(db_url)
    yield engine
    engine.dispose()


def provider(
    source_id: str,
    category: str = "ala",
    *,
    kreis: str | None = "14612",
    land: str | None = "14",
    quality: str = "gemeinde",
    **fields: Any,
) -> dict[str, Any]:
    row = {
        "category": category,
        "source_id": source_id,
        "name": f"Beispiel {source_id}",
        "operator": "Beispiel e.V.",
        "street": "Hauptstraße 1",
        "plz": "01067",
        "city": "Dresden",
        "land_listed": "Sachsen",
        "phone": "0351 1",
        "email": "info@example.org",
        "website": "https://example.org",
        "services": ["Arbeitsbereich"],
        "source_url": f"https://example.org/{source_id}",
        "gemeinde_ags": "14612000" if quality == "gemeinde" else None,
        "gemeinde": "Dresden" if quality == "gemeinde" else None,
        "kreis_ars": kreis,
        "kreis": "Dresden" if kreis else None,
        "land_code": land,
        "land": "Sachsen" if land else None,
        "lon": 13.7 if quality != "none" else None,
        "lat": 51.0 if quality != "none" else None,
        "geocode_quality": quality,
        "geocode_note": None if quality == "gemeinde" else f"only {quality}",
    }
    row.update(fields)
    return row


@pytest.fixture
def make_provider() -> Callable[..., dict[str, Any]]:
    return provider


@pytest.fixture
def write() -> Callable[..., int]:
    """write(engine, rows, origin=..., taken_at=...) -> snapshot id, counts from the rows."""

    def _write(
        engine: Engine,
        rows: list[dict[str, Any]],
        *,
        origin: str = "live",
        taken_at: str = "2022-12-01T00:00:00Z",
        categories: tuple[str, ...] = ("ala", "wfbm", "ib"),
    ) -> int:
        frame = pd.DataFrame(rows, columns=list(store.PROVIDER_COLUMNS))
        expected = {c: int((frame["category"] == c).sum()) for c in categories}
        report = store.build_quality_report(frame, expected)
        meta = {"taken_at": taken_at, "origin": origin, "categories": expected}
        return store.write_snapshot(engine, meta, frame, report)

    return _write


@pytest.fixture
def dump() -> Callable[[Engine], dict[str, list[tuple]]]:
    """Every row of every table, sorted: equal dumps mean an unchanged database."""

    def _dump(engine: Engine) -> dict[str, list[tuple]]:
        meta = MetaData()
        meta.reflect(engine)
        with engine.connect() as conn:
            return {
                name: sorted(
                    (tuple(map(repr, row)) for row in conn.execute(select(table))),
                )
                for name, table in sorted(meta.tables.items())
            }

    return _dump
