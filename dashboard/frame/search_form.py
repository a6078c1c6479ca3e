"""The search box: a plain GET form to /suche (works without script, by keyboard, and the
browser's back button), used in the header of every page and on the "not found" page."""

from __future__ import annotations

from dash import dcc, html

from dashboard.model.context import PageContext
from dashboard.text.i18n import t


def search_form(ctx: PageContext, where: str = "header", value: str = "") -> html.Form:
    """A labelled search field and button; `where` makes the element ids unique on a page
    that shows two forms."""
    field_id = f"search-{where}-q"
    hidden = [dcc.Input(type="hidden", name="lang", value=ctx.lang)] if ctx.lang != "de" else []
    return html.Form(
        [
            html.Label(t("search.label", ctx.lang), htmlFor=field_id, className="search-label"),
            html.Div(
                [
                    dcc.Input(
                        id=field_id,
                        name="q",
                        type="text",
                        value=value,
                        placeholder=t("search.placeholder", ctx.lang),
                        maxLength="80",
                        className="search-input",
                    ),
                    html.Button(t("search.button", ctx.lang), type="submit",
                                className="search-button"),
                    *hidden,
                ],
                className="search-row",
            ),
        ],
        action=ctx.path("suche"),
        method="get",
        role="search",
        # two search landmarks on one page (header and "not found") need different names
        **{"aria-label": t("search.label" if where == "header" else "search.again", ctx.lang)},
        className=f"search-form search-{where}",
    )


def header_tools(ctx: PageContext) -> html.Div:
    """What the header carries besides the navigation: the search box and the link to the
    Leichte Sprache page."""
    href = ctx.path("leichte-sprache") + ("?lang=en" if ctx.lang == "en" else "")
    return html.Div(
        [
            search_form(ctx, "header"),
            html.A(t("nav.leichte_sprache", ctx.lang), href=href, className="easy-link",
                   lang="de" if ctx.lang == "de" else "en"),
        ],
        className="header-tools",
    )
