"""A region's profile: its figures for the three categories, and the paragraph that states them.

`RegionProfile` holds exactly the numbers the profile page shows (count, per 100,000, rank
among its peers, the national value); `profile_paragraph` turns them into plain sentences and
is the only place that wording is built, so the page, the PDF and the tests agree. Both are
pure: `profile_from_frames` takes region-metrics frames (store.region_metrics), no store.

ARS: "DE" for Germany, 2 digits for a Land, 5 for a Kreis.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd

import store
from dashboard.model import metrics as m
from dashboard.text.i18n import fmt_date, fmt_number, t

if TYPE_CHECKING:
    from dashboard.model.data import AtlasData

GERMANY = "DE"
_ARS = re.compile(r"^(DE|\d{2}|\d{5})$")


def level_of(ars: str) -> str | None:
    """"de", "land" or "kreis" for a well-formed ARS, None for anything else."""
    if not isinstance(ars, str) or not _ARS.match(ars):
        return None
    return {2: "de" if ars == GERMANY else "land", 5: "kreis"}[len(ars)]


@dataclass(frozen=True)
class CategoryFigures:
    """One category's numbers for one region. `count` None: the snapshot did not record it."""

    category: str
    count: int | None
    per_100k: float | None
    rank: int | None  # by per 100,000 among the peers (1 = most), None for Germany
    peers: int  # regions of the same level with a value
    regions_with_none: int  # peers with no provider of this kind
    national_count: int | None
    national_per_100k: float | None

    @property
    def recorded(self) -> bool:
        return self.count is not None

    @property
    def fragile(self) -> bool:
        """A rate on fewer than FRAGILE_MIN providers: one more or less moves it a lot."""
        return self.count is not None and 0 < self.count < m.FRAGILE_MIN


@dataclass(frozen=True)
class RegionProfile:
    code: str
    level: str  # "de" | "land" | "kreis"
    name: str
    bez: str  # "Landkreis", "Kreisfreie Stadt", "Land", … ("" for Germany)
    land: str  # the Land's name ("" for a Land or Germany)
    population: int
    taken_at: str  # ISO date of the snapshot
    categories: tuple[CategoryFigures, ...]


def _count(value: object) -> int | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else int(value)


def profile_from_frames(
    code: str,
    frames: dict[str, pd.DataFrame],
    national_counts: dict[str, int | None],
    taken_at: str,
) -> RegionProfile | None:
    """The profile of region `code` from the region-metrics frames of its level, one per
    category (kreis frames for a Kreis, land frames for a Land or Germany). `national_counts`:
    every listed provider per category (None where not recorded). None for an unknown code."""
    level = level_of(code)
    if level is None:
        return None
    first = next(iter(frames.values()))
    national_population = int(first["population"].sum())
    if level == "de":
        name, bez, land, population = "Deutschland", "", "", national_population
    else:
        hit = first[first["code"] == code]
        if hit.empty:
            return None
        row = hit.iloc[0]
        name, bez, population = str(row["name"]), str(row["bez"]), int(row["population"])
        land = "" if level == "land" else str(row["land"])
    figures = []
    for category, frame in frames.items():
        national = national_counts.get(category)
        national_rate = None if national is None else national / national_population * 100_000
        recorded = m.is_recorded(frame)
        if level == "de":
            count, rate, rank, peers, none = national, national_rate, None, 0, 0
        else:
            row = frame[frame["code"] == code].iloc[0]
            count = _count(row["count"]) if recorded else None
            rate = None if count is None else float(row["per_100k"])
            rank, peers = m.rank_of(frame, "per_100k", code) if recorded else (None, 0)
            none = int(frame["count"].eq(0).sum()) if recorded else 0
        figures.append(
            CategoryFigures(category, count, rate, rank, peers, none, national, national_rate)
        )
    return RegionProfile(code, level, name, bez, land, population, taken_at, tuple(figures))


def place_phrase(profile: RegionProfile, lang: str) -> str:
    """"im Landkreis Rosenheim", "in der kreisfreien Stadt Rosenheim", "in Bayern"."""
    if profile.level == "kreis":
        key = f"profile.where.{profile.bez}"
        try:
            return t(key, lang, name=profile.name)
        except KeyError:
            return t("profile.where.other", lang, name=profile.name, bez=profile.bez)
    name = t("profile.germany", lang) if profile.level == "de" else profile.name
    return t("profile.where.plain", lang, name=name)


def profile_title(profile: RegionProfile, lang: str) -> str:
    """"Landkreis Rosenheim (Bayern)", "Bayern", "Deutschland"."""
    if profile.level == "kreis":
        return f"{profile.bez} {profile.name} ({profile.land})"
    return profile.name if profile.level == "land" else t("profile.germany", lang)


def rate_text(value: float | None, lang: str) -> str:
    """A rate per 100,000 for a sentence, in the tables' precision (two decimals: the prose
    says 1,14 where the table says 1,14, not 1,1)."""
    return fmt_number(value, lang, m.SPECS["per_100k"].decimals)


def _count_phrase(category: str, count: int, lang: str) -> str:
    if count == 0:
        return t(f"profile.count.{category}.none", lang)
    form = "one" if count == 1 else "many"
    return t(f"profile.count.{category}.{form}", lang, n=fmt_number(count, lang))


def profile_paragraph(profile: RegionProfile, lang: str) -> str:
    """The region's position in plain sentences, from the numbers of the profile only: per
    category the count and rate on the snapshot date, the rank among the peers (or how many
    peers have none), the national value; a caution where the count is small; the honest
    phrase where the category was not recorded."""
    where = place_phrase(profile, lang)
    date = fmt_date(profile.taken_at, lang)
    peers_word = t(f"profile.peers.{profile.level}", lang) if profile.level != "de" else ""
    sentences: list[str] = []
    told = 0  # the first recorded category's sentence names the place and the date
    for fig in profile.categories:
        if not fig.recorded:
            label = t(f"profile.cat.{fig.category}", lang)
            sentences.append(t("profile.not_recorded", lang, category=label, date=date))
            continue
        lead = (
            t(f"profile.lead.next{min(told, 2)}", lang)
            if told
            else t("profile.lead.first", lang, where=where, date=date)
        )
        told += 1
        assert fig.count is not None  # recorded
        text = f"{lead} {_count_phrase(fig.category, fig.count, lang)}"
        if fig.count > 0:
            text += ", " + t("profile.rate", lang, rate=rate_text(fig.per_100k, lang))
            if fig.rank is not None:
                text += " – " + t("profile.rank", lang, rank=fig.rank, n=fig.peers,
                                  peers=peers_word)
        elif profile.level != "de":
            text += " – " + t("profile.none_like", lang, k=fig.regions_with_none - 1,
                              n=fig.peers, peers=peers_word)
        if profile.level != "de" and fig.national_per_100k is not None:
            text += " " + t("profile.national", lang,
                            rate=rate_text(fig.national_per_100k, lang))
        sentences.append(text.rstrip() + ".")
        if fig.fragile and profile.level != "de":
            sentences.append(t("profile.caution", lang))
    return " ".join(sentences)


def figure_cells(profile: RegionProfile, lang: str) -> dict[str, dict[str, str]]:
    """The table's cells as text, per row key and category (tests read them from here)."""
    peers = t(f"profile.peers.{profile.level}", lang) if profile.level != "de" else ""
    cells: dict[str, dict[str, str]] = {"count": {}, "per_100k": {}, "rank": {}, "national": {}}
    for fig in profile.categories:
        cat = fig.category
        if not fig.recorded:
            for row in cells.values():
                row[cat] = t("map.not_recorded", lang)
            continue
        caution = " ⚠" if fig.fragile and profile.level != "de" else ""
        cells["count"][cat] = fmt_number(fig.count, lang)
        cells["per_100k"][cat] = fmt_number(fig.per_100k, lang, 2) + caution
        if fig.count == 0 and profile.level != "de":
            # a shared last rank would read as a place in a ranking; say what it is
            cells["rank"][cat] = t("profile.rank.none", lang, k=fig.regions_with_none,
                                   n=fig.peers)
        else:
            cells["rank"][cat] = (
                t("profile.rank.value", lang, rank=fig.rank, n=fig.peers) + caution
                if fig.rank is not None else "–"
            )
        cells["national"][cat] = (
            f"{fmt_number(fig.national_count, lang)} "
            f"({fmt_number(fig.national_per_100k, lang, 2)})"
        )
    if profile.level == "de":
        del cells["rank"], cells["national"]
    cells["_peers"] = {"text": peers}
    return cells


def citation(
    profile: RegionProfile, title: str, snapshot: dict[str, Any], url: str, lang: str
) -> str:
    """The suggested citation: title, snapshot date, source line (demo data named), permalink,
    date retrieved."""
    source = t("source.line", lang, date=fmt_date(str(snapshot.get("taken_at", "")), lang))
    if snapshot.get("origin") == "demo":
        source += f" ({t('snapshot.demo', lang)})"
    return t("profile.cite.text", lang, title=f"{t('profile.kicker', lang)} {title}",
             date=fmt_date(profile.taken_at, lang), source=source, url=url,
             today=fmt_date(date.today().isoformat(), lang))


# --- thin readers over the dashboard's data layer ------------------------------------------


def load_profile(data: AtlasData, snapshot: dict[str, Any], code: str) -> RegionProfile | None:
    """The profile of `code` in `snapshot` (a store.get_snapshot dict); None if unknown."""
    level = level_of(code)
    if level is None:
        return None
    sid = int(snapshot["id"])
    frame_level = "kreis" if level == "kreis" else "land"
    frames = {cat: data.region_metrics(sid, frame_level, cat) for cat in m.CATEGORIES}
    return profile_from_frames(
        code, frames, national_counts(data, snapshot), str(snapshot["taken_at"])[:10]
    )


def national_counts(data: AtlasData, snapshot: dict[str, Any]) -> dict[str, int | None]:
    """Every listed provider per category (located or not: the site's total), None for a
    category the snapshot did not record."""
    counts = data.providers(int(snapshot["id"]))["category"].value_counts()
    recorded = snapshot.get("counts", {})
    return {cat: int(counts.get(cat, 0)) if cat in recorded else None for cat in m.CATEGORIES}


def history(data: AtlasData, code: str) -> list[dict[str, Any]]:
    """The region's count per category in every snapshot of the served series (store.
    served_series: never demo mixed with real), oldest first; None where not recorded."""
    series = store.served_series(data.engine)
    key = ("history", code, tuple(int(i) for i in series["id"]))
    # snapshots never change: the rows of a given series are cached (a new one is a new key)
    return data._cache.get(key, lambda: _history_rows(data, code, series))


def _history_rows(data: AtlasData, code: str, series: pd.DataFrame) -> list[dict[str, Any]]:
    level = level_of(code)
    rows: list[dict[str, Any]] = []
    for snap in series.itertuples():
        snapshot = data.snapshot(int(snap.id))
        if snapshot is None:
            continue
        row: dict[str, Any] = {"id": int(snap.id), "taken_at": str(snapshot["taken_at"])[:10]}
        if level == "de":
            row.update(national_counts(data, snapshot))
        else:
            frame_level = "kreis" if level == "kreis" else "land"
            for cat in m.CATEGORIES:
                frame = data.region_metrics(int(snap.id), frame_level, cat)
                value = frame.loc[frame["code"] == code, "count"]
                row[cat] = _count(value.iloc[0]) if m.is_recorded(frame) and len(value) else None
        rows.append(row)
    return rows
