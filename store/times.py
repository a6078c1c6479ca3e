"""Timestamps in the store are UTC; these helpers make every input and output agree."""

from __future__ import annotations

from datetime import UTC, date, datetime

from store.errors import InvalidSnapshot


def to_utc(value: object) -> datetime:
    """A timezone-aware UTC datetime from a datetime, a date or an ISO-8601 string.

    Naive values are taken as UTC (that is how SQLite hands them back).
    """
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise InvalidSnapshot(f"not an ISO-8601 date or time: {value[:40]!r}") from None
    else:
        raise InvalidSnapshot(f"not a date or time: {type(value).__name__}")
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def iso(value: datetime) -> str:
    """ISO-8601 in UTC with a 'Z', seconds precision: '2022-12-01T00:00:00Z'."""
    return to_utc(value).replace(microsecond=0).isoformat().replace("+00:00", "Z")
