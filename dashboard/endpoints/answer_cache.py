"""Finished API answers kept per snapshot: `/api/regions` and `/api/providers` for a snapshot
never change (snapshots are immutable), so the body is built once and served from memory.

Building one costs 6-11 ms (metrics, JSON of hundreds of records); a scripted client or a
newsroom's dashboard asks for the same few URLs again and again. The key always holds the
resolved snapshot id (never "latest": a new scrape changes what "latest" is), the checked
parameters, the deployment's contact setting and the served file's generation, so a
replaced or restored database is never answered from the old file.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

from flask import Response

from dashboard.model.data import _Lru
from dashboard.model.publishing import contacts_hidden
from store.serving import ServingStore

SIZE = 64  # answers per worker; the largest (all providers as GeoJSON) is about 2 MB


@dataclass(frozen=True)
class _Answer:
    body: bytes
    status: int
    mimetype: str
    headers: tuple[tuple[str, str], ...]


class AnswerCache:
    """Successful answers by key, per served store file (thread-safe)."""

    def __init__(self, serving: ServingStore, size: int = SIZE) -> None:
        self._serving = serving
        self._answers = _Lru(size)

    def get(self, parts: tuple[Hashable, ...], make: Callable[[], Response]) -> Response:
        """The answer for `parts` (which must name the resolved snapshot id), built by
        `make()` the first time. Errors are raised by `make` and never kept."""
        key = (self._serving.generation, contacts_hidden(), *parts)
        answer = self._answers.get(key, lambda: _freeze(make()))
        response = Response(answer.body, status=answer.status, mimetype=answer.mimetype)
        for name, value in answer.headers:
            response.headers[name] = value
        return response


def _freeze(response: Response) -> _Answer:
    kept = tuple((k, v) for k, v in response.headers.items() if k == "Content-Disposition")
    return _Answer(response.get_data(), response.status_code, response.mimetype, kept)
