"""Command line: `python -m geodata build` and `python -m geodata locate PLZ [ORT]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geodata", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build geodata/generated/ from geodata/raw/")
    build.add_argument("--out", type=Path, default=None, help="another output folder")
    locate = commands.add_parser("locate", help="PLZ (+ Ort) → Gemeinde, Kreis, Land as JSON")
    locate.add_argument("plz")
    # nargs="*": "Frankfurt am Main" works with or without quotes
    locate.add_argument("city", nargs="*", help="Ort (optional)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "build":
        from geodata.build import main as build_main

        return build_main(args.out)
    from geodata.geocoder import LocateError, locate

    try:
        result = locate(args.plz, " ".join(args.city) or None)
    except LocateError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False))
    return 0
