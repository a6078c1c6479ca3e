"""The router: URL → page. Renders the shell and the page for the path and query, and keeps
the query in step with the shared controls (language, snapshot)."""

from __future__ import annotations

import logging
from types import ModuleType
from typing import Any

from dash import ALL, Dash, Input, Output, State, html, no_update
from sqlalchemy.exc import SQLAlchemyError

from dashboard import ids, shell
from dashboard.context import PageContext
from dashboard.data import AtlasData
from dashboard.i18n import t
from dashboard.state import DEFAULT_PAGE, ViewState, merge_query, page_of, parse_query
from dashboard.unavailable import unavailable_frame
from store.serving import StoreUnavailable, one_line

log = logging.getLogger(__name__)
PAGE_CACHE_SIZE = 32  # rendered pages (URL + store state) kept per process


def build_context(app: Dash, data: AtlasData, search: str | None) -> tuple[PageContext, list[str]]:
    """Parse the query, resolve the snapshot, collect notices for what could not be used."""
    state, problems = parse_query(search)
    notices = [t("notice.bad_param", state.lang, name=p.name, value=p.value) for p in problems]
    snapshot, honoured = data.resolve(state.snapshot)
    if not honoured:
        notices.append(
            t("notice.bad_param", state.lang, name="snapshot", value=str(state.snapshot))
        )
    if snapshot is None:
        notices.append(t("notice.no_snapshot", state.lang))
    return PageContext(app, data, state, snapshot, notices), notices


def render(
    app: Dash,
    data: AtlasData,
    pages: dict[str, ModuleType],
    pathname: str | None,
    search: str | None,
) -> list[Any]:
    """The app root's children for a URL."""
    ctx, _ = build_context(app, data, search)
    page = page_of(app.strip_relative_path(pathname or "/") if pathname else "")
    if page is None or page not in pages:
        if page is None:
            ctx.notices.append(t("notice.unknown_page", ctx.lang, path=str(pathname)[:60]))
        else:
            ctx.notices.append(t("notice.page_missing", ctx.lang))
        page = DEFAULT_PAGE
    content = pages[page].layout(ctx)
    if ctx.state.embed:
        return shell.embed_frame(ctx, content, page)
    return shell.frame(ctx, page, list(pages), content)


def register_router(app: Dash, data: AtlasData, pages: dict[str, ModuleType]) -> None:
    """The callbacks of the shell."""
    from dashboard.data import _Lru

    pages_cache = _Lru(PAGE_CACHE_SIZE)

    @app.callback(
        Output(ids.ROOT, "children"),
        Output(ids.ROOT, "lang"),
        Input(ids.URL, "pathname"),
        Input(ids.LANG_STORE, "data"),
        State(ids.URL, "search"),
    )
    def route(pathname: str | None, _lang: Any, search: str | None):
        state, _ = parse_query(search)
        try:
            # A page is a function of its URL and the store's content: built once, then served
            # from the cache until a snapshot is added or the file replaced (the Karte's
            # first map costs ~0.2 s of CPU, the bulk of a page load).
            key = (pathname, search, state.lang, data.fingerprint())
            return pages_cache.get(key, lambda: render(app, data, pages, pathname, search)), \
                state.lang
        except (SQLAlchemyError, StoreUnavailable) as exc:
            # The store recovers by itself (ServingStore); meanwhile a page that says so.
            log.warning("page %s: store unavailable: %s", str(pathname)[:60], one_line(exc))
            return unavailable_frame(state.lang), state.lang

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Output(ids.LANG_STORE, "data"),
        Input(ids.LANG_BUTTON, "n_clicks"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def switch_language(clicks: int | None, search: str | None):
        if not clicks:
            return no_update, no_update
        state, _ = parse_query(search)
        lang = "en" if state.lang == "de" else "de"
        return merge_query(search, lang=lang), lang

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Output(ids.SOURCE_LINE, "children"),
        Output(ids.DEMO_BANNER, "children"),
        Output(ids.DEMO_BANNER, "hidden"),
        Input({"type": ids.SNAPSHOT_TYPE, "page": ALL}, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def choose_snapshot(values: list[int | None], search: str | None):
        if not values:
            return no_update, no_update, no_update, no_update
        snapshot_id = values[0]
        state, _ = parse_query(search)
        snapshot, _ = data.resolve(snapshot_id)
        banner, hidden = shell.demo_banner(snapshot, state.lang)
        query = merge_query(search, snapshot=snapshot_id) if snapshot_id else no_update
        return query, shell.source_line(snapshot, state.lang), banner, hidden

    @app.callback(
        Output({"type": ids.NAV_TYPE, "page": ALL}, "href"),
        Input(ids.URL, "search"),
        State({"type": ids.NAV_TYPE, "page": ALL}, "id"),
        prevent_initial_call=True,
    )
    def keep_state_in_nav(search: str | None, links: list[dict[str, str]]):
        from dataclasses import replace

        from dashboard.state import to_query

        state, _ = parse_query(search)
        query = to_query(replace(state, embed=False))
        return [app.get_relative_path(f"/{link['page']}") + query for link in links]

    app.clientside_callback(
        "function(lang) { if (lang) { document.documentElement.lang = lang; }"
        " return window.dash_clientside.no_update; }",
        Output(ids.LANG_STORE, "storage_type"),
        Input(ids.ROOT, "lang"),
    )


def validation_layout(app: Dash, pages: dict[str, ModuleType], base: Any) -> html.Div:
    """Every id any page can render, so Dash validates callbacks without
    suppress_callback_exceptions."""
    from dashboard.data import AtlasData as _Data  # noqa: F401 (documentation of the type)

    parts = [base]
    for module in pages.values():
        if hasattr(module, "validation_layout"):
            parts.append(module.validation_layout())
    parts.append(shell_validation())
    return html.Div(parts)


def shell_validation() -> html.Div:
    """The shell's ids (the pages' own come from each page module)."""
    from dash import dcc

    from dashboard.pages import PAGE_MODULES

    return html.Div(
        [
            html.Button(id=ids.LANG_BUTTON),
            html.P(id=ids.SOURCE_LINE),
            html.Div(id=ids.DEMO_BANNER),
            html.Div(id=ids.NOTICE),
            html.Nav(id=ids.NAV),
            *[dcc.Dropdown(id=ids.snapshot(key)) for key in PAGE_MODULES],
        ]
    )


__all__ = ["ViewState", "build_context", "register_router", "render", "validation_layout"]
