"""robots.txt, honoured through urllib.robotparser; a disallowed URL is an error."""

from __future__ import annotations

from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import requests

from scrapers.exceptions import FetchError, RobotsDisallowed
from scrapers.throttle import Throttle


class RobotsPolicy:
    """Fetches each host's robots.txt once (through our session) and checks URLs.

    Follows the robots.txt convention also used by ``RobotFileParser.read``:
    401/403 → everything disallowed, other 4xx → everything allowed; a server
    error or no answer at all is a :class:`FetchError` (we do not guess).
    """

    def __init__(
        self, session: requests.Session, user_agent: str, throttle: Throttle | None = None
    ) -> None:
        self._session = session
        self._throttle = throttle
        self.user_agent = user_agent
        self._parsers: dict[str, RobotFileParser] = {}

    def _parser_for(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root in self._parsers:
            return self._parsers[root]
        robots_url = root + "/robots.txt"
        parser = RobotFileParser(robots_url)
        if self._throttle is not None:
            self._throttle.wait()  # robots.txt is a request like any other
        try:
            response = self._session.get(robots_url)
        except requests.RequestException as exc:
            raise FetchError(f"robots.txt could not be fetched ({exc})", robots_url) from exc
        if response.status_code in (401, 403):
            parser.disallow_all = True
        elif 400 <= response.status_code < 500:
            parser.allow_all = True
        elif response.status_code >= 500:
            raise FetchError(
                f"robots.txt answered HTTP {response.status_code}", robots_url,
                response.status_code,
            )
        else:
            parser.parse(response.text.splitlines())
        self._parsers[root] = parser
        return parser

    def check(self, url: str) -> None:
        """Raise :class:`RobotsDisallowed` if robots.txt forbids ``url`` for our agent."""
        parser = self._parser_for(url)
        if not parser.can_fetch(self.user_agent, url):
            raise RobotsDisallowed(
                f"robots.txt ({parser.url}) disallows this URL for user agent "
                f"{self.user_agent!r}",
                url,
            )
