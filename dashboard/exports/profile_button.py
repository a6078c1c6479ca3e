"""The region profile's "Profil als PDF" button: a background callback like the pages' exports.

The PDF is built in its turn in the export queue (or comes from the export cache), with the
button disabled, a progress bar and a cancel button while it waits or runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import flask
from dash import Dash, Input, Output, State, dcc, html, no_update

from dashboard.exports.buttons import TEXTS, background_options, progress_box, progress_line
from dashboard.exports.cache import profile_key
from dashboard.exports.errors import ExportError
from dashboard.exports.jobs import ExportCancelled, host_of_request
from dashboard.exports.service import service_for
from dashboard.frame import ids
from dashboard.model.data import AtlasData
from dashboard.model.state import parse_query

NAMES = {
    "button": ids.REGION_PDF,
    "status": ids.REGION_PDF_STATUS,
    "download": ids.REGION_DOWNLOAD,
    "cancel": "region-pdf-cancel",
    "progress": "region-pdf-progress",
    "bar": "region-pdf-progress-bar",
    "step": "region-pdf-progress-text",
}


def pdf_progress(lang: str) -> html.Div:
    """The profile PDF's progress bar, words and cancel button (hidden until it runs)."""
    return progress_box(NAMES, TEXTS.get(lang, TEXTS["de"]))


def register_profile_download(app: Dash, data: AtlasData,
                              code_of: Callable[[str | None, Dash], str]) -> None:
    """The download callback of the profile page's PDF button."""
    service = service_for(app)

    @app.callback(
        Output(NAMES["download"], "data"),
        Output(NAMES["status"], "children"),
        Input(NAMES["button"], "n_clicks"),
        State(ids.URL, "pathname"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
        **background_options(app, NAMES),
    )
    def download(set_progress: Callable[..., None], clicks: int | None,
                 pathname: str | None, search: str | None) -> Any:
        from dashboard.exports.profile_pdf import profile_pdf

        if not clicks:
            return no_update, no_update
        state, _ = parse_query(search)
        code = code_of(pathname, app)
        # the citation names the site's address; the job thread has no request to ask
        host = host_of_request()
        try:
            pdf = service.build(
                profile_key(data, code, state.snapshot, state.lang, host),
                lambda: _in_request(app, host, lambda: profile_pdf(data, code, state.snapshot,
                                                                   state.lang)),
                lambda *step: set_progress(progress_line(state.lang, *step)),
                state.lang, "profile.pdf")
        except ExportCancelled:
            return no_update, no_update
        except ExportError as exc:
            return no_update, str(exc)
        return dcc.send_bytes(pdf.content, pdf.filename), ""


def _in_request(app: Dash, host: str, make: Callable[[], Any]) -> Any:
    """`make()` inside a request context for `host`, so absolute links come out as they
    would in the request that asked for the file."""
    if not host or flask.has_request_context():
        return make()
    with app.server.test_request_context(base_url=host):
        return make()
