"""robots.txt, honoured through urllib.robotparser; a disallowed URL is an error."""

from __future__ import annotations

from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import requests

from scrapers.exceptions import RobotsDisallowed, RobotsUnavailable
from scrapers.throttle import Throttle


class RobotsPolicy:
    """Fetches each host's robots.txt once per run (through our session) and checks URLs.

    Follows RFC 9309 section 2.3.1: a 4xx answer ("unavailable", 401 and 403 included)
    means no rules, everything allowed; a 5xx or no answer at all after the session's
    retries ("unreachable") means everything is assumed disallowed, raised as
    :class:`RobotsUnavailable`. 429 counts as unreachable, not as a 4xx: a server that
    asks us to slow down is not inviting a crawl. Both outcomes are remembered per
    host, so a failure costs its retries once, not once per category.
    """

    def __init__(
        self, session: requests.Session, user_agent: str, throttle: Throttle | None = None
    ) -> None:
        self._session = session
        self._throttle = throttle
        self.user_agent = user_agent
        self._parsers: dict[str, RobotFileParser] = {}
        self.statuses: dict[str, int] = {}  # robots.txt URL → HTTP status (for reports)
        self._failures: dict[str, RobotsUnavailable] = {}

    def _parser_for(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root in self._parsers:
            return self._parsers[root]
        if root in self._failures:
            raise self._failures[root]
        try:
            parser = self._fetch(root + "/robots.txt")
        except RobotsUnavailable as exc:
            self._failures[root] = exc
            raise
        self._parsers[root] = parser
        return parser

    def _fetch(self, robots_url: str) -> RobotFileParser:
        parser = RobotFileParser(robots_url)
        if self._throttle is not None:
            self._throttle.wait()  # robots.txt is a request like any other
        try:
            response = self._session.get(robots_url)
        except requests.RequestException as exc:
            reason = f"no answer after retries: {type(exc).__name__}"
            raise RobotsUnavailable(reason, robots_url) from exc
        status = response.status_code
        self.statuses[robots_url] = status
        if status >= 500 or status == 429:
            raise RobotsUnavailable(f"HTTP {status} after retries", robots_url, status)
        if 400 <= status < 500:
            parser.allow_all = True
        else:
            parser.parse(response.text.splitlines())
        return parser

    def check(self, url: str) -> None:
        """Raise :class:`RobotsDisallowed` if robots.txt forbids ``url`` for our agent,
        :class:`RobotsUnavailable` if the host's robots.txt cannot be read."""
        parser = self._parser_for(url)
        if not parser.can_fetch(self.user_agent, url):
            raise RobotsDisallowed(
                f"robots.txt ({parser.url}) disallows this URL for user agent "
                f"{self.user_agent!r}",
                url,
            )
