"""The Fahrzeit map at Gemeinde level: figures.access_gemeinde's map with a minute scale
(≤ 15 | 15–30 | 30–45 | 45–60 | > 60 min, the page's minute thresholds as edges, and
"nicht erreichbar" where no provider is reachable by road: never 0). Hover: minutes and
road km beside the Luftlinie km. Pure functions of frames."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard.figures import common as c
from dashboard.figures.access_gemeinde import ClassScale
from dashboard.text.i18n import fmt_number, t

EDGES_MIN: tuple[int, ...] = (15, 30, 45, 60)
# the Luftlinie map's ramp with one more step (yellow-orange-brown, near = light)
MINUTE_COLOURS: tuple[str, ...] = ("#fee391", "#fec44f", "#fe9929", "#cc4c02", "#662506")
MINUTE_KEYS: tuple[str, ...] = ("le15", "15_30", "30_45", "45_60", "gt60")


def minute_label(index: int, lang: str) -> str:
    return t(f"travel.gem.class.{MINUTE_KEYS[index]}", lang)


def minute_rows(frame: pd.DataFrame, lang: str) -> list[list[Any]]:
    """Per Gemeinde what its hover says, as customdata for `minute_template`: name, Kreis
    (escaped), people, car minutes and road km (None where no provider is reachable by
    road), the Luftlinie line already in words (it may be undefined where minutes are not),
    and the provider nearest by road (escaped)."""
    def number(column: str, decimals: int) -> list[float | None]:
        values = frame[column].to_numpy(dtype=float).round(decimals)
        return [None if v != v else v for v in values.tolist()]

    line = [t("travel.gem.hover.line", lang, km=fmt_number(km, lang, 1)) if pd.notna(km)
            else t("access.gem.none", lang) for km in frame["nearest_km"]]  # fmt: skip
    return [list(row) for row in zip(
        map(c.esc, frame["name"]), map(c.esc, frame["kreis"]),
        frame["population"].to_numpy(dtype="int64").tolist(),
        number("nearest_min", 0), number("road_km", 1), line, map(c.esc, frame["nearest"]),
        strict=True)]  # fmt: skip


def minute_template(lang: str, reachable: bool = True) -> str:
    """Gemeinde, Kreis, people, minutes and road km (or "nicht erreichbar"), the Luftlinie
    km and the provider nearest by road, over `minute_rows` (numbers formatted by plotly.js
    with the layout's separators)."""
    road = t("travel.gem.hover.road", lang, minutes="%{customdata[3]:,.0f}",
             km="%{customdata[4]:,.1f}") if reachable else t("travel.gem.none", lang)
    return "<br>".join([
        "<b>%{customdata[0]}</b>", "%{customdata[1]}",
        t("access.gem.hover.population", lang, n="%{customdata[2]:,}"), road,
        "%{customdata[5]}", t("access.gem.hover.nearest", lang, name="%{customdata[6]}"),
    ]) + "<extra></extra>"  # fmt: skip


MINUTE_SCALE = ClassScale(
    "nearest_min", EDGES_MIN, MINUTE_COLOURS, minute_label,
    lambda threshold, lang: t("travel.gem.legend", lang, minutes=threshold),
    lambda lang: t("travel.gem.none", lang), minute_rows, minute_template,
)  # fmt: skip
