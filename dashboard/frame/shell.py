"""The frame around every page: skip link, header with navigation, data-state bar with the
source line and snapshot picker, demo banner, notices, footer with attributions."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

import geodata
from dashboard.frame import ids
from dashboard.frame.embed_code import HEIGHTS as EMBED_HEIGHTS
from dashboard.frame.embed_code import embed_control
from dashboard.frame.search_form import header_tools
from dashboard.model.context import PageContext
from dashboard.model.state import to_query
from dashboard.text.i18n import dropdown_labels, fmt_date, t

MAIN_ANCHOR = "inhalt"


def source_line(snapshot: dict[str, Any] | None, lang: str) -> str:
    """ "Quelle: REHADAT-Adressen (IW Köln), Stand 01.12.2022"."""
    if snapshot is None:
        return t("source.none", lang)
    if snapshot.get("origin") == "import":  # another list: named by itself, never REHADAT
        return t("source.import_line", lang, name=snapshot.get("source") or "?",
                 date=fmt_date(snapshot["taken_at"], lang))
    return t("source.line", lang, date=fmt_date(snapshot["taken_at"], lang))


def demo_banner(snapshot: dict[str, Any] | None, lang: str) -> tuple[str, bool]:
    """The banner text and whether it is hidden (only demo snapshots show it)."""
    is_demo = snapshot is not None and snapshot.get("origin") == "demo"
    return (t("demo.banner", lang) if is_demo else ""), not is_demo


def snapshot_options(ctx: PageContext) -> list[dict[str, Any]]:
    """One option per snapshot, newest first: "01.12.2022 (Beispieldaten)"."""
    frame = ctx.data.snapshots()
    options = []
    for row in frame.itertuples(index=False):
        label = fmt_date(row.taken_at.isoformat(), ctx.lang)
        if row.origin == "demo":
            label += f" ({t('snapshot.demo', ctx.lang)})"
        elif row.origin == "import":
            label += f" ({t('snapshot.import', ctx.lang, name=row.source)})"
        options.append({"label": label, "value": int(row.id)})
    return options


def nav_href(ctx: PageContext, page: str) -> str:
    """Link to `page` keeping the view state (not the embed flag)."""
    from dataclasses import replace

    return ctx.path(page) + to_query(replace(ctx.state, embed=False))


def _nav(ctx: PageContext, page: str, pages: list[str]) -> html.Nav:
    items = []
    for key in pages:
        current = key == page
        label: list[Any] = [t(f"nav.{key}", ctx.lang)]
        if current:  # dcc.Link takes no aria-current: say it in hidden text instead
            label.append(
                html.Span(" (" + t("nav.current", ctx.lang) + ")", className="visually-hidden")
            )
        items.append(
            html.Li(
                dcc.Link(
                    label,
                    href=nav_href(ctx, key),
                    id=ids.nav_link(key),
                    className="nav-link" + (" active" if current else ""),
                )
            )
        )
    return html.Nav(html.Ul(items), id=ids.NAV, **{"aria-label": t("nav.label", ctx.lang)})


def _snapshot_select(ctx: PageContext, page: str) -> dcc.Dropdown:
    return dcc.Dropdown(
        id=ids.snapshot(page),
        options=snapshot_options(ctx),
        value=ctx.snapshot_id,
        clearable=False,
        searchable=False,
        className="snapshot-select",
    )


def _data_bar(ctx: PageContext, page: str) -> html.Div:
    return html.Div(
        [
            html.P(source_line(ctx.snapshot, ctx.lang), id=ids.SOURCE_LINE, className="source"),
            html.Div(
                [
                    html.Label(t("snapshot.label", ctx.lang), id="snapshot-label"),
                    _snapshot_select(ctx, page),
                ],
                className="snapshot-picker",
            ),
        ],
        className="data-bar",
    )


def frame(ctx: PageContext, page: str, pages: list[str], content: Any) -> list[Any]:
    """The children of the app root for one page."""
    banner, banner_hidden = demo_banner(ctx.snapshot, ctx.lang)
    # everything sits in a landmark: header (with data state and demo banner), main, footer
    return [
        html.Header(
            [
                html.A(
                    t("skip.main", ctx.lang),
                    href=f"#{MAIN_ANCHOR}",
                    className="skip-link",
                ),
                html.Div(
                    [
                        html.Div(
                            [
                                html.P(t("app.title", ctx.lang), className="brand"),
                                html.P(t("app.tagline", ctx.lang), className="tagline"),
                            ],
                            className="brand-box",
                        ),
                        _nav(ctx, page, pages),
                        header_tools(ctx),  # search box, Leichte Sprache link
                        html.Button(
                            t("lang.switch", ctx.lang),
                            id=ids.LANG_BUTTON,
                            className="lang-button",
                            lang="en" if ctx.lang == "de" else "de",
                            **{"aria-label": t("lang.switch.label", ctx.lang)},
                        ),
                    ],
                    className="site-header",
                ),
                _data_bar(ctx, page),
                _banner_box(banner, banner_hidden),
            ]
        ),
        html.Main(
            [
                _notice_box(ctx),
                content,
                embed_for(ctx, page),  # "Einbetten": an iframe code of this view (issue 21)
            ],
            id=MAIN_ANCHOR,
            tabIndex="-1",
        ),
        footer(ctx),
    ]


def embed_for(ctx: PageContext, page: str) -> Any:
    """The embed control of `page` (None where the page has no embed view). A profile's
    own address (/region/<ARS>) is filled in by the browser (embed_code's clientside part)."""
    if page not in EMBED_HEIGHTS:
        return None
    name = t("profile.link.short", ctx.lang) if page == "region" else t(f"nav.{page}", ctx.lang)
    return embed_control(ctx, page, "/" + page, name)


def _banner_box(banner: Any, hidden: bool) -> html.Div:
    """The demo-data banner (hidden, but present for callbacks, when real data is served)."""
    return html.Div(banner, id=ids.DEMO_BANNER, className="demo-banner", hidden=hidden, role="note")


def _notice_box(ctx: PageContext) -> html.Div:
    """Short notices, e.g. that a malformed URL parameter fell back to its default."""
    return html.Div(
        [html.P(n) for n in ctx.notices],
        id=ids.NOTICE,
        className="notice",
        hidden=not ctx.notices,
        role="status",
    )


def attribution_parts(lang: str) -> list[Any]:
    """The attribution lines (BKG, population, PLZ) in the UI language, except BKG's:
    dl-de/by-2-0 prescribes the wording of its Quellenvermerk ("© GeoBasis-DE / BKG 2021
    (Daten verändert)"), so it stays German in both languages, as a link to bkg.bund.de marked
    lang="de" (WCAG 3.1.2, language of parts)."""
    bkg = html.A(geodata.attribution.BKG, href=geodata.attribution.BKG_URL, lang="de")
    population = t("attr.population", lang, date=fmt_date(geodata.attribution.POPULATION_AS_OF,
                                                          lang))
    return [bkg, population, t("attr.plz", lang)]


def _attributions(lang: str) -> list[Any]:
    """The attribution lines on one line, separated by middle dots."""
    out: list[Any] = []
    for part in attribution_parts(lang):
        out += [" · ", part] if out else [part]
    return out


def footer(ctx: PageContext) -> html.Footer:
    """Attributions the licences require, on every page."""
    return html.Footer(
        [
            html.P(_attributions(ctx.lang)),
            html.P(t("footer.accessibility", ctx.lang)),
        ],
        className="site-footer",
    )


def localize_dropdowns(component: Any, lang: str) -> Any:
    """Give every dcc.Dropdown in `component` its own texts (search field, clear button, "no
    options") in `lang`; Dash writes them in English unless told. Done once here, for every
    page, instead of at each dropdown."""
    if isinstance(component, dcc.Dropdown) and getattr(component, "labels", None) is None:
        component.labels = dropdown_labels(lang)
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            localize_dropdowns(child, lang)
    return component


EXPORT_CLASS = "export-slot"


def without_exports(component: Any) -> Any:
    """`component` with every export control (a container of class "export-slot") left out:
    an embed shows the view, not the tools. Their callbacks then find none of their ids on
    the page and never run."""
    children = getattr(component, "children", None)
    if children is None:
        return component
    if isinstance(children, list | tuple):
        kept = [c for c in children if EXPORT_CLASS not in str(getattr(c, "className", ""))]
        component.children = [without_exports(c) for c in kept]
    elif EXPORT_CLASS in str(getattr(children, "className", "")):
        component.children = None
    else:
        without_exports(children)
    return component


def _embed_heading(ctx: PageContext, page: str) -> str:
    """The embed's one (hidden) h1: the atlas and the page's navigation name; routed pages
    (region profiles, near me, …) have no navigation entry, so only the atlas's name."""
    from dashboard.text.i18n import TEXTS

    key = f"nav.{page}"
    if key in TEXTS.get(ctx.lang, {}):
        return f"{t('app.title', ctx.lang)}: {t(key, ctx.lang)}"
    return t("app.title", ctx.lang)


def embed_frame(ctx: PageContext, content: Any, page: str) -> list[Any]:
    """The chrome-free view for an iframe: the content without export controls, the source
    line and attributions, a small link that opens the same view in the full atlas (a new tab,
    without access back to the embedding page). The page's snapshot picker stays, hidden, so
    the page's callbacks find every id they read."""
    from dataclasses import replace

    banner, banner_hidden = demo_banner(ctx.snapshot, ctx.lang)
    full = ctx.path(page) + to_query(replace(ctx.state, embed=False))
    return [
        html.Main(
            [
                # a page has one h1 (axe: page-has-heading-one); the embed shows none
                html.H1(_embed_heading(ctx, page), className="visually-hidden"),
                _banner_box(banner, banner_hidden),
                _notice_box(ctx),
                without_exports(content),
            ],
            id=MAIN_ANCHOR,
            className="embed",
        ),
        html.Footer(
            [
                html.P(
                    [
                        html.Span(source_line(ctx.snapshot, ctx.lang), id=ids.SOURCE_LINE),
                        " · ",
                        html.A(
                            t("embed.open.atlas", ctx.lang),
                            href=full,
                            target="_blank",
                            rel="noopener",
                            id=ids.EMBED_OPEN,
                            className="embed-open",
                        ),
                    ],
                    className="source embed-source",
                ),
                html.P(_attributions(ctx.lang), className="embed-attribution"),
                html.Div(_snapshot_select(ctx, page), hidden=True),
            ],
            className="embed-footer",
        ),
    ]
