"""Per-Gemeinde access measures for one snapshot, category and service (pure).

- nearest: straight-line distance (km, EPSG:3035) from each Gemeinde's point to the nearest
  usable provider, and which one (cKDTree, one query for all 10,997 points).
- 2SFCA (two-step floating catchment area, Luo & Wang 2003) with a catchment of
  CATCHMENT_KM: each provider's ratio R_j = 1 / people within the catchment of j; each
  Gemeinde's score = sum of R_j over providers within its catchment, per 100,000 people.
  R_j depends only on population, so a hypothetical provider adds its own R_j and changes
  nothing else (planning relies on that).

Statuses: "ok"; "no_provider" (the kind was recorded but no provider could be placed:
distances are undefined, never 0 or infinite); "not_recorded" (the snapshot did not cover
the category, or no provider of it lists services at all).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from store.access.places import gemeinde_frame, project, usable

CATCHMENT_KM = 50.0
PER = 100_000
STATUSES: tuple[str, ...] = ("ok", "no_provider", "not_recorded")
# The service filter as REHADAT lists it; "all" = every provider of the category.
SERVICES: dict[str, str | None] = {
    "all": None,
    "arbeitsbereich": "Arbeitsbereich",
    "berufsbildungsbereich": "Berufsbildungsbereich",
}
SERVICE_CATEGORIES = ("ala",)  # services are recorded for aLA only
GEMEINDE_COLUMNS = (
    "ars", "nearest_km", "nearest_provider", "kreis_placed", "own_kreis", "sfca_per_100k",
)  # fmt: skip


@dataclass
class AccessResult:
    """The measures of one (category, service) for every Gemeinde, in gemeinde_frame order."""

    category: str
    service: str
    status: str
    gemeinden: pd.DataFrame
    providers_used: int = 0
    kreis_placed: int = 0
    excluded: int = 0
    catchment_km: float = CATCHMENT_KM
    notes: list[str] = field(default_factory=list)


def combinations(categories: list[str] | tuple[str, ...]) -> list[tuple[str, str]]:
    """(category, service) pairs measured for these categories, in a fixed order."""
    pairs = []
    for category in categories:
        services = SERVICES if category in SERVICE_CATEGORIES else {"all": None}
        pairs += [(category, service) for service in services]
    return pairs


def nearest(gemeinde_xy: np.ndarray, provider_xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(distance in km, index of the nearest provider) for every Gemeinde point."""
    distance, index = cKDTree(provider_xy).query(gemeinde_xy, k=1)
    return distance / 1000.0, index


def catchment_pairs(provider_xy: np.ndarray, gemeinde_tree: cKDTree, catchment_km: float):
    """Every (provider i, Gemeinde j) pair within the catchment, as a structured array."""
    return cKDTree(provider_xy).sparse_distance_matrix(
        gemeinde_tree, catchment_km * 1000.0, output_type="ndarray"
    )


def provider_ratios(pairs: np.ndarray, population: np.ndarray, providers: int) -> np.ndarray:
    """2SFCA step 1: R_j = 1 / people within the catchment of provider j (0 where none)."""
    reached = np.bincount(pairs["i"], weights=population[pairs["j"]], minlength=providers)
    return np.divide(1.0, reached, out=np.zeros_like(reached), where=reached > 0)


def catchment_scores(pairs: np.ndarray, ratios: np.ndarray, gemeinden: int) -> np.ndarray:
    """2SFCA step 2: per Gemeinde, the sum of R_j within its catchment, per 100,000 people."""
    return np.bincount(pairs["j"], weights=ratios[pairs["i"]], minlength=gemeinden) * PER


CHUNK = 4096  # provider points per 2SFCA pass: bounds the pair array (~240 pairs each)


def two_step_fca(
    gemeinde_xy: np.ndarray, population: np.ndarray, provider_xy: np.ndarray,
    catchment_km: float = CATCHMENT_KM, providers_at: np.ndarray | None = None,
) -> np.ndarray:  # fmt: skip
    """Providers per 100,000 people within reach, per Gemeinde (2SFCA). `providers_at`:
    how many providers stand at each point (default one each).

    A provider's ratio needs only its own pairs, so both steps run per chunk of providers:
    memory stays bounded and time grows linearly with the providers."""
    tree = cKDTree(gemeinde_xy)
    people = population.astype(float)
    scores = np.zeros(len(gemeinde_xy))
    for start in range(0, len(provider_xy), CHUNK):
        chunk = provider_xy[start : start + CHUNK]
        pairs = catchment_pairs(chunk, tree, catchment_km)
        ratios = provider_ratios(pairs, people, len(chunk))
        if providers_at is not None:
            ratios = ratios * providers_at[start : start + CHUNK]
        scores += catchment_scores(pairs, ratios, len(gemeinde_xy))
    return scores


def _of_kind(providers: pd.DataFrame, category: str, service: str) -> tuple[pd.DataFrame, str]:
    """The category's providers offering the service, and a note on what was left out."""
    rows = providers[providers["category"] == category]
    label = SERVICES[service]
    if label is None:
        return rows, ""
    lists = rows["services"].map(lambda s: list(s) if isinstance(s, (list, tuple)) else [])
    unlisted = int(lists.map(len).eq(0).sum())
    note = f"{unlisted} providers list no service and are not counted here" if unlisted else ""
    offers = lists.map(lambda s: label in s).astype(bool).to_numpy()
    return rows[offers], note


def _lists_services(rows: pd.DataFrame) -> bool:
    return bool(rows["services"].map(lambda s: isinstance(s, (list, tuple)) and len(s) > 0).any())


def _empty(gemeinden: pd.DataFrame) -> pd.DataFrame:
    n = len(gemeinden)
    return pd.DataFrame(
        {"ars": gemeinden["ars"].to_numpy(), "nearest_km": np.full(n, np.nan),
         "nearest_provider": pd.Series([None] * n, dtype=object),
         "kreis_placed": np.zeros(n, bool), "own_kreis": np.zeros(n, bool),
         "sfca_per_100k": np.zeros(n)}
    )  # fmt: skip


@dataclass
class Counted:
    """The providers a measure counts (by straight line or by road), or why there are none:
    status ok | no_provider | not_recorded, with the notes saying what was left out."""

    status: str
    placed: pd.DataFrame  # usable ones, Gemeinde-placed first, then by source id
    excluded: int = 0
    notes: list[str] = field(default_factory=list)


def counted_providers(
    providers: pd.DataFrame, category: str, service: str = "all", recorded: bool = True
) -> Counted:
    """The one rule both the Luftlinie measures and the car times follow: which of a
    snapshot's providers of the kind are counted, and the status when none can be."""
    none = providers.iloc[0:0]
    if not recorded:
        note = f"the snapshot did not record category {category}"
        return Counted("not_recorded", none, notes=[note])
    of_category = providers[providers["category"] == category]
    if service != "all" and len(of_category) and not _lists_services(of_category):
        note = f"no {category} provider in this snapshot lists its services"
        return Counted("not_recorded", none, notes=[note])
    rows, note = _of_kind(providers, category, service)
    ok = usable(rows)
    # Gemeinde-placed first, then by source id: at a shared point the first one is named.
    placed = rows[ok].sort_values(
        ["geocode_quality", "source_id"], key=lambda c: c.ne("gemeinde") if c.name ==
        "geocode_quality" else c, kind="stable")  # fmt: skip
    status = "ok" if len(placed) else "no_provider"
    return Counted(status, placed, int((~ok).sum()), [note] if note else [])


def compute_access(
    providers: pd.DataFrame,
    category: str,
    service: str = "all",
    recorded: bool = True,
    gemeinden: pd.DataFrame | None = None,
    catchment_km: float = CATCHMENT_KM,
) -> AccessResult:
    """The measures of one category and service from a snapshot's provider frame
    (columns category, source_id, services, kreis_ars, lon, lat, geocode_quality)."""
    if service not in SERVICES or (service != "all" and category not in SERVICE_CATEGORIES):
        raise ValueError(f"service {service!r} is not measured for category {category!r}")
    gemeinden = gemeinde_frame() if gemeinden is None else gemeinden
    frame = _empty(gemeinden)
    counted = counted_providers(providers, category, service, recorded)
    placed = counted.placed
    result = AccessResult(
        category, service, counted.status, frame,
        providers_used=len(placed),
        kreis_placed=int((placed["geocode_quality"] == "kreis").sum()),
        excluded=counted.excluded,
        catchment_km=catchment_km,
        notes=list(counted.notes),
    )  # fmt: skip
    if counted.status == "not_recorded":
        return result
    if placed.empty:
        result.notes.append("no provider of this kind could be placed: distances are undefined")
        return result
    gem_xy = gemeinden[["x", "y"]].to_numpy()
    # Providers share points (the geocoder places them at Gemeinde or Kreis points): measure
    # from each distinct point once, weighted by how many providers stand there.
    points, first, many = np.unique(
        project(placed["lon"].to_numpy(), placed["lat"].to_numpy()),
        axis=0, return_index=True, return_counts=True,
    )  # fmt: skip
    distance, index = nearest(gem_xy, points)
    chosen = first[index]
    frame["nearest_km"] = distance
    frame["nearest_provider"] = placed["source_id"].to_numpy()[chosen]
    frame["kreis_placed"] = (placed["geocode_quality"] == "kreis").to_numpy()[chosen]
    frame["own_kreis"] = gemeinden["kreis_ars"].isin(set(placed["kreis_ars"].dropna())).to_numpy()
    population = gemeinden["population"].to_numpy()
    frame["sfca_per_100k"] = two_step_fca(gem_xy, population, points, catchment_km, many)
    return result


def compute_all(
    providers: pd.DataFrame, recorded: list[str] | tuple[str, ...], categories=None
) -> list[AccessResult]:
    """Every (category, service) of the given categories (default: all three)."""
    from store.schema import CATEGORIES

    gemeinden = gemeinde_frame()
    return [
        compute_access(providers, category, service, category in recorded, gemeinden)
        for category, service in combinations(categories or CATEGORIES)
    ]


def placement_summary(results: list[AccessResult], population: pd.Series | None = None) -> dict:
    """For the quality report: how providers were placed for distances, and the effect."""
    people = (gemeinde_frame()["population"] if population is None else population).to_numpy()
    measures = []
    for r in results:
        affected = int(people[r.gemeinden["kreis_placed"].to_numpy(bool)].sum())
        measures.append(
            {"category": r.category, "service": r.service, "status": r.status,
             "providers_used": r.providers_used, "kreis_placed": r.kreis_placed,
             "excluded": r.excluded, "people_nearest_kreis_placed": affected}
        )  # fmt: skip
    return {
        "method": "Luftlinie (straight line, EPSG:3035) from each Gemeinde's representative "
        f"point; 2SFCA catchment {CATCHMENT_KM:g} km",
        "effect": "Providers placed only at Kreis level stand at the Kreis's representative "
        "point: for the people whose nearest provider is one of them the distance may be off "
        "by up to the size of that Kreis. Providers placed only at Land level or not at all "
        "are left out of distances.",
        "measures": measures,
    }
