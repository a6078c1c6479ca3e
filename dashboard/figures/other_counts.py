"""Counts published by other bodies (BAGüS, BIH, BAG WfbM) as series of their own.

Each body counts on its own basis (people funded at year end, firms recognised and funded,
main workshops without their sites), so its figures are a separate trace named with that
basis and "andere Zählweise", in its own colour and symbol, never a point of the REHADAT line
nor of the published REHADAT counts. People served (Leistungsberechtigte) are not providers:
they go into the hover of the body's provider count of the same date, not onto the count axis.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.common import esc
from dashboard.text.i18n import fmt_date, fmt_number, t

# Okabe-Ito colours the Entwicklung figure does not use yet, and a symbol each (a second cue)
STYLES = (("#009E73", "square-open"), ("#CC79A7", "triangle-up-open"), ("#56B4E9", "star-open"))
KNOWN_BODIES = ("bagues", "bih", "bagwfbm")
LEGEND_WIDTH = 42  # characters per legend line: a long basis stays readable on a phone


def basis_label(body: str, lang: str) -> str:
    """Who counted and on which basis, e.g. "BAGüS: aLA mit Leistungsberechtigten …"."""
    return t(f"other.basis.{body}", lang) if body in KNOWN_BODIES else body


def series_name(body: str, lang: str) -> str:
    """The legend name: the counting basis and "(andere Zählweise)"."""
    return t("other.series", lang, basis=basis_label(body, lang))


def national_other(other: pd.DataFrame, category: str) -> pd.DataFrame:
    """The national rows of `category` (geodata.other_counts()), sorted by body and date."""
    mine = other[(other["category"] == category) & (other["region"] == "DE")]
    return mine.sort_values(["body", "as_of"]).reset_index(drop=True)


def _hover(rows: pd.DataFrame, people: pd.DataFrame, lang: str) -> list[str]:
    served = people.set_index("as_of")["value"].to_dict()
    texts = []
    for row in rows.itertuples(index=False):
        lines = [f"{fmt_date(row.as_of, lang)}: {fmt_number(int(row.value), lang)} "
                 f"{t('other.measure.providers', lang)}"]
        if row.as_of in served:
            lines.append(t("other.people", lang, n=fmt_number(int(served[row.as_of]), lang)))
        lines += [esc(row.counted_by), esc(row.source)]
        texts.append("<br>".join(lines))
    return texts


def other_traces(other: pd.DataFrame, category: str, lang: str = "de") -> list[go.Scatter]:
    """One trace per body that published provider counts of `category` for Germany."""
    mine = national_other(other, category)
    traces = []
    for i, (body, rows) in enumerate(mine[mine["measure"] == "providers"].groupby("body")):
        people = mine[(mine["body"] == body) & (mine["measure"] == "people_served")]
        colour, symbol = STYLES[i % len(STYLES)]
        traces.append(
            go.Scatter(
                x=pd.to_datetime(rows["as_of"]),
                y=rows["value"],
                mode="lines+markers",
                name="<br>".join(textwrap.wrap(series_name(str(body), lang), LEGEND_WIDTH)),
                line={"color": colour, "width": 1.5, "dash": "dot"},
                marker={"symbol": symbol, "size": 12, "color": colour, "line": {"width": 2}},
                text=_hover(rows, people, lang),
                hovertemplate="%{text}<extra></extra>",
                meta={"series": "other", "body": str(body)},
            )
        )
    return traces


def with_other_counts(figure: go.Figure, other: pd.DataFrame, category: str,
                      lang: str = "de") -> go.Figure:
    """`figure` (the national series) with the other bodies' series added as traces."""
    for trace in other_traces(other, category, lang):
        figure.add_trace(trace)
    return figure
