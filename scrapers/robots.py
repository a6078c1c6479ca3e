"""robots.txt, read by RFC 9309 through Protego (Scrapy's parser); a disallowed URL is an error.

`urllib.robotparser` does not follow the RFC: it applies the first matching rule in file
order (so `Allow: /adressen/suche/` after `Disallow: /adressen/` never counts) and reads `*`
and `$` in paths literally. Protego gives the RFC's longest match, `*` and `$`, Allow over
Disallow at equal length, and merges groups that name the same agent.

One deviation of Protego 0.7.0 is handled here: it picks a group whose user-agent value is a
*prefix* of ours at a token boundary (a group `ala` would apply to `ala-atlas`), and searches
the whole header, comments included. RFC 9309 section 2.2.1 matches the product token
case-insensitively and exactly, so the product token alone is passed, and user-agent lines
that name another agent are renamed before parsing (`_other_agents_renamed`), which keeps
every group boundary where it was.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import requests
from protego import Protego

from scrapers.exceptions import RobotsDisallowed, RobotsUnavailable
from scrapers.throttle import Throttle

# RFC 9309 section 2.2.1: a product token is letters, "_" and "-" only
_PRODUCT_TOKEN = re.compile(r"[A-Za-z_-]+")
_USER_AGENT_LINE = re.compile(r"(?im)^([ \t]*user-?agent[ \t]*:[ \t]*)([^#\r\n]*)")
_RENAMED = "other-agent-"  # never a substring of a product token it was made from


def product_token(user_agent: str) -> str:
    """The product token of a User-Agent header, lower-cased: "aLA-Atlas/0.1 (+…)" → "ala-atlas".

    Raises ValueError for a header whose first word is not a valid product token."""
    words = user_agent.split()
    token = words[0].split("/", 1)[0] if words else ""
    if not _PRODUCT_TOKEN.fullmatch(token):
        raise ValueError(
            f"user agent {user_agent[:80]!r} does not start with a product token "
            "(letters, '_' and '-', RFC 9309 section 2.2.1)"
        )
    return token.lower()


def _other_agents_renamed(text: str, token: str) -> str:
    """`text` with every user-agent line that names neither `token` nor `*` renamed, so only an
    exact (case-insensitive) match or the `*` group can apply to us."""

    def rename(match: re.Match[str]) -> str:
        value = match.group(2).strip()
        if value == "*" or value.lower() == token:
            return match.group(0)
        return match.group(1) + _RENAMED + re.sub(r"[^A-Za-z_-]", "_", value)

    return _USER_AGENT_LINE.sub(rename, text)


class RobotsRules:
    """One host's robots.txt as it applies to one product token; None text: no rules."""

    def __init__(self, text: str | None, token: str, url: str = "") -> None:
        self.url = url
        self.token = token
        self._parser = None if text is None else Protego.parse(
            _other_agents_renamed(text, token)
        )

    def allows(self, url: str) -> bool:
        """True if robots.txt lets our agent fetch `url` (a full URL or a path)."""
        if self._parser is None:
            return True
        return self._parser.can_fetch(url, self.token)


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
        self.token = product_token(user_agent)
        self._rules: dict[str, RobotsRules] = {}
        self.statuses: dict[str, int] = {}  # robots.txt URL → HTTP status (for reports)
        self._failures: dict[str, RobotsUnavailable] = {}

    def _rules_for(self, url: str) -> RobotsRules:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root in self._rules:
            return self._rules[root]
        if root in self._failures:
            raise self._failures[root]
        try:
            rules = self._fetch(root + "/robots.txt")
        except RobotsUnavailable as exc:
            self._failures[root] = exc
            raise
        self._rules[root] = rules
        return rules

    def _fetch(self, robots_url: str) -> RobotsRules:
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
            return RobotsRules(None, self.token, robots_url)  # an error body is never rules
        return RobotsRules(response.text, self.token, robots_url)

    def check(self, url: str) -> None:
        """Raise :class:`RobotsDisallowed` if robots.txt forbids ``url`` for our agent,
        :class:`RobotsUnavailable` if the host's robots.txt cannot be read."""
        rules = self._rules_for(url)
        if not rules.allows(url):
            raise RobotsDisallowed(
                f"robots.txt ({rules.url}) disallows this URL for user agent "
                f"{self.user_agent!r}",
                url,
            )
