"""/suche?q=…: the search form's target: regions, places and the served snapshot's providers.
One hit goes straight to its page (an HTTP redirect before Dash is involved); several are
listed with what each is, none says so with the search box again."""

from __future__ import annotations

from typing import Any

import flask
import pandas as pd
from dash import Dash, dcc, html

import geodata
from dashboard.frame.search_form import search_form
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.search import Hit, plz_exists, search
from dashboard.text.i18n import t

KEY = "suche"


def find(query: str, providers: pd.DataFrame | None = None) -> list[Hit]:
    """Regions, places and (given a snapshot's `providers`) providers for `query`."""
    return search(query, geodata.region_table("land"), geodata.region_table("kreis"),
                  geodata.load_gemeinden(), plz_exists, providers)


def served_providers(data: AtlasData, snapshot_id: int | None = None) -> pd.DataFrame | None:
    """The providers of snapshot `snapshot_id` (else the served one) that a search may find;
    None when the store holds no snapshot."""
    if snapshot_id is None:
        served = data.served()
        snapshot_id = None if served is None else int(served["id"])
    return None if snapshot_id is None else data.providers(snapshot_id)


def _detail(ctx: PageContext, hit: Hit) -> str:
    """What a hit is, in the page's language where the atlas has words for it: "Land" for a
    Land, the category for a provider; official kinds of region stay German ("Landkreis")."""
    if hit.kind == "region" and len(hit.path) == len("region/NN"):
        return t("search.kind.land", ctx.lang)
    if hit.category:
        return " · ".join(p for p in (t(f"category.{hit.category}.short", ctx.lang), hit.detail)
                          if p)
    return hit.detail


def _item(ctx: PageContext, hit: Hit) -> html.Li:
    detail = _detail(ctx, hit)
    extra = [html.Span(f" – {detail}", className="search-detail")] if detail else []
    return html.Li([dcc.Link(hit.label, href=_href(ctx, hit)), *extra])


def _href(ctx: PageContext, hit: Hit) -> str:
    path = ctx.path(hit.path.split("?")[0])
    query = hit.path.partition("?")[2]
    params = [p for p in (query, "lang=en" if ctx.lang == "en" else "") if p]
    return path + ("?" + "&".join(params) if params else "")


def layout(ctx: PageContext, rest: str) -> html.Div:
    query = ctx.state.q
    parts: list[Any] = [html.H1(t("search.heading", ctx.lang, q=query[:80]))]
    hits = find(query, served_providers(ctx.data, ctx.snapshot_id)) if query.strip() else []
    if not query.strip():
        parts.append(html.P(t("search.empty", ctx.lang)))
    elif not hits:
        parts.append(html.P(t("search.none", ctx.lang, q=query[:80]), role="status"))
    for kind, heading in (("region", "search.regions"), ("place", "search.places"),
                          ("provider", "search.providers")):
        mine = [h for h in hits if h.kind == kind]
        if mine:
            parts += [html.H2(t(heading, ctx.lang)),
                      html.Ul([_item(ctx, h) for h in mine], className="search-hits")]
    parts.append(search_form(ctx, "results", query))
    return html.Div(parts, className="search-page")


def register_callbacks(app: Dash, data: AtlasData) -> None:
    prefix = app.config.requests_pathname_prefix.rstrip("/")

    @app.server.before_request
    def _one_hit_redirect() -> flask.Response | None:
        if flask.request.method != "GET" or flask.request.path.rstrip("/") != prefix + "/suche":
            return None
        hits = find(flask.request.args.get("q", "")[:120], served_providers(data))
        if len(hits) != 1:
            return None
        hit = hits[0]
        extra = "lang=en" if flask.request.args.get("lang") == "en" else ""
        target = prefix + "/" + hit.path
        if extra:
            target += ("&" if "?" in target else "?") + extra
        return flask.redirect(target, code=302)


def validation_layout() -> html.Div:
    return html.Div()
