"""Every knob of the scraper in one place, with its default and why.

Components receive a :class:`Settings` object; they never read globals or the
environment themselves. Any field can be overridden from the environment as
``ATLAS_SCRAPER_<FIELD>`` (e.g. ``ATLAS_SCRAPER_DOWNLOAD_DELAY=2``) and the CLI
overrides the environment. An unknown ``ATLAS_SCRAPER_*`` variable is an error at
start-up, so a typo never silently falls back to a default.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from scrapers.exceptions import SettingsError

ENV_PREFIX = "ATLAS_SCRAPER_"

# Where each category is listed: documented data, not code. An empty value means "the
# global setting" (portal: BASE_URL; path: LISTING_PATH with the category's slug; params:
# LISTING_QUERY; overview: OVERVIEW_PATH; title: CATEGORY_TITLES). ``filter`` and ``query``
# are the Solr-style search parameters seen on REHADAT listings (rehadat.md):
#   filter=(art_adr:(("Jobcenter" Jobcenter*))) AND doc_type:ADR, query=(Jobcenter Jobcenter*)
# None is confirmed for these three categories, so they start empty (the listing page of
# the slug without a search). To take WfbM from REHADAT-Werkstätten once its listing has
# been looked at, set for example
#   ATLAS_SCRAPER_SOURCES='{"wfbm": {"portal": "https://www.rehadat-wfbm.de",
#                                    "path": "/werkstaetten/index.html", "params": "",
#                                    "filter": "…", "query": "…"}}'
# (only the given keys change; the other categories keep their sources).
SOURCE_KEYS: dict[str, str] = {
    "portal": "site root of the portal (scheme + host), e.g. https://www.rehadat-wfbm.de",
    "path": "path of the listing on the portal ('{slug}' is the category slug)",
    "params": "fixed query of the first listing page, e.g. 'mode=detail'",
    "filter": "value of the 'filter' parameter (Solr-style), empty for none",
    "query": "value of the 'query' parameter, empty for none",
    "overview": "path of the overview page searched for the category title after a 404",
    "title": "German title of the category's link on the overview page",
}
DEFAULT_SOURCES: dict[str, dict[str, str]] = {
    "ala": {"portal": "", "path": "", "params": "", "filter": "", "query": ""},
    "wfbm": {"portal": "", "path": "", "params": "", "filter": "", "query": ""},
    "ib": {"portal": "", "path": "", "params": "", "filter": "", "query": ""},
}


@dataclass(frozen=True)
class Source:
    """Where one category is listed: a portal and its listing (resolved, no blanks)."""

    category: str
    portal: str
    path: str
    params: str
    filter: str
    query: str
    overview: str
    title: str

    def listing_url(self) -> str:
        """First listing page: path, fixed params, then filter and query (no ``page``)."""
        query = [part for part in (self.params,) if part]
        search = {k: v for k, v in (("filter", self.filter), ("query", self.query)) if v}
        if search:
            query.append(urlencode(search))
        url = self.portal.rstrip("/") + self.path
        return f"{url}?{'&'.join(query)}" if query else url

    def overview_url(self) -> str:
        return self.portal.rstrip("/") + self.overview

    def robots_url(self) -> str:
        return self.portal.rstrip("/") + "/robots.txt"

    def describe(self) -> str:
        """One line for reports: which portal, path and search a category comes from."""
        search = ", ".join(f"{k}={v!r}" for k, v in (("filter", self.filter),
                                                    ("query", self.query)) if v)
        return f"{self.portal}{self.path}" + (f" ({search})" if search else "")


def _setting(default: Any, help: str) -> Any:  # noqa: A002 - "help" reads best here
    if isinstance(default, dict):
        return field(default_factory=lambda: dict(default), metadata={"help": help})
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Scraper configuration. See ``describe()`` for the documented list."""

    # --- Site layout (rehadat.md: only `inklusionsbetriebe` is a confirmed slug) ---
    BASE_URL: str = _setting(
        "https://www.rehadat-adressen.de", "Site root; every listing path is joined to it."
    )
    LISTING_PATH: str = _setting(
        "/adressen/arbeit-beschaeftigung/{slug}/index.html",
        "Path of a category listing; {slug} is the category slug.",
    )
    LISTING_QUERY: str = _setting(
        "mode=detail", "Query of the first listing page (detail mode shows contact data)."
    )
    OVERVIEW_PATH: str = _setting(
        "/adressen/arbeit-beschaeftigung/",
        "Overview page searched for a category's link by its German title after a 404.",
    )
    CATEGORY_SLUGS: dict = _setting(
        {
            "ala": "andere-leistungsanbieter",
            "wfbm": "werkstaetten-fuer-behinderte-menschen",
            "ib": "inklusionsbetriebe",
        },
        "URL slug per category (ala and wfbm are guesses; ib is confirmed).",
    )
    CATEGORY_TITLES: dict = _setting(
        {
            "ala": "Andere Leistungsanbieter",
            "wfbm": "Werkstätten für behinderte Menschen",
            "ib": "Inklusionsbetriebe",
        },
        "German link title per category, used to find the link on the overview page.",
    )
    SOURCES: dict = _setting(
        DEFAULT_SOURCES,
        "Per category: portal, path, params, filter, query (and overview, title); empty "
        "values fall back to BASE_URL / LISTING_PATH / LISTING_QUERY / OVERVIEW_PATH / "
        "CATEGORY_TITLES. Environment: JSON, merged per category and key.",
    )
    # --- Politeness ---
    DOWNLOAD_DELAY: float = _setting(
        1.0, "Minimum seconds between two requests (one per second by default)."
    )
    USER_AGENT: str = _setting(
        "aLA-Atlas/0.1 (+https://github.com/ala-atlas/ala-atlas)",
        "User-Agent header: names the project and its homepage.",
    )
    ROBOTSTXT_OBEY: bool = _setting(
        True,
        "Honour robots.txt (RFC 9309): a disallowed URL is an error; robots.txt is read "
        "once per host and run, and a 5xx or no answer there stops the run.",
    )
    HTTP_CACHE_DIR: str = _setting(
        "data/http-cache",
        "Validator cache for conditional re-fetches (ETag / Last-Modified and body per "
        "URL; a 304 reuses the stored page). Relative paths are under the project root; "
        "empty turns it off (CLI: --cache-dir, --no-cache).",
    )
    # --- Retries (urllib3 Retry on the session) ---
    RETRY_TIMES: int = _setting(
        5, "Retries on connection errors, timeouts, 5xx and 429 before giving up."
    )
    RETRY_BACKOFF: float = _setting(
        1.0, "Exponential backoff factor: sleeps factor * 2**(n-1) seconds before retry n."
    )
    RETRY_BACKOFF_MAX: float = _setting(60.0, "Upper bound of one backoff sleep in seconds.")
    RETRY_JITTER: float = _setting(
        0.5, "Random extra seconds (0..jitter) added to each backoff, so clients spread out."
    )
    RETRY_AFTER_MAX: int = _setting(
        300, "Longest Retry-After (seconds) waited; a longer demand is cut to this."
    )
    # --- Timeouts ---
    CONNECT_TIMEOUT: float = _setting(10.0, "Seconds to establish a connection.")
    READ_TIMEOUT: float = _setting(30.0, "Seconds to wait for the server between bytes.")
    # --- Crawl limits and failure handling ---
    MAX_PAGES: int = _setting(
        500, "Pages per category before the crawl stops as a runaway (about 100 expected)."
    )
    FAILURE_DIR: str = _setting(
        "data/scrape-failures",
        "Where a failed run keeps its failed pages when --save-pages was not given "
        "(data/ is local state, git-ignored).",
    )

    def replace(self, **overrides: Any) -> Settings:
        """A copy with some fields changed (None values are ignored: "not given")."""
        given = {k: v for k, v in overrides.items() if v is not None}
        unknown = sorted(set(given) - {f.name for f in dataclasses.fields(self)})
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(unknown)}")
        return dataclasses.replace(self, **given)

    def source(self, category: str) -> Source:
        """The category's source with every blank filled from the global settings."""
        given = {k: v for k, v in (self.SOURCES.get(category) or {}).items() if v}
        slug = self.CATEGORY_SLUGS[category]
        return Source(
            category=category,
            portal=given.get("portal", self.BASE_URL).rstrip("/"),
            path=given.get("path", self.LISTING_PATH).format(slug=slug),
            params=given.get("params", self.LISTING_QUERY),
            filter=given.get("filter", ""),
            query=given.get("query", ""),
            overview=given.get("overview", self.OVERVIEW_PATH),
            title=given.get("title", self.CATEGORY_TITLES[category]),
        )

    def listing_url(self, category: str) -> str:
        """First listing page of a category (on its source's portal)."""
        return self.source(category).listing_url()

    def overview_url(self, category: str | None = None) -> str:
        if category is not None:
            return self.source(category).overview_url()
        return self.BASE_URL.rstrip("/") + self.OVERVIEW_PATH

    def robots_url(self) -> str:
        return self.BASE_URL.rstrip("/") + "/robots.txt"


def describe() -> dict[str, str]:
    """Setting name → help text (the documentation the CLI prints)."""
    return {f.name: f.metadata.get("help", "") for f in dataclasses.fields(Settings)}


def _coerce(name: str, raw: str, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            lowered = raw.strip().lower()
            if lowered in {"1", "true", "yes", "on"}:
                return True
            if lowered in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        if name == "SOURCES":
            return _merge_sources(default, json.loads(raw))
        if isinstance(default, dict):
            # "ala=andere-leistungsanbieter,wfbm=…": only the given keys change.
            pairs = dict(item.split("=", 1) for item in raw.split(",") if item.strip())
            return {**default, **{k.strip(): v.strip() for k, v in pairs.items()}}
    except ValueError as exc:
        raise SettingsError(
            f"{ENV_PREFIX}{name}={raw!r} is not a valid {type(default).__name__}"
        ) from exc
    return raw


def _merge_sources(default: dict, given: Any) -> dict:
    """Per category and key: JSON ``{"wfbm": {"portal": …}}`` over the current sources."""
    if not isinstance(given, dict):
        raise ValueError("SOURCES must be a JSON object of categories")
    merged = {k: dict(v) for k, v in default.items()}
    for category, keys in given.items():
        if category not in DEFAULT_SOURCES:
            raise SettingsError(f"{ENV_PREFIX}SOURCES: unknown category {category!r}; "
                                f"one of {', '.join(DEFAULT_SOURCES)}")
        if not isinstance(keys, dict):
            raise ValueError(f"SOURCES[{category!r}] must be a JSON object")
        unknown = sorted(set(keys) - set(SOURCE_KEYS))
        if unknown:
            raise SettingsError(f"{ENV_PREFIX}SOURCES[{category!r}]: unknown key(s) "
                                f"{', '.join(unknown)}; known: {', '.join(SOURCE_KEYS)}")
        merged.setdefault(category, {}).update({k: str(v) for k, v in keys.items()})
    return merged


def from_env(environ: Mapping[str, str] | None = None, base: Settings | None = None) -> Settings:
    """Settings with ``ATLAS_SCRAPER_*`` variables applied; unknown names are an error."""
    environ = os.environ if environ is None else environ
    base = base or Settings()
    known = {f.name for f in dataclasses.fields(Settings)}
    overrides: dict[str, Any] = {}
    for key, raw in environ.items():
        if not key.startswith(ENV_PREFIX):
            continue
        name = key[len(ENV_PREFIX):]
        if name not in known:
            raise SettingsError(
                f"unknown environment setting {key}; known: "
                + ", ".join(ENV_PREFIX + k for k in sorted(known))
            )
        overrides[name] = _coerce(name, raw, getattr(base, name))
    return dataclasses.replace(base, **overrides)
