"""The router: URL → page. Renders the shell and the page for the path and query, and keeps
the query in step with the shared controls (language, snapshot)."""

from __future__ import annotations

import json
import logging
from types import ModuleType
from typing import Any

from dash import ALL, Dash, Input, Output, State, html, no_update
from sqlalchemy.exc import SQLAlchemyError

from dashboard.frame import ids, shell
from dashboard.frame.not_found import not_found_content
from dashboard.frame.unavailable import unavailable_frame
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.state import ViewState, merge_query, page_of, parse_query
from dashboard.pages import routed_pages
from dashboard.text.i18n import t
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
    pinned = pinned_notice(data, state, snapshot) if honoured else None
    if pinned:
        notices.append(pinned)
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
    path = (app.strip_relative_path(pathname or "/") if pathname else "") or ""
    segment, _, rest = path.strip("/").partition("/")
    routed = routed_pages()
    if segment in routed:  # region profiles, near me, search, Leichte Sprache
        content = routed[segment].layout(ctx, rest)
        if ctx.state.embed:
            return shell.embed_frame(ctx, content, path.strip("/"))
        return shell.frame(ctx, segment, list(pages), content)
    page = page_of(path)
    if page is None or page not in pages:
        # the server answers this address with 404 (frame.not_found.register_not_found)
        content = not_found_content(ctx, "/" + path.strip("/"), list(pages))
        if ctx.state.embed:
            return shell.embed_frame(ctx, content, "suche")
        return shell.frame(ctx, "suche", list(pages), content)
    content = pages[page].layout(ctx)
    if ctx.state.embed:
        root = shell.embed_frame(ctx, content, page)
    else:
        root = shell.frame(ctx, page, list(pages), content)
    return [shell.localize_dropdowns(part, ctx.lang) for part in root]


def _snapshot_query(data: AtlasData, search: str | None, snapshot_id: int | None) -> Any:
    """The query after the snapshot picker shows `snapshot_id`. Links follow the data: the
    newest snapshot is not written into the URL (a copied link then shows newer data when
    there is some); an older one is (the link is pinned). A picker that merely shows what the
    URL already asks for (the page was just drawn) changes nothing."""
    if not snapshot_id:
        return no_update
    state, _ = parse_query(search)
    asked, _ = data.resolve(state.snapshot)
    if asked is not None and int(asked["id"]) == snapshot_id:
        return no_update
    newest, _ = data.resolve(None)
    pinned = None if newest is not None and int(newest["id"]) == snapshot_id else snapshot_id
    query = merge_query(search, snapshot=pinned)
    return query if query != (search or "") else no_update


def pinned_notice(data: AtlasData, state: ViewState, snapshot: dict[str, Any] | None) -> str | None:
    """The notice for a link pinned to a snapshot (None for a link that follows the data)."""
    if state.snapshot is None or snapshot is None:
        return None
    from dashboard.text.i18n import fmt_date

    newest, _ = data.resolve(None)
    date = fmt_date(str(snapshot["taken_at"]), state.lang)
    if newest is None or int(newest["id"]) == int(snapshot["id"]):
        return t("snapshot.pinned.latest", state.lang, date=date)
    return t("snapshot.pinned", state.lang, date=date,
             newest=fmt_date(str(newest["taken_at"]), state.lang))


def register_router(app: Dash, data: AtlasData, pages: dict[str, ModuleType]) -> None:
    """The callbacks of the shell."""
    from dashboard.model.data import _Lru
    from dashboard.model.publishing import contacts_hidden

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
            # contacts_hidden: the publishing setting is read per request (no rebuild)
            key = (pathname, search, state.lang, data.fingerprint(), contacts_hidden())
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
        return (_snapshot_query(data, search, snapshot_id), shell.source_line(snapshot, state.lang),
                banner, hidden)

    # The navigation links carry the view (without the embed flag): kept in the browser, so a
    # change of view costs no extra round trip. Same encoding as state.to_query (form style).
    app.clientside_callback(
        """function(search, links) {
            const params = new URLSearchParams(search || "");
            params.delete("embed");
            const query = params.toString();
            return links.map(function (link) {
                return PREFIX + link.page + (query ? "?" + query : "");
            });
        }""".replace("PREFIX", json.dumps(app.get_relative_path("/"))),
        Output({"type": ids.NAV_TYPE, "page": ALL}, "href"),
        Input(ids.URL, "search"),
        State({"type": ids.NAV_TYPE, "page": ALL}, "id"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        "function(lang) { if (lang) { document.documentElement.lang = lang; }"
        " return window.dash_clientside.no_update; }",
        Output(ids.LANG_STORE, "storage_type"),
        Input(ids.ROOT, "lang"),
    )


def validation_layout(app: Dash, pages: dict[str, ModuleType], base: Any) -> html.Div:
    """Every id any page can render, so Dash validates callbacks without
    suppress_callback_exceptions."""
    from dashboard.model.data import AtlasData as _Data  # noqa: F401 (documentation of the type)

    parts = [base]
    for module in [*pages.values(), *routed_pages().values()]:
        if hasattr(module, "validation_layout"):
            parts.append(module.validation_layout())
    parts.append(shell_validation())
    return html.Div(parts)


def shell_validation() -> html.Div:
    """The shell's ids (the pages' own come from each page module)."""
    from dash import dcc

    from dashboard.pages import PAGE_MODULES, ROUTED_MODULES

    return html.Div(
        [
            html.Button(id=ids.LANG_BUTTON),
            html.P(id=ids.SOURCE_LINE),
            html.Div(id=ids.DEMO_BANNER),
            html.Div(id=ids.NOTICE),
            html.Nav(id=ids.NAV),
            *[dcc.Dropdown(id=ids.snapshot(key)) for key in (*PAGE_MODULES, *ROUTED_MODULES)],
        ]
    )


__all__ = ["ViewState", "build_context", "register_router", "render", "validation_layout"]
