"""One fetched page and the clock it is stamped with: the value the fetchers return and the
recorder saves, so both import it from here and neither imports the other for it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Page:
    """One fetched page, bytes as received."""

    url: str  # as requested (the key of a recording)
    status: int
    content: bytes
    content_type: str | None
    fetched_at: str
    final_url: str | None = None  # after redirects, when different
    # Set when the body came from the HTTP cache after a 304: ``status`` stays the 200
    # the body was served with (so a replay sees the same page), the 304 is kept here.
    http_status: int | None = None
    note: str | None = None

    @property
    def base_url(self) -> str:
        """The URL relative links on the page resolve against."""
        return self.final_url or self.url
