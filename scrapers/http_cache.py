"""A validator cache for conditional re-fetches (rehadat.md: "a conditional or cached re-fetch").

Per URL we keep the last full 200 answer that carried an ``ETag`` or ``Last-Modified``
header: the validators and the body. The next run sends ``If-None-Match`` /
``If-Modified-Since``; a ``304 Not Modified`` then costs the server no page and we use
the stored body. We do not implement freshness (``max-age``): every page is still
asked for, so a weekly run always sees the site as it is now.

One file per URL, ``<sha256(url)>.cache``: a JSON header line, a newline, the body as
received. It is written to a temporary file and renamed, so an entry is either whole or
absent; the header holds the body's SHA-256, so a damaged entry is recognised. The cache
is an optimisation only: an unreadable or damaged entry is logged, deleted and the page
fetched in full, and a failed write is logged and ignored. Nothing here can fail a run.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

FORMAT = 1
SUFFIX = ".cache"


class _Unusable(Exception):
    """An entry that exists but cannot be trusted (internal: always turned into a miss)."""


@dataclass(frozen=True)
class CachedPage:
    """A stored 200 answer: its validators and body."""

    url: str
    etag: str | None
    last_modified: str | None
    content_type: str | None
    stored_at: str
    body: bytes

    def conditional_headers(self) -> dict[str, str]:
        """The request headers that let the server answer 304 (RFC 9110 section 13)."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass
class CacheStats:
    """What the cache did during a run (printed by the CLI)."""

    not_modified: int = 0  # 304 answers served from the cache
    stored: int = 0  # full answers written
    dropped: int = 0  # damaged entries discarded (page fetched in full)


def _validators(headers: Mapping[str, str]) -> tuple[str | None, str | None]:
    return headers.get("ETag") or None, headers.get("Last-Modified") or None


def _no_store(headers: Mapping[str, str]) -> bool:
    return "no-store" in (headers.get("Cache-Control") or "").lower()


class HttpCache:
    """Validators and bodies per URL in ``directory`` (created on the first write)."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.stats = CacheStats()

    def path_for(self, url: str) -> Path:
        return self.directory / (hashlib.sha256(url.encode("utf-8")).hexdigest() + SUFFIX)

    def lookup(self, url: str) -> CachedPage | None:
        """The stored answer for ``url``; None when there is none or it is unusable."""
        path = self.path_for(url)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            self._drop(path, url, f"unreadable: {exc}")
            return None
        try:
            return self._decode(raw, url)
        except _Unusable as exc:
            self._drop(path, url, str(exc))
            return None

    def record(
        self, url: str, status: int, headers: Mapping[str, str], body: bytes
    ) -> None:
        """Keep a full answer if it can be revalidated; forget the URL if it no longer can.

        Only a 200 is stored. Any other status leaves the entry alone: a passing 503
        must not throw away what the next run can revalidate.
        """
        if status != 200:
            return
        etag, last_modified = _validators(headers)
        if (etag is None and last_modified is None) or _no_store(headers):
            self._remove(self.path_for(url))
            return
        self._write(CachedPage(url, etag, last_modified, headers.get("Content-Type"),
                               datetime.now(UTC).isoformat(timespec="seconds"), body))
        self.stats.stored += 1

    def revalidated(self, entry: CachedPage, headers: Mapping[str, str]) -> CachedPage:
        """After a 304: the entry with any validators the 304 updated (RFC 9111 4.3.4)."""
        self.stats.not_modified += 1
        etag, last_modified = _validators(headers)
        updated = CachedPage(
            entry.url, etag or entry.etag, last_modified or entry.last_modified,
            entry.content_type, entry.stored_at, entry.body,
        )
        if (updated.etag, updated.last_modified) != (entry.etag, entry.last_modified):
            self._write(updated)
        return updated

    # --- the file format ---

    def _decode(self, raw: bytes, url: str) -> CachedPage:
        header_line, newline, body = raw.partition(b"\n")
        if not newline:
            raise _Unusable("no header line")
        try:
            header = json.loads(header_line)
        except ValueError as exc:
            raise _Unusable(f"header is not JSON ({exc})") from exc
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise _Unusable(f"not a format-{FORMAT} header")
        if header.get("url") != url:
            raise _Unusable(f"belongs to another URL ({header.get('url')!r})")
        if hashlib.sha256(body).hexdigest() != header.get("sha256"):
            raise _Unusable("body does not match its checksum (truncated or altered)")
        etag, last_modified = header.get("etag"), header.get("last_modified")
        if not any(isinstance(v, str) and v for v in (etag, last_modified)):
            raise _Unusable("no validator stored")
        return CachedPage(url, etag, last_modified, header.get("content_type"),
                          str(header.get("stored_at", "")), body)

    def _write(self, entry: CachedPage) -> None:
        header = {
            "format": FORMAT,
            "url": entry.url,
            "etag": entry.etag,
            "last_modified": entry.last_modified,
            "content_type": entry.content_type,
            "stored_at": entry.stored_at,
            "sha256": hashlib.sha256(entry.body).hexdigest(),
        }
        data = json.dumps(header, ensure_ascii=True).encode("ascii") + b"\n" + entry.body
        path = self.path_for(entry.url)
        tmp = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.directory)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)  # whole or absent, never half-written
        except OSError as exc:
            log.warning("HTTP cache: could not store %s in %s (%s); the next run fetches "
                        "it in full", entry.url, self.directory, exc)
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)

    def _drop(self, path: Path, url: str, reason: str) -> None:
        self.stats.dropped += 1
        log.warning("HTTP cache: entry %s for %s is unusable (%s); discarded, fetching the "
                    "page in full", path, url, reason)
        self._remove(path)

    @staticmethod
    def _remove(path: Path) -> None:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:  # e.g. a read-only cache: the run goes on without it
            log.warning("HTTP cache: could not remove %s (%s)", path, exc)
