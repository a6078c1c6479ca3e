"""Export requests from the page URL: the view a user sees is the view that is exported."""

from __future__ import annotations

from dashboard.exports.request import ExportRequest
from dashboard.model.state import ViewState, parse_query


def _state(search: str | None) -> ViewState:
    state, _ = parse_query(search)
    return state


def karte_request(search: str | None, fmt: str) -> ExportRequest:
    s = _state(search)
    return ExportRequest(
        "karte", fmt, level=s.level, category=s.category, metric=s.metric, snapshot=s.snapshot,
        lang=s.lang,
        classes=s.classes, points=s.points, land=s.land if s.level == "kreis" else None,
    )


def karte_compare_request(search: str | None, fmt: str) -> ExportRequest:
    """The Karte page's comparison of the three categories, as one image."""
    s = _state(search)
    return ExportRequest(
        "karte", fmt, level=s.level, category=s.category, metric=s.metric, snapshot=s.snapshot,
        lang=s.lang,
        classes=s.classes, compare=True, land=s.land if s.level == "kreis" else None,
    )


def tabelle_request(search: str | None, fmt: str) -> ExportRequest:
    s = _state(search)
    return ExportRequest(
        "tabelle", fmt, level=s.level, category=s.category, metric=s.metric,
        snapshot=s.snapshot, lang=s.lang, land=s.land,
    )


def anbieter_request(search: str | None, fmt: str) -> ExportRequest:
    s = _state(search)
    return ExportRequest(
        "anbieter", fmt, category=s.pcat or "ala", all_categories=s.pcat is None,
        snapshot=s.snapshot, lang=s.lang, land=s.pland, search=s.q or None, service=s.service,
    )


def entwicklung_request(view: str):
    """A request maker for one section of the Entwicklung page."""

    def make(search: str | None, fmt: str) -> ExportRequest:
        s = _state(search)
        return ExportRequest(
            "entwicklung", fmt, view=view, level=s.level, category=s.category,
            metric="per_100k" if s.metric == "per_100k" else "count", snapshot=s.snapshot,
            lang=s.lang,
            base=s.base, per_100k=s.metric == "per_100k",
            land=s.land if s.level == "kreis" and view == "veraenderung" else None,
        )

    return make


def access_request(view: str):
    """A request maker for one view of the Erreichbarkeit page (distance | sfca | table |
    gemeinden: the clicked Kreis's Gemeinden, `akreis` in the URL); the distance map is the
    Gemeinde map (view gemeinde, with its table) when the page shows Gemeinden."""

    def make(search: str | None, fmt: str) -> ExportRequest:
        s = _state(search)
        shown = "gemeinde" if view == "distance" and s.alevel == "gemeinde" else view
        plan = tuple(p for p in s.plan.split(",") if p) if s.acompare == "after" else ()
        return ExportRequest(
            "erreichbarkeit", fmt, view=shown, level="kreis", category=s.category,
            snapshot=s.snapshot, lang=s.lang, service=s.aservice if s.category == "ala" else "all",
            threshold=s.threshold, plan=plan, land=s.land, kreis=s.akreis,
        )

    return make


def car_request(search: str | None, fmt: str) -> ExportRequest:
    """The request of Erreichbarkeit's car map (view car, or car-gemeinde when the page
    shows Gemeinden) with its minutes and the plan the page shows (none for "before")."""
    s = _state(search)
    plan = tuple(p for p in s.plan.split(",") if p) if s.acompare == "after" else ()
    return ExportRequest(
        "erreichbarkeit", fmt, view="car-gemeinde" if s.alevel == "gemeinde" else "car",
        level="kreis", category=s.category, snapshot=s.snapshot, lang=s.lang,
        service=s.aservice if s.category == "ala" else "all", threshold=s.minutes,
        land=s.land, plan=plan,
    )  # fmt: skip
