"""Command line of the store: `python -m store access --recompute [--snapshot ID] [--db URL]`
computes the access measures again for existing snapshots (every one by default), and
`python -m store access --summary` prints the stored Germany figures as JSON lines."""

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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    import store
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
