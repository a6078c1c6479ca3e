"""The Gemeinde map's generated text alternative: which Gemeinden and how many people lie
beyond the threshold, and the farthest three (page and exports share it)."""

from __future__ import annotations

import pandas as pd

from dashboard.text.i18n import fmt_number, t
from geodata.laender import LAENDER


def where_label(land: str | None, lang: str) -> str:
    """The Land's name, or Germany."""
    return LAENDER[land] if land else t("access.gem.where.de", lang)


def gemeinde_sentence(gemeinden: pd.DataFrame, threshold: int, land: str | None,
                      lang: str) -> str:  # fmt: skip
    """`gemeinden`: name, kreis, population, nearest_km (NaN: no provider) per Gemeinde."""
    where = where_label(land, lang)
    beyond = gemeinden[gemeinden["nearest_km"].gt(threshold) | gemeinden["nearest_km"].isna()]
    if beyond.empty:
        return t("access.gem.sentence.none", lang, where=where, km=threshold)
    far = beyond.sort_values("nearest_km", ascending=False, na_position="first").head(3)
    names = ", ".join(
        f"{r.name} ({r.kreis}, {fmt_number(r.nearest_km, lang, 1)} km)"
        if pd.notna(r.nearest_km) else f"{r.name} ({r.kreis})"
        for r in far.itertuples(index=False))  # fmt: skip
    return t("access.gem.sentence", lang, where=where, km=threshold,
             people=fmt_number(int(beyond["population"].sum()), lang),
             n=fmt_number(len(beyond), lang), total=fmt_number(len(gemeinden), lang),
             far=names)  # fmt: skip
