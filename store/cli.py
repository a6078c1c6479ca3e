"""Command line of the store: `python -m store access --recompute [--snapshot ID] [--db URL]`
computes the access measures again for existing snapshots (every one by default), and
`python -m store access --summary` prints the stored Germany figures as JSON lines;
`python -m store traveltime --osm FILE.osm.pbf [--tiles DIR] [--db URL] [--snapshot ID|all]`
builds (or reuses) Valhalla's road tiles and stores car times for the newest snapshot (or
the one given, or every one); `--compare ARS` prints Luftlinie km, road km and minutes of
those Gemeinden side by side."""

from __future__ import annotations

import argparse
import json
import sys


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m store", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    access = commands.add_parser("access", help="access measures (Luftlinie) of snapshots")
    what = access.add_mutually_exclusive_group(required=True)
    what.add_argument("--recompute", action="store_true", help="compute and store them again")
    what.add_argument("--summary", action="store_true", help="print the Germany figures")
    access.add_argument("--snapshot", type=int, action="append", help="one id (repeatable)")
    access.add_argument("--db", default=None, help="SQLAlchemy URL (default: DATABASE_URL)")
    travel = commands.add_parser("traveltime", help="car times by road (Valhalla, OSM extract)")
    travel.add_argument("--osm", required=True, help="the OpenStreetMap extract (.osm.pbf)")
    travel.add_argument("--tiles", default=None,
                        help="tile directory (default: data/valhalla/<extract name>)")
    travel.add_argument("--db", default=None, help="SQLAlchemy URL (default: DATABASE_URL)")
    travel.add_argument("--snapshot", default=None,
                        help="a snapshot id, or 'all' (default: the newest)")
    travel.add_argument("--compare", action="append", default=[], metavar="ARS",
                        help="print Luftlinie km, road km and minutes of this Gemeinde "
                        "(12-digit ARS; repeatable)")
    return parser


def _snapshot_ids(engine, value: str | None) -> list[int]:
    """'all' → every snapshot; None → the newest; else the one id (checked)."""
    import store

    ids = store.list_snapshots(engine).sort_values("taken_at")["id"].tolist()
    if value == "all":
        return [int(i) for i in ids]
    if value is None:
        if not ids:
            raise store.InvalidArgument("the database holds no snapshot")
        return [int(ids[-1])]
    if not value.isdigit():
        raise store.InvalidArgument(f"--snapshot must be an id or 'all', not {value!r}")
    return [int(store.require_snapshot(engine, int(value))["id"])]


def _traveltime(args) -> int:
    from pathlib import Path

    import store
    from store.traveltime.compare import compare_lines
    from store.traveltime.run import traveltime

    engine = store.connect(args.db)
    ids = _snapshot_ids(engine, args.snapshot)
    traveltime(engine, Path(args.osm), Path(args.tiles) if args.tiles else None, ids)
    for line in compare_lines(engine, ids[-1], args.compare):
        print(line)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    import store

    if args.command == "traveltime":
        try:
            return _traveltime(args)
        except store.StoreError as error:  # EngineError is one too
            print(f"error: {error}", file=sys.stderr)
            return 2
    from store.access import access_regions, combinations, recompute_access

    engine = store.connect(args.db)
    try:
        ids = args.snapshot
        if ids:
            for snapshot_id in ids:
                store.require_snapshot(engine, snapshot_id)
        if args.recompute:
            for snapshot_id, seconds in recompute_access(engine, ids).items():
                print(f"snapshot {snapshot_id}: access measures stored in {seconds:.2f} s")
            return 0
        ids = ids or store.list_snapshots(engine)["id"].tolist()
        for snapshot_id in ids:
            recorded = store.get_snapshot(engine, snapshot_id)["counts"]
            for category, service in combinations([c for c in store.CATEGORIES if c in recorded]):
                frame = access_regions(engine, snapshot_id, "germany", category, service)
                row = {k: (None if v != v else v) for k, v in frame.iloc[0].items()}
                row = {"snapshot": snapshot_id, "category": category, "service": service,
                       "status": frame.attrs["status"], **row}  # fmt: skip
                print(json.dumps(row, default=lambda v: v.item(), ensure_ascii=False))
        return 0
    except store.StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
