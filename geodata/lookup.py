"""The geocoder's lookup, built once: every PLZ table row resolved to a Gemeinde (or its Kreis).

For each row of the PLZ table:
  Landkreis name → Kreis ARS (kreis_names) → Gemeinde by normalised name within that Kreis
  (gemeinde_names) → the Gemeinde's representative point → spatial join (geopandas.sjoin) of
  the point with the UNSIMPLIFIED BKG Kreis and Land polygons → kreis_ars, land_code.
The join is cross-checked against the Gemeinde's own ARS prefix, so neither simplification
nor a rounding slip can move a point into the neighbouring Kreis unnoticed.
Where no Gemeinde matches, the row falls back to the table's Kreis and its representative point
(quality "kreis"); where even the Kreis name maps to nothing, to the Land (quality "land").
"""

from __future__ import annotations

import os
import pickle
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geodata import bkg
from geodata.gemeinde_names import GemeindeMatch, GemeindeMatcher
from geodata.kreis_names import KreisMatcher, KreisNameError
from geodata.laender import LAENDER
from geodata.names import keys
from geodata.paths import SOURCE_CRS, WEB_CRS
from geodata.plz_table import plz_table
from geodata.regions import load_gemeinden

# A Gemeinde "borders" a Kreis when its polygon comes this close (shared edges have distance 0).
BORDER_METRES = 1.0

RESULT_COLUMNS = [
    "gemeinde_ags", "gemeinde", "kreis_ars", "kreis", "land_code", "land", "lon", "lat",
    "quality", "note",
]  # fmt: skip


@dataclass(frozen=True)
class Lookup:
    rows: pd.DataFrame  # per PLZ table row (same order): plz, ort, table_kreis_ars, RESULT_COLUMNS
    by_plz: dict[str, tuple[int, ...]]  # row positions per PLZ, preferred (default) first
    # (PLZ, normalised Ort key) → row positions, preferred first (an Ort name can occur in two
    # Kreise under one PLZ: 22929 Hamfelde is a Gemeinde in Stormarn and in Herzogtum Lauenburg)
    by_plz_ort: dict[tuple[str, str], tuple[int, ...]]
    build_seconds: float


def _join_points(points: gpd.GeoDataFrame) -> pd.DataFrame:
    """Spatially join points (EPSG:4326, column `expected_kreis`) to the unsimplified polygons.

    Returns joined_kreis and joined_land per point (same index); NaN where outside Germany.
    """
    projected = points.to_crs(SOURCE_CRS)
    kreise = bkg.kreise()[["code", "geometry"]].rename(columns={"code": "joined_kreis"})
    laender = bkg.laender()[["code", "geometry"]].rename(columns={"code": "joined_land"})
    in_kreis = gpd.sjoin(projected, kreise, how="left", predicate="intersects")
    # A point on a shared border touches two Kreise: keep the one its ARS names.
    in_kreis = in_kreis.assign(_own=in_kreis["joined_kreis"] == in_kreis["expected_kreis"])
    in_kreis = in_kreis.sort_values("_own", ascending=False)
    in_kreis = in_kreis[~in_kreis.index.duplicated()]
    in_land = gpd.sjoin(projected, laender, how="left", predicate="intersects")
    in_land = in_land[~in_land.index.duplicated()]
    return pd.DataFrame(
        {"joined_kreis": in_kreis["joined_kreis"], "joined_land": in_land["joined_land"]}
    ).reindex(points.index)


def _representative_points(regions: gpd.GeoDataFrame, prefix: str) -> pd.DataFrame:
    """A point inside (unlike a centroid) each region: lon, lat indexed by prefix + code."""
    points = gpd.GeoSeries(regions.representative_point(), crs=regions.crs).to_crs(WEB_CRS)
    index = prefix + regions["code"]
    return pd.DataFrame(
        {"lon": points.x.round(6).to_numpy(), "lat": points.y.round(6).to_numpy()},
        index=index.to_numpy(),
    )


def _note(row) -> str:
    if row.quality == "land":
        return (
            f"the PLZ table's Kreis {row.landkreis or row.ort!r} matches no BKG Kreis in Land "
            f"{row.table_land_code}: located at the Land"
        )
    has_gemeinde = isinstance(row.gemeinde_ags, str)
    expected = row.gemeinde_ags[:5] if has_gemeinde else row.table_kreis_ars
    if row.kreis_ars != expected:  # should never happen: the tests hold it at zero rows
        return f"point joined to Kreis {row.kreis_ars}, but its ARS names Kreis {expected}"
    if row.quality == "kreis":
        return (
            f"no Gemeinde named {row.ort!r} in Kreis {row.table_kreis_ars} (BKG 2021; merged or "
            "renamed since the PLZ table?): located at the Kreis"
        )
    if row.match != "name":
        return f"Ort {row.ort!r} matched Gemeinde {row.gemeinde!r} by {row.match}"
    return ""


def _table_kreis(table: pd.DataFrame, kreise: pd.DataFrame) -> list[str | None]:
    """The Kreis ARS each row names; None where the name maps to no Kreis (→ quality "land")."""
    matcher = KreisMatcher(kreise)
    codes: list[str | None] = []
    columns = ["landkreis", "ort", "table_land_code"]
    for landkreis, ort, land in table[columns].itertuples(index=False):
        try:
            codes.append(matcher.ars(landkreis, ort, land))
        except KreisNameError:
            codes.append(None)
    return codes


BORDER_HOW = "same name across the Kreis border (the border moved since the PLZ table)"


def _across_border(
    table: pd.DataFrame, matches: list[GemeindeMatch | None], matcher: GemeindeMatcher
) -> list[GemeindeMatch | None]:
    """For rows with no Gemeinde in their Kreis: the one Gemeinde of exactly that name in the
    Land that touches the table's Kreis, if there is exactly one (see gemeinde_names)."""
    gemeinden = bkg.gemeinden().set_index("ags").geometry
    kreise = bkg.kreise().set_index("code").geometry
    result = list(matches)
    for i, (ort, kreis) in enumerate(table[["ort", "table_kreis_ars"]].itertuples(index=False)):
        if not isinstance(kreis, str) or (result[i] and result[i].ags):
            continue
        bordering = [
            ags
            for ags in matcher.same_name_elsewhere(ort, kreis)
            if gemeinden[ags].distance(kreise[kreis]) < BORDER_METRES
        ]
        if len(bordering) == 1:
            result[i] = GemeindeMatch(bordering[0], BORDER_HOW)
    return result


def resolve_rows(table: pd.DataFrame) -> pd.DataFrame:
    """Resolve PLZ table rows (ort, plz, landkreis, bundesland, land_code) to Gemeinde, Kreis
    and Land with a point; adds table_kreis_ars, match and RESULT_COLUMNS."""
    table = table.rename(columns={"land_code": "table_land_code"}).reset_index(drop=True)
    kreise = bkg.kreise().drop(columns="geometry")
    gemeinden = load_gemeinden()
    table["table_kreis_ars"] = _table_kreis(table, kreise)
    matcher = GemeindeMatcher(gemeinden)
    matches = [
        matcher.match(ort, kreis) if isinstance(kreis, str) else None
        for ort, kreis in table[["ort", "table_kreis_ars"]].itertuples(index=False)
    ]
    matches = _across_border(table, matches, matcher)
    table["gemeinde_ags"] = [m.ags if m else None for m in matches]
    table["match"] = [m.how if m else "" for m in matches]
    has_kreis = table["table_kreis_ars"].notna()
    is_gem = table["gemeinde_ags"].notna()
    table["quality"] = np.select([is_gem, has_kreis], ["gemeinde", "kreis"], "land")

    # Points: the Gemeinde's, else the table Kreis's, else the Land's; joined once per point.
    gem = gemeinden.set_index("ags")
    point_id = table["gemeinde_ags"].where(
        is_gem, ("K" + table["table_kreis_ars"]).where(has_kreis, "L" + table["table_land_code"])
    )
    expected = table["gemeinde_ags"].str[:5].where(is_gem, table["table_kreis_ars"])
    unique = pd.DataFrame({"id": point_id, "expected_kreis": expected}).drop_duplicates("id")
    unique = unique.set_index("id")
    coordinates = pd.concat(
        [
            gem[["lon", "lat"]],
            _representative_points(bkg.kreise(), "K"),
            _representative_points(bkg.laender(), "L"),
        ]
    )
    unique[["lon", "lat"]] = coordinates.reindex(unique.index).to_numpy()
    points = gpd.GeoDataFrame(
        unique, geometry=gpd.points_from_xy(unique["lon"], unique["lat"]), crs=WEB_CRS
    )
    joined = unique.join(_join_points(points))
    located = joined[["lon", "lat", "joined_kreis", "joined_land"]].reindex(point_id)
    table[located.columns] = located.to_numpy()

    # A Land's point lies in some Kreis, but that Kreis is not a result: leave it empty.
    table["kreis_ars"] = table["joined_kreis"].where(has_kreis, None)
    table["land_code"] = table["joined_land"]
    table["gemeinde"] = table["gemeinde_ags"].map(gem["name"])
    table["kreis"] = table["kreis_ars"].map(kreise.set_index("code")["name"])
    table["land"] = table["land_code"].map(LAENDER)
    table["note"] = [_note(row) for row in table.itertuples(index=False)]
    return table


def _preference(rows: pd.DataFrame) -> list[int]:
    """Row order for picking the default Ort when a PLZ has several and no Ort is given.

    Deterministic, and aimed at the main town a PLZ is usually named after:
    1. rows located to a Gemeinde before rows located only to a Kreis (or Land);
    2. the Gemeinde with the most PLZ in the whole table (counted by AGS, not by name, so
       the many villages called "Leimbach" do not add up);
    3. the larger Gemeinde by area;
    4. the Ort name alphabetically, then table order.
    """
    area_km2 = (bkg.gemeinden().set_index("ags").area / 1e6).round(3)
    plz_per_gemeinde = rows.groupby("gemeinde_ags")["plz"].nunique()
    ags = rows["gemeinde_ags"]
    plz_count = ags.map(plz_per_gemeinde).fillna(0).to_numpy()
    area = ags.map(area_km2).fillna(0).to_numpy()
    rank = rows["quality"].map({"gemeinde": 0, "kreis": 1, "land": 2}).to_numpy()
    orte = rows["ort"].to_numpy()
    return sorted(
        range(len(rows)),
        key=lambda i: (rank[i], -plz_count[i], -area[i], orte[i], i),
    )


# A file to keep the built lookup in, for processes over the same geodata: the test run sets it
# (tests/conftest.py), so its workers and the commands its tests start build it once, not
# ~2 s of CPU each. Unset (as when serving), every process builds its own.
LOOKUP_CACHE_ENV = "ATLAS_LOOKUP_CACHE"


@lru_cache(maxsize=1)
def get_lookup() -> Lookup:
    cache = os.environ.get(LOOKUP_CACHE_ENV)
    if not cache:
        return _build_lookup()
    path = Path(cache)
    try:
        lookup = pickle.loads(path.read_bytes())  # only ever our own file (below)
    except (OSError, EOFError, pickle.UnpicklingError):
        lookup = None
    if isinstance(lookup, Lookup):
        return lookup
    lookup = _build_lookup()
    partial = path.with_name(f"{path.name}.{os.getpid()}")
    partial.write_bytes(pickle.dumps(lookup, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(partial, path)  # whole or not at all, also when two processes build at once
    return lookup


def _build_lookup() -> Lookup:
    started = time.perf_counter()
    rows = resolve_rows(plz_table())
    by_plz: dict[str, list[int]] = {}
    by_plz_ort: dict[tuple[str, str], list[int]] = {}
    for position in _preference(rows):
        plz = rows["plz"].iat[position]
        by_plz.setdefault(plz, []).append(position)
        for key in keys(rows["ort"].iat[position]):
            by_plz_ort.setdefault((plz, key), []).append(position)
    return Lookup(
        rows=rows,
        by_plz={plz: tuple(positions) for plz, positions in by_plz.items()},
        by_plz_ort={key: tuple(positions) for key, positions in by_plz_ort.items()},
        build_seconds=time.perf_counter() - started,
    )
