"""The Fahrzeit map: per Kreis, the share of people more than a number of minutes by car
from the nearest provider (the Luftlinie map's frame, figures.access_map, with hover texts
in minutes). Pure functions of frames."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import common as c
from dashboard.figures.access_gemeinde import NO_PROVIDER_COLOUR
from dashboard.figures.access_map import access_map
from dashboard.text.i18n import fmt_number, t


def _number(value: Any) -> int | None:
    return None if pd.isna(value) else int(value)


def travel_hover(kreise: pd.DataFrame, minutes: int, lang: str) -> list[str]:
    """One escaped hover text per Kreis: people beyond the minutes, median, mean and the
    people without a road connection (where any)."""
    out = []
    for row in kreise.itertuples(index=False):
        beyond = getattr(row, f"pop_beyond_{minutes}min")
        share = None if pd.isna(beyond) else beyond / row.population * 100
        lines = [
            f"<b>{c.esc(row.name)}</b>",
            t("travel.hover.beyond", lang, minutes=minutes,
              people=fmt_number(_number(beyond), lang), share=fmt_number(share, lang, 1)),
            t("travel.hover.median", lang, minutes=fmt_number(row.median_min, lang, 1)),
            t("travel.hover.mean", lang, minutes=fmt_number(row.mean_min, lang, 1)),
        ]  # fmt: skip
        if not pd.isna(row.pop_unreachable) and row.pop_unreachable > 0:
            lines.append(t("travel.hover.unreachable", lang,
                           people=fmt_number(int(row.pop_unreachable), lang)))  # fmt: skip
        out.append("<br>".join(lines))
    return out


def travel_map(kreise: pd.DataFrame, minutes: int, *, lang: str, geojson: Any,
               providers: pd.DataFrame | None = None, height: int = 600,
               geo: dict[str, Any] | None = None) -> go.Figure:  # fmt: skip
    """Kreis choropleth of the share beyond `minutes` (kreise: store.traveltime aggregate
    with ars, name, population); grey where nobody in the Kreis reaches a provider;
    `geo`: the frame (a Land view)."""
    share = kreise[f"pop_beyond_{minutes}min"].astype(float) / kreise["population"]
    # a Kreis where nobody reaches a provider by road has no time to show: grey, not 100 %
    none_reached = kreise["pop_unreachable"].astype(float) >= kreise["population"]
    frame = kreise.assign(share=share.mask(none_reached))
    figure = access_map(
        frame, "share", title="", scale_title=t("travel.map.scale", lang, minutes=minutes),
        lang=lang, geojson=geojson, threshold=minutes, providers=providers, percent=True,
        height=height, hover=travel_hover(frame, minutes, lang), geo=geo,
        # grey, as the page's text and the Gemeinde car map say: white (the Karte's "no
        # denominator") left the legend's swatch invisible and the Kreise looking empty
        undefined_colour=NO_PROVIDER_COLOUR,
    )  # fmt: skip
    # a new frame (another Land) must win over a reader's zoom in the old one
    figure.update_layout(uirevision=f"travel-{(geo or {}).get('lonaxis_range')}",
                         meta={"column": "share", "minutes": minutes})
    figure.data[0].name = t("travel.map.undefined", lang)
    return figure
