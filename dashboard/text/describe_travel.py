"""The text alternative of a Fahrzeit map (Kreise or Gemeinden, car minutes): what it
shows, how many people need longer than the threshold and how many reach no provider by
road, the farthest Kreise or Gemeinden, and the engine with the extract's date. Shown in
exported images (SVG <desc>, PNG text, PDF /Alt)."""

from __future__ import annotations

import pandas as pd

from dashboard.text.i18n import fmt_date, fmt_number, t

TOP = 5


def travel_description(
    kreise: pd.DataFrame, minutes: int, title: str, taken_at: str, provenance: dict,
    lang: str, gemeinden: pd.DataFrame | None = None,
) -> str:  # fmt: skip
    """`kreise`: the Kreise drawn (ars, name, population, pop_beyond_<m>min,
    pop_unreachable); `gemeinden` (the Gemeinde map: name, population, nearest_min) names
    the farthest Gemeinden instead of the Kreise."""
    parts = [t("describe.travel.lead", lang, title=title, date=fmt_date(taken_at, lang))]
    people = float(kreise["population"].sum())
    beyond = kreise[f"pop_beyond_{minutes}min"].astype(float).sum()
    unreachable = kreise["pop_unreachable"].astype(float).sum()
    if people > 0 and beyond == beyond:
        parts.append(t("describe.travel.beyond", lang, minutes=minutes,
                       people=fmt_number(int(beyond), lang),
                       share=fmt_number(beyond / people * 100, lang, 1)))  # fmt: skip
    if unreachable > 0:
        parts.append(t("describe.travel.unreachable", lang,
                       people=fmt_number(int(unreachable), lang)))  # fmt: skip
    if gemeinden is not None:
        far = gemeinden.dropna(subset=["nearest_min"]).sort_values(
            ["nearest_min", "population"], ascending=[False, False]).head(TOP)
        if len(far):
            listed = ", ".join(f"{r.name} ({fmt_number(r.nearest_min, lang, 0)} min)"
                               for r in far.itertuples(index=False))  # fmt: skip
            parts.append(t("describe.travel.far_gemeinden", lang, listed=listed))
    else:
        share = kreise[f"pop_beyond_{minutes}min"].astype(float) / kreise["population"]
        reached = kreise["pop_unreachable"].astype(float) < kreise["population"]
        frame = kreise.assign(share_beyond=share)[reached & share.notna()]
        top = frame.sort_values(["share_beyond", "name"], ascending=[False, True]).head(TOP)
        if len(top):
            listed = ", ".join(f"{r.name} ({fmt_number(r.share_beyond * 100, lang, 1)} %)"
                               for r in top.itertuples(index=False))  # fmt: skip
            parts.append(t("describe.travel.far_kreise", lang, minutes=minutes, listed=listed))
    parts.append(t("describe.travel.method", lang, engine=provenance["engine"],
                   date=(provenance.get("extract_timestamp") or "–")[:10]))  # fmt: skip
    return " ".join(parts)
