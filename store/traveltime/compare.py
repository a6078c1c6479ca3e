"""Luftlinie beside road: for chosen Gemeinden, the straight-line km to the nearest
provider, and the road km and car minutes to the one nearest by time (the command's
`--compare`). The two nearest may be different providers; both are named."""

from __future__ import annotations

from sqlalchemy import Engine

from store.errors import InvalidArgument


def compare_rows(engine: Engine, snapshot_id: int, places: list[str]) -> list[dict]:
    """One row per (Gemeinde, category with times): ars, name, category, luftlinie_km,
    by_line (source id), road_km, minutes, by_road (source id); None where undefined."""
    from store.access import access_result, gemeinde_frame
    from store.traveltime.persist import travel_gemeinden

    gemeinden = gemeinde_frame(copy=False)
    position = {ars: i for i, ars in enumerate(gemeinden["ars"])}
    unknown = [p for p in places if p not in position]
    if unknown:
        raise InvalidArgument(f"unknown Gemeinde ARS: {', '.join(unknown[:3])}")
    rows = []
    for ars in places:
        i = position[ars]
        for category in ("ala", "wfbm", "ib"):
            try:
                times = travel_gemeinden(engine, snapshot_id, category, "all", gemeinden)
            except LookupError:
                continue
            if times.attrs["status"] != "ok":
                continue
            line = access_result(engine, snapshot_id, category, "all").gemeinden
            rows.append({
                "ars": ars, "name": gemeinden["name"].iat[i], "category": category,
                "luftlinie_km": _value(line["nearest_km"].iat[i]),
                "by_line": line["nearest_provider"].iat[i],
                "road_km": _value(times["road_km"].iat[i]),
                "minutes": _value(times["nearest_min"].iat[i]),
                "by_road": times["nearest_provider"].iat[i],
            })  # fmt: skip
    return rows


def _value(x) -> float | None:
    return None if x != x else round(float(x), 1)


def compare_lines(engine: Engine, snapshot_id: int, places: list[str]) -> list[str]:
    """The rows as an aligned text table (empty list when no places are asked)."""
    if not places:
        return []
    rows = compare_rows(engine, snapshot_id, places)
    head = f"{'ARS':<12}  {'Gemeinde':<24} {'kind':<5} {'Luftlinie km':>12} " \
           f"{'road km':>8} {'minutes':>8}  nearest by line / by road"
    out = [head]
    for r in rows:
        def show(v):
            return "unreachable" if v is None else f"{v:.1f}"
        out.append(f"{r['ars']:<12}  {r['name'][:24]:<24} {r['category']:<5} "
                   f"{show(r['luftlinie_km']):>12} {show(r['road_km']):>8} "
                   f"{show(r['minutes']):>8}  {r['by_line']} / {r['by_road'] or '–'}")
    return out
