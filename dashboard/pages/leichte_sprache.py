"""/leichte-sprache: what the atlas shows, in Leichte Sprache (English: Easy Read), with the
current national figures inserted from the served snapshot.

Written to the rules of the Netzwerk Leichte Sprache: one short sentence per line, one
statement per sentence, hard words explained, abbreviations introduced ("Die Abkürzung ist:
WfbM."), large type and clear headings. `easy_sections` returns the text as data so tests
can check the rules and the figures without a browser."""

from __future__ import annotations

from typing import Any

from dash import Dash, html

from dashboard.frame import ids
from dashboard.model import metrics as m
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.profile import national_counts
from dashboard.pages.redraw import register_body_redraw
from dashboard.text.i18n import fmt_number, t

KEY = "leichte-sprache"
SECTIONS = ("what", "wfbm", "ala", "ib", "numbers", "source", "near")


def easy_date(iso: str, lang: str) -> str:
    """"1. Dezember 2022" / "1 December 2022": no number-only dates in Leichte Sprache."""
    year, month, day = (int(part) for part in iso[:10].split("-"))
    name = t("ls.months", lang).split(",")[month - 1]
    return f"{day}. {name} {year}" if lang == "de" else f"{day} {name} {year}"


def number_sentences(snapshot: dict[str, Any], counts: dict[str, int | None],
                     lang: str) -> list[str]:
    """The national figures as sentences: date, one sentence per kind, the demo warning."""
    lines = [t("ls.numbers.date", lang, date=easy_date(str(snapshot["taken_at"]), lang))]
    for cat in m.CATEGORIES:
        count = counts.get(cat)
        lines.append(t(f"ls.numbers.missing.{cat}", lang) if count is None
                     else t(f"ls.numbers.{cat}", lang, n=fmt_number(count, lang)))
    if snapshot.get("origin") == "demo":
        lines += t("ls.numbers.demo", lang).split("\n")
    return lines


def easy_sections(snapshot: dict[str, Any] | None, counts: dict[str, int | None],
                  lang: str) -> list[tuple[str, list[str]]]:
    """(heading, sentences) per section, in page order."""
    out = []
    for key in SECTIONS:
        if key == "numbers":
            if snapshot is None:
                continue
            out.append((t("ls.numbers.h", lang), number_sentences(snapshot, counts, lang)))
        else:
            out.append((t(f"ls.{key}.h", lang), t(f"ls.{key}", lang).split("\n")))
    return out


def body(ctx: PageContext) -> list[Any]:
    counts = national_counts(ctx.data, ctx.snapshot) if ctx.snapshot else {}
    parts: list[Any] = [html.H1(t("ls.title", ctx.lang)), html.P(t("ls.intro", ctx.lang))]
    for heading, sentences in easy_sections(ctx.snapshot, counts, ctx.lang):
        parts.append(html.Section([
            html.H2(heading),
            *[html.P(sentence, className="easy-sentence") for sentence in sentences],
        ]))
    return parts


def layout(ctx: PageContext, rest: str) -> html.Div:
    return html.Div(body(ctx), id=ids.LS_BODY, className="easy-read", lang=ctx.lang)


def register_callbacks(app: Dash, data: AtlasData) -> None:
    register_body_redraw(app, data, KEY, ids.LS_BODY, body)


def validation_layout() -> html.Div:
    return html.Div(html.Div(id=ids.LS_BODY))
