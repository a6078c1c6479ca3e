"""Text alternatives for maps and charts, generated from the data they draw.

What is shown (measure, kind, level, snapshot date), the range of values, the highest and the
lowest regions, and the regions with none. Pure functions of the frames the figures are built
from (store.region_metrics / the growth series), so a screen reader, the figure caption, the
exported image's metadata and the copyable alt text all say the same, and tests can check it
against the numbers.
"""

from __future__ import annotations

import pandas as pd

from dashboard.figures.ranking import TOP_N, ranking_frame, unique_names
from dashboard.model import metrics as m
from dashboard.text.i18n import fmt_date, fmt_number, t
from dashboard.text.ties import tie_phrase, top_tied

TOP = 3  # regions named as highest and lowest
EXAMPLES = 5  # regions named among those with none


def _value(value: float, metric: str, lang: str) -> str:
    decimals = m.SPECS[metric].decimals
    text = fmt_number(value, lang, decimals)
    return text + " %" if metric == "ala_share" else text


def _names(rows: pd.DataFrame, values: pd.Series, metric: str, lang: str) -> str:
    return ", ".join(
        f"{name} ({_value(values[i], metric, lang)})" for i, name in zip(
            rows.index, rows["name"], strict=True)
    )


def _what(metric: str, category: str, level: str, taken_at: str, lang: str) -> dict[str, str]:
    """The words every chart text starts from: metric, kind, level and date."""
    return {
        "metric": t(f"metric.{metric}", lang),
        "category": t(f"category.{category}", lang),
        "level": t(f"describe.level.{level}", lang),
        "date": fmt_date(taken_at, lang),
    }


def _not_recorded(what: dict[str, str], lang: str) -> str:
    """The honest sentence for a kind the snapshot did not record."""
    return t("describe.not_recorded", lang,
             **{k: what[k] for k in ("category", "level", "date")})


def map_description(
    frame: pd.DataFrame, metric: str, category: str, level: str, taken_at: str, lang: str
) -> str:
    """The text alternative of a choropleth of `frame` (region metrics of one level and
    category, with `name`): range, highest and lowest regions (with a provider), and the
    regions with none. Ties are broken by name so the text is stable."""
    what = _what(metric, category, level, taken_at, lang)
    if not m.is_recorded(frame):
        return _not_recorded(what, lang)
    frame = labelled(frame, lang)
    values = m.metric_values(frame, metric)
    none = m.none_mask(frame, metric)
    shown = frame[values.notna() & ~none]
    if metric == "none_here":  # the map is the none sentence
        text = t("describe.map.lead", lang, **what)
    elif shown.empty:
        text = t("describe.map.empty", lang, **what)
    else:
        ordered = shown.assign(_v=values[shown.index]).sort_values(["_v", "name"],
                                                                  ascending=[False, True])
        top = ordered.head(TOP)
        bottom = ordered.sort_values(["_v", "name"]).head(TOP)
        text = t(
            "describe.map", lang, **what,
            low=_value(float(values[shown.index].min()), metric, lang),
            high=_value(float(values[shown.index].max()), metric, lang),
            top=_names(top, values, metric, lang),
            bottom=_names(bottom, values, metric, lang),
        )
    return text + " " + none_sentence(frame, none, level, lang)


def labelled(frame: pd.DataFrame, lang: str = "de") -> pd.DataFrame:
    """`frame` with `name` made unique: a Kreis name used twice (Landkreis and kreisfreie
    Stadt Rosenheim) gets its kind in brackets, in `lang`."""
    if "bez" not in frame.columns:
        return frame
    out = frame.assign(name=unique_names(frame, lang))
    out.attrs = frame.attrs
    return out


def none_sentence(frame: pd.DataFrame, none: pd.Series, level: str, lang: str) -> str:
    """"Ohne Anbieter: 328 von 401 Kreisen, darunter …" (or that every region has one)."""
    count = int(none.sum())
    if count == 0:
        return t("describe.none.zero", lang)
    names = sorted(frame.loc[none, "name"].astype(str))
    examples = ""
    if count <= EXAMPLES:
        examples = t("describe.examples", lang, names=", ".join(names))
    else:
        examples = t("describe.examples", lang, names=", ".join(names[:EXAMPLES]) + " …")
    return one_stop(t("describe.none", lang, n=fmt_number(count, lang),
                      total=fmt_number(len(frame), lang),
                      level_plural=t(f"describe.plural.{level}", lang), examples=examples))


def one_stop(sentence: str) -> str:
    """A sentence that ends in an ellipsis keeps it alone: "…", never "…."."""
    return sentence.replace("….", "…")


def series_description(series: pd.DataFrame, category: str, lang: str) -> str:
    """The text alternative of a count-over-snapshots chart: `series` with `taken_at` and
    `count` (one region), oldest first."""
    ordered = series.sort_values("taken_at")
    first, last = ordered.iloc[0], ordered.iloc[-1]
    return t(
        "describe.series", lang, category_gen=t(f"category.{category}.gen", lang),
        n=len(ordered),
        first=fmt_number(first["count"], lang), first_date=fmt_date(str(first["taken_at"]), lang),
        last=fmt_number(last["count"], lang), last_date=fmt_date(str(last["taken_at"]), lang),
    )


def locator_description(level: str, name: str, land: str, position: str | None,
                        lang: str) -> str:
    """The text alternative of a profile's locator map: the region `name` ("Landkreis
    Rosenheim"), its kind (`level` kreis, land or de), the Land it lies in (`land`, for a
    Kreis) and where in Germany (`position`, a region_position.POSITIONS word)."""
    if level == "de" or position is None:
        return (t("describe.locator.de", lang) if level == "de"
                else t("profile.map.caption", lang, name=name) + ".")
    return t(f"describe.locator.{level}", lang, name=name, land=land,
             where=t(f"where.{position}", lang))


def ranking_description(
    frame: pd.DataFrame, metric: str, category: str, level: str, taken_at: str, lang: str,
    top: int = TOP_N,
) -> str:
    """The text alternative of the Tabelle's ranking bar chart of `frame` (region metrics of
    one level and category, with `name`, already cut to the chosen Land): how many regions
    the bars show, the first and last bar, and the regions with none (which get no bar)."""
    what = _what(metric, category, level, taken_at, lang)
    if not m.is_recorded(frame):
        return _not_recorded(what, lang)
    frame = labelled(frame, lang)
    ranked = ranking_frame(frame, metric, top)
    if ranked.empty:
        text = t("describe.ranking.empty", lang, **what)
    else:
        last = ranked.iloc[-1]
        # every region at the top, not only the first of a tie: the sentence gets quoted
        names, best = top_tied(ranked, ranked["value"])
        text = t(
            "describe.ranking", lang, **what, n=fmt_number(len(ranked), lang),
            total=fmt_number(len(frame), lang),
            level_plural=t(f"describe.plural.{level}", lang),
            first=tie_phrase(names, _value(best, metric, lang), lang),
            last=f"{last['name']} ({_value(float(last['value']), metric, lang)})",
        )
    return text + " " + none_sentence(frame, m.none_mask(frame, metric), level, lang)


ACCESS_COLUMNS = {"distance": "share_beyond_{km}km", "sfca": "providers_per_100k_within_50km"}


def access_description(
    kreise: pd.DataFrame, kind: str, category: str, threshold: int, taken_at: str, lang: str,
    status: str = "ok",
) -> str:
    """The text alternative of an Erreichbarkeit map (`kind` distance or sfca) of `kreise`
    (AccessView.kreise: `ars`, `name` and the access columns): range, highest and lowest
    Kreise, and the Kreise at zero (nobody beyond the distance / no provider within 50 km)."""
    short = t(f"category.{category}.short", lang)
    title = (t("access.map.sfca.title", lang, category=short) if kind == "sfca"
             else t("access.map.title", lang, km=threshold, category=short))
    lead = t("describe.access.lead", lang, title=title, date=fmt_date(taken_at, lang))
    if status != "ok":
        return lead + " " + t(f"access.status.{status}", lang)
    percent = kind == "distance"
    values = kreise[ACCESS_COLUMNS[kind].format(km=threshold)].astype(float) * (
        100 if percent else 1)
    names = _kreis_names(kreise)
    frame = pd.DataFrame({"name": names, "_v": values}).dropna()
    if frame.empty:
        return lead + " " + t("describe.access.empty", lang)

    def value(v: float) -> str:
        return fmt_number(v, lang, 1) + " %" if percent else fmt_number(v, lang, 2)

    def listed(rows: pd.DataFrame) -> str:
        return ", ".join(f"{n} ({value(v)})" for n, v in zip(rows["name"], rows["_v"],
                                                                strict=True))

    top = frame.sort_values(["_v", "name"], ascending=[False, True]).head(TOP)
    # the Kreise at zero get their own sentence; the lowest named are those above it
    above = frame[frame["_v"].gt(0)]
    bottom = (above if len(above) else frame).sort_values(["_v", "name"]).head(TOP)
    text = lead + " " + t("describe.access.range", lang, low=value(frame["_v"].min()),
                          high=value(frame["_v"].max()), top=listed(top),
                          bottom=listed(bottom))
    zero = sorted(frame.loc[frame["_v"].eq(0), "name"])
    if zero:
        shown = ", ".join(zero[:EXAMPLES]) + (" …" if len(zero) > EXAMPLES else "")
        text += " " + one_stop(t(f"describe.access.zero.{kind}", lang, km=threshold,
                                 n=fmt_number(len(zero), lang),
                                 total=fmt_number(len(kreise), lang), names=shown))
    undefined = int(values.isna().sum())
    if undefined:
        text += " " + t("describe.access.undefined", lang, n=fmt_number(undefined, lang))
    return text


def _kreis_names(kreise: pd.DataFrame) -> pd.Series:
    """Kreis names a reader can tell apart (the page's tables use the same labels)."""
    from dashboard.model.access_data import region_labels  # geodata tables: load on first use

    labels = region_labels("kreis")
    return pd.Series([labels.get(a, n) for a, n in zip(kreise["ars"], kreise["name"],
                                                       strict=True)], index=kreise.index)


def laender_description(series: pd.DataFrame, category: str, lang: str) -> str:
    """The text alternative of the Länder small multiples: `series` (store.growth
    snapshot_counts: `region`, `region_name`, `taken_at`, `count`) at its latest snapshot —
    the Länder with the most and the fewest, and those with none."""
    laender = series[series["region"] != "DE"]
    what = t(f"category.{category}", lang)
    if laender.empty:
        return t("describe.laender.empty", lang, category=what)
    latest = laender["taken_at"].max()
    last = laender[laender["taken_at"] == latest].rename(columns={"region_name": "name"})
    last = last.assign(_v=last["count"].astype(float)).dropna(subset=["_v"])

    def listed(rows: pd.DataFrame) -> str:
        return ", ".join(f"{n} ({fmt_number(v, lang)})" for n, v in zip(rows["name"], rows["_v"],
                                                                         strict=True))

    top = last.sort_values(["_v", "name"], ascending=[False, True]).head(TOP)
    some = last[last["_v"] > 0]
    bottom = some.sort_values(["_v", "name"]).head(TOP)
    text = t("describe.laender", lang, category_gen=t(f"category.{category}.gen", lang),
             n=laender["taken_at"].nunique(),
             date=fmt_date(str(latest)[:10], lang), top=listed(top),
             bottom=listed(bottom) if len(bottom) else "–")
    none = last["_v"].eq(0)
    return text + " " + none_sentence(last, none, "land", lang)


def growth_description(table: pd.DataFrame, per_100k: bool, category: str, old: str, new: str,
                       lang: str) -> str:
    """The text alternative of the growth bars: `table` (store.growth land_growth_between:
    `land`, `growth`, `growth_per_100k`) between the snapshots taken at `old` and `new`."""
    column = "growth_per_100k" if per_100k else "growth"
    decimals = 2 if per_100k else 0
    what = {"category": t(f"category.{category}", lang),
            "measure": t("describe.growth.rate" if per_100k else "describe.growth.count", lang),
            "old": fmt_date(old[:10], lang), "new": fmt_date(new[:10], lang)}
    frame = table.rename(columns={"land": "name"})
    frame = frame.assign(_v=frame[column].astype(float)).dropna(subset=["_v"])
    if frame.empty:
        return t("describe.growth.empty", lang, **what)

    def value(v: float) -> str:
        return ("+" if v > 0 else "") + fmt_number(v, lang, decimals)

    def listed(rows: pd.DataFrame) -> str:
        return ", ".join(f"{n} ({value(v)})" for n, v in zip(rows["name"], rows["_v"],
                                                            strict=True))

    top = frame.sort_values(["_v", "name"], ascending=[False, True]).head(TOP)
    bottom = frame.sort_values(["_v", "name"]).head(TOP)
    text = t("describe.growth", lang, **what, low=value(frame["_v"].min()),
             high=value(frame["_v"].max()), top=listed(top), bottom=listed(bottom))
    same = sorted(frame.loc[frame["_v"].eq(0), "name"])
    if same:
        text += " " + t("describe.growth.same", lang, n=fmt_number(len(same), lang),
                        total=fmt_number(len(frame), lang), names=", ".join(same))
    return text
