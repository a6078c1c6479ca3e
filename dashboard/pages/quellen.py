"""Quellen: where each number comes from, the method, licences, and published counts."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from dash import Dash, Input, Output, State, html

import geodata
from dashboard.figures.other_counts import basis_label
from dashboard.frame import ids
from dashboard.frame.shell import attribution_parts
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.metrics import CATEGORIES, FRAGILE_MIN
from dashboard.pages.controls import scroll_box
from dashboard.text.i18n import TEXTS, fmt_date, fmt_number, t

# The study all published counts are quoted from (its German title, marked as German).
STUDY = "Maaß/Zentel/Poppe/Blach"
STUDY_TITLE = "Teilhabe am Arbeitsleben durch Andere Leistungsanbieter"
STUDY_DOI = "https://doi.org/10.35468/6002-22"


def reference_source(as_of: str, category: str, listed: str, lang: str) -> html.Span | str:
    """Where a published count comes from, in the UI language: the text of key
    `ref.<date>.<category>` followed by the study (its German title marked lang="de") and
    its DOI. A row without a text (a new one in published_counts.csv) shows the file's own
    English description, marked lang="en", until a text is added to i18n."""
    key = f"ref.{str(as_of)[:10]}.{category}"
    if key not in TEXTS["de"]:
        return html.Span(listed, lang="en")
    return html.Span(
        [
            t(key, lang),
            ", ",
            t("ref.reported", lang),
            f" {STUDY}, ",
            html.Cite(STUDY_TITLE, lang="de"),
            ", ",
            html.A(STUDY_DOI.removeprefix("https://"), href=STUDY_DOI),
        ]
    )

def other_source(text: str) -> html.Span:
    """The file's English note on where a count was found (published_counts_other.csv),
    marked lang="en"; a German original it quotes in '…' is marked lang="de" (WCAG 3.1.2)."""
    parts = re.split(r"('[^']*')", text)
    return html.Span(
        [html.Span(part, lang="de") if part.startswith("'") else part for part in parts if part],
        lang="en",
    )


KEY = "quellen"
BODY = "quellen-body"



def _table_section(heading: str, text: str, table: Any, lang: str) -> html.Section:
    """A heading, its explanation and a table in a keyboard-scrollable, named region."""
    return html.Section(
        [
            html.H2(t(heading, lang)),
            html.P(t(text, lang)),
            scroll_box(table, t(heading, lang)),
        ]
    )

def _snapshot_counts(ctx: PageContext) -> html.Table | html.P:
    snapshot = ctx.snapshot
    if snapshot is None:
        return html.P(t("notice.no_snapshot", ctx.lang))
    rows = []
    for category in CATEGORIES:
        counts = snapshot["counts"].get(category)
        if not counts:
            continue
        rows.append(
            html.Tr(
                [
                    html.Th(t(f"category.{category}", ctx.lang), scope="row"),
                    html.Td(fmt_number(counts.get("parsed"), ctx.lang)),
                ]
            )
        )
    return html.Table(
        [html.Caption(t("sources.rehadat.counts", ctx.lang)), html.Tbody(rows)],
        className="plain-table",
    )


def _kind(category: object, lang: str) -> str:
    """A count's kind: our short name where it is one of ours, else as the source writes it."""
    return t(f"category.{category}.short", lang) if category in CATEGORIES else str(category)


def _reference_table(lang: str) -> html.Table:
    frame = geodata.published_counts()
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(f"sources.reference.{k}", lang), scope="col")
                for k in ("date", "category", "count", "source")
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(fmt_date(row.as_of, lang)),
                    html.Td(_kind(row.category, lang)),
                    html.Td(fmt_number(int(row.count), lang), className="num"),
                    html.Td(reference_source(row.as_of, row.category, str(row.source), lang)),
                ]
            )
            for row in frame.itertuples(index=False)
        ]
    )
    return html.Table([head, body], className="plain-table reference-table")


def _other_table(lang: str) -> html.Table:
    """Counts by other bodies, each row with its counting basis (never REHADAT's)."""
    frame = geodata.other_counts()
    keys = ("sources.reference.date", "sources.reference.category", "sources.other.basis",
            "sources.other.measure", "sources.reference.count", "sources.reference.source")
    head = html.Thead(html.Tr([html.Th(t(k, lang), scope="col") for k in keys]))
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(fmt_date(row.as_of, lang)),
                    html.Td(_kind(row.category, lang)),
                    html.Td(basis_label(row.body, lang)),
                    html.Td(t(f"other.measure.{row.measure}", lang)),
                    html.Td(fmt_number(int(row.value), lang), className="num"),
                    html.Td([html.Span(str(row.counted_by), lang="de"), "; ",
                             other_source(str(row.source))]),
                ]
            )
            for row in frame.itertuples(index=False)
        ]
    )
    return html.Table([head, body], className="plain-table reference-table other-counts")


def _feed_links(ctx: PageContext) -> html.Ul:
    """Links to the change feed: every kind, then each kind, in the page's language."""
    path = ctx.app.get_relative_path("/feeds/changes.atom")
    lang = ctx.lang
    suffix = f"lang={lang}" if lang != "de" else ""

    def href(category: str | None) -> str:
        query = "&".join(q for q in (f"category={category}" if category else "", suffix) if q)
        return path + (f"?{query}" if query else "")

    items = [(t("sources.feed.all", lang), href(None))]
    items += [(t(f"category.{c}", lang), href(c)) for c in CATEGORIES]
    return html.Ul(
        [html.Li(html.A(label, href=url)) for label, url in items]
    )


def layout(ctx: PageContext) -> html.Div:
    return html.Div(_body(ctx), id=BODY, className="sources")


def _body(ctx: PageContext) -> list:
    lang = ctx.lang
    snapshot = ctx.snapshot
    origin = t(f"sources.origin.{snapshot['origin']}", lang) if snapshot else "–"
    date = fmt_date(snapshot["taken_at"], lang) if snapshot else "–"
    bkg, population, plz = attribution_parts(lang)
    return [
        html.H1(t("sources.heading", lang)),
        html.Section(
            [
                html.H2(t("sources.rehadat.heading", lang)),
                html.P(t("sources.rehadat.text", lang, date=date, origin=origin)),
                _snapshot_counts(ctx),
            ]
        ),
        html.Section(
            [
                html.H2(t("sources.geo.heading", lang)),
                html.Ul(
                    [
                        html.Li([bkg, " – ", t("sources.geo.bkg", lang)]),
                        html.Li(population),
                        html.Li(plz),
                    ]
                ),
            ]
        ),
        html.Section(
            [
                html.H2(t("sources.method.heading", lang)),
                html.P(t("sources.method.geocoding", lang)),
                html.P(t("sources.method.rate", lang)),
                html.P(t("sources.method.share", lang)),
                html.P(t("sources.method.fragile", lang, n=FRAGILE_MIN)),
            ]
        ),
        html.Section(
            [
                html.H2(t("access.sources.heading", lang)),
                html.P(t("access.sources.method", lang)),
                html.P(t("access.sources.limits", lang)),
                html.P(t("attr.gemeinde_population", lang,
                         date=fmt_date(geodata.attribution.POPULATION_AS_OF, lang))),
            ],
            id="quellen-access",
        ),
        _table_section("sources.reference.heading", "sources.reference.text",
                       _reference_table(lang), lang),
        _table_section("sources.other.heading", "sources.other.text", _other_table(lang),
                       lang),
        html.Section(
            [
                html.H2(t("sources.feed.heading", lang)),
                html.P(t("sources.feed.text", lang)),
                _feed_links(ctx),
            ]
        ),
        html.Section(
            [
                html.H2(t("sources.licence.heading", lang)),
                html.Ul([html.Li(part) for part in attribution_parts(lang)]),
                html.P(t("sources.licence.code", lang)),
            ]
        ),
    ]


def validation_layout() -> html.Div:
    return html.Div(id=BODY)


def register_callbacks(app: Dash, data: AtlasData) -> None:
    from dashboard.model.state import parse_query

    @app.callback(
        Output(BODY, "children"),
        Input(ids.snapshot(KEY), "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def show_snapshot(snapshot_id, search):
        state, _ = parse_query(search)
        snapshot, _ = data.resolve(snapshot_id)
        ctx = PageContext(app, data, replace(state, snapshot=snapshot_id), snapshot, [])
        return _body(ctx)
