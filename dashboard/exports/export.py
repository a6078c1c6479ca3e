"""`export_view`: the one function behind every export button and `python -m dashboard export`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from dashboard.exports import tables
from dashboard.exports.alt_text import embed_description
from dashboard.exports.errors import ExportError
from dashboard.exports.naming import file_name
from dashboard.exports.publication import Publication, publish
from dashboard.exports.render import render_image
from dashboard.exports.request import ExportRequest, checked
from dashboard.exports.views import View

MIMETYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
    "csv-de": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "geojson": "application/geo+json",
    "gpkg": "application/geopackage+sqlite3",
}


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    filename: str
    mimetype: str


def _builder(request: ExportRequest) -> Callable[[Engine, ExportRequest], View]:
    # imported here: each builder pulls in its page's figure code, which the CLI's --help and
    # request validation do not need
    if request.page == "karte" and request.base is None:
        from dashboard.exports.map_views import compare_view, map_view

        return compare_view if request.compare else map_view
    if request.page == "erreichbarkeit" and request.view in ("car", "car-gemeinde"):
        from dashboard.exports.car_views import car_export_view

        return car_export_view
    if request.page == "erreichbarkeit":
        from dashboard.exports.access_views import access_export_view

        return access_export_view
    if request.page in ("tabelle", "anbieter"):
        from dashboard.exports import page_views

        return page_views.table_view if request.page == "tabelle" else page_views.providers_view
    from dashboard.exports import growth_views

    if request.page == "karte":
        return growth_views.region_change_view
    return {
        "verlauf": growth_views.series_view,
        "laender": growth_views.laender_view,
        "wachstum": growth_views.growth_view,
        "aenderungen": growth_views.changes_view,
        "veraenderung": growth_views.region_change_view,
    }[request.view]


def export_view(engine: Engine, request: ExportRequest) -> ExportFile:
    """Check the request, build the page's view from the store, encode it in the format."""
    request = checked(request)
    view = _builder(request)(engine, request)
    content = encode(view, request)
    prov = view.provenance
    name = file_name(request, prov.taken_at, prov.base_taken_at)
    return ExportFile(content, name, MIMETYPES[request.format])


def encode(view: View, request: ExportRequest) -> bytes:
    fmt = request.format
    if fmt in ("png", "svg", "pdf"):
        if view.figure is None:
            raise ExportError("Diese Ansicht hat keine Grafik; erlaubt sind Tabellenformate.")
        width, height = view.size
        pub = Publication(
            title=view.title, subtitle=view.subtitle, legend_title=view.legend_title,
            provenance=view.provenance, width=width, height=height, with_plz=view.with_plz,
            lead=view.lead,
        )
        scale = request.scale if fmt == "png" else 1
        image = render_image(publish(view.figure, pub), fmt, width, height, scale)
        # the text alternative travels with the file (SVG desc, PNG text, PDF /Alt)
        return embed_description(image, fmt, view.title, view.description or view.title,
                                 request.lang)
    if fmt in ("geojson", "gpkg"):
        if view.shapes is None:
            raise ExportError("Diese Ansicht hat keine Geometrie; erlaubt: csv, csv-de, xlsx.")
        if fmt == "geojson":
            return tables.to_geojson(view.shapes, view.title, view.provenance, view.with_plz)
        return tables.to_gpkg(view.shapes, view.title, view.provenance, view.layer, view.with_plz)
    if view.table is None:
        raise ExportError("Diese Ansicht hat keine Tabelle; erlaubt: png, svg, pdf.")
    encoder = {"csv": tables.to_csv, "csv-de": tables.to_csv_de, "xlsx": tables.to_xlsx}[fmt]
    return encoder(view.table, view.title, view.provenance, view.with_plz)
