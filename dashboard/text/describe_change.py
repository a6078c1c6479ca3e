"""Text alternatives of Entwicklung's two comparison maps, generated from the frames they draw:
the change per region (store.growth.region_change_between) and the providers that are new or
vanished (store.growth.provider_changes). Pure functions of those frames, like
dashboard/text/describe.py, so the page, the exported image and the tests say the same.
"""

from __future__ import annotations

import pandas as pd

from dashboard.text.describe import EXAMPLES, TOP, one_stop
from dashboard.text.i18n import fmt_date, fmt_number, t


def _what(category: str, old: str, new: str, lang: str) -> dict[str, str]:
    return {"category": t(f"category.{category}", lang), "old": fmt_date(str(old)[:10], lang),
            "new": fmt_date(str(new)[:10], lang)}


def _region_names(change: pd.DataFrame, level: str) -> pd.Series:
    """Region names a reader can tell apart (two Kreise named Rosenheim); a code geodata does
    not know keeps its own name."""
    from dashboard.model.access_data import region_labels  # geodata tables: load on first use

    labels = region_labels(level)
    return pd.Series([labels.get(str(c), n) for c, n in zip(change["code"], change["name"],
                                                           strict=True)], index=change.index)


def change_description(change: pd.DataFrame, per_100k: bool, category: str, level: str,
                       old: str, new: str, lang: str) -> str:
    """The text alternative of the change map of `change` (`code`, `name`, `count_old`,
    `count_new`, `change`, `change_per_100k`) between the snapshots taken at `old` and `new`:
    range, the largest increases and decreases, and the unchanged regions (how many of them
    have no provider at either date). Ties are broken by name so the text is stable."""
    column = "change_per_100k" if per_100k else "change"
    decimals = 2 if per_100k else 0
    what = {**_what(category, old, new, lang),
            "measure": t("describe.growth.rate" if per_100k else "describe.growth.count", lang),
            "level": t(f"describe.level.{level}", lang)}
    frame = pd.DataFrame({"name": _region_names(change, level),
                          "_v": change[column].astype(float),
                          "none": change["count_old"].eq(0) & change["count_new"].eq(0)})
    frame = frame.dropna(subset=["_v"])
    lead = t("describe.change.lead", lang, **what)
    if frame.empty:
        return lead + " " + t("describe.change.empty", lang)

    def value(v: float) -> str:
        return ("+" if v > 0 else "") + fmt_number(v, lang, decimals)

    def listed(rows: pd.DataFrame) -> str:
        return ", ".join(f"{n} ({value(v)})" for n, v in zip(rows["name"], rows["_v"],
                                                            strict=True))

    up = frame[frame["_v"].gt(0)].sort_values(["_v", "name"], ascending=[False, True])
    down = frame[frame["_v"].lt(0)].sort_values(["_v", "name"])
    parts = [lead, t("describe.change.range", lang, low=value(frame["_v"].min()),
                     high=value(frame["_v"].max()))]
    plural = t(f"describe.plural.{level}", lang)
    total = fmt_number(len(frame), lang)
    parts.append(t("describe.change.up", lang, n=fmt_number(len(up), lang), total=total,
                   level_plural=plural, top=listed(up.head(TOP))) if len(up)
                 else t("describe.change.up.none", lang))
    parts.append(t("describe.change.down", lang, n=fmt_number(len(down), lang), total=total,
                   level_plural=plural, top=listed(down.head(TOP))) if len(down)
                 else t("describe.change.down.none", lang))
    same = frame[frame["_v"].eq(0)]
    if len(same):
        names = sorted(same["name"].astype(str))
        shown = ", ".join(names[:EXAMPLES]) + (" …" if len(names) > EXAMPLES else "")
        parts.append(one_stop(t("describe.change.same", lang, n=fmt_number(len(same), lang),
                                total=total, level_plural=plural,
                                none=fmt_number(int(same["none"].sum()), lang), names=shown)))
    return " ".join(parts)


def changes_points_description(diff: pd.DataFrame, category: str, old: str, new: str,
                               lang: str) -> str:
    """The text alternative of the map of new, vanished and changed providers (`diff`:
    `change`, `land`, `lon`, `lat`): how many of each, the Länder with the most new and the
    most vanished ones, and how many could not be placed on the map."""
    lead = t("describe.changes.lead", lang, **_what(category, old, new, lang))
    if diff.empty:
        return lead + " " + t("describe.changes.empty", lang)
    counts = {k: int(diff["change"].eq(k).sum()) for k in ("new", "vanished", "changed")}
    parts = [lead, t("describe.changes.counts", lang,
                     **{k: fmt_number(v, lang) for k, v in counts.items()})]
    for kind in ("new", "vanished"):
        mine = diff.loc[diff["change"].eq(kind), "land"].dropna()
        if mine.empty:
            continue
        by_land = mine.value_counts().rename_axis("land").reset_index(name="n")
        top = by_land.sort_values(["n", "land"], ascending=[False, True]).head(TOP)
        parts.append(t(f"describe.changes.most.{kind}", lang, top=", ".join(
            f"{land} ({fmt_number(n, lang)})" for land, n in zip(top["land"], top["n"],
                                                                strict=True))))
    unplaced = int((diff["lon"].isna() | diff["lat"].isna()).sum())
    if unplaced:
        parts.append(t("describe.changes.unplaced", lang, n=fmt_number(unplaced, lang)))
    return " ".join(parts)
