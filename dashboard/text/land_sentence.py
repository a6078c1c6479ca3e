"""The key figures of one Land's Kreise in a sentence a journalist can quote:
"In Bayern haben 81 von 96 Kreisen keinen aLA (Datenstand 01.12.2022). Die 18 aLA liegen in
15 Kreisen; am meisten: …". Computed from the same Kreis frame the map draws (store region
metrics cut to the Land), German and English; the Karte, Entwicklung and the Land profile
show it.
"""

from __future__ import annotations

import pandas as pd

from dashboard.model import metrics as m
from dashboard.model.land_view import land_name, land_rows
from dashboard.text.describe import labelled
from dashboard.text.i18n import fmt_date, fmt_number, t
from dashboard.text.ties import tie_phrase, top_tied


def none_count(kreise: pd.DataFrame) -> tuple[int, int]:
    """(Kreise without a provider, Kreise) of a Land's Kreis frame (`count` per Kreis)."""
    counts = kreise["count"]
    return int(counts.eq(0).sum()), int(len(kreise))


def land_sentence(frame: pd.DataFrame, land: str, category: str, taken_at: str,
                  lang: str) -> str:
    """The sentence for `land` from `frame`, the Kreis metrics of one category (every Kreis
    of Germany or only the Land's)."""
    name = land_name(land)
    kreise = labelled(land_rows(frame, land), lang)
    short = t(f"category.{category}.short", lang)
    if not m.is_recorded(kreise):
        return t("land.not_recorded", lang, land=name, category=short)
    none, total = none_count(kreise)
    date = fmt_date(taken_at, lang)
    if none == 0:
        return t("land.sentence.all", lang, land=name, total=fmt_number(total, lang),
                 category=short, date=date)
    lead = t("land.sentence", lang, land=name, n=fmt_number(none, lang),
             total=fmt_number(total, lang), none=t(f"land.none.{category}", lang),
             verb=t("land.verb.one" if none == 1 else "land.verb.many", lang), date=date)
    plural = t(f"land.plural.{category}", lang)
    return f"{lead} {_where(kreise, none, total, short, plural, lang)}".strip()


def _where(kreise: pd.DataFrame, none: int, total: int, short: str, plural: str,
           lang: str) -> str:
    """Where the Land's providers are: how many Kreise have one and which have the most."""
    some = total - none
    if some == 0:
        return ""
    counts = kreise["count"].where(kreise["count"].gt(0))
    names, best = top_tied(kreise, counts)
    top = tie_phrase(names, fmt_number(best, lang), lang, one="ties.with")
    if some == 1:
        return t("land.sentence.where.one", lang, kreis_word=t("land.kreis.one", lang).title(),
                 category=short, top=top)
    return t("land.sentence.where", lang, count=fmt_number(int(kreise["count"].sum()), lang),
             category=plural, n=fmt_number(some, lang), kreise=t("land.kreis.many", lang),
             top=top)
