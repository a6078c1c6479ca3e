"""A visible link to the change feed of a region (Germany, a Land or a Kreis), for the pages
people watch: Entwicklung and every region profile. The addresses come from
`dashboard.endpoints.feed_links`, so the visible link and the page head's agree."""

from __future__ import annotations

from dash import html

import geodata
from dashboard.model.context import PageContext
from dashboard.model.feed_address import FEED_PATH, feed_query, region_name
from dashboard.text.i18n import t


def feed_href(ctx: PageContext, code: str | None) -> str:
    """The app-relative address of `code`'s feed in the page's language."""
    return ctx.app.get_relative_path(FEED_PATH) + feed_query(code, ctx.lang)


def _name(code: str | None, lang: str) -> str:
    return t("profile.germany", lang) if code in (None, "DE") else region_name(code)


def feed_link(ctx: PageContext, code: str | None) -> html.P:
    """"Änderungen in Bayern abonnieren (Atom-Feed)" as a link to that region's feed."""
    return html.P(
        html.A(t("feedlink.region", ctx.lang, name=_name(code, ctx.lang)),
               href=feed_href(ctx, code), className="feed-link"),
        className="feed-link-line",
    )


def feed_links_by_land(ctx: PageContext) -> html.Div:
    """The nationwide feed, and behind a disclosure one feed per Land."""
    return html.Div(
        [
            feed_link(ctx, None),
            html.Details(
                [
                    html.Summary(t("feedlink.laender", ctx.lang)),
                    html.Ul(
                        [html.Li(html.A(name, href=feed_href(ctx, code)))
                         for code, name in geodata.LAENDER.items()],
                        className="feed-land-list",
                    ),
                ],
                className="feed-laender",
            ),
        ],
        className="feed-links",
    )
