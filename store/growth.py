"""Growth over snapshots: counts per date, per Land; what changed between two snapshots.

Pure functions on frames first (testable with hand-made data), thin wrappers that read the
store after them. Published reference counts (geodata.published_counts) are kept in their own
frame and never merged into snapshot counts: they come from studies, not from our snapshots.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, func, select

from store import schema
from store.diff import diff_snapshots
from store.errors import InvalidArgument
from store.metrics import check_level_category, region_metrics
from store.providers import load_providers
from store.schema import CATEGORIES
from store.snapshots import require_snapshot, served_series

GERMANY = "DE"
GERMANY_NAME = "Deutschland"
SERIES_COLUMNS = ("snapshot_id", "taken_at", "origin", "region", "region_name", "count")
LAND_GROWTH_COLUMNS = (
    "rank", "land_code", "land", "population", "count_old", "count_new", "growth",
    "growth_per_100k",
)
CHANGE_KINDS = ("new", "vanished", "changed")
REGION_CHANGE_COLUMNS = (
    "code", "name", "land_code", "land", "population", "count_old", "count_new", "change",
    "change_per_100k",
)


# --- pure functions -------------------------------------------------------------------------


def count_series(
    providers: pd.DataFrame, snapshots: pd.DataFrame, category: str, laender: pd.DataFrame
) -> pd.DataFrame:
    """Counts of `category` per snapshot for Germany ("DE") and every Land (zero included).

    providers: `snapshot_id, category, land_code` (all snapshots stacked);
    snapshots: `id, taken_at, origin`; laender: `code, name` (the 16 Länder).
    The Germany count is every listed provider, located or not (it is the site's total);
    Land counts only those the geocoder placed in a Land, so they may sum to less.
    """
    _check_category(category)
    of_category = providers[providers["category"] == category]
    tally = (of_category.assign(n=1)[["snapshot_id", "land_code", "n"]]
             .groupby(["snapshot_id", "land_code"], dropna=False, as_index=False)["n"].sum())
    return series_of_counts(tally, snapshots, laender)


def series_of_counts(
    tally: pd.DataFrame, snapshots: pd.DataFrame, laender: pd.DataFrame
) -> pd.DataFrame:
    """count_series from providers already counted: `tally` has `snapshot_id, land_code, n`
    (one row per snapshot and Land, `land_code` None for the unplaced)."""
    rows = []
    for snap in snapshots.sort_values(["taken_at", "id"]).itertuples():
        mine = tally[tally["snapshot_id"] == snap.id]
        placed = mine.dropna(subset=["land_code"])
        by_land = dict(zip(placed["land_code"], placed["n"], strict=True))
        base = {"snapshot_id": int(snap.id), "taken_at": snap.taken_at, "origin": snap.origin}
        rows.append({**base, "region": GERMANY, "region_name": GERMANY_NAME,
                     "count": int(mine["n"].sum())})
        for land in laender.itertuples():
            count = int(by_land.get(land.code, 0))
            rows.append({**base, "region": land.code, "region_name": land.name, "count": count})
    return pd.DataFrame(rows, columns=list(SERIES_COLUMNS))


def reference_points(published: pd.DataFrame, category: str) -> pd.DataFrame:
    """The published counts of `category` (`as_of, region, count, source`), kept apart."""
    _check_category(category)
    chosen = published[published["category"] == category]
    return chosen[["as_of", "region", "count", "source"]].sort_values("as_of").reset_index(
        drop=True
    )


def land_growth(
    old: pd.DataFrame, new: pd.DataFrame, category: str, laender: pd.DataFrame
) -> pd.DataFrame:
    """Per Land: count in the older and newer provider frame, growth absolute and per 100,000
    inhabitants, ranked by absolute growth (ties: per 100k, then code). laender: `code, name,
    population`."""
    _check_category(category)
    count_old = _per_land(old, category)
    count_new = _per_land(new, category)
    frame = pd.DataFrame(
        {
            "land_code": laender["code"].to_numpy(),
            "land": laender["name"].to_numpy(),
            "population": laender["population"].astype("int64").to_numpy(),
        }
    )
    frame["count_old"] = frame["land_code"].map(count_old).fillna(0).astype("int64")
    frame["count_new"] = frame["land_code"].map(count_new).fillna(0).astype("int64")
    frame["growth"] = frame["count_new"] - frame["count_old"]
    frame["growth_per_100k"] = (frame["growth"] / frame["population"] * 100_000).round(3)
    frame = frame.sort_values(
        ["growth", "growth_per_100k", "land_code"], ascending=[False, False, True]
    ).reset_index(drop=True)
    frame.insert(0, "rank", range(1, len(frame) + 1))
    return frame[list(LAND_GROWTH_COLUMNS)]


def changes_by_land(diff: pd.DataFrame, laender: pd.DataFrame) -> pd.DataFrame:
    """From a `store.compute_diff` frame: per Land how many providers are new, vanished,
    changed; all 16 Länder plus a row "ohne Land" when some providers were not placed."""
    frame = pd.DataFrame({"land_code": laender["code"], "land": laender["name"]})
    placed = diff["land_code"].where(diff["land_code"].isin(frame["land_code"]), None)
    for kind in CHANGE_KINDS:
        counts = placed[diff["change"] == kind].value_counts()
        frame[kind] = frame["land_code"].map(counts).fillna(0).astype("int64")
    unplaced = diff[placed.isna()]
    if len(unplaced):
        extra = {"land_code": "", "land": "ohne Land"}
        extra.update({k: int((unplaced["change"] == k).sum()) for k in CHANGE_KINDS})
        frame = pd.concat([frame, pd.DataFrame([extra])], ignore_index=True)
    return frame.reset_index(drop=True)


def region_change(old_metrics: pd.DataFrame, new_metrics: pd.DataFrame) -> pd.DataFrame:
    """Per region (two `region_metrics` frames of the same level and category): count before
    and after, the change absolute and per 100,000 inhabitants."""
    frame = new_metrics[["code", "name", "land_code", "land", "population"]].copy()
    before = old_metrics.set_index("code")["count"]
    frame["count_old"] = frame["code"].map(before).fillna(0).astype("int64")
    frame["count_new"] = new_metrics["count"].astype("int64").to_numpy()
    frame["change"] = frame["count_new"] - frame["count_old"]
    population = frame["population"].astype("float64")
    frame["change_per_100k"] = (frame["change"] / population * 100_000).round(3)
    return frame[list(REGION_CHANGE_COLUMNS)].reset_index(drop=True)


def _per_land(providers: pd.DataFrame, category: str) -> pd.Series:
    mine = providers[providers["category"] == category]
    return mine["land_code"].dropna().value_counts()


def _check_category(category: str) -> None:
    if category not in CATEGORIES:
        raise InvalidArgument(f"category must be one of {', '.join(CATEGORIES)}, not {category!r}")


# --- thin wrappers over the store ------------------------------------------------------------


def recorded(snapshots: pd.DataFrame, category: str) -> pd.DataFrame:
    """The snapshots (rows of list_snapshots / served_series) that recorded `category`: a
    run of other categories only has no expected total for it, and its absence is not a 0."""
    _check_category(category)
    return snapshots[snapshots[f"expected_{category}"].notna()].reset_index(drop=True)


def snapshot_counts(
    engine: Engine, category: str, snapshots: pd.DataFrame | None = None
) -> pd.DataFrame:
    """count_series over `snapshots` (default: store.served_series, never demo mixed with real).

    Counted by the database (one grouped query), not from the snapshots' provider frames:
    a fresh server's first Entwicklung page read and decoded every provider of three
    snapshots to learn 17 numbers per snapshot (issue 21)."""
    import geodata

    _check_category(category)
    chosen = served_series(engine) if snapshots is None else snapshots
    return series_of_counts(provider_tally(engine, category, [int(i) for i in chosen["id"]]),
                            chosen, geodata.region_table("land"))


def provider_tally(engine: Engine, category: str, snapshot_ids: list[int]) -> pd.DataFrame:
    """How many providers of `category` each snapshot holds per Land: `snapshot_id,
    land_code, n` (`land_code` None for the providers not placed in a Land)."""
    table = schema.providers
    query = (
        select(table.c.snapshot_id, table.c.land_code, func.count().label("n"))
        .where(table.c.snapshot_id.in_(snapshot_ids), table.c.category == category)
        .group_by(table.c.snapshot_id, table.c.land_code)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all() if snapshot_ids else []
    return pd.DataFrame.from_records(rows, columns=["snapshot_id", "land_code", "n"])


def published_reference(category: str) -> pd.DataFrame:
    import geodata

    return reference_points(geodata.published_counts(), category)


def provider_changes(
    engine: Engine, old_id: int, new_id: int, category: str | None = None
) -> pd.DataFrame:
    """store.diff_snapshots with the Land name added (`land`), for tables and maps."""
    import geodata

    _check_pair(engine, old_id, new_id)
    diff = diff_snapshots(engine, old_id, new_id, category=category)
    old = load_providers(engine, old_id, category=category)
    new = load_providers(engine, new_id, category=category)
    return with_places(diff, old, new, geodata.LAENDER)


def with_places(
    diff: pd.DataFrame, old: pd.DataFrame, new: pd.DataFrame, laender: dict[str, str]
) -> pd.DataFrame:
    """Add `name` (newer name, the old one for vanished), `land` and `lon`/`lat` (from the
    side the provider is on: the old snapshot for vanished ones) to a diff, for maps."""
    keys = ["category", "source_id"]
    place = ["lon", "lat"]
    newer = new.reindex(columns=keys + place)
    older = old.reindex(columns=keys + place)
    out = diff.merge(newer, on=keys, how="left").merge(
        older, on=keys, how="left", suffixes=("", "_old")
    )
    vanished = out["change"] == "vanished"
    for column in place:
        out[column] = out[column].where(~vanished, out[f"{column}_old"]).astype("float64")
    out["name"] = out["name_new"].where(~vanished, out["name_old"])
    out["land"] = out["land_code"].map(laender)
    return out.drop(columns=[f"{c}_old" for c in place])


def land_growth_between(engine: Engine, old_id: int, new_id: int, category: str) -> pd.DataFrame:
    import geodata

    _check_pair(engine, old_id, new_id)
    old = load_providers(engine, old_id, category=category)
    new = load_providers(engine, new_id, category=category)
    return land_growth(old, new, category, geodata.region_table("land"))


def region_change_between(
    engine: Engine, old_id: int, new_id: int, level: str, category: str
) -> pd.DataFrame:
    check_level_category(level, category)
    _check_pair(engine, old_id, new_id)
    old = region_metrics(engine, old_id, level, category)
    new = region_metrics(engine, new_id, level, category)
    return region_change(old, new)


def _check_pair(engine: Engine, old_id: int, new_id: int) -> None:
    require_snapshot(engine, old_id)
    require_snapshot(engine, new_id)
