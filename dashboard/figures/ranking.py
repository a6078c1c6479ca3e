"""The ranking bar chart beside the table: regions ordered by one metric."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import common as c
from dashboard.model import metrics as m
from dashboard.text.i18n import fmt_number, t

TOP_N = 20


def ranking_frame(frame: pd.DataFrame, metric: str, top: int = TOP_N) -> pd.DataFrame:
    """The `top` regions with the highest value above zero (ties by name), with value and
    caution flag. Regions without any provider are not ranked: the map shows them apart."""
    values = m.metric_values(frame, metric)
    table = frame.assign(value=values, fragile=m.fragile_mask(frame, metric))
    table = table[table["value"].notna() & table["value"].gt(0)]
    return table.sort_values(["value", "name"], ascending=[False, True]).head(top)


def ranking_figure(frame: pd.DataFrame, metric: str, *, lang: str, top: int = TOP_N) -> go.Figure:
    """Horizontal bars, highest at the top; rates on small numbers hatched and marked ⚠."""
    ranked = ranking_frame(frame, metric, top)
    spec = m.SPECS[metric]
    labels = [
        c.esc(name) + (" ⚠" if fragile else "")
        for name, fragile in zip(ranked["name"], ranked["fragile"], strict=True)
    ]
    texts = [fmt_number(v, lang, spec.decimals) for v in ranked["value"]]
    figure = go.Figure(
        go.Bar(
            x=ranked["value"].tolist(),
            y=labels,
            orientation="h",
            text=texts,
            textposition="outside",
            cliponaxis=False,
            hoverinfo="skip",
            marker={
                "color": c.SEQUENTIAL[4],
                "pattern": {
                    "shape": ["/" if f else "" for f in ranked["fragile"]],
                    "fgcolor": "#ffffff",
                    "size": 6,
                },
            },
        )
    )
    total = int(len(frame))
    figure.update_layout(
        title={
            "text": c.esc(t("table.ranking", lang, metric=t(f"metric.{metric}", lang))),
            "x": 0.01,
            "font": {"size": 15},
        },
        height=max(320, 26 * len(ranked) + 126),
        margin={"l": 10, "r": 50, "t": 86, "b": 40},
        yaxis={"autorange": "reversed", "automargin": True},
        xaxis={"title": {"text": t(f"unit.{metric}", lang)}, "tickformat": f",.{spec.decimals}f"},
        separators=c.separators(lang),
        font={"family": c.FONT_FAMILY, "color": c.TEXT_COLOUR},
        annotations=[
            {
                # two short lines: one long line ran off a phone-wide chart (the note
                # starts where the bars do, after the region names)
                "text": c.esc(t("table.ranking.top", lang, n=len(ranked))) + "<br>"
                + c.esc(t("table.ranking.total", lang, total=total)),
                "align": "left",
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 1.0,
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 12},
            }
        ],
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
    )
    return figure
