"""The Erreichbarkeit frames that the page, the data API and the exports share (pure reads
of store.access; no Dash here).

Every distance is a Luftlinie (straight line, EPSG:3035) from a Gemeinde's representative
point; population: Destatis Gemeindeverzeichnis, 31.12.2019.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from sqlalchemy import Engine

from store.access import (
    PlanResult,
    access_regions,
    access_result,
    aggregate,
    gemeinde_frame,
    germany_summary,
    plan,
)

METHOD = "Luftlinie (EPSG:3035) from each Gemeinde's representative point; 2SFCA catchment 50 km"
GEMEINDE_COLUMNS = (
    "ars", "name", "kreis_ars", "population", "lat", "lon", "nearest_km", "nearest_provider",
)  # fmt: skip
REGION_COLUMNS = (
    "ars", "name", "population", "mean_km", "median_km", "pop_beyond_25km", "pop_beyond_50km",
    "providers_per_100k_within_50km",
)  # fmt: skip


def gemeinde_rows(engine: Engine, snapshot_id: int, category: str, service: str) -> pd.DataFrame:
    """One row per Gemeinde: the API's columns (nearest_km empty where undefined)."""
    result = access_result(engine, snapshot_id, category, service)
    gemeinden = gemeinde_frame()
    frame = pd.DataFrame(
        {"ars": gemeinden["ars"], "name": gemeinden["name"], "kreis_ars": gemeinden["kreis_ars"],
         "population": gemeinden["population"].astype("int64"), "lat": gemeinden["lat"],
         "lon": gemeinden["lon"], "nearest_km": result.gemeinden["nearest_km"].round(3),
         "nearest_provider": result.gemeinden["nearest_provider"]}
    )  # fmt: skip
    frame.attrs.update(status=result.status, notes=list(result.notes), method=METHOD)
    return frame


def region_rows(
    engine: Engine, snapshot_id: int, level: str, category: str, service: str
) -> pd.DataFrame:
    """Kreis / Land / Germany figures with every aggregate column (the page's table)."""
    frame = access_regions(engine, snapshot_id, level, category, service)
    frame.attrs["method"] = METHOD
    return frame


def access_api_frame(
    engine: Engine, snapshot_id: int, level: str, category: str, service: str
) -> pd.DataFrame:
    """Exactly the documented columns of GET /api/access for the level."""
    if level == "gemeinde":
        return gemeinde_rows(engine, snapshot_id, category, service)
    full = region_rows(engine, snapshot_id, level, category, service)
    frame = full[list(REGION_COLUMNS)].copy()
    for column in ("mean_km", "median_km"):
        frame[column] = frame[column].round(3)
    frame["providers_per_100k_within_50km"] = frame["providers_per_100k_within_50km"].round(4)
    frame.attrs.update(full.attrs)
    return frame


@dataclass
class AccessView:
    """What the Erreichbarkeit page and its exports show for one choice."""

    snapshot_id: int
    category: str
    service: str
    status: str  # ok | no_provider (not_recorded raises CategoryNotInSnapshot)
    notes: list[str]
    measures: pd.DataFrame  # per Gemeinde, with the hypothetical providers if any
    kreise: pd.DataFrame  # aggregate per Kreis (with the plan)
    laender: pd.DataFrame
    germany: dict
    plan: PlanResult | None
    places: pd.DataFrame  # the hypothetical Gemeinden: ars, name, kreis_ars, lon, lat
    providers_used: int = 0
    kreis_placed: int = 0
    excluded: int = 0


def plan_places(plan: str) -> list[str]:
    """The ARS list of the URL's `plan` value ("" → [])."""
    return [p for p in plan.split(",") if p] if plan else []


@lru_cache(maxsize=1)
def _tree():
    from scipy.spatial import cKDTree

    return cKDTree(gemeinde_frame()[["x", "y"]].to_numpy())


def access_view(
    engine: Engine, snapshot_id: int, category: str, service: str, places: list[str] | None = None
) -> AccessView:
    """Baseline measures of the snapshot, plus hypothetical providers at `places` (ARS;
    unknown ones raise ValueError). Never stored."""
    result = access_result(engine, snapshot_id, category, service)
    gemeinden = gemeinde_frame(copy=False)
    places = list(dict.fromkeys(places or []))
    planned = plan(gemeinden, result.gemeinden, places, tree=_tree()) if places else None
    measures = planned.measures if planned else result.gemeinden
    where = gemeinden.iloc[pd.Index(gemeinden["ars"]).get_indexer(places)]
    where = where[["ars", "name", "kreis_ars", "lon", "lat"]]
    return AccessView(
        snapshot_id=snapshot_id, category=category, service=service,
        status="ok" if planned else result.status, notes=list(result.notes),
        measures=measures,
        kreise=aggregate(gemeinden, measures, "kreis"),
        laender=aggregate(gemeinden, measures, "land"),
        germany=germany_summary(gemeinden, measures),
        plan=planned, places=where.reset_index(drop=True),
        providers_used=result.providers_used, kreis_placed=result.kreis_placed,
        excluded=result.excluded,
    )  # fmt: skip


def gemeinde_options(query: str, limit: int = 30) -> list[dict[str, str]]:
    """Gemeinden whose name starts with (then contains) the query, for the search box:
    "Name (Kreis)" → 12-digit ARS."""
    import geodata

    text = (query or "").strip().casefold()
    if len(text) < 2:
        return []
    gemeinden = gemeinde_frame()
    names = gemeinden["name"].str.casefold()
    starts = gemeinden[names.str.startswith(text)]
    contains = gemeinden[names.str.contains(text, regex=False) & ~names.str.startswith(text)]
    picked = pd.concat([starts, contains]).head(limit)
    kreise = geodata.region_table("kreis").set_index("code")["name"]
    return [
        {"label": f"{row.name} ({kreise.get(row.kreis_ars, row.kreis_ars)})", "value": row.ars}
        for row in picked.itertuples(index=False)
    ]


def place_labels(places: list[str]) -> list[dict[str, str]]:
    """Options for Gemeinden already chosen (so the search box can show them)."""
    import geodata

    gemeinden = gemeinde_frame().set_index("ars")
    kreise = geodata.region_table("kreis").set_index("code")["name"]
    out = []
    for ars in places:
        if ars in gemeinden.index:
            row = gemeinden.loc[ars]
            label = f"{row['name']} ({kreise.get(row['kreis_ars'], row['kreis_ars'])})"
            out.append({"label": label, "value": ars})
    return out


def providers_of_kind(providers: pd.DataFrame, category: str, service: str,
                      land: str | None = None) -> pd.DataFrame:  # fmt: skip
    """The providers the measures count (drawn as dots): the kind and service, with a point
    good enough for distances (Gemeinde or Kreis); `land`: only that Land's (a Land view
    draws no shapes outside it, so dots there would float on white)."""
    from store.access import SERVICES

    rows = providers[providers["category"] == category]
    label = SERVICES.get(service)
    if label is not None:
        rows = rows[rows["services"].map(lambda s: label in list(s if s is not None else []))]
    rows = in_land(rows, land)
    return rows[rows["geocode_quality"].isin(["gemeinde", "kreis"])]


def in_land(providers: pd.DataFrame, land: str | None) -> pd.DataFrame:
    """The providers of `land` (all without one). A Land view's maps draw only these as dots:
    it draws no shapes outside the Land, so dots there would float on white; its measures
    still count the neighbours' providers (the nearest may be across the border)."""
    return providers if not land else providers[providers["land_code"] == land]


def ranked(frame: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """Regions by people beyond the threshold, most first (ties: by name)."""
    column = f"pop_beyond_{threshold}km"
    return frame.sort_values([column, "name"], ascending=[False, True], na_position="last")


def kreis_table(view: AccessView, threshold: int, lang: str) -> pd.DataFrame:
    """Every Kreis, ranked by people beyond the threshold, with on-screen labels; with the
    planning column (people newly within the threshold) when hypothetical providers are set.
    Distances: Luftlinie, km."""
    from dashboard.text.i18n import t

    frame = ranked(view.kreise, threshold)
    table = pd.DataFrame({
        t("access.col.ars", lang): frame["ars"],
        t("access.col.region", lang): frame["ars"].map(region_labels("kreis")),
        t("access.col.population", lang): frame["population"],
        t("access.col.beyond", lang, km=threshold): frame[f"pop_beyond_{threshold}km"],
        t("access.col.share", lang): frame[f"share_beyond_{threshold}km"].round(4),
        t("access.col.mean", lang): frame["mean_km"].round(2),
        t("access.col.median", lang): frame["median_km"].round(2),
        t("access.col.no_own", lang): frame["pop_no_provider_in_kreis"],
        t("access.col.sfca", lang): frame["providers_per_100k_within_50km"].round(4),
    })  # fmt: skip
    if view.plan is not None:
        # the people the plan brings within the page's threshold (as the page counts them:
        # before farther than it, now at most that far), not a fixed 25/50 km
        newly = view.plan.newly["kreis"].set_index("ars")
        column = newly[f"newly_within_{threshold}km"].reindex(frame["ars"]).fillna(0)
        table[t("access.col.newly", lang, km=threshold)] = column.astype("int64").to_numpy()
    return table.reset_index(drop=True)


@lru_cache(maxsize=2)
def region_labels(level: str) -> dict[str, str]:
    """ARS → the name a reader can tell apart: "Karlsruhe (Landkreis)" where two Kreise share
    a name, else the plain name."""
    import geodata

    table = geodata.region_table(level)
    twice = table["name"].duplicated(keep=False)
    labels = table["name"].where(~twice, table["name"] + " (" + table["bez"] + ")")
    return dict(zip(table["code"], labels, strict=True))


def _nearest_names(view: AccessView, providers: pd.DataFrame, mask: np.ndarray,
                   lang: str) -> list[str]:  # fmt: skip
    """The nearest provider's name per Gemeinde of `mask` ("hypothetisch: <Gemeinde>" for a
    planned one, "–" where none)."""
    return nearest_names(view.measures["nearest_provider"][mask], providers, lang)


def nearest_names(source_ids, providers: pd.DataFrame, lang: str) -> list[str]:
    """Provider names for source ids ("hypothetisch: <Gemeinde>" for a planned one, "–"
    where none), whether nearest by Luftlinie or by road."""
    from dashboard.text.i18n import t
    from store.access.planning import HYPOTHETICAL_PREFIX

    gemeinden = gemeinde_frame(copy=False)
    names = dict(zip(providers["source_id"], providers["name"], strict=False))
    places = dict(zip(gemeinden["ars"], gemeinden["name"], strict=True))

    def provider_name(source_id: object) -> str:
        if not isinstance(source_id, str):
            return "–"
        if source_id.startswith(HYPOTHETICAL_PREFIX):
            ars = source_id.removeprefix(HYPOTHETICAL_PREFIX)
            return t("access.region.hypothetical", lang, name=places.get(ars, ars))
        return str(names.get(source_id, source_id))

    return [provider_name(s) for s in source_ids]


def gemeinden_of_kreis(
    view: AccessView, kreis: str, providers: pd.DataFrame, lang: str
) -> pd.DataFrame:
    """The region view: every Gemeinde of one Kreis, farthest first, with its population,
    distance (Luftlinie, km) and the nearest provider's name (or the hypothetical place)."""
    gemeinden = gemeinde_frame(copy=False)
    mask = (gemeinden["kreis_ars"] == kreis).to_numpy()
    measures = view.measures[mask]
    frame = pd.DataFrame({
        "ars": gemeinden["ars"][mask].to_numpy(),
        "name": gemeinden["name"][mask].to_numpy(),
        "population": gemeinden["population"][mask].to_numpy(),
        "nearest_km": measures["nearest_km"].to_numpy(dtype=float),
        "nearest": _nearest_names(view, providers, mask, lang),
    })  # fmt: skip
    return frame.sort_values(["nearest_km", "population"], ascending=[False, False],
                             na_position="last").reset_index(drop=True)  # fmt: skip


def gemeinde_map_frame(
    view: AccessView, providers: pd.DataFrame, lang: str, land: str | None = None
) -> pd.DataFrame:
    """Every Gemeinde (or one Land's) as the Gemeinde map draws it: ars, name, kreis (label),
    kreis_ars, population, nearest_km (Luftlinie; NaN where no provider), nearest (name)."""
    gemeinden = gemeinde_frame(copy=False)
    mask = _land_mask(gemeinden, land)
    kreise = region_labels("kreis")
    kreis_ars = gemeinden["kreis_ars"][mask].to_numpy()
    return pd.DataFrame({
        "ars": gemeinden["ars"][mask].to_numpy(),
        "name": gemeinden["name"][mask].to_numpy(),
        "kreis": [kreise.get(k, k) for k in kreis_ars],
        "kreis_ars": kreis_ars,
        "population": gemeinden["population"][mask].to_numpy(),
        "nearest_km": view.measures["nearest_km"][mask].to_numpy(dtype=float),
        "nearest": _nearest_names(view, providers, mask, lang),
    })  # fmt: skip


def _land_mask(gemeinden: pd.DataFrame, land: str | None) -> np.ndarray:
    """Which of the Gemeinden (the measures' order) lie in `land` (all without one)."""
    if land is None:
        return np.ones(len(gemeinden), bool)
    return (gemeinden["ars"].str[:2] == land).to_numpy()


def planned_map_frame(before: pd.DataFrame, base: AccessView, view: AccessView,
                      providers: pd.DataFrame, lang: str,
                      land: str | None = None) -> pd.DataFrame:  # fmt: skip
    """gemeinde_map_frame(view, …) from `before`, the frame of `base` (the same snapshot and
    kind without the plan): the distances anew, the nearest provider's name only where the
    plan changed who is nearest (a few hundred of 10,997 Gemeinden; naming them all was most
    of a planning click's frame)."""
    mask = _land_mask(gemeinde_frame(copy=False), land)
    now = view.measures["nearest_provider"][mask].to_numpy(dtype=object)
    was = base.measures["nearest_provider"][mask].to_numpy(dtype=object)
    moved = np.flatnonzero(~((now == was) | (pd.isna(now) & pd.isna(was))))
    frame = before.copy()
    frame["nearest_km"] = view.measures["nearest_km"][mask].to_numpy(dtype=float)
    if len(moved):
        nearest = frame["nearest"].to_numpy(dtype=object).copy()
        nearest[moved] = nearest_names(now[moved], providers, lang)
        frame["nearest"] = nearest
    return frame


def gemeinde_table(frame: pd.DataFrame, threshold: int, lang: str) -> pd.DataFrame:
    """The Gemeinde map's values as a table (CSV/XLSX, and the page's list): farthest first,
    with on-screen labels; distances Luftlinie in km."""
    from dashboard.text.i18n import t

    ordered = frame.sort_values(["nearest_km", "population"], ascending=[False, False],
                                na_position="first")  # fmt: skip
    return pd.DataFrame({
        t("access.col.ars", lang): ordered["ars"],
        t("access.col.gemeinde", lang): ordered["name"],
        t("access.col.kreis", lang): ordered["kreis"],
        t("access.col.population", lang): ordered["population"].astype("int64"),
        t("access.col.distance", lang): ordered["nearest_km"].round(1),
        t("access.col.beyond", lang, km=threshold): ordered["nearest_km"].gt(threshold)
        | ordered["nearest_km"].isna(),
        t("access.col.nearest", lang): ordered["nearest"],
    }).reset_index(drop=True)  # fmt: skip


@lru_cache(maxsize=20)
def land_bounds(land: str | None) -> tuple[float, float, float, float]:
    """(lon_min, lon_max, lat_min, lat_max) of one Land, or of Germany for None."""
    import geodata

    shapes = geodata.load_regions("land")
    if land is not None:
        if land not in set(shapes["code"]):
            raise ValueError(f"unknown Land code {land!r}")
        shapes = shapes[shapes["code"] == land]
    lon_min, lat_min, lon_max, lat_max = shapes.total_bounds
    return float(lon_min), float(lon_max), float(lat_min), float(lat_max)


def outline_codes(land: str | None) -> dict[str, list[str]]:
    """The Kreis and Land codes to outline over a map of `land` (None: all of Germany)."""
    kreise = sorted(region_labels("kreis"))
    laender = sorted(region_labels("land"))
    if land is None:
        return {"kreis": kreise, "land": laender}
    return {"kreis": [k for k in kreise if k[:2] == land], "land": [land]}
