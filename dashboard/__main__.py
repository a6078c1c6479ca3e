"""`python -m dashboard export …`: the dashboard's exports for scripts.

The same `export_view` as the buttons on the pages, so a script gets the same file. Choices
are checked by the export layer; a bad one ends with one line on stderr and exit status 1.

    python -m dashboard export --page karte --level kreis --category ala --metric per100k \\
        --format png --out ala.png
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from dashboard.exports.errors import ExportError
from dashboard.exports.request import ExportRequest


@click.group()
def cli() -> None:
    """aLA-Atlas dashboard tools."""


@cli.command()
@click.option("--page", required=True, help="karte | tabelle | anbieter | entwicklung")
@click.option("--format", "fmt", required=True,
              help="png | svg | pdf | csv | csv-de | xlsx | geojson | gpkg")
@click.option("--level", default="land", show_default=True, help="land | kreis")
@click.option("--category", default="ala", show_default=True, help="ala | wfbm | ib")
@click.option("--metric", default="count", show_default=True,
              help="count | per100k | ala_share | ala_per_wfbm | none_here")
@click.option("--snapshot", type=int, default=None, help="snapshot id (default: the served one)")
@click.option("--base", type=int, default=None,
              help="older snapshot id: change map (karte) or comparison (entwicklung)")
@click.option("--view", default="verlauf", show_default=True,
              help="entwicklung: verlauf | wachstum | aenderungen | veraenderung")
@click.option("--classes", default="continuous", show_default=True,
              help="karte: continuous | quantiles | equal")
@click.option("--points", is_flag=True, help="karte: draw the providers as points")
@click.option("--per-100k", "per_100k", is_flag=True,
              help="entwicklung: growth and change per 100,000 inhabitants")
@click.option("--land", default=None, help="tabelle/anbieter: only this Land (01…16)")
@click.option("--search", default=None, help="anbieter: search text")
@click.option("--service", default=None, help="anbieter: only providers with this service")
@click.option("--all-categories", is_flag=True, help="anbieter: all three kinds")
@click.option("--scale", type=float, default=2.0, show_default=True, help="PNG pixel density")
@click.option("--lang", default="de", show_default=True, help="de | en: language of the file")
@click.option("--rows", callback=lambda _c, _p, v: _comma_list(v), default=None,
              help="tabelle/anbieter: only these rows, in this order (region codes or provider "
                   "source_ids, comma-separated), as a user's sorted/filtered grid would")
@click.option("--columns", callback=lambda _c, _p, v: _comma_list(v), default=None,
              help="tabelle/anbieter: only these columns, in this order (grid field ids, "
                   "comma-separated, e.g. name,code,count)")
@click.option("--db", default=None, help="database URL (default: DATABASE_URL or data/)")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="file to write, or a folder for the descriptive default name")
def export(fmt: str, out: Path | None, db: str | None, **choices: object) -> None:
    """Write one export of a page view to a file and print its path."""
    started = time.perf_counter()
    try:
        request = ExportRequest(format=fmt, **choices)  # type: ignore[arg-type]
        exported = _export(request, db)
    except (ExportError, ValueError, LookupError) as exc:
        raise click.ClickException(" ".join(str(exc).split())) from exc
    target = out if out is not None else Path(exported.filename)
    if target.is_dir():
        target = target / exported.filename
    target.write_bytes(exported.content)
    seconds = time.perf_counter() - started
    click.echo(f"{target} ({len(exported.content):,} bytes, {seconds:.2f} s)")


def _comma_list(value: str | None) -> tuple[str, ...] | None:
    """"01, 09" → ("01", "09"); codes stay strings (leading zeros)."""
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _export(request: ExportRequest, db: str | None):
    import store
    from dashboard.exports import export_view
    from dashboard.exports.render import stop_renderer
    from dashboard.exports.request import checked

    checked(request)  # bad choices fail before the database is opened
    engine = store.connect(db)
    try:
        return export_view(engine, request)
    finally:
        stop_renderer()
        engine.dispose()


def main() -> None:
    cli(prog_name="python -m dashboard")


if __name__ == "__main__":
    sys.exit(main())
