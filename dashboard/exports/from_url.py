"""Export requests from the page URL: the view a user sees is the view that is exported."""

from __future__ import annotations

from urllib.parse import parse_qsl

from dashboard.exports.request import ExportRequest
from dashboard.state import ViewState, parse_query

BASE_PARAM = "base"  # the older snapshot of a comparison (Entwicklung page, change map)


def base_snapshot(search: str | None) -> int | None:
    """The `base` query parameter as a snapshot id, None when absent or malformed."""
    for name, value in parse_qsl((search or "").lstrip("?")):
        if name == BASE_PARAM and value.isdigit() and int(value) > 0:
            return int(value)
    return None


def _state(search: str | None) -> ViewState:
    state, _ = parse_query(search)
    return state


def karte_request(search: str | None, fmt: str) -> ExportRequest:
    s = _state(search)
    return ExportRequest(
        "karte", fmt, level=s.level, category=s.category, metric=s.metric, snapshot=s.snapshot,
        classes=s.classes, points=s.points,
    )


def tabelle_request(search: str | None, fmt: str) -> ExportRequest:
    s = _state(search)
    return ExportRequest(
        "tabelle", fmt, level=s.level, category=s.category, metric=s.metric,
        snapshot=s.snapshot, land=s.land,
    )


def anbieter_request(search: str | None, fmt: str) -> ExportRequest:
    s = _state(search)
    return ExportRequest(
        "anbieter", fmt, category=s.pcat or "ala", all_categories=s.pcat is None,
        snapshot=s.snapshot, land=s.pland, search=s.q or None, service=s.service,
    )


def entwicklung_request(view: str):
    """A request maker for one section of the Entwicklung page."""

    def make(search: str | None, fmt: str) -> ExportRequest:
        s = _state(search)
        return ExportRequest(
            "entwicklung", fmt, view=view, level=s.level, category=s.category,
            metric="per_100k" if s.metric == "per_100k" else "count", snapshot=s.snapshot,
            base=base_snapshot(search), per_100k=s.metric == "per_100k",
        )

    return make
