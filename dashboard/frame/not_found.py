"""Unknown addresses: a "not found" page (search box, the atlas's pages) and an HTTP 404.

The page is drawn in the browser like every other (the router's `render`), so the server
cannot know the content's status from the content; it knows the address, though. Dash answers
every path with the same HTML shell, so `register_not_found` sets 404 on the shell's answer
when the path names no page: not a navigation page, not a routed page (region profiles check
their own codes), and never an API route, an asset, a feed or a Dash route, which have Flask
rules of their own and are not touched here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import flask
from dash import Dash, dcc, html

from dashboard.frame.search_form import search_form
from dashboard.model.context import PageContext
from dashboard.text.i18n import t


def is_page_path(path: str, pages: Iterable[str], routed: Iterable[str]) -> bool:
    """True if `path` (without the app's prefix) is the map, a page, or a routed page."""
    name = path.strip("/")
    if name == "":
        return True
    return name in set(pages) or name.partition("/")[0] in set(routed)


def not_found_content(ctx: PageContext, path: str, pages: Iterable[str]) -> html.Div:
    """What an unknown address shows: what happened, a search box, links to every page."""
    links = [html.Li(dcc.Link(t(f"nav.{page}", ctx.lang), href=_href(ctx, page)))
             for page in pages]
    links.append(html.Li(dcc.Link(t("profile.germany", ctx.lang) + " – "
                                  + t("profile.kicker", ctx.lang), href=_href(ctx, "region/DE"))))
    return html.Div(
        [
            html.H1(t("notfound.page.heading", ctx.lang)),
            html.P(t("notfound.page.text", ctx.lang, path=path[:60])),
            search_form(ctx, "notfound"),
            html.H2(t("notfound.page.links", ctx.lang)),
            html.Ul(links, className="not-found-links"),
        ],
        className="region-page not-found",
    )


def _href(ctx: PageContext, page: str) -> str:
    return ctx.path(page) + ("?lang=en" if ctx.lang == "en" else "")


def register_not_found(app: Dash, pages: Iterable[str], routed: Iterable[str]) -> None:
    """Answer 404 for the shell served at an address that is no page."""
    prefix = app.config.requests_pathname_prefix.rstrip("/")
    # the rules under which Dash serves its HTML shell (index and catch-all)
    shell_rules = {f"{app.config.routes_pathname_prefix.rstrip('/')}/",
                   f"{app.config.routes_pathname_prefix.rstrip('/')}/<path:path>"}
    pages, routed = tuple(pages), tuple(routed)

    @app.server.after_request
    def _not_found_status(response: flask.Response) -> Any:
        rule = flask.request.url_rule
        if response.status_code != 200 or rule is None or rule.rule not in shell_rules:
            return response
        if not is_page_path(flask.request.path.removeprefix(prefix), pages, routed):
            response.status_code = 404
        return response
