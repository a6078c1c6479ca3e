"""The Gemeinde map's generated text alternative: which Gemeinden and how many people lie
beyond the threshold, the farthest three and the Kreise with the most people beyond it (page
and exports share it; at Gemeinde level it is the map's only description)."""

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
    sentence = t("access.gem.sentence", lang, where=where, km=threshold,
                 people=fmt_number(int(beyond["population"].sum()), lang),
                 n=fmt_number(len(beyond), lang), total=fmt_number(len(gemeinden), lang),
                 far=names)  # fmt: skip
    return sentence + " " + _kreise_sentence(beyond, lang)


def _kreise_sentence(beyond: pd.DataFrame, lang: str) -> str:
    """The three Kreise with the most people beyond the threshold: where the gaps lie, in
    words a reader of the map would take from its darkest patches."""
    people = beyond.groupby("kreis", sort=False)["population"].sum()
    top = people.sort_values(ascending=False, kind="stable").head(3)
    names = ", ".join(f"{name} ({fmt_number(int(n), lang)})" for name, n in top.items())
    return t("access.gem.sentence.kreise", lang, kreise=names)
