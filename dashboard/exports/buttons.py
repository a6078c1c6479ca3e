"""Export controls for the pages: a format choice, a button, a dcc.Download, a status line.

The callback turns the page URL into an `ExportRequest` and calls `export_view`, the same
function as `python -m dashboard export`, so a button and a script give the same file. It is a
Dash background callback (dashboard/exports/jobs.py): the file is built outside the request
threads, in its turn in a bounded queue, or comes from the export cache; while it waits or
runs the button is disabled, a progress bar says where it stands, and "Abbrechen" ends it. Below a
table it also reads the grid's state (rows after the user's filter and sort, visible columns)
so the file holds the rows and columns on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from dash import Dash, Input, Output, State, dcc, html, no_update

from dashboard.exports import grid_state
from dashboard.exports.cache import view_key
from dashboard.exports.errors import ExportError
from dashboard.exports.export import export_view
from dashboard.exports.jobs import INTERVAL_MS, ExportCancelled
from dashboard.exports.request import (
    FORMATS,
    GEO_FORMATS,
    IMAGE_FORMATS,
    TABLE_FORMATS,
    ExportRequest,
)
from dashboard.exports.service import service_for
from dashboard.frame import ids
from dashboard.model.data import AtlasData
from dashboard.model.state import parse_query

_log = logging.getLogger(__name__)

# what each page's export container offers (its first entry is preselected)
MAP_FORMATS = FORMATS  # the map as an image, its values as a table or with shapes
TABLE_DATA_FORMATS = TABLE_FORMATS + GEO_FORMATS
CHART_FORMATS = IMAGE_FORMATS
# the Karte page's comparison view has no container of its own in dashboard.frame.ids
COMPARE_SLOT = "karte-compare-export-slot"

FORMAT_LABELS = {
    "de": {
        "png": "PNG (Bild)",
        "svg": "SVG (Vektorgrafik)",
        "pdf": "PDF",
        "csv": "CSV (UTF-8)",
        "csv-de": "CSV für Excel (;)",
        "xlsx": "Excel (XLSX)",
        "geojson": "GeoJSON",
        "gpkg": "GeoPackage",
    },
    "en": {
        "png": "PNG (image)",
        "svg": "SVG (vector graphic)",
        "pdf": "PDF",
        "csv": "CSV (UTF-8)",
        "csv-de": "CSV for German Excel (;)",
        "xlsx": "Excel (XLSX)",
        "geojson": "GeoJSON",
        "gpkg": "GeoPackage",
    },
}
TEXTS = {
    "de": {
        "label": "Exportieren als", "button": "Herunterladen", "failed": "Export fehlgeschlagen",
        "cancel": "Abbrechen", "queued": "In der Warteschlange: Platz {place} von {waiting}",
        "rendering": "Datei wird erstellt …", "progress": "Fortschritt des Exports",
    },
    "en": {
        "label": "Export as", "button": "Download", "failed": "Export failed",
        "cancel": "Cancel", "queued": "Waiting in line: place {place} of {waiting}",
        "rendering": "Creating the file …", "progress": "Export progress",
    },
}
# the progress bar's steps: waiting in the queue, building the file (done: hidden)
STEPS = {"queued": 1, "rendering": 2}
STEP_COUNT = 3


def control_ids(slot: str) -> dict[str, str]:
    """The component ids of one export control, derived from its slot (a page container id)."""
    return {
        "format": f"{slot}-format",
        "button": f"{slot}-button",
        "download": f"{slot}-download",
        "status": f"{slot}-status",
        "grid": f"{slot}-grid-state",  # the grid as arranged at the click (table slots)
        "cancel": f"{slot}-cancel",
        "progress": f"{slot}-progress",  # box around bar and text, shown while it runs
        "bar": f"{slot}-progress-bar",
        "step": f"{slot}-progress-text",
    }


def export_controls(slot: str, formats: tuple[str, ...], lang: str = "de") -> html.Div:
    """A labelled format dropdown, a download button and a polite status line."""
    names = control_ids(slot)
    text = TEXTS.get(lang, TEXTS["de"])
    labels = FORMAT_LABELS.get(lang, FORMAT_LABELS["de"])
    return html.Div(
        [
            html.Label(text["label"], htmlFor=names["format"]),
            dcc.Dropdown(
                id=names["format"], value=formats[0], clearable=False, searchable=False,
                options=[{"label": labels[f], "value": f} for f in formats],
                className="export-format",
            ),
            html.Button(text["button"], id=names["button"], className="export-button",
                        type="button"),
            progress_box(names, text),
            dcc.Download(id=names["download"]),
            dcc.Store(id=names["grid"]),
            html.Span(id=names["status"], className="export-status", role="status"),
        ],
        className="export-controls",
    )


def progress_box(names: dict[str, str], text: dict[str, str]) -> html.Div:
    """The bar, its words and the cancel button; hidden until an export runs."""
    return html.Div(
        [
            html.Progress(id=names["bar"], max=STEP_COUNT, className="export-progress-bar",
                          **{"aria-label": text["progress"]}),
            html.Span(id=names["step"], className="export-progress-text", role="status"),
            html.Button(text["cancel"], id=names["cancel"], className="export-cancel",
                        type="button"),
        ],
        id=names["progress"], className="export-progress", hidden=True,
    )


def progress_line(lang: str, stage: str, place: int, waiting: int) -> tuple[int, int, str]:
    """The progress outputs (bar value, bar max, words) for one stage of a job."""
    text = TEXTS.get(lang, TEXTS["de"])
    words = text[stage].format(place=place, waiting=waiting)
    return STEPS[stage], STEP_COUNT, words


def background_options(app: Dash, names: dict[str, str]) -> dict[str, Any]:
    """The keyword arguments that make an export callback a background one: its manager,
    the progress outputs, what changes while it runs, and its cancel button."""
    return {
        "background": True,
        "manager": service_for(app).manager,
        "interval": INTERVAL_MS,
        "progress": [Output(names["bar"], "value"), Output(names["bar"], "max"),
                     Output(names["step"], "children")],
        "progress_default": [0, STEP_COUNT, ""],
        "running": [(Output(names["button"], "disabled"), True, False),
                    (Output(names["progress"], "hidden"), False, True)],
        "cancel": [Input(names["cancel"], "n_clicks")],
    }


def slot(slot_id: str, formats: tuple[str, ...], lang: str = "de") -> html.Div:
    """The pages' export container (`slot_id`) with the controls inside."""
    return html.Div(export_controls(slot_id, formats, lang), id=slot_id, className="export-slot")


def validation_slot(slot_id: str) -> html.Div:
    """The container and all its control ids, for a page's validation layout."""
    return html.Div(validation_components(slot_id), id=slot_id)


def validation_components(slot: str) -> html.Div:
    """All ids of one export control (for the page's validation layout)."""
    return export_controls(slot, ("csv",))


def register_export(
    app: Dash,
    data: AtlasData,
    slot: str,
    make_request: Callable[[str | None, str], ExportRequest],
    grid: tuple[str, str] | None = None,
) -> None:
    """The download callback of one export control. `grid` (grid id, row key field) makes a
    table export follow that AG Grid as the user arranged it: a clientside callback reads the
    rows after the user's filter and sort and the visible columns in their order at the
    click (keys and ids only, see grid_state), and the download callback follows it."""
    names = control_ids(slot)
    trigger = Input(names["button"], "n_clicks")
    if grid is not None:
        app.clientside_callback(
            grid_state.read_grid_js(*grid),
            Output(names["grid"], "data"),
            trigger,
            prevent_initial_call=True,
        )
        trigger = Input(names["grid"], "data")

    service = service_for(app)

    @app.callback(
        Output(names["download"], "data"),
        Output(names["status"], "children"),
        trigger,
        State(names["format"], "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
        **background_options(app, names),
    )
    def download(set_progress: Callable[..., None], clicked: Any, fmt: str,
                 search: str | None):
        if not clicked:
            return no_update, no_update
        lang = parse_query(search)[0].lang
        try:
            request = make_request(search, fmt)
            if grid is not None and not request.is_image:
                if not isinstance(clicked, dict):
                    raise ExportError("Der Zustand der Tabelle ist unlesbar.")
                rows, columns = grid_state.from_grid(clicked.get("rows"), clicked.get("columns"))
                request = replace(request, rows=rows, columns=columns)
            exported = service.build(
                view_key(data, request), lambda: export_view(data.engine, request),
                lambda *step: set_progress(progress_line(lang, *step)), lang,
                f"{request.page}.{request.format}")
        except ExportCancelled:
            return no_update, no_update
        except ExportError as exc:
            return no_update, str(exc)
        except Exception:  # noqa: BLE001 - the user gets a line, the log the trace
            _log.exception("export %s failed", slot)
            return no_update, TEXTS.get(lang, TEXTS["de"])["failed"]
        return dcc.send_bytes(exported.content, exported.filename), exported.filename
