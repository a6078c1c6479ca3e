"""The store's own exceptions: callers catch these, never a driver error."""

from __future__ import annotations


class StoreError(Exception):
    """Base class of everything the store raises on purpose."""


class InvalidSnapshot(StoreError, ValueError):
    """The data handed to write_snapshot cannot become a snapshot (nothing was written)."""


class SnapshotNotFound(StoreError, LookupError):
    """No snapshot with that id exists."""

    def __init__(self, snapshot_id: object) -> None:
        super().__init__(f"no snapshot with id {snapshot_id!r}")
        self.snapshot_id = snapshot_id


class SchemaError(StoreError):
    """The database schema is newer than this code or cannot be upgraded."""


class InvalidArgument(StoreError, ValueError):
    """A query argument (level, category, …) is not one of the allowed values."""


class CategoryNotInSnapshot(StoreError, LookupError):
    """The snapshot's run did not cover that category, so it has no numbers for it."""

    def __init__(self, snapshot_id: int, category: str) -> None:
        super().__init__(f"snapshot {snapshot_id} has no data for category {category!r}")
