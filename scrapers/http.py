"""The HTTP session: pooling, default timeouts and retries configured once, on the session.

Retries are urllib3's ``Retry`` mounted through ``HTTPAdapter`` (exponential backoff
with jitter, ``Retry-After`` honoured), not a hand-written sleep loop.
"""

from __future__ import annotations

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from scrapers.settings import Settings

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


def build_retry(settings: Settings) -> Retry:
    """Retry connection errors, read timeouts, 5xx and 429 with backoff and jitter.

    ``raise_on_status=False``: when the retries run out on an error status the last
    response is returned, so the crawl can keep and report the page the server sent.
    """
    return Retry(
        total=settings.RETRY_TIMES,
        connect=settings.RETRY_TIMES,
        read=settings.RETRY_TIMES,
        status=settings.RETRY_TIMES,
        other=0,
        allowed_methods=frozenset({"GET", "HEAD"}),
        status_forcelist=RETRY_STATUSES,
        backoff_factor=settings.RETRY_BACKOFF,
        backoff_max=settings.RETRY_BACKOFF_MAX,
        backoff_jitter=settings.RETRY_JITTER,
        respect_retry_after_header=True,
        retry_after_max=settings.RETRY_AFTER_MAX,
        raise_on_status=False,
        raise_on_redirect=True,
    )


class TimeoutHTTPAdapter(HTTPAdapter):
    """An adapter that applies a default (connect, read) timeout to every request."""

    def __init__(self, *args, timeout: tuple[float, float], **kwargs) -> None:
        self.timeout = timeout
        super().__init__(*args, **kwargs)

    def send(self, request, **kwargs):  # type: ignore[override]
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().send(request, **kwargs)


def build_session(settings: Settings) -> requests.Session:
    """A pooled session with our User-Agent, retries and timeouts for http and https."""
    session = requests.Session()
    adapter = TimeoutHTTPAdapter(
        max_retries=build_retry(settings),
        timeout=(settings.CONNECT_TIMEOUT, settings.READ_TIMEOUT),
        pool_connections=4,
        pool_maxsize=4,
    )
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update(
        {
            "User-Agent": settings.USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Language": "de-DE,de;q=0.9",
        }
    )
    return session
