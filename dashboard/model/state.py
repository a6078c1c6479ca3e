"""The whole view lives in the URL: parsing and writing the query string.

A copied link reproduces the view. Malformed parameters never raise: each falls back to its
default and is reported back as a `Problem`, which the page shows as a short notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from urllib.parse import parse_qsl, urlencode

from dashboard.model.metrics import CATEGORIES, CLASSIFICATIONS, LEVELS, METRICS
from dashboard.text.i18n import DEFAULT_LANG, LANGS

PAGES: tuple[str, ...] = (
    "karte", "tabelle", "entwicklung", "anbieter", "erreichbarkeit", "quellen",
)  # fmt: skip
DEFAULT_PAGE = "karte"
VIEWS: tuple[str, ...] = ("single", "compare")
SERVICES: tuple[str, ...] = ("Eingangsverfahren", "Berufsbildungsbereich", "Arbeitsbereich")
_REGION = re.compile(r"^(\d{2}|\d{5})$")
# the 16 Länder's codes: "17" or "00" is well-formed but names no Land, so it falls back too
LAND_CODES: tuple[str, ...] = tuple(f"{number:02d}" for number in range(1, 17))
MAX_TEXT = 120


@dataclass(frozen=True)
class ViewState:
    """Everything a link must carry. Defaults are what a fresh visitor sees."""

    level: str = "land"
    category: str = "ala"
    metric: str = "count"
    classes: str = "quantiles"
    view: str = "single"
    points: bool = False
    snapshot: int | None = None  # None: the served snapshot
    region: str | None = None
    provider: str | None = None
    lang: str = DEFAULT_LANG
    embed: bool = False
    land: str | None = None  # Tabelle, Karte, Entwicklung: one Land's Kreise
    q: str = ""  # Anbieter: search text
    pland: str | None = None  # Anbieter: Land filter
    pcat: str | None = None  # Anbieter: category filter
    service: str | None = None  # Anbieter: service filter
    base: int | None = None  # Entwicklung: the older snapshot of a comparison
    # Erreichbarkeit: distance threshold (km), aLA service, hypothetical places (ARS, comma)
    threshold: int = 25
    aservice: str = "all"
    plan: str = ""
    plz: str | None = None  # near me: the PLZ searched for
    ort: str | None = None  # near me: the Gemeinde (8-digit AGS) searched for
    akreis: str | None = None  # Erreichbarkeit: the Kreis whose Gemeinden are listed
    # Erreichbarkeit: map level (Gemeinden or Kreise; `?level=gemeinde` is read as this),
    # and whether the maps show the plan ("after") or the snapshot as it is ("before")
    alevel: str = "kreis"
    acompare: str = "after"
    amode: str = "line"  # Erreichbarkeit: Luftlinie or car travel time (where computed)
    minutes: int = 30  # Erreichbarkeit, car mode: the threshold in minutes


DEFAULTS = ViewState()


@dataclass(frozen=True)
class Problem:
    """A query parameter that could not be used as given."""

    name: str
    value: str


def _choice(allowed: tuple[str, ...]):
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(value)
        return value

    return check


def _flag(value: str) -> bool:
    if value in ("1", "true"):
        return True
    if value in ("0", "false", ""):
        return False
    raise ValueError(value)


def _snapshot(value: str) -> int:
    number = int(value)
    if number < 1 or not value.isdigit():
        raise ValueError(value)
    return number


def _pattern(regex: re.Pattern[str]):
    def check(value: str) -> str:
        if not regex.match(value):
            raise ValueError(value)
        return value

    return check


def _text(value: str) -> str:
    if len(value) > MAX_TEXT:
        raise ValueError(value)
    return value


def _optional_choice(allowed: tuple[str, ...]):
    inner = _choice(allowed)

    def check(value: str) -> str | None:
        return None if value == "" else inner(value)

    return check


THRESHOLDS_KM: tuple[int, ...] = (10, 25, 50)
ACCESS_SERVICES: tuple[str, ...] = ("all", "arbeitsbereich", "berufsbildungsbereich")
ACCESS_LEVELS: tuple[str, ...] = ("gemeinde", "kreis")
ACCESS_COMPARE: tuple[str, ...] = ("after", "before")
MAX_PLAN = 20
_PLAN = re.compile(rf"^\d{{12}}(,\d{{12}}){{0,{MAX_PLAN - 1}}}$")


ACCESS_MODES: tuple[str, ...] = ("line", "car")
THRESHOLDS_MIN: tuple[int, ...] = (15, 30, 45, 60)


def _minutes(value: str) -> int:
    if value not in {str(m) for m in THRESHOLDS_MIN}:
        raise ValueError(value)
    return int(value)


def _threshold(value: str) -> int:
    if value not in {str(km) for km in THRESHOLDS_KM}:
        raise ValueError(value)
    return int(value)


def _plan(value: str) -> str:
    """Up to MAX_PLAN 12-digit Gemeinde ARS, comma-separated, duplicates dropped."""
    if value == "":
        return ""
    if not _PLAN.match(value):
        raise ValueError(value)
    return ",".join(dict.fromkeys(value.split(",")))


PARSERS = {
    "level": _choice(LEVELS),
    "category": _choice(CATEGORIES),
    "metric": _choice(METRICS),
    "classes": _choice(CLASSIFICATIONS),
    "view": _choice(VIEWS),
    "points": _flag,
    "snapshot": _snapshot,
    "region": _pattern(_REGION),
    "provider": _text,
    "lang": _choice(LANGS),
    "embed": _flag,
    "land": _choice(LAND_CODES),
    "q": _text,
    "pland": _choice(LAND_CODES),
    "pcat": _optional_choice(CATEGORIES),
    "service": _optional_choice(SERVICES),
    "base": _snapshot,
    "threshold": _threshold,
    "aservice": _choice(ACCESS_SERVICES),
    "plan": _plan,
    "plz": _pattern(re.compile(r"^\d{5}$")),
    "ort": _pattern(re.compile(r"^\d{8}$")),
    "akreis": _pattern(re.compile(r"^\d{5}$")),
    "alevel": _choice(ACCESS_LEVELS),
    "acompare": _choice(ACCESS_COMPARE),
    "amode": _choice(ACCESS_MODES),
    "minutes": _minutes,
}
# `level` belongs to Karte and Tabelle (Länder | Kreise); "gemeinde" exists only on
# Erreichbarkeit, so `?level=gemeinde` is read as its map level and leaves `level` alone
LEVEL_ALIASES = {"gemeinde": ("alevel", "gemeinde")}


def parse_query(search: str | None) -> tuple[ViewState, list[Problem]]:
    """The view a query string (with or without the leading "?") asks for, and what in it
    could not be used. Unknown parameters are ignored (other tools add their own)."""
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for name, raw in parse_qsl((search or "").lstrip("?"), keep_blank_values=True):
        if name == "level" and raw.strip() in LEVEL_ALIASES:
            field, value = LEVEL_ALIASES[raw.strip()]
            values[field] = value
            continue
        parser = PARSERS.get(name)
        if parser is None:
            continue
        try:
            values[name] = parser(raw.strip())
        except ValueError:
            problems.append(Problem(name, raw[:40]))
    return replace(DEFAULTS, **values), problems


def to_query(state: ViewState) -> str:
    """The query string ("?a=b…", or "" for the defaults) that parses back to `state`."""
    pairs = []
    for field in fields(ViewState):
        value = getattr(state, field.name)
        if value == getattr(DEFAULTS, field.name) or value is None:
            continue
        if isinstance(value, bool):
            value = "1" if value else "0"
        pairs.append((field.name, str(value)))
    return "?" + urlencode(pairs) if pairs else ""


def merge_query(search: str | None, **changes: object) -> str:
    """`search` with some fields changed (invalid old values dropped on the way)."""
    state, _ = parse_query(search)
    return to_query(replace(state, **changes))


def page_of(pathname: str | None) -> str | None:
    """The page a path names ("/" is the map); None for a path that is no page."""
    name = (pathname or "").strip("/")
    if name == "":
        return DEFAULT_PAGE
    return name if name in PAGES else None
