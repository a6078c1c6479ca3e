"""The Fahrzeit map at Gemeinde level: figures.access_gemeinde's map with a minute scale
(≤ 15 | 15–30 | 30–45 | 45–60 | > 60 min, the page's minute thresholds as edges, and
"nicht erreichbar" where no provider is reachable by road: never 0). Hover: minutes and
road km beside the Luftlinie km. Pure functions of frames."""

from __future__ import annotations

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


def minute_hover(frame: pd.DataFrame, lang: str) -> list[str]:
    """Gemeinde, Kreis, people, car minutes and road km (or "nicht erreichbar"), the
    Luftlinie km, and the provider nearest by road; escaped."""
    out = []
    for row in frame.itertuples(index=False):
        if pd.notna(row.nearest_min):
            road = t("travel.gem.hover.road", lang, minutes=fmt_number(row.nearest_min, lang, 0),
                     km=fmt_number(row.road_km, lang, 1))  # fmt: skip
        else:
            road = t("travel.gem.none", lang)
        line = t("travel.gem.hover.line", lang, km=fmt_number(row.nearest_km, lang, 1)) \
            if pd.notna(row.nearest_km) else t("access.gem.none", lang)
        out.append("<br>".join([
            f"<b>{c.esc(row.name)}</b>", c.esc(row.kreis),
            t("access.gem.hover.population", lang, n=fmt_number(int(row.population), lang)),
            road, line, t("access.gem.hover.nearest", lang, name=c.esc(row.nearest)),
        ]))  # fmt: skip
    return out


MINUTE_SCALE = ClassScale(
    "nearest_min", EDGES_MIN, MINUTE_COLOURS, minute_label,
    lambda threshold, lang: t("travel.gem.legend", lang, minutes=threshold),
    lambda lang: t("travel.gem.none", lang), minute_hover,
)  # fmt: skip
