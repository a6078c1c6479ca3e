"""The ranking bar chart beside the table: regions ordered by one metric."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import common as c
from dashboard.model import metrics as m
from dashboard.text.i18n import fmt_number, region_kind, t

TOP_N = 20


def ranking_frame(frame: pd.DataFrame, metric: str, top: int = TOP_N) -> pd.DataFrame:
    """The `top` regions with the highest value above zero (ties by name), with value and
    caution flag. Regions without any provider are not ranked: the map shows them apart."""
    values = m.metric_values(frame, metric)
    table = frame.assign(value=values, fragile=m.fragile_mask(frame, metric))
    table = table[table["value"].notna() & table["value"].gt(0)]
    return table.sort_values(["value", "name"], ascending=[False, True]).head(top)


def unique_names(frame: pd.DataFrame, lang: str = "de") -> pd.Series:
    """Region names with their kind where a name occurs twice in `frame` ("München
    (Landkreis)" and "München (Kreisfreie Stadt)"; in English "München (rural district)");
    others as they are."""
    names = frame["name"].astype(str)
    if "bez" not in frame.columns:
        return names
    twice = names.duplicated(keep=False)
    kinds = frame["bez"].map(lambda kind: region_kind(kind, lang))
    return names.where(~twice, names + " (" + kinds.astype(str) + ")")


def count_axis(values: pd.Series) -> dict[str, object]:
    """An x-axis for whole numbers: ticks on integers only ("0 1 2", never "0 1 1 2 2"), about
    six of them at most."""
    high = float(values.max()) if len(values) else 1.0
    step = max(1, math.ceil(high / 6))
    return {"tickmode": "linear", "tick0": 0, "dtick": step, "tickformat": ",d"}


def ranking_title(metric: str, lang: str, subject: str | None = None) -> str:
    """"Rangfolge: Anzahl" or, with a subject (category and Land), "aLA in Bayern –
    Rangfolge: Anzahl": an embedded chart must say what it ranks."""
    title = t("table.ranking", lang, metric=t(f"metric.{metric}", lang))
    return title if not subject else f"{subject} – {title}"


def ranking_figure(frame: pd.DataFrame, metric: str, *, lang: str, top: int = TOP_N,
                   subject: str | None = None) -> go.Figure:
    """Horizontal bars, highest at the top; rates on small numbers hatched and marked ⚠.
    Names carry their kind where ambiguous; `subject` heads the title (category, Land)."""
    frame = frame.assign(name=unique_names(frame, lang))
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
            "text": c.esc(ranking_title(metric, lang, subject)),
            "x": 0.01,
            "font": {"size": 15},
        },
        height=max(320, 26 * len(ranked) + 126),
        margin={"l": 10, "r": 50, "t": 86, "b": 40},
        yaxis={"autorange": "reversed", "automargin": True},
        xaxis={"title": {"text": t(f"unit.{metric}", lang)},
               **(count_axis(ranked["value"]) if spec.decimals == 0
                  else {"tickformat": f",.{spec.decimals}f"})},
        separators=c.separators(lang),
        font={"family": c.FONT_FAMILY, "color": c.TEXT_COLOUR},
        annotations=[
            {
                # two short lines: one long line ran off a phone-wide chart; ending where
                # the bars end, so names made longer by their kind ("Ansbach (Kreisfreie
                # Stadt)") cannot push it off the right edge
                "text": c.esc(t("table.ranking.top", lang, n=len(ranked))) + "<br>"
                + c.esc(t("table.ranking.total", lang, total=total)),
                "align": "right",
                "xref": "paper",
                "yref": "paper",
                "x": 1,
                "xanchor": "right",
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
